from typing import Literal

EditImageUploadBodyShadowSubjectPoseOverrideType1 = Literal["flatlay", "upright"]

EDIT_IMAGE_UPLOAD_BODY_SHADOW_SUBJECT_POSE_OVERRIDE_TYPE_1_VALUES: set[
    EditImageUploadBodyShadowSubjectPoseOverrideType1
] = {
    "flatlay",
    "upright",
}


def check_edit_image_upload_body_shadow_subject_pose_override_type_1(
    value: str,
) -> EditImageUploadBodyShadowSubjectPoseOverrideType1:
    if value in EDIT_IMAGE_UPLOAD_BODY_SHADOW_SUBJECT_POSE_OVERRIDE_TYPE_1_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {EDIT_IMAGE_UPLOAD_BODY_SHADOW_SUBJECT_POSE_OVERRIDE_TYPE_1_VALUES!r}"
    )
