"""The /v2/edit positioning engine, case by case from the docs page "Positioning"."""

from __future__ import annotations

import numpy as np
import pytest

from photoroom.spec import EDIT_BY_UPLOAD, limits_of
from photoroom_emulator.adapter import layout_options
from photoroom_emulator.imaging import (
    Box,
    CroppedSides,
    LayoutError,
    Placement,
    compute_layout,
    cropped_sides,
    parse_spacing,
    subject_bbox,
)
from photoroom_emulator.imaging.layout import Spacing

# A 400x200 subject in the middle of a 1000x600 photo, touching no border.
PHOTO = (1000, 600)
SUBJECT = Box(300, 200, 700, 400)
CUT_AT_BOTTOM = CroppedSides(bottom=True)
NOT_CUT = CroppedSides()


def layout(
    params: dict[str, object],
    *,
    subject: Box | None = SUBJECT,
    cropped: CroppedSides = NOT_CUT,
    photo: tuple[int, int] = PHOTO,
) -> Placement:
    return compute_layout(photo, subject, cropped, layout_options(params))


def subject_on_canvas(placement: Placement, subject: Box = SUBJECT) -> Box:
    return placement.to_canvas(subject)


def test_worked_example_from_the_spec_fits_and_centres_inside_the_central_800px_box() -> None:
    # outputSize=1000x1000&padding=0.1: the subject lies inside the central 800x800 box and
    # touches it on one axis.
    placement = layout({"outputSize": "1000x1000", "padding": 0.1})
    placed = subject_on_canvas(placement)
    assert placement.canvas_size == (1000, 1000)
    assert placement.target_area == Box(100, 100, 900, 900)
    assert placement.scale == pytest.approx(2.0)
    assert (placed.left, placed.right) == pytest.approx((100, 900))  # touches on the x axis
    assert (placed.top, placed.bottom) == pytest.approx((300, 700))  # centred on the y axis
    assert placed.top > 100 and placed.bottom < 900


def test_without_padding_the_subject_fills_the_whole_output() -> None:
    placed = subject_on_canvas(layout({"outputSize": "800x800"}))
    assert (placed.left, placed.right) == pytest.approx((0, 800))
    assert (placed.top + placed.bottom) / 2 == pytest.approx(400)


def test_percentage_padding_equals_the_ratio() -> None:
    as_ratio = layout({"outputSize": "1000x500", "padding": 0.1})
    as_percent = layout({"outputSize": "1000x500", "padding": "10%"})
    assert as_percent == as_ratio
    # Relative padding follows each side: 10 % of the width left/right, of the height top/bottom.
    assert as_ratio.target_area == Box(100, 50, 900, 450)


def test_numeric_string_padding_equals_the_number() -> None:
    assert layout({"outputSize": "1000x500", "padding": "0.1"}) == layout(
        {"outputSize": "1000x500", "padding": 0.1}
    )


def test_pixel_padding_is_absolute_on_every_side() -> None:
    placement = layout({"outputSize": "1000x500", "padding": "100px"})
    assert placement.target_area == Box(100, 100, 900, 400)


def test_per_side_padding_overrides_the_general_padding() -> None:
    placement = layout(
        {"outputSize": "1000x1000", "padding": 0.1, "paddingTop": 0.2, "paddingLeft": "0px"}
    )
    assert placement.target_area == Box(0, 200, 900, 900)


def test_margin_and_padding_stack_with_padding_relative_to_what_margins_leave() -> None:
    placement = layout({"outputSize": "1000x1000", "margin": 0.1, "padding": 0.25})
    # Margins leave 800x800; 25 % of that is 200 px more on each side.
    assert placement.target_area == Box(300, 300, 700, 700)


def test_cropped_side_snaps_to_the_output_edge_ignoring_padding() -> None:
    placement = layout({"outputSize": "1000x1000", "padding": 0.1}, cropped=CUT_AT_BOTTOM)
    placed = subject_on_canvas(placement)
    assert placement.target_area == Box(100, 100, 900, 1000)
    assert placed.bottom == pytest.approx(1000)
    assert (placed.left, placed.right) == pytest.approx((100, 900))


