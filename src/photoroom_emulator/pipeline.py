"""From validated parameters to encoded bytes and response headers, through the imaging core.

It reads which features a request asks for by their wire names (through :mod:`photoroom.spec`)
and gets each feature's typed options from the wire adapter (:mod:`.adapter`); the imaging core
it calls knows no parameter name.
CPU work runs in a worker thread so the event loop keeps serving other requests. Any
:class:`~.imaging.errors.ImagingError` becomes the caller's 400.

``/v2/edit`` runs, in order: the input (decoded upload or URL, or ``imageFromPrompt``), whole-photo
edits (text removal, editWithAI/describeAnyChange, relight, beautify, ironing, upscale),
segmentation, then either a staged generative result (flatLay, ghostMannequin, virtualModel, which
produce their own canvas) or layout + composition (background colour / image / AI prompt, blur,
shadow, outline), then expand / uncrop, the sandbox watermark and encoding.

With processing off (``PHOTOROOM_EMULATOR_PROCESSING=off``) nothing is decoded beyond the image
header: the answer is a cached blank image of the asked size and format after the configured
latency.
"""

from __future__ import annotations

import base64
import io
import math
import threading
from collections import OrderedDict
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Final, TypeVar

import anyio
from PIL import Image
from starlette.concurrency import run_in_threadpool
from starlette.responses import Response

from photoroom.spec import (
    EDIT_BY_UPLOAD,
    EDIT_BY_URL,
    REMOVE_BACKGROUND,
    ImageEditing,
    RemoveBackground,
    UploadLimits,
    limits_of,
    operation,
)

from . import adapter
from .config import EmulatorConfig
from .errors import bad_request
from .imaging import generative
from .imaging.colors import parse_color
from .imaging.compose import BlurOptions, ComposeOptions, OutlineOptions, compose
from .imaging.decode import load_image, sniff_format
from .imaging.encode import DEFAULT_MEDIA_TYPE, encode, watermark
from .imaging.errors import ImageInputError, ImagingError
from .imaging.layout import CroppedSides, compute_layout, cropped_sides
from .imaging.segment_options import render_segment_output
from .imaging.segmentation import Mask, apply_alpha, detect_person, segment
from .validation import Params

T = TypeVar("T")

MB: Final = 1024 * 1024
SEGMENT_OPERATION: Final = REMOVE_BACKGROUND
EDIT_OPERATION: Final = EDIT_BY_UPLOAD
# Size of a blank answer when nothing says otherwise (processing off, image passed by URL).
BLANK_DEFAULT_SIZE: Final = (1000, 1000)
BLANK_CACHE_SIZE: Final = 64
#: The image inputs of the edit operations, upload first (the table's ``image``).
MAIN_IMAGE_FIELDS: Final = operation(EDIT_BY_UPLOAD).image + operation(EDIT_BY_URL).image
BACKGROUND_IMAGE_FIELDS: Final = (
    ImageEditing.BACKGROUND_IMAGE_FILE,
    ImageEditing.BACKGROUND_IMAGE_URL,
)


@dataclass(frozen=True)
class StagedFeature:
    """A feature that makes a whole new canvas (flat lay, ghost mannequin, virtual model)."""

    mode: str
    size: str
    prompt: str
    quality: str | None = None


STAGED: Final = (
    StagedFeature(
        ImageEditing.FLAT_LAY_MODE, ImageEditing.FLAT_LAY_SIZE, ImageEditing.FLAT_LAY_PROMPT
    ),
    StagedFeature(
        ImageEditing.GHOST_MANNEQUIN_MODE,
        ImageEditing.GHOST_MANNEQUIN_SIZE,
        ImageEditing.GHOST_MANNEQUIN_PROMPT,
    ),
    StagedFeature(
        ImageEditing.VIRTUAL_MODEL_MODE,
        ImageEditing.VIRTUAL_MODEL_SIZE,
        ImageEditing.VIRTUAL_MODEL_PROMPT,
        ImageEditing.VIRTUAL_MODEL_QUALITY,
    ),
)
#: Prompt-driven edits of the whole photo: (prompt, seed).
PROMPTED_EDITS: Final = (
    (ImageEditing.EDIT_WITH_AI_PROMPT, ImageEditing.EDIT_WITH_AI_SEED),
    (ImageEditing.DESCRIBE_ANY_CHANGE_PROMPT, ImageEditing.DESCRIBE_ANY_CHANGE_SEED),
)
#: keepExistingAlphaChannel: whether the upload's own alpha is the mask; a value with no entry
#: (``never``, or one upstream adds) segments the photo.
KEEP_EXISTING_ALPHA: Final = {"auto": True}
#: What the virtual model is told when a custom model or scene image is given.
CUSTOM: Final = "custom"


