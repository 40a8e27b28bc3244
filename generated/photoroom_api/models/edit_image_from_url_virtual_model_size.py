from typing import Literal

EditImageFromUrlVirtualModelSize = Literal[
    "LANDSCAPE_HD_16_9",
    "LANDSCAPE_HD_3_2",
    "LANDSCAPE_HD_4_3",
    "PORTRAIT_HD_16_9",
    "PORTRAIT_HD_3_2",
    "PORTRAIT_HD_4_3",
    "SQUARE_HD",
]

EDIT_IMAGE_FROM_URL_VIRTUAL_MODEL_SIZE_VALUES: set[EditImageFromUrlVirtualModelSize] = {
    "LANDSCAPE_HD_16_9",
    "LANDSCAPE_HD_3_2",
    "LANDSCAPE_HD_4_3",
    "PORTRAIT_HD_16_9",
    "PORTRAIT_HD_3_2",
    "PORTRAIT_HD_4_3",
    "SQUARE_HD",
}


def check_edit_image_from_url_virtual_model_size(
    value: str,
) -> EditImageFromUrlVirtualModelSize:
    if value in EDIT_IMAGE_FROM_URL_VIRTUAL_MODEL_SIZE_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {EDIT_IMAGE_FROM_URL_VIRTUAL_MODEL_SIZE_VALUES!r}"
    )
