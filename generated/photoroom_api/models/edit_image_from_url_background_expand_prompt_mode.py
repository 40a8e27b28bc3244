from typing import Literal

EditImageFromUrlBackgroundExpandPromptMode = Literal["ai.auto", "ai.never"]

EDIT_IMAGE_FROM_URL_BACKGROUND_EXPAND_PROMPT_MODE_VALUES: set[
    EditImageFromUrlBackgroundExpandPromptMode
] = {
    "ai.auto",
    "ai.never",
}


def check_edit_image_from_url_background_expand_prompt_mode(
    value: str,
) -> EditImageFromUrlBackgroundExpandPromptMode:
    if value in EDIT_IMAGE_FROM_URL_BACKGROUND_EXPAND_PROMPT_MODE_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {EDIT_IMAGE_FROM_URL_BACKGROUND_EXPAND_PROMPT_MODE_VALUES!r}"
    )
