"""Where gansureader's files live: the user's data folder and the bundled resources.

Everything the app stores (database, image files) lives below one data folder:
``--data-dir``, else ``GANSUREADER_DATA_DIR``, else the platform's user data dir.
Resources are found in a source checkout, an installed package and a PyInstaller
bundle alike.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_NAME = "gansureader"
DATA_DIR_VARIABLE = "GANSUREADER_DATA_DIR"


def data_dir(explicit: str | os.PathLike | None = None) -> Path:
    """The data folder: the explicit one, else the environment's, else the platform's."""
    if explicit:
        return Path(explicit).expanduser()
    if os.environ.get(DATA_DIR_VARIABLE):
        return Path(os.environ[DATA_DIR_VARIABLE]).expanduser()
    # appdirs only here: it is the one dependency of this module and only this needs it.
    from appdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False))


def resources_dir() -> Path:
    """The ``resources/`` folder: beside the frozen executable, or at the top of the checkout."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "resources"
    here = Path(__file__).resolve().parent
    for candidate in (here / "resources", here.parent.parent / "resources"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"gansureader's resources folder was not found near {here}")


def licence_files() -> list[Path]:
    """The project's licence and, in a built bundle, the notices of all it carries
    (packaging/notices.py writes them beside the executable)."""
    if getattr(sys, "frozen", False):
        here = Path(sys.executable).resolve().parent  # beside it; in a macOS .app, Resources
        folder = next(
            (f for f in (here / "licenses", here.parent / "Resources" / "licenses") if f.is_dir()),
            here / "licenses",
        )
        return [p for p in (folder / "LICENSE", folder / "THIRD-PARTY-NOTICES.txt") if p.is_file()]
    here = Path(__file__).resolve().parent
    return [path for path in (here.parent.parent / "LICENSE",) if path.is_file()]
