from http import HTTPStatus
from io import BytesIO
from typing import Any, Literal
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.api_error import APIError
from ...models.edit_image_from_url_background_blur_mode import (
    EditImageFromUrlBackgroundBlurMode,
)
from ...models.edit_image_from_url_background_color_type_1 import (
    EditImageFromUrlBackgroundColorType1,
)
from ...models.edit_image_from_url_background_expand_prompt import (
    EditImageFromUrlBackgroundExpandPrompt,
)
from ...models.edit_image_from_url_background_expand_prompt_mode import (
    EditImageFromUrlBackgroundExpandPromptMode,
)
from ...models.edit_image_from_url_background_scaling import (
    EditImageFromUrlBackgroundScaling,
)
from ...models.edit_image_from_url_beautify_mode import (
    EditImageFromUrlBeautifyMode,
)
from ...models.edit_image_from_url_export_format import (
    EditImageFromUrlExportFormat,
)
from ...models.edit_image_from_url_flat_lay_size import (
    EditImageFromUrlFlatLaySize,
)
from ...models.edit_image_from_url_ghost_mannequin_size import (
    EditImageFromUrlGhostMannequinSize,
)
from ...models.edit_image_from_url_horizontal_alignment import (
    EditImageFromUrlHorizontalAlignment,
)
from ...models.edit_image_from_url_image_from_prompt_size import (
    EditImageFromUrlImageFromPromptSize,
)
from ...models.edit_image_from_url_keep_existing_alpha_channel import (
    EditImageFromUrlKeepExistingAlphaChannel,
)
from ...models.edit_image_from_url_lighting_mode import (
    EditImageFromUrlLightingMode,
)
from ...models.edit_image_from_url_outline_color_type_1 import (
    EditImageFromUrlOutlineColorType1,
)
from ...models.edit_image_from_url_pr_ai_background_model_version import (
    EditImageFromUrlPrAiBackgroundModelVersion,
)
from ...models.edit_image_from_url_pr_background_removal_model_version import (
    EditImageFromUrlPrBackgroundRemovalModelVersion,
)
from ...models.edit_image_from_url_preserve_metadata import (
    EditImageFromUrlPreserveMetadata,
)
from ...models.edit_image_from_url_reference_box import (
    EditImageFromUrlReferenceBox,
)
from ...models.edit_image_from_url_scaling import (
    EditImageFromUrlScaling,
)
from ...models.edit_image_from_url_segmentation_mode import (
    EditImageFromUrlSegmentationMode,
)
from ...models.edit_image_from_url_shadow_direction_override_type_1 import (
    EditImageFromUrlShadowDirectionOverrideType1,
)
from ...models.edit_image_from_url_shadow_mode import (
    EditImageFromUrlShadowMode,
)
from ...models.edit_image_from_url_shadow_spread_override_type_1 import (
    EditImageFromUrlShadowSpreadOverrideType1,
)
from ...models.edit_image_from_url_shadow_subject_pose_override_type_1 import (
    EditImageFromUrlShadowSubjectPoseOverrideType1,
)
from ...models.edit_image_from_url_text_removal_mode import (
    EditImageFromUrlTextRemovalMode,
)
from ...models.edit_image_from_url_upscale_downscale_if_needed import (
    EditImageFromUrlUpscaleDownscaleIfNeeded,
)
from ...models.edit_image_from_url_upscale_mode import (
    EditImageFromUrlUpscaleMode,
)
from ...models.edit_image_from_url_vertical_alignment import (
    EditImageFromUrlVerticalAlignment,
)
from ...models.edit_image_from_url_virtual_model_model_preset_name import (
    EditImageFromUrlVirtualModelModelPresetName,
)
from ...models.edit_image_from_url_virtual_model_pose import (
    EditImageFromUrlVirtualModelPose,
)
from ...models.edit_image_from_url_virtual_model_quality import (
    EditImageFromUrlVirtualModelQuality,
)
from ...models.edit_image_from_url_virtual_model_scene_preset_name import (
    EditImageFromUrlVirtualModelScenePresetName,
)
from ...models.edit_image_from_url_virtual_model_size import (
    EditImageFromUrlVirtualModelSize,
)
from ...models.invalid_value import InvalidValue
from ...models.payment_error import PaymentError
from ...models.unknown_error import UnknownError
from ...types import UNSET, File, Response, Unset


