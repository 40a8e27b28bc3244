from typing import Literal

EditImageFromUrlVirtualModelModelPresetName = Literal[
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

EDIT_IMAGE_FROM_URL_VIRTUAL_MODEL_MODEL_PRESET_NAME_VALUES: set[
    EditImageFromUrlVirtualModelModelPresetName
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


def check_edit_image_from_url_virtual_model_model_preset_name(
    value: str,
) -> EditImageFromUrlVirtualModelModelPresetName:
    if value in EDIT_IMAGE_FROM_URL_VIRTUAL_MODEL_MODEL_PRESET_NAME_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {EDIT_IMAGE_FROM_URL_VIRTUAL_MODEL_MODEL_PRESET_NAME_VALUES!r}"
    )
