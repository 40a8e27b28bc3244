"""Rebuild the hand-made reference masks of the segmentation evaluation set.

``python tests/data/segmentation/make_masks.py [NAME ...] [--overlays DIR]``

Each mask starts from outlines placed by hand on a coordinate grid over the photo (the polygons,
circles and stroked lines below, in the photo's own pixels). The outline is trusted away from its
edge: pixels more than ``band`` px inside are sure subject, more than ``band`` px outside sure
background. Only inside that band does OpenCV's GrabCut, seeded from those sure regions, move the
edge onto the photo's real boundary. Strokes (``lines``) mark thin parts (a tripod leg, a stem, an
antenna): their centre line is sure subject, so no smoothing can cut them away. ``subtract``
shapes are background drawn by hand (a gap between legs, a hole). The emulator's segmenter is
never called: these masks are what it is measured against.

Every mask was then checked by eye on an overlay (the mask's outline and a magenta wash over what
it rejects, written with ``--overlays``) and the outlines were corrected until the overlay showed
the subject's edge. Decisions about what the subject is are written in README.md.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import cv2
import numpy as np
from PIL import Image

HERE = Path(__file__).resolve().parent
PHOTOS = HERE / "photos"
MASKS = HERE / "masks"

Point = tuple[int, int]

# name -> outline. Keys: photo (path relative to this folder), band (px), polygons, circles
# ((x, y, r)), lines ((points, width)), hairs (lines drawn exactly), leaves ((points, tip width,
# base width)), subtract (polygons drawn as background).
SPECS: dict[str, dict[str, object]] = {
    "astronaut": {
        "photo": "../images/astronaut.png",
        "band": 6,
        "polygons": [
            [
                (28, 512),
                (22, 430),
                (28, 340),
                (45, 285),
                (75, 255),
                (110, 235),
                (118, 205),
                (112, 185),
                (125, 165),
                (150, 150),
                (175, 135),
                (180, 100),
                (185, 60),
                (200, 33),
                (235, 17),
                (270, 20),
                (293, 40),
                (300, 70),
                (298, 110),
                (288, 140),
                (300, 165),
                (305, 200),
                (305, 250),
                (330, 262),
                (350, 290),
                (358, 330),
                (365, 345),
                (400, 343),
                (440, 350),
                (470, 370),
                (490, 395),
                (500, 420),
                (505, 460),
                (505, 512),
            ],
        ],
    },
    "coffee": {
        "photo": "../images/coffee.png",
        "band": 6,
        "polygons": [
            [
                (80, 200),
                (95, 150),
                (130, 110),
                (172, 88),
                (172, 60),
                (185, 35),
                (215, 22),
                (260, 16),
                (320, 16),
                (365, 22),
                (395, 35),
                (408, 55),
                (410, 95),
                (450, 120),
                (470, 160),
                (480, 210),
                (475, 260),
                (455, 300),
                (420, 340),
                (370, 370),
                (300, 388),
                (230, 385),
                (160, 365),
                (110, 330),
                (85, 280),
                (77, 240),
            ],
        ],
        "lines": [([(412, 110), (428, 70)], 9)],
    },
    "flower": {
        "photo": "photos/flower.jpg",
        "band": 8,
        "circles": [(306, 222, 136)],
        "polygons": [
            [
                (288, 427),
                (295, 395),
                (320, 378),
                (350, 373),
                (380, 376),
                (410, 385),
                (435, 400),
                (442, 427),
            ],
        ],
    },
    "butterfly": {
        "photo": "photos/butterfly.jpg",
        "band": 4,
        "polygons": [
            [
                (10, 215),
                (40, 145),
                (100, 120),
                (170, 108),
                (215, 110),
                (228, 82),
                (245, 82),
                (265, 105),
                (330, 105),
                (400, 115),
                (450, 140),
                (480, 180),
                (485, 210),
                (470, 225),
                (440, 240),
                (390, 245),
                (350, 270),
                (330, 300),
                (305, 305),
                (250, 270),
                (175, 295),
                (150, 280),
                (140, 260),
                (100, 245),
                (55, 235),
                (20, 225),
            ],
        ],
        "hairs": [
            ([(226, 82), (190, 52), (157, 30)], 2),
            ([(244, 82), (272, 45), (297, 18)], 2),
        ],
    },
    "smarties": {
        "photo": "photos/smarties.png",
        "band": 5,
        "circles": [
            (377, 82, 27),
            (269, 118, 26),
            (387, 170, 26),
            (205, 211, 27),
            (288, 214, 27),
            (347, 238, 27),
            (33, 229, 27),
            (99, 259, 27),
            (152, 272, 27),
            (220, 306, 28),
            (134, 328, 27),
            (294, 321, 27),
            (12, 358, 30),
            (78, 362, 26),
        ],
    },
    "apple": {
        "photo": "photos/apple.jpg",
        "band": 8,
        "polygons": [
            [
                (45, 300),
                (50, 220),
                (60, 150),
                (80, 105),
                (130, 75),
                (200, 62),
                (230, 55),
                (300, 60),
                (390, 75),
                (430, 110),
                (455, 170),
                (462, 240),
                (455, 320),
                (430, 390),
                (395, 450),
                (350, 490),
                (330, 497),
                (250, 497),
                (180, 495),
                (150, 490),
                (100, 450),
                (60, 400),
                (47, 340),
            ],
        ],
        "lines": [([(212, 58), (210, 35), (203, 18)], 7)],
    },
    "orange": {
        "photo": "photos/orange.jpg",
        "band": 10,
        "polygons": [
            [
                (55, 240),
                (70, 170),
                (110, 115),
                (170, 75),
                (240, 55),
                (300, 52),
                (360, 68),
                (410, 100),
                (440, 150),
                (458, 210),
                (462, 270),
                (450, 340),
                (420, 400),
                (380, 450),
                (330, 485),
                (270, 495),
                (200, 490),
                (140, 465),
                (95, 420),
                (65, 360),
                (52, 300),
            ],
        ],
    },
    "stuff": {
        "photo": "photos/stuff.jpg",
        "band": 5,
        "circles": [(228, 58, 37), (398, 185, 58), (209, 307, 20)],
        "polygons": [[(320, 318), (354, 318), (357, 455), (318, 455)]],
        "lines": [([(62, 95), (337, 252)], 8)],
    },
    "messi5": {
        "photo": "photos/messi5.jpg",
        "band": 6,
        "circles": [(362, 312, 25)],
        "polygons": [
            [
                (72, 92),
                (95, 95),
                (130, 108),
                (165, 115),
                (195, 110),
                (210, 90),
                (207, 70),
                (220, 62),
                (245, 62),
                (262, 75),
                (268, 95),
                (262, 110),
                (285, 118),
                (300, 135),
                (315, 150),
                (345, 160),
                (365, 155),
                (378, 160),
                (375, 172),
                (355, 172),
                (330, 165),
                (300, 160),
                (300, 180),
                (295, 215),
                (320, 230),
                (350, 240),
                (390, 252),
                (420, 258),
                (445, 265),
                (455, 280),
                (440, 287),
                (410, 278),
                (380, 270),
                (345, 268),
                (320, 262),
                (300, 255),
                (280, 265),
                (265, 290),
                (285, 305),
                (305, 318),
                (305, 332),
                (280, 335),
                (255, 330),
                (245, 315),
                (235, 295),
                (220, 285),
                (225, 260),
                (230, 248),
                (215, 235),
                (210, 215),
                (200, 185),
                (190, 150),
                (170, 130),
                (150, 125),
                (120, 115),
                (90, 105),
                (72, 100),
            ],
        ],
    },
    "grace_hopper": {
        "photo": "photos/grace_hopper.jpg",
        "band": 8,
        "polygons": [
            [
                (10, 600),
                (15, 420),
                (35, 385),
                (90, 360),
                (150, 345),
                (190, 320),
                (175, 300),
                (160, 260),
                (152, 200),
                (150, 140),
                (155, 105),
                (175, 70),
                (200, 45),
                (235, 28),
                (262, 22),
                (300, 30),
                (330, 45),
                (350, 70),
                (365, 100),
                (372, 135),
                (365, 165),
                (352, 200),
                (350, 240),
                (340, 280),
                (330, 310),
                (340, 325),
                (400, 345),
                (460, 370),
                (495, 395),
                (512, 430),
                (512, 600),
            ],
        ],
    },
    "dog": {
        "photo": "photos/dog.png",
        "band": 10,
        "polygons": [
            [
                (0, 97),
                (45, 93),
                (90, 98),
                (115, 90),
                (140, 65),
                (165, 45),
                (195, 32),
                (235, 28),
                (275, 33),
                (305, 42),
                (335, 55),
                (365, 70),
                (395, 85),
                (420, 102),
                (440, 130),
                (460, 175),
                (470, 215),
                (475, 255),
                (472, 295),
                (470, 330),
                (460, 360),
                (445, 385),
                (450, 410),
                (420, 425),
                (385, 440),
                (355, 465),
                (338, 490),
                (335, 512),
                (125, 512),
                (115, 485),
                (80, 470),
                (40, 462),
                (0, 455),
            ],
        ],
    },
    "camera": {
        "photo": "photos/camera.png",
        "band": 5,
        "polygons": [
            [
                (0, 512),
                (0, 235),
                (20, 205),
                (35, 180),
                (60, 150),
                (90, 125),
                (120, 110),
                (150, 107),
                (163, 90),
                (175, 70),
                (195, 63),
                (220, 67),
                (240, 80),
                (258, 100),
                (262, 125),
                (253, 140),
                (325, 140),
                (327, 172),
                (332, 182),
                (322, 215),
                (300, 228),
                (302, 272),
                (290, 300),
                (245, 312),
                (205, 300),
                (175, 345),
                (152, 400),
                (150, 512),
            ],
            [(278, 315), (310, 315), (315, 335), (280, 340)],
        ],
        "lines": [
            ([(293, 192), (293, 487)], 10),
            ([(285, 330), (233, 505)], 7),
            ([(310, 330), (402, 508)], 6),
            ([(305, 322), (338, 303)], 5),
            ([(258, 465), (288, 480)], 4),
            ([(290, 480), (385, 478)], 4),
        ],
        "subtract": [
            [(0, 160), (48, 160), (18, 198), (0, 220)],
            [(101, 450), (106, 440), (125, 470), (147, 500), (148, 512), (100, 512)],
        ],
    },
    "aloe": {
        "photo": "photos/aloe.jpg",
        "band": 4,
        "polygons": [
            # the pot
            [
                (355, 405),
                (375, 400),
                (430, 398),
                (500, 400),
                (530, 405),
                (525, 430),
                (515, 470),
                (505, 500),
                (495, 525),
                (470, 535),
                (430, 540),
                (385, 535),
                (370, 520),
                (365, 480),
                (358, 440),
                (352, 415),
            ],
            # the rosette where the leaves meet
            [
                (345, 310),
                (380, 295),
                (430, 300),
                (455, 320),
                (450, 360),
                (430, 395),
                (375, 395),
                (350, 365),
            ],
        ],
        # leaves: centre line from the tip (or the frame) to the rosette, width at each end
        "leaves": [
            ([(292, 0), (312, 80), (335, 170), (358, 250), (385, 320)], 18, 35),
            ([(411, 45), (412, 150), (412, 250), (410, 320)], 3, 20),
            ([(519, 12), (495, 80), (470, 170), (450, 250), (440, 300)], 3, 25),
            ([(463, 148), (452, 220), (445, 290)], 3, 20),
            ([(640, 185), (580, 198), (510, 245), (460, 282)], 28, 22),
            ([(640, 218), (580, 250), (520, 285), (470, 318)], 24, 24),
            ([(0, 252), (100, 266), (200, 283), (300, 305), (370, 322)], 14, 24),
            ([(38, 356), (100, 346), (200, 338), (300, 336), (370, 335)], 3, 16),
            ([(152, 548), (220, 500), (290, 462), (340, 430), (375, 395), (400, 360)], 3, 30),
            ([(622, 365), (560, 376), (500, 385), (470, 390)], 3, 18),
        ],
    },
}


def outline(spec: dict[str, object], size: tuple[int, int]) -> tuple[np.ndarray, np.ndarray]:
    """The hand-drawn subject (uint8 0/1) and the centre lines of its strokes."""
    width, height = size
    drawn = np.zeros((height, width), np.uint8)
    centre = np.zeros((height, width), np.uint8)
    for polygon in spec.get("polygons", []):  # type: ignore[attr-defined]
        cv2.fillPoly(drawn, [np.array(polygon, np.int32)], 1)
    for x, y, r in spec.get("circles", []):  # type: ignore[attr-defined]
        cv2.circle(drawn, (x, y), r, 1, -1)
    for points, thickness in spec.get("lines", []):  # type: ignore[attr-defined]
        line = np.array(points, np.int32)
        cv2.polylines(drawn, [line], False, 1, thickness)
        cv2.polylines(centre, [line], False, 1, max(1, thickness // 4))
    for points, tip, base in spec.get("leaves", []):  # type: ignore[attr-defined]
        # A tapered stroke: each segment drawn at the width interpolated along the leaf.
        for index in range(len(points) - 1):
            share = (index + 0.5) / (len(points) - 1)
            thickness = round(tip + (base - tip) * share)
            segment = np.array(points[index : index + 2], np.int32)
            cv2.polylines(drawn, [segment], False, 1, thickness)
            cv2.polylines(centre, [segment], False, 1, max(1, thickness // 4))
    for polygon in spec.get("subtract", []):  # type: ignore[attr-defined]
        cv2.fillPoly(drawn, [np.array(polygon, np.int32)], 0)
    return drawn, centre


def reference_mask(name: str) -> np.ndarray:
    """The reference mask of one photo as uint8 0/255."""
    spec = SPECS[name]
    rgb = np.asarray(Image.open(HERE / str(spec["photo"])).convert("RGB"))
    height, width = rgb.shape[:2]
    drawn, centre = outline(spec, (width, height))
    band = int(spec["band"])  # type: ignore[call-overload]
    kernel = cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (2 * band + 1, 2 * band + 1))
    # Erode as if the frame were subject too, so an outline running along the border stays sure.
    padded = cv2.copyMakeBorder(drawn, band, band, band, band, cv2.BORDER_REPLICATE)
    inner = cv2.erode(padded, kernel)[band:-band, band:-band]
    outer = cv2.dilate(drawn, kernel)
    labels = np.full((height, width), cv2.GC_BGD, np.uint8)
    labels[outer > 0] = cv2.GC_PR_BGD
    labels[drawn > 0] = cv2.GC_PR_FGD
    labels[(inner > 0) | (centre > 0)] = cv2.GC_FGD
    for points, thickness in spec.get("hairs", []):  # type: ignore[attr-defined]
        # Hair-thin parts (antennae) are drawn exactly: sure subject, no band to grow into.
        hair = np.zeros((height, width), np.uint8)
        cv2.polylines(hair, [np.array(points, np.int32)], False, 1, thickness)
        labels[hair > 0] = cv2.GC_FGD
    cv2.setRNGSeed(0)
    bgd, fgd = np.zeros((1, 65), np.float64), np.zeros((1, 65), np.float64)
    cv2.grabCut(rgb, labels, None, bgd, fgd, 8, cv2.GC_INIT_WITH_MASK)  # type: ignore[call-overload]
    mask = np.isin(labels, (cv2.GC_FGD, cv2.GC_PR_FGD)).astype(np.uint8)
    return mask * 255


def overlay(name: str, mask: np.ndarray) -> Image.Image:
    """The photo with rejected pixels washed magenta and the mask's outline drawn in yellow."""
    rgb = np.asarray(Image.open(HERE / str(SPECS[name]["photo"])).convert("RGB")).astype(float)
    rejected = mask == 0
    rgb[rejected] = 0.45 * rgb[rejected] + 0.55 * np.array([255, 0, 255])
    out = rgb.astype(np.uint8)
    contours, _ = cv2.findContours(mask, cv2.RETR_LIST, cv2.CHAIN_APPROX_NONE)
    cv2.drawContours(out, contours, -1, (255, 255, 0), 1)
    return Image.fromarray(out)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("names", nargs="*", default=list(SPECS))
    parser.add_argument("--overlays", type=Path, help="also write overlays for checking here")
    args = parser.parse_args(argv)
    MASKS.mkdir(exist_ok=True)
    for name in args.names:
        mask = reference_mask(name)
        Image.fromarray(mask, "L").save(MASKS / f"{name}.png", optimize=True)
        if args.overlays:
            args.overlays.mkdir(parents=True, exist_ok=True)
            overlay(name, mask).save(args.overlays / f"{name}.png")
        print(f"{name}: {np.count_nonzero(mask) / mask.size:.1%} subject")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
