from typing import Literal

EditImageUploadBodyImageFromPromptSize = Literal[
    "LANDSCAPE_16_9", "LANDSCAPE_4_3", "PORTRAIT_16_9", "PORTRAIT_4_3", "SQUARE_HD"
]

EDIT_IMAGE_UPLOAD_BODY_IMAGE_FROM_PROMPT_SIZE_VALUES: set[
    EditImageUploadBodyImageFromPromptSize
] = {
    "LANDSCAPE_16_9",
    "LANDSCAPE_4_3",
    "PORTRAIT_16_9",
    "PORTRAIT_4_3",
    "SQUARE_HD",
}


def check_edit_image_upload_body_image_from_prompt_size(
    value: str,
) -> EditImageUploadBodyImageFromPromptSize:
    if value in EDIT_IMAGE_UPLOAD_BODY_IMAGE_FROM_PROMPT_SIZE_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {EDIT_IMAGE_UPLOAD_BODY_IMAGE_FROM_PROMPT_SIZE_VALUES!r}"
    )
