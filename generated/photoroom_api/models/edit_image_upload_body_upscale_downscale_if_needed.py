from typing import Literal

EditImageUploadBodyUpscaleDownscaleIfNeeded = Literal[
    "always", "never", "skipUpscaleIfNotNeeded"
]

EDIT_IMAGE_UPLOAD_BODY_UPSCALE_DOWNSCALE_IF_NEEDED_VALUES: set[
    EditImageUploadBodyUpscaleDownscaleIfNeeded
] = {
    "always",
    "never",
    "skipUpscaleIfNotNeeded",
}


def check_edit_image_upload_body_upscale_downscale_if_needed(
    value: str,
) -> EditImageUploadBodyUpscaleDownscaleIfNeeded:
    if value in EDIT_IMAGE_UPLOAD_BODY_UPSCALE_DOWNSCALE_IF_NEEDED_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {EDIT_IMAGE_UPLOAD_BODY_UPSCALE_DOWNSCALE_IF_NEEDED_VALUES!r}"
    )
