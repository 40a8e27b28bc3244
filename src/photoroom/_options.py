"""Options of ``edit()`` and ``remove_background()``, and their translation to the generated code.

Design: option *groups*. ``/v2/edit`` has ~85 parameters, and the API itself names them by
feature with dot notation (``background.color``, ``shadow.mode``). The client mirrors that:

* a parameter without a dot is a keyword of ``edit()`` (``padding=0.1``, ``output_size="1x1"``);
* a parameter ``group.rest`` is a field of a small frozen attrs class passed as ``group=``
  (``background=Background(color="FFFFFF")``, ``shadow=Shadow(mode="ai.soft")``).

Why groups rather than 85 flat keywords: an editor completing ``Shadow(`` offers the six shadow
fields instead of 85 names; rules that span fields of one feature (``background.prompt``,
``background.imageUrl`` and ``background.imageFile`` are mutually exclusive) live next to them;
a group is a value that can be reused as a preset (``STUDIO = Shadow(mode="ai.soft")``). A group
with a ``mode`` also accepts the mode alone (``shadow="ai.soft"``), and a group whose mode has a
single value also accepts ``True`` (``ironing=True``): the short form of the common call.

One source of truth: the fields are written once, here. Everything else is derived from the
generated code at first use (``edit_table()``): the generated parameter a field maps to is
``f"{group}_{field}"`` (checked against the generated ``_get_kwargs`` signature and the
``EditImageUploadBody`` attributes), the API name (``background.blur.radius``) is read back by
calling the generated ``_get_kwargs`` / ``to_multipart`` with a probe value, and allowed enum
values come from the generated ``Literal`` aliases. Only what the generated code does not carry
(ranges, patterns, the keyed-map leaves) is copied from the spec below, each with the place it
comes from; ``tests/client/test_spec_sync.py`` fails when the spec changes under them.
"""

from __future__ import annotations

import dataclasses
import functools
import inspect
import math
import re
import types
import typing
import uuid
from collections.abc import Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any, ClassVar, Final, Literal, TypedDict, Union

import attrs

from ._exceptions import InvalidOptionError
from ._inputs import ImageBytes, is_url, load_image

if TYPE_CHECKING:
    from photoroom_api.models.edit_image_from_url_background_blur_mode import (
        EditImageFromUrlBackgroundBlurMode,
    )
    from photoroom_api.models.edit_image_from_url_background_expand_prompt import (
        EditImageFromUrlBackgroundExpandPrompt,
    )
    from photoroom_api.models.edit_image_from_url_background_expand_prompt_mode import (
        EditImageFromUrlBackgroundExpandPromptMode,
    )
    from photoroom_api.models.edit_image_from_url_background_scaling import (
        EditImageFromUrlBackgroundScaling,
    )
    from photoroom_api.models.edit_image_from_url_beautify_mode import (
        EditImageFromUrlBeautifyMode,
    )
    from photoroom_api.models.edit_image_from_url_export_format import (
        EditImageFromUrlExportFormat,
    )
    from photoroom_api.models.edit_image_from_url_flat_lay_size import (
        EditImageFromUrlFlatLaySize,
    )
    from photoroom_api.models.edit_image_from_url_ghost_mannequin_size import (
        EditImageFromUrlGhostMannequinSize,
    )
    from photoroom_api.models.edit_image_from_url_horizontal_alignment import (
        EditImageFromUrlHorizontalAlignment,
    )
    from photoroom_api.models.edit_image_from_url_image_from_prompt_size import (
        EditImageFromUrlImageFromPromptSize,
    )
    from photoroom_api.models.edit_image_from_url_keep_existing_alpha_channel import (
        EditImageFromUrlKeepExistingAlphaChannel,
    )
    from photoroom_api.models.edit_image_from_url_lighting_mode import (
        EditImageFromUrlLightingMode,
    )
    from photoroom_api.models.edit_image_from_url_preserve_metadata import (
        EditImageFromUrlPreserveMetadata,
    )
    from photoroom_api.models.edit_image_from_url_reference_box import (
        EditImageFromUrlReferenceBox,
    )
    from photoroom_api.models.edit_image_from_url_scaling import EditImageFromUrlScaling
    from photoroom_api.models.edit_image_from_url_segmentation_mode import (
        EditImageFromUrlSegmentationMode,
    )
    from photoroom_api.models.edit_image_from_url_shadow_direction_override_type_1 import (
        EditImageFromUrlShadowDirectionOverrideType1,
    )
    from photoroom_api.models.edit_image_from_url_shadow_mode import EditImageFromUrlShadowMode
    from photoroom_api.models.edit_image_from_url_shadow_spread_override_type_1 import (
        EditImageFromUrlShadowSpreadOverrideType1,
    )
    from photoroom_api.models.edit_image_from_url_shadow_subject_pose_override_type_1 import (
        EditImageFromUrlShadowSubjectPoseOverrideType1,
    )
    from photoroom_api.models.edit_image_from_url_text_removal_mode import (
        EditImageFromUrlTextRemovalMode,
    )
    from photoroom_api.models.edit_image_from_url_upscale_downscale_if_needed import (
        EditImageFromUrlUpscaleDownscaleIfNeeded,
    )
    from photoroom_api.models.edit_image_from_url_upscale_mode import (
        EditImageFromUrlUpscaleMode,
    )
    from photoroom_api.models.edit_image_from_url_vertical_alignment import (
        EditImageFromUrlVerticalAlignment,
    )
    from photoroom_api.models.edit_image_from_url_virtual_model_model_preset_name import (
        EditImageFromUrlVirtualModelModelPresetName,
    )
    from photoroom_api.models.edit_image_from_url_virtual_model_pose import (
        EditImageFromUrlVirtualModelPose,
    )
    from photoroom_api.models.edit_image_from_url_virtual_model_quality import (
        EditImageFromUrlVirtualModelQuality,
    )
    from photoroom_api.models.edit_image_from_url_virtual_model_scene_preset_name import (
        EditImageFromUrlVirtualModelScenePresetName,
    )
    from photoroom_api.models.edit_image_from_url_virtual_model_size import (
        EditImageFromUrlVirtualModelSize,
    )
    from photoroom_api.models.remove_background_post_params_channels import (
        RemoveBackgroundPOSTParamsChannels,
    )
    from photoroom_api.models.remove_background_post_params_format import (
        RemoveBackgroundPOSTParamsFormat,
    )
    from photoroom_api.models.remove_background_post_params_size import (
        RemoveBackgroundPOSTParamsSize,
    )

    from ._inputs import ImageInput

