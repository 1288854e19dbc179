"""Build hook: put resources/ into the wheel as gansureader/resources.

pyproject.toml holds all metadata; this only copies the top-level resources
folder (channels, demo site, icons, compiled translations) into built packages,
so an installed gansureader finds them beside its code (see paths.resources_dir).
Editable installs read resources/ from the checkout instead.
"""

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py


class BuildWithResources(build_py):
    def run(self) -> None:
        super().run()
        if not self.editable_mode:
            shutil.copytree(
                Path(__file__).parent / "resources",
                Path(self.build_lib) / "gansureader" / "resources",
                dirs_exist_ok=True,
                ignore=shutil.ignore_patterns("*.ts"),  # translation sources; the .qm ships
            )


setup(cmdclass={"build_py": BuildWithResources})
