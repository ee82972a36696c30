"""Administration of the server: set-up, staff, rules, terminals and their tokens, stock, coupons, keys, exceptions.

Each function runs in one write transaction and emits the changes terminals pull, so what an
administrator does reaches every desk through the same pull as operations do.
"""

from __future__ import annotations

import base64
import csv
import hashlib
import json
import secrets
import tomllib
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from argon2 import PasswordHasher, Type
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import text

from membership import codes
from membership.argon2_params import PIN_HASHING
from membership.i18n import QT_TRANSLATE_NOOP, Message
from membership.masterdata import default_masterdata_dir, masterdata_from_dicts
from membership.permissions import ROLES
from membership.rules import default_rules_path, rules_from_dict
from membership.timeutil import business_day, to_utc_text
from membership.validation import InvalidInput, is_pin, normalize_name, normalize_phone, parse_birthday

from .apply import QUARANTINED, Envelope, TerminalRef, apply_quarantined, emit_exception, emit_rows
from .db import ServerDB, WriteTx
from .state import Reference

CTX = "Server"
MIGRATIONS = Path(__file__).resolve().parent / "migrations"
# The terminals' argon2id parameters (membership/argon2_params.py), so a PIN hash made here verifies there.
_HASHER = PasswordHasher(**PIN_HASHING.hasher_kwargs(), type=Type[PIN_HASHING.variant])
SERVER_CODE = 0  # coupon serials and member numbers made by the server itself
IMPORT_CODES = range(900, 1000)


class AdminError(Exception):
    """An administrative request was refused; ``message`` says why and what to do."""

    def __init__(self, text_: str, /, **params: Any):
        self.message = Message(CTX, text_, params)
        super().__init__(str(self.message))


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def migrate(url: str) -> None:
    """Create or upgrade the schema to the newest Alembic revision."""
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    db = ServerDB(url)
    try:
        with db.engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")
    finally:
        db.dispose()


def _counter(tx: WriteTx, name: str) -> int:
    conn = tx.conn
    row = conn.execute(text("SELECT value FROM counters WHERE name = :n"), {"n": name}).first()
    value = (row[0] if row else 0) + 1
    if row is None:
        conn.execute(text("INSERT INTO counters (name, value) VALUES (:n, :v)"), {"n": name, "v": value})
    else:
        conn.execute(text("UPDATE counters SET value = :v WHERE name = :n"), {"n": name, "v": value})
    return value


def server_op_id(tx: WriteTx, now: datetime) -> str:
    return codes.uuid7(int(now.timestamp() * 1000), secrets.token_bytes(10))


# -- staff, rules ---------------------------------------------------------------------------------------


def save_staff(db: ServerDB, staff_no: str, name: str, role: str, pin: str, now: datetime) -> None:
    staff_no = (staff_no or "").strip().upper()
    if not staff_no or len(staff_no) > 16 or not staff_no.isalnum():
        raise AdminError(QT_TRANSLATE_NOOP("Server", "A staff number is 1 to 16 letters or digits."))
    if role not in ROLES:
        raise AdminError(QT_TRANSLATE_NOOP("Server", "The role must be desk, cashier or manager."))
    if not is_pin(pin):
        raise AdminError(QT_TRANSLATE_NOOP("Server", "A PIN is 4 to 8 digits."))
    name = normalize_name(name)
    row = {"staff_no": staff_no, "name": name, "role": role, "pin_hash": _HASHER.hash(pin), "active": 1}
    save_staff_rows(db, [row], now)


def save_staff_rows(db: ServerDB, rows: list[dict[str, Any]], now: datetime) -> None:
    at = to_utc_text(now)
    with db.write() as tx:
        for row in rows:
            tx.conn.execute(text("DELETE FROM staff WHERE staff_no = :s"), {"s": row["staff_no"]})
            tx.conn.execute(
                text(
                    "INSERT INTO staff (staff_no, name, role, pin_hash, active, updated_at) "
                    "VALUES (:staff_no, :name, :role, :pin_hash, :active, :at)"
                ),
                {**row, "at": at},
            )
            _staff_history(tx, row["staff_no"], row["role"], int(row["active"]), at)
            tx.emit("staff", row["staff_no"], {**row, "updated_at": at})