__all__ = [
    "GROUPS",
    "Background",
    "Beautify",
    "DescribeAnyChange",
    "EditOptions",
    "EditWithAI",
    "Expand",
    "Export",
    "FlatLay",
    "GhostMannequin",
    "ImageFromPrompt",
    "Ironing",
    "Lighting",
    "Outline",
    "RemoveBackgroundOptions",
    "Segmentation",
    "Shadow",
    "TextRemoval",
    "Uncrop",
    "Upscale",
    "VirtualModel",
]

# ---------------------------------------------------------------------------------------------
# Constraints the generated code does not carry, copied from the spec.

#: Source: openapi/photoroom.json, ``paths['/v2/edit'].get.parameters[*].schema`` (the POST body
#: carries the same, see overlay "Give each field the constraints of the GET parameter").
SPEC_CONSTRAINTS: Final[Mapping[str, Mapping[str, Any]]] = {
    "background.blur.radius": {"exclusiveMinimum": 0, "maximum": 0.05},
    "background.guidance.scale": {"maximum": 1},
    "describeAnyChange.prompt": {"minLength": 1},
    "editWithAI.prompt": {"minLength": 1},
    "export.dpi": {"minimum": 72, "maximum": 1200},
    "imageFromPrompt.prompt": {"minLength": 1},
    "outline.blurRadius": {"minimum": 0, "maximum": 0.025},
    "outline.width": {"minimum": 0, "maximum": 0.1},
    "maxHeight": {"minimum": 1},
    "maxWidth": {"minimum": 1},
    "outputSize": {"pattern": r"^(auto|[1-9][0-9]*x[1-9][0-9]*|originalImage|croppedSubject)$"},
    "shadow.intensityOverride": {"minimum": 0, "maximum": 1},
    "shadow.softnessOverride": {"minimum": 0, "maximum": 1},
    "virtualModel.additionalProductImages": {"minItems": 1, "maxItems": 4},
}

#: Source: openapi/photoroom.json, schema of ``padding``, ``margin`` and their ``Left``/``Right``/
#: ``Top``/``Bottom`` variants (overlay Q15): a ratio below 0.5, or a string ratio, a percentage
#: below 50 % or a pixel count.
SPACING_PARAMETERS: Final = tuple(
    f"{base}{side}"
    for base in ("padding", "margin")
    for side in ("", "Left", "Right", "Top", "Bottom")
)
SPACING_SCHEMA: Final[Mapping[str, Any]] = {
    "anyOf": [
        {"type": "number", "minimum": 0, "exclusiveMaximum": 0.5},
        {
            "type": "string",
            "pattern": r"^(0|0?\.[0-4][0-9]*|[1-4]?[0-9](\.[0-9]+)?%|[0-9]{1,5}px)$",
        },
    ]
}
_SPACING_PATTERN: Final = re.compile(SPACING_SCHEMA["anyOf"][1]["pattern"])

#: Source: openapi/photoroom.json, ``paths['/v2/edit'].{get,post}['x-photoroom-keyed-parameters']
#: ['key-pattern']``: the caller-chosen ``{key}`` of ``layers.{key}.*`` and
#: ``editWithAI.additionalImages.{key}.*``.
KEYED_KEY_PATTERN: Final = r"^[A-Za-z0-9_-]{1,64}$"
_KEY_RE: Final = re.compile(KEYED_KEY_PATTERN)

_SPACING_ANY: Final[Mapping[str, Any]] = {"anyOf": [{"type": "number"}, {"type": "string"}]}

#: Source: same ``x-photoroom-keyed-parameters['leaves']``: the leaves of ``layers.{key}.`` that
#: both GET and POST take, with their schemas.
LAYER_LEAVES: Final[Mapping[str, Mapping[str, Any]]] = {
    "text.content": {"type": "string"},
    "text.font": {"type": "string"},
    "text.foregroundColor": {"type": "string"},
    "text.backgroundColor": {"type": "string"},
    "image.imageUrl": {"type": "string", "format": "uri"},
    "image.imageFromPrompt.prompt": {"type": "string", "minLength": 1},
    "image.imageFromPrompt.seed": {"type": "number"},
    "image.imageFromPrompt.size": {
        "type": "string",
        "enum": ["LANDSCAPE_16_9", "LANDSCAPE_4_3", "PORTRAIT_16_9", "PORTRAIT_4_3", "SQUARE_HD"],
    },
    "image.horizontalAlignment": {"type": "string", "enum": ["left", "center", "right"]},
    "image.verticalAlignment": {"type": "string", "enum": ["top", "center", "bottom"]},
    "image.removeBackground": {"type": "string", "enum": ["auto", "never"]},
    "image.useForAIBackground": {"type": "string", "enum": ["auto", "never"]},
    "image.segmentation.mode": {
        "type": "string",
        "enum": ["keepSalientObject", "ignoreSalientObject"],
    },
    "image.segmentation.prompt": {"type": "string"},
    "image.segmentation.negativePrompt": {"type": "string"},
    **{f"image.{name}": _SPACING_ANY for name in SPACING_PARAMETERS},
}
#: Leaves of ``layers.{key}.`` only the POST (upload) variant takes.
LAYER_POST_ONLY_LEAVES: Final[Mapping[str, Mapping[str, Any]]] = {
    "image.imageFile": {"type": "string", "format": "binary"},
}
#: The leaf of ``editWithAI.additionalImages.{key}.``, per method.
ADDITIONAL_IMAGE_LEAF: Final[Mapping[str, tuple[str, Mapping[str, Any]]]] = {
    "get": ("imageUrl", {"type": "string", "format": "uri"}),
    "post": ("imageFile", {"type": "string", "format": "binary"}),
}

