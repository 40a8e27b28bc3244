from typing import Literal

EditImageUploadBodyShadowDirectionOverrideType1 = Literal[
    "behind",
    "behindLeft",
    "behindRight",
    "front",
    "frontLeft",
    "frontRight",
    "left",
    "right",
]

EDIT_IMAGE_UPLOAD_BODY_SHADOW_DIRECTION_OVERRIDE_TYPE_1_VALUES: set[
    EditImageUploadBodyShadowDirectionOverrideType1
] = {
    "behind",
    "behindLeft",
    "behindRight",
    "front",
    "frontLeft",
    "frontRight",
    "left",
    "right",
}


def check_edit_image_upload_body_shadow_direction_override_type_1(
    value: str,
) -> EditImageUploadBodyShadowDirectionOverrideType1:
    if value in EDIT_IMAGE_UPLOAD_BODY_SHADOW_DIRECTION_OVERRIDE_TYPE_1_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {EDIT_IMAGE_UPLOAD_BODY_SHADOW_DIRECTION_OVERRIDE_TYPE_1_VALUES!r}"
    )
