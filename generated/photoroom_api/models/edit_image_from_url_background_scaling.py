from typing import Literal

EditImageFromUrlBackgroundScaling = Literal["fill", "fit"]

EDIT_IMAGE_FROM_URL_BACKGROUND_SCALING_VALUES: set[
    EditImageFromUrlBackgroundScaling
] = {
    "fill",
    "fit",
}


def check_edit_image_from_url_background_scaling(
    value: str,
) -> EditImageFromUrlBackgroundScaling:
    if value in EDIT_IMAGE_FROM_URL_BACKGROUND_SCALING_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {EDIT_IMAGE_FROM_URL_BACKGROUND_SCALING_VALUES!r}"
    )
