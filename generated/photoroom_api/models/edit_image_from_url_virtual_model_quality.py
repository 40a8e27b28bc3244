from typing import Literal

EditImageFromUrlVirtualModelQuality = Literal["advanced", "premium", "standard"]

EDIT_IMAGE_FROM_URL_VIRTUAL_MODEL_QUALITY_VALUES: set[
    EditImageFromUrlVirtualModelQuality
] = {
    "advanced",
    "premium",
    "standard",
}


def check_edit_image_from_url_virtual_model_quality(
    value: str,
) -> EditImageFromUrlVirtualModelQuality:
    if value in EDIT_IMAGE_FROM_URL_VIRTUAL_MODEL_QUALITY_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {EDIT_IMAGE_FROM_URL_VIRTUAL_MODEL_QUALITY_VALUES!r}"
    )
