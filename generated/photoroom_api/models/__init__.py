"""Contains all the data models used in inputs/outputs"""

from .api_error import APIError
from .api_error_error import APIErrorError
from .edit_image_from_url_background_blur_mode import EditImageFromUrlBackgroundBlurMode
from .edit_image_from_url_background_color_type_1 import (
    EditImageFromUrlBackgroundColorType1,
)
from .edit_image_from_url_background_expand_prompt import (
    EditImageFromUrlBackgroundExpandPrompt,
)
from .edit_image_from_url_background_expand_prompt_mode import (
    EditImageFromUrlBackgroundExpandPromptMode,
)
from .edit_image_from_url_background_scaling import EditImageFromUrlBackgroundScaling
from .edit_image_from_url_beautify_mode import EditImageFromUrlBeautifyMode
from .edit_image_from_url_export_format import EditImageFromUrlExportFormat
from .edit_image_from_url_flat_lay_size import EditImageFromUrlFlatLaySize
from .edit_image_from_url_ghost_mannequin_size import EditImageFromUrlGhostMannequinSize
from .edit_image_from_url_horizontal_alignment import (
    EditImageFromUrlHorizontalAlignment,
)
from .edit_image_from_url_image_from_prompt_size import (
    EditImageFromUrlImageFromPromptSize,
)
from .edit_image_from_url_keep_existing_alpha_channel import (
    EditImageFromUrlKeepExistingAlphaChannel,
)
from .edit_image_from_url_lighting_mode import EditImageFromUrlLightingMode
from .edit_image_from_url_outline_color_type_1 import EditImageFromUrlOutlineColorType1
from .edit_image_from_url_pr_ai_background_model_version import (
    EditImageFromUrlPrAiBackgroundModelVersion,
)
from .edit_image_from_url_pr_background_removal_model_version import (
    EditImageFromUrlPrBackgroundRemovalModelVersion,
)
from .edit_image_from_url_preserve_metadata import EditImageFromUrlPreserveMetadata
from .edit_image_from_url_reference_box import EditImageFromUrlReferenceBox
from .edit_image_from_url_scaling import EditImageFromUrlScaling
from .edit_image_from_url_segmentation_mode import EditImageFromUrlSegmentationMode
from .edit_image_from_url_shadow_direction_override_type_1 import (
    EditImageFromUrlShadowDirectionOverrideType1,
)
from .edit_image_from_url_shadow_mode import EditImageFromUrlShadowMode
from .edit_image_from_url_shadow_spread_override_type_1 import (
    EditImageFromUrlShadowSpreadOverrideType1,
)
from .edit_image_from_url_shadow_subject_pose_override_type_1 import (
    EditImageFromUrlShadowSubjectPoseOverrideType1,
)
from .edit_image_from_url_text_removal_mode import EditImageFromUrlTextRemovalMode
from .edit_image_from_url_upscale_downscale_if_needed import (
    EditImageFromUrlUpscaleDownscaleIfNeeded,
)
from .edit_image_from_url_upscale_mode import EditImageFromUrlUpscaleMode
from .edit_image_from_url_vertical_alignment import EditImageFromUrlVerticalAlignment
from .edit_image_from_url_virtual_model_model_preset_name import (
    EditImageFromUrlVirtualModelModelPresetName,
)
from .edit_image_from_url_virtual_model_pose import EditImageFromUrlVirtualModelPose
from .edit_image_from_url_virtual_model_quality import (
    EditImageFromUrlVirtualModelQuality,
)
from .edit_image_from_url_virtual_model_scene_preset_name import (
    EditImageFromUrlVirtualModelScenePresetName,
)
from .edit_image_from_url_virtual_model_size import EditImageFromUrlVirtualModelSize
from .edit_image_upload_body import EditImageUploadBody
from .edit_image_upload_body_background_blur_mode import (
    EditImageUploadBodyBackgroundBlurMode,
)
from .edit_image_upload_body_background_color_type_1 import (
    EditImageUploadBodyBackgroundColorType1,
)
from .edit_image_upload_body_background_expand_prompt import (
    EditImageUploadBodyBackgroundExpandPrompt,
)
from .edit_image_upload_body_background_expand_prompt_mode import (
    EditImageUploadBodyBackgroundExpandPromptMode,
)
from .edit_image_upload_body_background_scaling import (
    EditImageUploadBodyBackgroundScaling,
)
from .edit_image_upload_body_beautify_mode import EditImageUploadBodyBeautifyMode
from .edit_image_upload_body_export_format import EditImageUploadBodyExportFormat
from .edit_image_upload_body_flat_lay_size import EditImageUploadBodyFlatLaySize
from .edit_image_upload_body_ghost_mannequin_size import (
    EditImageUploadBodyGhostMannequinSize,
)
from .edit_image_upload_body_horizontal_alignment import (
    EditImageUploadBodyHorizontalAlignment,
)
from .edit_image_upload_body_image_from_prompt_size import (
    EditImageUploadBodyImageFromPromptSize,
)
from .edit_image_upload_body_keep_existing_alpha_channel import (
    EditImageUploadBodyKeepExistingAlphaChannel,
)
from .edit_image_upload_body_lighting_mode import EditImageUploadBodyLightingMode
from .edit_image_upload_body_outline_color_type_1 import (
    EditImageUploadBodyOutlineColorType1,
)
from .edit_image_upload_body_preserve_metadata import (
    EditImageUploadBodyPreserveMetadata,
)
from .edit_image_upload_body_reference_box import EditImageUploadBodyReferenceBox
from .edit_image_upload_body_scaling import EditImageUploadBodyScaling
from .edit_image_upload_body_segmentation_mode import (
    EditImageUploadBodySegmentationMode,
)
from .edit_image_upload_body_shadow_direction_override_type_1 import (
    EditImageUploadBodyShadowDirectionOverrideType1,
)
from .edit_image_upload_body_shadow_mode import EditImageUploadBodyShadowMode
from .edit_image_upload_body_shadow_spread_override_type_1 import (
    EditImageUploadBodyShadowSpreadOverrideType1,
)
from .edit_image_upload_body_shadow_subject_pose_override_type_1 import (
    EditImageUploadBodyShadowSubjectPoseOverrideType1,
)
from .edit_image_upload_body_text_removal_mode import EditImageUploadBodyTextRemovalMode
from .edit_image_upload_body_upscale_downscale_if_needed import (
    EditImageUploadBodyUpscaleDownscaleIfNeeded,
)
from .edit_image_upload_body_upscale_mode import EditImageUploadBodyUpscaleMode
from .edit_image_upload_body_vertical_alignment import (
    EditImageUploadBodyVerticalAlignment,
)
from .edit_image_upload_body_virtual_model_model_preset_name import (
    EditImageUploadBodyVirtualModelModelPresetName,
)
from .edit_image_upload_body_virtual_model_pose import (
    EditImageUploadBodyVirtualModelPose,
)
from .edit_image_upload_body_virtual_model_quality import (
    EditImageUploadBodyVirtualModelQuality,
)
from .edit_image_upload_body_virtual_model_scene_preset_name import (
    EditImageUploadBodyVirtualModelScenePresetName,
)
from .edit_image_upload_body_virtual_model_size import (
    EditImageUploadBodyVirtualModelSize,
)
from .edit_image_upload_pr_ai_background_model_version import (
    EditImageUploadPrAiBackgroundModelVersion,
)
from .edit_image_upload_pr_background_removal_model_version import (
    EditImageUploadPrBackgroundRemovalModelVersion,
)
from .get_account_v1_response_200 import GetAccountV1Response200
from .get_account_v1_response_200_credits import GetAccountV1Response200Credits
from .get_account_v2_response_200 import GetAccountV2Response200
from .get_account_v2_response_200_images import GetAccountV2Response200Images
from .invalid_value import InvalidValue
from .invalid_value_error import InvalidValueError
from .payment_error import PaymentError
from .payment_error_error import PaymentErrorError
from .remove_background_base_64_response import RemoveBackgroundBase64Response
from .remove_background_error import RemoveBackgroundError
from .remove_background_post_params import RemoveBackgroundPOSTParams
from .remove_background_post_params_bg_color_type_1 import (
    RemoveBackgroundPOSTParamsBgColorType1,
)
from .remove_background_post_params_channels import RemoveBackgroundPOSTParamsChannels
from .remove_background_post_params_format import RemoveBackgroundPOSTParamsFormat
from .remove_background_post_params_size import RemoveBackgroundPOSTParamsSize
from .render_image_post_params import RenderImagePOSTParams
from .unknown_error import UnknownError
from .unknown_error_error import UnknownErrorError

