"""The terminal store's schema as numbered sqlite-utils migrations, each run in its own transaction."""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from .phonekeys import CONVERT_PLAIN_ROWS

migrations = Migrations("memberdesk-terminal")

# A store that has a migration applied which this code does not know (it was upgraded by a newer
# release) is refused at start-up rather than written to by code that does not understand it.

_APPEND_ONLY = """
CREATE TRIGGER {table}_no_update BEFORE UPDATE ON {table}
BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END;
CREATE TRIGGER {table}_no_delete BEFORE DELETE ON {table}
BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END;
"""


@migrations()
def m001_initial(db: Database) -> None:
    db.executescript(
        """
        CREATE TABLE terminal (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            terminal_id TEXT NOT NULL,          -- mall-wide id, e.g. 'T007'
            terminal_code INTEGER NOT NULL CHECK (terminal_code BETWEEN 0 AND 999),
            name TEXT NOT NULL,                 -- what staff call it: 'Desk 2', '服务台 2'
            epoch INTEGER NOT NULL DEFAULT 1,   -- new after a reinstall or a restore from backup
            created_at TEXT NOT NULL
        );

        CREATE TABLE counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID;
        CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;

        -- Rules and master data as the TOML text that was loaded (the server distributes them later).
        CREATE TABLE documents (
            name TEXT PRIMARY KEY,              -- 'rules', 'tenants', 'catalogue', 'coupons'
            version TEXT NOT NULL,
            body TEXT NOT NULL,
            loaded_at TEXT NOT NULL
        ) WITHOUT ROWID;

        -- Pinned public keys for member QR codes; the private part only where this terminal may sign.
        CREATE TABLE qr_keys (
            key_id INTEGER PRIMARY KEY,
            public_hex TEXT NOT NULL,
            private_hex TEXT,
            added_at TEXT NOT NULL
        );

        CREATE TABLE staff (
            staff_no TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            role TEXT NOT NULL CHECK (role IN ('desk', 'cashier', 'manager')),
            pin_hash TEXT NOT NULL,
            active INTEGER NOT NULL DEFAULT 1,
            failed_count INTEGER NOT NULL DEFAULT 0,
            locked_until TEXT,
            updated_at TEXT NOT NULL
        ) WITHOUT ROWID;

        CREATE TABLE members (
            member_no TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            phone TEXT NOT NULL,
            card_no TEXT,                       -- a legacy card number, where one was imported
            birthday TEXT,                      -- '--MM-DD' or 'YYYY-MM-DD'
            gender TEXT NOT NULL DEFAULT '',
            tier TEXT NOT NULL,
            tier_since TEXT NOT NULL,
            enrolled_at TEXT NOT NULL,
            enrolled_day TEXT NOT NULL,
            channel TEXT NOT NULL DEFAULT 'desk',
            referrer_no TEXT,
            privacy_consent TEXT,               -- JSON: accepted, wording_version, at
            marketing_consent TEXT,
            status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'alias', 'closed')),
            alias_of TEXT,
            updated_at TEXT NOT NULL
        ) WITHOUT ROWID;
        CREATE UNIQUE INDEX members_phone ON members (phone) WHERE status = 'active';
        CREATE INDEX members_name ON members (name);
        CREATE INDEX members_card ON members (card_no) WHERE card_no IS NOT NULL;

        -- The points ledger: append-only. Balance, expiring points and qualifying spend are sums of it.
        CREATE TABLE ledger (
            entry_id INTEGER PRIMARY KEY,
            member_no TEXT NOT NULL,
            op_id TEXT NOT NULL,
            kind TEXT NOT NULL,
            delta INTEGER NOT NULL,
            lot_year INTEGER NOT NULL,
            spend_fen INTEGER NOT NULL DEFAULT 0,
            business_day TEXT NOT NULL,
            created_at TEXT NOT NULL
        );
        CREATE INDEX ledger_member ON ledger (member_no, business_day);
        CREATE INDEX ledger_op ON ledger (op_id);

        CREATE TABLE stock (item_code TEXT PRIMARY KEY, quantity INTEGER NOT NULL) WITHOUT ROWID;
        CREATE TABLE stock_moves (
            id INTEGER PRIMARY KEY,
            op_id TEXT NOT NULL,
            item_code TEXT NOT NULL,
            delta INTEGER NOT NULL,
            business_day TEXT NOT NULL,
            created_at TEXT NOT NULL
        );
        CREATE INDEX stock_moves_op ON stock_moves (op_id);

        CREATE TABLE benefit_claims (
            id INTEGER PRIMARY KEY,
            member_no TEXT NOT NULL,
            benefit TEXT NOT NULL,
            period TEXT NOT NULL,
            detail TEXT NOT NULL DEFAULT '',
            op_id TEXT NOT NULL,
            status TEXT NOT NULL DEFAULT 'claimed' CHECK (status IN ('claimed', 'reversed')),
            business_day TEXT NOT NULL,
            created_at TEXT NOT NULL
        );
        CREATE UNIQUE INDEX benefit_claims_once ON benefit_claims (member_no, benefit, period)
            WHERE status = 'claimed';
        CREATE INDEX benefit_claims_op ON benefit_claims (op_id);

        CREATE TABLE coupons (
            code TEXT PRIMARY KEY,
            definition TEXT NOT NULL,
            member_no TEXT,
            status TEXT NOT NULL CHECK (status IN ('issued', 'used', 'void')),
            valid_from TEXT NOT NULL,
            valid_to TEXT NOT NULL,
            issued_op TEXT,
            used_op TEXT,
            used_at TEXT,
            used_where TEXT,
            updated_at TEXT NOT NULL
        ) WITHOUT ROWID;
        CREATE INDEX coupons_member ON coupons (member_no) WHERE member_no IS NOT NULL;
        CREATE INDEX coupons_issued_op ON coupons (issued_op) WHERE issued_op IS NOT NULL;

        -- Tenant receipts credited: a receipt counts once in the whole mall, ever.
        CREATE TABLE receipts (
            tenant_code TEXT NOT NULL,
            receipt_no TEXT NOT NULL,
            member_no TEXT NOT NULL,
            amount_fen INTEGER NOT NULL,
            purchase_date TEXT NOT NULL,
            op_id TEXT NOT NULL,
            terminal_name TEXT NOT NULL,
            business_day TEXT NOT NULL,
            credited_at TEXT NOT NULL,
            PRIMARY KEY (tenant_code, receipt_no)
        ) WITHOUT ROWID;
        CREATE INDEX receipts_member_day ON receipts (member_no, business_day);

        -- The operation log: every change, in a gap-free sequence per epoch, to be pushed to the server.
        CREATE TABLE oplog (
            id INTEGER PRIMARY KEY,
            op_id TEXT NOT NULL UNIQUE,         -- UUIDv7 made on this terminal
            terminal_id TEXT NOT NULL,
            epoch INTEGER NOT NULL,
            seq INTEGER NOT NULL,
            staff_no TEXT NOT NULL,
            kind TEXT NOT NULL,
            member_no TEXT,
            local_time TEXT NOT NULL,           -- UTC, as this terminal's clock read it
            business_day TEXT NOT NULL,
            online INTEGER NOT NULL DEFAULT 0,  -- decided with the server reachable
            payload TEXT NOT NULL,              -- canonical JSON
            payload_hash TEXT NOT NULL,
            status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'acked', 'rejected')),
            outcome TEXT,                       -- the server's outcome, once acknowledged
            receipt TEXT,                       -- JSON ReceiptData, for reprints
            reversed_by TEXT,
            UNIQUE (epoch, seq)
        );
        CREATE INDEX oplog_member ON oplog (member_no, id);
        CREATE INDEX oplog_pending ON oplog (status) WHERE status = 'pending';
        CREATE TRIGGER oplog_immutable BEFORE UPDATE OF op_id, terminal_id, epoch, seq, staff_no, kind,
            member_no, local_time, business_day, online, payload, payload_hash ON oplog
        BEGIN SELECT RAISE(ABORT, 'an operation cannot be changed once logged'); END;
        CREATE TRIGGER oplog_no_delete BEFORE DELETE ON oplog
        BEGIN SELECT RAISE(ABORT, 'oplog is append-only'); END;

        -- The audit log: append-only, each row's hash covers the previous row's hash and its own content.
        CREATE TABLE audit (
            id INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            terminal_id TEXT NOT NULL,
            staff_no TEXT NOT NULL,
            action TEXT NOT NULL,
            subject TEXT NOT NULL DEFAULT '',
            op_id TEXT,
            detail TEXT NOT NULL DEFAULT '{}',
            prev_hash TEXT NOT NULL,
            hash TEXT NOT NULL
        );
        CREATE INDEX audit_op ON audit (op_id) WHERE op_id IS NOT NULL;
        """
    )
    for table in ("ledger", "stock_moves", "audit"):
        db.executescript(_APPEND_ONLY.format(table=table))


