from typing import Literal

EditImageFromUrlLightingMode = Literal[
    "ai.auto", "ai.optimize-portrait", "ai.preserve-hue-and-saturation"
]

EDIT_IMAGE_FROM_URL_LIGHTING_MODE_VALUES: set[EditImageFromUrlLightingMode] = {
    "ai.auto",
    "ai.optimize-portrait",
    "ai.preserve-hue-and-saturation",
}


def check_edit_image_from_url_lighting_mode(value: str) -> EditImageFromUrlLightingMode:
    if value in EDIT_IMAGE_FROM_URL_LIGHTING_MODE_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {EDIT_IMAGE_FROM_URL_LIGHTING_MODE_VALUES!r}"
    )
