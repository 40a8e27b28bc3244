"""The spec's request-header parameters (the model versions) as client options.

The overlay declares them as header parameters (``pr-ai-background-model-version``, ...); their
option is the header's name in snake case without the vendor prefix
(``ai_background_model_version``, see ``scripts/generate_tables.py``). A client takes them as
keywords, its default for every call of an operation that declares the header; a call of such an
operation takes them too, and its value wins. Both are checked against the header's schema
before anything is sent, and travel as the header through the generated client's keyword, only
to the operations that declare it (never as a query parameter or form field).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ._options import check_value
from .spec import Operation, Param, header_params

__all__ = ["client_header_options", "generated_header_kwargs", "split_header_options"]


def _checked(param: Param, value: Any) -> str:
    """``value`` checked against the header's schema; the error names the header on the wire."""
    return str(check_value(param.wire, value, param.schema))


def client_header_options(options: Mapping[str, Any]) -> dict[str, str]:
    """A client's header keywords, checked: option -> value (``None`` leaves one unset)."""
    known = header_params()
    checked: dict[str, str] = {}
    for option, value in options.items():
        param = known.get(option)
        if param is None:
            choices = ", ".join(sorted(known)) or "none"
            raise TypeError(f"unexpected keyword argument {option!r} (header options: {choices})")
        if value is not None:
            checked[option] = _checked(param, value)
    return checked


def split_header_options(
    ops: tuple[Operation, ...], options: Mapping[str, Any]
) -> tuple[dict[str, str], dict[str, Any]]:
    """The header options of a call (checked) that any of ``ops`` declares, and the rest."""
    declared = {option: p for op in ops for option, p in op.header_by_option.items()}
    headers: dict[str, str] = {}
    rest: dict[str, Any] = {}
    for option, value in options.items():
        param = declared.get(option)
        if param is None:
            rest[option] = value
        elif value is not None:
            headers[option] = _checked(param, value)
    return headers, rest


def generated_header_kwargs(
    op: Operation, client_options: Mapping[str, str], call_options: Mapping[str, str]
) -> dict[str, Any]:
    """The generated ``_get_kwargs`` keywords that send ``op``'s headers: the call's value, else
    the client's; a header neither sets is not sent (the server's default applies)."""
    values = {**client_options, **call_options}
    kwargs: dict[str, Any] = {
        param.python: values[option]
        for option, param in op.header_by_option.items()
        if option in values
    }
    return kwargs
