from typing import Literal

EditImageUploadBodyPreserveMetadata = Literal[
    "exifSubset", "exifSubsetWithXmpCompatibility", "never", "xmp"
]

EDIT_IMAGE_UPLOAD_BODY_PRESERVE_METADATA_VALUES: set[
    EditImageUploadBodyPreserveMetadata
] = {
    "exifSubset",
    "exifSubsetWithXmpCompatibility",
    "never",
    "xmp",
}


def check_edit_image_upload_body_preserve_metadata(
    value: str,
) -> EditImageUploadBodyPreserveMetadata:
    if value in EDIT_IMAGE_UPLOAD_BODY_PRESERVE_METADATA_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {EDIT_IMAGE_UPLOAD_BODY_PRESERVE_METADATA_VALUES!r}"
    )
