from typing import Literal

EditImageFromUrlBackgroundExpandPrompt = Literal["auto", "never"]

EDIT_IMAGE_FROM_URL_BACKGROUND_EXPAND_PROMPT_VALUES: set[
    EditImageFromUrlBackgroundExpandPrompt
] = {
    "auto",
    "never",
}


def check_edit_image_from_url_background_expand_prompt(
    value: str,
) -> EditImageFromUrlBackgroundExpandPrompt:
    if value in EDIT_IMAGE_FROM_URL_BACKGROUND_EXPAND_PROMPT_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {EDIT_IMAGE_FROM_URL_BACKGROUND_EXPAND_PROMPT_VALUES!r}"
    )
