"""Output stores: a local folder (no dependency) or any fsspec URL (``memory://``, ``s3://``...).

An object appears whole or not at all: a local file is written under a temporary name in the
store's ``.photoroom-tmp/`` folder, fsync'd, then renamed into place; an object store gets the
bytes in one put (S3 makes an object visible only once its upload completed). Temporary files
of a killed run are removed when the next run opens the store: each is named after the host
and process that writes it, so a shard opening the store removes only the leftovers of dead
processes of this host, never the half-written file of a shard still running beside it.
"""

from __future__ import annotations

import os
import secrets
import socket
import time
from pathlib import Path
from typing import Any, Protocol

__all__ = ["TMP_DIR", "FsspecStore", "LocalStore", "Store", "open_store"]

TMP_DIR = ".photoroom-tmp"
"""Where a local store writes an object before renaming it into place."""
_FOREIGN_AGE = 3600.0
"""Seconds after which another host's temporary file counts as a leftover."""


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # exists, owned by someone else
        return True
    return True


def _is_leftover(path: Path, host: str) -> bool:
    """A temporary file whose writer is gone (``<host>-<pid>-<token>.part``; older names are
    always leftovers)."""
    owner, _, _ = path.name.rpartition("-")
    writer_host, _, pid = owner.rpartition("-")
    if not writer_host or not pid.isdigit():
        return True
    if writer_host != host:
        try:
            return time.time() - path.stat().st_mtime > _FOREIGN_AGE
        except OSError:
            return False
    return int(pid) != os.getpid() and not _alive(int(pid))


class Store(Protocol):
    """Where outputs go. Names are relative, ``/``-separated."""

    url: str

    def exists(self, name: str) -> bool: ...

    def put(self, name: str, data: bytes) -> str:
        """Write ``data`` as ``name`` atomically; return the object's full URL or path."""
        ...

    def location(self, name: str) -> str: ...

    def local_root(self) -> Path | None:
        """The folder of a local store (``None`` for an object store)."""
        ...


class LocalStore:
    """A folder on this machine.

    ``sibling_temporaries``: write each object under a hidden temporary name beside it
    (``photoroom.save()``'s way, used by folder batches) instead of in ``.photoroom-tmp/``
    (whose leftovers after a SIGKILL the next run removes).
    """

    def __init__(self, root: str | os.PathLike[str], *, sibling_temporaries: bool = False) -> None:
        self.root = Path(root)
        self.url = str(self.root)
        self.sibling_temporaries = sibling_temporaries
        self.root.mkdir(parents=True, exist_ok=True)
        tmp = self.root / TMP_DIR
        self._host = socket.gethostname().replace("-", "_")
        if not sibling_temporaries and tmp.is_dir():  # leftovers of a killed run, removed
            for leftover in tmp.iterdir():
                if leftover.is_file() and _is_leftover(leftover, self._host):
                    leftover.unlink(missing_ok=True)

    def local_root(self) -> Path | None:
        return self.root

    def location(self, name: str) -> str:
        return str(self.root / name)

    def exists(self, name: str) -> bool:
        return (self.root / name).is_file()

    def put(self, name: str, data: bytes) -> str:
        target = self.root / name
        if target.parent != self.root:  # the root was made with the store
            target.parent.mkdir(parents=True, exist_ok=True)
        if self.sibling_temporaries:
            from .._results import atomic_write

            return str(atomic_write(target, data))
        tmp_dir = self.root / TMP_DIR
        tmp_dir.mkdir(exist_ok=True)
        tmp = tmp_dir / f"{self._host}-{os.getpid()}-{secrets.token_hex(8)}.part"
        try:
            with open(tmp, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(tmp, target)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
        return str(target)


class FsspecStore:
    """Any fsspec filesystem; each object is written with a single put."""

    def __init__(self, url: str, **storage_options: Any) -> None:
        try:
            import fsspec
        except ImportError as exc:
            raise ValueError(
                f"writing to {url} needs fsspec: pip install 'photoroom-client[batch]' "
                "(and s3fs for s3://: 'photoroom-client[s3]')"
            ) from exc
        self.url = url.rstrip("/")
        fs, root = fsspec.core.url_to_fs(self.url, **storage_options)
        self.fs: Any = fs
        self.root: str = root.rstrip("/")

    def local_root(self) -> Path | None:
        return None

    def _path(self, name: str) -> str:
        return f"{self.root}/{name}"

    def location(self, name: str) -> str:
        return f"{self.url}/{name}"

    def exists(self, name: str) -> bool:
        return bool(self.fs.exists(self._path(name)))

    def put(self, name: str, data: bytes) -> str:
        self.fs.pipe_file(self._path(name), data)
        return self.location(name)


def open_store(url: str | os.PathLike[str], **storage_options: Any) -> LocalStore | FsspecStore:
    """A local folder (a path or ``file://``) or an fsspec store for any other URL."""
    from ._manifest import input_kind, local_path

    text = os.fspath(url)
    if input_kind(text) == "local":
        return LocalStore(local_path(text, None))
    return FsspecStore(text, **storage_options)