@migrations()
def m002_sync(db: Database) -> None:
    """Replication with the central server: re-sequenced operations, outcomes adopted, rows held back, inbox."""
    db.executescript(
        """
        -- Operations re-sequenced into a new epoch after this terminal was restored from a backup
        -- (the logged envelope is immutable; this is only how the operation travels).
        CREATE TABLE sync_wire (
            op_id TEXT PRIMARY KEY,
            epoch INTEGER NOT NULL,
            seq INTEGER NOT NULL,
            UNIQUE (epoch, seq)
        ) WITHOUT ROWID;

        -- Own operations whose server outcome has been adopted (corrections appended, rows taken over).
        CREATE TABLE sync_reconciled (
            op_id TEXT PRIMARY KEY,
            change_no INTEGER NOT NULL,
            status TEXT NOT NULL,
            code TEXT,
            at TEXT NOT NULL
        ) WITHOUT ROWID;

        -- The server's version of a row this terminal's provisional operations still change, held back
        -- until those operations' outcomes arrive (so pending desk work stays visible on top).
        CREATE TABLE sync_deferred (
            entity TEXT NOT NULL,
            key TEXT NOT NULL,
            change_no INTEGER NOT NULL,
            data TEXT NOT NULL,
            PRIMARY KEY (entity, key)
        ) WITHOUT ROWID;

        -- The managers' exceptions inbox: what the server rejected or booked with a doubt.
        CREATE TABLE sync_exceptions (
            id INTEGER PRIMARY KEY,             -- the server's exception id
            code TEXT NOT NULL,
            op_id TEXT,
            member_no TEXT,
            message TEXT NOT NULL,              -- JSON Message, rendered in the reader's language
            detail TEXT NOT NULL DEFAULT '{}',
            status TEXT NOT NULL CHECK (status IN ('open', 'resolved')),
            resolution TEXT,
            resolved_by TEXT,
            resolved_at TEXT,
            opened_at TEXT NOT NULL,
            change_no INTEGER NOT NULL
        );
        CREATE INDEX sync_exceptions_status ON sync_exceptions (status);
        """
    )