#: Colour parameters (plain strings in the spec; their descriptions say hex or a colour name).
COLOR_PARAMETERS: Final = frozenset({"background.color", "outline.color"})

#: Pairs or triples of parameters the spec says cannot be combined.
MUTUALLY_EXCLUSIVE: Final = (
    ("background.prompt", "background.imageUrl", "background.imageFile"),
    ("background.expandPrompt", "background.expandPrompt.mode"),
    (
        "virtualModel.model.preset.name",
        "virtualModel.model.custom.imageUrl",
        "virtualModel.model.custom.imageFile",
    ),
    (
        "virtualModel.scene.preset.name",
        "virtualModel.scene.custom.imageUrl",
        "virtualModel.scene.custom.imageFile",
    ),
)

_HEX_COLOR: Final = re.compile(r"#?(?:[0-9A-Fa-f]{3,4}|[0-9A-Fa-f]{6}|[0-9A-Fa-f]{8})")
_COLOR_NAME: Final = re.compile(r"[A-Za-z]+")

# ---------------------------------------------------------------------------------------------
# Option groups. Field name = generated parameter name minus the group prefix.

GROUPS: dict[str, type[Any]] = {}
"""``edit()`` keyword -> option group class (filled by ``@_group``)."""


def _group(option: str) -> Any:
    def register(cls: type[Any]) -> type[Any]:
        cls.option_name = option
        GROUPS[option] = cls
        return cls

    return register


class _Group:
    """Base of the option groups; ``option_name`` is the ``edit()`` keyword that takes it."""

    option_name: ClassVar[str]


@_group("background")
@attrs.frozen(kw_only=True)
class Background(_Group):
    """``background.*``: colour, AI-generated (``prompt``) or supplied image, blur.

    ``prompt``, ``image_url`` and ``image_file`` are mutually exclusive. ``image_url`` goes with an
    image URL (GET), ``image_file`` with an uploaded image (POST); the same holds for guidance.
    """

    color: str | None = None
    prompt: str | None = None
    negative_prompt: str | None = None
    seed: int | None = None
    image_url: str | None = None
    image_file: ImageInput | None = None
    scaling: EditImageFromUrlBackgroundScaling | None = None
    blur_mode: EditImageFromUrlBackgroundBlurMode | None = None
    blur_radius: float | None = None
    guidance_image_url: str | None = None
    guidance_image_file: ImageInput | None = None
    guidance_scale: float | None = None
    expand_prompt_mode: EditImageFromUrlBackgroundExpandPromptMode | None = None
    expand_prompt: EditImageFromUrlBackgroundExpandPrompt | None = None
    """Deprecated legacy form (``auto``/``never``); use ``expand_prompt_mode``."""


@_group("beautify")
@attrs.frozen(kw_only=True)
class Beautify(_Group):
    """``beautify.*``: AI clean-up of product, food or car photos."""

    mode: EditImageFromUrlBeautifyMode | None = None
    seed: int | None = None


@_group("describe_any_change")
@attrs.frozen(kw_only=True)
class DescribeAnyChange(_Group):
    """``describeAnyChange.*`` (deprecated upstream: use :class:`EditWithAI`)."""

    prompt: str | None = None
    seed: int | None = None
    mode: Literal["ai.auto"] | None = None


@_group("edit_with_ai")
@attrs.frozen(kw_only=True)
class EditWithAI(_Group):
    """``editWithAI.*``: change the image as a prompt describes (``mode`` defaults to ``ai.auto``).

    Reference images go in ``edit(additional_images={"ref": ...})``.
    """

    prompt: str | None = None
    seed: int | None = None
    mode: Literal["ai.auto"] | None = None


@_group("expand")
@attrs.frozen(kw_only=True)
class Expand(_Group):
    """``expand.*``: AI expand (outpainting) to the output size; ``expand=True`` is enough."""

    mode: Literal["ai.auto"] | None = None
    seed: int | None = None


@_group("export")
@attrs.frozen(kw_only=True)
class Export(_Group):
    """``export.*``: output file format and DPI."""

    format: EditImageFromUrlExportFormat | None = None
    dpi: float | None = None


@_group("flat_lay")
@attrs.frozen(kw_only=True)
class FlatLay(_Group):
    """``flatLay.*``: a flat-lay product shot from a garment photo."""

    mode: Literal["ai.auto"] | None = None
    prompt: str | None = None
    size: EditImageFromUrlFlatLaySize | None = None


@_group("ghost_mannequin")
@attrs.frozen(kw_only=True)
class GhostMannequin(_Group):
    """``ghostMannequin.*``: remove the model/mannequin from a worn garment."""

    mode: Literal["ai.auto"] | None = None
    prompt: str | None = None
    size: EditImageFromUrlGhostMannequinSize | None = None


@_group("image_from_prompt")
@attrs.frozen(kw_only=True)
class ImageFromPrompt(_Group):
    """``imageFromPrompt.*``: generate the input image from a prompt (no ``image`` needed)."""

    prompt: str | None = None
    seed: int | None = None
    size: EditImageFromUrlImageFromPromptSize | None = None


@_group("ironing")
@attrs.frozen(kw_only=True)
class Ironing(_Group):
    """``ironing.*``: remove wrinkles from garments; ``ironing=True`` is enough."""

    mode: Literal["ai.auto"] | None = None


