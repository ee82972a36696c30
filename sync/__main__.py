"""``python -m sync`` and the bundled ``memberdesk-cli`` run the terminal's command line."""

import sys

from sync.cli import main

sys.exit(main())
