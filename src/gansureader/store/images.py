"""Pictures on disk as content-addressed files: ``images/ab/abcdef…`` named by SHA-256.

The same picture under several URLs is stored once. A file is written to a
temporary name and renamed into place, so a crash never leaves half a picture
under a real name.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

MAX_IMAGE_BYTES = 10 * 1024 * 1024

# What a picture's first bytes must be, and how a whole one ends (a cut-off download
# keeps its header but loses its end).
_SIGNATURES = (
    (b"\xff\xd8\xff", "image/jpeg", b"\xff\xd9"),
    (b"\x89PNG\r\n\x1a\n", "image/png", b"IEND\xaeB`\x82"),
    (b"GIF87a", "image/gif", b"\x3b"),
    (b"GIF89a", "image/gif", b"\x3b"),
)


EXTENSIONS = {"image/jpeg": ".jpg", "image/png": ".png", "image/gif": ".gif", "image/webp": ".webp"}


def image_type(data: bytes) -> str | None:
    """The MIME type of a whole JPEG, PNG, GIF or WebP picture; None for anything else."""
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp" if int.from_bytes(data[4:8], "little") + 8 == len(data) else None
    for signature, mime, ending in _SIGNATURES:
        if data.startswith(signature):
            # JPEG writers may pad after the end marker; look near the end, not at it.
            return mime if ending in data[-32:] else None
    return None


# Another process's picture file may wait this long for its row (a sync's transaction
# is seconds; a stalled one is left for the next clean-up or check).
YOUNG_SECONDS = 600


class ImageFiles:
    def __init__(self, folder: Path):
        self.folder = folder

    def path(self, sha256: str) -> Path:
        return self.folder / sha256[:2] / sha256

    def write(self, data: bytes) -> str:
        """Store ``data`` (if not already there) and return its SHA-256."""
        import hashlib  # the writer's: the window starts without it

        digest = hashlib.sha256(data).hexdigest()
        target = self.path(digest)
        if target.exists():
            return digest
        target.parent.mkdir(parents=True, exist_ok=True)
        import tempfile  # the writer's: the window starts without it

        handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".partial-")
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(data)
            os.replace(temporary, target)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
        return digest

    def remove_all_but(self, keep: set[str], forgotten: set[str] = frozenset()) -> int:
        """Delete picture files whose SHA-256 is not in ``keep`` (after a clean-up, in a
        check); how many. Of those not ``forgotten`` (the rows the caller just deleted),
        a file younger than YOUNG_SECONDS stays: another gansureader writes a picture's
        file (through a .partial- one) before its row commits."""
        if not self.folder.is_dir():
            return 0
        old_enough = time.time() - YOUNG_SECONDS
        removed = 0
        for path in self.folder.glob("*/*"):
            if path.name in keep:
                continue
            try:
                if path.name not in forgotten and path.stat().st_mtime > old_enough:
                    continue
                path.unlink()
            except FileNotFoundError:  # gone meanwhile: its writer's own clean-up
                continue
            removed += 1
        return removed
