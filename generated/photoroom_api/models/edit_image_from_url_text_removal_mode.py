from typing import Literal

EditImageFromUrlTextRemovalMode = Literal["ai.all", "ai.artificial", "ai.natural"]

EDIT_IMAGE_FROM_URL_TEXT_REMOVAL_MODE_VALUES: set[EditImageFromUrlTextRemovalMode] = {
    "ai.all",
    "ai.artificial",
    "ai.natural",
}


def check_edit_image_from_url_text_removal_mode(
    value: str,
) -> EditImageFromUrlTextRemovalMode:
    if value in EDIT_IMAGE_FROM_URL_TEXT_REMOVAL_MODE_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {EDIT_IMAGE_FROM_URL_TEXT_REMOVAL_MODE_VALUES!r}"
    )
