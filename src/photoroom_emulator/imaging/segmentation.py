"""Background removal: the emulator's stand-in for Photoroom's segmentation model.

Nothing may be downloaded at run time, so the cut-out comes from the one general salient-object
model a registry package ships, U²-Net-p (:mod:`.salient_model`, 4.6 MB, run with OpenCV's
dnn): it says where the subject is, on a 320 x 320 copy. :func:`_salient_mask` takes that as
the cut-out; on a plain background GrabCut settles the model's unsure band with the photo's
colours (:func:`_settle_band`), and the edge is refined against the photo at up to 3 MP
(:mod:`.salient_cutout`: a guided filter, soft where the photo's edge is soft). The uncertainty
is the model's own (the share of its map that is half-sure). Faces are still looked for
(:func:`detect_person`): the API answers -1 for photos of people.

Where OpenCV has no dnn module (a build without it), the classical pipeline below cuts out from
colour alone, as it did before the model came:

1. Work on a copy of about 0.1 MP, where GrabCut costs ~0.1-0.2 s whatever the upload's size.
   Look for faces there (OpenCV's Haar cascades, :func:`detect_faces`): a face and the top of
   the head above it are sure subject and the body below it probably subject
   (:func:`_person_prior`).
2. Decide which border pixels are background (:func:`trusted_border`): border colours that are
   as common in the middle of the picture as along the frame, or fill a found person's body, are
   the subject cut by the frame (a portrait's chest, a close-up's ears) and are left out.
   Fit the background as a quadratic colour surface in Lab over the border strip, refitted without
   outliers so a product touching the border does not bend it. When the border is noisier than a
   surface explains (two-tone sets, tables, rooms), its dominant colours are clustered too. Each
   pixel's distance to the nearer model, in units of the border's noise, says how unlike the
   background it is; darkening counts half, so soft shadows stay background.
3. Plain backgrounds: Otsu's threshold on that distance seeds GrabCut (clearly different pixels are
   sure foreground, clearly similar ones sure background, GrabCut decides the band between).
   Busy backgrounds (noise over :data:`BUSY_NOISE`): the same distance, with a lower bar and a
   3x3 median, marks the likely subject; the trusted border is background (sure where its
   colour matches), so clutter unlike the subject (shelves, floors, a crowd) and shadows reaching
   the frame are dropped while a subject cut by the frame is kept.
4. Clean the result (drop specks, fill small enclosed holes such as specular highlights, keep the
   components that are large or central) and upscale it. On plain backgrounds the edge is then
   refined at full resolution from the colour distance, only inside the upscaled mask's
   transition band, so the cost follows the outline's length rather than the megapixels.

The uncertainty score grows with the share of the subject where GrabCut disagreed with the colour
seed and the share of pixels whose distance is ambiguous; busy backgrounds start at 0.3.
Known limits: a mid-grey product on white is hard to tell from its own shadow, and a product the
colour of its background is only found where GrabCut's edges help.
"""

from __future__ import annotations

import math
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

import numpy as np
from numpy.typing import NDArray
from PIL import Image, ImageChops

from . import salient_cutout, salient_model
from .decode import has_alpha_channel

if TYPE_CHECKING:
    from .layout import Box, CroppedSides

FloatArray = NDArray[np.float32]

WORKING_PIXELS: Final = 110_000
REFINE_PIXELS: Final = 3_000_000  # largest image the edge is refined on at its own size
FACE_SIDE: Final = 512  # longest side of the copy faces are looked for on
_FACE_MEMO: dict[int, tuple[Any, tuple[FaceBox, ...]]] = {}
BORDER_FRACTION: Final = 0.04
GRABCUT_ITERATIONS: Final = 2
# The learned cut-out on a plain background (_settle_band): the model's sure areas are eroded by
# BAND_MARGIN working pixels before GrabCut is told they are sure, and pixels closer to the
# background's colour than BAND_COLOUR times the Otsu threshold are probable background. Chosen
# on the tuning half (margins 0, 5, 9; colour factors 0.3, 0.5, 1.0: 0.866-0.870 mean).
BAND_MARGIN: Final = 5
# GrabCut's copy and iterations for the band: 60 000 pixels and one iteration scored as 110 000
# and two on the tuning half (0.877 and 0.878 mean) at a third of the time (0.10 s, not 0.34 s,
# for a 3 MP working image on this shared 2-core machine).
BAND_PIXELS: Final = 60_000
BAND_ITERATIONS: Final = 1
BAND_COLOUR: Final = 0.5
SHADOW_WEIGHT: Final = 0.5  # how much darkening counts next to lightening and hue change
# Border noise (Lab units, after the working-size blur) above which the background is textured
# (a table, a room): colour distance alone is unreliable, so GrabCut starts from a generous
# subject guess and only the trusted border is sure background. 5 (it was 8): on the real photo
# set the wallpaper (6.8), the fruit on a dark cloth (6.1) and the stadium (7.8) cut out far
# better this way (aloe IoU 0.24 -> 0.45, orange 0.59 -> 0.71); every synthetic shot is under 3.
BUSY_NOISE: Final = 5.0
# Border noise (Lab units) above which a smooth surface does not describe the background well
# enough and its dominant colours are learnt too (two-tone sets, tables, rooms).
CLUSTER_NOISE: Final = 3.0
# Smallest noise level assumed (Lab units), so a perfectly flat synthetic background does not make
# every rounding error look like a subject.
NOISE_FLOOR: Final = 0.7