def _get_kwargs(
    *,
    background_blur_mode: EditImageFromUrlBackgroundBlurMode | Unset = UNSET,
    background_blur_radius: float | Unset = UNSET,
    background_color: EditImageFromUrlBackgroundColorType1 | str | Unset = UNSET,
    background_expand_prompt: EditImageFromUrlBackgroundExpandPrompt | Unset = UNSET,
    background_expand_prompt_mode: EditImageFromUrlBackgroundExpandPromptMode
    | Unset = UNSET,
    background_guidance_image_url: str | Unset = UNSET,
    background_guidance_scale: float | Unset = UNSET,
    background_image_url: str | Unset = UNSET,
    background_negative_prompt: str | Unset = UNSET,
    background_prompt: str | Unset = UNSET,
    background_scaling: EditImageFromUrlBackgroundScaling | Unset = UNSET,
    background_seed: float | Unset = UNSET,
    beautify_mode: EditImageFromUrlBeautifyMode | Unset = UNSET,
    beautify_seed: float | Unset = UNSET,
    describe_any_change_mode: Literal["ai.auto"] | Unset = UNSET,
    describe_any_change_prompt: str | Unset = UNSET,
    describe_any_change_seed: float | Unset = UNSET,
    edit_with_ai_mode: Literal["ai.auto"] | Unset = UNSET,
    edit_with_ai_prompt: str | Unset = UNSET,
    edit_with_ai_seed: float | Unset = UNSET,
    expand_mode: Literal["ai.auto"] | Unset = UNSET,
    expand_seed: float | Unset = UNSET,
    export_dpi: float | Unset = UNSET,
    export_format: EditImageFromUrlExportFormat | Unset = UNSET,
    flat_lay_mode: Literal["ai.auto"] | Unset = UNSET,
    flat_lay_prompt: str | Unset = UNSET,
    flat_lay_size: EditImageFromUrlFlatLaySize | Unset = UNSET,
    ghost_mannequin_mode: Literal["ai.auto"] | Unset = UNSET,
    ghost_mannequin_prompt: str | Unset = UNSET,
    ghost_mannequin_size: EditImageFromUrlGhostMannequinSize | Unset = UNSET,
    horizontal_alignment: EditImageFromUrlHorizontalAlignment | Unset = UNSET,
    ignore_padding_and_snap_on_cropped_sides: bool | Unset = UNSET,
    image_from_prompt_prompt: str | Unset = UNSET,
    image_from_prompt_seed: float | Unset = UNSET,
    image_from_prompt_size: EditImageFromUrlImageFromPromptSize | Unset = UNSET,
    image_url: str | Unset = UNSET,
    ironing_mode: Literal["ai.auto"] | Unset = UNSET,
    keep_existing_alpha_channel: EditImageFromUrlKeepExistingAlphaChannel
    | Unset = UNSET,
    lighting_mode: EditImageFromUrlLightingMode | Unset = UNSET,
    margin: float | str | Unset = UNSET,
    margin_bottom: float | str | Unset = UNSET,
    margin_left: float | str | Unset = UNSET,
    margin_right: float | str | Unset = UNSET,
    margin_top: float | str | Unset = UNSET,
    max_height: float | Unset = UNSET,
    max_width: float | Unset = UNSET,
    outline_blur_radius: float | Unset = UNSET,
    outline_color: EditImageFromUrlOutlineColorType1 | str | Unset = UNSET,
    outline_width: float | Unset = UNSET,
    output_size: str | Unset = UNSET,
    padding: float | str | Unset = UNSET,
    padding_bottom: float | str | Unset = UNSET,
    padding_left: float | str | Unset = UNSET,
    padding_right: float | str | Unset = UNSET,
    padding_top: float | str | Unset = UNSET,
    preserve_metadata: EditImageFromUrlPreserveMetadata | Unset = UNSET,
    reference_box: EditImageFromUrlReferenceBox | Unset = UNSET,
    remove_background: bool | Unset = UNSET,
    scaling: EditImageFromUrlScaling | Unset = UNSET,
    segmentation_mode: EditImageFromUrlSegmentationMode | Unset = UNSET,
    segmentation_negative_prompt: str | Unset = UNSET,
    segmentation_prompt: str | Unset = UNSET,
    shadow_direction_override: EditImageFromUrlShadowDirectionOverrideType1
    | float
    | Unset = UNSET,
    shadow_intensity_override: float | Unset = UNSET,
    shadow_mode: EditImageFromUrlShadowMode | Unset = UNSET,
    shadow_softness_override: float | Unset = UNSET,
    shadow_spread_override: EditImageFromUrlShadowSpreadOverrideType1
    | float
    | Unset = UNSET,
    shadow_subject_pose_override: EditImageFromUrlShadowSubjectPoseOverrideType1
    | float
    | Unset = UNSET,
    template_id: UUID | Unset = UNSET,
    text_removal_mode: EditImageFromUrlTextRemovalMode | Unset = UNSET,
    uncrop_mode: Literal["ai.auto"] | Unset = UNSET,
    uncrop_seed: float | Unset = UNSET,
    upscale_downscale_if_needed: EditImageFromUrlUpscaleDownscaleIfNeeded
    | Unset = UNSET,
    upscale_mode: EditImageFromUrlUpscaleMode | Unset = UNSET,
    vertical_alignment: EditImageFromUrlVerticalAlignment | Unset = UNSET,
    virtual_model_additional_product_images: list[str] | Unset = UNSET,
    virtual_model_mode: Literal["ai.auto"] | Unset = UNSET,
    virtual_model_model_preset_name: EditImageFromUrlVirtualModelModelPresetName
    | Unset = UNSET,
    virtual_model_model_custom_image_url: str | Unset = UNSET,
    virtual_model_pose: EditImageFromUrlVirtualModelPose | Unset = UNSET,
    virtual_model_prompt: str | Unset = UNSET,
    virtual_model_quality: EditImageFromUrlVirtualModelQuality | Unset = UNSET,
    virtual_model_scene_preset_name: EditImageFromUrlVirtualModelScenePresetName
    | Unset = UNSET,
    virtual_model_scene_custom_image_url: str | Unset = UNSET,
    virtual_model_size: EditImageFromUrlVirtualModelSize | Unset = UNSET,
    pr_ai_background_model_version: EditImageFromUrlPrAiBackgroundModelVersion
    | Unset = UNSET,
    pr_background_removal_model_version: EditImageFromUrlPrBackgroundRemovalModelVersion
    | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(pr_ai_background_model_version, Unset):
        headers["pr-ai-background-model-version"] = str(pr_ai_background_model_version)

    if not isinstance(pr_background_removal_model_version, Unset):
        headers["pr-background-removal-model-version"] = str(
            pr_background_removal_model_version
        )

    params: dict[str, Any] = {}

    json_background_blur_mode: str | Unset = UNSET
    if not isinstance(background_blur_mode, Unset):
        json_background_blur_mode = background_blur_mode

    params["background.blur.mode"] = json_background_blur_mode

    params["background.blur.radius"] = background_blur_radius

    json_background_color: str | Unset
    if isinstance(background_color, Unset):
        json_background_color = UNSET
    elif isinstance(background_color, str):
        json_background_color = background_color
    else:
        json_background_color = background_color
    params["background.color"] = json_background_color

    json_background_expand_prompt: str | Unset = UNSET
    if not isinstance(background_expand_prompt, Unset):
        json_background_expand_prompt = background_expand_prompt

    params["background.expandPrompt"] = json_background_expand_prompt

    json_background_expand_prompt_mode: str | Unset = UNSET
    if not isinstance(background_expand_prompt_mode, Unset):
        json_background_expand_prompt_mode = background_expand_prompt_mode

    params["background.expandPrompt.mode"] = json_background_expand_prompt_mode

    params["background.guidance.imageUrl"] = background_guidance_image_url

    params["background.guidance.scale"] = background_guidance_scale

    params["background.imageUrl"] = background_image_url

    params["background.negativePrompt"] = background_negative_prompt

    params["background.prompt"] = background_prompt

    json_background_scaling: str | Unset = UNSET
    if not isinstance(background_scaling, Unset):
        json_background_scaling = background_scaling

    params["background.scaling"] = json_background_scaling

    params["background.seed"] = background_seed

    json_beautify_mode: str | Unset = UNSET
    if not isinstance(beautify_mode, Unset):
        json_beautify_mode = beautify_mode

    params["beautify.mode"] = json_beautify_mode

    params["beautify.seed"] = beautify_seed

    params["describeAnyChange.mode"] = describe_any_change_mode

    params["describeAnyChange.prompt"] = describe_any_change_prompt

    params["describeAnyChange.seed"] = describe_any_change_seed

    params["editWithAI.mode"] = edit_with_ai_mode

    params["editWithAI.prompt"] = edit_with_ai_prompt

    params["editWithAI.seed"] = edit_with_ai_seed

    params["expand.mode"] = expand_mode

    params["expand.seed"] = expand_seed

    params["export.dpi"] = export_dpi

    json_export_format: str | Unset = UNSET
    if not isinstance(export_format, Unset):
        json_export_format = export_format

    params["export.format"] = json_export_format

    params["flatLay.mode"] = flat_lay_mode

    params["flatLay.prompt"] = flat_lay_prompt

    json_flat_lay_size: str | Unset = UNSET
    if not isinstance(flat_lay_size, Unset):
        json_flat_lay_size = flat_lay_size

    params["flatLay.size"] = json_flat_lay_size

    params["ghostMannequin.mode"] = ghost_mannequin_mode

    params["ghostMannequin.prompt"] = ghost_mannequin_prompt

    json_ghost_mannequin_size: str | Unset = UNSET
    if not isinstance(ghost_mannequin_size, Unset):
        json_ghost_mannequin_size = ghost_mannequin_size

    params["ghostMannequin.size"] = json_ghost_mannequin_size

    json_horizontal_alignment: str | Unset = UNSET
    if not isinstance(horizontal_alignment, Unset):
        json_horizontal_alignment = horizontal_alignment

    params["horizontalAlignment"] = json_horizontal_alignment

    params["ignorePaddingAndSnapOnCroppedSides"] = (
        ignore_padding_and_snap_on_cropped_sides
    )

    params["imageFromPrompt.prompt"] = image_from_prompt_prompt

    params["imageFromPrompt.seed"] = image_from_prompt_seed

    json_image_from_prompt_size: str | Unset = UNSET
    if not isinstance(image_from_prompt_size, Unset):
        json_image_from_prompt_size = image_from_prompt_size

    params["imageFromPrompt.size"] = json_image_from_prompt_size

    params["imageUrl"] = image_url

    params["ironing.mode"] = ironing_mode

    json_keep_existing_alpha_channel: str | Unset = UNSET
    if not isinstance(keep_existing_alpha_channel, Unset):
        json_keep_existing_alpha_channel = keep_existing_alpha_channel

    params["keepExistingAlphaChannel"] = json_keep_existing_alpha_channel

    json_lighting_mode: str | Unset = UNSET
    if not isinstance(lighting_mode, Unset):
        json_lighting_mode = lighting_mode

    params["lighting.mode"] = json_lighting_mode

    json_margin: float | str | Unset
    if isinstance(margin, Unset):
        json_margin = UNSET
    else:
        json_margin = margin
    params["margin"] = json_margin

    json_margin_bottom: float | str | Unset
    if isinstance(margin_bottom, Unset):
        json_margin_bottom = UNSET
    else:
        json_margin_bottom = margin_bottom
    params["marginBottom"] = json_margin_bottom

    json_margin_left: float | str | Unset
    if isinstance(margin_left, Unset):
        json_margin_left = UNSET
    else:
        json_margin_left = margin_left
    params["marginLeft"] = json_margin_left

    json_margin_right: float | str | Unset
    if isinstance(margin_right, Unset):
        json_margin_right = UNSET
    else:
        json_margin_right = margin_right
    params["marginRight"] = json_margin_right

    json_margin_top: float | str | Unset
    if isinstance(margin_top, Unset):
        json_margin_top = UNSET
    else:
        json_margin_top = margin_top
    params["marginTop"] = json_margin_top

    params["maxHeight"] = max_height

    params["maxWidth"] = max_width

    params["outline.blurRadius"] = outline_blur_radius

    json_outline_color: str | Unset
    if isinstance(outline_color, Unset):
        json_outline_color = UNSET
    elif isinstance(outline_color, str):
        json_outline_color = outline_color
    else:
        json_outline_color = outline_color
    params["outline.color"] = json_outline_color

    params["outline.width"] = outline_width

    params["outputSize"] = output_size

    json_padding: float | str | Unset
    if isinstance(padding, Unset):
        json_padding = UNSET
    else:
        json_padding = padding
    params["padding"] = json_padding

    json_padding_bottom: float | str | Unset
    if isinstance(padding_bottom, Unset):
        json_padding_bottom = UNSET
    else:
        json_padding_bottom = padding_bottom
    params["paddingBottom"] = json_padding_bottom

    json_padding_left: float | str | Unset
    if isinstance(padding_left, Unset):
        json_padding_left = UNSET
    else:
        json_padding_left = padding_left
    params["paddingLeft"] = json_padding_left

    json_padding_right: float | str | Unset
    if isinstance(padding_right, Unset):
        json_padding_right = UNSET
    else:
        json_padding_right = padding_right
    params["paddingRight"] = json_padding_right

    json_padding_top: float | str | Unset
    if isinstance(padding_top, Unset):
        json_padding_top = UNSET
    else:
        json_padding_top = padding_top
    params["paddingTop"] = json_padding_top

    json_preserve_metadata: str | Unset = UNSET
    if not isinstance(preserve_metadata, Unset):
        json_preserve_metadata = preserve_metadata

    params["preserveMetadata"] = json_preserve_metadata

    json_reference_box: str | Unset = UNSET
    if not isinstance(reference_box, Unset):
        json_reference_box = reference_box

    params["referenceBox"] = json_reference_box

    params["removeBackground"] = remove_background

    json_scaling: str | Unset = UNSET
    if not isinstance(scaling, Unset):
        json_scaling = scaling

    params["scaling"] = json_scaling

    json_segmentation_mode: str | Unset = UNSET
    if not isinstance(segmentation_mode, Unset):
        json_segmentation_mode = segmentation_mode

    params["segmentation.mode"] = json_segmentation_mode

    params["segmentation.negativePrompt"] = segmentation_negative_prompt

    params["segmentation.prompt"] = segmentation_prompt

    json_shadow_direction_override: float | str | Unset
    if isinstance(shadow_direction_override, Unset):
        json_shadow_direction_override = UNSET
    elif isinstance(shadow_direction_override, str):
        json_shadow_direction_override = shadow_direction_override
    else:
        json_shadow_direction_override = shadow_direction_override
    params["shadow.directionOverride"] = json_shadow_direction_override

    params["shadow.intensityOverride"] = shadow_intensity_override

    json_shadow_mode: str | Unset = UNSET
    if not isinstance(shadow_mode, Unset):
        json_shadow_mode = shadow_mode

    params["shadow.mode"] = json_shadow_mode

    params["shadow.softnessOverride"] = shadow_softness_override

    json_shadow_spread_override: float | str | Unset
    if isinstance(shadow_spread_override, Unset):
        json_shadow_spread_override = UNSET
    elif isinstance(shadow_spread_override, str):
        json_shadow_spread_override = shadow_spread_override
    else:
        json_shadow_spread_override = shadow_spread_override
    params["shadow.spreadOverride"] = json_shadow_spread_override

    json_shadow_subject_pose_override: float | str | Unset
    if isinstance(shadow_subject_pose_override, Unset):
        json_shadow_subject_pose_override = UNSET
    elif isinstance(shadow_subject_pose_override, str):
        json_shadow_subject_pose_override = shadow_subject_pose_override
    else:
        json_shadow_subject_pose_override = shadow_subject_pose_override
    params["shadow.subjectPoseOverride"] = json_shadow_subject_pose_override

    json_template_id: str | Unset = UNSET
    if not isinstance(template_id, Unset):
        json_template_id = str(template_id)
    params["templateId"] = json_template_id

    json_text_removal_mode: str | Unset = UNSET
    if not isinstance(text_removal_mode, Unset):
        json_text_removal_mode = text_removal_mode

    params["textRemoval.mode"] = json_text_removal_mode

    params["uncrop.mode"] = uncrop_mode

    params["uncrop.seed"] = uncrop_seed

    json_upscale_downscale_if_needed: str | Unset = UNSET
    if not isinstance(upscale_downscale_if_needed, Unset):
        json_upscale_downscale_if_needed = upscale_downscale_if_needed

    params["upscale.downscaleIfNeeded"] = json_upscale_downscale_if_needed

    json_upscale_mode: str | Unset = UNSET
    if not isinstance(upscale_mode, Unset):
        json_upscale_mode = upscale_mode

    params["upscale.mode"] = json_upscale_mode

    json_vertical_alignment: str | Unset = UNSET
    if not isinstance(vertical_alignment, Unset):
        json_vertical_alignment = vertical_alignment

    params["verticalAlignment"] = json_vertical_alignment

    json_virtual_model_additional_product_images: list[str] | Unset = UNSET
    if not isinstance(virtual_model_additional_product_images, Unset):
        json_virtual_model_additional_product_images = (
            virtual_model_additional_product_images
        )

    params["virtualModel.additionalProductImages"] = (
        json_virtual_model_additional_product_images
    )

    params["virtualModel.mode"] = virtual_model_mode

    json_virtual_model_model_preset_name: str | Unset = UNSET
    if not isinstance(virtual_model_model_preset_name, Unset):
        json_virtual_model_model_preset_name = virtual_model_model_preset_name

    params["virtualModel.model.preset.name"] = json_virtual_model_model_preset_name

    params["virtualModel.model.custom.imageUrl"] = virtual_model_model_custom_image_url

    json_virtual_model_pose: str | Unset = UNSET
    if not isinstance(virtual_model_pose, Unset):
        json_virtual_model_pose = virtual_model_pose

    params["virtualModel.pose"] = json_virtual_model_pose

    params["virtualModel.prompt"] = virtual_model_prompt

    json_virtual_model_quality: str | Unset = UNSET
    if not isinstance(virtual_model_quality, Unset):
        json_virtual_model_quality = virtual_model_quality

    params["virtualModel.quality"] = json_virtual_model_quality

    json_virtual_model_scene_preset_name: str | Unset = UNSET
    if not isinstance(virtual_model_scene_preset_name, Unset):
        json_virtual_model_scene_preset_name = virtual_model_scene_preset_name

    params["virtualModel.scene.preset.name"] = json_virtual_model_scene_preset_name

    params["virtualModel.scene.custom.imageUrl"] = virtual_model_scene_custom_image_url

    json_virtual_model_size: str | Unset = UNSET
    if not isinstance(virtual_model_size, Unset):
        json_virtual_model_size = virtual_model_size

    params["virtualModel.size"] = json_virtual_model_size

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v2/edit",
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> APIError | File | InvalidValue | PaymentError | UnknownError | None:
    if response.status_code == 200:
        response_200 = File(payload=BytesIO(response.content))

        return response_200

    if response.status_code == 400:
        response_400 = InvalidValue.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = APIError.from_dict(response.json())

        return response_401

    if response.status_code == 402:
        response_402 = PaymentError.from_dict(response.json())

        return response_402

    if response.status_code == 403:
        response_403 = APIError.from_dict(response.json())

        return response_403

    if response.status_code == 429:
        response_429 = APIError.from_dict(response.json())

        return response_429

    if response.status_code == 500:
        response_500 = UnknownError.from_dict(response.json())

        return response_500

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[APIError | File | InvalidValue | PaymentError | UnknownError]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    background_blur_mode: EditImageFromUrlBackgroundBlurMode | Unset = UNSET,
    background_blur_radius: float | Unset = UNSET,
    background_color: EditImageFromUrlBackgroundColorType1 | str | Unset = UNSET,
    background_expand_prompt: EditImageFromUrlBackgroundExpandPrompt | Unset = UNSET,
    background_expand_prompt_mode: EditImageFromUrlBackgroundExpandPromptMode
    | Unset = UNSET,
    background_guidance_image_url: str | Unset = UNSET,
    background_guidance_scale: float | Unset = UNSET,
    background_image_url: str | Unset = UNSET,
    background_negative_prompt: str | Unset = UNSET,
    background_prompt: str | Unset = UNSET,
    background_scaling: EditImageFromUrlBackgroundScaling | Unset = UNSET,
    background_seed: float | Unset = UNSET,
    beautify_mode: EditImageFromUrlBeautifyMode | Unset = UNSET,
    beautify_seed: float | Unset = UNSET,
    describe_any_change_mode: Literal["ai.auto"] | Unset = UNSET,
    describe_any_change_prompt: str | Unset = UNSET,
    describe_any_change_seed: float | Unset = UNSET,
    edit_with_ai_mode: Literal["ai.auto"] | Unset = UNSET,
    edit_with_ai_prompt: str | Unset = UNSET,
    edit_with_ai_seed: float | Unset = UNSET,
    expand_mode: Literal["ai.auto"] | Unset = UNSET,
    expand_seed: float | Unset = UNSET,
    export_dpi: float | Unset = UNSET,
    export_format: EditImageFromUrlExportFormat | Unset = UNSET,
    flat_lay_mode: Literal["ai.auto"] | Unset = UNSET,
    flat_lay_prompt: str | Unset = UNSET,
    flat_lay_size: EditImageFromUrlFlatLaySize | Unset = UNSET,
    ghost_mannequin_mode: Literal["ai.auto"] | Unset = UNSET,
    ghost_mannequin_prompt: str | Unset = UNSET,
    ghost_mannequin_size: EditImageFromUrlGhostMannequinSize | Unset = UNSET,
    horizontal_alignment: EditImageFromUrlHorizontalAlignment | Unset = UNSET,
    ignore_padding_and_snap_on_cropped_sides: bool | Unset = UNSET,
    image_from_prompt_prompt: str | Unset = UNSET,
    image_from_prompt_seed: float | Unset = UNSET,
    image_from_prompt_size: EditImageFromUrlImageFromPromptSize | Unset = UNSET,
    image_url: str | Unset = UNSET,
    ironing_mode: Literal["ai.auto"] | Unset = UNSET,
    keep_existing_alpha_channel: EditImageFromUrlKeepExistingAlphaChannel
    | Unset = UNSET,
    lighting_mode: EditImageFromUrlLightingMode | Unset = UNSET,
    margin: float | str | Unset = UNSET,
    margin_bottom: float | str | Unset = UNSET,
    margin_left: float | str | Unset = UNSET,
    margin_right: float | str | Unset = UNSET,
    margin_top: float | str | Unset = UNSET,
    max_height: float | Unset = UNSET,
    max_width: float | Unset = UNSET,
    outline_blur_radius: float | Unset = UNSET,
    outline_color: EditImageFromUrlOutlineColorType1 | str | Unset = UNSET,
    outline_width: float | Unset = UNSET,
    output_size: str | Unset = UNSET,
    padding: float | str | Unset = UNSET,
    padding_bottom: float | str | Unset = UNSET,
    padding_left: float | str | Unset = UNSET,
    padding_right: float | str | Unset = UNSET,
    padding_top: float | str | Unset = UNSET,
    preserve_metadata: EditImageFromUrlPreserveMetadata | Unset = UNSET,
    reference_box: EditImageFromUrlReferenceBox | Unset = UNSET,
    remove_background: bool | Unset = UNSET,
    scaling: EditImageFromUrlScaling | Unset = UNSET,
    segmentation_mode: EditImageFromUrlSegmentationMode | Unset = UNSET,
    segmentation_negative_prompt: str | Unset = UNSET,
    segmentation_prompt: str | Unset = UNSET,
    shadow_direction_override: EditImageFromUrlShadowDirectionOverrideType1
    | float
    | Unset = UNSET,
    shadow_intensity_override: float | Unset = UNSET,
    shadow_mode: EditImageFromUrlShadowMode | Unset = UNSET,
    shadow_softness_override: float | Unset = UNSET,
    shadow_spread_override: EditImageFromUrlShadowSpreadOverrideType1
    | float
    | Unset = UNSET,
    shadow_subject_pose_override: EditImageFromUrlShadowSubjectPoseOverrideType1
    | float
    | Unset = UNSET,
    template_id: UUID | Unset = UNSET,
    text_removal_mode: EditImageFromUrlTextRemovalMode | Unset = UNSET,
    uncrop_mode: Literal["ai.auto"] | Unset = UNSET,
    uncrop_seed: float | Unset = UNSET,
    upscale_downscale_if_needed: EditImageFromUrlUpscaleDownscaleIfNeeded
    | Unset = UNSET,
    upscale_mode: EditImageFromUrlUpscaleMode | Unset = UNSET,
    vertical_alignment: EditImageFromUrlVerticalAlignment | Unset = UNSET,
    virtual_model_additional_product_images: list[str] | Unset = UNSET,
    virtual_model_mode: Literal["ai.auto"] | Unset = UNSET,
    virtual_model_model_preset_name: EditImageFromUrlVirtualModelModelPresetName
    | Unset = UNSET,
    virtual_model_model_custom_image_url: str | Unset = UNSET,
    virtual_model_pose: EditImageFromUrlVirtualModelPose | Unset = UNSET,
    virtual_model_prompt: str | Unset = UNSET,
    virtual_model_quality: EditImageFromUrlVirtualModelQuality | Unset = UNSET,
    virtual_model_scene_preset_name: EditImageFromUrlVirtualModelScenePresetName
    | Unset = UNSET,
    virtual_model_scene_custom_image_url: str | Unset = UNSET,
    virtual_model_size: EditImageFromUrlVirtualModelSize | Unset = UNSET,
    pr_ai_background_model_version: EditImageFromUrlPrAiBackgroundModelVersion
    | Unset = UNSET,
    pr_background_removal_model_version: EditImageFromUrlPrBackgroundRemovalModelVersion
    | Unset = UNSET,
) -> Response[APIError | File | InvalidValue | PaymentError | UnknownError]:
    """Image Editing v2 (Plus plan)

     This endpoint processes an image and applies one or more edits: background removal, AI-generated
    backgrounds (background.prompt), realistic shadows (shadow.mode), relighting (lighting.mode), text
    removal (textRemoval.mode), background blur (background.blur.*), subject outline (outline.*), AI
    beautification (beautify.mode), Flat Lay (flatLay.*), Ghost Mannequin (ghostMannequin.*), Ironing
    (ironing.mode), Virtual Model (virtualModel.*), AI expand (expand.mode), AI uncrop (uncrop.mode), AI
    upscale (upscale.mode), and positioning/resizing (padding, margin, outputSize).

    Parameters are grouped by feature using dot notation: background.* for backgrounds, shadow.* for
    shadows, lighting.* for relighting, outline.* for subject outlines, beautify.* for AI
    beautification, flatLay.* for flat lay generation, ghostMannequin.* for ghost mannequin generation,
    ironing.* for wrinkle removal, virtualModel.* for virtual model generation, expand.* for AI expand,
    uncrop.* for AI uncrop, upscale.* for AI upscale, export.* for output format, and segmentation.* for
    text-guided segmentation.

    Edits can be combined in a single call.

    It accepts a URL input for the image. If you want to directly upload an image file, please use the
    POST endpoint. For more details on the difference between the GET and POST endpoints, please have a
    look at our documentation: https://docs.photoroom.com/image-editing-api/which-endpoints-are-
    available.

    For the simplest integration (recommended for no-code tools like Lovable), use this GET endpoint
    with imageUrl — no file upload handling required.

    Example of a request: GET https://image-api.photoroom.com/v2/edit?imageUrl=https://example.com/photo
    .jpg&removeBackground=true&background.color=FFFFFF&outputSize=1000x1000&padding=0.1 with header
    x-api-key: YOUR_API_KEY

    The response is the edited image as binary data (image/png by default). To change format, set
    export.format to jpeg or webp.

    Full documentation: https://docs.photoroom.com/image-editing-api-plus-plan/quickstart-guide

    Feature documentation:
    - [HD Background Removal](https://docs.photoroom.com/image-editing-api-plus-plan/hd-background-
    removal)
    - [Positioning (padding, margin, scaling)](https://docs.photoroom.com/image-editing-api-plus-
    plan/positioning)
    - [Output Size](https://docs.photoroom.com/image-editing-api-plus-plan/output-size)
    - [Static Background](https://docs.photoroom.com/image-editing-api-plus-plan/static-background)
    - [Background Blur](https://docs.photoroom.com/image-editing-api-plus-plan/background-blur)
    - [Subject Outline](https://docs.photoroom.com/image-editing-api-plus-plan/subject-outline)
    - [AI Shadows](https://docs.photoroom.com/image-editing-api-plus-plan/ai-shadows)
    - [AI Backgrounds](https://docs.photoroom.com/image-editing-api-plus-plan/ai-backgrounds)
    - [AI Relight](https://docs.photoroom.com/image-editing-api-plus-plan/ai-relight)
    - [AI Text Removal](https://docs.photoroom.com/image-editing-api-plus-plan/ai-text-removal)
    - [AI Expand](https://docs.photoroom.com/image-editing-api-plus-plan/ai-expand)
    - [AI Uncrop](https://docs.photoroom.com/image-editing-api-plus-plan/ai-uncrop)
    - [AI Beautifier](https://docs.photoroom.com/image-editing-api-plus-plan/ai-beautifier)
    - [Flat Lay](https://docs.photoroom.com/image-editing-api-plus-plan/flat-lay)
    - [Ghost Mannequin](https://docs.photoroom.com/image-editing-api-plus-plan/ghost-mannequin)
    - [Virtual Model](https://docs.photoroom.com/image-editing-api-plus-plan/virtual-model)
    - [AI Upscale](https://docs.photoroom.com/image-editing-api-plus-plan/alpha-ai-upscale)
    - [Describe Any Change](https://docs.photoroom.com/image-editing-api-plus-plan/edit-with-ai)
    - [Create Any Image](https://docs.photoroom.com/image-editing-api-plus-plan/alpha-create-any-image)
    - [Text-Guided Segmentation](https://docs.photoroom.com/image-editing-api-plus-plan/alpha-text-
    guided-segmentation)
    - [Sandbox Mode (free testing)](https://docs.photoroom.com/image-editing-api-plus-plan/sandbox-mode)

    Args:
        background_blur_mode (EditImageFromUrlBackgroundBlurMode | Unset):
        background_blur_radius (float | Unset):
        background_color (EditImageFromUrlBackgroundColorType1 | str | Unset):
        background_expand_prompt (EditImageFromUrlBackgroundExpandPrompt | Unset):
        background_expand_prompt_mode (EditImageFromUrlBackgroundExpandPromptMode | Unset): If
            `ai.auto`, a pre-processing step is applied to expand the prompt into a longer form.

            Example: original prompt `"on a beach"`, expanded prompt: `"An object rests on the sandy
            shore of a tranquil beach. The object, partially covered in sand, casts a soft shadow
            under the warm sunlight. Seashells and driftwood are scattered around, with gentle waves
            lapping at the shore in the background, creating a serene coastal scene."`

            (Note: `background.expandPrompt.mode` only affects `background.prompt`)
        background_guidance_image_url (str | Unset):
        background_guidance_scale (float | Unset):
        background_image_url (str | Unset):
        background_negative_prompt (str | Unset):
        background_prompt (str | Unset):
        background_scaling (EditImageFromUrlBackgroundScaling | Unset):
        background_seed (float | Unset):
        beautify_mode (EditImageFromUrlBeautifyMode | Unset):
        beautify_seed (float | Unset):
        describe_any_change_mode (Literal['ai.auto'] | Unset):
        describe_any_change_prompt (str | Unset):
        describe_any_change_seed (float | Unset):
        edit_with_ai_mode (Literal['ai.auto'] | Unset):
        edit_with_ai_prompt (str | Unset):
        edit_with_ai_seed (float | Unset):
        expand_mode (Literal['ai.auto'] | Unset):
        expand_seed (float | Unset):
        export_dpi (float | Unset):
        export_format (EditImageFromUrlExportFormat | Unset):
        flat_lay_mode (Literal['ai.auto'] | Unset):
        flat_lay_prompt (str | Unset):
        flat_lay_size (EditImageFromUrlFlatLaySize | Unset):
        ghost_mannequin_mode (Literal['ai.auto'] | Unset):
        ghost_mannequin_prompt (str | Unset):
        ghost_mannequin_size (EditImageFromUrlGhostMannequinSize | Unset):
        horizontal_alignment (EditImageFromUrlHorizontalAlignment | Unset):
        ignore_padding_and_snap_on_cropped_sides (bool | Unset):
        image_from_prompt_prompt (str | Unset):
        image_from_prompt_seed (float | Unset):
        image_from_prompt_size (EditImageFromUrlImageFromPromptSize | Unset):
        image_url (str | Unset):
        ironing_mode (Literal['ai.auto'] | Unset):
        keep_existing_alpha_channel (EditImageFromUrlKeepExistingAlphaChannel | Unset):
        lighting_mode (EditImageFromUrlLightingMode | Unset):
        margin (float | str | Unset):
        margin_bottom (float | str | Unset):
        margin_left (float | str | Unset):
        margin_right (float | str | Unset):
        margin_top (float | str | Unset):
        max_height (float | Unset):
        max_width (float | Unset):
        outline_blur_radius (float | Unset):
        outline_color (EditImageFromUrlOutlineColorType1 | str | Unset):
        outline_width (float | Unset):
        output_size (str | Unset):
        padding (float | str | Unset):
        padding_bottom (float | str | Unset):
        padding_left (float | str | Unset):
        padding_right (float | str | Unset):
        padding_top (float | str | Unset):
        preserve_metadata (EditImageFromUrlPreserveMetadata | Unset):
        reference_box (EditImageFromUrlReferenceBox | Unset):
        remove_background (bool | Unset):
        scaling (EditImageFromUrlScaling | Unset):
        segmentation_mode (EditImageFromUrlSegmentationMode | Unset):
        segmentation_negative_prompt (str | Unset):
        segmentation_prompt (str | Unset):
        shadow_direction_override (EditImageFromUrlShadowDirectionOverrideType1 | float | Unset):
        shadow_intensity_override (float | Unset):
        shadow_mode (EditImageFromUrlShadowMode | Unset):
        shadow_softness_override (float | Unset):
        shadow_spread_override (EditImageFromUrlShadowSpreadOverrideType1 | float | Unset):
        shadow_subject_pose_override (EditImageFromUrlShadowSubjectPoseOverrideType1 | float |
            Unset):
        template_id (UUID | Unset):
        text_removal_mode (EditImageFromUrlTextRemovalMode | Unset):
        uncrop_mode (Literal['ai.auto'] | Unset):
        uncrop_seed (float | Unset):
        upscale_downscale_if_needed (EditImageFromUrlUpscaleDownscaleIfNeeded | Unset):
        upscale_mode (EditImageFromUrlUpscaleMode | Unset):
        vertical_alignment (EditImageFromUrlVerticalAlignment | Unset):
        virtual_model_additional_product_images (list[str] | Unset): URLs of additional product
            images showing different angles or details.
        virtual_model_mode (Literal['ai.auto'] | Unset):
        virtual_model_model_preset_name (EditImageFromUrlVirtualModelModelPresetName | Unset):
            Name of the preset model.
        virtual_model_model_custom_image_url (str | Unset): URL of a custom model image.
        virtual_model_pose (EditImageFromUrlVirtualModelPose | Unset):
        virtual_model_prompt (str | Unset):
        virtual_model_quality (EditImageFromUrlVirtualModelQuality | Unset):
        virtual_model_scene_preset_name (EditImageFromUrlVirtualModelScenePresetName | Unset):
            Name of the preset scene.
        virtual_model_scene_custom_image_url (str | Unset): URL of a custom scene image.
        virtual_model_size (EditImageFromUrlVirtualModelSize | Unset):
        pr_ai_background_model_version (EditImageFromUrlPrAiBackgroundModelVersion | Unset):
        pr_background_removal_model_version (EditImageFromUrlPrBackgroundRemovalModelVersion |
            Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[APIError | File | InvalidValue | PaymentError | UnknownError]
    """

    kwargs = _get_kwargs(
        background_blur_mode=background_blur_mode,
        background_blur_radius=background_blur_radius,
        background_color=background_color,
        background_expand_prompt=background_expand_prompt,
        background_expand_prompt_mode=background_expand_prompt_mode,
        background_guidance_image_url=background_guidance_image_url,
        background_guidance_scale=background_guidance_scale,
        background_image_url=background_image_url,
        background_negative_prompt=background_negative_prompt,
        background_prompt=background_prompt,
        background_scaling=background_scaling,
        background_seed=background_seed,
        beautify_mode=beautify_mode,
        beautify_seed=beautify_seed,
        describe_any_change_mode=describe_any_change_mode,
        describe_any_change_prompt=describe_any_change_prompt,
        describe_any_change_seed=describe_any_change_seed,
        edit_with_ai_mode=edit_with_ai_mode,
        edit_with_ai_prompt=edit_with_ai_prompt,
        edit_with_ai_seed=edit_with_ai_seed,
        expand_mode=expand_mode,
        expand_seed=expand_seed,
        export_dpi=export_dpi,
        export_format=export_format,
        flat_lay_mode=flat_lay_mode,
        flat_lay_prompt=flat_lay_prompt,
        flat_lay_size=flat_lay_size,
        ghost_mannequin_mode=ghost_mannequin_mode,
        ghost_mannequin_prompt=ghost_mannequin_prompt,
        ghost_mannequin_size=ghost_mannequin_size,
        horizontal_alignment=horizontal_alignment,
        ignore_padding_and_snap_on_cropped_sides=ignore_padding_and_snap_on_cropped_sides,
        image_from_prompt_prompt=image_from_prompt_prompt,
        image_from_prompt_seed=image_from_prompt_seed,
        image_from_prompt_size=image_from_prompt_size,
        image_url=image_url,
        ironing_mode=ironing_mode,
        keep_existing_alpha_channel=keep_existing_alpha_channel,
        lighting_mode=lighting_mode,
        margin=margin,
        margin_bottom=margin_bottom,
        margin_left=margin_left,
        margin_right=margin_right,
        margin_top=margin_top,
        max_height=max_height,
        max_width=max_width,
        outline_blur_radius=outline_blur_radius,
        outline_color=outline_color,
        outline_width=outline_width,
        output_size=output_size,
        padding=padding,
        padding_bottom=padding_bottom,
        padding_left=padding_left,
        padding_right=padding_right,
        padding_top=padding_top,
        preserve_metadata=preserve_metadata,
        reference_box=reference_box,
        remove_background=remove_background,
        scaling=scaling,
        segmentation_mode=segmentation_mode,
        segmentation_negative_prompt=segmentation_negative_prompt,
        segmentation_prompt=segmentation_prompt,
        shadow_direction_override=shadow_direction_override,
        shadow_intensity_override=shadow_intensity_override,
        shadow_mode=shadow_mode,
        shadow_softness_override=shadow_softness_override,
        shadow_spread_override=shadow_spread_override,
        shadow_subject_pose_override=shadow_subject_pose_override,
        template_id=template_id,
        text_removal_mode=text_removal_mode,
        uncrop_mode=uncrop_mode,
        uncrop_seed=uncrop_seed,
        upscale_downscale_if_needed=upscale_downscale_if_needed,
        upscale_mode=upscale_mode,
        vertical_alignment=vertical_alignment,
        virtual_model_additional_product_images=virtual_model_additional_product_images,
        virtual_model_mode=virtual_model_mode,
        virtual_model_model_preset_name=virtual_model_model_preset_name,
        virtual_model_model_custom_image_url=virtual_model_model_custom_image_url,
        virtual_model_pose=virtual_model_pose,
        virtual_model_prompt=virtual_model_prompt,
        virtual_model_quality=virtual_model_quality,
        virtual_model_scene_preset_name=virtual_model_scene_preset_name,
        virtual_model_scene_custom_image_url=virtual_model_scene_custom_image_url,
        virtual_model_size=virtual_model_size,
        pr_ai_background_model_version=pr_ai_background_model_version,
        pr_background_removal_model_version=pr_background_removal_model_version,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    background_blur_mode: EditImageFromUrlBackgroundBlurMode | Unset = UNSET,
    background_blur_radius: float | Unset = UNSET,
    background_color: EditImageFromUrlBackgroundColorType1 | str | Unset = UNSET,
    background_expand_prompt: EditImageFromUrlBackgroundExpandPrompt | Unset = UNSET,
    background_expand_prompt_mode: EditImageFromUrlBackgroundExpandPromptMode
    | Unset = UNSET,
    background_guidance_image_url: str | Unset = UNSET,
    background_guidance_scale: float | Unset = UNSET,
    background_image_url: str | Unset = UNSET,
    background_negative_prompt: str | Unset = UNSET,
    background_prompt: str | Unset = UNSET,
    background_scaling: EditImageFromUrlBackgroundScaling | Unset = UNSET,
    background_seed: float | Unset = UNSET,
    beautify_mode: EditImageFromUrlBeautifyMode | Unset = UNSET,
    beautify_seed: float | Unset = UNSET,
    describe_any_change_mode: Literal["ai.auto"] | Unset = UNSET,
    describe_any_change_prompt: str | Unset = UNSET,
    describe_any_change_seed: float | Unset = UNSET,
    edit_with_ai_mode: Literal["ai.auto"] | Unset = UNSET,
    edit_with_ai_prompt: str | Unset = UNSET,
    edit_with_ai_seed: float | Unset = UNSET,
    expand_mode: Literal["ai.auto"] | Unset = UNSET,
    expand_seed: float | Unset = UNSET,
    export_dpi: float | Unset = UNSET,
    export_format: EditImageFromUrlExportFormat | Unset = UNSET,
    flat_lay_mode: Literal["ai.auto"] | Unset = UNSET,
    flat_lay_prompt: str | Unset = UNSET,
    flat_lay_size: EditImageFromUrlFlatLaySize | Unset = UNSET,
    ghost_mannequin_mode: Literal["ai.auto"] | Unset = UNSET,
    ghost_mannequin_prompt: str | Unset = UNSET,
    ghost_mannequin_size: EditImageFromUrlGhostMannequinSize | Unset = UNSET,
    horizontal_alignment: EditImageFromUrlHorizontalAlignment | Unset = UNSET,
    ignore_padding_and_snap_on_cropped_sides: bool | Unset = UNSET,
    image_from_prompt_prompt: str | Unset = UNSET,
    image_from_prompt_seed: float | Unset = UNSET,
    image_from_prompt_size: EditImageFromUrlImageFromPromptSize | Unset = UNSET,
    image_url: str | Unset = UNSET,
    ironing_mode: Literal["ai.auto"] | Unset = UNSET,
    keep_existing_alpha_channel: EditImageFromUrlKeepExistingAlphaChannel
    | Unset = UNSET,
    lighting_mode: EditImageFromUrlLightingMode | Unset = UNSET,
    margin: float | str | Unset = UNSET,
    margin_bottom: float | str | Unset = UNSET,
    margin_left: float | str | Unset = UNSET,
    margin_right: float | str | Unset = UNSET,
    margin_top: float | str | Unset = UNSET,
    max_height: float | Unset = UNSET,
    max_width: float | Unset = UNSET,
    outline_blur_radius: float | Unset = UNSET,
    outline_color: EditImageFromUrlOutlineColorType1 | str | Unset = UNSET,
    outline_width: float | Unset = UNSET,
    output_size: str | Unset = UNSET,
    padding: float | str | Unset = UNSET,
    padding_bottom: float | str | Unset = UNSET,
    padding_left: float | str | Unset = UNSET,
    padding_right: float | str | Unset = UNSET,
    padding_top: float | str | Unset = UNSET,
    preserve_metadata: EditImageFromUrlPreserveMetadata | Unset = UNSET,
    reference_box: EditImageFromUrlReferenceBox | Unset = UNSET,
    remove_background: bool | Unset = UNSET,
    scaling: EditImageFromUrlScaling | Unset = UNSET,
    segmentation_mode: EditImageFromUrlSegmentationMode | Unset = UNSET,
    segmentation_negative_prompt: str | Unset = UNSET,
    segmentation_prompt: str | Unset = UNSET,
    shadow_direction_override: EditImageFromUrlShadowDirectionOverrideType1
    | float
    | Unset = UNSET,
    shadow_intensity_override: float | Unset = UNSET,
    shadow_mode: EditImageFromUrlShadowMode | Unset = UNSET,
    shadow_softness_override: float | Unset = UNSET,
    shadow_spread_override: EditImageFromUrlShadowSpreadOverrideType1
    | float
    | Unset = UNSET,
    shadow_subject_pose_override: EditImageFromUrlShadowSubjectPoseOverrideType1
    | float
    | Unset = UNSET,
    template_id: UUID | Unset = UNSET,
    text_removal_mode: EditImageFromUrlTextRemovalMode | Unset = UNSET,
    uncrop_mode: Literal["ai.auto"] | Unset = UNSET,
    uncrop_seed: float | Unset = UNSET,
    upscale_downscale_if_needed: EditImageFromUrlUpscaleDownscaleIfNeeded
    | Unset = UNSET,
    upscale_mode: EditImageFromUrlUpscaleMode | Unset = UNSET,
    vertical_alignment: EditImageFromUrlVerticalAlignment | Unset = UNSET,
    virtual_model_additional_product_images: list[str] | Unset = UNSET,
    virtual_model_mode: Literal["ai.auto"] | Unset = UNSET,
    virtual_model_model_preset_name: EditImageFromUrlVirtualModelModelPresetName
    | Unset = UNSET,
    virtual_model_model_custom_image_url: str | Unset = UNSET,
    virtual_model_pose: EditImageFromUrlVirtualModelPose | Unset = UNSET,
    virtual_model_prompt: str | Unset = UNSET,
    virtual_model_quality: EditImageFromUrlVirtualModelQuality | Unset = UNSET,
    virtual_model_scene_preset_name: EditImageFromUrlVirtualModelScenePresetName
    | Unset = UNSET,
    virtual_model_scene_custom_image_url: str | Unset = UNSET,
    virtual_model_size: EditImageFromUrlVirtualModelSize | Unset = UNSET,
    pr_ai_background_model_version: EditImageFromUrlPrAiBackgroundModelVersion
    | Unset = UNSET,
    pr_background_removal_model_version: EditImageFromUrlPrBackgroundRemovalModelVersion
    | Unset = UNSET,
) -> APIError | File | InvalidValue | PaymentError | UnknownError | None:
    """Image Editing v2 (Plus plan)

     This endpoint processes an image and applies one or more edits: background removal, AI-generated
    backgrounds (background.prompt), realistic shadows (shadow.mode), relighting (lighting.mode), text
    removal (textRemoval.mode), background blur (background.blur.*), subject outline (outline.*), AI
    beautification (beautify.mode), Flat Lay (flatLay.*), Ghost Mannequin (ghostMannequin.*), Ironing
    (ironing.mode), Virtual Model (virtualModel.*), AI expand (expand.mode), AI uncrop (uncrop.mode), AI
    upscale (upscale.mode), and positioning/resizing (padding, margin, outputSize).

    Parameters are grouped by feature using dot notation: background.* for backgrounds, shadow.* for
    shadows, lighting.* for relighting, outline.* for subject outlines, beautify.* for AI
    beautification, flatLay.* for flat lay generation, ghostMannequin.* for ghost mannequin generation,
    ironing.* for wrinkle removal, virtualModel.* for virtual model generation, expand.* for AI expand,
    uncrop.* for AI uncrop, upscale.* for AI upscale, export.* for output format, and segmentation.* for
    text-guided segmentation.

    Edits can be combined in a single call.

    It accepts a URL input for the image. If you want to directly upload an image file, please use the
    POST endpoint. For more details on the difference between the GET and POST endpoints, please have a
    look at our documentation: https://docs.photoroom.com/image-editing-api/which-endpoints-are-
    available.

    For the simplest integration (recommended for no-code tools like Lovable), use this GET endpoint
    with imageUrl — no file upload handling required.

    Example of a request: GET https://image-api.photoroom.com/v2/edit?imageUrl=https://example.com/photo
    .jpg&removeBackground=true&background.color=FFFFFF&outputSize=1000x1000&padding=0.1 with header
    x-api-key: YOUR_API_KEY

    The response is the edited image as binary data (image/png by default). To change format, set
    export.format to jpeg or webp.

    Full documentation: https://docs.photoroom.com/image-editing-api-plus-plan/quickstart-guide

    Feature documentation:
    - [HD Background Removal](https://docs.photoroom.com/image-editing-api-plus-plan/hd-background-
    removal)
    - [Positioning (padding, margin, scaling)](https://docs.photoroom.com/image-editing-api-plus-
    plan/positioning)
    - [Output Size](https://docs.photoroom.com/image-editing-api-plus-plan/output-size)
    - [Static Background](https://docs.photoroom.com/image-editing-api-plus-plan/static-background)
    - [Background Blur](https://docs.photoroom.com/image-editing-api-plus-plan/background-blur)
    - [Subject Outline](https://docs.photoroom.com/image-editing-api-plus-plan/subject-outline)
    - [AI Shadows](https://docs.photoroom.com/image-editing-api-plus-plan/ai-shadows)
    - [AI Backgrounds](https://docs.photoroom.com/image-editing-api-plus-plan/ai-backgrounds)
    - [AI Relight](https://docs.photoroom.com/image-editing-api-plus-plan/ai-relight)
    - [AI Text Removal](https://docs.photoroom.com/image-editing-api-plus-plan/ai-text-removal)
    - [AI Expand](https://docs.photoroom.com/image-editing-api-plus-plan/ai-expand)
    - [AI Uncrop](https://docs.photoroom.com/image-editing-api-plus-plan/ai-uncrop)
    - [AI Beautifier](https://docs.photoroom.com/image-editing-api-plus-plan/ai-beautifier)
    - [Flat Lay](https://docs.photoroom.com/image-editing-api-plus-plan/flat-lay)
    - [Ghost Mannequin](https://docs.photoroom.com/image-editing-api-plus-plan/ghost-mannequin)
    - [Virtual Model](https://docs.photoroom.com/image-editing-api-plus-plan/virtual-model)
    - [AI Upscale](https://docs.photoroom.com/image-editing-api-plus-plan/alpha-ai-upscale)
    - [Describe Any Change](https://docs.photoroom.com/image-editing-api-plus-plan/edit-with-ai)
    - [Create Any Image](https://docs.photoroom.com/image-editing-api-plus-plan/alpha-create-any-image)
    - [Text-Guided Segmentation](https://docs.photoroom.com/image-editing-api-plus-plan/alpha-text-
    guided-segmentation)
    - [Sandbox Mode (free testing)](https://docs.photoroom.com/image-editing-api-plus-plan/sandbox-mode)

    Args:
        background_blur_mode (EditImageFromUrlBackgroundBlurMode | Unset):
        background_blur_radius (float | Unset):
        background_color (EditImageFromUrlBackgroundColorType1 | str | Unset):
        background_expand_prompt (EditImageFromUrlBackgroundExpandPrompt | Unset):
        background_expand_prompt_mode (EditImageFromUrlBackgroundExpandPromptMode | Unset): If
            `ai.auto`, a pre-processing step is applied to expand the prompt into a longer form.

            Example: original prompt `"on a beach"`, expanded prompt: `"An object rests on the sandy
            shore of a tranquil beach. The object, partially covered in sand, casts a soft shadow
            under the warm sunlight. Seashells and driftwood are scattered around, with gentle waves
            lapping at the shore in the background, creating a serene coastal scene."`

            (Note: `background.expandPrompt.mode` only affects `background.prompt`)
        background_guidance_image_url (str | Unset):
        background_guidance_scale (float | Unset):
        background_image_url (str | Unset):
        background_negative_prompt (str | Unset):
        background_prompt (str | Unset):
        background_scaling (EditImageFromUrlBackgroundScaling | Unset):
        background_seed (float | Unset):
        beautify_mode (EditImageFromUrlBeautifyMode | Unset):
        beautify_seed (float | Unset):
        describe_any_change_mode (Literal['ai.auto'] | Unset):
        describe_any_change_prompt (str | Unset):
        describe_any_change_seed (float | Unset):
        edit_with_ai_mode (Literal['ai.auto'] | Unset):
        edit_with_ai_prompt (str | Unset):
        edit_with_ai_seed (float | Unset):
        expand_mode (Literal['ai.auto'] | Unset):
        expand_seed (float | Unset):
        export_dpi (float | Unset):
        export_format (EditImageFromUrlExportFormat | Unset):
        flat_lay_mode (Literal['ai.auto'] | Unset):
        flat_lay_prompt (str | Unset):
        flat_lay_size (EditImageFromUrlFlatLaySize | Unset):
        ghost_mannequin_mode (Literal['ai.auto'] | Unset):
        ghost_mannequin_prompt (str | Unset):
        ghost_mannequin_size (EditImageFromUrlGhostMannequinSize | Unset):
        horizontal_alignment (EditImageFromUrlHorizontalAlignment | Unset):
        ignore_padding_and_snap_on_cropped_sides (bool | Unset):
        image_from_prompt_prompt (str | Unset):
        image_from_prompt_seed (float | Unset):
        image_from_prompt_size (EditImageFromUrlImageFromPromptSize | Unset):
        image_url (str | Unset):
        ironing_mode (Literal['ai.auto'] | Unset):
        keep_existing_alpha_channel (EditImageFromUrlKeepExistingAlphaChannel | Unset):
        lighting_mode (EditImageFromUrlLightingMode | Unset):
        margin (float | str | Unset):
        margin_bottom (float | str | Unset):
        margin_left (float | str | Unset):
        margin_right (float | str | Unset):
        margin_top (float | str | Unset):
        max_height (float | Unset):
        max_width (float | Unset):
        outline_blur_radius (float | Unset):
        outline_color (EditImageFromUrlOutlineColorType1 | str | Unset):
        outline_width (float | Unset):
        output_size (str | Unset):
        padding (float | str | Unset):
        padding_bottom (float | str | Unset):
        padding_left (float | str | Unset):
        padding_right (float | str | Unset):
        padding_top (float | str | Unset):
        preserve_metadata (EditImageFromUrlPreserveMetadata | Unset):
        reference_box (EditImageFromUrlReferenceBox | Unset):
        remove_background (bool | Unset):
        scaling (EditImageFromUrlScaling | Unset):
        segmentation_mode (EditImageFromUrlSegmentationMode | Unset):
        segmentation_negative_prompt (str | Unset):
        segmentation_prompt (str | Unset):
        shadow_direction_override (EditImageFromUrlShadowDirectionOverrideType1 | float | Unset):
        shadow_intensity_override (float | Unset):
        shadow_mode (EditImageFromUrlShadowMode | Unset):
        shadow_softness_override (float | Unset):
        shadow_spread_override (EditImageFromUrlShadowSpreadOverrideType1 | float | Unset):
        shadow_subject_pose_override (EditImageFromUrlShadowSubjectPoseOverrideType1 | float |
            Unset):
        template_id (UUID | Unset):
        text_removal_mode (EditImageFromUrlTextRemovalMode | Unset):
        uncrop_mode (Literal['ai.auto'] | Unset):
        uncrop_seed (float | Unset):
        upscale_downscale_if_needed (EditImageFromUrlUpscaleDownscaleIfNeeded | Unset):
        upscale_mode (EditImageFromUrlUpscaleMode | Unset):
        vertical_alignment (EditImageFromUrlVerticalAlignment | Unset):
        virtual_model_additional_product_images (list[str] | Unset): URLs of additional product
            images showing different angles or details.
        virtual_model_mode (Literal['ai.auto'] | Unset):
        virtual_model_model_preset_name (EditImageFromUrlVirtualModelModelPresetName | Unset):
            Name of the preset model.
        virtual_model_model_custom_image_url (str | Unset): URL of a custom model image.
        virtual_model_pose (EditImageFromUrlVirtualModelPose | Unset):
        virtual_model_prompt (str | Unset):
        virtual_model_quality (EditImageFromUrlVirtualModelQuality | Unset):
        virtual_model_scene_preset_name (EditImageFromUrlVirtualModelScenePresetName | Unset):
            Name of the preset scene.
        virtual_model_scene_custom_image_url (str | Unset): URL of a custom scene image.
        virtual_model_size (EditImageFromUrlVirtualModelSize | Unset):
        pr_ai_background_model_version (EditImageFromUrlPrAiBackgroundModelVersion | Unset):
        pr_background_removal_model_version (EditImageFromUrlPrBackgroundRemovalModelVersion |
            Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        APIError | File | InvalidValue | PaymentError | UnknownError
    """

    return sync_detailed(
        client=client,
        background_blur_mode=background_blur_mode,
        background_blur_radius=background_blur_radius,
        background_color=background_color,
        background_expand_prompt=background_expand_prompt,
        background_expand_prompt_mode=background_expand_prompt_mode,
        background_guidance_image_url=background_guidance_image_url,
        background_guidance_scale=background_guidance_scale,
        background_image_url=background_image_url,
        background_negative_prompt=background_negative_prompt,
        background_prompt=background_prompt,
        background_scaling=background_scaling,
        background_seed=background_seed,
        beautify_mode=beautify_mode,
        beautify_seed=beautify_seed,
        describe_any_change_mode=describe_any_change_mode,
        describe_any_change_prompt=describe_any_change_prompt,
        describe_any_change_seed=describe_any_change_seed,
        edit_with_ai_mode=edit_with_ai_mode,
        edit_with_ai_prompt=edit_with_ai_prompt,
        edit_with_ai_seed=edit_with_ai_seed,
        expand_mode=expand_mode,
        expand_seed=expand_seed,
        export_dpi=export_dpi,
        export_format=export_format,
        flat_lay_mode=flat_lay_mode,
        flat_lay_prompt=flat_lay_prompt,
        flat_lay_size=flat_lay_size,
        ghost_mannequin_mode=ghost_mannequin_mode,
        ghost_mannequin_prompt=ghost_mannequin_prompt,
        ghost_mannequin_size=ghost_mannequin_size,
        horizontal_alignment=horizontal_alignment,
        ignore_padding_and_snap_on_cropped_sides=ignore_padding_and_snap_on_cropped_sides,
        image_from_prompt_prompt=image_from_prompt_prompt,
        image_from_prompt_seed=image_from_prompt_seed,
        image_from_prompt_size=image_from_prompt_size,
        image_url=image_url,
        ironing_mode=ironing_mode,
        keep_existing_alpha_channel=keep_existing_alpha_channel,
        lighting_mode=lighting_mode,
        margin=margin,
        margin_bottom=margin_bottom,
        margin_left=margin_left,
        margin_right=margin_right,
        margin_top=margin_top,
        max_height=max_height,
        max_width=max_width,
        outline_blur_radius=outline_blur_radius,
        outline_color=outline_color,
        outline_width=outline_width,
        output_size=output_size,
        padding=padding,
        padding_bottom=padding_bottom,
        padding_left=padding_left,
        padding_right=padding_right,
        padding_top=padding_top,
        preserve_metadata=preserve_metadata,
        reference_box=reference_box,
        remove_background=remove_background,
        scaling=scaling,
        segmentation_mode=segmentation_mode,
        segmentation_negative_prompt=segmentation_negative_prompt,
        segmentation_prompt=segmentation_prompt,
        shadow_direction_override=shadow_direction_override,
        shadow_intensity_override=shadow_intensity_override,
        shadow_mode=shadow_mode,
        shadow_softness_override=shadow_softness_override,
        shadow_spread_override=shadow_spread_override,
        shadow_subject_pose_override=shadow_subject_pose_override,
        template_id=template_id,
        text_removal_mode=text_removal_mode,
        uncrop_mode=uncrop_mode,
        uncrop_seed=uncrop_seed,
        upscale_downscale_if_needed=upscale_downscale_if_needed,
        upscale_mode=upscale_mode,
        vertical_alignment=vertical_alignment,
        virtual_model_additional_product_images=virtual_model_additional_product_images,
        virtual_model_mode=virtual_model_mode,
        virtual_model_model_preset_name=virtual_model_model_preset_name,
        virtual_model_model_custom_image_url=virtual_model_model_custom_image_url,
        virtual_model_pose=virtual_model_pose,
        virtual_model_prompt=virtual_model_prompt,
        virtual_model_quality=virtual_model_quality,
        virtual_model_scene_preset_name=virtual_model_scene_preset_name,
        virtual_model_scene_custom_image_url=virtual_model_scene_custom_image_url,
        virtual_model_size=virtual_model_size,
        pr_ai_background_model_version=pr_ai_background_model_version,
        pr_background_removal_model_version=pr_background_removal_model_version,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    background_blur_mode: EditImageFromUrlBackgroundBlurMode | Unset = UNSET,
    background_blur_radius: float | Unset = UNSET,
    background_color: EditImageFromUrlBackgroundColorType1 | str | Unset = UNSET,
    background_expand_prompt: EditImageFromUrlBackgroundExpandPrompt | Unset = UNSET,
    background_expand_prompt_mode: EditImageFromUrlBackgroundExpandPromptMode
    | Unset = UNSET,
    background_guidance_image_url: str | Unset = UNSET,
    background_guidance_scale: float | Unset = UNSET,
    background_image_url: str | Unset = UNSET,
    background_negative_prompt: str | Unset = UNSET,
    background_prompt: str | Unset = UNSET,
    background_scaling: EditImageFromUrlBackgroundScaling | Unset = UNSET,
    background_seed: float | Unset = UNSET,
    beautify_mode: EditImageFromUrlBeautifyMode | Unset = UNSET,
    beautify_seed: float | Unset = UNSET,
    describe_any_change_mode: Literal["ai.auto"] | Unset = UNSET,
    describe_any_change_prompt: str | Unset = UNSET,
    describe_any_change_seed: float | Unset = UNSET,
    edit_with_ai_mode: Literal["ai.auto"] | Unset = UNSET,
    edit_with_ai_prompt: str | Unset = UNSET,
    edit_with_ai_seed: float | Unset = UNSET,
    expand_mode: Literal["ai.auto"] | Unset = UNSET,
    expand_seed: float | Unset = UNSET,
    export_dpi: float | Unset = UNSET,
    export_format: EditImageFromUrlExportFormat | Unset = UNSET,
    flat_lay_mode: Literal["ai.auto"] | Unset = UNSET,
    flat_lay_prompt: str | Unset = UNSET,
    flat_lay_size: EditImageFromUrlFlatLaySize | Unset = UNSET,
    ghost_mannequin_mode: Literal["ai.auto"] | Unset = UNSET,
    ghost_mannequin_prompt: str | Unset = UNSET,
    ghost_mannequin_size: EditImageFromUrlGhostMannequinSize | Unset = UNSET,
    horizontal_alignment: EditImageFromUrlHorizontalAlignment | Unset = UNSET,
    ignore_padding_and_snap_on_cropped_sides: bool | Unset = UNSET,
    image_from_prompt_prompt: str | Unset = UNSET,
    image_from_prompt_seed: float | Unset = UNSET,
    image_from_prompt_size: EditImageFromUrlImageFromPromptSize | Unset = UNSET,
    image_url: str | Unset = UNSET,
    ironing_mode: Literal["ai.auto"] | Unset = UNSET,
    keep_existing_alpha_channel: EditImageFromUrlKeepExistingAlphaChannel
    | Unset = UNSET,
    lighting_mode: EditImageFromUrlLightingMode | Unset = UNSET,
    margin: float | str | Unset = UNSET,
    margin_bottom: float | str | Unset = UNSET,
    margin_left: float | str | Unset = UNSET,
    margin_right: float | str | Unset = UNSET,
    margin_top: float | str | Unset = UNSET,
    max_height: float | Unset = UNSET,
    max_width: float | Unset = UNSET,
    outline_blur_radius: float | Unset = UNSET,
    outline_color: EditImageFromUrlOutlineColorType1 | str | Unset = UNSET,
    outline_width: float | Unset = UNSET,
    output_size: str | Unset = UNSET,
    padding: float | str | Unset = UNSET,
    padding_bottom: float | str | Unset = UNSET,
    padding_left: float | str | Unset = UNSET,
    padding_right: float | str | Unset = UNSET,
    padding_top: float | str | Unset = UNSET,
    preserve_metadata: EditImageFromUrlPreserveMetadata | Unset = UNSET,
    reference_box: EditImageFromUrlReferenceBox | Unset = UNSET,
    remove_background: bool | Unset = UNSET,
    scaling: EditImageFromUrlScaling | Unset = UNSET,
    segmentation_mode: EditImageFromUrlSegmentationMode | Unset = UNSET,
    segmentation_negative_prompt: str | Unset = UNSET,
    segmentation_prompt: str | Unset = UNSET,
    shadow_direction_override: EditImageFromUrlShadowDirectionOverrideType1
    | float
    | Unset = UNSET,
    shadow_intensity_override: float | Unset = UNSET,
    shadow_mode: EditImageFromUrlShadowMode | Unset = UNSET,
    shadow_softness_override: float | Unset = UNSET,
    shadow_spread_override: EditImageFromUrlShadowSpreadOverrideType1
    | float
    | Unset = UNSET,
    shadow_subject_pose_override: EditImageFromUrlShadowSubjectPoseOverrideType1
    | float
    | Unset = UNSET,
    template_id: UUID | Unset = UNSET,
    text_removal_mode: EditImageFromUrlTextRemovalMode | Unset = UNSET,
    uncrop_mode: Literal["ai.auto"] | Unset = UNSET,
    uncrop_seed: float | Unset = UNSET,
    upscale_downscale_if_needed: EditImageFromUrlUpscaleDownscaleIfNeeded
    | Unset = UNSET,
    upscale_mode: EditImageFromUrlUpscaleMode | Unset = UNSET,
    vertical_alignment: EditImageFromUrlVerticalAlignment | Unset = UNSET,
    virtual_model_additional_product_images: list[str] | Unset = UNSET,
    virtual_model_mode: Literal["ai.auto"] | Unset = UNSET,
    virtual_model_model_preset_name: EditImageFromUrlVirtualModelModelPresetName
    | Unset = UNSET,
    virtual_model_model_custom_image_url: str | Unset = UNSET,
    virtual_model_pose: EditImageFromUrlVirtualModelPose | Unset = UNSET,
    virtual_model_prompt: str | Unset = UNSET,
    virtual_model_quality: EditImageFromUrlVirtualModelQuality | Unset = UNSET,
    virtual_model_scene_preset_name: EditImageFromUrlVirtualModelScenePresetName
    | Unset = UNSET,
    virtual_model_scene_custom_image_url: str | Unset = UNSET,
    virtual_model_size: EditImageFromUrlVirtualModelSize | Unset = UNSET,
    pr_ai_background_model_version: EditImageFromUrlPrAiBackgroundModelVersion
    | Unset = UNSET,
    pr_background_removal_model_version: EditImageFromUrlPrBackgroundRemovalModelVersion
    | Unset = UNSET,
) -> Response[APIError | File | InvalidValue | PaymentError | UnknownError]:
    """Image Editing v2 (Plus plan)

     This endpoint processes an image and applies one or more edits: background removal, AI-generated
    backgrounds (background.prompt), realistic shadows (shadow.mode), relighting (lighting.mode), text
    removal (textRemoval.mode), background blur (background.blur.*), subject outline (outline.*), AI
    beautification (beautify.mode), Flat Lay (flatLay.*), Ghost Mannequin (ghostMannequin.*), Ironing
    (ironing.mode), Virtual Model (virtualModel.*), AI expand (expand.mode), AI uncrop (uncrop.mode), AI
    upscale (upscale.mode), and positioning/resizing (padding, margin, outputSize).

    Parameters are grouped by feature using dot notation: background.* for backgrounds, shadow.* for
    shadows, lighting.* for relighting, outline.* for subject outlines, beautify.* for AI
    beautification, flatLay.* for flat lay generation, ghostMannequin.* for ghost mannequin generation,
    ironing.* for wrinkle removal, virtualModel.* for virtual model generation, expand.* for AI expand,
    uncrop.* for AI uncrop, upscale.* for AI upscale, export.* for output format, and segmentation.* for
    text-guided segmentation.

    Edits can be combined in a single call.

    It accepts a URL input for the image. If you want to directly upload an image file, please use the
    POST endpoint. For more details on the difference between the GET and POST endpoints, please have a
    look at our documentation: https://docs.photoroom.com/image-editing-api/which-endpoints-are-
    available.

    For the simplest integration (recommended for no-code tools like Lovable), use this GET endpoint
    with imageUrl — no file upload handling required.

    Example of a request: GET https://image-api.photoroom.com/v2/edit?imageUrl=https://example.com/photo
    .jpg&removeBackground=true&background.color=FFFFFF&outputSize=1000x1000&padding=0.1 with header
    x-api-key: YOUR_API_KEY

    The response is the edited image as binary data (image/png by default). To change format, set
    export.format to jpeg or webp.

    Full documentation: https://docs.photoroom.com/image-editing-api-plus-plan/quickstart-guide

    Feature documentation:
    - [HD Background Removal](https://docs.photoroom.com/image-editing-api-plus-plan/hd-background-
    removal)
    - [Positioning (padding, margin, scaling)](https://docs.photoroom.com/image-editing-api-plus-
    plan/positioning)
    - [Output Size](https://docs.photoroom.com/image-editing-api-plus-plan/output-size)
    - [Static Background](https://docs.photoroom.com/image-editing-api-plus-plan/static-background)
    - [Background Blur](https://docs.photoroom.com/image-editing-api-plus-plan/background-blur)
    - [Subject Outline](https://docs.photoroom.com/image-editing-api-plus-plan/subject-outline)
    - [AI Shadows](https://docs.photoroom.com/image-editing-api-plus-plan/ai-shadows)
    - [AI Backgrounds](https://docs.photoroom.com/image-editing-api-plus-plan/ai-backgrounds)
    - [AI Relight](https://docs.photoroom.com/image-editing-api-plus-plan/ai-relight)
    - [AI Text Removal](https://docs.photoroom.com/image-editing-api-plus-plan/ai-text-removal)
    - [AI Expand](https://docs.photoroom.com/image-editing-api-plus-plan/ai-expand)
    - [AI Uncrop](https://docs.photoroom.com/image-editing-api-plus-plan/ai-uncrop)
    - [AI Beautifier](https://docs.photoroom.com/image-editing-api-plus-plan/ai-beautifier)
    - [Flat Lay](https://docs.photoroom.com/image-editing-api-plus-plan/flat-lay)
    - [Ghost Mannequin](https://docs.photoroom.com/image-editing-api-plus-plan/ghost-mannequin)
    - [Virtual Model](https://docs.photoroom.com/image-editing-api-plus-plan/virtual-model)
    - [AI Upscale](https://docs.photoroom.com/image-editing-api-plus-plan/alpha-ai-upscale)
    - [Describe Any Change](https://docs.photoroom.com/image-editing-api-plus-plan/edit-with-ai)
    - [Create Any Image](https://docs.photoroom.com/image-editing-api-plus-plan/alpha-create-any-image)
    - [Text-Guided Segmentation](https://docs.photoroom.com/image-editing-api-plus-plan/alpha-text-
    guided-segmentation)
    - [Sandbox Mode (free testing)](https://docs.photoroom.com/image-editing-api-plus-plan/sandbox-mode)

    Args:
        background_blur_mode (EditImageFromUrlBackgroundBlurMode | Unset):
        background_blur_radius (float | Unset):
        background_color (EditImageFromUrlBackgroundColorType1 | str | Unset):
        background_expand_prompt (EditImageFromUrlBackgroundExpandPrompt | Unset):
        background_expand_prompt_mode (EditImageFromUrlBackgroundExpandPromptMode | Unset): If
            `ai.auto`, a pre-processing step is applied to expand the prompt into a longer form.

            Example: original prompt `"on a beach"`, expanded prompt: `"An object rests on the sandy
            shore of a tranquil beach. The object, partially covered in sand, casts a soft shadow
            under the warm sunlight. Seashells and driftwood are scattered around, with gentle waves
            lapping at the shore in the background, creating a serene coastal scene."`

            (Note: `background.expandPrompt.mode` only affects `background.prompt`)
        background_guidance_image_url (str | Unset):
        background_guidance_scale (float | Unset):
        background_image_url (str | Unset):
        background_negative_prompt (str | Unset):
        background_prompt (str | Unset):
        background_scaling (EditImageFromUrlBackgroundScaling | Unset):
        background_seed (float | Unset):
        beautify_mode (EditImageFromUrlBeautifyMode | Unset):
        beautify_seed (float | Unset):
        describe_any_change_mode (Literal['ai.auto'] | Unset):
        describe_any_change_prompt (str | Unset):
        describe_any_change_seed (float | Unset):
        edit_with_ai_mode (Literal['ai.auto'] | Unset):
        edit_with_ai_prompt (str | Unset):
        edit_with_ai_seed (float | Unset):
        expand_mode (Literal['ai.auto'] | Unset):
        expand_seed (float | Unset):
        export_dpi (float | Unset):
        export_format (EditImageFromUrlExportFormat | Unset):
        flat_lay_mode (Literal['ai.auto'] | Unset):
        flat_lay_prompt (str | Unset):
        flat_lay_size (EditImageFromUrlFlatLaySize | Unset):
        ghost_mannequin_mode (Literal['ai.auto'] | Unset):
        ghost_mannequin_prompt (str | Unset):
        ghost_mannequin_size (EditImageFromUrlGhostMannequinSize | Unset):
        horizontal_alignment (EditImageFromUrlHorizontalAlignment | Unset):
        ignore_padding_and_snap_on_cropped_sides (bool | Unset):
        image_from_prompt_prompt (str | Unset):
        image_from_prompt_seed (float | Unset):
        image_from_prompt_size (EditImageFromUrlImageFromPromptSize | Unset):
        image_url (str | Unset):
        ironing_mode (Literal['ai.auto'] | Unset):
        keep_existing_alpha_channel (EditImageFromUrlKeepExistingAlphaChannel | Unset):
        lighting_mode (EditImageFromUrlLightingMode | Unset):
        margin (float | str | Unset):
        margin_bottom (float | str | Unset):
        margin_left (float | str | Unset):
        margin_right (float | str | Unset):
        margin_top (float | str | Unset):
        max_height (float | Unset):
        max_width (float | Unset):
        outline_blur_radius (float | Unset):
        outline_color (EditImageFromUrlOutlineColorType1 | str | Unset):
        outline_width (float | Unset):
        output_size (str | Unset):
        padding (float | str | Unset):
        padding_bottom (float | str | Unset):
        padding_left (float | str | Unset):
        padding_right (float | str | Unset):
        padding_top (float | str | Unset):
        preserve_metadata (EditImageFromUrlPreserveMetadata | Unset):
        reference_box (EditImageFromUrlReferenceBox | Unset):
        remove_background (bool | Unset):
        scaling (EditImageFromUrlScaling | Unset):
        segmentation_mode (EditImageFromUrlSegmentationMode | Unset):
        segmentation_negative_prompt (str | Unset):
        segmentation_prompt (str | Unset):
        shadow_direction_override (EditImageFromUrlShadowDirectionOverrideType1 | float | Unset):
        shadow_intensity_override (float | Unset):
        shadow_mode (EditImageFromUrlShadowMode | Unset):
        shadow_softness_override (float | Unset):
        shadow_spread_override (EditImageFromUrlShadowSpreadOverrideType1 | float | Unset):
        shadow_subject_pose_override (EditImageFromUrlShadowSubjectPoseOverrideType1 | float |
            Unset):
        template_id (UUID | Unset):
        text_removal_mode (EditImageFromUrlTextRemovalMode | Unset):
        uncrop_mode (Literal['ai.auto'] | Unset):
        uncrop_seed (float | Unset):
        upscale_downscale_if_needed (EditImageFromUrlUpscaleDownscaleIfNeeded | Unset):
        upscale_mode (EditImageFromUrlUpscaleMode | Unset):
        vertical_alignment (EditImageFromUrlVerticalAlignment | Unset):
        virtual_model_additional_product_images (list[str] | Unset): URLs of additional product
            images showing different angles or details.
        virtual_model_mode (Literal['ai.auto'] | Unset):
        virtual_model_model_preset_name (EditImageFromUrlVirtualModelModelPresetName | Unset):
            Name of the preset model.
        virtual_model_model_custom_image_url (str | Unset): URL of a custom model image.
        virtual_model_pose (EditImageFromUrlVirtualModelPose | Unset):
        virtual_model_prompt (str | Unset):
        virtual_model_quality (EditImageFromUrlVirtualModelQuality | Unset):
        virtual_model_scene_preset_name (EditImageFromUrlVirtualModelScenePresetName | Unset):
            Name of the preset scene.
        virtual_model_scene_custom_image_url (str | Unset): URL of a custom scene image.
        virtual_model_size (EditImageFromUrlVirtualModelSize | Unset):
        pr_ai_background_model_version (EditImageFromUrlPrAiBackgroundModelVersion | Unset):
        pr_background_removal_model_version (EditImageFromUrlPrBackgroundRemovalModelVersion |
            Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[APIError | File | InvalidValue | PaymentError | UnknownError]
    """

    kwargs = _get_kwargs(
        background_blur_mode=background_blur_mode,
        background_blur_radius=background_blur_radius,
        background_color=background_color,
        background_expand_prompt=background_expand_prompt,
        background_expand_prompt_mode=background_expand_prompt_mode,
        background_guidance_image_url=background_guidance_image_url,
        background_guidance_scale=background_guidance_scale,
        background_image_url=background_image_url,
        background_negative_prompt=background_negative_prompt,
        background_prompt=background_prompt,
        background_scaling=background_scaling,
        background_seed=background_seed,
        beautify_mode=beautify_mode,
        beautify_seed=beautify_seed,
        describe_any_change_mode=describe_any_change_mode,
        describe_any_change_prompt=describe_any_change_prompt,
        describe_any_change_seed=describe_any_change_seed,
        edit_with_ai_mode=edit_with_ai_mode,
        edit_with_ai_prompt=edit_with_ai_prompt,
        edit_with_ai_seed=edit_with_ai_seed,
        expand_mode=expand_mode,
        expand_seed=expand_seed,
        export_dpi=export_dpi,
        export_format=export_format,
        flat_lay_mode=flat_lay_mode,
        flat_lay_prompt=flat_lay_prompt,
        flat_lay_size=flat_lay_size,
        ghost_mannequin_mode=ghost_mannequin_mode,
        ghost_mannequin_prompt=ghost_mannequin_prompt,
        ghost_mannequin_size=ghost_mannequin_size,
        horizontal_alignment=horizontal_alignment,
        ignore_padding_and_snap_on_cropped_sides=ignore_padding_and_snap_on_cropped_sides,
        image_from_prompt_prompt=image_from_prompt_prompt,
        image_from_prompt_seed=image_from_prompt_seed,
        image_from_prompt_size=image_from_prompt_size,
        image_url=image_url,
        ironing_mode=ironing_mode,
        keep_existing_alpha_channel=keep_existing_alpha_channel,
        lighting_mode=lighting_mode,
        margin=margin,
        margin_bottom=margin_bottom,
        margin_left=margin_left,
        margin_right=margin_right,
        margin_top=margin_top,
        max_height=max_height,
        max_width=max_width,
        outline_blur_radius=outline_blur_radius,
        outline_color=outline_color,
        outline_width=outline_width,
        output_size=output_size,
        padding=padding,
        padding_bottom=padding_bottom,
        padding_left=padding_left,
        padding_right=padding_right,
        padding_top=padding_top,
        preserve_metadata=preserve_metadata,
        reference_box=reference_box,
        remove_background=remove_background,
        scaling=scaling,
        segmentation_mode=segmentation_mode,
        segmentation_negative_prompt=segmentation_negative_prompt,
        segmentation_prompt=segmentation_prompt,
        shadow_direction_override=shadow_direction_override,
        shadow_intensity_override=shadow_intensity_override,
        shadow_mode=shadow_mode,
        shadow_softness_override=shadow_softness_override,
        shadow_spread_override=shadow_spread_override,
        shadow_subject_pose_override=shadow_subject_pose_override,
        template_id=template_id,
        text_removal_mode=text_removal_mode,
        uncrop_mode=uncrop_mode,
        uncrop_seed=uncrop_seed,
        upscale_downscale_if_needed=upscale_downscale_if_needed,
        upscale_mode=upscale_mode,
        vertical_alignment=vertical_alignment,
        virtual_model_additional_product_images=virtual_model_additional_product_images,
        virtual_model_mode=virtual_model_mode,
        virtual_model_model_preset_name=virtual_model_model_preset_name,
        virtual_model_model_custom_image_url=virtual_model_model_custom_image_url,
        virtual_model_pose=virtual_model_pose,
        virtual_model_prompt=virtual_model_prompt,
        virtual_model_quality=virtual_model_quality,
        virtual_model_scene_preset_name=virtual_model_scene_preset_name,
        virtual_model_scene_custom_image_url=virtual_model_scene_custom_image_url,
        virtual_model_size=virtual_model_size,
        pr_ai_background_model_version=pr_ai_background_model_version,
        pr_background_removal_model_version=pr_background_removal_model_version,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    background_blur_mode: EditImageFromUrlBackgroundBlurMode | Unset = UNSET,
    background_blur_radius: float | Unset = UNSET,
    background_color: EditImageFromUrlBackgroundColorType1 | str | Unset = UNSET,
    background_expand_prompt: EditImageFromUrlBackgroundExpandPrompt | Unset = UNSET,
    background_expand_prompt_mode: EditImageFromUrlBackgroundExpandPromptMode
    | Unset = UNSET,
    background_guidance_image_url: str | Unset = UNSET,
    background_guidance_scale: float | Unset = UNSET,
    background_image_url: str | Unset = UNSET,
    background_negative_prompt: str | Unset = UNSET,
    background_prompt: str | Unset = UNSET,
    background_scaling: EditImageFromUrlBackgroundScaling | Unset = UNSET,
    background_seed: float | Unset = UNSET,
    beautify_mode: EditImageFromUrlBeautifyMode | Unset = UNSET,
    beautify_seed: float | Unset = UNSET,
    describe_any_change_mode: Literal["ai.auto"] | Unset = UNSET,
    describe_any_change_prompt: str | Unset = UNSET,
    describe_any_change_seed: float | Unset = UNSET,
    edit_with_ai_mode: Literal["ai.auto"] | Unset = UNSET,
    edit_with_ai_prompt: str | Unset = UNSET,
    edit_with_ai_seed: float | Unset = UNSET,
    expand_mode: Literal["ai.auto"] | Unset = UNSET,
    expand_seed: float | Unset = UNSET,
    export_dpi: float | Unset = UNSET,
    export_format: EditImageFromUrlExportFormat | Unset = UNSET,
    flat_lay_mode: Literal["ai.auto"] | Unset = UNSET,
    flat_lay_prompt: str | Unset = UNSET,
    flat_lay_size: EditImageFromUrlFlatLaySize | Unset = UNSET,
    ghost_mannequin_mode: Literal["ai.auto"] | Unset = UNSET,
    ghost_mannequin_prompt: str | Unset = UNSET,
    ghost_mannequin_size: EditImageFromUrlGhostMannequinSize | Unset = UNSET,
    horizontal_alignment: EditImageFromUrlHorizontalAlignment | Unset = UNSET,
    ignore_padding_and_snap_on_cropped_sides: bool | Unset = UNSET,
    image_from_prompt_prompt: str | Unset = UNSET,
    image_from_prompt_seed: float | Unset = UNSET,
    image_from_prompt_size: EditImageFromUrlImageFromPromptSize | Unset = UNSET,
    image_url: str | Unset = UNSET,
    ironing_mode: Literal["ai.auto"] | Unset = UNSET,
    keep_existing_alpha_channel: EditImageFromUrlKeepExistingAlphaChannel
    | Unset = UNSET,
    lighting_mode: EditImageFromUrlLightingMode | Unset = UNSET,
    margin: float | str | Unset = UNSET,
    margin_bottom: float | str | Unset = UNSET,
    margin_left: float | str | Unset = UNSET,
    margin_right: float | str | Unset = UNSET,
    margin_top: float | str | Unset = UNSET,
    max_height: float | Unset = UNSET,
    max_width: float | Unset = UNSET,
    outline_blur_radius: float | Unset = UNSET,
    outline_color: EditImageFromUrlOutlineColorType1 | str | Unset = UNSET,
    outline_width: float | Unset = UNSET,
    output_size: str | Unset = UNSET,
    padding: float | str | Unset = UNSET,
    padding_bottom: float | str | Unset = UNSET,
    padding_left: float | str | Unset = UNSET,
    padding_right: float | str | Unset = UNSET,
    padding_top: float | str | Unset = UNSET,
    preserve_metadata: EditImageFromUrlPreserveMetadata | Unset = UNSET,
    reference_box: EditImageFromUrlReferenceBox | Unset = UNSET,
    remove_background: bool | Unset = UNSET,
    scaling: EditImageFromUrlScaling | Unset = UNSET,
    segmentation_mode: EditImageFromUrlSegmentationMode | Unset = UNSET,
    segmentation_negative_prompt: str | Unset = UNSET,
    segmentation_prompt: str | Unset = UNSET,
    shadow_direction_override: EditImageFromUrlShadowDirectionOverrideType1
    | float
    | Unset = UNSET,
    shadow_intensity_override: float | Unset = UNSET,
    shadow_mode: EditImageFromUrlShadowMode | Unset = UNSET,
    shadow_softness_override: float | Unset = UNSET,
    shadow_spread_override: EditImageFromUrlShadowSpreadOverrideType1
    | float
    | Unset = UNSET,
    shadow_subject_pose_override: EditImageFromUrlShadowSubjectPoseOverrideType1
    | float
    | Unset = UNSET,
    template_id: UUID | Unset = UNSET,
    text_removal_mode: EditImageFromUrlTextRemovalMode | Unset = UNSET,
    uncrop_mode: Literal["ai.auto"] | Unset = UNSET,
    uncrop_seed: float | Unset = UNSET,
    upscale_downscale_if_needed: EditImageFromUrlUpscaleDownscaleIfNeeded
    | Unset = UNSET,
    upscale_mode: EditImageFromUrlUpscaleMode | Unset = UNSET,
    vertical_alignment: EditImageFromUrlVerticalAlignment | Unset = UNSET,
    virtual_model_additional_product_images: list[str] | Unset = UNSET,
    virtual_model_mode: Literal["ai.auto"] | Unset = UNSET,
    virtual_model_model_preset_name: EditImageFromUrlVirtualModelModelPresetName
    | Unset = UNSET,
    virtual_model_model_custom_image_url: str | Unset = UNSET,
    virtual_model_pose: EditImageFromUrlVirtualModelPose | Unset = UNSET,
    virtual_model_prompt: str | Unset = UNSET,
    virtual_model_quality: EditImageFromUrlVirtualModelQuality | Unset = UNSET,
    virtual_model_scene_preset_name: EditImageFromUrlVirtualModelScenePresetName
    | Unset = UNSET,
    virtual_model_scene_custom_image_url: str | Unset = UNSET,
    virtual_model_size: EditImageFromUrlVirtualModelSize | Unset = UNSET,
    pr_ai_background_model_version: EditImageFromUrlPrAiBackgroundModelVersion
    | Unset = UNSET,
    pr_background_removal_model_version: EditImageFromUrlPrBackgroundRemovalModelVersion
    | Unset = UNSET,
) -> APIError | File | InvalidValue | PaymentError | UnknownError | None:
    """Image Editing v2 (Plus plan)

     This endpoint processes an image and applies one or more edits: background removal, AI-generated
    backgrounds (background.prompt), realistic shadows (shadow.mode), relighting (lighting.mode), text
    removal (textRemoval.mode), background blur (background.blur.*), subject outline (outline.*), AI
    beautification (beautify.mode), Flat Lay (flatLay.*), Ghost Mannequin (ghostMannequin.*), Ironing
    (ironing.mode), Virtual Model (virtualModel.*), AI expand (expand.mode), AI uncrop (uncrop.mode), AI
    upscale (upscale.mode), and positioning/resizing (padding, margin, outputSize).

    Parameters are grouped by feature using dot notation: background.* for backgrounds, shadow.* for
    shadows, lighting.* for relighting, outline.* for subject outlines, beautify.* for AI
    beautification, flatLay.* for flat lay generation, ghostMannequin.* for ghost mannequin generation,
    ironing.* for wrinkle removal, virtualModel.* for virtual model generation, expand.* for AI expand,
    uncrop.* for AI uncrop, upscale.* for AI upscale, export.* for output format, and segmentation.* for
    text-guided segmentation.

    Edits can be combined in a single call.

    It accepts a URL input for the image. If you want to directly upload an image file, please use the
    POST endpoint. For more details on the difference between the GET and POST endpoints, please have a
    look at our documentation: https://docs.photoroom.com/image-editing-api/which-endpoints-are-
    available.

    For the simplest integration (recommended for no-code tools like Lovable), use this GET endpoint
    with imageUrl — no file upload handling required.

    Example of a request: GET https://image-api.photoroom.com/v2/edit?imageUrl=https://example.com/photo
    .jpg&removeBackground=true&background.color=FFFFFF&outputSize=1000x1000&padding=0.1 with header
    x-api-key: YOUR_API_KEY

    The response is the edited image as binary data (image/png by default). To change format, set
    export.format to jpeg or webp.

    Full documentation: https://docs.photoroom.com/image-editing-api-plus-plan/quickstart-guide

    Feature documentation:
    - [HD Background Removal](https://docs.photoroom.com/image-editing-api-plus-plan/hd-background-
    removal)
    - [Positioning (padding, margin, scaling)](https://docs.photoroom.com/image-editing-api-plus-
    plan/positioning)
    - [Output Size](https://docs.photoroom.com/image-editing-api-plus-plan/output-size)
    - [Static Background](https://docs.photoroom.com/image-editing-api-plus-plan/static-background)
    - [Background Blur](https://docs.photoroom.com/image-editing-api-plus-plan/background-blur)
    - [Subject Outline](https://docs.photoroom.com/image-editing-api-plus-plan/subject-outline)
    - [AI Shadows](https://docs.photoroom.com/image-editing-api-plus-plan/ai-shadows)
    - [AI Backgrounds](https://docs.photoroom.com/image-editing-api-plus-plan/ai-backgrounds)
    - [AI Relight](https://docs.photoroom.com/image-editing-api-plus-plan/ai-relight)
    - [AI Text Removal](https://docs.photoroom.com/image-editing-api-plus-plan/ai-text-removal)
    - [AI Expand](https://docs.photoroom.com/image-editing-api-plus-plan/ai-expand)
    - [AI Uncrop](https://docs.photoroom.com/image-editing-api-plus-plan/ai-uncrop)
    - [AI Beautifier](https://docs.photoroom.com/image-editing-api-plus-plan/ai-beautifier)
    - [Flat Lay](https://docs.photoroom.com/image-editing-api-plus-plan/flat-lay)
    - [Ghost Mannequin](https://docs.photoroom.com/image-editing-api-plus-plan/ghost-mannequin)
    - [Virtual Model](https://docs.photoroom.com/image-editing-api-plus-plan/virtual-model)
    - [AI Upscale](https://docs.photoroom.com/image-editing-api-plus-plan/alpha-ai-upscale)
    - [Describe Any Change](https://docs.photoroom.com/image-editing-api-plus-plan/edit-with-ai)
    - [Create Any Image](https://docs.photoroom.com/image-editing-api-plus-plan/alpha-create-any-image)
    - [Text-Guided Segmentation](https://docs.photoroom.com/image-editing-api-plus-plan/alpha-text-
    guided-segmentation)
    - [Sandbox Mode (free testing)](https://docs.photoroom.com/image-editing-api-plus-plan/sandbox-mode)

    Args:
        background_blur_mode (EditImageFromUrlBackgroundBlurMode | Unset):
        background_blur_radius (float | Unset):
        background_color (EditImageFromUrlBackgroundColorType1 | str | Unset):
        background_expand_prompt (EditImageFromUrlBackgroundExpandPrompt | Unset):
        background_expand_prompt_mode (EditImageFromUrlBackgroundExpandPromptMode | Unset): If
            `ai.auto`, a pre-processing step is applied to expand the prompt into a longer form.

            Example: original prompt `"on a beach"`, expanded prompt: `"An object rests on the sandy
            shore of a tranquil beach. The object, partially covered in sand, casts a soft shadow
            under the warm sunlight. Seashells and driftwood are scattered around, with gentle waves
            lapping at the shore in the background, creating a serene coastal scene."`

            (Note: `background.expandPrompt.mode` only affects `background.prompt`)
        background_guidance_image_url (str | Unset):
        background_guidance_scale (float | Unset):
        background_image_url (str | Unset):
        background_negative_prompt (str | Unset):
        background_prompt (str | Unset):
        background_scaling (EditImageFromUrlBackgroundScaling | Unset):
        background_seed (float | Unset):
        beautify_mode (EditImageFromUrlBeautifyMode | Unset):
        beautify_seed (float | Unset):
        describe_any_change_mode (Literal['ai.auto'] | Unset):
        describe_any_change_prompt (str | Unset):
        describe_any_change_seed (float | Unset):
        edit_with_ai_mode (Literal['ai.auto'] | Unset):
        edit_with_ai_prompt (str | Unset):
        edit_with_ai_seed (float | Unset):
        expand_mode (Literal['ai.auto'] | Unset):
        expand_seed (float | Unset):
        export_dpi (float | Unset):
        export_format (EditImageFromUrlExportFormat | Unset):
        flat_lay_mode (Literal['ai.auto'] | Unset):
        flat_lay_prompt (str | Unset):
        flat_lay_size (EditImageFromUrlFlatLaySize | Unset):
        ghost_mannequin_mode (Literal['ai.auto'] | Unset):
        ghost_mannequin_prompt (str | Unset):
        ghost_mannequin_size (EditImageFromUrlGhostMannequinSize | Unset):
        horizontal_alignment (EditImageFromUrlHorizontalAlignment | Unset):
        ignore_padding_and_snap_on_cropped_sides (bool | Unset):
        image_from_prompt_prompt (str | Unset):
        image_from_prompt_seed (float | Unset):
        image_from_prompt_size (EditImageFromUrlImageFromPromptSize | Unset):
        image_url (str | Unset):
        ironing_mode (Literal['ai.auto'] | Unset):
        keep_existing_alpha_channel (EditImageFromUrlKeepExistingAlphaChannel | Unset):
        lighting_mode (EditImageFromUrlLightingMode | Unset):
        margin (float | str | Unset):
        margin_bottom (float | str | Unset):
        margin_left (float | str | Unset):
        margin_right (float | str | Unset):
        margin_top (float | str | Unset):
        max_height (float | Unset):
        max_width (float | Unset):
        outline_blur_radius (float | Unset):
        outline_color (EditImageFromUrlOutlineColorType1 | str | Unset):
        outline_width (float | Unset):
        output_size (str | Unset):
        padding (float | str | Unset):
        padding_bottom (float | str | Unset):
        padding_left (float | str | Unset):
        padding_right (float | str | Unset):
        padding_top (float | str | Unset):
        preserve_metadata (EditImageFromUrlPreserveMetadata | Unset):
        reference_box (EditImageFromUrlReferenceBox | Unset):
        remove_background (bool | Unset):
        scaling (EditImageFromUrlScaling | Unset):
        segmentation_mode (EditImageFromUrlSegmentationMode | Unset):
        segmentation_negative_prompt (str | Unset):
        segmentation_prompt (str | Unset):
        shadow_direction_override (EditImageFromUrlShadowDirectionOverrideType1 | float | Unset):
        shadow_intensity_override (float | Unset):
        shadow_mode (EditImageFromUrlShadowMode | Unset):
        shadow_softness_override (float | Unset):
        shadow_spread_override (EditImageFromUrlShadowSpreadOverrideType1 | float | Unset):
        shadow_subject_pose_override (EditImageFromUrlShadowSubjectPoseOverrideType1 | float |
            Unset):
        template_id (UUID | Unset):
        text_removal_mode (EditImageFromUrlTextRemovalMode | Unset):
        uncrop_mode (Literal['ai.auto'] | Unset):
        uncrop_seed (float | Unset):
        upscale_downscale_if_needed (EditImageFromUrlUpscaleDownscaleIfNeeded | Unset):
        upscale_mode (EditImageFromUrlUpscaleMode | Unset):
        vertical_alignment (EditImageFromUrlVerticalAlignment | Unset):
        virtual_model_additional_product_images (list[str] | Unset): URLs of additional product
            images showing different angles or details.
        virtual_model_mode (Literal['ai.auto'] | Unset):
        virtual_model_model_preset_name (EditImageFromUrlVirtualModelModelPresetName | Unset):
            Name of the preset model.
        virtual_model_model_custom_image_url (str | Unset): URL of a custom model image.
        virtual_model_pose (EditImageFromUrlVirtualModelPose | Unset):
        virtual_model_prompt (str | Unset):
        virtual_model_quality (EditImageFromUrlVirtualModelQuality | Unset):
        virtual_model_scene_preset_name (EditImageFromUrlVirtualModelScenePresetName | Unset):
            Name of the preset scene.
        virtual_model_scene_custom_image_url (str | Unset): URL of a custom scene image.
        virtual_model_size (EditImageFromUrlVirtualModelSize | Unset):
        pr_ai_background_model_version (EditImageFromUrlPrAiBackgroundModelVersion | Unset):
        pr_background_removal_model_version (EditImageFromUrlPrBackgroundRemovalModelVersion |
            Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        APIError | File | InvalidValue | PaymentError | UnknownError
    """

    return (
        await asyncio_detailed(
            client=client,
            background_blur_mode=background_blur_mode,
            background_blur_radius=background_blur_radius,
            background_color=background_color,
            background_expand_prompt=background_expand_prompt,
            background_expand_prompt_mode=background_expand_prompt_mode,
            background_guidance_image_url=background_guidance_image_url,
            background_guidance_scale=background_guidance_scale,
            background_image_url=background_image_url,
            background_negative_prompt=background_negative_prompt,
            background_prompt=background_prompt,
            background_scaling=background_scaling,
            background_seed=background_seed,
            beautify_mode=beautify_mode,
            beautify_seed=beautify_seed,
            describe_any_change_mode=describe_any_change_mode,
            describe_any_change_prompt=describe_any_change_prompt,
            describe_any_change_seed=describe_any_change_seed,
            edit_with_ai_mode=edit_with_ai_mode,
            edit_with_ai_prompt=edit_with_ai_prompt,
            edit_with_ai_seed=edit_with_ai_seed,
            expand_mode=expand_mode,
            expand_seed=expand_seed,
            export_dpi=export_dpi,
            export_format=export_format,
            flat_lay_mode=flat_lay_mode,
            flat_lay_prompt=flat_lay_prompt,
            flat_lay_size=flat_lay_size,
            ghost_mannequin_mode=ghost_mannequin_mode,
            ghost_mannequin_prompt=ghost_mannequin_prompt,
            ghost_mannequin_size=ghost_mannequin_size,
            horizontal_alignment=horizontal_alignment,
            ignore_padding_and_snap_on_cropped_sides=ignore_padding_and_snap_on_cropped_sides,
            image_from_prompt_prompt=image_from_prompt_prompt,
            image_from_prompt_seed=image_from_prompt_seed,
            image_from_prompt_size=image_from_prompt_size,
            image_url=image_url,
            ironing_mode=ironing_mode,
            keep_existing_alpha_channel=keep_existing_alpha_channel,
            lighting_mode=lighting_mode,
            margin=margin,
            margin_bottom=margin_bottom,
            margin_left=margin_left,
            margin_right=margin_right,
            margin_top=margin_top,
            max_height=max_height,
            max_width=max_width,
            outline_blur_radius=outline_blur_radius,
            outline_color=outline_color,
            outline_width=outline_width,
            output_size=output_size,
            padding=padding,
            padding_bottom=padding_bottom,
            padding_left=padding_left,
            padding_right=padding_right,
            padding_top=padding_top,
            preserve_metadata=preserve_metadata,
            reference_box=reference_box,
            remove_background=remove_background,
            scaling=scaling,
            segmentation_mode=segmentation_mode,
            segmentation_negative_prompt=segmentation_negative_prompt,
            segmentation_prompt=segmentation_prompt,
            shadow_direction_override=shadow_direction_override,
            shadow_intensity_override=shadow_intensity_override,
            shadow_mode=shadow_mode,
            shadow_softness_override=shadow_softness_override,
            shadow_spread_override=shadow_spread_override,
            shadow_subject_pose_override=shadow_subject_pose_override,
            template_id=template_id,
            text_removal_mode=text_removal_mode,
            uncrop_mode=uncrop_mode,
            uncrop_seed=uncrop_seed,
            upscale_downscale_if_needed=upscale_downscale_if_needed,
            upscale_mode=upscale_mode,
            vertical_alignment=vertical_alignment,
            virtual_model_additional_product_images=virtual_model_additional_product_images,
            virtual_model_mode=virtual_model_mode,
            virtual_model_model_preset_name=virtual_model_model_preset_name,
            virtual_model_model_custom_image_url=virtual_model_model_custom_image_url,
            virtual_model_pose=virtual_model_pose,
            virtual_model_prompt=virtual_model_prompt,
            virtual_model_quality=virtual_model_quality,
            virtual_model_scene_preset_name=virtual_model_scene_preset_name,
            virtual_model_scene_custom_image_url=virtual_model_scene_custom_image_url,
            virtual_model_size=virtual_model_size,
            pr_ai_background_model_version=pr_ai_background_model_version,
            pr_background_removal_model_version=pr_background_removal_model_version,
        )
    ).parsed
