from typing import Literal

EditImageUploadBodyBackgroundExpandPrompt = Literal["auto", "never"]

EDIT_IMAGE_UPLOAD_BODY_BACKGROUND_EXPAND_PROMPT_VALUES: set[
    EditImageUploadBodyBackgroundExpandPrompt
] = {
    "auto",
    "never",
}


def check_edit_image_upload_body_background_expand_prompt(
    value: str,
) -> EditImageUploadBodyBackgroundExpandPrompt:
    if value in EDIT_IMAGE_UPLOAD_BODY_BACKGROUND_EXPAND_PROMPT_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {EDIT_IMAGE_UPLOAD_BODY_BACKGROUND_EXPAND_PROMPT_VALUES!r}"
    )
