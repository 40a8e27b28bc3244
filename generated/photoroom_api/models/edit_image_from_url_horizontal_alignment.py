from typing import Literal

EditImageFromUrlHorizontalAlignment = Literal["center", "left", "right"]

EDIT_IMAGE_FROM_URL_HORIZONTAL_ALIGNMENT_VALUES: set[
    EditImageFromUrlHorizontalAlignment
] = {
    "center",
    "left",
    "right",
}


def check_edit_image_from_url_horizontal_alignment(
    value: str,
) -> EditImageFromUrlHorizontalAlignment:
    if value in EDIT_IMAGE_FROM_URL_HORIZONTAL_ALIGNMENT_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {EDIT_IMAGE_FROM_URL_HORIZONTAL_ALIGNMENT_VALUES!r}"
    )