def deactivate_staff(db: ServerDB, staff_no: str, now: datetime) -> None:
    at = to_utc_text(now)
    with db.write() as tx:
        row = tx.conn.execute(text("SELECT * FROM staff WHERE staff_no = :s"), {"s": staff_no}).mappings().first()
        if row is None:
            raise AdminError(QT_TRANSLATE_NOOP("Server", "Staff number {staff_no} is not known."), staff_no=staff_no)
        tx.conn.execute(
            text("UPDATE staff SET active = 0, updated_at = :a WHERE staff_no = :s"), {"a": at, "s": staff_no}
        )
        _staff_history(tx, staff_no, row["role"], 0, at)
        tx.emit("staff", staff_no, {**dict(row), "active": 0, "updated_at": at})


def _staff_history(tx: WriteTx, staff_no: str, role: str, active: int, at: str) -> None:
    """Remember the role and status from ``at`` on: pushed operations are checked against the record of
    their own time (server.state.staff_as_of)."""
    tx.conn.execute(
        text("INSERT INTO staff_history (staff_no, role, active, valid_from) VALUES (:s, :r, :a, :v)"),
        {"s": staff_no, "r": role, "a": active, "v": at},
    )


def load_rules(db: ServerDB, rules_path: Path | None, masterdata_dir: Path | None, now: datetime) -> str:
    """Validate the rules and master data together, store them, and give every desk its stock for new gifts."""
    rules_body = Path(rules_path or default_rules_path()).read_text(encoding="utf-8")
    directory = Path(masterdata_dir or default_masterdata_dir())
    bodies = {"rules": rules_body}
    for name in ("tenants", "catalogue", "coupons"):
        bodies[name] = (directory / f"{name}.toml").read_text(encoding="utf-8")
    parsed = {name: tomllib.loads(body) for name, body in bodies.items()}
    rules = rules_from_dict(parsed["rules"])  # raises RulesError naming the field
    master = masterdata_from_dicts(parsed["tenants"], parsed["catalogue"], parsed["coupons"], rules)
    at = to_utc_text(now)
    with db.write() as tx:
        conn = tx.conn
        for name, body in bodies.items():
            version = rules.version if name == "rules" else str(parsed[name].get("version", ""))
            old = conn.execute(text("SELECT body FROM documents WHERE name = :n"), {"n": name}).scalar()
            if old == body:
                continue
            conn.execute(text("DELETE FROM documents WHERE name = :n"), {"n": name})
            conn.execute(
                text("INSERT INTO documents (name, version, body, loaded_at) VALUES (:n, :v, :b, :a)"),
                {"n": name, "v": version, "b": body, "a": at},
            )
            tx.emit("document", name, {"name": name, "version": version, "body": body, "loaded_at": at})
        terminal_ids = [r[0] for r in conn.execute(text("SELECT terminal_id FROM terminals"))]
        for terminal_id in terminal_ids:
            have = {
                r[0]
                for r in conn.execute(text("SELECT item_code FROM stock WHERE terminal_id = :t"), {"t": terminal_id})
            }
            new = {code: item.stock_per_desk for code, item in master.catalogue.items() if code not in have}
            if new:
                _allocate(tx, terminal_id, new, now, rules)
    return rules.version


