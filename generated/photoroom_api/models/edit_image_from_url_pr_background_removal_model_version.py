from typing import Literal

EditImageFromUrlPrBackgroundRemovalModelVersion = Literal["2023-06-01", "2024-09-26"]

EDIT_IMAGE_FROM_URL_PR_BACKGROUND_REMOVAL_MODEL_VERSION_VALUES: set[
    EditImageFromUrlPrBackgroundRemovalModelVersion
] = {
    "2023-06-01",
    "2024-09-26",
}


def check_edit_image_from_url_pr_background_removal_model_version(
    value: str,
) -> EditImageFromUrlPrBackgroundRemovalModelVersion:
    if value in EDIT_IMAGE_FROM_URL_PR_BACKGROUND_REMOVAL_MODEL_VERSION_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {EDIT_IMAGE_FROM_URL_PR_BACKGROUND_REMOVAL_MODEL_VERSION_VALUES!r}"
    )
