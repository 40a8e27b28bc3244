"""Every request field the hand-written code reads by its generated name exists in the pinned spec.

A name the spec does not have reads as an absent field at run time (``photoroom.spec.fields``),
so the code keeps working after upstream removes a field; this test is what makes such a place
seen: a typo, or a behaviour a removal left unreachable (the update's change report lists the
same places under "Emulator behaviour no longer reachable").
"""

from __future__ import annotations

from photoroom.spec import names
from scripts import field_references


def pinned_names() -> dict[str, dict[str, str]]:
    """Product -> constant -> wire name, from the generated names module."""
    return {
        product: {k: v for k, v in vars(getattr(names, product)).items() if k.isupper()}
        for product in names.__all__
    }


def test_the_code_reads_the_spec_through_generated_names() -> None:
    # the scan sees the pipeline's reads
    assert len(field_references.references(pinned_names())) > 50


def test_every_field_the_code_reads_is_in_the_pinned_spec() -> None:
    gone = [ref.text() for ref in field_references.missing(pinned_names())]
    assert not gone, (
        "fields the pinned spec does not have (typo, or removed upstream):\n" + "\n".join(gone)
    )


def test_a_removed_field_reads_as_absent_not_as_an_error() -> None:
    from photoroom.spec import EDIT_BY_UPLOAD, ImageEditing, operation
    from photoroom.spec.fields import is_absent

    removed = getattr(ImageEditing, "NO_SUCH_FIELD")  # noqa: B009  (as code written for an older spec reads it)
    assert is_absent(removed)
    assert operation(EDIT_BY_UPLOAD).param(removed) is None
    assert not any(is_absent(wire) for wire in pinned_names()["ImageEditing"].values())
