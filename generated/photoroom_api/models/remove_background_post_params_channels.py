from typing import Literal

RemoveBackgroundPOSTParamsChannels = Literal["alpha", "rgba"]

REMOVE_BACKGROUND_POST_PARAMS_CHANNELS_VALUES: set[
    RemoveBackgroundPOSTParamsChannels
] = {
    "alpha",
    "rgba",
}


def check_remove_background_post_params_channels(
    value: str,
) -> RemoveBackgroundPOSTParamsChannels:
    if value in REMOVE_BACKGROUND_POST_PARAMS_CHANNELS_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {REMOVE_BACKGROUND_POST_PARAMS_CHANNELS_VALUES!r}"
    )
