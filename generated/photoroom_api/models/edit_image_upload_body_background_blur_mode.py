from typing import Literal

EditImageUploadBodyBackgroundBlurMode = Literal["bokeh", "gaussian"]

EDIT_IMAGE_UPLOAD_BODY_BACKGROUND_BLUR_MODE_VALUES: set[
    EditImageUploadBodyBackgroundBlurMode
] = {
    "bokeh",
    "gaussian",
}


def check_edit_image_upload_body_background_blur_mode(
    value: str,
) -> EditImageUploadBodyBackgroundBlurMode:
    if value in EDIT_IMAGE_UPLOAD_BODY_BACKGROUND_BLUR_MODE_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {EDIT_IMAGE_UPLOAD_BODY_BACKGROUND_BLUR_MODE_VALUES!r}"
    )