def _allocate(tx: WriteTx, terminal_id: str, quantities: dict[str, int], now: datetime, rules: Any = None) -> str:
    """Stock given to (or taken from) a desk: a server operation with stock moves, pulled by that desk."""
    conn = tx.conn
    at = to_utc_text(now)
    if rules is None:
        rules = Reference().get(conn)[0]
    day = business_day(now, rules.timezone, rules.cutover_hour).isoformat()
    op_id = server_op_id(tx, now)
    moves = []
    for item, delta in sorted(quantities.items()):
        conn.execute(
            text(
                "INSERT INTO stock (terminal_id, item_code, quantity) VALUES (:t, :i, :q) "
                "ON CONFLICT (terminal_id, item_code) DO UPDATE SET quantity = stock.quantity + excluded.quantity"
            ),
            {"t": terminal_id, "i": item, "q": delta},
        )
        conn.execute(
            text(
                "INSERT INTO stock_moves (terminal_id, op_id, item_code, delta, business_day, created_at) "
                "VALUES (:t, :o, :i, :d, :b, :a)"
            ),
            {"t": terminal_id, "o": op_id, "i": item, "d": delta, "b": day, "a": at},
        )
        moves.append([terminal_id, item, delta])
    tx.emit("op", op_id, _server_op(op_id, "allocate_stock", moves=moves, business_day=day))
    return op_id


def _server_op(op_id: str, kind: str, **effects: Any) -> dict[str, Any]:
    return {
        "op_id": op_id,
        "terminal_id": None,
        "epoch": None,
        "seq": None,
        "kind": kind,
        "status": "applied",
        "code": None,
        "member_no": effects.get("member_no"),
        "lines": effects.get("lines", []),
        "moves": effects.get("moves", []),
        "claims": [],
        "business_day": effects.get("business_day"),
        "reverses": None,
    }


def allocate_stock(db: ServerDB, terminal_id: str, item_code: str, delta: int, now: datetime) -> str:
    with db.write() as tx:
        if tx.conn.execute(text("SELECT 1 FROM terminals WHERE terminal_id = :t"), {"t": terminal_id}).first() is None:
            raise AdminError(
                QT_TRANSLATE_NOOP("Server", "Terminal {terminal} is not registered."), terminal=terminal_id
            )
        _, master = Reference().get(tx.conn)
        if item_code not in master.catalogue:
            raise AdminError(QT_TRANSLATE_NOOP("Server", "Gift {code} is not in the catalogue."), code=item_code)
        return _allocate(tx, terminal_id, {item_code: delta}, now)


# -- terminals --------------------------------------------------------------------------------------------


def _code_text(raw: bytes) -> str:
    chars = base64.b32encode(raw).decode().rstrip("=")[:12]
    return "-".join(chars[i : i + 4] for i in range(0, 12, 4))


def issue_registration_code(
    db: ServerDB, name: str, now: datetime, terminal_code: int | None = None, valid_hours: int = 24
) -> str:
    """A one-time code (e.g. ``K3QF-7ZP2-MA9D``) an installer types into a new terminal; only its hash is kept."""
    if terminal_code is not None and not 1 <= terminal_code <= 899:
        raise AdminError(QT_TRANSLATE_NOOP("Server", "A terminal code is from 1 to 899."))
    code = _code_text(secrets.token_bytes(10))
    with db.write() as tx:
        if (
            terminal_code is not None
            and tx.conn.execute(text("SELECT 1 FROM terminals WHERE terminal_code = :c"), {"c": terminal_code}).first()
        ):
            raise AdminError(
                QT_TRANSLATE_NOOP("Server", "Terminal code {code} is already registered."), code=terminal_code
            )
        tx.conn.execute(
            text(
                "INSERT INTO registration_codes (code_hash, terminal_code, name, expires_at, created_at) "
                "VALUES (:h, :c, :n, :e, :a)"
            ),
            {
                "h": token_hash(_normal_code(code)),
                "c": terminal_code,
                "n": name,
                "e": to_utc_text(now + timedelta(hours=valid_hours)),
                "a": to_utc_text(now),
            },
        )
    return code


def _normal_code(code: str) -> str:
    return "".join(ch for ch in (code or "").upper() if ch.isalnum())


@dataclass(frozen=True)
class Registered:
    terminal_id: str
    terminal_code: int
    name: str
    token: str
    key_id: int | None
    stock: dict[str, int]
    change_no: int
    replay: bool = False


