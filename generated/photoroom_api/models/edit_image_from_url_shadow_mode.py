from typing import Literal

EditImageFromUrlShadowMode = Literal[
    "ai.auto-with-overrides",
    "ai.floating",
    "ai.hard",
    "ai.preset-hard",
    "ai.preset-soft",
    "ai.soft",
]

EDIT_IMAGE_FROM_URL_SHADOW_MODE_VALUES: set[EditImageFromUrlShadowMode] = {
    "ai.auto-with-overrides",
    "ai.floating",
    "ai.hard",
    "ai.preset-hard",
    "ai.preset-soft",
    "ai.soft",
}


def check_edit_image_from_url_shadow_mode(value: str) -> EditImageFromUrlShadowMode:
    if value in EDIT_IMAGE_FROM_URL_SHADOW_MODE_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {EDIT_IMAGE_FROM_URL_SHADOW_MODE_VALUES!r}"
    )
