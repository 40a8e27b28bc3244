from typing import Literal

EditImageUploadBodyHorizontalAlignment = Literal["center", "left", "right"]

EDIT_IMAGE_UPLOAD_BODY_HORIZONTAL_ALIGNMENT_VALUES: set[
    EditImageUploadBodyHorizontalAlignment
] = {
    "center",
    "left",
    "right",
}


def check_edit_image_upload_body_horizontal_alignment(
    value: str,
) -> EditImageUploadBodyHorizontalAlignment:
    if value in EDIT_IMAGE_UPLOAD_BODY_HORIZONTAL_ALIGNMENT_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {EDIT_IMAGE_UPLOAD_BODY_HORIZONTAL_ALIGNMENT_VALUES!r}"
    )