def _registered_again(conn: Any, terminal: Any, token: str, change_no: int) -> Registered:
    """The answer a lost registration answer would have carried, for the terminal holding this token."""
    stock = {
        r.item_code: r.quantity
        for r in conn.execute(
            text("SELECT item_code, quantity FROM stock WHERE terminal_id = :t"), {"t": terminal.terminal_id}
        )
    }
    return Registered(
        terminal.terminal_id, terminal.terminal_code, terminal.name, token, terminal.key_id, stock, change_no, True
    )


def register(
    db: ServerDB,
    code: str,
    now: datetime,
    requested_code: int | None = None,
    has_operations: bool = False,
    public_key_hex: str | None = None,
    key_id: int | None = None,
    name: str | None = None,
    token: str | None = None,
) -> Registered:
    """Exchange a one-time code for a terminal id, a terminal code and a token (only its hash is kept).

    Idempotent: a terminal offers the token it will use (``token``, kept on its side before asking). Asked
    again with that token — the same code after a lost answer, or a new code — the server answers with the
    terminal that token already belongs to instead of burning the code or making a second terminal.
    """
    at = to_utc_text(now)
    with db.write() as tx:
        conn = tx.conn
        row = conn.execute(
            text("SELECT * FROM registration_codes WHERE code_hash = :h"), {"h": token_hash(_normal_code(code))}
        ).first()
        if token is not None and row is not None and row.expires_at >= at:
            holder = conn.execute(
                text("SELECT * FROM terminals WHERE token_hash = :h AND status = 'active'"), {"h": token_hash(token)}
            ).first()
            if holder is not None and (row.used_at is None or row.used_by == holder.terminal_id):
                if row.terminal_code is not None and row.terminal_code != holder.terminal_code:
                    raise AdminError(
                        QT_TRANSLATE_NOOP(
                            "Server",
                            "This desk is already registered as terminal code {have}; this registration code is "
                            "for terminal code {wanted}. Issue a code for terminal code {have}, or revoke {terminal} "
                            "first.",
                        ),
                        have=holder.terminal_code,
                        wanted=row.terminal_code,
                        terminal=holder.terminal_id,
                    )
                return _registered_again(conn, holder, token, tx.next_no)
        if row is None or row.used_at is not None or row.expires_at < at:
            raise AdminError(
                QT_TRANSLATE_NOOP(
                    "Server", "This registration code is not valid (mistyped, used or expired); ask for a new one."
                )
            )
        taken = {r[0] for r in conn.execute(text("SELECT terminal_code FROM terminals"))}
        if row.terminal_code is not None:
            terminal_code = row.terminal_code
        elif requested_code and requested_code not in taken and 1 <= requested_code <= 899:
            terminal_code = requested_code
        else:
            terminal_code = next(c for c in range(1, 900) if c not in taken)
        if terminal_code in taken:
            raise AdminError(
                QT_TRANSLATE_NOOP("Server", "Terminal code {code} is already registered."), code=terminal_code
            )
        if has_operations and requested_code is not None and requested_code != terminal_code:
            # Member numbers and serials already made there carry the old code: it must stay.
            raise AdminError(
                QT_TRANSLATE_NOOP(
                    "Server",
                    "This terminal already has operations under terminal code {have}; issue a registration code "
                    "for that terminal code.",
                ),
                have=requested_code,
            )
        token = token or secrets.token_urlsafe(32)
        terminal_id = f"T{terminal_code:03d}"
        display = name or row.name
        used_keys = {r[0] for r in conn.execute(text("SELECT key_id FROM qr_keys"))}
        assigned_key = None
        if public_key_hex:
            codes.public_key_from_hex(public_key_hex)  # refuse garbage early
            assigned_key = key_id if key_id is not None and key_id not in used_keys and 0 <= key_id <= 255 else None
            if assigned_key is None and terminal_code % 256 not in used_keys:
                assigned_key = terminal_code % 256  # the key id init_store would have given this code
            if assigned_key is None:
                free = [k for k in range(1, 256) if k not in used_keys]
                if not free:
                    raise AdminError(QT_TRANSLATE_NOOP("Server", "No member-QR key ids are left; retire an old key."))
                assigned_key = free[0]
            conn.execute(
                text(
                    "INSERT INTO qr_keys (key_id, public_hex, owner, status, added_at) VALUES (:k, :p, :o, 'active', :a)"
                ),
                {"k": assigned_key, "p": public_key_hex, "o": terminal_id, "a": at},
            )
            tx.emit(
                "qr_key", str(assigned_key), {"key_id": assigned_key, "public_hex": public_key_hex, "status": "active"}
            )
        conn.execute(
            text(
                "INSERT INTO terminals (terminal_id, terminal_code, name, token_hash, status, key_id, registered_at, "
                "pulled_through) VALUES (:t, :c, :n, :h, 'active', :k, :a, 0)"
            ),
            {"t": terminal_id, "c": terminal_code, "n": display, "h": token_hash(token), "k": assigned_key, "a": at},
        )
        conn.execute(
            text("UPDATE registration_codes SET used_at = :a, used_by = :t WHERE code_hash = :h"),
            {"a": at, "t": terminal_id, "h": row.code_hash},
        )
        stock: dict[str, int] = {}
        try:
            _, master = Reference().get(conn)
            stock = {code_: item.stock_per_desk for code_, item in master.catalogue.items()}
        except LookupError:
            pass
        for item, quantity in stock.items():
            conn.execute(
                text("INSERT INTO stock (terminal_id, item_code, quantity) VALUES (:t, :i, :q)"),
                {"t": terminal_id, "i": item, "q": quantity},
            )
        return Registered(terminal_id, terminal_code, display, token, assigned_key, stock, tx.next_no)