@dataclass
class ImageResult:
    """An encoded image answer and the headers that describe it."""

    content: bytes
    media_type: str
    headers: dict[str, str] = field(default_factory=dict)

    def response(self, extra: Mapping[str, str] | None = None) -> Response:
        return Response(
            self.content, media_type=self.media_type, headers={**self.headers, **(extra or {})}
        )

    def base64_body(self) -> dict[str, str]:
        """The ``Accept: application/json`` form of a segment answer."""
        return {"base64img": base64.b64encode(self.content).decode("ascii")}


class Pipeline:
    """Runs the imaging for the routes; holds the blank-image cache of processing-off mode."""

    def __init__(self, config: EmulatorConfig) -> None:
        self._config = config
        self._blanks: OrderedDict[tuple[int, int, str, bool], tuple[bytes, str]] = OrderedDict()
        self._blank_lock = threading.Lock()

    # --- /v1/segment -----------------------------------------------------------------------------

    async def remove_background(self, data: bytes, params: Params, *, sandbox: bool) -> ImageResult:
        if not self._config.processing:
            size = _header_size(data, RemoveBackground.IMAGE_FILE, limits_of(SEGMENT_OPERATION))
            result = await self._blank(size, output_media_type(SEGMENT_OPERATION, params), sandbox)
            return ImageResult(result[0], result[1], {"x-uncertainty-score": "0"})
        return await _in_thread(lambda: _segment(data, params, sandbox))

    # --- /v2/edit --------------------------------------------------------------------------------

    async def edit(
        self, images: Mapping[str, list[bytes]], params: Params, *, sandbox: bool
    ) -> ImageResult:
        return await _in_thread(lambda: _edit(images, params, sandbox))

    async def blank_edit(
        self, params: Params, uploads: Mapping[str, list[bytes]], *, sandbox: bool
    ) -> ImageResult:
        """Processing-off answer: blank image of the requested size (see module docstring)."""
        size = _requested_size(params)
        if size is None:
            main = next((uploads[name][0] for name in MAIN_IMAGE_FIELDS if uploads.get(name)), None)
            limits = limits_of(EDIT_OPERATION)
            size = (
                _header_size(main, ImageEditing.IMAGE_FILE, limits) if main else BLANK_DEFAULT_SIZE
            )
        content, media_type = await self._blank(
            size, output_media_type(EDIT_OPERATION, params), sandbox
        )
        return ImageResult(content, media_type, {"x-uncertainty-score": "0"})

    async def _blank(self, size: tuple[int, int], fmt: str, sandbox: bool) -> tuple[bytes, str]:
        if self._config.latency_ms:
            await anyio.sleep(self._config.latency_ms / 1000)
        key = (size[0], size[1], fmt, sandbox)
        with self._blank_lock:
            cached = self._blanks.get(key)
            if cached is not None:
                self._blanks.move_to_end(key)
                return cached
        encoded = await _in_thread(lambda: _blank_image(size, fmt, sandbox))
        with self._blank_lock:
            self._blanks[key] = encoded
            while len(self._blanks) > BLANK_CACHE_SIZE:
                self._blanks.popitem(last=False)
        return encoded


async def _in_thread(work: Callable[[], T]) -> T:
    """Run CPU-bound imaging off the event loop, turning imaging errors into 400s."""

    try:
        return await run_in_threadpool(work)
    except ImageInputError as exc:
        raise bad_request(str(exc), type="invalid_image") from None
    except ImagingError as exc:
        raise bad_request(str(exc), type="invalid_parameter") from None


# --- segment -------------------------------------------------------------------------------------


def _segment(data: bytes, params: Params, sandbox: bool) -> ImageResult:
    options = adapter.segment_options(params.values)
    image = _load(data, RemoveBackground.IMAGE_FILE, SEGMENT_OPERATION)
    mask = segment(image, use_existing_alpha=True)
    output = render_segment_output(image, mask, options)
    if sandbox:
        output = watermark(output)
    content, media_type = encode(output, output_media_type(SEGMENT_OPERATION, params))
    headers = {"x-uncertainty-score": _uncertainty(image, mask.uncertainty)}
    return ImageResult(content, media_type, headers)


