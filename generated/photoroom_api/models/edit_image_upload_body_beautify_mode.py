from typing import Literal

EditImageUploadBodyBeautifyMode = Literal["ai.auto", "ai.car", "ai.food"]

EDIT_IMAGE_UPLOAD_BODY_BEAUTIFY_MODE_VALUES: set[EditImageUploadBodyBeautifyMode] = {
    "ai.auto",
    "ai.car",
    "ai.food",
}


def check_edit_image_upload_body_beautify_mode(
    value: str,
) -> EditImageUploadBodyBeautifyMode:
    if value in EDIT_IMAGE_UPLOAD_BODY_BEAUTIFY_MODE_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {EDIT_IMAGE_UPLOAD_BODY_BEAUTIFY_MODE_VALUES!r}"
    )
