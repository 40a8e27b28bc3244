from typing import Literal

EditImageFromUrlUpscaleMode = Literal["ai.fast", "ai.slow"]

EDIT_IMAGE_FROM_URL_UPSCALE_MODE_VALUES: set[EditImageFromUrlUpscaleMode] = {
    "ai.fast",
    "ai.slow",
}


def check_edit_image_from_url_upscale_mode(value: str) -> EditImageFromUrlUpscaleMode:
    if value in EDIT_IMAGE_FROM_URL_UPSCALE_MODE_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {EDIT_IMAGE_FROM_URL_UPSCALE_MODE_VALUES!r}"
    )
