from typing import Literal

EditImageFromUrlBackgroundBlurMode = Literal["bokeh", "gaussian"]

EDIT_IMAGE_FROM_URL_BACKGROUND_BLUR_MODE_VALUES: set[
    EditImageFromUrlBackgroundBlurMode
] = {
    "bokeh",
    "gaussian",
}


def check_edit_image_from_url_background_blur_mode(
    value: str,
) -> EditImageFromUrlBackgroundBlurMode:
    if value in EDIT_IMAGE_FROM_URL_BACKGROUND_BLUR_MODE_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {EDIT_IMAGE_FROM_URL_BACKGROUND_BLUR_MODE_VALUES!r}"
    )
