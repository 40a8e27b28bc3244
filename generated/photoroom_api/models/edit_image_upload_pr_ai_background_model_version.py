from typing import Literal

EditImageUploadPrAiBackgroundModelVersion = Literal[
    "2", "3", "background-studio-beta-2025-03-17"
]

EDIT_IMAGE_UPLOAD_PR_AI_BACKGROUND_MODEL_VERSION_VALUES: set[
    EditImageUploadPrAiBackgroundModelVersion
] = {
    "2",
    "3",
    "background-studio-beta-2025-03-17",
}


def check_edit_image_upload_pr_ai_background_model_version(
    value: str,
) -> EditImageUploadPrAiBackgroundModelVersion:
    if value in EDIT_IMAGE_UPLOAD_PR_AI_BACKGROUND_MODEL_VERSION_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {EDIT_IMAGE_UPLOAD_PR_AI_BACKGROUND_MODEL_VERSION_VALUES!r}"
    )
