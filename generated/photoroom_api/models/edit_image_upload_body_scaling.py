from typing import Literal

EditImageUploadBodyScaling = Literal["fill", "fit"]

EDIT_IMAGE_UPLOAD_BODY_SCALING_VALUES: set[EditImageUploadBodyScaling] = {
    "fill",
    "fit",
}


def check_edit_image_upload_body_scaling(value: str) -> EditImageUploadBodyScaling:
    if value in EDIT_IMAGE_UPLOAD_BODY_SCALING_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {EDIT_IMAGE_UPLOAD_BODY_SCALING_VALUES!r}"
    )
