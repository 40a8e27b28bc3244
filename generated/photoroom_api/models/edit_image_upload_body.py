from __future__ import annotations

from collections.abc import Mapping
from io import BytesIO
from typing import (
    Any,
    Literal,
    Self,
    TypeVar,
    cast,
)
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import types
from ..models.edit_image_upload_body_background_blur_mode import (
    EditImageUploadBodyBackgroundBlurMode,
    check_edit_image_upload_body_background_blur_mode,
)
from ..models.edit_image_upload_body_background_color_type_1 import (
    EditImageUploadBodyBackgroundColorType1,
    check_edit_image_upload_body_background_color_type_1,
)
from ..models.edit_image_upload_body_background_expand_prompt import (
    EditImageUploadBodyBackgroundExpandPrompt,
    check_edit_image_upload_body_background_expand_prompt,
)
from ..models.edit_image_upload_body_background_expand_prompt_mode import (
    EditImageUploadBodyBackgroundExpandPromptMode,
    check_edit_image_upload_body_background_expand_prompt_mode,
)
from ..models.edit_image_upload_body_background_scaling import (
    EditImageUploadBodyBackgroundScaling,
    check_edit_image_upload_body_background_scaling,
)
from ..models.edit_image_upload_body_beautify_mode import (
    EditImageUploadBodyBeautifyMode,
    check_edit_image_upload_body_beautify_mode,
)
from ..models.edit_image_upload_body_export_format import (
    EditImageUploadBodyExportFormat,
    check_edit_image_upload_body_export_format,
)
from ..models.edit_image_upload_body_flat_lay_size import (
    EditImageUploadBodyFlatLaySize,
    check_edit_image_upload_body_flat_lay_size,
)
from ..models.edit_image_upload_body_ghost_mannequin_size import (
    EditImageUploadBodyGhostMannequinSize,
    check_edit_image_upload_body_ghost_mannequin_size,
)
from ..models.edit_image_upload_body_horizontal_alignment import (
    EditImageUploadBodyHorizontalAlignment,
    check_edit_image_upload_body_horizontal_alignment,
)
from ..models.edit_image_upload_body_image_from_prompt_size import (
    EditImageUploadBodyImageFromPromptSize,
    check_edit_image_upload_body_image_from_prompt_size,
)
from ..models.edit_image_upload_body_keep_existing_alpha_channel import (
    EditImageUploadBodyKeepExistingAlphaChannel,
    check_edit_image_upload_body_keep_existing_alpha_channel,
)
from ..models.edit_image_upload_body_lighting_mode import (
    EditImageUploadBodyLightingMode,
    check_edit_image_upload_body_lighting_mode,
)
from ..models.edit_image_upload_body_outline_color_type_1 import (
    EditImageUploadBodyOutlineColorType1,
    check_edit_image_upload_body_outline_color_type_1,
)
from ..models.edit_image_upload_body_preserve_metadata import (
    EditImageUploadBodyPreserveMetadata,
    check_edit_image_upload_body_preserve_metadata,
)
from ..models.edit_image_upload_body_reference_box import (
    EditImageUploadBodyReferenceBox,
    check_edit_image_upload_body_reference_box,
)
from ..models.edit_image_upload_body_scaling import (
    EditImageUploadBodyScaling,
    check_edit_image_upload_body_scaling,
)
from ..models.edit_image_upload_body_segmentation_mode import (
    EditImageUploadBodySegmentationMode,
    check_edit_image_upload_body_segmentation_mode,
)
from ..models.edit_image_upload_body_shadow_direction_override_type_1 import (
    EditImageUploadBodyShadowDirectionOverrideType1,
    check_edit_image_upload_body_shadow_direction_override_type_1,
)
from ..models.edit_image_upload_body_shadow_mode import (
    EditImageUploadBodyShadowMode,
    check_edit_image_upload_body_shadow_mode,
)
from ..models.edit_image_upload_body_shadow_spread_override_type_1 import (
    EditImageUploadBodyShadowSpreadOverrideType1,
    check_edit_image_upload_body_shadow_spread_override_type_1,
)
from ..models.edit_image_upload_body_shadow_subject_pose_override_type_1 import (
    EditImageUploadBodyShadowSubjectPoseOverrideType1,
    check_edit_image_upload_body_shadow_subject_pose_override_type_1,
)
from ..models.edit_image_upload_body_text_removal_mode import (
    EditImageUploadBodyTextRemovalMode,
    check_edit_image_upload_body_text_removal_mode,
)
from ..models.edit_image_upload_body_upscale_downscale_if_needed import (
    EditImageUploadBodyUpscaleDownscaleIfNeeded,
    check_edit_image_upload_body_upscale_downscale_if_needed,
)
from ..models.edit_image_upload_body_upscale_mode import (
    EditImageUploadBodyUpscaleMode,
    check_edit_image_upload_body_upscale_mode,
)
from ..models.edit_image_upload_body_vertical_alignment import (
    EditImageUploadBodyVerticalAlignment,
    check_edit_image_upload_body_vertical_alignment,
)
from ..models.edit_image_upload_body_virtual_model_model_preset_name import (
    EditImageUploadBodyVirtualModelModelPresetName,
    check_edit_image_upload_body_virtual_model_model_preset_name,
)
from ..models.edit_image_upload_body_virtual_model_pose import (
    EditImageUploadBodyVirtualModelPose,
    check_edit_image_upload_body_virtual_model_pose,
)
from ..models.edit_image_upload_body_virtual_model_quality import (
    EditImageUploadBodyVirtualModelQuality,
    check_edit_image_upload_body_virtual_model_quality,
)
from ..models.edit_image_upload_body_virtual_model_scene_preset_name import (
    EditImageUploadBodyVirtualModelScenePresetName,
    check_edit_image_upload_body_virtual_model_scene_preset_name,
)
from ..models.edit_image_upload_body_virtual_model_size import (
    EditImageUploadBodyVirtualModelSize,
    check_edit_image_upload_body_virtual_model_size,
)
from ..types import UNSET, File, FileTypes, Unset

T = TypeVar("T", bound="EditImageUploadBody")


