"""Where hand-written code reads a request field by its generated name (``ImageEditing.X``).

Used by the change report ("behaviour no longer reachable": code that reads a field the new
version removed) and by ``tests/test_spec_names_exist.py`` (every name read exists in the pinned
spec, so a typo or a removal is seen).
"""

from __future__ import annotations

import ast
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HAND_WRITTEN = (ROOT / "src" / "photoroom_emulator", ROOT / "src" / "photoroom", ROOT / "tests")


@dataclass(frozen=True)
class Reference:
    path: str
    line: int
    product: str
    name: str

    def text(self) -> str:
        return f"{self.product}.{self.name} ({self.path}:{self.line})"


def references(products: Iterable[str], roots: Iterable[Path] = HAND_WRITTEN) -> list[Reference]:
    """Every ``Product.CONSTANT`` read in the ``.py`` files under ``roots`` (generated ones
    aside), for the given product class names."""
    wanted = set(products)
    found: list[Reference] = []
    for root in roots:
        for path in sorted(root.rglob("*.py")):
            if "_generated" in path.parts:
                continue
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for node in ast.walk(tree):
                if (
                    isinstance(node, ast.Attribute)
                    and isinstance(node.value, ast.Name)
                    and node.value.id in wanted
                    and node.attr.isupper()
                ):
                    where = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path
                    found.append(Reference(str(where), node.lineno, node.value.id, node.attr))
    return found


def missing(
    names: Mapping[str, Mapping[str, str]], roots: Iterable[Path] = HAND_WRITTEN
) -> list[Reference]:
    """The references to a constant ``names`` (product -> constant -> wire) does not have."""
    return [ref for ref in references(names, roots) if ref.name not in names.get(ref.product, {})]