@_group("lighting")
@attrs.frozen(kw_only=True)
class Lighting(_Group):
    """``lighting.*``: AI relighting of the subject."""

    mode: EditImageFromUrlLightingMode | None = None


@_group("outline")
@attrs.frozen(kw_only=True)
class Outline(_Group):
    """``outline.*``: a sticker-style outline around the subject."""

    color: str | None = None
    width: float | None = None
    blur_radius: float | None = None


@_group("segmentation")
@attrs.frozen(kw_only=True)
class Segmentation(_Group):
    """``segmentation.*``: which subject to keep, optionally guided by a prompt."""

    mode: EditImageFromUrlSegmentationMode | None = None
    prompt: str | None = None
    negative_prompt: str | None = None


@_group("shadow")
@attrs.frozen(kw_only=True)
class Shadow(_Group):
    """``shadow.*``: AI shadows; the overrides need ``mode="ai.auto-with-overrides"``."""

    mode: EditImageFromUrlShadowMode | None = None
    direction_override: EditImageFromUrlShadowDirectionOverrideType1 | float | None = None
    spread_override: EditImageFromUrlShadowSpreadOverrideType1 | float | None = None
    subject_pose_override: EditImageFromUrlShadowSubjectPoseOverrideType1 | float | None = None
    intensity_override: float | None = None
    softness_override: float | None = None


@_group("text_removal")
@attrs.frozen(kw_only=True)
class TextRemoval(_Group):
    """``textRemoval.*``: erase artificial (overlaid), natural or all text."""

    mode: EditImageFromUrlTextRemovalMode | None = None


@_group("uncrop")
@attrs.frozen(kw_only=True)
class Uncrop(_Group):
    """``uncrop.*``: AI uncrop of a subject cut by the frame; ``uncrop=True`` is enough."""

    mode: Literal["ai.auto"] | None = None
    seed: int | None = None


@_group("upscale")
@attrs.frozen(kw_only=True)
class Upscale(_Group):
    """``upscale.*``: AI upscaling."""

    mode: EditImageFromUrlUpscaleMode | None = None
    downscale_if_needed: EditImageFromUrlUpscaleDownscaleIfNeeded | None = None


@_group("virtual_model")
@attrs.frozen(kw_only=True)
class VirtualModel(_Group):
    """``virtualModel.*``: put a garment on an AI model in a scene.

    A preset (``model_preset_name``) excludes a custom model image, likewise for the scene.
    ``additional_product_images`` are 1 to 4 URLs (GET) or files (POST).
    """

    mode: Literal["ai.auto"] | None = None
    prompt: str | None = None
    pose: EditImageFromUrlVirtualModelPose | None = None
    quality: EditImageFromUrlVirtualModelQuality | None = None
    size: EditImageFromUrlVirtualModelSize | None = None
    model_preset_name: EditImageFromUrlVirtualModelModelPresetName | None = None
    model_custom_image_url: str | None = None
    model_custom_image_file: ImageInput | None = None
    scene_preset_name: EditImageFromUrlVirtualModelScenePresetName | None = None
    scene_custom_image_url: str | None = None
    scene_custom_image_file: ImageInput | None = None
    additional_product_images: Sequence[ImageInput] | None = None


class EditOptions(TypedDict, total=False):
    """Keyword options of ``edit()`` / ``batch_edit()``; see each group's class for its fields.

    Parameters without a dot in the API are plain keywords; ``group.field`` parameters are
    fields of the group's class. ``None`` means "not sent" (the server default applies).
    """

    remove_background: bool | None
    output_size: str | None
    padding: float | str | None
    padding_left: float | str | None
    padding_right: float | str | None
    padding_top: float | str | None
    padding_bottom: float | str | None
    margin: float | str | None
    margin_left: float | str | None
    margin_right: float | str | None
    margin_top: float | str | None
    margin_bottom: float | str | None
    max_width: float | None
    max_height: float | None
    scaling: EditImageFromUrlScaling | None
    horizontal_alignment: EditImageFromUrlHorizontalAlignment | None
    vertical_alignment: EditImageFromUrlVerticalAlignment | None
    reference_box: EditImageFromUrlReferenceBox | None
    keep_existing_alpha_channel: EditImageFromUrlKeepExistingAlphaChannel | None
    ignore_padding_and_snap_on_cropped_sides: bool | None
    preserve_metadata: EditImageFromUrlPreserveMetadata | None
    template_id: str | uuid.UUID | None
    background: Background | None
    beautify: Beautify | EditImageFromUrlBeautifyMode | None
    describe_any_change: DescribeAnyChange | None
    edit_with_ai: EditWithAI | None
    expand: Expand | Literal[True, "ai.auto"] | None
    export: Export | None
    flat_lay: FlatLay | Literal[True, "ai.auto"] | None
    ghost_mannequin: GhostMannequin | Literal[True, "ai.auto"] | None
    image_from_prompt: ImageFromPrompt | None
    ironing: Ironing | Literal[True, "ai.auto"] | None
    lighting: Lighting | EditImageFromUrlLightingMode | None
    outline: Outline | None
    segmentation: Segmentation | EditImageFromUrlSegmentationMode | None
    shadow: Shadow | EditImageFromUrlShadowMode | None
    text_removal: TextRemoval | EditImageFromUrlTextRemovalMode | None
    uncrop: Uncrop | Literal[True, "ai.auto"] | None
    upscale: Upscale | EditImageFromUrlUpscaleMode | None
    virtual_model: VirtualModel | Literal[True, "ai.auto"] | None
    layers: Mapping[str, Mapping[str, Any]] | None
    """By id: ``{"title": {"text": {"content": "Sale"}}}`` sends ``layers.title.text.content``."""
    additional_images: Mapping[str, ImageInput] | None
    """Reference images of ``editWithAI`` by id: URLs with an image URL, files with an upload."""


