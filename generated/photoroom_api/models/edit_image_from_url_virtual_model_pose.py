from typing import Literal

EditImageFromUrlVirtualModelPose = Literal[
    "34turn",
    "adjustingclothing",
    "back",
    "crossedarms",
    "handinpocket",
    "overtheshoulder",
    "playfulspin",
    "powerstance",
    "random",
    "seated",
    "standing",
    "walkingforward",
]

EDIT_IMAGE_FROM_URL_VIRTUAL_MODEL_POSE_VALUES: set[EditImageFromUrlVirtualModelPose] = {
    "34turn",
    "adjustingclothing",
    "back",
    "crossedarms",
    "handinpocket",
    "overtheshoulder",
    "playfulspin",
    "powerstance",
    "random",
    "seated",
    "standing",
    "walkingforward",
}


def check_edit_image_from_url_virtual_model_pose(
    value: str,
) -> EditImageFromUrlVirtualModelPose:
    if value in EDIT_IMAGE_FROM_URL_VIRTUAL_MODEL_POSE_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {EDIT_IMAGE_FROM_URL_VIRTUAL_MODEL_POSE_VALUES!r}"
    )
