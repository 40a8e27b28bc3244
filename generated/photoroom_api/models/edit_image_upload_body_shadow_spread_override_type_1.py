from typing import Literal

EditImageUploadBodyShadowSpreadOverrideType1 = Literal["long", "medium", "short"]

EDIT_IMAGE_UPLOAD_BODY_SHADOW_SPREAD_OVERRIDE_TYPE_1_VALUES: set[
    EditImageUploadBodyShadowSpreadOverrideType1
] = {
    "long",
    "medium",
    "short",
}


def check_edit_image_upload_body_shadow_spread_override_type_1(
    value: str,
) -> EditImageUploadBodyShadowSpreadOverrideType1:
    if value in EDIT_IMAGE_UPLOAD_BODY_SHADOW_SPREAD_OVERRIDE_TYPE_1_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {EDIT_IMAGE_UPLOAD_BODY_SHADOW_SPREAD_OVERRIDE_TYPE_1_VALUES!r}"
    )