class RemoveBackgroundOptions(TypedDict, total=False):
    """Keyword options of ``remove_background()`` / ``batch_remove_background()``."""

    format: RemoveBackgroundPOSTParamsFormat | None
    channels: RemoveBackgroundPOSTParamsChannels | None
    bg_color: str | None
    size: RemoveBackgroundPOSTParamsSize | None
    crop: bool | None
    despill: bool | None
    as_json: bool
    """Ask for ``{"base64img": ...}`` JSON (decoded for you: the result is the same)."""


KEYED_OPTIONS: Final = ("layers", "additional_images")


def top_level_options() -> tuple[str, ...]:
    """``edit()`` keywords that map to one undotted API parameter each."""
    return tuple(
        name
        for name in EditOptions.__annotations__
        if name not in GROUPS and name not in KEYED_OPTIONS
    )


# ---------------------------------------------------------------------------------------------
# The table derived from the generated code.


@dataclasses.dataclass(frozen=True)
class EditParam:
    """One ``/v2/edit`` parameter as the client sees it."""

    name: str
    """Generated (snake case) name: ``background_blur_radius``."""
    api_name: str
    """Name on the wire: ``background.blur.radius``."""
    option: str
    """``edit()`` keyword that carries it: ``background``."""
    field: str | None
    """Field of the group class (``blur_radius``), ``None`` for top-level options."""
    get_type: Any
    """Annotation in the generated GET signature (without ``Unset``), ``None`` if GET lacks it."""
    post_type: Any
    """Annotation in the generated POST body (without ``Unset``), ``None`` if POST lacks it."""

    def annotation(self, method: str) -> Any:
        return self.get_type if method == "get" else self.post_type

    def accepts(self, method: str) -> Accepts:
        """What ``method`` takes for this parameter (worked out once, then reused by each call)."""
        return self._accepts_get if method == "get" else self._accepts_post

    @functools.cached_property
    def _accepts_get(self) -> Accepts:
        return Accepts.of(self.get_type)

    @functools.cached_property
    def _accepts_post(self) -> Accepts:
        return Accepts.of(self.post_type)

    @functools.cached_property
    def uploads_file(self) -> bool:
        """Whether the POST variant takes a file here (``…imageFile``)."""
        return _has_file(self.post_type)


@dataclasses.dataclass(frozen=True)
class Accepts:
    """An annotation taken apart: its ``Literal`` string values and its other member types."""

    literals: tuple[str, ...]
    plain: frozenset[Any]

    @classmethod
    def of(cls, annotation: Any) -> Accepts:
        return cls(literal_values(annotation), plain_types(annotation))


class _Probe:
    def __str__(self) -> str:
        return "__probe__"

    def to_tuple(self) -> tuple[None, bytes, None]:
        return (None, b"", None)


def _strip_unset(annotation: Any) -> Any:
    from photoroom_api.types import Unset

    args = [a for a in _union_args(annotation) if a is not Unset and a is not type(None)]
    if not args:
        return None
    return args[0] if len(args) == 1 else Union[tuple(args)]  # noqa: UP007


def _union_args(annotation: Any) -> tuple[Any, ...]:
    if typing.get_origin(annotation) in (Union, types.UnionType):
        out: list[Any] = []
        for arg in typing.get_args(annotation):
            out.extend(_union_args(arg))
        return tuple(out)
    return (annotation,)


def literal_values(annotation: Any) -> tuple[str, ...]:
    """The string values of every ``Literal`` in ``annotation`` (``typing.get_args``)."""
    values: list[str] = []
    for arg in _union_args(annotation):
        if typing.get_origin(arg) is Literal:
            values.extend(v for v in typing.get_args(arg) if isinstance(v, str))
    return tuple(values)


def plain_types(annotation: Any) -> frozenset[Any]:
    """The non-Literal members of ``annotation`` (``float``, ``str``, ``bool``, ``list[...]``)."""
    return frozenset({a for a in _union_args(annotation) if typing.get_origin(a) is not Literal})


def _has_file(annotation: Any) -> bool:
    from photoroom_api.types import File

    for arg in _union_args(annotation):
        if arg is File or (typing.get_origin(arg) is list and File in typing.get_args(arg)):
            return True
    return False


@functools.cache
def edit_table() -> dict[str, EditParam]:
    """Every ``/v2/edit`` parameter but the main image, by generated name (built once)."""
    from photoroom_api.api.image_editing import edit_image_from_url
    from photoroom_api.models.edit_image_upload_body import EditImageUploadBody

    get_types = {
        name: _strip_unset(p.annotation)
        for name, p in inspect.signature(edit_image_from_url._get_kwargs).parameters.items()
    }
    post_types = {
        name: _strip_unset(t)
        for name, t in typing.get_type_hints(EditImageUploadBody).items()
        if name != "additional_properties"
    }
    top = set(top_level_options())
    table: dict[str, EditParam] = {}
    for name in sorted(set(get_types) | set(post_types)):
        if name in ("image_url", "image_file"):
            continue
        api_name = _api_name(name, get_types.get(name), post_types.get(name))
        option, field = _locate(name, top)
        table[name] = EditParam(
            name, api_name, option, field, get_types.get(name), post_types.get(name)
        )
    return table


def _api_name(name: str, get_type: Any, post_type: Any) -> str:
    """Ask the generated code which wire name it gives parameter ``name``."""
    from photoroom_api.api.image_editing import edit_image_from_url
    from photoroom_api.models.edit_image_upload_body import EditImageUploadBody

    probe: Any = _Probe()
    if get_type is not None:
        kwargs: dict[str, Any] = {name: probe}
        params = edit_image_from_url._get_kwargs(**kwargs)["params"]
        (api_name,) = params
        return str(api_name)
    body: dict[str, Any] = {name: [probe] if typing.get_origin(post_type) is list else probe}
    (part,) = EditImageUploadBody(**body).to_multipart()
    return part[0]


