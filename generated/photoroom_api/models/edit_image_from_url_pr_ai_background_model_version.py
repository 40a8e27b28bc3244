from typing import Literal

EditImageFromUrlPrAiBackgroundModelVersion = Literal[
    "2", "3", "background-studio-beta-2025-03-17"
]

EDIT_IMAGE_FROM_URL_PR_AI_BACKGROUND_MODEL_VERSION_VALUES: set[
    EditImageFromUrlPrAiBackgroundModelVersion
] = {
    "2",
    "3",
    "background-studio-beta-2025-03-17",
}


def check_edit_image_from_url_pr_ai_background_model_version(
    value: str,
) -> EditImageFromUrlPrAiBackgroundModelVersion:
    if value in EDIT_IMAGE_FROM_URL_PR_AI_BACKGROUND_MODEL_VERSION_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {EDIT_IMAGE_FROM_URL_PR_AI_BACKGROUND_MODEL_VERSION_VALUES!r}"
    )
