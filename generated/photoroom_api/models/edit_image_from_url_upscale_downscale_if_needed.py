from typing import Literal

EditImageFromUrlUpscaleDownscaleIfNeeded = Literal[
    "always", "never", "skipUpscaleIfNotNeeded"
]

EDIT_IMAGE_FROM_URL_UPSCALE_DOWNSCALE_IF_NEEDED_VALUES: set[
    EditImageFromUrlUpscaleDownscaleIfNeeded
] = {
    "always",
    "never",
    "skipUpscaleIfNotNeeded",
}


def check_edit_image_from_url_upscale_downscale_if_needed(
    value: str,
) -> EditImageFromUrlUpscaleDownscaleIfNeeded:
    if value in EDIT_IMAGE_FROM_URL_UPSCALE_DOWNSCALE_IF_NEEDED_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {EDIT_IMAGE_FROM_URL_UPSCALE_DOWNSCALE_IF_NEEDED_VALUES!r}"
    )
