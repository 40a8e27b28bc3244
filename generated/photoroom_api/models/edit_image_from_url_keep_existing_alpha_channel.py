from typing import Literal

EditImageFromUrlKeepExistingAlphaChannel = Literal["auto", "never"]

EDIT_IMAGE_FROM_URL_KEEP_EXISTING_ALPHA_CHANNEL_VALUES: set[
    EditImageFromUrlKeepExistingAlphaChannel
] = {
    "auto",
    "never",
}


def check_edit_image_from_url_keep_existing_alpha_channel(
    value: str,
) -> EditImageFromUrlKeepExistingAlphaChannel:
    if value in EDIT_IMAGE_FROM_URL_KEEP_EXISTING_ALPHA_CHANNEL_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {EDIT_IMAGE_FROM_URL_KEEP_EXISTING_ALPHA_CHANNEL_VALUES!r}"
    )
