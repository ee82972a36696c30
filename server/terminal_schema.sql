-- The terminal store's schema (sync/schema.py migrations m001_initial and m002_sync and m003_paper_slips and m004_phone_hash and m005_remote_ops and m006_exactly_once), used to build
-- snapshots that a terminal swaps in as its database file. tests/test_sync_snapshot.py checks that it
-- matches a store made by the terminal code; regenerate it with scripts/terminal_schema.py.
-- migrations: m001_initial m002_sync m003_paper_slips m004_phone_hash m005_remote_ops m006_exactly_once

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

CREATE TABLE documents (
            name TEXT PRIMARY KEY,              -- 'rules', 'tenants', 'catalogue', 'coupons'
            version TEXT NOT NULL,
            body TEXT NOT NULL,
            loaded_at TEXT NOT NULL
        ) WITHOUT ROWID;

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
        , phone_hash BLOB, phone_sealed BLOB) WITHOUT ROWID;

CREATE INDEX members_name ON members (name);

CREATE INDEX members_card ON members (card_no) WHERE card_no IS NOT NULL;

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
        , line_no INTEGER);

CREATE INDEX ledger_member ON ledger (member_no, business_day);

CREATE TABLE stock (item_code TEXT PRIMARY KEY, quantity INTEGER NOT NULL) WITHOUT ROWID;

CREATE TABLE stock_moves (
            id INTEGER PRIMARY KEY,
            op_id TEXT NOT NULL,
            item_code TEXT NOT NULL,
            delta INTEGER NOT NULL,
            business_day TEXT NOT NULL,
            created_at TEXT NOT NULL
        , line_no INTEGER);

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

CREATE TRIGGER ledger_no_update BEFORE UPDATE ON ledger
BEGIN SELECT RAISE(ABORT, 'ledger is append-only'); END;

CREATE TRIGGER ledger_no_delete BEFORE DELETE ON ledger
BEGIN SELECT RAISE(ABORT, 'ledger is append-only'); END;

CREATE TRIGGER stock_moves_no_update BEFORE UPDATE ON stock_moves
BEGIN SELECT RAISE(ABORT, 'stock_moves is append-only'); END;

CREATE TRIGGER stock_moves_no_delete BEFORE DELETE ON stock_moves
BEGIN SELECT RAISE(ABORT, 'stock_moves is append-only'); END;

CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
BEGIN SELECT RAISE(ABORT, 'audit is append-only'); END;

CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
BEGIN SELECT RAISE(ABORT, 'audit is append-only'); END;

CREATE TABLE sync_wire (
            op_id TEXT PRIMARY KEY,
            epoch INTEGER NOT NULL,
            seq INTEGER NOT NULL,
            UNIQUE (epoch, seq)
        ) WITHOUT ROWID;

CREATE TABLE sync_reconciled (
            op_id TEXT PRIMARY KEY,
            change_no INTEGER NOT NULL,
            status TEXT NOT NULL,
            code TEXT,
            at TEXT NOT NULL
        ) WITHOUT ROWID;

CREATE TABLE sync_deferred (
            entity TEXT NOT NULL,
            key TEXT NOT NULL,
            change_no INTEGER NOT NULL,
            data TEXT NOT NULL,
            PRIMARY KEY (entity, key)
        ) WITHOUT ROWID;

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

CREATE TABLE slip_ranges (
            id INTEGER PRIMARY KEY,
            slip_type TEXT NOT NULL CHECK (slip_type IN ('enroll', 'receipt', 'gift', 'benefit')),
            first_seq INTEGER NOT NULL,
            last_seq INTEGER NOT NULL,
            desk_name TEXT NOT NULL,
            issued_by TEXT NOT NULL,
            issued_at TEXT NOT NULL
        );

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

CREATE UNIQUE INDEX members_phone_hash ON members (phone_hash) WHERE status = 'active';

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

CREATE UNIQUE INDEX ledger_line ON ledger (op_id, line_no);

CREATE UNIQUE INDEX stock_moves_line ON stock_moves (op_id, line_no);

CREATE UNIQUE INDEX benefit_claims_line ON benefit_claims (op_id, benefit, period);

CREATE TABLE sync_quarantine (op_id TEXT PRIMARY KEY, code TEXT, at TEXT NOT NULL) WITHOUT ROWID;