def revoke_terminal(db: ServerDB, terminal_id: str, now: datetime) -> None:
    """Refuse the terminal's token from now on, and unpin its member-QR key on every terminal."""
    with db.write() as tx:
        row = tx.conn.execute(text("SELECT * FROM terminals WHERE terminal_id = :t"), {"t": terminal_id}).first()
        if row is None:
            raise AdminError(
                QT_TRANSLATE_NOOP("Server", "Terminal {terminal} is not registered."), terminal=terminal_id
            )
        tx.conn.execute(
            text("UPDATE terminals SET status = 'revoked', token_hash = NULL, revoked_at = :a WHERE terminal_id = :t"),
            {"a": to_utc_text(now), "t": terminal_id},
        )
        for key in tx.conn.execute(
            text("SELECT key_id, public_hex FROM qr_keys WHERE owner = :t AND status != 'revoked'"), {"t": terminal_id}
        ).all():
            tx.conn.execute(text("UPDATE qr_keys SET status = 'revoked' WHERE key_id = :k"), {"k": key.key_id})
            tx.emit(
                "qr_key", str(key.key_id), {"key_id": key.key_id, "public_hex": key.public_hex, "status": "revoked"}
            )


def rotate_qr_key(db: ServerDB, now: datetime) -> int:
    """A new signing key for member QR codes the server issues; older server keys stay pinned (retired)."""
    key = Ed25519PrivateKey.generate()
    at = to_utc_text(now)
    with db.write() as tx:
        used = {r[0] for r in tx.conn.execute(text("SELECT key_id FROM qr_keys WHERE status != 'revoked'"))}
        free = [k for k in range(255, 0, -1) if k not in used]
        if not free:
            raise AdminError(QT_TRANSLATE_NOOP("Server", "No member-QR key ids are left; retire an old key."))
        key_id = free[0]
        for old in tx.conn.execute(
            text("SELECT key_id, public_hex FROM qr_keys WHERE owner = 'server' AND status = 'active'")
        ).all():
            tx.conn.execute(text("UPDATE qr_keys SET status = 'retired' WHERE key_id = :k"), {"k": old.key_id})
            tx.emit(
                "qr_key", str(old.key_id), {"key_id": old.key_id, "public_hex": old.public_hex, "status": "retired"}
            )
        tx.conn.execute(text("DELETE FROM qr_keys WHERE key_id = :k"), {"k": key_id})
        public_hex = codes.public_key_hex(key.public_key())
        tx.conn.execute(
            text(
                "INSERT INTO qr_keys (key_id, public_hex, private_hex, owner, status, added_at) "
                "VALUES (:k, :p, :s, 'server', 'active', :a)"
            ),
            {"k": key_id, "p": public_hex, "s": codes.private_key_hex(key), "a": at},
        )
        tx.emit("qr_key", str(key_id), {"key_id": key_id, "public_hex": public_hex, "status": "active"})
    return key_id


