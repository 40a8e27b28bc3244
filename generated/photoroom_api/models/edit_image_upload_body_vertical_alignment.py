from typing import Literal

EditImageUploadBodyVerticalAlignment = Literal["bottom", "center", "top"]

EDIT_IMAGE_UPLOAD_BODY_VERTICAL_ALIGNMENT_VALUES: set[
    EditImageUploadBodyVerticalAlignment
] = {
    "bottom",
    "center",
    "top",
}


def check_edit_image_upload_body_vertical_alignment(
    value: str,
) -> EditImageUploadBodyVerticalAlignment:
    if value in EDIT_IMAGE_UPLOAD_BODY_VERTICAL_ALIGNMENT_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {EDIT_IMAGE_UPLOAD_BODY_VERTICAL_ALIGNMENT_VALUES!r}"
    )
