"""The licence notices of a built bundle, made from what the bundle holds:

    python packaging/notices.py dist/gansureader

writes ``licenses/THIRD-PARTY-NOTICES.txt`` and ``licenses/LICENSE`` (the project's)
into the bundle. Every Python distribution whose modules the build froze (read from the
bundle's own archive) comes with its licence expression and licence files, from its
metadata or, where a distribution ships none, from packaging/licenses/. Every shared
library the build host gave the bundle comes with the copyright file of the Debian
package it came from. Anything that cannot be accounted for stops the build: a bundle
is not passed on with a notice missing.
"""

from __future__ import annotations

import importlib.metadata as metadata
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OWN_TEXTS = ROOT / "packaging" / "licenses"
# Distributions that ship no licence file: the texts their licence names, kept here.
TEXTS_OF = {
    "PySide6_Essentials": ["LGPL-3.0.txt", "GPL-3.0.txt"],
    "PySide6_Addons": ["LGPL-3.0.txt", "GPL-3.0.txt"],
    "shiboken6": ["LGPL-3.0.txt", "GPL-3.0.txt"],
    "feedgen": ["feedgen.txt", "LGPL-3.0.txt", "GPL-3.0.txt"],
}
SOURCES = {  # LGPL: where the source of the libraries as shipped is
    "PySide6_Essentials": "https://download.qt.io/official_releases/QtForPython/pyside6/",
    "PySide6_Addons": "https://download.qt.io/official_releases/QtForPython/pyside6/",
    "shiboken6": "https://download.qt.io/official_releases/QtForPython/shiboken6/",
}
# Libraries a wheel carries besides its own (Qt for Python's wheel: ICU), by name prefix.
WHEEL_LIBRARIES = {"libicu": ("ICU, carried by the PySide6 wheel (the Unicode licence)", "ICU.txt")}
LICENCE_FILE = re.compile(r"(LICEN[CS]E|COPYING|NOTICE|AUTHORS)", re.IGNORECASE)
RULE = "=" * 78


class NoticeMissing(Exception):
    pass


def frozen_modules(bundle: Path) -> set[str]:
    """Top-level names of the Python modules frozen into the bundle's archive, and of the
    packages it holds as folders (extension modules, data)."""
    from PyInstaller.archive.readers import CArchiveReader

    executable = next(
        p for p in (bundle / bundle.name, bundle / f"{bundle.name}.exe") if p.exists()
    )
    archive = CArchiveReader(str(executable))
    names = set()
    for entry in archive.toc:
        if entry.endswith(".pyz"):
            names |= {name.split(".")[0] for name in archive.open_embedded_archive(entry).toc}
    internal = bundle / "_internal"
    names |= {path.name.split(".")[0] for path in internal.iterdir() if path.is_dir()}
    return names


def distributions(modules: set[str]) -> dict[str, metadata.Distribution]:
    """The distributions (of this build's Python) those modules come from."""
    owners = metadata.packages_distributions()
    found = {}
    for module in sorted(modules):
        for name in owners.get(module, []):
            if name != "gansureader":
                found[name] = metadata.distribution(name)
    return found


def licence_of(dist: metadata.Distribution) -> str:
    meta = dist.metadata
    expression = meta.get("License-Expression") or meta.get("License") or ""
    if not expression or len(expression) > 80:  # some put the whole text in License
        classifiers = [c for c in meta.get_all("Classifier") or [] if c.startswith("License ::")]
        expression = "; ".join(c.split(" :: ")[-1] for c in classifiers) or expression[:80]
    return expression.strip()


def texts_of(name: str, dist: metadata.Distribution) -> list[tuple[str, str]]:
    files = [f for f in dist.files or [] if ".dist-info" in str(f) and LICENCE_FILE.search(f.name)]
    texts = [(str(f), Path(f.locate()).read_text("utf-8", errors="replace")) for f in files]
    for own in TEXTS_OF.get(name, []) if not texts else []:
        texts.append((own, (OWN_TEXTS / own).read_text(encoding="utf-8")))
    if not texts:
        raise NoticeMissing(f"{name} {dist.version}: no licence text (add it to TEXTS_OF)")
    return texts


