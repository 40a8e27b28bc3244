from typing import Literal

EditImageUploadBodyTextRemovalMode = Literal["ai.all", "ai.artificial", "ai.natural"]

EDIT_IMAGE_UPLOAD_BODY_TEXT_REMOVAL_MODE_VALUES: set[
    EditImageUploadBodyTextRemovalMode
] = {
    "ai.all",
    "ai.artificial",
    "ai.natural",
}


def check_edit_image_upload_body_text_removal_mode(
    value: str,
) -> EditImageUploadBodyTextRemovalMode:
    if value in EDIT_IMAGE_UPLOAD_BODY_TEXT_REMOVAL_MODE_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {EDIT_IMAGE_UPLOAD_BODY_TEXT_REMOVAL_MODE_VALUES!r}"
    )
