from typing import Literal

EditImageFromUrlGhostMannequinSize = Literal[
    "LANDSCAPE_HD_16_9",
    "LANDSCAPE_HD_3_2",
    "LANDSCAPE_HD_4_3",
    "PORTRAIT_HD_16_9",
    "PORTRAIT_HD_3_2",
    "PORTRAIT_HD_4_3",
    "SQUARE_HD",
]

EDIT_IMAGE_FROM_URL_GHOST_MANNEQUIN_SIZE_VALUES: set[
    EditImageFromUrlGhostMannequinSize
] = {
    "LANDSCAPE_HD_16_9",
    "LANDSCAPE_HD_3_2",
    "LANDSCAPE_HD_4_3",
    "PORTRAIT_HD_16_9",
    "PORTRAIT_HD_3_2",
    "PORTRAIT_HD_4_3",
    "SQUARE_HD",
}


def check_edit_image_from_url_ghost_mannequin_size(
    value: str,
) -> EditImageFromUrlGhostMannequinSize:
    if value in EDIT_IMAGE_FROM_URL_GHOST_MANNEQUIN_SIZE_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {EDIT_IMAGE_FROM_URL_GHOST_MANNEQUIN_SIZE_VALUES!r}"
    )