def test_margin_is_respected_on_a_cropped_side() -> None:
    placement = layout(
        {"outputSize": "1000x1000", "padding": 0.1, "marginBottom": "50px"}, cropped=CUT_AT_BOTTOM
    )
    assert subject_on_canvas(placement).bottom == pytest.approx(950)


def test_snapping_can_be_turned_off() -> None:
    placement = layout(
        {"outputSize": "1000x1000", "padding": 0.1, "ignorePaddingAndSnapOnCroppedSides": "false"},
        cropped=CUT_AT_BOTTOM,
    )
    placed = subject_on_canvas(placement)
    assert placement.target_area == Box(100, 100, 900, 900)
    assert (placed.top + placed.bottom) / 2 == pytest.approx(500)


def test_custom_vertical_alignment_disables_snapping_vertically_only() -> None:
    cropped = CroppedSides(left=True, bottom=True)
    placement = layout(
        {"outputSize": "1000x1000", "padding": 0.1, "verticalAlignment": "center"}, cropped=cropped
    )
    # Vertical: padding back, centred. Horizontal: still snapped to the cropped left side.
    assert placement.target_area == Box(0, 100, 900, 900)
    placed = subject_on_canvas(placement)
    assert placed.left == pytest.approx(0)
    assert (placed.top + placed.bottom) / 2 == pytest.approx(500)


def test_left_and_top_alignment_put_the_subject_in_the_target_corner() -> None:
    placement = layout(
        {
            "outputSize": "1000x1000",
            "padding": 0.1,
            "horizontalAlignment": "left",
            "verticalAlignment": "top",
            "scaling": "fit",
        },
        subject=Box(0, 0, 200, 400),  # portrait subject: fits by height, free room on the x axis
    )
    placed = subject_on_canvas(placement, Box(0, 0, 200, 400))
    assert (placed.left, placed.top) == pytest.approx((100, 100))
    assert placed.width == pytest.approx(400)


def test_right_and_bottom_alignment_put_the_subject_in_the_opposite_corner() -> None:
    placement = layout(
        {"outputSize": "1000x1000", "horizontalAlignment": "right", "verticalAlignment": "bottom"}
    )
    placed = subject_on_canvas(placement)
    assert (placed.right, placed.bottom) == pytest.approx((1000, 1000))


def test_fill_scaling_covers_the_target_area() -> None:
    placement = layout({"outputSize": "1000x1000", "padding": 0.1, "scaling": "fill"})
    placed = subject_on_canvas(placement)
    assert placement.scale == pytest.approx(4.0)  # 800 / 200 on the short side
    assert (placed.top, placed.bottom) == pytest.approx((100, 900))
    assert placed.left < 100 and placed.right > 900
    assert (placed.left + placed.right) / 2 == pytest.approx(500)


def test_reference_box_original_image_fits_the_whole_photo() -> None:
    placement = layout({"outputSize": "1000x1000", "padding": 0.1, "referenceBox": "originalImage"})
    photo = placement.to_canvas(Box(0, 0, *PHOTO))
    assert placement.scale == pytest.approx(0.8)
    assert (photo.left, photo.right) == pytest.approx((100, 900))
    assert (photo.top, photo.bottom) == pytest.approx((260, 740))


def test_auto_output_size_behaves_like_original_image() -> None:
    assert layout({}).canvas_size == PHOTO
    assert layout({"outputSize": "auto"}) == layout({"outputSize": "originalImage"})


def test_cropped_subject_output_is_the_subject_box_size() -> None:
    placement = layout({"outputSize": "croppedSubject"})
    assert placement.canvas_size == (400, 200)
    assert (placement.x, placement.y) == pytest.approx((-300, -200))
    assert placement.scale == pytest.approx(1.0)


