"""Regenerate server/terminal_schema.sql (and TERMINAL_MIGRATIONS in server/snapshot.py) from a fresh terminal store.

Run after adding a terminal migration in sync/schema.py; tests/test_sync_snapshot.py checks they match.
"""

from __future__ import annotations

import re
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sync.schema import migrations  # noqa: E402
from sync.store import Store  # noqa: E402
from sync.storekey import new_key  # noqa: E402


def main() -> None:
    names = [m.name for m in migrations._migrations]
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "fresh.sqlite3", key=new_key())  # a throwaway store: no keyring needed
        rows = store.query(
            "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' "
            "AND name != '_sqlite_migrations' ORDER BY rowid"
        )
        store.close()
    header = (
        f"-- The terminal store's schema (sync/schema.py migrations {' and '.join(names)}), used to build\n"
        "-- snapshots that a terminal swaps in as its database file. tests/test_sync_snapshot.py checks that it\n"
        "-- matches a store made by the terminal code; regenerate it with scripts/terminal_schema.py.\n"
        f"-- migrations: {' '.join(names)}\n\n"
    )
    # server/snapshot.py creates the migrations table itself and records the names above in it.
    body = "".join(f"{r[0]};\n\n" for r in rows if "_sqlite_migrations" not in r[0])
    (ROOT / "server" / "terminal_schema.sql").write_text(header + body.rstrip() + "\n", encoding="utf-8")
    snapshot = ROOT / "server" / "snapshot.py"
    text = snapshot.read_text(encoding="utf-8")
    text = re.sub(
        r"TERMINAL_MIGRATIONS = \([^)]*\)", "TERMINAL_MIGRATIONS = (" + ", ".join(f'"{n}"' for n in names) + ")", text
    )
    snapshot.write_text(text, encoding="utf-8")
    print(f"terminal schema written ({len(rows)} objects, migrations {', '.join(names)})")


if __name__ == "__main__":
    main()