# --- edit ----------------------------------------------------------------------------------------


def _edit(images: Mapping[str, list[bytes]], params: Params, sandbox: bool) -> ImageResult:
    headers: dict[str, str] = {}
    image = _main_image(images, params, headers)
    image = _photo_edits(image, params, headers)

    remove_background = params.get(ImageEditing.REMOVE_BACKGROUND, True) is not False
    needs_mask = remove_background or any(
        params.given(name)
        for name in (
            ImageEditing.SHADOW_MODE,
            ImageEditing.OUTLINE_COLOR,
            ImageEditing.BACKGROUND_BLUR_MODE,
        )
    )
    mask: Mask | None = None
    if needs_mask:
        keep = KEEP_EXISTING_ALPHA.get(str(params.get(ImageEditing.KEEP_EXISTING_ALPHA_CHANNEL)))
        mask = segment(image, use_existing_alpha=bool(keep))
        headers["x-uncertainty-score"] = _uncertainty(image, mask.uncertainty)

    staged = _staged(image, mask, params)
    canvas = staged if staged is not None else _composed(image, mask, params, images, headers)

    if params.given(ImageEditing.EXPAND_MODE):
        canvas = generative.fill_transparent(canvas)
    if params.given(ImageEditing.UNCROP_MODE):
        sides = cropped_sides(mask.alpha) if mask is not None else _no_sides()
        uncropped = generative.uncrop(canvas, sides)
        # An explicit output size is the size of the answer: uncrop then shows more around the
        # subject inside that frame instead of growing it.
        if any(
            params.given(name)
            for name in (ImageEditing.OUTPUT_SIZE, ImageEditing.MAX_WIDTH, ImageEditing.MAX_HEIGHT)
        ):
            uncropped = uncropped.resize(canvas.size, Image.Resampling.LANCZOS)
        canvas = uncropped
    if sandbox:
        canvas = watermark(canvas)
    dpi = params.get(ImageEditing.EXPORT_DPI)
    content, media_type = encode(
        canvas, output_media_type(EDIT_OPERATION, params), dpi=float(dpi) if dpi else None
    )
    return ImageResult(content, media_type, headers)


def _main_image(
    images: Mapping[str, list[bytes]], params: Params, headers: dict[str, str]
) -> Image.Image:
    prompt = params.get(ImageEditing.IMAGE_FROM_PROMPT_PROMPT)
    if prompt:
        seed = generative.seed_for(
            prompt, params.get(ImageEditing.IMAGE_FROM_PROMPT_SEED), salt="imageFromPrompt"
        )
        headers["pr-ai-background-seed"] = _seed_header(seed)
        size = params.get(
            ImageEditing.IMAGE_FROM_PROMPT_SIZE
        )  # no server default: the generator's own
        return generative.image_from_prompt(prompt, _str(size), seed).convert("RGBA")
    for name in MAIN_IMAGE_FIELDS:
        if images.get(name):
            return _load(images[name][0], name)
    raise bad_request("imageFile must be provided", type="missing_image")


def _photo_edits(image: Image.Image, params: Params, headers: dict[str, str]) -> Image.Image:
    """Edits of the whole photo, before the subject is cut out."""

    if mode := params.get(ImageEditing.TEXT_REMOVAL_MODE):
        image, count = generative.remove_text(image, str(mode))
        headers["pr-texts-detected"] = str(count)
    for prompt_name, seed_name in PROMPTED_EDITS:
        # The prompt is what asks for the change; a mode alone has nothing to apply.
        if prompt := params.get(prompt_name):
            image = generative.edit_with_ai(image, str(prompt), _int(params.get(seed_name)))
    if mode := params.get(ImageEditing.LIGHTING_MODE):
        image = generative.relight(image, str(mode))
    if mode := params.get(ImageEditing.BEAUTIFY_MODE):
        image = generative.beautify(image, str(mode), _int(params.get(ImageEditing.BEAUTIFY_SEED)))
    if params.given(ImageEditing.IRONING_MODE):
        image = generative.iron(image)
    if mode := params.get(ImageEditing.UPSCALE_MODE):
        limits = limits_of(EDIT_OPERATION)  # the largest output is the largest input
        image = generative.upscale(
            image,
            str(mode),
            _str(params.get(ImageEditing.UPSCALE_DOWNSCALE_IF_NEEDED)),
            max_side=limits.max_side,
            max_pixels=limits.max_pixels,
        )
    return image.convert("RGBA")


