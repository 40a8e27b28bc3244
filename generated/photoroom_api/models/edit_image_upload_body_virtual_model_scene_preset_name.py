from typing import Literal

EditImageUploadBodyVirtualModelScenePresetName = Literal[
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

EDIT_IMAGE_UPLOAD_BODY_VIRTUAL_MODEL_SCENE_PRESET_NAME_VALUES: set[
    EditImageUploadBodyVirtualModelScenePresetName
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


def check_edit_image_upload_body_virtual_model_scene_preset_name(
    value: str,
) -> EditImageUploadBodyVirtualModelScenePresetName:
    if value in EDIT_IMAGE_UPLOAD_BODY_VIRTUAL_MODEL_SCENE_PRESET_NAME_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {EDIT_IMAGE_UPLOAD_BODY_VIRTUAL_MODEL_SCENE_PRESET_NAME_VALUES!r}"
    )
