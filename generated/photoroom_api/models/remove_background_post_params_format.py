from typing import Literal

RemoveBackgroundPOSTParamsFormat = Literal["jpg", "png", "webp"]

REMOVE_BACKGROUND_POST_PARAMS_FORMAT_VALUES: set[RemoveBackgroundPOSTParamsFormat] = {
    "jpg",
    "png",
    "webp",
}


def check_remove_background_post_params_format(
    value: str,
) -> RemoveBackgroundPOSTParamsFormat:
    if value in REMOVE_BACKGROUND_POST_PARAMS_FORMAT_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {REMOVE_BACKGROUND_POST_PARAMS_FORMAT_VALUES!r}"
    )
