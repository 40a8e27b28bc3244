from typing import Literal

EditImageUploadBodyUpscaleMode = Literal["ai.fast", "ai.slow"]

EDIT_IMAGE_UPLOAD_BODY_UPSCALE_MODE_VALUES: set[EditImageUploadBodyUpscaleMode] = {
    "ai.fast",
    "ai.slow",
}


def check_edit_image_upload_body_upscale_mode(
    value: str,
) -> EditImageUploadBodyUpscaleMode:
    if value in EDIT_IMAGE_UPLOAD_BODY_UPSCALE_MODE_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {EDIT_IMAGE_UPLOAD_BODY_UPSCALE_MODE_VALUES!r}"
    )
