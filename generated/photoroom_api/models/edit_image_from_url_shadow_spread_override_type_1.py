from typing import Literal

EditImageFromUrlShadowSpreadOverrideType1 = Literal["long", "medium", "short"]

EDIT_IMAGE_FROM_URL_SHADOW_SPREAD_OVERRIDE_TYPE_1_VALUES: set[
    EditImageFromUrlShadowSpreadOverrideType1
] = {
    "long",
    "medium",
    "short",
}


def check_edit_image_from_url_shadow_spread_override_type_1(
    value: str,
) -> EditImageFromUrlShadowSpreadOverrideType1:
    if value in EDIT_IMAGE_FROM_URL_SHADOW_SPREAD_OVERRIDE_TYPE_1_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {EDIT_IMAGE_FROM_URL_SHADOW_SPREAD_OVERRIDE_TYPE_1_VALUES!r}"
    )
