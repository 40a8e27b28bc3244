"""The generated field-name classes, and what a name the pinned spec no longer has reads as.

``ImageEditing.IRONING_MODE`` is ``"ironing.mode"`` while the spec has that field. When upstream
removes it (an update with breaking changes allowed), code that still reads it must not crash:
the name reads as an absent field, a string no request carries, so the behaviour keyed on it is
unreachable (``params.given(...)`` is false, ``params.get(...)`` gives its default) until someone
removes it. The update's change report lists each such place ("behaviour no longer reachable"),
and ``tests/test_spec_names_exist.py`` fails on it, so it is seen, not silent.
"""

from __future__ import annotations

__all__ = ["ABSENT_PREFIX", "FieldNames", "is_absent"]

ABSENT_PREFIX = "\x00absent:"
"""Starts every absent field's name: no wire name can (a NUL is not valid in one)."""


class FieldNames(type):
    """Metaclass of the generated name classes: an unknown upper-case constant is absent."""

    def __getattr__(cls, name: str) -> str:
        if not name.isupper():  # dunders and typos in another case stay AttributeErrors
            raise AttributeError(name)
        return f"{ABSENT_PREFIX}{cls.__name__}.{name}"


def is_absent(name: str) -> bool:
    """Whether ``name`` is a field the pinned spec no longer has."""
    return name.startswith(ABSENT_PREFIX)
