"""Pin a new upstream OpenAPI document and rebuild everything from it, all or nothing.

    python -m scripts.update_spec SOURCE [--allow-breaking]     (make update-spec SPEC=SOURCE)

SOURCE is a path or an http(s) URL, JSON or YAML. The steps, in order:

1. snapshot: the pin, its lock, ``openapi/photoroom.json`` and every generated path are copied
   to a temporary folder;
2. pin (``pin_spec.py``): refused when unreadable, not OpenAPI 3, or without operations;
3. change report (``spec_diff``) against the previous pin: refused when anything is breaking,
   unless ``--allow-breaking`` or ``ALLOW_BREAKING=1`` (checked before the slow steps);
4. overlay (``apply_overlay.py``, not strict: actions whose target is gone are listed);
5. validate the overlaid document (``openapi_spec_validator``);
6. generate (``generate_client.py``, which fails on any generator warning);
7. smoke (``smoke.py`` in a fresh interpreter, importing the code just generated);
8. print the change report.

Any failure restores the snapshot byte for byte and exits with 1, naming the failed step.
"""

from __future__ import annotations

import argparse
import ast
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from . import pin_spec, smoke, spec_diff

ROOT = Path(__file__).resolve().parent.parent
PINNED = ROOT / "openapi" / "photoroom.upstream.json"
LOCK = ROOT / "openapi" / "photoroom.upstream.lock.json"
OVERLAY = ROOT / "overlay" / "photoroom.overlay.yaml"
OVERLAID = ROOT / "openapi" / "photoroom.json"
PACKAGE = ROOT / "generated" / "photoroom_api"
DEFAULT_GENERATED_PATHS = (
    "generated/photoroom_api",
    "src/photoroom/_generated",
    "src/photoroom/spec/_generated",
)
OLD_NAME = "previous pin"
NEW_NAME = "new pin"


class StepFailed(RuntimeError):
    def __init__(self, step: str, message: str) -> None:
        super().__init__(message)
        self.step = step


def generated_paths(root: Path = ROOT) -> tuple[str, ...]:
    """``GENERATED_PATHS`` of scripts/generate_client.py (read, not imported), or the default."""
    source = (root / "scripts" / "generate_client.py").read_text(encoding="utf-8")
    for node in ast.parse(source).body:
        if isinstance(node, ast.Assign):
            targets, value = node.targets, node.value
        elif isinstance(node, ast.AnnAssign) and node.value is not None:
            targets, value = [node.target], node.value
        else:
            continue
        if any(isinstance(t, ast.Name) and t.id == "GENERATED_PATHS" for t in targets):
            paths = ast.literal_eval(value)
            if isinstance(paths, tuple | list) and all(isinstance(p, str) for p in paths):
                return tuple(paths)
    return DEFAULT_GENERATED_PATHS


@dataclass
class Snapshot:
    """Copies of files and folders (or the fact they were absent), to put back on failure."""

    root: Path
    store: Path
    saved: dict[str, bool] = field(default_factory=dict)  # relative path -> existed

    @classmethod
    def take(cls, root: Path, store: Path, paths: Sequence[str]) -> Snapshot:
        snapshot = cls(root, store)
        for relative in paths:
            source, copy = root / relative, store / relative
            snapshot.saved[relative] = source.exists()
            copy.parent.mkdir(parents=True, exist_ok=True)
            if source.is_dir():
                shutil.copytree(source, copy, symlinks=True)
            elif source.exists():
                shutil.copy2(source, copy)
        return snapshot

    def restore(self) -> list[str]:
        """Put every saved path back as it was; return the files that had to be rewritten or
        removed. Files that did not change are not touched (so a concurrent editor of an
        unchanged file, or make's timestamps, are left alone)."""
        changed: list[str] = []
        for relative, existed in self.saved.items():
            target, copy = self.root / relative, self.store / relative
            if not existed:
                if target.is_dir() and not target.is_symlink():
                    shutil.rmtree(target)
                    changed.append(relative + "/")
                elif target.exists() or target.is_symlink():
                    target.unlink()
                    changed.append(relative)
            elif copy.is_dir():
                changed += self._restore_tree(copy, target, relative)
            elif not _same_file(copy, target):
                _replace(copy, target)
                changed.append(relative)
        return changed

    @staticmethod
    def _restore_tree(copy: Path, target: Path, relative: str) -> list[str]:
        changed = []
        if target.exists() and not target.is_dir():
            target.unlink()
        target.mkdir(parents=True, exist_ok=True)
        wanted = {path.relative_to(copy) for path in copy.rglob("*")}
        for path in sorted(target.rglob("*"), reverse=True):  # children before their folder
            if (
                path.relative_to(target) not in wanted
                or path.is_dir() != (copy / path.relative_to(target)).is_dir()
            ):
                if path.is_dir() and not path.is_symlink():
                    shutil.rmtree(path)
                else:
                    path.unlink()
                changed.append(f"{relative}/{path.relative_to(target)}")
        for name in sorted(wanted):
            source, destination = copy / name, target / name
            if source.is_dir():
                destination.mkdir(parents=True, exist_ok=True)
            elif not _same_file(source, destination):
                _replace(source, destination)
                changed.append(f"{relative}/{name}")
        return changed


