"""Memory of a large edit: peak RSS growth while editing a ~30 MB JPEG, answer streamed to a file.

Why: a client that copies the upload a few times (read, multipart body, retry buffer) or holds
the answer twice multiplies memory by the image size; batch jobs on small machines feel that
first. The measurement runs in a fresh child process (``python -m benchmarks.memory``) so the
harness' own allocations (the generated images, the emulator pool) never count: the child reads
its peak RSS (``VmHWM``) after a warm-up call, then edits the large file (passed as a path, so
the harness never holds it) with ``save_to=`` so the answer streams to a file, then reads the
peak again.
The emulator processes the image for real, so the answer is a full-size image too.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
from pathlib import Path
from typing import Any

from ._harness import (
    PROCESSING_EMULATOR,
    ROOT,
    Context,
    Row,
    child_env,
    photoroom_client,
    verdict,
)

NAME = "memory, large image"
LIMIT = 2.0  # the increase may be at most this many times the input size

#: Options of the large edit: the cut-out at the original size, so the answer is large as well.
LARGE_EDIT_FORM = {"outputSize": "originalImage", "export.format": "png"}


def peak_rss() -> int:
    """This process' peak resident set size in bytes (VmHWM, else ru_maxrss)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def edit_to_file(client: Any, image: Path, target: Path) -> int:
    """Edit ``image`` and write the answer to ``target``; return the bytes written."""
    import photoroom

    options = {
        "output_size": LARGE_EDIT_FORM["outputSize"],
        "export": photoroom.Export(format="png"),
    }
    result = client.edit(image, save_to=target, **options)  # streamed, never held in memory
    return Path(result.path).stat().st_size


def child(url: str, image: Path, small: Path, out_dir: Path) -> dict[str, int]:
    """The measured process: warm up, then one large edit; returns the numbers as a dict."""
    with photoroom_client(url) as client:
        client.account()
        edit_to_file(client, small, out_dir / "warmup")
        before = peak_rss()
        written = edit_to_file(client, image, out_dir / "large")
        after = peak_rss()
    return {"before": before, "after": after, "input": image.stat().st_size, "output": written}


def run(ctx: Context) -> list[Row]:
    from . import _images  # not at module level: the child must not pay for numpy and Pillow

    url = ctx.emulators.url(PROCESSING_EMULATOR)
    image = _images.write(ctx.workdir / "large.jpg", _images.thirty_megabyte_jpeg(ctx.scale))
    small = _images.write(
        ctx.workdir / "small.jpg", _images.jpeg_bytes(_images.product_shot(320, 240))
    )
    out_dir = ctx.workdir / "memory-out"
    out_dir.mkdir(exist_ok=True)
    command = [sys.executable, "-m", "benchmarks.memory", url, str(image), str(small), str(out_dir)]
    done = subprocess.run(
        command, capture_output=True, text=True, timeout=600, check=False, cwd=ROOT, env=child_env()
    )
    if done.returncode != 0:
        raise RuntimeError(f"memory child failed: {done.stderr.strip()[-2000:]}")
    numbers = json.loads(done.stdout.strip().splitlines()[-1])
    mb = 1024 * 1024
    increase = max(0, numbers["after"] - numbers["before"])
    ratio = increase / numbers["input"]
    return [
        Row(
            NAME,
            f"{numbers['after'] / mb:.1f} MB peak",
            f"{numbers['before'] / mb:.1f} MB peak before",
            f"+{increase / mb:.1f} MB = {ratio:.2f} x input",
            f"<= {LIMIT:.1f} x input",
            verdict(ratio <= LIMIT),
            [
                f"input {numbers['input'] / mb:.1f} MB JPEG (path), answer "
                f"{numbers['output'] / mb:.1f} MB PNG streamed to a file (save_to=); "
                "peak RSS (VmHWM) of a child process after a warm-up call"
            ],
        )
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="child process of the memory benchmark")
    parser.add_argument("url")
    parser.add_argument("image", type=Path)
    parser.add_argument("small", type=Path)
    parser.add_argument("out_dir", type=Path)
    args = parser.parse_args(argv)
    print(json.dumps(child(args.url, args.image, args.small, args.out_dir)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
