from typing import Literal

EditImageUploadBodyKeepExistingAlphaChannel = Literal["auto", "never"]

EDIT_IMAGE_UPLOAD_BODY_KEEP_EXISTING_ALPHA_CHANNEL_VALUES: set[
    EditImageUploadBodyKeepExistingAlphaChannel
] = {
    "auto",
    "never",
}


def check_edit_image_upload_body_keep_existing_alpha_channel(
    value: str,
) -> EditImageUploadBodyKeepExistingAlphaChannel:
    if value in EDIT_IMAGE_UPLOAD_BODY_KEEP_EXISTING_ALPHA_CHANNEL_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {EDIT_IMAGE_UPLOAD_BODY_KEEP_EXISTING_ALPHA_CHANNEL_VALUES!r}"
    )
