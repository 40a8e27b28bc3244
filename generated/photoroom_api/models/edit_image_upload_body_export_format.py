from typing import Literal

EditImageUploadBodyExportFormat = Literal["jpeg", "jpg", "png", "webp"]

EDIT_IMAGE_UPLOAD_BODY_EXPORT_FORMAT_VALUES: set[EditImageUploadBodyExportFormat] = {
    "jpeg",
    "jpg",
    "png",
    "webp",
}


def check_edit_image_upload_body_export_format(
    value: str,
) -> EditImageUploadBodyExportFormat:
    if value in EDIT_IMAGE_UPLOAD_BODY_EXPORT_FORMAT_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {EDIT_IMAGE_UPLOAD_BODY_EXPORT_FORMAT_VALUES!r}"
    )
