from typing import Literal

EditImageUploadBodyLightingMode = Literal[
    "ai.auto", "ai.optimize-portrait", "ai.preserve-hue-and-saturation"
]

EDIT_IMAGE_UPLOAD_BODY_LIGHTING_MODE_VALUES: set[EditImageUploadBodyLightingMode] = {
    "ai.auto",
    "ai.optimize-portrait",
    "ai.preserve-hue-and-saturation",
}


def check_edit_image_upload_body_lighting_mode(
    value: str,
) -> EditImageUploadBodyLightingMode:
    if value in EDIT_IMAGE_UPLOAD_BODY_LIGHTING_MODE_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {EDIT_IMAGE_UPLOAD_BODY_LIGHTING_MODE_VALUES!r}"
    )