@dataclass(frozen=True)
class Mask:
    """A soft cut-out: alpha in [0, 1] (float32, H x W) and how unsure the segmentation was.

    ``uncertainty`` follows the ``x-uncertainty-score`` header: 0 confident, 1 unsure. ``source``
    says where the alpha came from (``alpha-channel``, ``segmentation`` or ``empty``).
    """

    alpha: FloatArray
    uncertainty: float
    source: str = "segmentation"

    @property
    def size(self) -> tuple[int, int]:
        """(width, height), Pillow's order."""
        return (int(self.alpha.shape[1]), int(self.alpha.shape[0]))

    def bbox(self) -> Box | None:
        """Bounding box of the subject in pixels, or None when nothing was kept."""
        from .layout import subject_bbox

        return subject_bbox(self.alpha)

    def cropped_sides(self) -> CroppedSides:
        """Which image borders cut the subject, for the positioning engine."""
        from .layout import cropped_sides

        return cropped_sides(self.alpha)

    def to_image(self) -> Image.Image:
        """The alpha as an 8-bit ``L`` image (255 = subject)."""
        return Image.fromarray(to_uint8(self.alpha), mode="L")

    def cutout(self, image: Image.Image) -> Image.Image:
        """``image`` as RGBA with this mask multiplied into its alpha."""
        return apply_alpha(image, self.alpha)


def to_uint8(alpha: NDArray[np.floating]) -> NDArray[np.uint8]:
    """Values in [0, 1] (any shape OpenCV takes: H x W or H x W x C) as rounded 8-bit levels.

    OpenCV's saturating conversion is several times faster than NumPy's clip/rint/astype, which
    matters on 12-36 MP canvases.
    """
    import cv2

    scaled = cv2.convertScaleAbs(np.ascontiguousarray(alpha, dtype=np.float32), alpha=255.0)
    return np.asarray(scaled, dtype=np.uint8)


def apply_alpha(image: Image.Image, alpha: NDArray[np.floating]) -> Image.Image:
    """Return ``image`` as RGBA whose alpha is its own alpha times ``alpha``."""
    rgba = image.convert("RGBA") if image.mode != "RGBA" else image.copy()
    mask = Image.fromarray(to_uint8(alpha))
    own = rgba.getchannel("A")
    if not _opaque(own):
        mask = ImageChops.multiply(own, mask)
    rgba.putalpha(mask)
    return rgba


def existing_alpha(image: Image.Image) -> FloatArray | None:
    """The image's own alpha when it carries a real cut-out (some pixels clear), else None.

    "Real" means at least 1 % of pixels below half opacity and at least 1 % above it: an all-opaque
    PNG or an almost empty one says nothing about a subject.
    """
    if image.mode not in ("RGBA", "LA", "PA") and not has_alpha_channel(image):
        return None
    channel = (image if image.mode in ("RGBA", "LA") else image.convert("RGBA")).getchannel("A")
    return _cut_out(channel)


def _cut_out(channel: Image.Image) -> FloatArray | None:
    """:func:`existing_alpha` of an alpha channel already taken out of its image.

    An opaque channel (every upload from a JPEG) is answered by its minimum alone; the share of
    clear pixels is counted only otherwise. Both on the 8-bit levels, with NumPy: on a 12 MP
    upload Pillow's histogram took 38 ms of CPU, this takes a few.
    """
    levels = np.asarray(channel, np.uint8)
    if levels.size == 0 or int(levels.min()) >= 128:
        return None
    clear = np.count_nonzero(levels < 128) / levels.size
    if 0.01 <= clear <= 0.99:
        return np.asarray(levels, np.float32) / np.float32(255)
    return None


def _opaque(channel: Image.Image) -> bool:
    """Whether an 8-bit alpha channel is 255 everywhere (NumPy's minimum: a third of the CPU
    of Pillow's ``getextrema`` on 12 MP)."""
    levels = np.asarray(channel, np.uint8)
    return levels.size == 0 or int(levels.min()) == 255


def segment(image: Image.Image, *, use_existing_alpha: bool = True) -> Mask:
    """Separate the subject from its background; see the module docstring for the method.

    With ``use_existing_alpha`` (the API's ``keepExistingAlphaChannel=auto``), an image that already
    has a meaningful alpha channel is taken at its word.
    """
    # A lazily opened file is decoded here, once: faces are looked for in a second thread, and
    # two threads decoding the same Pillow image at once fail ("assert self.png is not None").
    image.load()
    # Every decoded upload is RGBA: its alpha channel is taken out once, for both questions.
    channel = image.getchannel("A") if image.mode == "RGBA" else None
    if use_existing_alpha:
        alpha = _cut_out(channel) if channel is not None else existing_alpha(image)
        if alpha is not None:
            return Mask(alpha, uncertainty=0.0, source="alpha-channel")

    import cv2

    # Opaque RGBA (every decoded upload) is used as is, saving a full-size copy; with real
    # transparency, resizing would premultiply, so the colours are taken as RGB first.
    opaque_rgba = channel is not None and _opaque(channel)
    source = image if image.mode == "RGB" or opaque_rgba else image.convert("RGB")
    width, height = source.size
    if min(width, height) < 8:
        return Mask(np.ones((height, width), np.float32), uncertainty=1.0)

    learned = _salient_mask(image, source)
    if learned is not None:
        return learned

    factor = min(1.0, math.sqrt(WORKING_PIXELS / (width * height)))
    small_size = (max(8, round(width * factor)), max(8, round(height * factor)))
    # Faces are looked for on their own copy, in a second thread while this one shrinks. One
    # array copy of the upload serves both the working copy and the edge refinement. OpenCV's
    # area average instead of Pillow's box filter: Pillow premultiplies RGBA (two full passes)
    # even when every pixel is opaque.
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(1) as pool:
        pending_faces = pool.submit(faces_in, image)
        pixels = np.asarray(source)
        # Above REFINE_PIXELS the edge is refined on an area-averaged copy of that many pixels
        # and the alpha enlarged: the same outline at a quarter of the cost for 12 MP.
        refine_size = (width, height)
        if width * height > REFINE_PIXELS:
            shrink = math.sqrt(REFINE_PIXELS / (width * height))
            refine_size = (round(width * shrink), round(height * shrink))
            pixels = np.asarray(cv2.resize(pixels, refine_size, interpolation=cv2.INTER_AREA))
        small_all = (
            cv2.resize(pixels, small_size, interpolation=cv2.INTER_AREA) if factor < 1 else pixels
        )
        small_rgb = np.ascontiguousarray(small_all[..., :3])
        small = np.asarray(cv2.GaussianBlur(small_rgb, (3, 3), 0), dtype=np.uint8)
        lab = to_lab(small)
        trusted = trusted_border(lab)
        model = BackgroundModel.fit(lab, trusted)
        faces = _scaled(pending_faces.result(), small_size[0] / width)
    if faces:  # a person's body may also be cut by the frame: decide the border again
        trusted = trusted_border(lab, faces)
        model = BackgroundModel.fit(lab, trusted)
    busy = model.noise > BUSY_NOISE
    distance = model.distance_map(lab)
    threshold = _threshold(distance, floor=0.0 if busy else 3.0)
    seed = distance > threshold
    prior = _person_prior(distance.shape, faces)
    seed |= prior == cv2.GC_FGD
    foreground = seed
    if seed.any():
        cut = _grabcut(small, distance, threshold, busy=busy, trusted=trusted, prior=prior)
        foreground = _clean(cut, seed)
    if not foreground.any():
        return Mask(np.zeros((height, width), np.float32), uncertainty=1.0, source="empty")

    uncertainty = _uncertainty(foreground, seed, distance, threshold, busy=busy)
    # GrabCut's pixel-level decisions on a busy background look like stairs once enlarged: smooth
    # them more there, since no colour refinement will follow.
    soft = cv2.GaussianBlur(foreground.astype(np.float32), (0, 0), 1.2 if busy else 0.7)
    upscaled = np.asarray(
        cv2.resize(soft, refine_size, interpolation=cv2.INTER_LINEAR), dtype=np.float32
    )
    if busy:
        alpha = np.clip((upscaled - 0.5) * 2.0 + 0.5, 0.0, 1.0)
    else:
        subject_distance = float(np.median(distance[foreground])) * model.noise
        alpha = _refine_edges(
            pixels[..., :3], upscaled, model, threshold * model.noise, subject_distance
        )
    if refine_size != (width, height):
        alpha = np.asarray(
            cv2.resize(alpha, (width, height), interpolation=cv2.INTER_LINEAR), np.float32
        )
    return Mask(np.asarray(alpha, dtype=np.float32), uncertainty=uncertainty)