def test_max_width_shrinks_the_output_keeping_the_aspect_ratio() -> None:
    placement = layout({"outputSize": "originalImage", "maxWidth": 500})
    assert placement.canvas_size == (500, 300)


def test_max_height_shrinks_and_never_enlarges() -> None:
    assert layout({"maxHeight": 150}).canvas_size == (250, 150)
    assert layout({"maxHeight": 5000, "maxWidth": "5000"}).canvas_size == PHOTO


def test_missing_subject_uses_the_whole_photo() -> None:
    placement = layout({"outputSize": "500x300"}, subject=None)
    assert placement.scale == pytest.approx(0.5)
    assert (placement.x, placement.y) == pytest.approx((0, 0))


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (0.1, Spacing(0.1)),
        (0, Spacing(0.0)),
        ("0.25", Spacing(0.25)),
        (".2", Spacing(0.2)),
        ("10%", Spacing(0.1)),
        ("49%", Spacing(0.49)),
        ("100px", Spacing(100.0, "px")),
        (" 12.5px ", Spacing(12.5, "px")),
    ],
)
def test_spacing_accepts_ratios_percentages_and_pixels(value: object, expected: Spacing) -> None:
    assert parse_spacing(value, "padding") == pytest.approx(expected)


@pytest.mark.parametrize(
    "value", ["10", "abc", "-5%", "-0.1", -0.1, 0.5, "50%", "0.5", 3, "10 %px", "", True, None]
)
def test_invalid_padding_is_a_layout_error_naming_the_parameter(value: object) -> None:
    with pytest.raises(LayoutError, match=r"^padding: "):
        parse_spacing(value, "padding")


def test_invalid_per_side_value_names_that_side() -> None:
    with pytest.raises(LayoutError, match=r"^marginLeft: 'abc'"):
        layout_options({"marginLeft": "abc"})


def test_pixel_padding_that_leaves_no_room_is_refused() -> None:
    with pytest.raises(LayoutError, match="padding and margin leave no room"):
        layout({"outputSize": "1000x1000", "padding": "500px"})


def test_margins_that_leave_no_room_are_refused() -> None:
    with pytest.raises(LayoutError, match="margin leaves no room"):
        layout({"outputSize": "100x100", "margin": "60px"})


def test_values_without_dedicated_behaviour_take_the_default() -> None:
    """The spec validates these before layout; a value upstream adds is laid out by default."""
    options = layout_options(
        {"scaling": "stretch", "horizontalAlignment": "middle", "referenceBox": "canvas"}
    )
    assert options == layout_options({})


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"outputSize": "big"}, r"^outputSize: 'big' is not valid"),
        ({"outputSize": "0x100"}, r"^outputSize: '0x100' must have a positive"),
        ({"outputSize": "10000x10000"}, r"^outputSize: .* above the maximum"),
        ({"maxWidth": "wide"}, r"^maxWidth: "),
        ({"maxHeight": 0}, r"^maxHeight: "),
        ({"ignorePaddingAndSnapOnCroppedSides": "maybe"}, "must be boolean"),
    ],
)
def test_invalid_options_are_layout_errors(params: dict[str, object], message: str) -> None:
    with pytest.raises(LayoutError, match=message):
        layout_options(params, limits_of(EDIT_BY_UPLOAD))


def test_subject_bbox_is_tight_and_none_when_empty() -> None:
    alpha = np.zeros((50, 80), np.float32)
    alpha[10:20, 30:45] = 1.0
    assert subject_bbox(alpha) == Box(30, 10, 45, 20)
    assert subject_bbox(np.zeros((5, 5), np.float32)) is None


def test_cropped_sides_ignore_a_stray_pixel_but_see_a_real_cut() -> None:
    alpha = np.zeros((100, 100), np.float32)
    alpha[40:100, 30:70] = 1.0  # cut by the bottom border
    alpha[0, 50] = 1.0  # one stray pixel on the top border
    assert cropped_sides(alpha) == CroppedSides(bottom=True)
