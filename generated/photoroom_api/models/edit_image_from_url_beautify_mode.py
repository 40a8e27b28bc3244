from typing import Literal

EditImageFromUrlBeautifyMode = Literal["ai.auto", "ai.car", "ai.food"]

EDIT_IMAGE_FROM_URL_BEAUTIFY_MODE_VALUES: set[EditImageFromUrlBeautifyMode] = {
    "ai.auto",
    "ai.car",
    "ai.food",
}


def check_edit_image_from_url_beautify_mode(value: str) -> EditImageFromUrlBeautifyMode:
    if value in EDIT_IMAGE_FROM_URL_BEAUTIFY_MODE_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {EDIT_IMAGE_FROM_URL_BEAUTIFY_MODE_VALUES!r}"
    )
