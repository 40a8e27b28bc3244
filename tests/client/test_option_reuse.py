"""Options validated once per distinct set are reused; what they send never changes by it."""

from __future__ import annotations

from pathlib import Path

import pytest

from photoroom import Background, InvalidOptionError, Photoroom

from .conftest import Recorder, multipart_fields, product_png

URL = "https://example.com/shoe.jpg"


def test_the_same_options_twice_send_the_same_fields(
    mock_client: Photoroom, recorder: Recorder
) -> None:
    image = product_png()
    for _ in range(2):
        mock_client.edit(image, background=Background(color="FFFFFF"), padding=0.1)

    first, second = (multipart_fields(request) for request in recorder.requests[-2:])
    assert first == second
    assert second["padding"] == [b"0.1"]


def test_each_url_is_sent_with_options_checked_once(
    mock_client: Photoroom, recorder: Recorder
) -> None:
    urls = [f"https://example.com/shoe-{index}.jpg" for index in range(3)]
    for url in urls:
        mock_client.edit(url, padding=0.1)

    assert [request.url.params["imageUrl"] for request in recorder.requests[-3:]] == urls


def test_values_equal_in_python_but_sent_differently_are_not_mixed_up(
    mock_client: Photoroom, recorder: Recorder
) -> None:
    mock_client.edit(URL, max_width=100, output_size="auto")
    mock_client.edit(URL, max_width=100.0, output_size="auto")

    first, second = recorder.requests[-2:]
    assert first.url.params["maxWidth"] == "100"
    assert second.url.params["maxWidth"] == "100.0"


def test_a_value_refused_after_an_equal_one_was_accepted_is_still_refused(
    mock_client: Photoroom,
) -> None:
    mock_client.edit(URL, remove_background=True)

    with pytest.raises(InvalidOptionError, match="removeBackground"):
        mock_client.edit(URL, remove_background=1)  # type: ignore[arg-type]  # 1 == True


def test_the_same_options_with_a_url_then_a_file_pick_get_then_post(
    mock_client: Photoroom, recorder: Recorder
) -> None:
    mock_client.edit(URL, padding=0.1)
    mock_client.edit(product_png(), padding=0.1)
    mock_client.edit(URL, padding=0.1)

    assert [request.method for request in recorder.requests[-3:]] == ["GET", "POST", "GET"]


def test_a_rule_broken_is_reported_on_every_call(mock_client: Photoroom) -> None:
    for _ in range(2):
        with pytest.raises(InvalidOptionError, match="maxWidth"):
            mock_client.edit(URL, max_width=100, output_size="1000x1000")


def test_an_option_file_is_read_again_on_every_call(
    mock_client: Photoroom, recorder: Recorder, tmp_path: Path
) -> None:
    backdrop = tmp_path / "backdrop.png"
    sent = []
    for color in ((255, 0, 0), (0, 0, 255)):
        backdrop.write_bytes(product_png(color=color))
        mock_client.edit(product_png(), background=Background(image_file=str(backdrop)))
        sent.append(multipart_fields(recorder.last)["background.imageFile"][0])

    assert sent[0] != sent[1]
    assert sent[1] == backdrop.read_bytes()
