from typing import Literal

EditImageFromUrlPreserveMetadata = Literal[
    "exifSubset", "exifSubsetWithXmpCompatibility", "never", "xmp"
]

EDIT_IMAGE_FROM_URL_PRESERVE_METADATA_VALUES: set[EditImageFromUrlPreserveMetadata] = {
    "exifSubset",
    "exifSubsetWithXmpCompatibility",
    "never",
    "xmp",
}


def check_edit_image_from_url_preserve_metadata(
    value: str,
) -> EditImageFromUrlPreserveMetadata:
    if value in EDIT_IMAGE_FROM_URL_PRESERVE_METADATA_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {EDIT_IMAGE_FROM_URL_PRESERVE_METADATA_VALUES!r}"
    )
