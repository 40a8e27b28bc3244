"""Client configuration: keys, hosts, timeouts, copies, pools, results' metadata."""

from __future__ import annotations

import httpx
import pytest

from photoroom import DEFAULT_BASE_URL, DEFAULT_SEGMENT_BASE_URL, Photoroom

from .conftest import API_KEY, Recorder


def test_the_key_and_hosts_come_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PHOTOROOM_API_KEY", API_KEY)

    with Photoroom() as client:
        assert client._api_key == API_KEY
        assert (client.base_url, client.segment_base_url) == (
            DEFAULT_BASE_URL,
            DEFAULT_SEGMENT_BASE_URL,
        )


def test_explicit_arguments_beat_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PHOTOROOM_API_KEY", "sk-from-env")
    monkeypatch.setenv("PHOTOROOM_BASE_URL", "http://env.local")
    monkeypatch.setenv("PHOTOROOM_SEGMENT_BASE_URL", "http://segment-env.local")

    with Photoroom("sk-explicit", base_url="http://arg.local/") as client:
        assert client._api_key == "sk-explicit"
        assert client.base_url == "http://arg.local"
        assert client.segment_base_url == "http://arg.local"
    with Photoroom(segment_base_url="http://segment-arg.local") as client:
        assert (client.base_url, client.segment_base_url) == (
            "http://env.local",
            "http://segment-arg.local",
        )


def test_with_options_returns_a_copy_sharing_the_pool() -> None:
    with Photoroom(API_KEY, timeout=60, max_retries=2) as client:
        fast = client.with_options(timeout=5, max_retries=0)

        assert fast._http is client._http
        assert (fast.timeout.read, fast.max_retries) == (5, 0)
        assert (client.timeout.read, client.max_retries) == (60, 2)
        fast.close()  # a copy never closes the shared pool
        assert not client._http.is_closed
    assert client._http.is_closed


def test_the_timeout_is_sent_with_each_request(recorder: Recorder) -> None:
    http = httpx.Client(transport=httpx.MockTransport(recorder))
    client = Photoroom(API_KEY, http_client=http, timeout=12.5)

    client.with_options(timeout=httpx.Timeout(3.0, connect=1.0)).edit("https://example.com/a.png")
    client.edit("https://example.com/a.png")

    first, second = (request.extensions["timeout"] for request in recorder.requests)
    assert (first["read"], first["connect"]) == (3.0, 1.0)
    assert second["read"] == 12.5


def test_a_passed_http_client_is_left_open() -> None:
    http = httpx.Client()
    with Photoroom(API_KEY, http_client=http):
        pass
    assert not http.is_closed
    http.close()


def test_negative_retries_are_refused() -> None:
    with pytest.raises(ValueError, match="max_retries"):
        Photoroom(API_KEY, max_retries=-1)


def test_result_metadata_comes_from_the_response_headers(
    mock_client: Photoroom, recorder: Recorder
) -> None:
    recorder.answer = lambda request: httpx.Response(
        200,
        content=b"\x89PNG\r\n\x1a\n" + b"\x00" * 16,
        headers={
            "content-type": "image/png",
            "x-uncertainty-score": "-1",
            "pr-ai-background-seed": "12345",
            "pr-texts-detected": "3",
            "pr-unsupported-attributes": "Unsupported attributes: background.inner, shadow.x",
            "pr-edit-further-url": "https://app.photoroom.com/create?x=1",
            "x-request-id": "req_42",
        },
    )

    result = mock_client.edit("https://example.com/a.png")

    assert result.uncertainty_score == -1.0  # a person was detected
    assert result.ai_background_seed == 12345
    assert result.texts_detected == 3
    assert result.unsupported_attributes == ["background.inner", "shadow.x"]
    assert result.edit_further_url == "https://app.photoroom.com/create?x=1"
    assert result.request_id == "req_42"
    assert repr(result).startswith(
        "EditResult(content_type='image/png', 24 bytes, uncertainty_score=-1.0"
    )


def test_missing_or_odd_metadata_is_none(mock_client: Photoroom, recorder: Recorder) -> None:
    recorder.answer = lambda request: httpx.Response(
        200,
        content=b"\x89PNG\r\n\x1a\n",
        headers={"content-type": "application/octet-stream", "pr-texts-detected": "many"},
    )

    result = mock_client.edit("https://example.com/a.png")

    assert result.content_type == "image/png"  # sniffed when the header is generic
    assert result.texts_detected is None
    assert result.ai_background_seed is None
    assert result.unsupported_attributes == []
    assert result.request_id is None