def _staged(image: Image.Image, mask: Mask | None, params: Params) -> Image.Image | None:
    """flatLay / ghostMannequin / virtualModel: a whole new canvas around the cut-out."""

    feature = next((f for f in STAGED if params.given(f.mode)), None)
    if feature is None:
        return None
    cutout = apply_alpha(image, mask.alpha) if mask is not None else image
    prompt = params.get(feature.prompt)
    size = str(params.get(feature.size))
    if feature.mode == ImageEditing.FLAT_LAY_MODE:
        return generative.flat_lay(cutout, size, prompt)
    if feature.mode == ImageEditing.GHOST_MANNEQUIN_MODE:
        return generative.ghost_mannequin(cutout, size, prompt)
    custom = [
        ImageEditing.VIRTUAL_MODEL_MODEL_CUSTOM_IMAGE_URL,
        ImageEditing.VIRTUAL_MODEL_MODEL_CUSTOM_IMAGE_FILE,
    ]
    scenes = [
        ImageEditing.VIRTUAL_MODEL_SCENE_CUSTOM_IMAGE_URL,
        ImageEditing.VIRTUAL_MODEL_SCENE_CUSTOM_IMAGE_FILE,
    ]
    model = CUSTOM if any(params.given(name) for name in custom) else None
    scene = CUSTOM if any(params.given(name) for name in scenes) else None
    return generative.virtual_model(
        cutout,
        size,
        str(params.get(ImageEditing.VIRTUAL_MODEL_QUALITY)),
        prompt,
        model=model or str(params.get(ImageEditing.VIRTUAL_MODEL_MODEL_PRESET_NAME)),
        scene=scene or str(params.get(ImageEditing.VIRTUAL_MODEL_SCENE_PRESET_NAME)),
        pose=str(params.get(ImageEditing.VIRTUAL_MODEL_POSE)),
    )


def _composed(
    image: Image.Image,
    mask: Mask | None,
    params: Params,
    images: Mapping[str, list[bytes]],
    headers: dict[str, str],
) -> Image.Image:
    """Layout and composition: the usual ``/v2/edit`` result."""

    remove_background = params.get(ImageEditing.REMOVE_BACKGROUND, True) is not False
    options = adapter.layout_options(params.values, limits_of(EDIT_OPERATION))
    if remove_background and mask is not None:
        placement = compute_layout(image.size, mask.bbox(), mask.cropped_sides(), options)
    else:
        placement = compute_layout(image.size, None, _no_sides(), options)

    background_image = None
    for name in BACKGROUND_IMAGE_FIELDS:
        if images.get(name):
            background_image = _load(images[name][0], name)
    if prompt := params.get(ImageEditing.BACKGROUND_PROMPT):
        seed = generative.seed_for(
            prompt, params.get(ImageEditing.BACKGROUND_SEED), salt="background"
        )
        headers["pr-ai-background-seed"] = _seed_header(seed)
        background_image = generative.generate_background(placement.canvas_size, prompt, seed)

    color = str(params.get(ImageEditing.BACKGROUND_COLOR))  # the server default when not sent
    blur = None
    if mode := params.get(ImageEditing.BACKGROUND_BLUR_MODE):
        blur = BlurOptions(mode=mode, radius=float(params.get(ImageEditing.BACKGROUND_BLUR_RADIUS)))
    outline = None
    if outline_color := params.get(ImageEditing.OUTLINE_COLOR):
        outline = OutlineOptions(
            color=parse_color(str(outline_color), parameter=ImageEditing.OUTLINE_COLOR),
            width=float(params.get(ImageEditing.OUTLINE_WIDTH)),
            blur_radius=float(params.get(ImageEditing.OUTLINE_BLUR_RADIUS)),
        )
    compose_options = ComposeOptions(
        remove_background=remove_background,
        background_color=parse_color(color, parameter=ImageEditing.BACKGROUND_COLOR),
        background_image=background_image,
        background_scaling=str(params.get(ImageEditing.BACKGROUND_SCALING)),
        blur=blur,
        outline=outline,
        shadow=adapter.shadow_options(params.values),
    )
    return compose(image, mask.alpha if mask is not None else None, placement, compose_options)