def _salient_mask(image: Image.Image, source: Image.Image) -> Mask | None:
    """The learned cut-out, or None (the classical pipeline then) without the model's runtime
    or where the model sees no subject at all.

    The model's map (:mod:`.salient_model`) is the subject. On a plain background, where colour
    is reliable, GrabCut settles the model's unsure band on the working copy
    (:func:`_settle_band`). The edge is then refined at up to :data:`REFINE_PIXELS`
    (:func:`.salient_cutout.refine`) and the alpha enlarged. Faces are looked for in a second
    thread meanwhile (the model runs on one): the pipeline asks :func:`detect_person` about the
    same upload next, and finds the answer remembered.
    """
    if not salient_model.available():
        return None
    import cv2

    width, height = source.size
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(1) as pool:
        pending_faces = pool.submit(faces_in, image)
        pixels = np.asarray(source)
        refine_size = (width, height)
        if width * height > REFINE_PIXELS:
            shrink = math.sqrt(REFINE_PIXELS / (width * height))
            refine_size = (round(width * shrink), round(height * shrink))
            pixels = np.asarray(cv2.resize(pixels, refine_size, interpolation=cv2.INTER_AREA))
        rgb = np.ascontiguousarray(pixels[..., :3])
        probability = salient_model.salient_probability(rgb)
        pending_faces.result()
    if probability is None:
        return None
    uncertainty = salient_cutout.uncertainty(probability)
    if uncertainty >= 1.0:
        # More half-sure pixels than subject: the model found no object (handwriting, a
        # pattern). Colour still finds what differs from a plain background; no photo of the
        # evaluation set comes near this (the aloe in its patterned room is 0.51).
        return None
    subject = _settle_band(rgb, probability)
    alpha = salient_cutout.refine(subject, rgb)
    if not (alpha >= 0.5).any():
        return Mask(np.zeros((height, width), np.float32), uncertainty=1.0, source="empty")
    if refine_size != (width, height):
        alpha = np.asarray(
            cv2.resize(alpha, (width, height), interpolation=cv2.INTER_LINEAR), np.float32
        )
    return Mask(alpha, uncertainty=uncertainty)


