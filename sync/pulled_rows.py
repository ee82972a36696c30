"""The server's rows written over the store's: members, coupons, receipts, benefit claims, staff, keys, exceptions.

One page's transaction uses one :class:`RowWriter`. Which rows wait because a provisional own operation
holds them, and in what order a page is applied, is :mod:`sync.pull`'s business; here is only how a row
the server sends is written, each as one statement (SQLite undoes a statement that fails a constraint by
itself and the transaction goes on, so no savepoint per row is needed).
"""

from __future__ import annotations

import json
from typing import Any

from sqlcipher3 import dbapi2 as sqlite3

from membership import codes
from membership.tables import COUPON_COLUMNS, MEMBER_COLUMNS, RECEIPT_COLUMNS
from membership.validation import mask_phone

from .phonekeys import PhoneKeys

ROW_ENTITIES = ("member", "coupon", "receipt", "claim")  # rows the server replaces (see sync.pull on holds)


def _upsert_sql(table: str, columns: tuple[str, ...], key: tuple[str, ...]) -> str:
    sets = ", ".join(f"{c} = excluded.{c}" for c in columns if c not in key)
    return (
        f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' for _ in columns)}) "
        f"ON CONFLICT ({', '.join(key)}) DO UPDATE SET {sets}"
    )


_MEMBER_UPSERT = _upsert_sql("members", MEMBER_COLUMNS, ("member_no",))
# The same with the phone already as the store keeps it (mask, keyed hash, sealed copy), computed here
# rather than by the conversion trigger, which would write the row a second time.
_MEMBER_UPSERT_SEALED = _upsert_sql("members", (*MEMBER_COLUMNS, "phone_hash", "phone_sealed"), ("member_no",))
# Rows written as the server sends them, columns for columns.
_PLAIN = {
    "coupon": _upsert_sql("coupons", COUPON_COLUMNS, ("code",)),
    "receipt": _upsert_sql("receipts", RECEIPT_COLUMNS, ("tenant_code", "receipt_no")),
}

_PHONE = MEMBER_COLUMNS.index("phone")
# entity -> (table, columns as RowWriter.load reads them, key columns joined by "|" in a change's key)
_CURRENT: dict[str, tuple[str, tuple[str, ...], tuple[str, ...]]] = {
    "member": ("members", (*MEMBER_COLUMNS, "phone_hash"), ("member_no",)),
    "coupon": ("coupons", COUPON_COLUMNS, ("code",)),
    "receipt": ("receipts", RECEIPT_COLUMNS, ("tenant_code", "receipt_no")),
}
_CHUNK = 500  # keys per look-up statement (well under SQLite's bound-parameter limit)