@migrations()
def m003_paper_slips(db: Database) -> None:
    db.executescript(
        """
        -- Serial ranges of pre-numbered paper slips printed in outage kits, and to which desk they went.
        CREATE TABLE slip_ranges (
            id INTEGER PRIMARY KEY,
            slip_type TEXT NOT NULL CHECK (slip_type IN ('enroll', 'receipt', 'gift', 'benefit')),
            first_seq INTEGER NOT NULL,
            last_seq INTEGER NOT NULL,
            desk_name TEXT NOT NULL,
            issued_by TEXT NOT NULL,
            issued_at TEXT NOT NULL
        );

        -- Paper slips keyed in after an outage: a serial once on this terminal (the server: once in the mall).
        CREATE TABLE paper_slips (
            serial TEXT PRIMARY KEY,
            slip_type TEXT NOT NULL,
            op_id TEXT NOT NULL,
            written_at TEXT NOT NULL,           -- the time written on the slip (UTC)
            written_by TEXT NOT NULL,           -- the staff member who wrote it
            keyed_at TEXT NOT NULL,
            keyed_by TEXT NOT NULL,
            confirmed_by TEXT                   -- the second person, for amounts above the threshold
        ) WITHOUT ROWID;
        """
    )


@migrations()
def m004_phone_hash(db: Database) -> None:
    """Full phone numbers leave the members table: a keyed hash to search, a sealed copy to reveal, the
    masked form to show (see sync/phonekeys.py; the store registers the md_phone_* functions)."""
    db.executescript(
        """
        ALTER TABLE members ADD COLUMN phone_hash BLOB;
        ALTER TABLE members ADD COLUMN phone_sealed BLOB;
        DROP INDEX members_phone;
        """
    )
    db.execute(CONVERT_PLAIN_ROWS)
    db.execute("CREATE UNIQUE INDEX members_phone_hash ON members (phone_hash) WHERE status = 'active'")