def bundled_libraries(bundle: Path) -> list[Path]:
    """Shared libraries the build host gave the bundle (not those inside a wheel's
    folder, which its distribution's notice covers)."""
    internal = bundle / "_internal"
    return sorted(
        path
        for path in internal.iterdir()
        if path.is_file()
        and not path.is_symlink()
        and ".so" in path.name
        and path.name.startswith("lib")
        and not path.name.startswith("libpython")
    )


def debian_package_of(library: Path) -> str:
    found = subprocess.run(
        ["dpkg", "-S", f"*/{library.name}"], capture_output=True, text=True, check=False
    )
    packages = sorted({line.split(":")[0] for line in found.stdout.splitlines() if ":" in line})
    if not packages:
        raise NoticeMissing(f"{library.name}: no Debian package owns it, so no licence is known")
    return packages[0]


def wheel_library_notices(bundle: Path) -> list[str]:
    """The libraries beside Qt's own in the PySide6 wheel's folder."""
    folder = bundle / "_internal" / "PySide6" / "Qt" / "lib"
    others = sorted(p.name for p in folder.glob("*.so*") if not p.name.startswith("libQt6"))
    parts, seen = [], set()
    for name in others:
        prefix = next((known for known in WHEEL_LIBRARIES if name.startswith(known)), None)
        if prefix is None:
            raise NoticeMissing(f"{name} (in the PySide6 wheel): add it to WHEEL_LIBRARIES")
        if prefix not in seen:
            seen.add(prefix)
            title, text = WHEEL_LIBRARIES[prefix]
            parts += [RULE, f"{title}: {', '.join(o for o in others if o.startswith(prefix))}"]
            parts += [RULE, (OWN_TEXTS / text).read_text(encoding="utf-8")]
    return parts


def python_notice() -> tuple[str, str]:
    licence = (
        Path(sys.base_prefix) / "lib" / f"python{sys.version_info.major}.{sys.version_info.minor}"
    )
    text = (licence / "LICENSE.txt").read_text(encoding="utf-8", errors="replace")
    return f"Python {sys.version.split()[0]} (interpreter and standard library)", text


def notices(bundle: Path) -> str:
    parts = [
        "gansureader bundles the software below. Each part is under its own licence, whose",
        "full text follows. gansureader itself is under the MIT licence (LICENSE beside this).",
        "",
    ]
    title, text = python_notice()
    parts += [RULE, title, "Licence: PSF-2.0", RULE, text]
    for name, dist in distributions(frozen_modules(bundle)).items():
        header = [RULE, f"{name} {dist.version}", f"Licence: {licence_of(dist)}"]
        if name in SOURCES:
            header.append(f"Source: {SOURCES[name]} (the Qt libraries as shipped, LGPL-3.0)")
        parts += header + [RULE]
        for path, content in texts_of(name, dist):
            parts += [f"--- {path}", content.rstrip(), ""]
    parts += wheel_library_notices(bundle)
    if sys.platform.startswith("linux"):
        by_package: dict[str, list[str]] = {}
        for library in bundled_libraries(bundle):
            by_package.setdefault(debian_package_of(library), []).append(library.name)
        for package, libraries in sorted(by_package.items()):
            copyright_file = Path("/usr/share/doc") / package / "copyright"
            if not copyright_file.is_file():
                raise NoticeMissing(f"{package} ({', '.join(libraries)}): no {copyright_file}")
            parts += [RULE, f"{package} (Debian package): {', '.join(libraries)}", RULE]
            parts.append(copyright_file.read_text(encoding="utf-8", errors="replace"))
    return "\n".join(parts) + "\n"


def main() -> int:
    bundle = Path(sys.argv[1])
    try:
        text = notices(bundle)
    except NoticeMissing as missing:
        print(f"notices.py: {missing}", file=sys.stderr)
        return 1
    folder = bundle / "licenses"
    folder.mkdir(exist_ok=True)
    (folder / "THIRD-PARTY-NOTICES.txt").write_text(text, encoding="utf-8")
    (folder / "LICENSE").write_text((ROOT / "LICENSE").read_text(encoding="utf-8"), "utf-8")
    print(folder / "THIRD-PARTY-NOTICES.txt")
    return 0


if __name__ == "__main__":
    sys.exit(main())
