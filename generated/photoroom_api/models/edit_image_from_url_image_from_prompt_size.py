from typing import Literal

EditImageFromUrlImageFromPromptSize = Literal[
    "LANDSCAPE_16_9", "LANDSCAPE_4_3", "PORTRAIT_16_9", "PORTRAIT_4_3", "SQUARE_HD"
]

EDIT_IMAGE_FROM_URL_IMAGE_FROM_PROMPT_SIZE_VALUES: set[
    EditImageFromUrlImageFromPromptSize
] = {
    "LANDSCAPE_16_9",
    "LANDSCAPE_4_3",
    "PORTRAIT_16_9",
    "PORTRAIT_4_3",
    "SQUARE_HD",
}


def check_edit_image_from_url_image_from_prompt_size(
    value: str,
) -> EditImageFromUrlImageFromPromptSize:
    if value in EDIT_IMAGE_FROM_URL_IMAGE_FROM_PROMPT_SIZE_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {EDIT_IMAGE_FROM_URL_IMAGE_FROM_PROMPT_SIZE_VALUES!r}"
    )
