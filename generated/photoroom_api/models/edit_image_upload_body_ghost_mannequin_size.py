from typing import Literal

EditImageUploadBodyGhostMannequinSize = Literal[
    "LANDSCAPE_HD_16_9",
    "LANDSCAPE_HD_3_2",
    "LANDSCAPE_HD_4_3",
    "PORTRAIT_HD_16_9",
    "PORTRAIT_HD_3_2",
    "PORTRAIT_HD_4_3",
    "SQUARE_HD",
]

EDIT_IMAGE_UPLOAD_BODY_GHOST_MANNEQUIN_SIZE_VALUES: set[
    EditImageUploadBodyGhostMannequinSize
] = {
    "LANDSCAPE_HD_16_9",
    "LANDSCAPE_HD_3_2",
    "LANDSCAPE_HD_4_3",
    "PORTRAIT_HD_16_9",
    "PORTRAIT_HD_3_2",
    "PORTRAIT_HD_4_3",
    "SQUARE_HD",
}


def check_edit_image_upload_body_ghost_mannequin_size(
    value: str,
) -> EditImageUploadBodyGhostMannequinSize:
    if value in EDIT_IMAGE_UPLOAD_BODY_GHOST_MANNEQUIN_SIZE_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {EDIT_IMAGE_UPLOAD_BODY_GHOST_MANNEQUIN_SIZE_VALUES!r}"
    )
