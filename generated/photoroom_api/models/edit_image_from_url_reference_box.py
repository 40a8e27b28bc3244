from typing import Literal

EditImageFromUrlReferenceBox = Literal["originalImage", "subjectBox"]

EDIT_IMAGE_FROM_URL_REFERENCE_BOX_VALUES: set[EditImageFromUrlReferenceBox] = {
    "originalImage",
    "subjectBox",
}


def check_edit_image_from_url_reference_box(value: str) -> EditImageFromUrlReferenceBox:
    if value in EDIT_IMAGE_FROM_URL_REFERENCE_BOX_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {EDIT_IMAGE_FROM_URL_REFERENCE_BOX_VALUES!r}"
    )