def _same_file(a: Path, b: Path) -> bool:
    return b.is_file() and not b.is_symlink() and a.read_bytes() == b.read_bytes()


def _replace(source: Path, destination: Path) -> None:
    if destination.is_dir() and not destination.is_symlink():
        shutil.rmtree(destination)
    elif destination.exists() or destination.is_symlink():
        destination.unlink()
    destination.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy2(source, destination, follow_symlinks=False)


def run_step(step: str, command: list[str], *, env: dict[str, str] | None = None) -> str:
    """Run a pipeline script; its output is shown; a non-zero exit fails ``step``."""
    result = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, env=env)
    output = (result.stdout + result.stderr).rstrip()
    if result.returncode != 0:
        raise StepFailed(step, output or f"exit status {result.returncode}")
    return output


def allow_breaking_from_env() -> bool:
    return os.environ.get("ALLOW_BREAKING", "").strip().lower() in ("1", "true", "yes")


def update(source: str, *, allow_breaking: bool, log: Callable[[str], None] = print) -> str:
    """Run steps 2-8 on the files in place (the caller snapshots); return the change report."""
    python = sys.executable
    started = time.perf_counter()

    def done(step: str, detail: str = "") -> None:
        log(
            f"[{time.perf_counter() - started:5.1f} s] {step}: ok"
            + (f"\n{detail}" if detail else "")
        )

    with tempfile.TemporaryDirectory(prefix="update-spec-previous-") as tmp:
        previous = Path(tmp) / "previous.json"
        try:
            pin_spec.pin(source, previous=previous)
        except pin_spec.PinError as error:
            raise StepFailed("pin", str(error)) from None
        lock = json.loads(LOCK.read_text(encoding="utf-8"))
        done("pin", f"  {source} ({lock['format']}) -> {PINNED.relative_to(ROOT)}")

        new_document = spec_diff.load_document(PINNED)
        old_document = spec_diff.load_document(previous) if previous.exists() else {}
    actions = spec_diff.load_overlay(OVERLAY)  # so the report says what Python users get
    report = spec_diff.diff_specs(old_document, new_document, OLD_NAME, NEW_NAME, actions)
    if report.breaking and not allow_breaking:
        raise StepFailed(
            "change report",
            f"{report.to_text()}\n\nthe new document has breaking changes (marked BREAKING above); "
            "rerun with ALLOW_BREAKING=1 to accept them",
        )
    done("change report", f"  {report.summary()}\n  {report.python_summary()}")

    overlay = run_step(
        "overlay",
        [python, "-m", "scripts.apply_overlay", str(PINNED), str(OVERLAY), str(OVERLAID)],
    )
    done("overlay", "  " + overlay.replace("\n", "\n  "))
    run_step("validate", [python, "-m", "openapi_spec_validator", str(OVERLAID)])
    done("validate")
    generated = run_step(
        "generate", [python, "-m", "scripts.generate_client", str(OVERLAID), str(PACKAGE)]
    )
    done("generate", "  " + generated.splitlines()[0])
    # A fresh interpreter importing this checkout's code, the code just generated.
    smoked = run_step(
        "smoke", [python, "-m", "scripts.smoke", "--spec", str(OVERLAID)], env=smoke.checkout_env()
    )
    done("smoke", "  " + smoked.replace("\n", "\n  "))
    return report.to_text()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("source", help="path or http(s) URL of the new upstream document")
    parser.add_argument(
        "--allow-breaking",
        action="store_true",
        default=allow_breaking_from_env(),
        help="accept breaking changes (also ALLOW_BREAKING=1)",
    )
    args = parser.parse_args(argv)

    fixed = [str(p.relative_to(ROOT)) for p in (PINNED, LOCK, OVERLAID)]
    paths = list(dict.fromkeys([*fixed, *generated_paths()]))
    with tempfile.TemporaryDirectory(prefix="update-spec-snapshot-") as store:
        snapshot = Snapshot.take(ROOT, Path(store), paths)
        try:
            report = update(args.source, allow_breaking=args.allow_breaking)
        except BaseException as error:
            restored = snapshot.restore()
            step = error.step if isinstance(error, StepFailed) else "update-spec"
            message = (
                str(error) if isinstance(error, StepFailed) else f"{type(error).__name__}: {error}"
            )
            print(message, file=sys.stderr)
            what = f"{len(restored)} changed files put back" if restored else "nothing had changed"
            print(
                f"\nupdate-spec: step '{step}' failed; {', '.join(paths)} are as they were "
                f"({what})",
                file=sys.stderr,
            )
            return 130 if isinstance(error, KeyboardInterrupt) else 1
    print("--- upstream changes ---")
    print(report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
