from typing import Literal

EditImageUploadBodyBackgroundScaling = Literal["fill", "fit"]

EDIT_IMAGE_UPLOAD_BODY_BACKGROUND_SCALING_VALUES: set[
    EditImageUploadBodyBackgroundScaling
] = {
    "fill",
    "fit",
}


def check_edit_image_upload_body_background_scaling(
    value: str,
) -> EditImageUploadBodyBackgroundScaling:
    if value in EDIT_IMAGE_UPLOAD_BODY_BACKGROUND_SCALING_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {EDIT_IMAGE_UPLOAD_BODY_BACKGROUND_SCALING_VALUES!r}"
    )
