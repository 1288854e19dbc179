"""gansureader: a desktop reader for 中国甘肃网 (gscn.com.cn) that keeps working offline."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("gansureader")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+unknown"

__all__ = ["__version__"]
