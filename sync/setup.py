"""Setting a terminal store up: identity, rules and master data, stock allocation, member-QR keys."""

from __future__ import annotations

import tomllib
from datetime import datetime
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from membership import codes
from membership.masterdata import default_masterdata_dir, masterdata_from_dicts
from membership.rules import default_rules_path, rules_from_dict
from membership.timeutil import to_utc_text

from .store import Store, utc_now

MASTERDATA_FILES = ("tenants", "catalogue", "coupons")


def init_store(
    path: Path | str,
    terminal_code: int,
    name: str,
    terminal_id: str | None = None,
    rules_path: Path | None = None,
    masterdata_dir: Path | None = None,
    now: datetime | None = None,
    signing_key: bool = True,
) -> Store:
    """Create (or re-open) a store and give it an identity, rules, master data and stock.

    ``signing_key`` creates a local member-QR signing key (key id = the terminal code) so that a member
    enrolled here can get a signed welcome-slip QR at once, even offline. With the central server, the
    server pins every terminal's public key on all terminals (see docs/DECISIONS.md).
    """
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    store = Store(path)
    now = now or utc_now()
    at = to_utc_text(now)
    with store.transaction() as conn:
        store.set_terminal(conn, terminal_id or f"T{terminal_code:03d}", terminal_code, name, at)
        load_rules(store, rules_path or default_rules_path(), now)
        load_masterdata(store, masterdata_dir or default_masterdata_dir(), now)
        if signing_key and store.scalar("SELECT count(*) FROM qr_keys WHERE private_hex IS NOT NULL") == 0:
            key = Ed25519PrivateKey.generate()
            conn.execute(
                "INSERT OR REPLACE INTO qr_keys (key_id, public_hex, private_hex, added_at) VALUES (?, ?, ?, ?)",
                (terminal_code % 256, codes.public_key_hex(key.public_key()), codes.private_key_hex(key), at),
            )
        store.append_audit(conn, at, "SYSTEM", "terminal_init", f"T{terminal_code:03d}", detail={"name": name})
    return store


def load_rules(store: Store, path: Path, now: datetime) -> str:
    """Validate a rules file and make it the terminal's rules; returns the version."""
    body = Path(path).read_text(encoding="utf-8")
    rules = rules_from_dict(tomllib.loads(body))  # raises RulesError naming the bad field
    with store.transaction() as conn:  # nests as a savepoint inside init_store's transaction
        store.save_document(conn, "rules", rules.version, body, to_utc_text(now))
        store.append_audit(conn, to_utc_text(now), "SYSTEM", "rules_loaded", rules.version)
    return rules.version


def load_masterdata(store: Store, directory: Path, now: datetime) -> None:
    """Validate tenants, catalogue and coupon definitions together and load them; top up new stock lines."""
    directory = Path(directory)
    bodies = {name: (directory / f"{name}.toml").read_text(encoding="utf-8") for name in MASTERDATA_FILES}
    parsed = {name: tomllib.loads(body) for name, body in bodies.items()}
    master = masterdata_from_dicts(parsed["tenants"], parsed["catalogue"], parsed["coupons"], store.rules())
    at = to_utc_text(now)
    with store.transaction() as target:
        for name, body in bodies.items():
            store.save_document(target, name, str(parsed[name].get("version", "")), body, at)
        for item in master.catalogue.values():
            # The allocation is this desk's opening stock; later changes come from operations and the server.
            target.execute(
                "INSERT OR IGNORE INTO stock (item_code, quantity) VALUES (?, ?)", (item.code, item.stock_per_desk)
            )
        store.append_audit(
            target,
            at,
            "SYSTEM",
            "masterdata_loaded",
            "",
            detail={n: str(parsed[n].get("version", "")) for n in MASTERDATA_FILES},
        )
