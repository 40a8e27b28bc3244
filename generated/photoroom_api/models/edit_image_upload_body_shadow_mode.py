from typing import Literal

EditImageUploadBodyShadowMode = Literal[
    "ai.auto-with-overrides",
    "ai.floating",
    "ai.hard",
    "ai.preset-hard",
    "ai.preset-soft",
    "ai.soft",
]

EDIT_IMAGE_UPLOAD_BODY_SHADOW_MODE_VALUES: set[EditImageUploadBodyShadowMode] = {
    "ai.auto-with-overrides",
    "ai.floating",
    "ai.hard",
    "ai.preset-hard",
    "ai.preset-soft",
    "ai.soft",
}


def check_edit_image_upload_body_shadow_mode(
    value: str,
) -> EditImageUploadBodyShadowMode:
    if value in EDIT_IMAGE_UPLOAD_BODY_SHADOW_MODE_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {EDIT_IMAGE_UPLOAD_BODY_SHADOW_MODE_VALUES!r}"
    )
