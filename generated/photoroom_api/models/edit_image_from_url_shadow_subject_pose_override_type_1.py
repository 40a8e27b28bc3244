from typing import Literal

EditImageFromUrlShadowSubjectPoseOverrideType1 = Literal["flatlay", "upright"]

EDIT_IMAGE_FROM_URL_SHADOW_SUBJECT_POSE_OVERRIDE_TYPE_1_VALUES: set[
    EditImageFromUrlShadowSubjectPoseOverrideType1
] = {
    "flatlay",
    "upright",
}


def check_edit_image_from_url_shadow_subject_pose_override_type_1(
    value: str,
) -> EditImageFromUrlShadowSubjectPoseOverrideType1:
    if value in EDIT_IMAGE_FROM_URL_SHADOW_SUBJECT_POSE_OVERRIDE_TYPE_1_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {EDIT_IMAGE_FROM_URL_SHADOW_SUBJECT_POSE_OVERRIDE_TYPE_1_VALUES!r}"
    )