def _locate(name: str, top: set[str]) -> tuple[str, str | None]:
    if name in top:
        return name, None
    for option in sorted(GROUPS, key=len, reverse=True):
        prefix = option + "_"
        if name.startswith(prefix) and name[len(prefix) :] in attrs.fields_dict(GROUPS[option]):
            return option, name[len(prefix) :]
    raise LookupError(
        f"the generated client has a /v2/edit parameter {name!r} that photoroom does not expose"
    )


# ---------------------------------------------------------------------------------------------
# Validation and translation.


@dataclasses.dataclass
class EditRequest:
    """A validated edit: which operation, its generated keyword arguments, and keyed leaves."""

    method: Literal["get", "post"]
    generated: dict[str, Any]
    keyed: list[tuple[str, Any]]


def _close_matches(word: str, candidates: Sequence[str], n: int = 1) -> list[str]:
    import difflib  # only needed to word an error

    return difflib.get_close_matches(word, candidates, n=n)


def _is_number(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def _fmt(value: object) -> str:
    return repr(value) if isinstance(value, str) else str(value)


def check_color(api_name: str, value: object) -> str:
    """A hex colour (with or without ``#``, 3/4/6/8 digits), a colour name, or ``transparent``."""
    if not isinstance(value, str):
        raise InvalidOptionError(api_name, f"expected a colour string, got {type(value).__name__}")
    text = value.strip()
    if _HEX_COLOR.fullmatch(text) or (_COLOR_NAME.fullmatch(text) and not text.startswith("#")):
        return text
    raise InvalidOptionError(
        api_name,
        f"{value!r} is not a colour (expected hex like FFFFFF or #FF0000EE, or a name like white)",
    )


def _check_constraints(api_name: str, value: Any, schema: Mapping[str, Any]) -> None:
    if _is_number(value):
        if "minimum" in schema and value < schema["minimum"]:
            raise InvalidOptionError(api_name, f"{value} is below the minimum {schema['minimum']}")
        if "exclusiveMinimum" in schema and value <= schema["exclusiveMinimum"]:
            raise InvalidOptionError(
                api_name, f"{value} must be greater than {schema['exclusiveMinimum']}"
            )
        if "maximum" in schema and value > schema["maximum"]:
            raise InvalidOptionError(api_name, f"{value} is above the maximum {schema['maximum']}")
        if "exclusiveMaximum" in schema and value >= schema["exclusiveMaximum"]:
            raise InvalidOptionError(
                api_name, f"{value} must be less than {schema['exclusiveMaximum']}"
            )
    if isinstance(value, str):
        if "minLength" in schema and len(value) < schema["minLength"]:
            raise InvalidOptionError(api_name, "must not be empty")
        if "pattern" in schema and not re.search(schema["pattern"], value):
            hint = (
                " (expected auto, WIDTHxHEIGHT, originalImage or croppedSubject)"
                if api_name == "outputSize"
                else ""
            )
            raise InvalidOptionError(
                api_name, f"{value!r} does not match {schema['pattern']}{hint}"
            )
    if isinstance(value, list):
        if "minItems" in schema and len(value) < schema["minItems"]:
            raise InvalidOptionError(api_name, f"needs at least {schema['minItems']} item(s)")
        if "maxItems" in schema and len(value) > schema["maxItems"]:
            raise InvalidOptionError(
                api_name, f"takes at most {schema['maxItems']} items, got {len(value)}"
            )


def check_spacing(api_name: str, value: object) -> float | str:
    """``padding``/``margin``: a ratio < 0.5, or ``"0.3"``, ``"30%"`` (< 50 %), ``"100px"``."""
    if _is_number(value):
        assert isinstance(value, (int, float))
        if 0 <= value < 0.5:
            return value
    elif isinstance(value, str) and _SPACING_PATTERN.fullmatch(value.strip()):
        return value.strip()
    raise InvalidOptionError(
        api_name,
        f"{_fmt(value)} is not a ratio below 0.5 (0.1), a percentage below 50% ('10%') "
        "or a pixel size ('40px')",
    )


def _check_url(api_name: str, value: object) -> str:
    if isinstance(value, str) and value.lower().startswith(("http://", "https://")):
        return value
    raise InvalidOptionError(api_name, f"expected an http(s) URL, got {_fmt(value)}")


def _file_value(api_name: str, value: object) -> Any:
    loaded = load_image(value, parameter=api_name)
    if isinstance(loaded, str):
        raise InvalidOptionError(
            api_name,
            "a URL cannot be sent with an uploaded image (POST takes files); "
            "pass the image as a path, bytes or file object",
        )
    return loaded.to_file()


_KIND_NAMES: Final[Mapping[Any, str]] = {float: "a number", str: "a string", bool: "True or False"}


def _needs_post(param: EditParam, value: Any) -> bool:
    """Whether sending ``value`` for ``param`` takes the upload (POST) variant."""
    if param.get_type is None:
        return True
    if not param.uploads_file:
        return False
    values = (
        value if isinstance(value, Sequence) and not isinstance(value, (str, bytes)) else [value]
    )
    return any(not is_url(item) for item in values)


def _convert(param: EditParam, value: Any, method: str) -> Any:
    """Check ``value`` against the generated annotation and the spec; return what to pass."""
    api = param.api_name
    annotation = param.annotation(method)
    if annotation is None:
        other = (
            "an uploaded image (POST, image given as a file)"
            if method == "get"
            else "an image URL (GET)"
        )
        raise InvalidOptionError(api, f"is only accepted together with {other}")
    accepts = param.accepts(method)
    literals, plain = accepts.literals, accepts.plain
    from photoroom_api.types import File

    if File in plain:
        return _file_value(api, value)
    list_types = [t for t in plain if typing.get_origin(t) is list]
    if list_types:
        if isinstance(value, (str, bytes)) or not isinstance(value, Sequence):
            raise InvalidOptionError(api, f"expected a list, got {type(value).__name__}")
        (item_type,) = typing.get_args(list_types[0])
        items = [
            _file_value(api, item) if item_type is File else _check_url(api, item) for item in value
        ]
        _check_constraints(api, items, SPEC_CONSTRAINTS.get(api, {}))
        return items
    if api in SPACING_PARAMETERS:
        return check_spacing(api, value)
    if bool in plain:
        if not isinstance(value, bool):
            raise InvalidOptionError(api, f"expected True or False, got {_fmt(value)}")
        return value
    if uuid.UUID in plain:
        if isinstance(value, uuid.UUID):
            return value
        try:
            return uuid.UUID(str(value))
        except ValueError:
            raise InvalidOptionError(api, f"{_fmt(value)} is not a UUID") from None
    if isinstance(value, str) and literals:
        if value in literals:
            return value
        if str not in plain:
            hint = _close_matches(value, literals, n=1)
            suggestion = f" (did you mean {hint[0]!r}?)" if hint else ""
            raise InvalidOptionError(
                api, f"{value!r} is not one of {', '.join(literals)}{suggestion}"
            )
    if float in plain and _is_number(value):
        _check_constraints(api, value, SPEC_CONSTRAINTS.get(api, {}))
        return value
    if str in plain and isinstance(value, str):
        if api in COLOR_PARAMETERS:
            return check_color(api, value)
        if api.endswith("imageUrl"):
            return _check_url(api, value)
        _check_constraints(api, value, SPEC_CONSTRAINTS.get(api, {}))
        return value
    kinds = [f"one of {', '.join(literals)}"] if literals else []
    kinds += [_KIND_NAMES.get(t, str(t)) for t in plain]
    expected = " or ".join(kinds)
    raise InvalidOptionError(api, f"expected {expected}, got {_fmt(value)}")


def _group_values(option: str, value: Any) -> dict[str, Any]:
    """Field values of a group option (instance, mode shorthand or ``True``)."""
    cls = GROUPS[option]
    fields = attrs.fields_dict(cls)
    if isinstance(value, cls):
        values = {name: getattr(value, name) for name in fields}
    elif value is True or isinstance(value, str):
        if "mode" not in fields:
            raise InvalidOptionError(option, f"expected a {cls.__name__}(...), got {_fmt(value)}")
        values = {name: None for name in fields}
        values["mode"] = None if value is True else value
    else:
        raise InvalidOptionError(
            option, f"expected a {cls.__name__}(...), got {type(value).__name__}"
        )
    if "mode" in fields and values["mode"] is None:
        # A mode with a single allowed value (ai.auto) is implied by using the feature at all.
        param = edit_table()[f"{option}_mode"]
        allowed = literal_values(param.get_type or param.post_type)
        if len(allowed) == 1:
            values["mode"] = allowed[0]
        elif value is True:
            raise InvalidOptionError(
                param.api_name, f"choose a mode: {', '.join(allowed)} ({option}=True is ambiguous)"
            )
    return values


def _unknown_option(name: str, valid: Sequence[str], where: str) -> TypeError:
    hint = _close_matches(name, valid, n=1)
    suggestion = f" (did you mean {hint[0]!r}?)" if hint else ""
    return TypeError(f"{where} got an unexpected keyword argument {name!r}{suggestion}")


@functools.cache
def _edit_params_by_option() -> dict[tuple[str, str | None], EditParam]:
    """The parameters of :func:`edit_table` by (option, group field)."""
    return {(p.option, p.field): p for p in edit_table().values()}


def build_edit(image: object, options: Mapping[str, Any]) -> EditRequest:
    """Validate ``edit()`` arguments and translate them to the generated GET or POST call."""
    for name in options:
        if name not in EditOptions.__annotations__:
            raise _unknown_option(name, list(EditOptions.__annotations__), "edit()")
    by_option = _edit_params_by_option()

    # Flatten to (param, value) pairs first: the method depends on whether any file is present.
    chosen: list[tuple[EditParam, Any]] = []
    for option, value in options.items():
        if value is None or option in KEYED_OPTIONS:
            continue
        if option in GROUPS:
            for field, field_value in _group_values(option, value).items():
                if field_value is not None:
                    chosen.append((by_option[(option, field)], field_value))
        else:
            chosen.append((by_option[(option, None)], value))

    main = None if image is None else load_image(image, parameter="image")
    has_files = any(_needs_post(p, v) for p, v in chosen) or _keyed_has_files(options)
    method: Literal["get", "post"]
    if isinstance(main, str):
        method = "get"
    elif main is not None:
        method = "post"
    else:
        method = "post" if has_files else "get"
    if method == "get" and has_files:
        raise InvalidOptionError(
            "image",
            "file options (…imageFile) need the image as a file too: the URL endpoint (GET) "
            "cannot carry files; download the image or pass URLs for the other images",
        )

    sent = {param.api_name for param, _ in chosen}
    for group in MUTUALLY_EXCLUSIVE:
        present = [name for name in group if name in sent]
        if len(present) > 1:
            raise InvalidOptionError(
                present[0], f"cannot be combined with {', '.join(present[1:])}"
            )
    generated = {param.name: _convert(param, value, method) for param, value in chosen}
    if isinstance(main, str):
        generated["image_url"] = main
    elif isinstance(main, ImageBytes):
        generated["image_file"] = main.to_file()

    keyed = [
        *_flatten_layers(options.get("layers"), method),
        *_flatten_additional_images(options.get("additional_images"), method),
    ]
    return EditRequest(method, generated, keyed)


def _keyed_has_files(options: Mapping[str, Any]) -> bool:
    images = options.get("additional_images") or {}
    if isinstance(images, Mapping) and any(not is_url(v) for v in images.values()):
        return True
    layers = options.get("layers") or {}
    if isinstance(layers, Mapping):
        for spec in layers.values():
            if isinstance(spec, Mapping):
                for path, _ in _walk(spec, ""):
                    if _normalise(path) == _normalise("image.imageFile"):
                        return True
    return False


def _walk(value: Mapping[str, Any], prefix: str) -> Iterator[tuple[str, Any]]:
    for key, item in value.items():
        path = f"{prefix}.{key}" if prefix else str(key)
        if isinstance(item, Mapping):
            yield from _walk(item, path)
        else:
            yield path, item


def _normalise(path: str) -> str:
    return path.replace("_", "").lower()


def _check_key(where: str, key: object) -> str:
    if not isinstance(key, str) or not _KEY_RE.fullmatch(key):
        raise InvalidOptionError(
            f"{where}.{key}",
            f"the id {key!r} must match {KEYED_KEY_PATTERN} (letters, digits, _ and -)",
        )
    return key


def _check_leaf(api_name: str, value: Any, schema: Mapping[str, Any]) -> Any:
    if schema.get("format") == "binary":
        return _file_value(api_name, value).to_tuple()
    if "anyOf" in schema:
        if _is_number(value) or isinstance(value, str):
            return value
        raise InvalidOptionError(api_name, f"expected a number or a string, got {_fmt(value)}")
    if schema.get("type") == "number":
        if not _is_number(value):
            raise InvalidOptionError(api_name, f"expected a number, got {_fmt(value)}")
        return value
    if not isinstance(value, str):
        raise InvalidOptionError(api_name, f"expected a string, got {_fmt(value)}")
    if "enum" in schema and value not in schema["enum"]:
        raise InvalidOptionError(api_name, f"{value!r} is not one of {', '.join(schema['enum'])}")
    if schema.get("format") == "uri":
        return _check_url(api_name, value)
    if api_name.endswith("Color"):
        return check_color(api_name, value)
    _check_constraints(api_name, value, schema)
    return value


def layer_leaves(method: str) -> dict[str, Mapping[str, Any]]:
    """Leaves of ``layers.{key}.`` accepted by the GET or POST variant."""
    return {**LAYER_LEAVES, **(LAYER_POST_ONLY_LEAVES if method == "post" else {})}


def _flatten_layers(layers: object, method: str) -> list[tuple[str, Any]]:
    if layers is None:
        return []
    if not isinstance(layers, Mapping):
        raise InvalidOptionError(
            "layers", f"expected a mapping of layer id to layer, got {type(layers).__name__}"
        )
    leaves = layer_leaves(method)
    by_normal = {_normalise(name): name for name in leaves}
    out: list[tuple[str, Any]] = []
    for key, spec in layers.items():
        _check_key("layers", key)
        if not isinstance(spec, Mapping):
            raise InvalidOptionError(
                f"layers.{key}",
                "expected a mapping like {'text': {'content': ...}}, "
                f"got {type(spec).__name__}",
            )
        for path, value in _walk(spec, ""):
            leaf = by_normal.get(_normalise(path))
            if leaf is None:
                other = layer_leaves("post" if method == "get" else "get")
                if _normalise(path) in {_normalise(n) for n in other}:
                    raise InvalidOptionError(
                        f"layers.{key}.{path}",
                        "is only accepted together with an uploaded image (POST)",
                    )
                hint = _close_matches(path, list(leaves), n=1)
                suggestion = f" (did you mean {hint[0]!r}?)" if hint else ""
                raise InvalidOptionError(
                    f"layers.{key}.{path}", f"is not a layer property{suggestion}"
                )
            if value is None:
                continue
            name = f"layers.{key}.{leaf}"
            out.append((name, _check_leaf(name, value, leaves[leaf])))
    return out


def _flatten_additional_images(images: object, method: str) -> list[tuple[str, Any]]:
    if images is None:
        return []
    if not isinstance(images, Mapping):
        raise InvalidOptionError(
            "additional_images", f"expected a mapping of id to image, got {type(images).__name__}"
        )
    leaf, schema = ADDITIONAL_IMAGE_LEAF[method]
    out: list[tuple[str, Any]] = []
    for key, value in images.items():
        _check_key("editWithAI.additionalImages", key)
        name = f"editWithAI.additionalImages.{key}.{leaf}"
        out.append((name, _check_leaf(name, value, schema)))
    return out


# ---------------------------------------------------------------------------------------------
# remove_background


@functools.cache
def remove_background_fields() -> dict[str, tuple[str, Any]]:
    """``remove_background()`` keyword -> (generated body field, annotation without Unset)."""
    from photoroom_api.models.remove_background_post_params import RemoveBackgroundPOSTParams

    hints = typing.get_type_hints(RemoveBackgroundPOSTParams)
    out: dict[str, tuple[str, Any]] = {}
    for option in RemoveBackgroundOptions.__annotations__:
        if option == "as_json":
            continue
        # The generator appends "_" to names that shadow builtins (format -> format_).
        field = option if option in hints else option + "_"
        out[option] = (field, _strip_unset(hints[field]))
    return out


def build_remove_background(options: Mapping[str, Any]) -> dict[str, Any]:
    """Validate ``remove_background()`` options; return ``RemoveBackgroundPOSTParams`` kwargs."""
    fields = remove_background_fields()
    body: dict[str, Any] = {}
    for option, value in options.items():
        if option == "as_json":
            continue
        if option not in fields:
            raise _unknown_option(option, [*fields, "as_json"], "remove_background()")
        if value is None:
            continue
        field, annotation = fields[option]
        literals = literal_values(annotation)
        if set(literals) == {"true", "false"}:
            if isinstance(value, bool):
                value = "true" if value else "false"
            elif value not in literals:
                raise InvalidOptionError(option, f"expected True or False, got {_fmt(value)}")
        elif literals:
            if value not in literals:
                raise InvalidOptionError(
                    option, f"{_fmt(value)} is not one of {', '.join(literals)}"
                )
        elif option == "bg_color":
            value = check_color(option, value)
        body[field] = value
    return body
