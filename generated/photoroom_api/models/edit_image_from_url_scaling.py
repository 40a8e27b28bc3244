from typing import Literal

EditImageFromUrlScaling = Literal["fill", "fit"]

EDIT_IMAGE_FROM_URL_SCALING_VALUES: set[EditImageFromUrlScaling] = {
    "fill",
    "fit",
}


def check_edit_image_from_url_scaling(value: str) -> EditImageFromUrlScaling:
    if value in EDIT_IMAGE_FROM_URL_SCALING_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {EDIT_IMAGE_FROM_URL_SCALING_VALUES!r}"
    )