__all__ = (
    "APIError",
    "APIErrorError",
    "EditImageFromUrlBackgroundBlurMode",
    "EditImageFromUrlBackgroundColorType1",
    "EditImageFromUrlBackgroundExpandPrompt",
    "EditImageFromUrlBackgroundExpandPromptMode",
    "EditImageFromUrlBackgroundScaling",
    "EditImageFromUrlBeautifyMode",
    "EditImageFromUrlExportFormat",
    "EditImageFromUrlFlatLaySize",
    "EditImageFromUrlGhostMannequinSize",
    "EditImageFromUrlHorizontalAlignment",
    "EditImageFromUrlImageFromPromptSize",
    "EditImageFromUrlKeepExistingAlphaChannel",
    "EditImageFromUrlLightingMode",
    "EditImageFromUrlOutlineColorType1",
    "EditImageFromUrlPrAiBackgroundModelVersion",
    "EditImageFromUrlPrBackgroundRemovalModelVersion",
    "EditImageFromUrlPreserveMetadata",
    "EditImageFromUrlReferenceBox",
    "EditImageFromUrlScaling",
    "EditImageFromUrlSegmentationMode",
    "EditImageFromUrlShadowDirectionOverrideType1",
    "EditImageFromUrlShadowMode",
    "EditImageFromUrlShadowSpreadOverrideType1",
    "EditImageFromUrlShadowSubjectPoseOverrideType1",
    "EditImageFromUrlTextRemovalMode",
    "EditImageFromUrlUpscaleDownscaleIfNeeded",
    "EditImageFromUrlUpscaleMode",
    "EditImageFromUrlVerticalAlignment",
    "EditImageFromUrlVirtualModelModelPresetName",
    "EditImageFromUrlVirtualModelPose",
    "EditImageFromUrlVirtualModelQuality",
    "EditImageFromUrlVirtualModelScenePresetName",
    "EditImageFromUrlVirtualModelSize",
    "EditImageUploadBody",
    "EditImageUploadBodyBackgroundBlurMode",
    "EditImageUploadBodyBackgroundColorType1",
    "EditImageUploadBodyBackgroundExpandPrompt",
    "EditImageUploadBodyBackgroundExpandPromptMode",
    "EditImageUploadBodyBackgroundScaling",
    "EditImageUploadBodyBeautifyMode",
    "EditImageUploadBodyExportFormat",
    "EditImageUploadBodyFlatLaySize",
    "EditImageUploadBodyGhostMannequinSize",
    "EditImageUploadBodyHorizontalAlignment",
    "EditImageUploadBodyImageFromPromptSize",
    "EditImageUploadBodyKeepExistingAlphaChannel",
    "EditImageUploadBodyLightingMode",
    "EditImageUploadBodyOutlineColorType1",
    "EditImageUploadBodyPreserveMetadata",
    "EditImageUploadBodyReferenceBox",
    "EditImageUploadBodyScaling",
    "EditImageUploadBodySegmentationMode",
    "EditImageUploadBodyShadowDirectionOverrideType1",
    "EditImageUploadBodyShadowMode",
    "EditImageUploadBodyShadowSpreadOverrideType1",
    "EditImageUploadBodyShadowSubjectPoseOverrideType1",
    "EditImageUploadBodyTextRemovalMode",
    "EditImageUploadBodyUpscaleDownscaleIfNeeded",
    "EditImageUploadBodyUpscaleMode",
    "EditImageUploadBodyVerticalAlignment",
    "EditImageUploadBodyVirtualModelModelPresetName",
    "EditImageUploadBodyVirtualModelPose",
    "EditImageUploadBodyVirtualModelQuality",
    "EditImageUploadBodyVirtualModelScenePresetName",
    "EditImageUploadBodyVirtualModelSize",
    "EditImageUploadPrAiBackgroundModelVersion",
    "EditImageUploadPrBackgroundRemovalModelVersion",
    "GetAccountV1Response200",
    "GetAccountV1Response200Credits",
    "GetAccountV2Response200",
    "GetAccountV2Response200Images",
    "InvalidValue",
    "InvalidValueError",
    "PaymentError",
    "PaymentErrorError",
    "RemoveBackgroundBase64Response",
    "RemoveBackgroundError",
    "RemoveBackgroundPOSTParams",
    "RemoveBackgroundPOSTParamsBgColorType1",
    "RemoveBackgroundPOSTParamsChannels",
    "RemoveBackgroundPOSTParamsFormat",
    "RemoveBackgroundPOSTParamsSize",
    "RenderImagePOSTParams",
    "UnknownError",
    "UnknownErrorError",
)