# -- members and coupons --------------------------------------------------------------------------------------


def import_members(db: ServerDB, path: Path, now: datetime) -> int:
    """Import members (CSV: name, phone, birthday[, gender, card_no, points]); all rows or none."""
    at = to_utc_text(now)
    with db.read() as conn:
        rules, _ = Reference().get(conn)
    today = business_day(now, rules.timezone, rules.cutover_hour)
    rows = []
    seen: set[str] = set()
    with Path(path).open(encoding="utf-8-sig", newline="") as handle:
        for line, raw in enumerate(csv.DictReader(handle), start=2):
            try:
                phone = normalize_phone(raw.get("phone") or "")
                if phone in seen:
                    raise AdminError(QT_TRANSLATE_NOOP("Server", "Line {line}: the phone number repeats."), line=line)
                seen.add(phone)
                rows.append(
                    {
                        "name": normalize_name(raw.get("name") or ""),
                        "phone": phone,
                        "birthday": parse_birthday(raw.get("birthday") or "", today.year).text(),
                        "gender": (raw.get("gender") or "").strip().lower(),
                        "card_no": (raw.get("card_no") or "").strip() or None,
                        "points": int((raw.get("points") or "0").strip() or 0),
                    }
                )
            except InvalidInput as exc:
                raise AdminError(
                    QT_TRANSLATE_NOOP("Server", "Line {line}: {problem}"), line=line, problem=exc.message
                ) from None
            except ValueError:
                raise AdminError(
                    QT_TRANSLATE_NOOP("Server", "Line {line}: points must be a whole number."), line=line
                ) from None
    return import_member_rows(db, rows, now, at, rules, today)


