from typing import Literal

EditImageFromUrlExportFormat = Literal["jpeg", "jpg", "png", "webp"]

EDIT_IMAGE_FROM_URL_EXPORT_FORMAT_VALUES: set[EditImageFromUrlExportFormat] = {
    "jpeg",
    "jpg",
    "png",
    "webp",
}


def check_edit_image_from_url_export_format(value: str) -> EditImageFromUrlExportFormat:
    if value in EDIT_IMAGE_FROM_URL_EXPORT_FORMAT_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {EDIT_IMAGE_FROM_URL_EXPORT_FORMAT_VALUES!r}"
    )
