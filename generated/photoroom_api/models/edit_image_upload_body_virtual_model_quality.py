from typing import Literal

EditImageUploadBodyVirtualModelQuality = Literal["advanced", "premium", "standard"]

EDIT_IMAGE_UPLOAD_BODY_VIRTUAL_MODEL_QUALITY_VALUES: set[
    EditImageUploadBodyVirtualModelQuality
] = {
    "advanced",
    "premium",
    "standard",
}


def check_edit_image_upload_body_virtual_model_quality(
    value: str,
) -> EditImageUploadBodyVirtualModelQuality:
    if value in EDIT_IMAGE_UPLOAD_BODY_VIRTUAL_MODEL_QUALITY_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {EDIT_IMAGE_UPLOAD_BODY_VIRTUAL_MODEL_QUALITY_VALUES!r}"
    )
