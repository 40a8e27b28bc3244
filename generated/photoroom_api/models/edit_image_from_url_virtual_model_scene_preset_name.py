from typing import Literal

EditImageFromUrlVirtualModelScenePresetName = Literal[
    "asiancity",
    "beach",
    "bedroom",
    "businessdistrict",
    "cafe",
    "coloredstudio",
    "concretestudio",
    "countryside",
    "desert",
    "factory",
    "flowers",
    "forest",
    "goldenlight",
    "latincity",
    "library",
    "mountain",
    "nightlights",
    "pool",
    "random",
    "street",
    "studio",
    "sunset",
    "tropical",
]

EDIT_IMAGE_FROM_URL_VIRTUAL_MODEL_SCENE_PRESET_NAME_VALUES: set[
    EditImageFromUrlVirtualModelScenePresetName
] = {
    "asiancity",
    "beach",
    "bedroom",
    "businessdistrict",
    "cafe",
    "coloredstudio",
    "concretestudio",
    "countryside",
    "desert",
    "factory",
    "flowers",
    "forest",
    "goldenlight",
    "latincity",
    "library",
    "mountain",
    "nightlights",
    "pool",
    "random",
    "street",
    "studio",
    "sunset",
    "tropical",
}


def check_edit_image_from_url_virtual_model_scene_preset_name(
    value: str,
) -> EditImageFromUrlVirtualModelScenePresetName:
    if value in EDIT_IMAGE_FROM_URL_VIRTUAL_MODEL_SCENE_PRESET_NAME_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {EDIT_IMAGE_FROM_URL_VIRTUAL_MODEL_SCENE_PRESET_NAME_VALUES!r}"
    )
