"""Errors raised by the imaging core for input it cannot use.

Every class here is a ``ValueError`` carrying a message written for the API caller: the server layer
maps :class:`ImagingError` (and so every subclass) to a 400 in the endpoint's own error shape, and
passes ``str(error)`` through unchanged.
"""

from __future__ import annotations


class ImagingError(ValueError):
    """A request value the imaging core cannot work with; the caller's fault, never a crash."""


class ImageInputError(ImagingError):
    """An uploaded image is missing, corrupt, of an unsupported format or over a size limit."""


class ColorError(ImagingError):
    """A colour parameter is neither a hex colour, a colour name nor ``transparent``."""


class LayoutError(ImagingError):
    """A positioning parameter (padding, margin, outputSize, ...) is malformed or leaves no room."""