def _settle_band(rgb: NDArray[np.uint8], probability: FloatArray) -> FloatArray:
    """The model's map, with its unsure band decided by GrabCut where the background is plain.

    On a small copy (:data:`BAND_PIXELS`): where the model is sure (>= 0.95 subject,
    <= 0.05 background, each eroded by :data:`BAND_MARGIN` pixels) GrabCut is told so, the rest
    is its probable side of 0.5. Pixels of the background's own colour (distance under half the
    Otsu threshold, :class:`BackgroundModel`) are probable background even inside the model's
    subject: the hole of a ring, the gap in a mug's handle, which the model fills. On the
    tuning half this took products on white from 0.90 to 0.94-0.95 (smarties, stuff) and a
    chair from 0.86 to 0.92 (mean of the 14 photos 0.867 to 0.877); on every background it
    scored the same (0.878) but cost GrabCut on every photo, and on busy ones it lost the aloe
    and the camera 0.02-0.03, so the model's map is kept there as is.
    """
    import cv2

    height, width = rgb.shape[:2]
    factor = min(1.0, math.sqrt(BAND_PIXELS / (width * height)))
    if factor >= 1.0:
        small_rgb = rgb
    else:
        small_size = (max(8, round(width * factor)), max(8, round(height * factor)))
        small_rgb = np.asarray(cv2.resize(rgb, small_size, interpolation=cv2.INTER_AREA))
    small = np.asarray(cv2.GaussianBlur(small_rgb, (3, 3), 0), dtype=np.uint8)
    lab = to_lab(small)
    model = BackgroundModel.fit(lab, trusted_border(lab))
    if model.noise > BUSY_NOISE:
        return probability
    size = (small.shape[1], small.shape[0])
    likely = np.asarray(cv2.resize(probability, size, interpolation=cv2.INTER_LINEAR), np.float32)
    kernel = np.ones((BAND_MARGIN, BAND_MARGIN), np.uint8)
    sure_subject = cv2.erode((likely >= 0.95).astype(np.uint8), kernel) > 0
    sure_background = cv2.erode((likely <= 0.05).astype(np.uint8), kernel) > 0
    if not sure_subject.any() or not sure_background.any():
        return probability
    distance = model.distance_map(lab)
    background_colour = distance < BAND_COLOUR * _threshold(distance, floor=3.0)
    labels = np.where(likely >= 0.5, cv2.GC_PR_FGD, cv2.GC_PR_BGD).astype(np.uint8)
    labels[sure_subject] = cv2.GC_FGD
    labels[background_colour] = cv2.GC_PR_BGD
    labels[sure_background] = cv2.GC_BGD
    background_gmm, subject_gmm = np.zeros((1, 65)), np.zeros((1, 65))
    cv2.setRNGSeed(3)  # GrabCut seeds its colour models by k-means: same image, same cut-out
    try:
        cv2.grabCut(  # type: ignore[call-overload]  # the stubs do not allow rect=None
            np.ascontiguousarray(small_rgb),
            labels,
            None,
            background_gmm,
            subject_gmm,
            BAND_ITERATIONS,
            cv2.GC_INIT_WITH_MASK,
        )
    except cv2.error:
        return probability
    settled = (labels == cv2.GC_FGD) | (labels == cv2.GC_PR_FGD)
    return np.asarray(settled, np.float32)


def to_lab(rgb: NDArray[np.uint8]) -> FloatArray:
    """CIE Lab (L 0..100) of 8-bit sRGB pixels, any leading shape."""
    import cv2

    flat = np.ascontiguousarray(rgb.reshape(-1, 1, 3), dtype=np.float32) / 255.0
    lab = np.asarray(cv2.cvtColor(flat, cv2.COLOR_RGB2Lab), dtype=np.float32)
    return lab.reshape(*rgb.shape[:-1], 3)


