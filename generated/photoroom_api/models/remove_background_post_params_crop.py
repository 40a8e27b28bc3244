from typing import Literal

RemoveBackgroundPOSTParamsCrop = Literal["false", "true"]

REMOVE_BACKGROUND_POST_PARAMS_CROP_VALUES: set[RemoveBackgroundPOSTParamsCrop] = {
    "false",
    "true",
}


def check_remove_background_post_params_crop(
    value: str,
) -> RemoveBackgroundPOSTParamsCrop:
    if value in REMOVE_BACKGROUND_POST_PARAMS_CROP_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {REMOVE_BACKGROUND_POST_PARAMS_CROP_VALUES!r}"
    )
