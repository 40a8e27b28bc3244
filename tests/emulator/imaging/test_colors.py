"""Colour parameters: hex with or without '#', CSS names, transparent."""

from __future__ import annotations

import pytest

from photoroom_emulator.imaging import ColorError, ImagingError, parse_color


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("FF0000", (255, 0, 0, 255)),
        ("#FF0000", (255, 0, 0, 255)),
        ("ff0000ee", (255, 0, 0, 238)),
        ("#FF0000EE", (255, 0, 0, 238)),
        ("FFF", (255, 255, 255, 255)),
        ("#0f08", (0, 255, 0, 136)),
        ("red", (255, 0, 0, 255)),
        ("Blue", (0, 0, 255, 255)),
        ("rebeccapurple", (102, 51, 153, 255)),
        ("transparent", (0, 0, 0, 0)),
        ("  white ", (255, 255, 255, 255)),
    ],
)
def test_parses_api_colour_forms(text: str, expected: tuple[int, int, int, int]) -> None:
    assert parse_color(text) == expected


@pytest.mark.parametrize("text", ["", "FF00F", "#GG0000", "FF00000", "notacolour", "rgb(1,2,3)"])
def test_rejects_other_text_with_a_clear_message(text: str) -> None:
    with pytest.raises(ColorError, match="is not a valid colour"):
        parse_color(text)


def test_colour_errors_name_the_parameter_and_are_400_material() -> None:
    with pytest.raises(ImagingError, match=r"^background\.color: 'nope'"):
        parse_color("nope", parameter="background.color")
    assert issubclass(ColorError, ValueError)