# --- processing off ------------------------------------------------------------------------------


def _requested_size(params: Params) -> tuple[int, int] | None:
    """The output size the parameters fix on their own, without looking at the image."""
    output_size = str(params.get(ImageEditing.OUTPUT_SIZE) or "")
    if "x" in output_size:
        width, _, height = output_size.partition("x")
        if width.isdigit() and height.isdigit() and int(width) > 0 and int(height) > 0:
            return (int(width), int(height))

    for feature in STAGED:
        if params.given(feature.mode):
            quality = params.get(feature.quality) if feature.quality else None
            size = str(params.get(feature.size))
            return generative.preset_size(size, _str(quality))
    if params.given(ImageEditing.IMAGE_FROM_PROMPT_PROMPT):
        return generative.image_from_prompt_size(
            _str(params.get(ImageEditing.IMAGE_FROM_PROMPT_SIZE))
        )
    return None


def _load(data: bytes, name: str, operation_id: str = EDIT_OPERATION) -> Image.Image:
    """Decode an upload within the operation's limits (``x-photoroom-limits``; 400 if over)."""
    limits = limits_of(operation_id)
    return load_image(
        data,
        max_bytes=limits.max_bytes,
        max_side=limits.max_side,
        max_pixels=limits.max_pixels,
        name=name,
    )


def _header_size(data: bytes | None, name: str, limits: UploadLimits) -> tuple[int, int]:
    """Pixel size from the image header only (cheap), with the decoder's refusals as 400s."""

    if not data:
        raise bad_request("Please provide an image.", type="missing_image")
    if len(data) > limits.max_bytes:
        raise bad_request(
            f"{name} is too large: the maximum size is {limits.max_bytes // MB} MB",
            type="image_too_large",
        )
    if sniff_format(data) is None:
        raise bad_request(
            f"{name} is not a valid image (accepted: PNG, JPEG, WEBP, HEIC).", type="invalid_image"
        )
    try:
        with Image.open(io.BytesIO(data)) as image:
            width, height = image.size
    except Exception:
        raise bad_request(
            f"{name} is not a valid image: the header is corrupt.", type="invalid_image"
        ) from None
    if max(width, height) > limits.max_side or width * height > limits.max_pixels:
        raise bad_request(
            f"{name} is {width}x{height} px; the widest side must be at most {limits.max_side} px.",
            type="invalid_image",
        )
    return (width, height)


def _blank_image(size: tuple[int, int], media_type: str, sandbox: bool) -> tuple[bytes, str]:
    image = Image.new("RGBA", size, (0, 0, 0, 0))  # formats without alpha flatten it to white
    if sandbox:
        image = watermark(image)
    return encode(image, media_type)


def output_media_type(operation_id: str, params: Params) -> str:
    """The media type of the answer: the value of the operation's output-format parameter (the
    one whose schema carries ``x-photoroom-media-types``; its server default when not sent)."""
    for param in operation(operation_id).params:
        media_types = param.schema.get("x-photoroom-media-types")
        if media_types:
            value = params.get(param.wire, param.default)
            return str(media_types.get(value, DEFAULT_MEDIA_TYPE))
    return DEFAULT_MEDIA_TYPE


# --- small helpers -------------------------------------------------------------------------------


def _uncertainty(image: Image.Image, score: float) -> str:
    """``x-uncertainty-score``: the mask's score in [0, 1], or -1 when a person is detected."""

    if detect_person(image):
        return "-1"
    return str(round(min(1.0, max(0.0, float(score))), 4))


def _seed_header(seed: int) -> str:
    """``pr-ai-background-seed`` is a non-negative integer: negative seeds are reported mod 2^32."""
    return str(seed if seed >= 0 else seed % 2**32)


def _no_sides() -> CroppedSides:
    return CroppedSides()


def _str(value: object) -> str | None:
    return None if value is None else str(value)


def _int(value: object) -> int | None:
    if value is None:
        return None
    number = float(value)  # type: ignore[arg-type]
    return int(number) if math.isfinite(number) else None
