from typing import Literal

EditImageUploadBodyReferenceBox = Literal["originalImage", "subjectBox"]

EDIT_IMAGE_UPLOAD_BODY_REFERENCE_BOX_VALUES: set[EditImageUploadBodyReferenceBox] = {
    "originalImage",
    "subjectBox",
}


def check_edit_image_upload_body_reference_box(
    value: str,
) -> EditImageUploadBodyReferenceBox:
    if value in EDIT_IMAGE_UPLOAD_BODY_REFERENCE_BOX_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {EDIT_IMAGE_UPLOAD_BODY_REFERENCE_BOX_VALUES!r}"
    )
