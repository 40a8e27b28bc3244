from typing import Literal

EditImageFromUrlVerticalAlignment = Literal["bottom", "center", "top"]

EDIT_IMAGE_FROM_URL_VERTICAL_ALIGNMENT_VALUES: set[
    EditImageFromUrlVerticalAlignment
] = {
    "bottom",
    "center",
    "top",
}


def check_edit_image_from_url_vertical_alignment(
    value: str,
) -> EditImageFromUrlVerticalAlignment:
    if value in EDIT_IMAGE_FROM_URL_VERTICAL_ALIGNMENT_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {EDIT_IMAGE_FROM_URL_VERTICAL_ALIGNMENT_VALUES!r}"
    )
