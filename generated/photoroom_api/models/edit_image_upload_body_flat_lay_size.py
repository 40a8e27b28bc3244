from typing import Literal

EditImageUploadBodyFlatLaySize = Literal[
    "LANDSCAPE_HD_16_9",
    "LANDSCAPE_HD_3_2",
    "LANDSCAPE_HD_4_3",
    "PORTRAIT_HD_16_9",
    "PORTRAIT_HD_3_2",
    "PORTRAIT_HD_4_3",
    "SQUARE_HD",
]

EDIT_IMAGE_UPLOAD_BODY_FLAT_LAY_SIZE_VALUES: set[EditImageUploadBodyFlatLaySize] = {
    "LANDSCAPE_HD_16_9",
    "LANDSCAPE_HD_3_2",
    "LANDSCAPE_HD_4_3",
    "PORTRAIT_HD_16_9",
    "PORTRAIT_HD_3_2",
    "PORTRAIT_HD_4_3",
    "SQUARE_HD",
}


def check_edit_image_upload_body_flat_lay_size(
    value: str,
) -> EditImageUploadBodyFlatLaySize:
    if value in EDIT_IMAGE_UPLOAD_BODY_FLAT_LAY_SIZE_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {EDIT_IMAGE_UPLOAD_BODY_FLAT_LAY_SIZE_VALUES!r}"
    )
