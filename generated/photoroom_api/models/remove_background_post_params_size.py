from typing import Literal

RemoveBackgroundPOSTParamsSize = Literal["full", "hd", "medium", "preview"]

REMOVE_BACKGROUND_POST_PARAMS_SIZE_VALUES: set[RemoveBackgroundPOSTParamsSize] = {
    "full",
    "hd",
    "medium",
    "preview",
}


def check_remove_background_post_params_size(
    value: str,
) -> RemoveBackgroundPOSTParamsSize:
    if value in REMOVE_BACKGROUND_POST_PARAMS_SIZE_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {REMOVE_BACKGROUND_POST_PARAMS_SIZE_VALUES!r}"
    )
