"""The frozen app's entry point: the same ``gansureader`` command as the installed one."""

import sys

from gansureader.cli import main

if __name__ == "__main__":
    sys.exit(main())