def import_member_rows(db: ServerDB, rows: list[dict[str, Any]], now: datetime, at: str, rules: Any, today: Any) -> int:
    with db.write() as tx:
        conn = tx.conn
        start = _counter_add(tx, "import_seq", len(rows))
        members, lines, member_changes = [], [], []
        for offset, row in enumerate(rows):
            index = start + offset
            member_no = codes.make_member_no(IMPORT_CODES.start + index // 999_999, index % 999_999 + 1)
            if conn.execute(
                text("SELECT 1 FROM members WHERE phone = :p AND status = 'active'"), {"p": row["phone"]}
            ).first():
                raise AdminError(
                    QT_TRANSLATE_NOOP("Server", "{phone} already belongs to a member; nothing was imported."),
                    phone=row["phone"],
                )
            member = {
                "member_no": member_no,
                "name": row["name"],
                "phone": row["phone"],
                "card_no": row["card_no"],
                "birthday": row["birthday"],
                "gender": row["gender"],
                "tier": rules.tiers[0].code,
                "tier_since": today.isoformat(),
                "enrolled_at": at,
                "enrolled_day": today.isoformat(),
                "channel": "import",
                "referrer_no": None,
                "privacy_consent": '{"accepted":true,"at":"' + at + '","wording_version":"IMPORT"}',
                "marketing_consent": None,
                "status": "active",
                "alias_of": None,
                "updated_at": at,
            }
            members.append(member)
            member_changes.append(member)
            if row["points"]:
                lines.append([member_no, "adjust", row["points"], today.year, 0, today.isoformat()])
        if members:
            conn.execute(
                text(
                    "INSERT INTO members (member_no, name, phone, card_no, birthday, gender, tier, tier_since, "
                    "enrolled_at, enrolled_day, channel, referrer_no, privacy_consent, marketing_consent, status, "
                    "alias_of, updated_at) VALUES (:member_no, :name, :phone, :card_no, :birthday, :gender, :tier, "
                    ":tier_since, :enrolled_at, :enrolled_day, :channel, :referrer_no, :privacy_consent, "
                    ":marketing_consent, :status, :alias_of, :updated_at)"
                ),
                members,
            )
        for member in member_changes:
            tx.emit("member", member["member_no"], member)
        if lines:
            op_id = server_op_id(tx, now)
            conn.execute(
                text(
                    "INSERT INTO ledger (member_no, op_id, kind, delta, lot_year, spend_fen, business_day, created_at) "
                    "VALUES (:m, :o, :k, :d, :y, :s, :b, :a)"
                ),
                [
                    {"m": x[0], "o": op_id, "k": x[1], "d": x[2], "y": x[3], "s": x[4], "b": x[5], "a": at}
                    for x in lines
                ],
            )
            tx.emit("op", op_id, _server_op(op_id, "import_members", lines=lines, business_day=today.isoformat()))
    return len(rows)


def _counter_add(tx: WriteTx, name: str, n: int) -> int:
    """Reserve ``n`` values of a named counter; returns the first (0-based)."""
    first = _counter(tx, name) - 1
    if n > 1:
        tx.conn.execute(text("UPDATE counters SET value = value + :n WHERE name = :c"), {"n": n - 1, "c": name})
    return first


def issue_coupons(db: ServerDB, definition: str, count: int, now: datetime, member_no: str | None = None) -> list[str]:
    """Coupons issued centrally (a campaign): codes in the server's own serial range (terminal code 000)."""
    at = to_utc_text(now)
    with db.write() as tx:
        rules, master = Reference().get(tx.conn)
        spec = master.coupons.get(definition)
        if spec is None:
            raise AdminError(QT_TRANSLATE_NOOP("Server", "Coupon definition {code} is not known."), code=definition)
        first, last = spec.window(business_day(now, rules.timezone, rules.cutover_hour))
        start = _counter_add(tx, "coupon_seq", count) + 1
        out = []
        for seq in range(start, start + count):
            code = codes.make_coupon_code(definition, codes.coupon_serial(SERVER_CODE, seq))
            tx.conn.execute(
                text(
                    "INSERT INTO coupons (code, definition, member_no, status, valid_from, valid_to, updated_at) "
                    "VALUES (:c, :d, :m, 'issued', :f, :t, :a)"
                ),
                {"c": code, "d": definition, "m": member_no, "f": first.isoformat(), "t": last.isoformat(), "a": at},
            )
            out.append(code)
        emit_rows(tx, {f"coupon:{c}" for c in out})
    return out


# -- exceptions ---------------------------------------------------------------------------------------------------


def list_exceptions(db: ServerDB, status: str | None = "open", terminal_id: str | None = None) -> list[dict[str, Any]]:
    sql = "SELECT * FROM exceptions WHERE 1 = 1"
    params: dict[str, Any] = {}
    if status:
        sql += " AND status = :s"
        params["s"] = status
    if terminal_id:
        sql += " AND terminal_id = :t"
        params["t"] = terminal_id
    with db.read() as conn:
        rows = [dict(r) for r in conn.execute(text(sql + " ORDER BY id"), params).mappings()]
    for row in rows:
        row["message"] = json.loads(row["message"])
        row["detail"] = json.loads(row["detail"])
    return rows


def resolve_exception(db: ServerDB, exception_id: int, resolution: str, staff_no: str, now: datetime) -> dict[str, Any]:
    resolution = (resolution or "").strip()
    if not resolution:
        raise AdminError(QT_TRANSLATE_NOOP("Server", "Write down the decision that resolves the exception."))
    with db.write() as tx:
        row = tx.conn.execute(text("SELECT status FROM exceptions WHERE id = :i"), {"i": exception_id}).first()
        if row is None:
            raise AdminError(QT_TRANSLATE_NOOP("Server", "Exception {id} does not exist."), id=exception_id)
        if row.status == "resolved":
            raise AdminError(QT_TRANSLATE_NOOP("Server", "Exception {id} is already resolved."), id=exception_id)
        tx.conn.execute(
            text(
                "UPDATE exceptions SET status = 'resolved', resolution = :r, resolved_by = :s, resolved_at = :a "
                "WHERE id = :i"
            ),
            {"r": resolution[:500], "s": staff_no, "a": to_utc_text(now), "i": exception_id},
        )
        emit_exception(tx, exception_id)
    return _one_exception(db, exception_id)


def _one_exception(db: ServerDB, exception_id: int) -> dict[str, Any]:
    with db.read() as conn:
        row = dict(conn.execute(text("SELECT * FROM exceptions WHERE id = :i"), {"i": exception_id}).mappings().one())
    row["message"] = json.loads(row["message"])
    row["detail"] = json.loads(row["detail"])
    return row


# -- quarantined operations ---------------------------------------------------------------------------------------


def quarantined(db: ServerDB) -> list[dict[str, Any]]:
    """Operations the server could not apply because of its own fault, oldest first."""
    with db.read() as conn:
        return [
            dict(r)
            for r in conn.execute(
                text(
                    "SELECT op_id, terminal_id, epoch, seq, kind, member_no, received_at, outcome FROM ops "
                    "WHERE status = :q ORDER BY received_at, terminal_id, epoch, seq"
                ),
                {"q": QUARANTINED},
            ).mappings()
        ]


def reapply(db: ServerDB, now: datetime, op_ids: list[str] | None = None) -> list[dict[str, Any]]:
    """Apply quarantined operations again (all, or the ones named), each in its own transaction.

    The operation is decided as if it arrived now (the shared rules on the server's current state, at
    its own local time as usual); its outcome reaches its desk by the next pull like any outcome, and
    the desk — which kept its effects provisional meanwhile — adopts it. One that fails again stays
    quarantined. The ``server_error`` exception of an operation that is applied now is resolved.
    """
    wanted = [r["op_id"] for r in quarantined(db)] if not op_ids else list(op_ids)
    ref = Reference()
    results: list[dict[str, Any]] = []
    for op_id in wanted:
        with db.write() as tx:
            row = tx.conn.execute(text("SELECT * FROM ops WHERE op_id = :o"), {"o": op_id}).mappings().first()
            if row is None or row["status"] != QUARANTINED:
                raise AdminError(QT_TRANSLATE_NOOP("Server", "Operation {op_id} is not quarantined."), op_id=op_id)
            terminal = tx.conn.execute(
                text("SELECT terminal_id, terminal_code, name, pulled_through FROM terminals WHERE terminal_id = :t"),
                {"t": row["terminal_id"]},
            ).first()
            ref_terminal = TerminalRef(
                row["terminal_id"],
                terminal.terminal_code if terminal else 0,
                terminal.name if terminal else row["terminal_id"],
                terminal.pulled_through if terminal else 0,
            )
            envelope = Envelope(
                op_id=row["op_id"],
                epoch=row["epoch"],
                seq=row["seq"],
                kind=row["kind"],
                staff_no=row["staff_no"],
                member_no=row["member_no"],
                local_time=row["local_time"],
                business_day=row["business_day"],
                online=bool(row["online"]),
                payload=json.loads(row["payload"]),
                payload_hash=row["payload_hash"],
            )
            outcome = apply_quarantined(tx, ref, ref_terminal, envelope, now)
            if outcome["status"] != QUARANTINED:
                for ex in tx.conn.execute(
                    text("SELECT id FROM exceptions WHERE op_id = :o AND code = 'server_error' AND status = 'open'"),
                    {"o": op_id},
                ).all():
                    tx.conn.execute(
                        text(
                            "UPDATE exceptions SET status = 'resolved', resolution = :r, resolved_by = 'SYSTEM', "
                            "resolved_at = :a WHERE id = :i"
                        ),
                        {"r": f"re-applied: {outcome['status']}", "a": to_utc_text(now), "i": ex.id},
                    )
                    emit_exception(tx, ex.id)
            results.append(outcome)
    return results
