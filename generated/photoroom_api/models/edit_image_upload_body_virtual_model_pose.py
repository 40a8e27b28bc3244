from typing import Literal

EditImageUploadBodyVirtualModelPose = Literal[
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

EDIT_IMAGE_UPLOAD_BODY_VIRTUAL_MODEL_POSE_VALUES: set[
    EditImageUploadBodyVirtualModelPose
] = {
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


def check_edit_image_upload_body_virtual_model_pose(
    value: str,
) -> EditImageUploadBodyVirtualModelPose:
    if value in EDIT_IMAGE_UPLOAD_BODY_VIRTUAL_MODEL_POSE_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {EDIT_IMAGE_UPLOAD_BODY_VIRTUAL_MODEL_POSE_VALUES!r}"
    )
