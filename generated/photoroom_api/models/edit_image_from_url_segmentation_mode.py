from typing import Literal

EditImageFromUrlSegmentationMode = Literal["ignoreSalientObject", "keepSalientObject"]

EDIT_IMAGE_FROM_URL_SEGMENTATION_MODE_VALUES: set[EditImageFromUrlSegmentationMode] = {
    "ignoreSalientObject",
    "keepSalientObject",
}


def check_edit_image_from_url_segmentation_mode(
    value: str,
) -> EditImageFromUrlSegmentationMode:
    if value in EDIT_IMAGE_FROM_URL_SEGMENTATION_MODE_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {EDIT_IMAGE_FROM_URL_SEGMENTATION_MODE_VALUES!r}"
    )