class RowWriter:
    """Writes the server's version of rows within one transaction."""

    def __init__(self, conn: sqlite3.Connection, phone_keys: PhoneKeys, at: str):
        self.conn = conn
        self.phone_keys = phone_keys
        self.at = at
        # Rows as stored before this run wrote them (see load); an entry goes when its row is written.
        self.current: dict[tuple[str, str], tuple[Any, ...]] = {}

    def load(self, changes: list[dict[str, Any]]) -> None:
        """The stored form of the rows these changes are about to replace, read a chunk at a time.

        A catch-up sends most rows again unchanged (every operation on a member re-sends the member):
        comparing with the stored row is one index probe per row in bulk, rewriting it touches the row
        and all of the table's indexes.
        """
        wanted: dict[str, list[str]] = {}
        for change in changes:
            if change["entity"] in _CURRENT and not change["data"].get("absent"):
                wanted.setdefault(change["entity"], []).append(change["key"])
        cursor = self.conn.cursor()
        cursor.row_factory = None  # plain tuples, compared as they come
        for entity, keys in wanted.items():
            table, columns, key_columns = _CURRENT[entity]
            width = len(key_columns)
            # The change's key first (as the server joins it), then the row.
            key_expr = " || '|' || ".join(key_columns)
            select = f"SELECT {key_expr}, {', '.join(columns)}"
            for start in range(0, len(keys), _CHUNK):
                chunk = keys[start : start + _CHUNK]
                params = [part for key in chunk for part in (key.split("|", width - 1) if width > 1 else (key,))]
                placeholders = ", ".join(["(" + ", ".join("?" * width) + ")"] * len(chunk))
                cursor.execute(
                    f"{select} FROM {table} WHERE ({', '.join(key_columns)}) IN (VALUES {placeholders})", params
                )
                for row in cursor:
                    self.current[(entity, row[0])] = row[1:]

    def write(self, entity: str, key: str, data: dict[str, Any]) -> bool:
        """Take over the server's row; False when it clashes with a provisional local row (retry later).

        Every write here is one statement, and SQLite undoes a statement that fails a constraint by
        itself (the transaction goes on): no savepoint per row is needed.
        """
        conn = self.conn
        # What the run read of this row is only true until the row is written: used once.
        current = self.current.pop((entity, key), None)
        try:
            if entity == "member":
                phone = data.get("phone")
                if data.get("absent"):
                    conn.execute("DELETE FROM members WHERE member_no = ?", (key,))
                    return True
                values = [data.get(c) for c in MEMBER_COLUMNS]
                if phone and "*" not in phone:
                    keys = self.phone_keys
                    values[_PHONE] = mask_phone(phone)
                    phone_hash = keys.hash(phone)
                    # The same number has the same keyed hash; its sealed copy need not be made again.
                    if current is not None and current == (*values, phone_hash):
                        return True
                    conn.execute(_MEMBER_UPSERT_SEALED, [*values, phone_hash, keys.seal(phone)])
                elif current is None or current[:-1] != tuple(values):
                    conn.execute(_MEMBER_UPSERT, values)
            elif entity in _PLAIN:
                table, columns, key_columns = _CURRENT[entity]
                if data.get("absent"):
                    where = " AND ".join(f"{c} = ?" for c in key_columns)
                    conn.execute(f"DELETE FROM {table} WHERE {where}", key.split("|", len(key_columns) - 1))
                    return True
                values = [data.get(c) for c in columns]
                if current is None or current != tuple(values):
                    conn.execute(_PLAIN[entity], values)
            elif entity == "claim":
                op_id, benefit, period = key.split("|", 2)
                row = conn.execute(
                    "SELECT id FROM benefit_claims WHERE op_id = ? AND benefit = ? AND period = ?",
                    (op_id, benefit, period),
                ).fetchone()
                if row is not None:
                    conn.execute(
                        "UPDATE benefit_claims SET member_no = ?, detail = ?, status = ?, business_day = ? WHERE id = ?",
                        (data["member_no"], data["detail"], data["status"], data["business_day"], row[0]),
                    )
                else:
                    conn.execute(
                        "INSERT INTO benefit_claims (member_no, benefit, period, detail, op_id, status, business_day, "
                        "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                        (
                            data["member_no"],
                            benefit,
                            period,
                            data["detail"],
                            op_id,
                            data["status"],
                            data["business_day"],
                            data["created_at"],
                        ),
                    )
        except sqlite3.IntegrityError:
            return False
        return True

    def staff(self, data: dict[str, Any]) -> None:
        """A staff member as the server has them (the desk keeps its own failed-PIN count)."""
        self.conn.execute(
            "INSERT INTO staff (staff_no, name, role, pin_hash, active, failed_count, updated_at) "
            "VALUES (?, ?, ?, ?, ?, 0, ?) ON CONFLICT (staff_no) DO UPDATE SET name = excluded.name, "
            "role = excluded.role, pin_hash = excluded.pin_hash, active = excluded.active, "
            "updated_at = excluded.updated_at",
            (data["staff_no"], data["name"], data["role"], data["pin_hash"], data["active"], data["updated_at"]),
        )

    def qr_key(self, data: dict[str, Any]) -> None:
        """A pinned QR verification key: added, corrected (unless it is one of ours) or revoked."""
        key_id, public_hex, status = data["key_id"], data["public_hex"], data["status"]
        row = self.conn.execute("SELECT public_hex, private_hex FROM qr_keys WHERE key_id = ?", (key_id,)).fetchone()
        if status == "revoked":
            if row is not None and row["public_hex"] == public_hex:
                self.conn.execute("DELETE FROM qr_keys WHERE key_id = ?", (key_id,))
            return
        if row is None:
            codes.public_key_from_hex(public_hex)  # only well-formed keys are pinned
            self.conn.execute(
                "INSERT INTO qr_keys (key_id, public_hex, private_hex, added_at) VALUES (?, ?, NULL, ?)",
                (key_id, public_hex, self.at),
            )
        elif row["public_hex"] != public_hex and row["private_hex"] is None:
            self.conn.execute("UPDATE qr_keys SET public_hex = ? WHERE key_id = ?", (public_hex, key_id))

    def exception(self, data: dict[str, Any], no: int) -> bool:
        """An entry of the exceptions inbox; True when it is new here and open (the desk is told)."""
        exists = self.conn.execute("SELECT 1 FROM sync_exceptions WHERE id = ?", (data["id"],)).fetchone()
        self.conn.execute(
            "INSERT INTO sync_exceptions (id, code, op_id, member_no, message, detail, status, resolution, "
            "resolved_by, resolved_at, opened_at, change_no) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (id) DO UPDATE SET status = excluded.status, resolution = excluded.resolution, "
            "resolved_by = excluded.resolved_by, resolved_at = excluded.resolved_at, change_no = excluded.change_no",
            (
                data["id"],
                data["code"],
                data.get("op_id"),
                data.get("member_no"),
                json.dumps(data["message"], ensure_ascii=False),
                # The desk whose operation was rejected, for the inbox's terminal column.
                json.dumps({**(data.get("detail") or {}), "terminal_id": data.get("terminal_id")}, ensure_ascii=False),
                data["status"],
                data.get("resolution"),
                data.get("resolved_by"),
                data.get("resolved_at"),
                data["opened_at"],
                no,
            ),
        )
        return not exists and data["status"] == "open"