@migrations()
def m005_remote_ops(db: Database) -> None:
    """Other desks' operations as the pull delivers them: a member's history at this desk shows them, and a
    manager here can reverse them (a refund at the service desk of a purchase earned at a checkout)."""
    db.executescript(
        """
        CREATE TABLE remote_ops (
            op_id TEXT PRIMARY KEY,
            terminal_id TEXT NOT NULL,
            kind TEXT NOT NULL,
            member_no TEXT,
            business_day TEXT,
            moves TEXT,                         -- JSON [[item, delta], ...] of its stock moves; NULL if unknown
            reversed_by TEXT,
            change_no INTEGER NOT NULL
        ) WITHOUT ROWID;
        CREATE INDEX remote_ops_member ON remote_ops (member_no, change_no);
        CREATE INDEX remote_ops_day ON remote_ops (business_day);
        """
    )


@migrations()
def m006_exactly_once(db: Database) -> None:
    """A unique key for every line, move and claim a pull writes, so a page applied twice cannot double them.

    Other desks' ledger lines and stock moves carry their position in the server's operation outcome
    (``line_no``); the store's own lines keep NULL there (SQLite never finds two NULLs equal). The unique
    indexes replace the plain ``op_id`` indexes (they serve the same look-ups), so the pull pays nothing
    extra for them. Claims are unique per (operation, benefit, period); a duplicate left by an older
    release is removed first (the one kept is identical).
    """
    db.executescript(
        """
        ALTER TABLE ledger ADD COLUMN line_no INTEGER;
        DROP INDEX ledger_op;
        CREATE UNIQUE INDEX ledger_line ON ledger (op_id, line_no);
        ALTER TABLE stock_moves ADD COLUMN line_no INTEGER;
        DROP INDEX stock_moves_op;
        CREATE UNIQUE INDEX stock_moves_line ON stock_moves (op_id, line_no);
        DELETE FROM benefit_claims WHERE id NOT IN (
            SELECT min(id) FROM benefit_claims GROUP BY op_id, benefit, period
        );
        DROP INDEX benefit_claims_op;
        CREATE UNIQUE INDEX benefit_claims_line ON benefit_claims (op_id, benefit, period);
        -- Own operations the server holds for an administrator (it could not apply them): still provisional.
        CREATE TABLE sync_quarantine (op_id TEXT PRIMARY KEY, code TEXT, at TEXT NOT NULL) WITHOUT ROWID;
        """
    )
