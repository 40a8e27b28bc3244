from typing import Literal

EditImageUploadPrBackgroundRemovalModelVersion = Literal["2023-06-01", "2024-09-26"]

EDIT_IMAGE_UPLOAD_PR_BACKGROUND_REMOVAL_MODEL_VERSION_VALUES: set[
    EditImageUploadPrBackgroundRemovalModelVersion
] = {
    "2023-06-01",
    "2024-09-26",
}


def check_edit_image_upload_pr_background_removal_model_version(
    value: str,
) -> EditImageUploadPrBackgroundRemovalModelVersion:
    if value in EDIT_IMAGE_UPLOAD_PR_BACKGROUND_REMOVAL_MODEL_VERSION_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {EDIT_IMAGE_UPLOAD_PR_BACKGROUND_REMOVAL_MODEL_VERSION_VALUES!r}"
    )
