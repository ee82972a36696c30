"""``python -m desktop`` and the bundled executable start the desk application."""

import sys

from desktop.app import main

sys.exit(main())
