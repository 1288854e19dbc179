"""gansureader: a desktop reader for 中国甘肃网 (gscn.com.cn) that keeps working offline."""

# The one place the version is written; pyproject.toml reads it from here. A plain
# string, because importlib.metadata costs ~50 ms of every start.
__version__ = "0.2.0"

__all__ = ["__version__"]