@_attrs_define
class EditImageUploadBody:
    """
    Attributes:
        background_blur_mode (EditImageUploadBodyBackgroundBlurMode | Unset): Type of blur to apply to the background.
            - `gaussian`: Applies a gaussian blur to the background.
            - `bokeh`: Applies a bokeh blur to the background.
        background_blur_radius (float | Unset): Radius of the blur effect. Higher values mean the result will be
            blurrier.

            Minimum: 0, Maximum: 0.05
        background_color (EditImageUploadBodyBackgroundColorType1 | str | Unset): Color of the background. If omitted,
            background will be transparent unless `background.imageUrl` or `background.imageFile` is provided. Can be a hex
            color without the hash sign (example: `FF0000`, `FF0000EE`) or color name (examples: `red`, `blue`)

            When `removeBackground` is set to `false`, the color will be used to fill padding areas created by `outputSize`
            and any transparent areas in the original image.
        background_expand_prompt (EditImageUploadBodyBackgroundExpandPrompt | Unset): If `ai.auto`, a pre-processing
            step is applied to expand the prompt into a longer form.

            `auto` and `never` are legacy values that will be removed in the next major version.
        background_expand_prompt_mode (EditImageUploadBodyBackgroundExpandPromptMode | Unset): If `ai.auto`, a pre-
            processing step is applied to expand the prompt into a longer form.

            Example: original prompt `"on a beach"`, expanded prompt: `"An object rests on the sandy shore of a tranquil
            beach. The object, partially covered in sand, casts a soft shadow under the warm sunlight. Seashells and
            driftwood are scattered around, with gentle waves lapping at the shore in the background, creating a serene
            coastal scene."`

            (Note: `background.expandPrompt.mode` only affects `background.prompt`)
        background_guidance_image_file (File | Unset): Bytes of the image to use as a background image guidance. Only
            available in the POST request

            Can't be provided if `removeBackground` is set to `false`

            The maximum size of the image is 30MB.
        background_guidance_scale (float | Unset): How closely the generated background will be matching the guiding
            image, between 0 and 1.

            A value of 1 means it will match the guiding image as much as possible, a value of 0 means the guiding image
            will be ignored.

            (Only working when using the [new model](https://docs.photoroom.com/image-editing-api-plus-plan/ai-
            backgrounds#important-model-selection))
        background_image_file (File | Unset): Bytes of the image to use as a background. Only available in the POST
            request

            Can't be provided if `removeBackground` is set to `false`

            The maximum size of the image is 30MB.

            If `background.imageFile` is provided, neither `background.imageUrl` nor `background.prompt` can be provided,
            and vice versa.
        background_negative_prompt (str | Unset): (LEGACY) This parameter will only have an effect when using the
            previous AI Backgrounds model, which is used when setting the header: `pr-ai-background-model-version: 2`

            A negative prompt to use for guiding the background generation process; If provided, the generation algorithm
            will try to avoid properties listed in the negativePrompt.
        background_prompt (str | Unset): Prompt to use for guiding the background generation process.

            Tips for writing high-quality prompts are available [in our documentation](https://docs.photoroom.com/image-
            editing-api-plus-plan/ai-backgrounds#how-to-write-a-high-quality-prompt).

            If `background.prompt` is provided, neither `background.imageUrl` nor `background.imageFile` can be provided,
            and vice versa.
        background_scaling (EditImageUploadBodyBackgroundScaling | Unset): Whether the background should fit or fill
            (default) the output image If set to `fit`, the empty pixels will be transparent

            Can only be provided if `background.imageUrl` or `background.imageFile` is provided
        background_seed (float | Unset): Seed used to generate the background. Can be used to get similar looking
            results for the same prompt.
        beautify_mode (EditImageUploadBodyBeautifyMode | Unset): If enabled, the input image will be beautified
            (imageFile or imageUrl).

            This is intended to enhance product images by automatically improving the aesthetics of the image, such as the
            lighting, background, and overall appearance.

            If set to `ai.auto`, the input image will be beautified to match the aesthetic of a packshot product image.

            If set to `ai.food`, the input image will be beautified in a way that's specific to food images, such as placing
            the subject on a plate.

            If set to `ai.car`, the input image will be beautified in a way that's specific to car images, such as removing
            reflections.

            Important:
            - the beautifier will not preserve the original background: we recommend using this option along with
            `removeBackground` set to `true`
            - the beautifier is meant for images of products, food, or cars; we do not recommend using it with subjects such
            as humans, pets, etc.
        beautify_seed (float | Unset): Seed used to run the subject beautifier. Can be used to get similar looking
            results for the same subject.
        describe_any_change_mode (Literal['ai.auto'] | Unset): (DEPRECATED) Use `editWithAI.mode` instead.

            Describe any change mode to use on the main image used by the API.

            Currently, only `ai.auto` is supported.
        describe_any_change_prompt (str | Unset): (DEPRECATED) Use `editWithAI.prompt` instead.

            The natural language prompt describing the change to apply to the image.
        describe_any_change_seed (float | Unset): (DEPRECATED) Use `editWithAI.seed` instead.

            Seed used for the generation. Can be used to get similar looking results for the same prompt.
        edit_with_ai_mode (Literal['ai.auto'] | Unset): Edit with AI mode to use on the main image used by the API.

            Currently, only `ai.auto` is supported.
        edit_with_ai_prompt (str | Unset): The natural language prompt describing the change to apply to the image.
        edit_with_ai_seed (float | Unset): Seed used for the generation. Can be used to get similar looking results for
            the same prompt.
        expand_mode (Literal['ai.auto'] | Unset): Expand mode to use on the main image used by the API.

            If set to `ai.auto`, all transparent pixels will automatically be filled based on the content of the current
            background (either the original background, if `removeBackground` has been set to `false`, or a static
            background, if `background.imageUrl` has been provided)

            Expand will rely on output size, subject position, and fitting mode.
        expand_seed (float | Unset): Seed used to generate the background. Can be used to get similar looking results
            for the same prompt.
        export_dpi (float | Unset): The pixel density of the result image.

            Pixel density can be set to any value between 72 and 1200 dpi.
        export_format (EditImageUploadBodyExportFormat | Unset): The format of the result image.

            Default value is "png".

            Jpeg exports with a quality of 80 and WebP exports with a quality of 90.
        flat_lay_mode (Literal['ai.auto'] | Unset): Must be set to `ai.auto` to enable flat lay generation.
        flat_lay_prompt (str | Unset): Optional text prompt to guide the generation style.
        flat_lay_size (EditImageUploadBodyFlatLaySize | Unset): The output size of the generated image.
        ghost_mannequin_mode (Literal['ai.auto'] | Unset): Must be set to `ai.auto` to enable ghost mannequin
            generation.
        ghost_mannequin_prompt (str | Unset): Optional text prompt to guide the generation style.
        ghost_mannequin_size (EditImageUploadBodyGhostMannequinSize | Unset): The output size of the generated image.
        horizontal_alignment (EditImageUploadBodyHorizontalAlignment | Unset): [Advanced] Defines the horizontal
            alignment of the cutout subject within its bounding box.

            Specifying a custom horizontal alignment will implicitly set `ignorePaddingAndSnapOnCroppedSides` to `false` for
            the horizontal direction.
        ignore_padding_and_snap_on_cropped_sides (bool | Unset): If set to `true` (default), cropped sides of the
            subject will snap to the edges For instance, for a portrait image cropped below the elbows, the subject will be
            aligned at the bottom even if a bottom padding is provided (but it will still respect bottom margin)

            Can't be provided if `removeBackground` is set to `false`

            (See positioning section of the documentation for more information)
        image_file (File | Unset): Bytes of the main image used by the API. The POST endpoint accepts `imageFile` only.

            The maximum size of the image is 30MB.

            If you want to send the URL of an image, please instead use the GET endpoint with the argument `imageUrl`.
        image_from_prompt_prompt (str | Unset): The prompt to use for generating the image.
        image_from_prompt_seed (float | Unset): Seed used to run the AI image generator. Can be used to get similar
            looking results for the same prompt.
        image_from_prompt_size (EditImageUploadBodyImageFromPromptSize | Unset): Supported sizes for AI image generation
        ironing_mode (Literal['ai.auto'] | Unset): Must be set to `ai.auto` to enable ironing.
        keep_existing_alpha_channel (EditImageUploadBodyKeepExistingAlphaChannel | Unset): If set to `auto` and if the
            image has transparency, the existing transparency will be used to cutout the subject.
        lighting_mode (EditImageUploadBodyLightingMode | Unset): Lighting mode to use on the main image used by the API.

            If set to `ai.auto`, the lighting will be automatically adjusted

            If set to `ai.preserve-hue-and-saturation`, the lighting will be adjusted while keeping color hues and
            saturations as close as possible to the original image

            If set to `ai.optimize-portrait`, the lighting will be adjusted using a model optimized for portrait subjects
        margin (float | str | Unset): General margin around the subject. Can be expressed as a number between 0 and
            0.49, a percentage string between 0% and 49% (e.g., "30%"), or a pixel value string (e.g., "100px"). Unlike
            `padding`, margin is never ignored even on cropped sides of the subject. Expressed in a ratio of the output
            image size. See positioning section of the documentation for more information.

            Tips to assist with positioning are available [in our documentation](https://docs.photoroom.com/image-editing-
            api-plus-plan/positioning).
        margin_bottom (float | str | Unset): Bottom Margin, overrides general margin on the bottom side. Accepts the
            same formats as `margin`.
        margin_left (float | str | Unset): Left Margin, overrides general margin on the left side. Accepts the same
            formats as `margin`.
        margin_right (float | str | Unset): Right Margin, overrides general margin on the right side. Accepts the same
            formats as `margin`.
        margin_top (float | str | Unset): Top Margin, overrides general margin on the top side. Accepts the same formats
            as `margin`.
        max_height (float | Unset): Maximum output height. Can only be provided if `outputSize` is `originalImage` or
            `croppedSubject`. Useful for: redimensioning while keeping the aspect ratio
        max_width (float | Unset): Maximum output width. Can only be provided if `outputSize` is `originalImage` or
            `croppedSubject`. Useful for: resizing an image while keeping the aspect ratio
        outline_blur_radius (float | Unset): Blur radius for the outline, creating a glow or soft edge effect. Higher
            values mean the outline will be more blurred, 0 means no blur.

            Minimum: 0, Maximum: 0.025
        outline_color (EditImageUploadBodyOutlineColorType1 | str | Unset): Apply a colored outline around the subject
            to highlight it. Can be a hex color without the hash sign (example: `FF0000`, `FF0000EE`) or color name
            (examples: `red`, `blue`)
        outline_width (float | Unset): Width of the outline relative to the image size. Suggested values:
            - 0.01-0.02: Subtle/thin outline
            - 0.03-0.05: Standard/medium outline (default: 0.03)
            - 0.06-0.1: Bold/thick outline The value represents a ratio where 0.1 (10%) is the maximum thickness.

            Minimum: 0, Maximum: 0.1
        output_size (str | Unset): Output size of the image. In the form of either:
            - `auto` to keep the template dimensions when templateId is defined, or behave like `originalImage` when
            templateId isn't defined (default)
            - `widthxheight` for a custom size (example: `200x400`)
            - `originalImage` to keep the original image dimensions
            - `croppedSubject` to use the size of the foreground dimensions after cropping around it
        padding (float | str | Unset): General padding around the subject. Can be expressed as a number between 0 and
            0.49, a percentage string between 0% and 49% (e.g., "30%"), or a pixel value string (e.g., "100px"). Unlike
            `margin`, padding will be ignored on cropped sides of the subject if that option is enabled. Expressed in a
            ratio of the size of the document, minus margins (similar to CSS). See positioning section of the documentation
            for more information.

            Tips to assist with positioning are available [in our documentation](https://docs.photoroom.com/image-editing-
            api-plus-plan/positioning).
        padding_bottom (float | str | Unset): Bottom padding, overrides general padding on the bottom side. Accepts the
            same formats as `padding`.
        padding_left (float | str | Unset): Left padding, overrides general padding on the left side. Accepts the same
            formats as `padding`.
        padding_right (float | str | Unset): Right padding, overrides general padding on the right side. Accepts the
            same formats as `padding`.
        padding_top (float | str | Unset): Top padding, overrides general padding on the top side. Accepts the same
            formats as `padding`.
        preserve_metadata (EditImageUploadBodyPreserveMetadata | Unset): Controls which metadata from the original image
            will be preserved in the output image.

            - `never`: No metadata preservation (default)
            - `xmp`: Preserve XMP metadata including camera settings, copyright information, and other embedded metadata
            - `exifSubset`: Preserve EXIF Copyright (IFD0) and UserComment (ExifIFD) fields only.   **Deprecated** — use
            `exifSubsetWithXmpCompatibility` instead. Will be removed in a future release.
            - `exifSubsetWithXmpCompatibility`: Same as `exifSubset` but also writes Copyright and   UserComment as XMP
            fields (dc:rights / exif:UserComment) for applications that read   XMP instead of EXIF (e.g. Adobe products,
            macOS Preview).
        reference_box (EditImageUploadBodyReferenceBox | Unset): [Advanced] `subjectBox` by default. When set to
            `originalImage`, the padding / margin will be around the original image and not the cropped subject.

            It can lead to the subject disappearing when scaling is set to 'fill', for instance if the subject is on the
            left of a landscape image and outputSize is a square.

            Most use cases don't require this option. It is useful if you'd like to maintain subject positioning in the
            original image.

            Can't be provided if `removeBackground` is set to `false`

            (See positioning section of the documentation for more information)
        remove_background (bool | Unset): If enabled (default), the background of the image will be removed using
            PhotoRoom's award-winning algorithm
        scaling (EditImageUploadBodyScaling | Unset): Whether the subject should fit (default) or fill the output image
            If set to `fit`, the empty pixels will be transparent

            Can only be provided if `imageUrl` or `imageFile` is provided
        segmentation_mode (EditImageUploadBodySegmentationMode | Unset): Controls whether or not the salient object
            should be kept or ignored by the segmentation model.
        segmentation_negative_prompt (str | Unset): A textual description of what the segmentation should remove.
        segmentation_prompt (str | Unset): Warning: Text-Guided Segmentation is available as a preview feature. As such,
            please be aware that there could be breaking changes with a 2-week notice period. A textual description of what
            the segmentation should keep.
        shadow_direction_override (EditImageUploadBodyShadowDirectionOverrideType1 | float | Unset): Override for the
            direction of the shadow.

            Can be provided either as an angle in degrees or as one of the following presets:
            - `behind` = 0
            - `behindLeft` = 45
            - `left` = 90
            - `frontLeft` = 135
            - `front` = 180
            - `frontRight` = 225
            - `right` = 270
            - `behindRight` = 315

            When using degrees, 0 means the shadow is behind the subject, 90 means the shadow is at the left of the subject,
            180 means the shadow is in front of the subject, and 270 means the shadow is at the right of the subject.

            This option is only supported by the `2026-04-15` AI Shadows model. It requires setting `shadow.mode` to
            `ai.auto-with-overrides`.
        shadow_intensity_override (float | Unset): Override for the intensity of the shadow.

            0 means a very faint shadow, 1 means a very dark shadow.

            This option is only supported by the `2026-04-15` AI Shadows model. It requires setting `shadow.mode` to
            `ai.auto-with-overrides`.
        shadow_mode (EditImageUploadBodyShadowMode | Unset): Shadow generation mode to use on the main image used by the
            API. If set to `ai.soft`, a soft shadow will be generated. Only compatible with legacy AI Shadows models If set
            to `ai.hard`, a hard shadow will be generated. Only compatible with legacy AI Shadows models If set to
            `ai.floating`, a floating shadow will be generated. Not compatible with the `2026-04-15` AI Shadows model If set
            to `ai.preset-soft`, a soft shadow will be generated. Only compatible with the `2026-04-15` AI Shadows model If
            set to `ai.preset-hard`, a hard shadow will be generated. Only compatible with the `2026-04-15` AI Shadows model
            If set to `ai.auto-with-overrides`, a shadow with most natural appearance for the input image will be generated.
            Override parameters can be provided to gain full control over the appearance of that shadow. Only compatible
            with the `2026-04-15` AI Shadows model
        shadow_softness_override (float | Unset): Override for the softness of the shadow.

            0 means a very hard shadow, 1 means a very soft shadow.

            This option is only supported by the `2026-04-15` AI Shadows model. It requires setting `shadow.mode` to
            `ai.auto-with-overrides`.
        shadow_spread_override (EditImageUploadBodyShadowSpreadOverrideType1 | float | Unset): Override for the spread
            of the shadow.

            Can be provided either as an angle in degrees or as one of the following presets:
            - `short` = 10
            - `medium` = 45
            - `long` = 90

            When using degrees, 0 means a very short shadow and 90 means a very long shadow.

            This option is only supported by the `2026-04-15` AI Shadows model. It requires setting `shadow.mode` to
            `ai.auto-with-overrides`.
        shadow_subject_pose_override (EditImageUploadBodyShadowSubjectPoseOverrideType1 | float | Unset): Override for
            the pose of the subject.

            Can be provided either as an angle in degrees or as one of the following presets:
            - `flatlay` = 0
            - `upright` = 90

            When using degrees, 0 means the subject is laying flat and 90 means the subject is placed upright.

            This option is only supported by the `2026-04-15` AI Shadows model. It requires setting `shadow.mode` to
            `ai.auto-with-overrides`.
        template_id (UUID | Unset): The ID of the template to render
        text_removal_mode (EditImageUploadBodyTextRemovalMode | Unset): Text removal mode to use on the main image used
            by the API.

            If set to `ai.artificial`, artificial text will be automatically removed. Artificial text includes all text
            added on an image through post-precessing, such as company name, watermarks, discount, etc.

            If set to `ai.natural`, natural text will be automatically removed. Natural text includes text that naturally
            occurs in an image such as writing on buildings or clothings, road signs, etc.

            If set to `ai.all`, all text (natural and artificial) will be automatically removed.
        uncrop_mode (Literal['ai.auto'] | Unset): Uncrop mode to use on the main image used by the API.

            Currently, only `ai.auto` is supported. With `ai.auto`, the subject will be automatically detected and
            uncropped.
        uncrop_seed (float | Unset): Seed used to generate the background. Can be used to get similar looking results
            for the same prompt.
        upscale_downscale_if_needed (EditImageUploadBodyUpscaleDownscaleIfNeeded | Unset): Optional input downscaling
            strategy applied before AI Upscale when the selected model rejects the current input size.

            `never`: keep the current behavior and return an error when the image is too large. `always`: downscale
            oversized images to the largest input size accepted by the selected model before upscaling.
            `skipUpscaleIfNotNeeded`: only downscale oversized images when the 4x upscaled result can still be at least as
            large as the original input.
        upscale_mode (EditImageUploadBodyUpscaleMode | Unset): Warning: AI Upscale is available as a preview feature. As
            such, please be aware that there could be breaking changes with a 2-week notice period.

            If enabled, the input image will be upscaled (imageFile or imageUrl)

            Input limits depend on the model selected for AI Upscale. With the default model:
            - `ai.fast`: maximum 1,000,000 input pixels
            - `ai.slow`: maximum 262,144 input pixels

            The upscaling process will enlarge the input image up to 4 times its original size. This will significantly
            increase the resolution and affect both the input processing and the final output dimensions.

            ai.fast: This algorithm is optimized for speed and may not produce the highest quality results. ai.slow: This
            algorithm is optimized for quality and may take more time to process.
        vertical_alignment (EditImageUploadBodyVerticalAlignment | Unset): [Advanced] Defines the vertical alignment of
            the cutout subject within its bounding box.

            Specifying a custom vertical alignment will implicitly set `ignorePaddingAndSnapOnCroppedSides` to `false` for
            the vertical direction.
        virtual_model_additional_product_images (list[File] | Unset): Additional product images showing different angles
            or details of the same item. These help the model better understand the product and generate more accurate
            results.
        virtual_model_mode (Literal['ai.auto'] | Unset): Must be set to `ai.auto` to enable virtual model generation.
        virtual_model_model_preset_name (EditImageUploadBodyVirtualModelModelPresetName | Unset): Name of the preset
            model.
        virtual_model_model_custom_image_file (File | Unset): Bytes of a custom model image. Only available in the POST
            request.
        virtual_model_model_custom_image_url (str | Unset): URL of a custom model image.
        virtual_model_pose (EditImageUploadBodyVirtualModelPose | Unset): The pose of the model in the generated image.
        virtual_model_prompt (str | Unset): Optional text prompt to guide the generation style.
        virtual_model_quality (EditImageUploadBodyVirtualModelQuality | Unset): The output quality of the generated
            image. Higher quality produces larger images. `standard` outputs ~1K, `advanced` ~2K, and `premium` ~4K
            resolution.
        virtual_model_scene_preset_name (EditImageUploadBodyVirtualModelScenePresetName | Unset): Name of the preset
            scene.
        virtual_model_scene_custom_image_file (File | Unset): Bytes of a custom scene image. Only available in the POST
            request.
        virtual_model_scene_custom_image_url (str | Unset): URL of a custom scene image.
        virtual_model_size (EditImageUploadBodyVirtualModelSize | Unset): The output size of the generated image.
        background_image_url (str | Unset): URL of the image to use as a background.

            Can't be provided if `removeBackground` is set to `false`

            The maximum size of the image is 30MB.

            If `background.imageUrl` is provided, neither `background.imageFile` nor `background.prompt` can be provided,
            and vice versa.
        background_guidance_image_url (str | Unset): URL of the image to use as a background image guidance.

            Can't be provided if `removeBackground` is set to `false`

            The maximum size of the image is 30MB.
    """

    background_blur_mode: EditImageUploadBodyBackgroundBlurMode | Unset = UNSET
    background_blur_radius: float | Unset = UNSET
    background_color: EditImageUploadBodyBackgroundColorType1 | str | Unset = UNSET
    background_expand_prompt: EditImageUploadBodyBackgroundExpandPrompt | Unset = UNSET
    background_expand_prompt_mode: (
        EditImageUploadBodyBackgroundExpandPromptMode | Unset
    ) = UNSET
    background_guidance_image_file: File | Unset = UNSET
    background_guidance_scale: float | Unset = UNSET
    background_image_file: File | Unset = UNSET
    background_negative_prompt: str | Unset = UNSET
    background_prompt: str | Unset = UNSET
    background_scaling: EditImageUploadBodyBackgroundScaling | Unset = UNSET
    background_seed: float | Unset = UNSET
    beautify_mode: EditImageUploadBodyBeautifyMode | Unset = UNSET
    beautify_seed: float | Unset = UNSET
    describe_any_change_mode: Literal["ai.auto"] | Unset = UNSET
    describe_any_change_prompt: str | Unset = UNSET
    describe_any_change_seed: float | Unset = UNSET
    edit_with_ai_mode: Literal["ai.auto"] | Unset = UNSET
    edit_with_ai_prompt: str | Unset = UNSET
    edit_with_ai_seed: float | Unset = UNSET
    expand_mode: Literal["ai.auto"] | Unset = UNSET
    expand_seed: float | Unset = UNSET
    export_dpi: float | Unset = UNSET
    export_format: EditImageUploadBodyExportFormat | Unset = UNSET
    flat_lay_mode: Literal["ai.auto"] | Unset = UNSET
    flat_lay_prompt: str | Unset = UNSET
    flat_lay_size: EditImageUploadBodyFlatLaySize | Unset = UNSET
    ghost_mannequin_mode: Literal["ai.auto"] | Unset = UNSET
    ghost_mannequin_prompt: str | Unset = UNSET
    ghost_mannequin_size: EditImageUploadBodyGhostMannequinSize | Unset = UNSET
    horizontal_alignment: EditImageUploadBodyHorizontalAlignment | Unset = UNSET
    ignore_padding_and_snap_on_cropped_sides: bool | Unset = UNSET
    image_file: File | Unset = UNSET
    image_from_prompt_prompt: str | Unset = UNSET
    image_from_prompt_seed: float | Unset = UNSET
    image_from_prompt_size: EditImageUploadBodyImageFromPromptSize | Unset = UNSET
    ironing_mode: Literal["ai.auto"] | Unset = UNSET
    keep_existing_alpha_channel: EditImageUploadBodyKeepExistingAlphaChannel | Unset = (
        UNSET
    )
    lighting_mode: EditImageUploadBodyLightingMode | Unset = UNSET
    margin: float | str | Unset = UNSET
    margin_bottom: float | str | Unset = UNSET
    margin_left: float | str | Unset = UNSET
    margin_right: float | str | Unset = UNSET
    margin_top: float | str | Unset = UNSET
    max_height: float | Unset = UNSET
    max_width: float | Unset = UNSET
    outline_blur_radius: float | Unset = UNSET
    outline_color: EditImageUploadBodyOutlineColorType1 | str | Unset = UNSET
    outline_width: float | Unset = UNSET
    output_size: str | Unset = UNSET
    padding: float | str | Unset = UNSET
    padding_bottom: float | str | Unset = UNSET
    padding_left: float | str | Unset = UNSET
    padding_right: float | str | Unset = UNSET
    padding_top: float | str | Unset = UNSET
    preserve_metadata: EditImageUploadBodyPreserveMetadata | Unset = UNSET
    reference_box: EditImageUploadBodyReferenceBox | Unset = UNSET
    remove_background: bool | Unset = UNSET
    scaling: EditImageUploadBodyScaling | Unset = UNSET
    segmentation_mode: EditImageUploadBodySegmentationMode | Unset = UNSET
    segmentation_negative_prompt: str | Unset = UNSET
    segmentation_prompt: str | Unset = UNSET
    shadow_direction_override: (
        EditImageUploadBodyShadowDirectionOverrideType1 | float | Unset
    ) = UNSET
    shadow_intensity_override: float | Unset = UNSET
    shadow_mode: EditImageUploadBodyShadowMode | Unset = UNSET
    shadow_softness_override: float | Unset = UNSET
    shadow_spread_override: (
        EditImageUploadBodyShadowSpreadOverrideType1 | float | Unset
    ) = UNSET
    shadow_subject_pose_override: (
        EditImageUploadBodyShadowSubjectPoseOverrideType1 | float | Unset
    ) = UNSET
    template_id: UUID | Unset = UNSET
    text_removal_mode: EditImageUploadBodyTextRemovalMode | Unset = UNSET
    uncrop_mode: Literal["ai.auto"] | Unset = UNSET
    uncrop_seed: float | Unset = UNSET
    upscale_downscale_if_needed: EditImageUploadBodyUpscaleDownscaleIfNeeded | Unset = (
        UNSET
    )
    upscale_mode: EditImageUploadBodyUpscaleMode | Unset = UNSET
    vertical_alignment: EditImageUploadBodyVerticalAlignment | Unset = UNSET
    virtual_model_additional_product_images: list[File] | Unset = UNSET
    virtual_model_mode: Literal["ai.auto"] | Unset = UNSET
    virtual_model_model_preset_name: (
        EditImageUploadBodyVirtualModelModelPresetName | Unset
    ) = UNSET
    virtual_model_model_custom_image_file: File | Unset = UNSET
    virtual_model_model_custom_image_url: str | Unset = UNSET
    virtual_model_pose: EditImageUploadBodyVirtualModelPose | Unset = UNSET
    virtual_model_prompt: str | Unset = UNSET
    virtual_model_quality: EditImageUploadBodyVirtualModelQuality | Unset = UNSET
    virtual_model_scene_preset_name: (
        EditImageUploadBodyVirtualModelScenePresetName | Unset
    ) = UNSET
    virtual_model_scene_custom_image_file: File | Unset = UNSET
    virtual_model_scene_custom_image_url: str | Unset = UNSET
    virtual_model_size: EditImageUploadBodyVirtualModelSize | Unset = UNSET
    background_image_url: str | Unset = UNSET
    background_guidance_image_url: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        background_blur_mode: str | Unset = UNSET
        if not isinstance(self.background_blur_mode, Unset):
            background_blur_mode = self.background_blur_mode

        background_blur_radius = self.background_blur_radius

        background_color: str | Unset
        if isinstance(self.background_color, Unset):
            background_color = UNSET
        elif isinstance(self.background_color, str):
            background_color = self.background_color
        else:
            background_color = self.background_color

        background_expand_prompt: str | Unset = UNSET
        if not isinstance(self.background_expand_prompt, Unset):
            background_expand_prompt = self.background_expand_prompt

        background_expand_prompt_mode: str | Unset = UNSET
        if not isinstance(self.background_expand_prompt_mode, Unset):
            background_expand_prompt_mode = self.background_expand_prompt_mode

        background_guidance_image_file: FileTypes | Unset = UNSET
        if not isinstance(self.background_guidance_image_file, Unset):
            background_guidance_image_file = (
                self.background_guidance_image_file.to_tuple()
            )

        background_guidance_scale = self.background_guidance_scale

        background_image_file: FileTypes | Unset = UNSET
        if not isinstance(self.background_image_file, Unset):
            background_image_file = self.background_image_file.to_tuple()

        background_negative_prompt = self.background_negative_prompt

        background_prompt = self.background_prompt

        background_scaling: str | Unset = UNSET
        if not isinstance(self.background_scaling, Unset):
            background_scaling = self.background_scaling

        background_seed = self.background_seed

        beautify_mode: str | Unset = UNSET
        if not isinstance(self.beautify_mode, Unset):
            beautify_mode = self.beautify_mode

        beautify_seed = self.beautify_seed

        describe_any_change_mode = self.describe_any_change_mode

        describe_any_change_prompt = self.describe_any_change_prompt

        describe_any_change_seed = self.describe_any_change_seed

        edit_with_ai_mode = self.edit_with_ai_mode

        edit_with_ai_prompt = self.edit_with_ai_prompt

        edit_with_ai_seed = self.edit_with_ai_seed

        expand_mode = self.expand_mode

        expand_seed = self.expand_seed

        export_dpi = self.export_dpi

        export_format: str | Unset = UNSET
        if not isinstance(self.export_format, Unset):
            export_format = self.export_format

        flat_lay_mode = self.flat_lay_mode

        flat_lay_prompt = self.flat_lay_prompt

        flat_lay_size: str | Unset = UNSET
        if not isinstance(self.flat_lay_size, Unset):
            flat_lay_size = self.flat_lay_size

        ghost_mannequin_mode = self.ghost_mannequin_mode

        ghost_mannequin_prompt = self.ghost_mannequin_prompt

        ghost_mannequin_size: str | Unset = UNSET
        if not isinstance(self.ghost_mannequin_size, Unset):
            ghost_mannequin_size = self.ghost_mannequin_size

        horizontal_alignment: str | Unset = UNSET
        if not isinstance(self.horizontal_alignment, Unset):
            horizontal_alignment = self.horizontal_alignment

        ignore_padding_and_snap_on_cropped_sides = (
            self.ignore_padding_and_snap_on_cropped_sides
        )

        image_file: FileTypes | Unset = UNSET
        if not isinstance(self.image_file, Unset):
            image_file = self.image_file.to_tuple()

        image_from_prompt_prompt = self.image_from_prompt_prompt

        image_from_prompt_seed = self.image_from_prompt_seed

        image_from_prompt_size: str | Unset = UNSET
        if not isinstance(self.image_from_prompt_size, Unset):
            image_from_prompt_size = self.image_from_prompt_size

        ironing_mode = self.ironing_mode

        keep_existing_alpha_channel: str | Unset = UNSET
        if not isinstance(self.keep_existing_alpha_channel, Unset):
            keep_existing_alpha_channel = self.keep_existing_alpha_channel

        lighting_mode: str | Unset = UNSET
        if not isinstance(self.lighting_mode, Unset):
            lighting_mode = self.lighting_mode

        margin: float | str | Unset
        if isinstance(self.margin, Unset):
            margin = UNSET
        else:
            margin = self.margin

        margin_bottom: float | str | Unset
        if isinstance(self.margin_bottom, Unset):
            margin_bottom = UNSET
        else:
            margin_bottom = self.margin_bottom

        margin_left: float | str | Unset
        if isinstance(self.margin_left, Unset):
            margin_left = UNSET
        else:
            margin_left = self.margin_left

        margin_right: float | str | Unset
        if isinstance(self.margin_right, Unset):
            margin_right = UNSET
        else:
            margin_right = self.margin_right

        margin_top: float | str | Unset
        if isinstance(self.margin_top, Unset):
            margin_top = UNSET
        else:
            margin_top = self.margin_top

        max_height = self.max_height

        max_width = self.max_width

        outline_blur_radius = self.outline_blur_radius

        outline_color: str | Unset
        if isinstance(self.outline_color, Unset):
            outline_color = UNSET
        elif isinstance(self.outline_color, str):
            outline_color = self.outline_color
        else:
            outline_color = self.outline_color

        outline_width = self.outline_width

        output_size = self.output_size

        padding: float | str | Unset
        if isinstance(self.padding, Unset):
            padding = UNSET
        else:
            padding = self.padding

        padding_bottom: float | str | Unset
        if isinstance(self.padding_bottom, Unset):
            padding_bottom = UNSET
        else:
            padding_bottom = self.padding_bottom

        padding_left: float | str | Unset
        if isinstance(self.padding_left, Unset):
            padding_left = UNSET
        else:
            padding_left = self.padding_left

        padding_right: float | str | Unset
        if isinstance(self.padding_right, Unset):
            padding_right = UNSET
        else:
            padding_right = self.padding_right

        padding_top: float | str | Unset
        if isinstance(self.padding_top, Unset):
            padding_top = UNSET
        else:
            padding_top = self.padding_top

        preserve_metadata: str | Unset = UNSET
        if not isinstance(self.preserve_metadata, Unset):
            preserve_metadata = self.preserve_metadata

        reference_box: str | Unset = UNSET
        if not isinstance(self.reference_box, Unset):
            reference_box = self.reference_box

        remove_background = self.remove_background

        scaling: str | Unset = UNSET
        if not isinstance(self.scaling, Unset):
            scaling = self.scaling

        segmentation_mode: str | Unset = UNSET
        if not isinstance(self.segmentation_mode, Unset):
            segmentation_mode = self.segmentation_mode

        segmentation_negative_prompt = self.segmentation_negative_prompt

        segmentation_prompt = self.segmentation_prompt

        shadow_direction_override: float | str | Unset
        if isinstance(self.shadow_direction_override, Unset):
            shadow_direction_override = UNSET
        elif isinstance(self.shadow_direction_override, str):
            shadow_direction_override = self.shadow_direction_override
        else:
            shadow_direction_override = self.shadow_direction_override

        shadow_intensity_override = self.shadow_intensity_override

        shadow_mode: str | Unset = UNSET
        if not isinstance(self.shadow_mode, Unset):
            shadow_mode = self.shadow_mode

        shadow_softness_override = self.shadow_softness_override

        shadow_spread_override: float | str | Unset
        if isinstance(self.shadow_spread_override, Unset):
            shadow_spread_override = UNSET
        elif isinstance(self.shadow_spread_override, str):
            shadow_spread_override = self.shadow_spread_override
        else:
            shadow_spread_override = self.shadow_spread_override

        shadow_subject_pose_override: float | str | Unset
        if isinstance(self.shadow_subject_pose_override, Unset):
            shadow_subject_pose_override = UNSET
        elif isinstance(self.shadow_subject_pose_override, str):
            shadow_subject_pose_override = self.shadow_subject_pose_override
        else:
            shadow_subject_pose_override = self.shadow_subject_pose_override

        template_id: str | Unset = UNSET
        if not isinstance(self.template_id, Unset):
            template_id = str(self.template_id)

        text_removal_mode: str | Unset = UNSET
        if not isinstance(self.text_removal_mode, Unset):
            text_removal_mode = self.text_removal_mode

        uncrop_mode = self.uncrop_mode

        uncrop_seed = self.uncrop_seed

        upscale_downscale_if_needed: str | Unset = UNSET
        if not isinstance(self.upscale_downscale_if_needed, Unset):
            upscale_downscale_if_needed = self.upscale_downscale_if_needed

        upscale_mode: str | Unset = UNSET
        if not isinstance(self.upscale_mode, Unset):
            upscale_mode = self.upscale_mode

        vertical_alignment: str | Unset = UNSET
        if not isinstance(self.vertical_alignment, Unset):
            vertical_alignment = self.vertical_alignment

        virtual_model_additional_product_images: list[FileTypes] | Unset = UNSET
        if not isinstance(self.virtual_model_additional_product_images, Unset):
            virtual_model_additional_product_images = []
            for (
                virtual_model_additional_product_images_item_data
            ) in self.virtual_model_additional_product_images:
                virtual_model_additional_product_images_item = (
                    virtual_model_additional_product_images_item_data.to_tuple()
                )

                virtual_model_additional_product_images.append(
                    virtual_model_additional_product_images_item
                )

        virtual_model_mode = self.virtual_model_mode

        virtual_model_model_preset_name: str | Unset = UNSET
        if not isinstance(self.virtual_model_model_preset_name, Unset):
            virtual_model_model_preset_name = self.virtual_model_model_preset_name

        virtual_model_model_custom_image_file: FileTypes | Unset = UNSET
        if not isinstance(self.virtual_model_model_custom_image_file, Unset):
            virtual_model_model_custom_image_file = (
                self.virtual_model_model_custom_image_file.to_tuple()
            )

        virtual_model_model_custom_image_url = self.virtual_model_model_custom_image_url

        virtual_model_pose: str | Unset = UNSET
        if not isinstance(self.virtual_model_pose, Unset):
            virtual_model_pose = self.virtual_model_pose

        virtual_model_prompt = self.virtual_model_prompt

        virtual_model_quality: str | Unset = UNSET
        if not isinstance(self.virtual_model_quality, Unset):
            virtual_model_quality = self.virtual_model_quality

        virtual_model_scene_preset_name: str | Unset = UNSET
        if not isinstance(self.virtual_model_scene_preset_name, Unset):
            virtual_model_scene_preset_name = self.virtual_model_scene_preset_name

        virtual_model_scene_custom_image_file: FileTypes | Unset = UNSET
        if not isinstance(self.virtual_model_scene_custom_image_file, Unset):
            virtual_model_scene_custom_image_file = (
                self.virtual_model_scene_custom_image_file.to_tuple()
            )

        virtual_model_scene_custom_image_url = self.virtual_model_scene_custom_image_url

        virtual_model_size: str | Unset = UNSET
        if not isinstance(self.virtual_model_size, Unset):
            virtual_model_size = self.virtual_model_size

        background_image_url = self.background_image_url

        background_guidance_image_url = self.background_guidance_image_url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if background_blur_mode is not UNSET:
            field_dict["background.blur.mode"] = background_blur_mode
        if background_blur_radius is not UNSET:
            field_dict["background.blur.radius"] = background_blur_radius
        if background_color is not UNSET:
            field_dict["background.color"] = background_color
        if background_expand_prompt is not UNSET:
            field_dict["background.expandPrompt"] = background_expand_prompt
        if background_expand_prompt_mode is not UNSET:
            field_dict["background.expandPrompt.mode"] = background_expand_prompt_mode
        if background_guidance_image_file is not UNSET:
            field_dict["background.guidance.imageFile"] = background_guidance_image_file
        if background_guidance_scale is not UNSET:
            field_dict["background.guidance.scale"] = background_guidance_scale
        if background_image_file is not UNSET:
            field_dict["background.imageFile"] = background_image_file
        if background_negative_prompt is not UNSET:
            field_dict["background.negativePrompt"] = background_negative_prompt
        if background_prompt is not UNSET:
            field_dict["background.prompt"] = background_prompt
        if background_scaling is not UNSET:
            field_dict["background.scaling"] = background_scaling
        if background_seed is not UNSET:
            field_dict["background.seed"] = background_seed
        if beautify_mode is not UNSET:
            field_dict["beautify.mode"] = beautify_mode
        if beautify_seed is not UNSET:
            field_dict["beautify.seed"] = beautify_seed
        if describe_any_change_mode is not UNSET:
            field_dict["describeAnyChange.mode"] = describe_any_change_mode
        if describe_any_change_prompt is not UNSET:
            field_dict["describeAnyChange.prompt"] = describe_any_change_prompt
        if describe_any_change_seed is not UNSET:
            field_dict["describeAnyChange.seed"] = describe_any_change_seed
        if edit_with_ai_mode is not UNSET:
            field_dict["editWithAI.mode"] = edit_with_ai_mode
        if edit_with_ai_prompt is not UNSET:
            field_dict["editWithAI.prompt"] = edit_with_ai_prompt
        if edit_with_ai_seed is not UNSET:
            field_dict["editWithAI.seed"] = edit_with_ai_seed
        if expand_mode is not UNSET:
            field_dict["expand.mode"] = expand_mode
        if expand_seed is not UNSET:
            field_dict["expand.seed"] = expand_seed
        if export_dpi is not UNSET:
            field_dict["export.dpi"] = export_dpi
        if export_format is not UNSET:
            field_dict["export.format"] = export_format
        if flat_lay_mode is not UNSET:
            field_dict["flatLay.mode"] = flat_lay_mode
        if flat_lay_prompt is not UNSET:
            field_dict["flatLay.prompt"] = flat_lay_prompt
        if flat_lay_size is not UNSET:
            field_dict["flatLay.size"] = flat_lay_size
        if ghost_mannequin_mode is not UNSET:
            field_dict["ghostMannequin.mode"] = ghost_mannequin_mode
        if ghost_mannequin_prompt is not UNSET:
            field_dict["ghostMannequin.prompt"] = ghost_mannequin_prompt
        if ghost_mannequin_size is not UNSET:
            field_dict["ghostMannequin.size"] = ghost_mannequin_size
        if horizontal_alignment is not UNSET:
            field_dict["horizontalAlignment"] = horizontal_alignment
        if ignore_padding_and_snap_on_cropped_sides is not UNSET:
            field_dict["ignorePaddingAndSnapOnCroppedSides"] = (
                ignore_padding_and_snap_on_cropped_sides
            )
        if image_file is not UNSET:
            field_dict["imageFile"] = image_file
        if image_from_prompt_prompt is not UNSET:
            field_dict["imageFromPrompt.prompt"] = image_from_prompt_prompt
        if image_from_prompt_seed is not UNSET:
            field_dict["imageFromPrompt.seed"] = image_from_prompt_seed
        if image_from_prompt_size is not UNSET:
            field_dict["imageFromPrompt.size"] = image_from_prompt_size
        if ironing_mode is not UNSET:
            field_dict["ironing.mode"] = ironing_mode
        if keep_existing_alpha_channel is not UNSET:
            field_dict["keepExistingAlphaChannel"] = keep_existing_alpha_channel
        if lighting_mode is not UNSET:
            field_dict["lighting.mode"] = lighting_mode
        if margin is not UNSET:
            field_dict["margin"] = margin
        if margin_bottom is not UNSET:
            field_dict["marginBottom"] = margin_bottom
        if margin_left is not UNSET:
            field_dict["marginLeft"] = margin_left
        if margin_right is not UNSET:
            field_dict["marginRight"] = margin_right
        if margin_top is not UNSET:
            field_dict["marginTop"] = margin_top
        if max_height is not UNSET:
            field_dict["maxHeight"] = max_height
        if max_width is not UNSET:
            field_dict["maxWidth"] = max_width
        if outline_blur_radius is not UNSET:
            field_dict["outline.blurRadius"] = outline_blur_radius
        if outline_color is not UNSET:
            field_dict["outline.color"] = outline_color
        if outline_width is not UNSET:
            field_dict["outline.width"] = outline_width
        if output_size is not UNSET:
            field_dict["outputSize"] = output_size
        if padding is not UNSET:
            field_dict["padding"] = padding
        if padding_bottom is not UNSET:
            field_dict["paddingBottom"] = padding_bottom
        if padding_left is not UNSET:
            field_dict["paddingLeft"] = padding_left
        if padding_right is not UNSET:
            field_dict["paddingRight"] = padding_right
        if padding_top is not UNSET:
            field_dict["paddingTop"] = padding_top
        if preserve_metadata is not UNSET:
            field_dict["preserveMetadata"] = preserve_metadata
        if reference_box is not UNSET:
            field_dict["referenceBox"] = reference_box
        if remove_background is not UNSET:
            field_dict["removeBackground"] = remove_background
        if scaling is not UNSET:
            field_dict["scaling"] = scaling
        if segmentation_mode is not UNSET:
            field_dict["segmentation.mode"] = segmentation_mode
        if segmentation_negative_prompt is not UNSET:
            field_dict["segmentation.negativePrompt"] = segmentation_negative_prompt
        if segmentation_prompt is not UNSET:
            field_dict["segmentation.prompt"] = segmentation_prompt
        if shadow_direction_override is not UNSET:
            field_dict["shadow.directionOverride"] = shadow_direction_override
        if shadow_intensity_override is not UNSET:
            field_dict["shadow.intensityOverride"] = shadow_intensity_override
        if shadow_mode is not UNSET:
            field_dict["shadow.mode"] = shadow_mode
        if shadow_softness_override is not UNSET:
            field_dict["shadow.softnessOverride"] = shadow_softness_override
        if shadow_spread_override is not UNSET:
            field_dict["shadow.spreadOverride"] = shadow_spread_override
        if shadow_subject_pose_override is not UNSET:
            field_dict["shadow.subjectPoseOverride"] = shadow_subject_pose_override
        if template_id is not UNSET:
            field_dict["templateId"] = template_id
        if text_removal_mode is not UNSET:
            field_dict["textRemoval.mode"] = text_removal_mode
        if uncrop_mode is not UNSET:
            field_dict["uncrop.mode"] = uncrop_mode
        if uncrop_seed is not UNSET:
            field_dict["uncrop.seed"] = uncrop_seed
        if upscale_downscale_if_needed is not UNSET:
            field_dict["upscale.downscaleIfNeeded"] = upscale_downscale_if_needed
        if upscale_mode is not UNSET:
            field_dict["upscale.mode"] = upscale_mode
        if vertical_alignment is not UNSET:
            field_dict["verticalAlignment"] = vertical_alignment
        if virtual_model_additional_product_images is not UNSET:
            field_dict["virtualModel.additionalProductImages"] = (
                virtual_model_additional_product_images
            )
        if virtual_model_mode is not UNSET:
            field_dict["virtualModel.mode"] = virtual_model_mode
        if virtual_model_model_preset_name is not UNSET:
            field_dict["virtualModel.model.preset.name"] = (
                virtual_model_model_preset_name
            )
        if virtual_model_model_custom_image_file is not UNSET:
            field_dict["virtualModel.model.custom.imageFile"] = (
                virtual_model_model_custom_image_file
            )
        if virtual_model_model_custom_image_url is not UNSET:
            field_dict["virtualModel.model.custom.imageUrl"] = (
                virtual_model_model_custom_image_url
            )
        if virtual_model_pose is not UNSET:
            field_dict["virtualModel.pose"] = virtual_model_pose
        if virtual_model_prompt is not UNSET:
            field_dict["virtualModel.prompt"] = virtual_model_prompt
        if virtual_model_quality is not UNSET:
            field_dict["virtualModel.quality"] = virtual_model_quality
        if virtual_model_scene_preset_name is not UNSET:
            field_dict["virtualModel.scene.preset.name"] = (
                virtual_model_scene_preset_name
            )
        if virtual_model_scene_custom_image_file is not UNSET:
            field_dict["virtualModel.scene.custom.imageFile"] = (
                virtual_model_scene_custom_image_file
            )
        if virtual_model_scene_custom_image_url is not UNSET:
            field_dict["virtualModel.scene.custom.imageUrl"] = (
                virtual_model_scene_custom_image_url
            )
        if virtual_model_size is not UNSET:
            field_dict["virtualModel.size"] = virtual_model_size
        if background_image_url is not UNSET:
            field_dict["background.imageUrl"] = background_image_url
        if background_guidance_image_url is not UNSET:
            field_dict["background.guidance.imageUrl"] = background_guidance_image_url

        return field_dict

    def to_multipart(self) -> types.RequestFiles:
        files: types.RequestFiles = []

        if not isinstance(self.background_blur_mode, Unset):
            files.append(
                (
                    "background.blur.mode",
                    (None, str(self.background_blur_mode).encode(), "text/plain"),
                )
            )

        if not isinstance(self.background_blur_radius, Unset):
            files.append(
                (
                    "background.blur.radius",
                    (None, str(self.background_blur_radius).encode(), "text/plain"),
                )
            )

        if not isinstance(self.background_color, Unset):
            if isinstance(self.background_color, str):
                files.append(
                    (
                        "background.color",
                        (None, str(self.background_color).encode(), "text/plain"),
                    )
                )
            else:
                files.append(
                    (
                        "background.color",
                        (None, str(self.background_color).encode(), "text/plain"),
                    )
                )

        if not isinstance(self.background_expand_prompt, Unset):
            files.append(
                (
                    "background.expandPrompt",
                    (None, str(self.background_expand_prompt).encode(), "text/plain"),
                )
            )

        if not isinstance(self.background_expand_prompt_mode, Unset):
            files.append(
                (
                    "background.expandPrompt.mode",
                    (
                        None,
                        str(self.background_expand_prompt_mode).encode(),
                        "text/plain",
                    ),
                )
            )

        if not isinstance(self.background_guidance_image_file, Unset):
            files.append(
                (
                    "background.guidance.imageFile",
                    self.background_guidance_image_file.to_tuple(),
                )
            )

        if not isinstance(self.background_guidance_scale, Unset):
            files.append(
                (
                    "background.guidance.scale",
                    (None, str(self.background_guidance_scale).encode(), "text/plain"),
                )
            )

        if not isinstance(self.background_image_file, Unset):
            files.append(
                ("background.imageFile", self.background_image_file.to_tuple())
            )

        if not isinstance(self.background_negative_prompt, Unset):
            files.append(
                (
                    "background.negativePrompt",
                    (None, str(self.background_negative_prompt).encode(), "text/plain"),
                )
            )

        if not isinstance(self.background_prompt, Unset):
            files.append(
                (
                    "background.prompt",
                    (None, str(self.background_prompt).encode(), "text/plain"),
                )
            )

        if not isinstance(self.background_scaling, Unset):
            files.append(
                (
                    "background.scaling",
                    (None, str(self.background_scaling).encode(), "text/plain"),
                )
            )

        if not isinstance(self.background_seed, Unset):
            files.append(
                (
                    "background.seed",
                    (None, str(self.background_seed).encode(), "text/plain"),
                )
            )

        if not isinstance(self.beautify_mode, Unset):
            files.append(
                (
                    "beautify.mode",
                    (None, str(self.beautify_mode).encode(), "text/plain"),
                )
            )

        if not isinstance(self.beautify_seed, Unset):
            files.append(
                (
                    "beautify.seed",
                    (None, str(self.beautify_seed).encode(), "text/plain"),
                )
            )

        if not isinstance(self.describe_any_change_mode, Unset):
            files.append(
                (
                    "describeAnyChange.mode",
                    (None, self.describe_any_change_mode, "text/plain"),
                )
            )

        if not isinstance(self.describe_any_change_prompt, Unset):
            files.append(
                (
                    "describeAnyChange.prompt",
                    (None, str(self.describe_any_change_prompt).encode(), "text/plain"),
                )
            )

        if not isinstance(self.describe_any_change_seed, Unset):
            files.append(
                (
                    "describeAnyChange.seed",
                    (None, str(self.describe_any_change_seed).encode(), "text/plain"),
                )
            )

        if not isinstance(self.edit_with_ai_mode, Unset):
            files.append(
                ("editWithAI.mode", (None, self.edit_with_ai_mode, "text/plain"))
            )

        if not isinstance(self.edit_with_ai_prompt, Unset):
            files.append(
                (
                    "editWithAI.prompt",
                    (None, str(self.edit_with_ai_prompt).encode(), "text/plain"),
                )
            )

        if not isinstance(self.edit_with_ai_seed, Unset):
            files.append(
                (
                    "editWithAI.seed",
                    (None, str(self.edit_with_ai_seed).encode(), "text/plain"),
                )
            )

        if not isinstance(self.expand_mode, Unset):
            files.append(("expand.mode", (None, self.expand_mode, "text/plain")))

        if not isinstance(self.expand_seed, Unset):
            files.append(
                ("expand.seed", (None, str(self.expand_seed).encode(), "text/plain"))
            )

        if not isinstance(self.export_dpi, Unset):
            files.append(
                ("export.dpi", (None, str(self.export_dpi).encode(), "text/plain"))
            )

        if not isinstance(self.export_format, Unset):
            files.append(
                (
                    "export.format",
                    (None, str(self.export_format).encode(), "text/plain"),
                )
            )

        if not isinstance(self.flat_lay_mode, Unset):
            files.append(("flatLay.mode", (None, self.flat_lay_mode, "text/plain")))

        if not isinstance(self.flat_lay_prompt, Unset):
            files.append(
                (
                    "flatLay.prompt",
                    (None, str(self.flat_lay_prompt).encode(), "text/plain"),
                )
            )

        if not isinstance(self.flat_lay_size, Unset):
            files.append(
                ("flatLay.size", (None, str(self.flat_lay_size).encode(), "text/plain"))
            )

        if not isinstance(self.ghost_mannequin_mode, Unset):
            files.append(
                ("ghostMannequin.mode", (None, self.ghost_mannequin_mode, "text/plain"))
            )

        if not isinstance(self.ghost_mannequin_prompt, Unset):
            files.append(
                (
                    "ghostMannequin.prompt",
                    (None, str(self.ghost_mannequin_prompt).encode(), "text/plain"),
                )
            )

        if not isinstance(self.ghost_mannequin_size, Unset):
            files.append(
                (
                    "ghostMannequin.size",
                    (None, str(self.ghost_mannequin_size).encode(), "text/plain"),
                )
            )

        if not isinstance(self.horizontal_alignment, Unset):
            files.append(
                (
                    "horizontalAlignment",
                    (None, str(self.horizontal_alignment).encode(), "text/plain"),
                )
            )

        if not isinstance(self.ignore_padding_and_snap_on_cropped_sides, Unset):
            files.append(
                (
                    "ignorePaddingAndSnapOnCroppedSides",
                    (
                        None,
                        (
                            "true"
                            if self.ignore_padding_and_snap_on_cropped_sides
                            else "false"
                        ).encode(),
                        "text/plain",
                    ),
                )
            )

        if not isinstance(self.image_file, Unset):
            files.append(("imageFile", self.image_file.to_tuple()))

        if not isinstance(self.image_from_prompt_prompt, Unset):
            files.append(
                (
                    "imageFromPrompt.prompt",
                    (None, str(self.image_from_prompt_prompt).encode(), "text/plain"),
                )
            )

        if not isinstance(self.image_from_prompt_seed, Unset):
            files.append(
                (
                    "imageFromPrompt.seed",
                    (None, str(self.image_from_prompt_seed).encode(), "text/plain"),
                )
            )

        if not isinstance(self.image_from_prompt_size, Unset):
            files.append(
                (
                    "imageFromPrompt.size",
                    (None, str(self.image_from_prompt_size).encode(), "text/plain"),
                )
            )

        if not isinstance(self.ironing_mode, Unset):
            files.append(("ironing.mode", (None, self.ironing_mode, "text/plain")))

        if not isinstance(self.keep_existing_alpha_channel, Unset):
            files.append(
                (
                    "keepExistingAlphaChannel",
                    (
                        None,
                        str(self.keep_existing_alpha_channel).encode(),
                        "text/plain",
                    ),
                )
            )

        if not isinstance(self.lighting_mode, Unset):
            files.append(
                (
                    "lighting.mode",
                    (None, str(self.lighting_mode).encode(), "text/plain"),
                )
            )

        if not isinstance(self.margin, Unset):
            if isinstance(self.margin, float):
                files.append(
                    ("margin", (None, str(self.margin).encode(), "text/plain"))
                )
            else:
                files.append(
                    ("margin", (None, str(self.margin).encode(), "text/plain"))
                )

        if not isinstance(self.margin_bottom, Unset):
            if isinstance(self.margin_bottom, float):
                files.append(
                    (
                        "marginBottom",
                        (None, str(self.margin_bottom).encode(), "text/plain"),
                    )
                )
            else:
                files.append(
                    (
                        "marginBottom",
                        (None, str(self.margin_bottom).encode(), "text/plain"),
                    )
                )

        if not isinstance(self.margin_left, Unset):
            if isinstance(self.margin_left, float):
                files.append(
                    ("marginLeft", (None, str(self.margin_left).encode(), "text/plain"))
                )
            else:
                files.append(
                    ("marginLeft", (None, str(self.margin_left).encode(), "text/plain"))
                )

        if not isinstance(self.margin_right, Unset):
            if isinstance(self.margin_right, float):
                files.append(
                    (
                        "marginRight",
                        (None, str(self.margin_right).encode(), "text/plain"),
                    )
                )
            else:
                files.append(
                    (
                        "marginRight",
                        (None, str(self.margin_right).encode(), "text/plain"),
                    )
                )

        if not isinstance(self.margin_top, Unset):
            if isinstance(self.margin_top, float):
                files.append(
                    ("marginTop", (None, str(self.margin_top).encode(), "text/plain"))
                )
            else:
                files.append(
                    ("marginTop", (None, str(self.margin_top).encode(), "text/plain"))
                )

        if not isinstance(self.max_height, Unset):
            files.append(
                ("maxHeight", (None, str(self.max_height).encode(), "text/plain"))
            )

        if not isinstance(self.max_width, Unset):
            files.append(
                ("maxWidth", (None, str(self.max_width).encode(), "text/plain"))
            )

        if not isinstance(self.outline_blur_radius, Unset):
            files.append(
                (
                    "outline.blurRadius",
                    (None, str(self.outline_blur_radius).encode(), "text/plain"),
                )
            )

        if not isinstance(self.outline_color, Unset):
            if isinstance(self.outline_color, str):
                files.append(
                    (
                        "outline.color",
                        (None, str(self.outline_color).encode(), "text/plain"),
                    )
                )
            else:
                files.append(
                    (
                        "outline.color",
                        (None, str(self.outline_color).encode(), "text/plain"),
                    )
                )

        if not isinstance(self.outline_width, Unset):
            files.append(
                (
                    "outline.width",
                    (None, str(self.outline_width).encode(), "text/plain"),
                )
            )

        if not isinstance(self.output_size, Unset):
            files.append(
                ("outputSize", (None, str(self.output_size).encode(), "text/plain"))
            )

        if not isinstance(self.padding, Unset):
            if isinstance(self.padding, float):
                files.append(
                    ("padding", (None, str(self.padding).encode(), "text/plain"))
                )
            else:
                files.append(
                    ("padding", (None, str(self.padding).encode(), "text/plain"))
                )

        if not isinstance(self.padding_bottom, Unset):
            if isinstance(self.padding_bottom, float):
                files.append(
                    (
                        "paddingBottom",
                        (None, str(self.padding_bottom).encode(), "text/plain"),
                    )
                )
            else:
                files.append(
                    (
                        "paddingBottom",
                        (None, str(self.padding_bottom).encode(), "text/plain"),
                    )
                )

        if not isinstance(self.padding_left, Unset):
            if isinstance(self.padding_left, float):
                files.append(
                    (
                        "paddingLeft",
                        (None, str(self.padding_left).encode(), "text/plain"),
                    )
                )
            else:
                files.append(
                    (
                        "paddingLeft",
                        (None, str(self.padding_left).encode(), "text/plain"),
                    )
                )

        if not isinstance(self.padding_right, Unset):
            if isinstance(self.padding_right, float):
                files.append(
                    (
                        "paddingRight",
                        (None, str(self.padding_right).encode(), "text/plain"),
                    )
                )
            else:
                files.append(
                    (
                        "paddingRight",
                        (None, str(self.padding_right).encode(), "text/plain"),
                    )
                )

        if not isinstance(self.padding_top, Unset):
            if isinstance(self.padding_top, float):
                files.append(
                    ("paddingTop", (None, str(self.padding_top).encode(), "text/plain"))
                )
            else:
                files.append(
                    ("paddingTop", (None, str(self.padding_top).encode(), "text/plain"))
                )

        if not isinstance(self.preserve_metadata, Unset):
            files.append(
                (
                    "preserveMetadata",
                    (None, str(self.preserve_metadata).encode(), "text/plain"),
                )
            )

        if not isinstance(self.reference_box, Unset):
            files.append(
                ("referenceBox", (None, str(self.reference_box).encode(), "text/plain"))
            )

        if not isinstance(self.remove_background, Unset):
            files.append(
                (
                    "removeBackground",
                    (
                        None,
                        ("true" if self.remove_background else "false").encode(),
                        "text/plain",
                    ),
                )
            )

        if not isinstance(self.scaling, Unset):
            files.append(("scaling", (None, str(self.scaling).encode(), "text/plain")))

        if not isinstance(self.segmentation_mode, Unset):
            files.append(
                (
                    "segmentation.mode",
                    (None, str(self.segmentation_mode).encode(), "text/plain"),
                )
            )

        if not isinstance(self.segmentation_negative_prompt, Unset):
            files.append(
                (
                    "segmentation.negativePrompt",
                    (
                        None,
                        str(self.segmentation_negative_prompt).encode(),
                        "text/plain",
                    ),
                )
            )

        if not isinstance(self.segmentation_prompt, Unset):
            files.append(
                (
                    "segmentation.prompt",
                    (None, str(self.segmentation_prompt).encode(), "text/plain"),
                )
            )

        if not isinstance(self.shadow_direction_override, Unset):
            if isinstance(self.shadow_direction_override, float):
                files.append(
                    (
                        "shadow.directionOverride",
                        (
                            None,
                            str(self.shadow_direction_override).encode(),
                            "text/plain",
                        ),
                    )
                )
            else:
                files.append(
                    (
                        "shadow.directionOverride",
                        (
                            None,
                            str(self.shadow_direction_override).encode(),
                            "text/plain",
                        ),
                    )
                )

        if not isinstance(self.shadow_intensity_override, Unset):
            files.append(
                (
                    "shadow.intensityOverride",
                    (None, str(self.shadow_intensity_override).encode(), "text/plain"),
                )
            )

        if not isinstance(self.shadow_mode, Unset):
            files.append(
                ("shadow.mode", (None, str(self.shadow_mode).encode(), "text/plain"))
            )

        if not isinstance(self.shadow_softness_override, Unset):
            files.append(
                (
                    "shadow.softnessOverride",
                    (None, str(self.shadow_softness_override).encode(), "text/plain"),
                )
            )

        if not isinstance(self.shadow_spread_override, Unset):
            if isinstance(self.shadow_spread_override, float):
                files.append(
                    (
                        "shadow.spreadOverride",
                        (None, str(self.shadow_spread_override).encode(), "text/plain"),
                    )
                )
            else:
                files.append(
                    (
                        "shadow.spreadOverride",
                        (None, str(self.shadow_spread_override).encode(), "text/plain"),
                    )
                )

        if not isinstance(self.shadow_subject_pose_override, Unset):
            if isinstance(self.shadow_subject_pose_override, float):
                files.append(
                    (
                        "shadow.subjectPoseOverride",
                        (
                            None,
                            str(self.shadow_subject_pose_override).encode(),
                            "text/plain",
                        ),
                    )
                )
            else:
                files.append(
                    (
                        "shadow.subjectPoseOverride",
                        (
                            None,
                            str(self.shadow_subject_pose_override).encode(),
                            "text/plain",
                        ),
                    )
                )

        if not isinstance(self.template_id, Unset):
            files.append(("templateId", (None, str(self.template_id), "text/plain")))

        if not isinstance(self.text_removal_mode, Unset):
            files.append(
                (
                    "textRemoval.mode",
                    (None, str(self.text_removal_mode).encode(), "text/plain"),
                )
            )

        if not isinstance(self.uncrop_mode, Unset):
            files.append(("uncrop.mode", (None, self.uncrop_mode, "text/plain")))

        if not isinstance(self.uncrop_seed, Unset):
            files.append(
                ("uncrop.seed", (None, str(self.uncrop_seed).encode(), "text/plain"))
            )

        if not isinstance(self.upscale_downscale_if_needed, Unset):
            files.append(
                (
                    "upscale.downscaleIfNeeded",
                    (
                        None,
                        str(self.upscale_downscale_if_needed).encode(),
                        "text/plain",
                    ),
                )
            )

        if not isinstance(self.upscale_mode, Unset):
            files.append(
                ("upscale.mode", (None, str(self.upscale_mode).encode(), "text/plain"))
            )

        if not isinstance(self.vertical_alignment, Unset):
            files.append(
                (
                    "verticalAlignment",
                    (None, str(self.vertical_alignment).encode(), "text/plain"),
                )
            )

        if not isinstance(self.virtual_model_additional_product_images, Unset):
            for (
                virtual_model_additional_product_images_item_element
            ) in self.virtual_model_additional_product_images:
                files.append(
                    (
                        "virtualModel.additionalProductImages",
                        virtual_model_additional_product_images_item_element.to_tuple(),
                    )
                )

        if not isinstance(self.virtual_model_mode, Unset):
            files.append(
                ("virtualModel.mode", (None, self.virtual_model_mode, "text/plain"))
            )

        if not isinstance(self.virtual_model_model_preset_name, Unset):
            files.append(
                (
                    "virtualModel.model.preset.name",
                    (
                        None,
                        str(self.virtual_model_model_preset_name).encode(),
                        "text/plain",
                    ),
                )
            )

        if not isinstance(self.virtual_model_model_custom_image_file, Unset):
            files.append(
                (
                    "virtualModel.model.custom.imageFile",
                    self.virtual_model_model_custom_image_file.to_tuple(),
                )
            )

        if not isinstance(self.virtual_model_model_custom_image_url, Unset):
            files.append(
                (
                    "virtualModel.model.custom.imageUrl",
                    (
                        None,
                        str(self.virtual_model_model_custom_image_url).encode(),
                        "text/plain",
                    ),
                )
            )

        if not isinstance(self.virtual_model_pose, Unset):
            files.append(
                (
                    "virtualModel.pose",
                    (None, str(self.virtual_model_pose).encode(), "text/plain"),
                )
            )

        if not isinstance(self.virtual_model_prompt, Unset):
            files.append(
                (
                    "virtualModel.prompt",
                    (None, str(self.virtual_model_prompt).encode(), "text/plain"),
                )
            )

        if not isinstance(self.virtual_model_quality, Unset):
            files.append(
                (
                    "virtualModel.quality",
                    (None, str(self.virtual_model_quality).encode(), "text/plain"),
                )
            )

        if not isinstance(self.virtual_model_scene_preset_name, Unset):
            files.append(
                (
                    "virtualModel.scene.preset.name",
                    (
                        None,
                        str(self.virtual_model_scene_preset_name).encode(),
                        "text/plain",
                    ),
                )
            )

        if not isinstance(self.virtual_model_scene_custom_image_file, Unset):
            files.append(
                (
                    "virtualModel.scene.custom.imageFile",
                    self.virtual_model_scene_custom_image_file.to_tuple(),
                )
            )

        if not isinstance(self.virtual_model_scene_custom_image_url, Unset):
            files.append(
                (
                    "virtualModel.scene.custom.imageUrl",
                    (
                        None,
                        str(self.virtual_model_scene_custom_image_url).encode(),
                        "text/plain",
                    ),
                )
            )

        if not isinstance(self.virtual_model_size, Unset):
            files.append(
                (
                    "virtualModel.size",
                    (None, str(self.virtual_model_size).encode(), "text/plain"),
                )
            )

        if not isinstance(self.background_image_url, Unset):
            files.append(
                (
                    "background.imageUrl",
                    (None, str(self.background_image_url).encode(), "text/plain"),
                )
            )

        if not isinstance(self.background_guidance_image_url, Unset):
            files.append(
                (
                    "background.guidance.imageUrl",
                    (
                        None,
                        str(self.background_guidance_image_url).encode(),
                        "text/plain",
                    ),
                )
            )

        for prop_name, prop in self.additional_properties.items():
            files.append((prop_name, (None, str(prop).encode(), "text/plain")))

        return files

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _background_blur_mode = d.pop("background.blur.mode", UNSET)
        background_blur_mode: EditImageUploadBodyBackgroundBlurMode | Unset
        if isinstance(_background_blur_mode, Unset):
            background_blur_mode = UNSET
        else:
            background_blur_mode = check_edit_image_upload_body_background_blur_mode(
                _background_blur_mode
            )

        background_blur_radius = d.pop("background.blur.radius", UNSET)

        def _parse_background_color(
            data: object,
        ) -> EditImageUploadBodyBackgroundColorType1 | str | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                background_color_type_1 = (
                    check_edit_image_upload_body_background_color_type_1(data)
                )

                return background_color_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(EditImageUploadBodyBackgroundColorType1 | str | Unset, data)

        background_color = _parse_background_color(d.pop("background.color", UNSET))

        _background_expand_prompt = d.pop("background.expandPrompt", UNSET)
        background_expand_prompt: EditImageUploadBodyBackgroundExpandPrompt | Unset
        if isinstance(_background_expand_prompt, Unset):
            background_expand_prompt = UNSET
        else:
            background_expand_prompt = (
                check_edit_image_upload_body_background_expand_prompt(
                    _background_expand_prompt
                )
            )

        _background_expand_prompt_mode = d.pop("background.expandPrompt.mode", UNSET)
        background_expand_prompt_mode: (
            EditImageUploadBodyBackgroundExpandPromptMode | Unset
        )
        if isinstance(_background_expand_prompt_mode, Unset):
            background_expand_prompt_mode = UNSET
        else:
            background_expand_prompt_mode = (
                check_edit_image_upload_body_background_expand_prompt_mode(
                    _background_expand_prompt_mode
                )
            )

        _background_guidance_image_file = d.pop("background.guidance.imageFile", UNSET)
        background_guidance_image_file: File | Unset
        if isinstance(_background_guidance_image_file, Unset):
            background_guidance_image_file = UNSET
        else:
            background_guidance_image_file = File(
                payload=BytesIO(_background_guidance_image_file)
            )

        background_guidance_scale = d.pop("background.guidance.scale", UNSET)

        _background_image_file = d.pop("background.imageFile", UNSET)
        background_image_file: File | Unset
        if isinstance(_background_image_file, Unset):
            background_image_file = UNSET
        else:
            background_image_file = File(payload=BytesIO(_background_image_file))

        background_negative_prompt = d.pop("background.negativePrompt", UNSET)

        background_prompt = d.pop("background.prompt", UNSET)

        _background_scaling = d.pop("background.scaling", UNSET)
        background_scaling: EditImageUploadBodyBackgroundScaling | Unset
        if isinstance(_background_scaling, Unset):
            background_scaling = UNSET
        else:
            background_scaling = check_edit_image_upload_body_background_scaling(
                _background_scaling
            )

        background_seed = d.pop("background.seed", UNSET)

        _beautify_mode = d.pop("beautify.mode", UNSET)
        beautify_mode: EditImageUploadBodyBeautifyMode | Unset
        if isinstance(_beautify_mode, Unset):
            beautify_mode = UNSET
        else:
            beautify_mode = check_edit_image_upload_body_beautify_mode(_beautify_mode)

        beautify_seed = d.pop("beautify.seed", UNSET)

        describe_any_change_mode = cast(
            Literal["ai.auto"] | Unset, d.pop("describeAnyChange.mode", UNSET)
        )
        if describe_any_change_mode != "ai.auto" and not isinstance(
            describe_any_change_mode, Unset
        ):
            raise ValueError(
                f"describeAnyChange.mode must match const 'ai.auto', got '{describe_any_change_mode}'"
            )

        describe_any_change_prompt = d.pop("describeAnyChange.prompt", UNSET)

        describe_any_change_seed = d.pop("describeAnyChange.seed", UNSET)

        edit_with_ai_mode = cast(
            Literal["ai.auto"] | Unset, d.pop("editWithAI.mode", UNSET)
        )
        if edit_with_ai_mode != "ai.auto" and not isinstance(edit_with_ai_mode, Unset):
            raise ValueError(
                f"editWithAI.mode must match const 'ai.auto', got '{edit_with_ai_mode}'"
            )

        edit_with_ai_prompt = d.pop("editWithAI.prompt", UNSET)

        edit_with_ai_seed = d.pop("editWithAI.seed", UNSET)

        expand_mode = cast(Literal["ai.auto"] | Unset, d.pop("expand.mode", UNSET))
        if expand_mode != "ai.auto" and not isinstance(expand_mode, Unset):
            raise ValueError(
                f"expand.mode must match const 'ai.auto', got '{expand_mode}'"
            )

        expand_seed = d.pop("expand.seed", UNSET)

        export_dpi = d.pop("export.dpi", UNSET)

        _export_format = d.pop("export.format", UNSET)
        export_format: EditImageUploadBodyExportFormat | Unset
        if isinstance(_export_format, Unset):
            export_format = UNSET
        else:
            export_format = check_edit_image_upload_body_export_format(_export_format)

        flat_lay_mode = cast(Literal["ai.auto"] | Unset, d.pop("flatLay.mode", UNSET))
        if flat_lay_mode != "ai.auto" and not isinstance(flat_lay_mode, Unset):
            raise ValueError(
                f"flatLay.mode must match const 'ai.auto', got '{flat_lay_mode}'"
            )

        flat_lay_prompt = d.pop("flatLay.prompt", UNSET)

        _flat_lay_size = d.pop("flatLay.size", UNSET)
        flat_lay_size: EditImageUploadBodyFlatLaySize | Unset
        if isinstance(_flat_lay_size, Unset):
            flat_lay_size = UNSET
        else:
            flat_lay_size = check_edit_image_upload_body_flat_lay_size(_flat_lay_size)

        ghost_mannequin_mode = cast(
            Literal["ai.auto"] | Unset, d.pop("ghostMannequin.mode", UNSET)
        )
        if ghost_mannequin_mode != "ai.auto" and not isinstance(
            ghost_mannequin_mode, Unset
        ):
            raise ValueError(
                f"ghostMannequin.mode must match const 'ai.auto', got '{ghost_mannequin_mode}'"
            )

        ghost_mannequin_prompt = d.pop("ghostMannequin.prompt", UNSET)

        _ghost_mannequin_size = d.pop("ghostMannequin.size", UNSET)
        ghost_mannequin_size: EditImageUploadBodyGhostMannequinSize | Unset
        if isinstance(_ghost_mannequin_size, Unset):
            ghost_mannequin_size = UNSET
        else:
            ghost_mannequin_size = check_edit_image_upload_body_ghost_mannequin_size(
                _ghost_mannequin_size
            )

        _horizontal_alignment = d.pop("horizontalAlignment", UNSET)
        horizontal_alignment: EditImageUploadBodyHorizontalAlignment | Unset
        if isinstance(_horizontal_alignment, Unset):
            horizontal_alignment = UNSET
        else:
            horizontal_alignment = check_edit_image_upload_body_horizontal_alignment(
                _horizontal_alignment
            )

        ignore_padding_and_snap_on_cropped_sides = d.pop(
            "ignorePaddingAndSnapOnCroppedSides", UNSET
        )

        _image_file = d.pop("imageFile", UNSET)
        image_file: File | Unset
        if isinstance(_image_file, Unset):
            image_file = UNSET
        else:
            image_file = File(payload=BytesIO(_image_file))

        image_from_prompt_prompt = d.pop("imageFromPrompt.prompt", UNSET)

        image_from_prompt_seed = d.pop("imageFromPrompt.seed", UNSET)

        _image_from_prompt_size = d.pop("imageFromPrompt.size", UNSET)
        image_from_prompt_size: EditImageUploadBodyImageFromPromptSize | Unset
        if isinstance(_image_from_prompt_size, Unset):
            image_from_prompt_size = UNSET
        else:
            image_from_prompt_size = (
                check_edit_image_upload_body_image_from_prompt_size(
                    _image_from_prompt_size
                )
            )

        ironing_mode = cast(Literal["ai.auto"] | Unset, d.pop("ironing.mode", UNSET))
        if ironing_mode != "ai.auto" and not isinstance(ironing_mode, Unset):
            raise ValueError(
                f"ironing.mode must match const 'ai.auto', got '{ironing_mode}'"
            )

        _keep_existing_alpha_channel = d.pop("keepExistingAlphaChannel", UNSET)
        keep_existing_alpha_channel: EditImageUploadBodyKeepExistingAlphaChannel | Unset
        if isinstance(_keep_existing_alpha_channel, Unset):
            keep_existing_alpha_channel = UNSET
        else:
            keep_existing_alpha_channel = (
                check_edit_image_upload_body_keep_existing_alpha_channel(
                    _keep_existing_alpha_channel
                )
            )

        _lighting_mode = d.pop("lighting.mode", UNSET)
        lighting_mode: EditImageUploadBodyLightingMode | Unset
        if isinstance(_lighting_mode, Unset):
            lighting_mode = UNSET
        else:
            lighting_mode = check_edit_image_upload_body_lighting_mode(_lighting_mode)

        def _parse_margin(data: object) -> float | str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(float | str | Unset, data)

        margin = _parse_margin(d.pop("margin", UNSET))

        def _parse_margin_bottom(data: object) -> float | str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(float | str | Unset, data)

        margin_bottom = _parse_margin_bottom(d.pop("marginBottom", UNSET))

        def _parse_margin_left(data: object) -> float | str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(float | str | Unset, data)

        margin_left = _parse_margin_left(d.pop("marginLeft", UNSET))

        def _parse_margin_right(data: object) -> float | str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(float | str | Unset, data)

        margin_right = _parse_margin_right(d.pop("marginRight", UNSET))

        def _parse_margin_top(data: object) -> float | str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(float | str | Unset, data)

        margin_top = _parse_margin_top(d.pop("marginTop", UNSET))

        max_height = d.pop("maxHeight", UNSET)

        max_width = d.pop("maxWidth", UNSET)

        outline_blur_radius = d.pop("outline.blurRadius", UNSET)

        def _parse_outline_color(
            data: object,
        ) -> EditImageUploadBodyOutlineColorType1 | str | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                outline_color_type_1 = (
                    check_edit_image_upload_body_outline_color_type_1(data)
                )

                return outline_color_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(EditImageUploadBodyOutlineColorType1 | str | Unset, data)

        outline_color = _parse_outline_color(d.pop("outline.color", UNSET))

        outline_width = d.pop("outline.width", UNSET)

        output_size = d.pop("outputSize", UNSET)

        def _parse_padding(data: object) -> float | str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(float | str | Unset, data)

        padding = _parse_padding(d.pop("padding", UNSET))

        def _parse_padding_bottom(data: object) -> float | str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(float | str | Unset, data)

        padding_bottom = _parse_padding_bottom(d.pop("paddingBottom", UNSET))

        def _parse_padding_left(data: object) -> float | str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(float | str | Unset, data)

        padding_left = _parse_padding_left(d.pop("paddingLeft", UNSET))

        def _parse_padding_right(data: object) -> float | str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(float | str | Unset, data)

        padding_right = _parse_padding_right(d.pop("paddingRight", UNSET))

        def _parse_padding_top(data: object) -> float | str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(float | str | Unset, data)

        padding_top = _parse_padding_top(d.pop("paddingTop", UNSET))

        _preserve_metadata = d.pop("preserveMetadata", UNSET)
        preserve_metadata: EditImageUploadBodyPreserveMetadata | Unset
        if isinstance(_preserve_metadata, Unset):
            preserve_metadata = UNSET
        else:
            preserve_metadata = check_edit_image_upload_body_preserve_metadata(
                _preserve_metadata
            )

        _reference_box = d.pop("referenceBox", UNSET)
        reference_box: EditImageUploadBodyReferenceBox | Unset
        if isinstance(_reference_box, Unset):
            reference_box = UNSET
        else:
            reference_box = check_edit_image_upload_body_reference_box(_reference_box)

        remove_background = d.pop("removeBackground", UNSET)

        _scaling = d.pop("scaling", UNSET)
        scaling: EditImageUploadBodyScaling | Unset
        if isinstance(_scaling, Unset):
            scaling = UNSET
        else:
            scaling = check_edit_image_upload_body_scaling(_scaling)

        _segmentation_mode = d.pop("segmentation.mode", UNSET)
        segmentation_mode: EditImageUploadBodySegmentationMode | Unset
        if isinstance(_segmentation_mode, Unset):
            segmentation_mode = UNSET
        else:
            segmentation_mode = check_edit_image_upload_body_segmentation_mode(
                _segmentation_mode
            )

        segmentation_negative_prompt = d.pop("segmentation.negativePrompt", UNSET)

        segmentation_prompt = d.pop("segmentation.prompt", UNSET)

        def _parse_shadow_direction_override(
            data: object,
        ) -> EditImageUploadBodyShadowDirectionOverrideType1 | float | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                shadow_direction_override_type_1 = (
                    check_edit_image_upload_body_shadow_direction_override_type_1(data)
                )

                return shadow_direction_override_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(
                EditImageUploadBodyShadowDirectionOverrideType1 | float | Unset, data
            )

        shadow_direction_override = _parse_shadow_direction_override(
            d.pop("shadow.directionOverride", UNSET)
        )

        shadow_intensity_override = d.pop("shadow.intensityOverride", UNSET)

        _shadow_mode = d.pop("shadow.mode", UNSET)
        shadow_mode: EditImageUploadBodyShadowMode | Unset
        if isinstance(_shadow_mode, Unset):
            shadow_mode = UNSET
        else:
            shadow_mode = check_edit_image_upload_body_shadow_mode(_shadow_mode)

        shadow_softness_override = d.pop("shadow.softnessOverride", UNSET)

        def _parse_shadow_spread_override(
            data: object,
        ) -> EditImageUploadBodyShadowSpreadOverrideType1 | float | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                shadow_spread_override_type_1 = (
                    check_edit_image_upload_body_shadow_spread_override_type_1(data)
                )

                return shadow_spread_override_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(
                EditImageUploadBodyShadowSpreadOverrideType1 | float | Unset, data
            )

        shadow_spread_override = _parse_shadow_spread_override(
            d.pop("shadow.spreadOverride", UNSET)
        )

        def _parse_shadow_subject_pose_override(
            data: object,
        ) -> EditImageUploadBodyShadowSubjectPoseOverrideType1 | float | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                shadow_subject_pose_override_type_1 = (
                    check_edit_image_upload_body_shadow_subject_pose_override_type_1(
                        data
                    )
                )

                return shadow_subject_pose_override_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(
                EditImageUploadBodyShadowSubjectPoseOverrideType1 | float | Unset, data
            )

        shadow_subject_pose_override = _parse_shadow_subject_pose_override(
            d.pop("shadow.subjectPoseOverride", UNSET)
        )

        _template_id = d.pop("templateId", UNSET)
        template_id: UUID | Unset
        if isinstance(_template_id, Unset):
            template_id = UNSET
        else:
            template_id = UUID(_template_id)

        _text_removal_mode = d.pop("textRemoval.mode", UNSET)
        text_removal_mode: EditImageUploadBodyTextRemovalMode | Unset
        if isinstance(_text_removal_mode, Unset):
            text_removal_mode = UNSET
        else:
            text_removal_mode = check_edit_image_upload_body_text_removal_mode(
                _text_removal_mode
            )

        uncrop_mode = cast(Literal["ai.auto"] | Unset, d.pop("uncrop.mode", UNSET))
        if uncrop_mode != "ai.auto" and not isinstance(uncrop_mode, Unset):
            raise ValueError(
                f"uncrop.mode must match const 'ai.auto', got '{uncrop_mode}'"
            )

        uncrop_seed = d.pop("uncrop.seed", UNSET)

        _upscale_downscale_if_needed = d.pop("upscale.downscaleIfNeeded", UNSET)
        upscale_downscale_if_needed: EditImageUploadBodyUpscaleDownscaleIfNeeded | Unset
        if isinstance(_upscale_downscale_if_needed, Unset):
            upscale_downscale_if_needed = UNSET
        else:
            upscale_downscale_if_needed = (
                check_edit_image_upload_body_upscale_downscale_if_needed(
                    _upscale_downscale_if_needed
                )
            )

        _upscale_mode = d.pop("upscale.mode", UNSET)
        upscale_mode: EditImageUploadBodyUpscaleMode | Unset
        if isinstance(_upscale_mode, Unset):
            upscale_mode = UNSET
        else:
            upscale_mode = check_edit_image_upload_body_upscale_mode(_upscale_mode)

        _vertical_alignment = d.pop("verticalAlignment", UNSET)
        vertical_alignment: EditImageUploadBodyVerticalAlignment | Unset
        if isinstance(_vertical_alignment, Unset):
            vertical_alignment = UNSET
        else:
            vertical_alignment = check_edit_image_upload_body_vertical_alignment(
                _vertical_alignment
            )

        _virtual_model_additional_product_images = d.pop(
            "virtualModel.additionalProductImages", UNSET
        )
        virtual_model_additional_product_images: list[File] | Unset = UNSET
        if _virtual_model_additional_product_images is not UNSET:
            virtual_model_additional_product_images = []
            for (
                virtual_model_additional_product_images_item_data
            ) in _virtual_model_additional_product_images:
                virtual_model_additional_product_images_item = File(
                    payload=BytesIO(virtual_model_additional_product_images_item_data)
                )

                virtual_model_additional_product_images.append(
                    virtual_model_additional_product_images_item
                )

        virtual_model_mode = cast(
            Literal["ai.auto"] | Unset, d.pop("virtualModel.mode", UNSET)
        )
        if virtual_model_mode != "ai.auto" and not isinstance(
            virtual_model_mode, Unset
        ):
            raise ValueError(
                f"virtualModel.mode must match const 'ai.auto', got '{virtual_model_mode}'"
            )

        _virtual_model_model_preset_name = d.pop(
            "virtualModel.model.preset.name", UNSET
        )
        virtual_model_model_preset_name: (
            EditImageUploadBodyVirtualModelModelPresetName | Unset
        )
        if isinstance(_virtual_model_model_preset_name, Unset):
            virtual_model_model_preset_name = UNSET
        else:
            virtual_model_model_preset_name = (
                check_edit_image_upload_body_virtual_model_model_preset_name(
                    _virtual_model_model_preset_name
                )
            )

        _virtual_model_model_custom_image_file = d.pop(
            "virtualModel.model.custom.imageFile", UNSET
        )
        virtual_model_model_custom_image_file: File | Unset
        if isinstance(_virtual_model_model_custom_image_file, Unset):
            virtual_model_model_custom_image_file = UNSET
        else:
            virtual_model_model_custom_image_file = File(
                payload=BytesIO(_virtual_model_model_custom_image_file)
            )

        virtual_model_model_custom_image_url = d.pop(
            "virtualModel.model.custom.imageUrl", UNSET
        )

        _virtual_model_pose = d.pop("virtualModel.pose", UNSET)
        virtual_model_pose: EditImageUploadBodyVirtualModelPose | Unset
        if isinstance(_virtual_model_pose, Unset):
            virtual_model_pose = UNSET
        else:
            virtual_model_pose = check_edit_image_upload_body_virtual_model_pose(
                _virtual_model_pose
            )

        virtual_model_prompt = d.pop("virtualModel.prompt", UNSET)

        _virtual_model_quality = d.pop("virtualModel.quality", UNSET)
        virtual_model_quality: EditImageUploadBodyVirtualModelQuality | Unset
        if isinstance(_virtual_model_quality, Unset):
            virtual_model_quality = UNSET
        else:
            virtual_model_quality = check_edit_image_upload_body_virtual_model_quality(
                _virtual_model_quality
            )

        _virtual_model_scene_preset_name = d.pop(
            "virtualModel.scene.preset.name", UNSET
        )
        virtual_model_scene_preset_name: (
            EditImageUploadBodyVirtualModelScenePresetName | Unset
        )
        if isinstance(_virtual_model_scene_preset_name, Unset):
            virtual_model_scene_preset_name = UNSET
        else:
            virtual_model_scene_preset_name = (
                check_edit_image_upload_body_virtual_model_scene_preset_name(
                    _virtual_model_scene_preset_name
                )
            )

        _virtual_model_scene_custom_image_file = d.pop(
            "virtualModel.scene.custom.imageFile", UNSET
        )
        virtual_model_scene_custom_image_file: File | Unset
        if isinstance(_virtual_model_scene_custom_image_file, Unset):
            virtual_model_scene_custom_image_file = UNSET
        else:
            virtual_model_scene_custom_image_file = File(
                payload=BytesIO(_virtual_model_scene_custom_image_file)
            )

        virtual_model_scene_custom_image_url = d.pop(
            "virtualModel.scene.custom.imageUrl", UNSET
        )

        _virtual_model_size = d.pop("virtualModel.size", UNSET)
        virtual_model_size: EditImageUploadBodyVirtualModelSize | Unset
        if isinstance(_virtual_model_size, Unset):
            virtual_model_size = UNSET
        else:
            virtual_model_size = check_edit_image_upload_body_virtual_model_size(
                _virtual_model_size
            )

        background_image_url = d.pop("background.imageUrl", UNSET)

        background_guidance_image_url = d.pop("background.guidance.imageUrl", UNSET)

        edit_image_upload_body = cls(
            background_blur_mode=background_blur_mode,
            background_blur_radius=background_blur_radius,
            background_color=background_color,
            background_expand_prompt=background_expand_prompt,
            background_expand_prompt_mode=background_expand_prompt_mode,
            background_guidance_image_file=background_guidance_image_file,
            background_guidance_scale=background_guidance_scale,
            background_image_file=background_image_file,
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
            image_file=image_file,
            image_from_prompt_prompt=image_from_prompt_prompt,
            image_from_prompt_seed=image_from_prompt_seed,
            image_from_prompt_size=image_from_prompt_size,
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
            virtual_model_model_custom_image_file=virtual_model_model_custom_image_file,
            virtual_model_model_custom_image_url=virtual_model_model_custom_image_url,
            virtual_model_pose=virtual_model_pose,
            virtual_model_prompt=virtual_model_prompt,
            virtual_model_quality=virtual_model_quality,
            virtual_model_scene_preset_name=virtual_model_scene_preset_name,
            virtual_model_scene_custom_image_file=virtual_model_scene_custom_image_file,
            virtual_model_scene_custom_image_url=virtual_model_scene_custom_image_url,
            virtual_model_size=virtual_model_size,
            background_image_url=background_image_url,
            background_guidance_image_url=background_guidance_image_url,
        )

        edit_image_upload_body.additional_properties = d
        return edit_image_upload_body

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
