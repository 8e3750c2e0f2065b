"""PyInstaller entry point: the same ``main()`` as the ``supervision-journal`` console script
(no arguments: the desktop app; a command: the command line)."""

import sys

from supervision_journal.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
