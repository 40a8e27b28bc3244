from typing import Literal

EditImageUploadBodyBackgroundExpandPromptMode = Literal["ai.auto", "ai.never"]

EDIT_IMAGE_UPLOAD_BODY_BACKGROUND_EXPAND_PROMPT_MODE_VALUES: set[
    EditImageUploadBodyBackgroundExpandPromptMode
] = {
    "ai.auto",
    "ai.never",
}


def check_edit_image_upload_body_background_expand_prompt_mode(
    value: str,
) -> EditImageUploadBodyBackgroundExpandPromptMode:
    if value in EDIT_IMAGE_UPLOAD_BODY_BACKGROUND_EXPAND_PROMPT_MODE_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {EDIT_IMAGE_UPLOAD_BODY_BACKGROUND_EXPAND_PROMPT_MODE_VALUES!r}"
    )