@dataclass(frozen=True)
class BackgroundModel:
    """What the background looks like, learnt from the image border.

    ``coefficients`` describe a quadratic Lab surface over normalised coordinates (x, y in
    [-0.5, 0.5]), which covers plain, gradient and vignetted studio backgrounds; ``clusters`` are
    the border's dominant colours, for backgrounds no surface fits; ``noise`` is the typical
    residual.
    """

    coefficients: FloatArray
    clusters: FloatArray
    noise: float

    @classmethod
    def fit(cls, lab: FloatArray, border: NDArray[np.bool_] | None = None) -> BackgroundModel:
        """Learn from ``border`` (default: the whole border strip, :func:`border_band`)."""
        height, width = lab.shape[:2]
        if border is None or np.count_nonzero(border) < 50:
            border = border_band(height, width)
        ys, xs = np.nonzero(border)
        samples = lab[ys, xs]
        basis = _basis(_normalised(xs, width), _normalised(ys, height))

        # Least squares, refitted without outliers so a product touching the border is ignored.
        keep = np.ones(len(samples), bool)
        coefficients = np.zeros((6, 3), np.float32)
        for _ in range(3):
            solution, *_ = np.linalg.lstsq(basis[keep], samples[keep], rcond=None)
            coefficients = solution.astype(np.float32)
            errors = _lab_distance(samples - basis @ coefficients)
            cutoff = max(3.0, 2.5 * float(np.median(errors[keep])) + 1.0)
            new_keep = errors <= cutoff
            if new_keep.sum() < 0.3 * keep.size or np.array_equal(new_keep, keep):
                break
            keep = new_keep
        residual = _lab_distance(samples - basis @ coefficients)[keep]
        noise = max(NOISE_FLOOR, float(np.percentile(residual, 75)))

        if noise <= CLUSTER_NOISE:
            # The surface explains the border; clusters would only learn a product touching it.
            return cls(coefficients, np.zeros((0, 3), np.float32), noise)
        step = max(1, len(samples) // 4000)
        return cls(coefficients, _border_clusters(samples[::step]), noise)

    def raw_distance(
        self, lab: FloatArray, xs: NDArray[np.floating], ys: NDArray[np.floating]
    ) -> FloatArray:
        """Lab distance of pixels (N x 3) at normalised positions to the nearer background model."""
        surface = _lab_distance(lab - _basis(xs, ys) @ self.coefficients)
        if len(self.clusters) == 0:
            return surface
        nearest_cluster = np.min(
            np.stack([_lab_distance(lab - center) for center in self.clusters]), axis=0
        )
        return np.asarray(np.minimum(surface, nearest_cluster + self.noise), dtype=np.float32)

    def distance_map(self, lab: FloatArray) -> FloatArray:
        """Distance of every pixel of an H x W x 3 Lab image, in units of :attr:`noise`."""
        height, width = lab.shape[:2]
        ys, xs = np.mgrid[0:height, 0:width]
        flat = self.raw_distance(
            lab.reshape(-1, 3), _normalised(xs.ravel(), width), _normalised(ys.ravel(), height)
        )
        return (flat / self.noise).reshape(height, width).astype(np.float32)


def border_band(height: int, width: int) -> NDArray[np.bool_]:
    """The strip along the image border the background is learnt from."""
    band = max(2, round(BORDER_FRACTION * min(width, height)))
    border = np.zeros((height, width), bool)
    border[:band], border[-band:], border[:, :band], border[:, -band:] = (True,) * 4
    return border


def _normalised(positions: NDArray[np.integer], length: int) -> FloatArray:
    return (positions.astype(np.float32) / max(1, length - 1) - 0.5).astype(np.float32)


def _basis(xs: NDArray[np.floating], ys: NDArray[np.floating]) -> FloatArray:
    return np.stack([np.ones_like(xs), xs, ys, xs * ys, xs * xs, ys * ys], axis=-1).astype(
        np.float32
    )


def _lab_distance(delta: FloatArray) -> FloatArray:
    """Colour difference where darkening counts for less, so soft shadows stay background."""
    lightness = delta[..., 0]
    lightness = np.where(lightness < 0, lightness * SHADOW_WEIGHT, lightness)
    squared = lightness**2 + delta[..., 1] ** 2 + delta[..., 2] ** 2
    return np.asarray(np.sqrt(squared), dtype=np.float32)


def _border_clusters(samples: FloatArray, count: int = 4) -> FloatArray:
    import cv2

    count = min(count, max(1, samples.shape[0] // 50))
    criteria = (cv2.TERM_CRITERIA_EPS + cv2.TERM_CRITERIA_MAX_ITER, 10, 1.0)
    cv2.setRNGSeed(7)
    _, labels, centers = cv2.kmeans(
        np.ascontiguousarray(samples, np.float32),
        count,
        None,  # type: ignore[call-overload]
        criteria,
        1,
        cv2.KMEANS_PP_CENTERS,
    )
    # A cluster holding a sliver of the border is likely the product touching it: not background.
    shares = np.bincount(labels.ravel(), minlength=count) / labels.size
    return np.asarray(centers[shares >= 0.1], dtype=np.float32)


def _threshold(distance: FloatArray, floor: float) -> float:
    """Otsu's threshold on the distance, kept at or above ``floor`` (in noise units)."""
    import cv2

    top = float(np.percentile(distance, 99.5))
    if top <= 0:
        return max(floor, 1.0)
    scaled = np.clip(distance / top * 255.0, 0, 255).astype(np.uint8)
    otsu, _ = cv2.threshold(scaled, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    return max(floor, float(otsu) / 255.0 * top)


def _grabcut(
    rgb: NDArray[np.uint8],
    distance: FloatArray,
    threshold: float,
    *,
    busy: bool,
    trusted: NDArray[np.bool_] | None = None,
    prior: NDArray[np.uint8] | None = None,
) -> NDArray[np.bool_]:
    """GrabCut seeded from the distance map (plain backgrounds) or from the border (busy ones).

    ``trusted`` marks the border pixels that are background (see :func:`trusted_border`): only
    they become sure background, so a subject cut by the frame keeps its part on the border.
    ``prior`` (GrabCut labels, 255 = no opinion) adds what a detected face says.
    """
    import cv2

    height, width = distance.shape
    if trusted is None:
        trusted = border_band(height, width)
    if busy:
        # Colour distance picks the likely subject; the trusted border is sure background.
        # A 3x3 median first: single speckles of the texture (a motif, a face in the crowd) do
        # not start as subject, while parts two pixels wide still do.
        mask = np.full(distance.shape, cv2.GC_PR_BGD, np.uint8)
        mask[cv2.medianBlur(distance, 3) > 0.5 * threshold] = cv2.GC_PR_FGD
        sure_fg = cv2.erode(
            (distance > 2.0 * threshold).astype(np.uint8), np.ones((5, 5), np.uint8)
        )
        mask[sure_fg > 0] = cv2.GC_FGD
        # The trusted border is background: sure where its colour says so, probable elsewhere
        # (a shadow or a reflection reaching the frame is not the subject cut by it).
        mask[trusted & (mask == cv2.GC_PR_FGD)] = cv2.GC_PR_BGD
        mask[trusted & (distance <= threshold)] = cv2.GC_BGD
    else:
        mask = np.full(distance.shape, cv2.GC_PR_BGD, np.uint8)
        mask[distance > threshold] = cv2.GC_PR_FGD
        sure_fg = cv2.erode(
            (distance > 2.0 * threshold).astype(np.uint8), np.ones((3, 3), np.uint8)
        )
        mask[sure_fg > 0] = cv2.GC_FGD
        mask[distance < 0.5 * threshold] = cv2.GC_BGD
    if prior is not None:
        mask[prior == cv2.GC_PR_FGD] = np.where(
            mask[prior == cv2.GC_PR_FGD] == cv2.GC_BGD, cv2.GC_PR_BGD, cv2.GC_PR_FGD
        )
        mask[prior == cv2.GC_FGD] = cv2.GC_FGD
    if not (mask == cv2.GC_BGD).any() or not np.isin(mask, (cv2.GC_FGD, cv2.GC_PR_FGD)).any():
        return distance > threshold
    # GrabCut only has to decide where the labels leave room: run it on the box around the
    # undecided and subject pixels plus a margin of sure background (a product on a plain
    # backdrop is a fraction of the picture), which costs a fraction of the whole image.
    ys, xs = np.nonzero(mask != cv2.GC_BGD)
    margin = max(8, round(0.15 * max(height, width)))
    top, bottom = max(0, int(ys.min()) - margin), min(height, int(ys.max()) + 1 + margin)
    left, right = max(0, int(xs.min()) - margin), min(width, int(xs.max()) + 1 + margin)
    window = mask[top:bottom, left:right].copy()
    if not (window == cv2.GC_BGD).any():
        window, top, bottom, left, right = mask, 0, height, 0, width
    background_model = np.zeros((1, 65), np.float64)
    foreground_model = np.zeros((1, 65), np.float64)
    cv2.setRNGSeed(11)  # GrabCut seeds its colour models by k-means: same image, same cut-out
    try:
        cv2.grabCut(  # type: ignore[call-overload]  # the stubs do not allow rect=None
            np.ascontiguousarray(rgb[top:bottom, left:right]),
            window,
            None,  # no rectangle: initialised from the mask
            background_model,
            foreground_model,
            GRABCUT_ITERATIONS + (2 if busy else 0),
            cv2.GC_INIT_WITH_MASK,
        )
    except cv2.error:
        return distance > threshold
    result = np.zeros((height, width), bool)
    result[top:bottom, left:right] = np.isin(window, (cv2.GC_FGD, cv2.GC_PR_FGD))
    return result


def _clean(foreground: NDArray[np.bool_], seed: NDArray[np.bool_]) -> NDArray[np.bool_]:
    """Drop specks, fill small holes, keep the components that look like the subject."""
    import cv2

    height, width = foreground.shape
    binary = foreground.astype(np.uint8)
    kernel = cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (3, 3))
    binary = np.asarray(cv2.morphologyEx(binary, cv2.MORPH_OPEN, kernel), dtype=np.uint8)

    count, labels, stats, centroids = cv2.connectedComponentsWithStats(binary, connectivity=8)
    if count <= 1:
        return seed
    areas = stats[1:, cv2.CC_STAT_AREA]
    largest = float(areas.max())
    center = np.array([width / 2, height / 2])
    keep = np.zeros(count, bool)
    for index in range(1, count):
        area = float(stats[index, cv2.CC_STAT_AREA])
        offset = np.abs(centroids[index] - center) / np.array([width, height])
        central = bool(offset.max() < 0.3)
        if area >= 0.1 * largest or (central and area >= 0.02 * largest):
            keep[index] = True
    kept = keep[labels]

    # Fill holes smaller than 3 % of the subject: highlights and reflections, not handle openings.
    holes_count, hole_labels, hole_stats, _ = cv2.connectedComponentsWithStats(
        (~kept).astype(np.uint8), connectivity=4
    )
    subject_area = float(kept.sum())
    for index in range(1, holes_count):
        x, y, w, h, area = hole_stats[index]
        touches_border = x == 0 or y == 0 or x + w == width or y + h == height
        if not touches_border and area < 0.03 * subject_area:
            kept[hole_labels == index] = True
    return np.asarray(kept, dtype=bool)


def _uncertainty(
    foreground: NDArray[np.bool_],
    seed: NDArray[np.bool_],
    distance: FloatArray,
    threshold: float,
    *,
    busy: bool,
) -> float:
    subject = max(1, int(np.count_nonzero(foreground)))
    disagreement = int(np.count_nonzero(foreground != seed)) / subject
    ambiguous = int(np.count_nonzero((distance > 0.5 * threshold) & (distance < 1.5 * threshold)))
    ambiguous_share = ambiguous / subject
    score = 1.0 - math.exp(-3.0 * (disagreement + 0.5 * ambiguous_share))
    if busy:  # a textured background makes every cut-out a guess
        score = 0.3 + 0.4 * score
    return round(min(1.0, max(0.0, score)), 3)


def _refine_edges(
    rgb: NDArray[np.uint8],
    upscaled: FloatArray,
    model: BackgroundModel,
    threshold: float,
    subject_distance: float,
) -> FloatArray:
    """Full-resolution alpha: colour decides inside the upscaled mask's transition band.

    Only band pixels are converted and measured, so the cost follows the outline's length, not the
    image's area. The colour alpha ramps over the middle half of the subject's distance from the
    background (anti-aliased edge pixels get partial alpha) and is clamped to a corridor around the
    upscaled mask, so a background-coloured detail cannot punch a hole far from the boundary.
    """
    import cv2

    height, width = upscaled.shape
    alpha = (upscaled >= 0.98).view(np.uint8).astype(np.float32)
    band = cv2.findNonZero(cv2.inRange(upscaled, 0.02, 0.98))  # 3x faster than np.nonzero
    if band is None:
        return alpha
    cols, rows = np.asarray(band[:, 0, 0], np.intp), np.asarray(band[:, 0, 1], np.intp)

    noise = _full_resolution_noise(rgb, model)
    if subject_distance < 5.0 * noise:
        # Too little contrast for single pixels to tell: keep the smooth upscaled edge.
        return np.asarray(np.clip((upscaled - 0.5) * 2.0 + 0.5, 0.0, 1.0), dtype=np.float32)
    low = max(0.5 * threshold, 0.25 * subject_distance, 2.0 * noise)
    high = max(low + noise, 0.75 * subject_distance)
    xs, ys = _normalised(cols, width), _normalised(rows, height)
    distance = model.raw_distance(to_lab(rgb[rows, cols]), xs, ys)
    colour = np.clip((distance - low) / (high - low), 0.0, 1.0)

    coarse = upscaled[rows, cols]
    lower = np.clip((coarse - 0.75) * 4.0, 0.0, 1.0)
    upper = np.clip(coarse * 4.0, 0.0, 1.0)
    alpha[rows, cols] = np.clip(colour, lower, upper)
    return alpha


def _full_resolution_noise(rgb: NDArray[np.uint8], model: BackgroundModel) -> float:
    """Background noise at full resolution (the working copy was averaged, hiding most of it)."""
    height, width = rgb.shape[:2]
    border = max(2, round(0.01 * min(width, height)))
    step = max(1, (2 * (width + height) * border) // 20_000)
    strips = [
        (np.arange(0, border), np.arange(0, width, step)),
        (np.arange(height - border, height), np.arange(0, width, step)),
        (np.arange(0, height, step), np.arange(0, border)),
        (np.arange(0, height, step), np.arange(width - border, width)),
    ]
    distances = []
    for row_range, col_range in strips:
        rows, cols = (grid.ravel() for grid in np.meshgrid(row_range, col_range, indexing="ij"))
        lab = to_lab(rgb[rows, cols])
        distances.append(
            model.raw_distance(lab, _normalised(cols, width), _normalised(rows, height))
        )
    return max(1.0, float(np.percentile(np.concatenate(distances), 75)))


def trusted_border(lab: FloatArray, faces: list[FaceBox] | None = None) -> NDArray[np.bool_]:
    """The border pixels that are background, leaving out a subject cut by the frame.

    The border strip's colours are clustered. A cluster that is at least as common in the middle
    of the picture (the central half) as along the border is the subject running out of the
    frame (a portrait's chest, a close-up's ears, a product cut by the bottom edge), and so is
    one that fills a detected person's body area (and is 1.5 times as common there as along the
    border, so the grass under a footballer stays background): its border pixels are not
    trusted. The rest of the border is what the background model learns from. At least a quarter
    of the border is always kept.
    """
    import cv2

    height, width = lab.shape[:2]
    border = border_band(height, width)
    samples = lab[border]
    step = max(1, len(samples) // 4000)
    count = min(6, max(1, len(samples[::step]) // 50))
    criteria = (cv2.TERM_CRITERIA_EPS + cv2.TERM_CRITERIA_MAX_ITER, 10, 1.0)
    cv2.setRNGSeed(5)
    _, _, centers = cv2.kmeans(
        np.ascontiguousarray(samples[::step], np.float32),
        count,
        None,  # type: ignore[call-overload]
        criteria,
        1,
        cv2.KMEANS_PP_CENTERS,
    )
    flat = lab.reshape(-1, 3)
    distances = np.stack([np.linalg.norm(flat - center, axis=1) for center in centers])
    labels = np.argmin(distances, axis=0).reshape(height, width)
    near = (np.min(distances, axis=0) < 15.0).reshape(height, width)

    centre = np.zeros((height, width), bool)
    centre[height // 4 : height - height // 4, width // 4 : width - width // 4] = True
    body = np.zeros((height, width), bool)
    if faces:
        prior = _person_prior((height, width), faces)
        body = prior == cv2.GC_PR_FGD
    subject = np.zeros(count, bool)
    border_count = max(1, int(np.count_nonzero(border)))
    centre_count = max(1, int(np.count_nonzero(centre)))
    body_count = max(1, int(np.count_nonzero(body)))
    for index in range(count):
        member = labels == index
        border_share = int(np.count_nonzero(member & border)) / border_count
        centre_share = int(np.count_nonzero(member & near & centre)) / centre_count
        body_share = int(np.count_nonzero(member & near & body)) / body_count
        subject[index] = (centre_share >= 0.08 and centre_share >= border_share) or (
            body_share >= 0.2 and body_share >= 1.5 * border_share
        )
    trusted = border & ~subject[labels]
    if np.count_nonzero(trusted) < 0.25 * np.count_nonzero(border):
        return border
    return np.asarray(trusted, dtype=bool)


@dataclass(frozen=True)
class FaceBox:
    """A detected face in working-image pixels."""

    x: int
    y: int
    width: int
    height: int


def _person_prior(shape: tuple[int, int], faces: list[FaceBox]) -> NDArray[np.uint8]:
    """GrabCut labels a face implies (255 where it says nothing).

    The largest face is sure subject (its inner ellipse, the top of the head above it, the neck
    and the chest one face wide below it, down to 2.5 face heights from its top); the body below
    it, three face widths wide and down to the bottom edge, and the hair above are probably
    subject.
    """
    import cv2

    height, width = shape
    prior = np.full(shape, 255, np.uint8)
    if not faces:
        return prior
    face = max(faces, key=lambda f: f.width * f.height)
    x, y, w, h = face.x, face.y, face.width, face.height
    top = max(0, y - h // 3)
    prior[top : y + h, max(0, x - w // 6) : min(width, x + w + w // 6)] = cv2.GC_PR_FGD
    body_top = min(height, y + h)
    left, right = max(0, x - int(1.2 * w)), min(width, x + w + int(1.2 * w))
    prior[body_top:, left:right] = cv2.GC_PR_FGD
    inner = np.zeros(shape, np.uint8)
    centre = (x + w // 2, y + h // 2)
    cv2.ellipse(inner, centre, (max(1, int(w * 0.3)), max(1, int(h * 0.38))), 0, 0, 360, 1, -1)
    # The top of the head: an ellipse on the box's upper edge, 0.7 face widths wide, reaching 0.3
    # face heights above it. The cascades' box starts about at the eyebrows, so this is forehead
    # and hair (or scalp, or a hat) on every head; dark hair on a dark crowd or backdrop would
    # otherwise go with the background.
    head_axes = (max(1, int(w * 0.35)), max(1, int(h * 0.3)))
    cv2.ellipse(inner, (x + w // 2, y), head_axes, 0, 0, 360, 1, -1)
    # The chest below the neck, one face wide: a dark collar or neck ring stays subject even
    # when the backdrop is as dark.
    inner[min(height, y + int(1.4 * h)) : min(height, y + int(2.5 * h)), max(0, x) : x + w] = 1
    neck = (
        slice(y + h, min(height, y + int(1.4 * h))),
        slice(x + int(0.35 * w), x + int(0.65 * w)),
    )
    inner[neck] = 1
    prior[inner > 0] = cv2.GC_FGD
    return prior


def faces_in(image: Image.Image) -> tuple[FaceBox, ...]:
    """Faces in ``image``, in the pixels of a copy whose longest side is :data:`FACE_SIDE`.

    The grey copy is shrunk by Pillow's integer reduction (a fast box filter) and then to its
    size, so a 12 MP upload costs a few ms before the cascades run; they only run when a sparse
    colour sample shows skin tones or no colour at all (:func:`_may_show_skin`). The answer is
    remembered for the last few images (the same ``Image`` object), because the pipeline asks
    :func:`segment` and then :func:`detect_person` about the same upload.
    """
    key = id(image)
    cached = _FACE_MEMO.get(key)
    if cached is not None and cached[0]() is image:
        return cached[1]
    import weakref

    import cv2

    # Grey first (cheap from any mode), then Pillow's integer reduction of the grey copy: reducing
    # RGBA would premultiply all 12 MP twice. The skin check needs only a sparse colour sample.
    grey_image = image.convert("L")
    step = max(image.size) // (2 * FACE_SIDE)
    if step >= 2:
        grey_image = grey_image.reduce(step)
    grey = np.asarray(grey_image, np.uint8)
    factor = min(1.0, FACE_SIDE / max(grey.shape))
    if factor < 1.0:
        grey = np.asarray(
            cv2.resize(grey, None, fx=factor, fy=factor, interpolation=cv2.INTER_AREA), np.uint8
        )
    sample_size = (max(1, min(image.width, 256)), max(1, min(image.height, 256)))
    sample = image.resize(sample_size, Image.Resampling.NEAREST).convert("RGB")
    rgb = np.asarray(sample, np.uint8)
    faces = tuple(detect_faces(grey)) if _may_show_skin(rgb) else ()
    scale = (image.width / grey.shape[1], image.height / grey.shape[0])
    found = tuple(
        FaceBox(
            round(face.x * scale[0]),
            round(face.y * scale[1]),
            round(face.width * scale[0]),
            round(face.height * scale[1]),
        )
        for face in faces
    )
    while len(_FACE_MEMO) >= 4:
        _FACE_MEMO.pop(next(iter(_FACE_MEMO)))
    _FACE_MEMO[key] = (weakref.ref(image), found)
    return found


def _may_show_skin(rgb: NDArray[np.uint8]) -> bool:
    """Whether faces are worth looking for: some skin-toned pixels, or a (nearly) grey photo.

    Skin is the usual YCrCb box (Cr 135-175, Cb 85-135, not dark); 0.5 % of the pixels is
    enough. A photo with hardly any colour (mean chroma under 6) may be a black-and-white
    portrait, so it is always searched. This skips the cascades, the slowest step on a product
    shot, on the colourful photos no face can be in (a blue bottle on grey, green leaves).
    """
    import cv2

    ycrcb = np.asarray(cv2.cvtColor(rgb, cv2.COLOR_RGB2YCrCb), np.uint8)
    skin = cv2.inRange(ycrcb, (40, 135, 85), (255, 175, 135))
    if cv2.countNonZero(skin) >= 0.005 * skin.size:
        return True
    chroma = np.abs(ycrcb[..., 1:].astype(np.int16) - 128).sum(axis=-1)
    return float(chroma.mean()) < 6.0


def _scaled(faces: tuple[FaceBox, ...], factor: float) -> list[FaceBox]:
    """Face boxes of the upload in the working copy's pixels."""
    return [
        FaceBox(
            round(f.x * factor),
            round(f.y * factor),
            max(1, round(f.width * factor)),
            max(1, round(f.height * factor)),
        )
        for f in faces
    ]


def detect_faces(grey: NDArray[np.uint8]) -> list[FaceBox]:
    """Frontal and profile faces in a greyscale image (OpenCV's Haar cascades).

    The histogram is equalised first; a face must be at least a twelfth of the shorter side (and
    20 px) and be confirmed by 5 neighbouring detections, which keeps petals, fur and textures
    from passing for faces. Profiles are looked for both ways round (the cascade sees left ones).
    """
    import cv2

    cascades = _cascades()
    if not cascades:
        return []
    equalised = np.asarray(cv2.equalizeHist(np.ascontiguousarray(grey)), np.uint8)
    height, width = equalised.shape
    minimum = max(20, min(height, width) // 12)
    if min(height, width) < minimum:
        return []
    found: list[FaceBox] = []
    for name, classifier in cascades:
        if found:  # a frontal face settles it; profiles are only looked for without one
            break
        views = [(equalised, False)]
        if name == "profile":
            views.append((np.ascontiguousarray(equalised[:, ::-1]), True))
        for view, mirrored in views:
            boxes = classifier.detectMultiScale(view, 1.2, 5, minSize=(minimum, minimum))
            for x, y, w, h in boxes:
                left = width - int(x) - int(w) if mirrored else int(x)
                found.append(FaceBox(left, int(y), int(w), int(h)))
    return found


_THREAD_CASCADES = threading.local()


def _cascades() -> tuple[tuple[str, Any], ...]:
    """This thread's frontal (alt2) and profile face cascades (none on an OpenCV without them).

    One set per thread: a ``CascadeClassifier`` is not safe to share, and the emulator serves
    requests from several threads. Shared, concurrent ``detectMultiScale`` calls failed OpenCV's
    ``getScaleData`` assertion or found wrong faces (a demo cut-out lost its face, 2 runs in 11).
    """
    cached: tuple[tuple[str, Any], ...] | None = getattr(_THREAD_CASCADES, "loaded", None)
    if cached is None:
        cached = _THREAD_CASCADES.loaded = _load_cascades()
    return cached


def _load_cascades() -> tuple[tuple[str, Any], ...]:
    import cv2

    classifier_type = getattr(cv2, "CascadeClassifier", None)
    if classifier_type is None:
        return ()
    loaded = []
    for name, file in (
        ("frontal", "haarcascade_frontalface_alt2.xml"),
        ("profile", "haarcascade_profileface.xml"),
    ):
        path = _cascade_path(file)
        if path is None:
            continue
        classifier = classifier_type(str(path))
        if not classifier.empty():
            loaded.append((name, classifier))
    return tuple(loaded)


def detect_person(image: Image.Image) -> bool:
    """Whether the image shows a person (the API then reports uncertainty -1).

    Looks for a frontal or profile face (:func:`faces_in`, :func:`detect_faces`) on a copy at
    most :data:`FACE_SIDE` px long,
    with the Haar cascades that ``opencv-python-headless`` 4.x ships in ``cv2.data.haarcascades``
    (a system ``opencv-data`` install also works). The 5.x wheel has neither the
    ``CascadeClassifier`` API nor the files: there this returns False for every image.
    """
    return bool(faces_in(image))


def _cascade_path(name: str) -> Path | None:
    import cv2

    candidates = []
    data = getattr(cv2, "data", None)
    if data is not None and getattr(data, "haarcascades", None):
        candidates.append(Path(data.haarcascades) / name)
    candidates += [
        Path("/usr/share/opencv4/haarcascades") / name,
        Path("/usr/share/opencv/haarcascades") / name,
    ]
    return next((path for path in candidates if path.is_file()), None)
