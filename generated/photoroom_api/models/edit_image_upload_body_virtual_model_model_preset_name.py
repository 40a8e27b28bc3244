from typing import Literal

EditImageUploadBodyVirtualModelModelPresetName = Literal[
    "alex",
    "ava",
    "avery",
    "casey",
    "emma",
    "fiona",
    "jackson",
    "jordan",
    "julia",
    "kendall",
    "lena",
    "maya",
    "reece",
    "sam",
    "sophia",
    "taylor",
    "zoe",
]

EDIT_IMAGE_UPLOAD_BODY_VIRTUAL_MODEL_MODEL_PRESET_NAME_VALUES: set[
    EditImageUploadBodyVirtualModelModelPresetName
] = {
    "alex",
    "ava",
    "avery",
    "casey",
    "emma",
    "fiona",
    "jackson",
    "jordan",
    "julia",
    "kendall",
    "lena",
    "maya",
    "reece",
    "sam",
    "sophia",
    "taylor",
    "zoe",
}


def check_edit_image_upload_body_virtual_model_model_preset_name(
    value: str,
) -> EditImageUploadBodyVirtualModelModelPresetName:
    if value in EDIT_IMAGE_UPLOAD_BODY_VIRTUAL_MODEL_MODEL_PRESET_NAME_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {EDIT_IMAGE_UPLOAD_BODY_VIRTUAL_MODEL_MODEL_PRESET_NAME_VALUES!r}"
    )
