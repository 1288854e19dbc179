"""The offline cache: SQLite (schema, migrations, full-text search) and picture files."""

from .channels import NotAChannel
from .db import CacheBusy, CacheDamaged, CacheUnwritable, DiskFull, StoreError
from .images import EXTENSIONS, MAX_IMAGE_BYTES, image_type
from .store import DATABASE_NAME, Saved, Store

__all__ = [
    "DATABASE_NAME",
    "EXTENSIONS",
    "MAX_IMAGE_BYTES",
    "CacheBusy",
    "CacheDamaged",
    "CacheUnwritable",
    "DiskFull",
    "NotAChannel",
    "Saved",
    "Store",
    "StoreError",
    "image_type",
]
