from typing import Literal

RemoveBackgroundPOSTParamsGreenScreenDespilling = Literal["false", "true"]

REMOVE_BACKGROUND_POST_PARAMS_GREEN_SCREEN_DESPILLING_VALUES: set[
    RemoveBackgroundPOSTParamsGreenScreenDespilling
] = {
    "false",
    "true",
}


def check_remove_background_post_params_green_screen_despilling(
    value: str,
) -> RemoveBackgroundPOSTParamsGreenScreenDespilling:
    if value in REMOVE_BACKGROUND_POST_PARAMS_GREEN_SCREEN_DESPILLING_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {REMOVE_BACKGROUND_POST_PARAMS_GREEN_SCREEN_DESPILLING_VALUES!r}"
    )
