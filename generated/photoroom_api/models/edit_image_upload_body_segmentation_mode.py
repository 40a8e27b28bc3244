from typing import Literal

EditImageUploadBodySegmentationMode = Literal[
    "ignoreSalientObject", "keepSalientObject"
]

EDIT_IMAGE_UPLOAD_BODY_SEGMENTATION_MODE_VALUES: set[
    EditImageUploadBodySegmentationMode
] = {
    "ignoreSalientObject",
    "keepSalientObject",
}


def check_edit_image_upload_body_segmentation_mode(
    value: str,
) -> EditImageUploadBodySegmentationMode:
    if value in EDIT_IMAGE_UPLOAD_BODY_SEGMENTATION_MODE_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {EDIT_IMAGE_UPLOAD_BODY_SEGMENTATION_MODE_VALUES!r}"
    )
