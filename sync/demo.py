"""Demo and bulk data: realistic Chinese members with two years of history, and CSV member import.

Imported and generated history is written straight into the ledger with ``op_id = 'import'``: it was
decided by the previous system, so it is not replayed as operations. Member numbers of imported
members use the terminal codes reserved for the server (900–999), so they never collide with numbers
made on a terminal.
"""

from __future__ import annotations

import csv
import io
import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from membership import codes
from membership.i18n import QT_TRANSLATE_NOOP, Message
from membership.rules import Rules
from membership.timeutil import business_day, to_utc_text
from membership.validation import InvalidInput, normalize_gender, normalize_name, normalize_phone, parse_birthday

from .store import Store

IMPORT_OP = "import"
IMPORT_CODES = range(900, 1000)

# The most common surnames, roughly weighted as in China's population registers.
_SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林高罗郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁蔡蒋余于杜叶程魏苏吕丁任卢姚沈钟姜崔谭陆范汪廖石金韦贾夏付方邹熊白孟秦邱侯江尹薛闫段雷龙黎史陶贺毛郝顾龚邵万覃武钱戴严欧莫孔向常汤"
_SURNAME_WEIGHTS = [max(1, 100 - i) for i in range(len(_SURNAMES))]
_GIVEN = (
    "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红鹏辉建国文斌宇浩凯晨欣怡梓涵子轩雨萱佳琪思远嘉"
    "俊博文昊天瑞雪婷慧颖琳晓东海波宁健峰志鑫露丹倩蕾诗梦瑶博涛晗睿泽宇航一鸣雅楠"
)
_PHONE_PREFIXES = (
    "130",
    "131",
    "132",
    "135",
    "136",
    "137",
    "138",
    "139",
    "150",
    "151",
    "152",
    "155",
    "156",
    "157",
    "158",
    "159",
    "166",
    "176",
    "177",
    "180",
    "181",
    "182",
    "185",
    "186",
    "187",
    "188",
    "189",
    "191",
    "198",
    "199",
)
_CATEGORIES = ("fashion", "cosmetics", "dining", "sports", "electronics", "kids", "entertainment", "jewellery")


@dataclass(frozen=True)
class DemoReport:
    members: int
    ledger_rows: int
    seconds: float


def import_member_no(index: int) -> str:
    """The ``index``-th (0-based) member number of the import range."""
    code = IMPORT_CODES.start + index // 999_999
    if code not in IMPORT_CODES:
        raise ValueError("import range exhausted (99,999,901 members)")
    return codes.make_member_no(code, index % 999_999 + 1)


def _phone(index: int) -> str:
    # An affine permutation of 0..10^8-1 (the multiplier is coprime with 10^8) gives distinct suffixes.
    suffix = (index * 48_271 + 12_345_679) % 100_000_000
    return _PHONE_PREFIXES[index % len(_PHONE_PREFIXES)] + f"{suffix:08d}"


def _multipliers(rules: Rules) -> dict[str, tuple[int, int]]:
    return {t.code: (t.points_multiplier.numerator, t.points_multiplier.denominator) for t in rules.tiers}


def generate_demo(
    store: Store, members: int, seed: int = 1, now: datetime | None = None, start_index: int | None = None
) -> DemoReport:
    """Add ``members`` demo members with two years of purchases, receipts, redemptions and expiry."""
    import time

    started = time.perf_counter()
    from .store import utc_now

    rules = store.rules()
    now = now or utc_now()
    today = business_day(now, rules.timezone, rules.cutover_hour)
    at = to_utc_text(now)
    rng = random.Random(seed)
    mult = _multipliers(rules)
    first = (
        start_index
        if start_index is not None
        else (store.scalar("SELECT count(*) FROM members WHERE substr(member_no, 1, 3) >= '900'") or 0)
    )
    counts = {"ledger": 0}

    def member_rows() -> Iterator[tuple]:
        ledger_batch: list[tuple] = []
        for i in range(first, first + members):
            member_no = import_member_no(i)
            surname = rng.choices(_SURNAMES, _SURNAME_WEIGHTS)[0]
            given = rng.choice(_GIVEN) + (rng.choice(_GIVEN) if rng.random() < 0.7 else "")
            enrolled = today - timedelta(days=rng.randint(0, 1400))
            month = rng.randint(1, 12)
            day = rng.randint(1, 28)
            birthday = (
                f"{rng.randint(1955, 2005)}-{month:02d}-{day:02d}" if rng.random() < 0.6 else f"--{month:02d}-{day:02d}"
            )
            history, tier = _history(rng, member_no, enrolled, today, rules, mult)
            counts["ledger"] += len(history)
            ledger_batch.extend(history)
            if len(ledger_batch) > 50_000:
                store.conn.executemany(_LEDGER_SQL, ledger_batch)
                ledger_batch.clear()
            yield (
                member_no,
                surname + given,
                _phone(i),
                birthday,
                rng.choice(("female", "male", "")),
                tier,
                enrolled.isoformat(),
                f"{enrolled.isoformat()}T02:00:00.000Z",
                enrolled.isoformat(),
                "import",
                '{"accepted":true,"wording_version":"IMPORT","at":"' + at + '"}',
                at,
            )
        if ledger_batch:
            store.conn.executemany(_LEDGER_SQL, ledger_batch)

    with store.transaction() as conn:
        conn.executemany(
            "INSERT INTO members (member_no, name, phone, birthday, gender, tier, tier_since, enrolled_at, "
            "enrolled_day, channel, privacy_consent, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            member_rows(),
        )
        store.append_audit(conn, at, "SYSTEM", "demo_generated", "", detail={"members": members, "seed": seed})
    return DemoReport(members, counts["ledger"], time.perf_counter() - started)


_LEDGER_SQL = (
    "INSERT INTO ledger (member_no, op_id, kind, delta, lot_year, spend_fen, business_day, created_at) "
    "VALUES (?, 'import', ?, ?, ?, ?, ?, ?)"
)


def _history(
    rng: random.Random, member_no: str, enrolled: date, today: date, rules: Rules, mult: dict[str, tuple[int, int]]
) -> tuple[list[tuple], str]:
    """Ledger rows for one member since enrollment (at most two years back) and the tier they end in."""
    start = max(enrolled, today - timedelta(days=730))
    rows: list[tuple] = []
    lots: dict[int, int] = {}
    tier = rules.tiers[0].code
    spend_log: list[tuple[date, int]] = []

    def add(kind: str, delta: int, day: date, lot: int, spend: int = 0) -> None:
        rows.append((member_no, kind, delta, lot, spend, day.isoformat(), f"{day.isoformat()}T04:00:00.000Z"))
        lots[lot] = lots.get(lot, 0) + delta

    if enrolled >= start:
        add("welcome", rules.welcome_points, enrolled, enrolled.year)
    # Activity level varies a lot between members: most buy rarely, a few very often.
    purchases = min(int(rng.expovariate(1 / 5)), 40)
    days = sorted(start + timedelta(days=rng.randint(0, max(0, (today - start).days))) for _ in range(purchases))
    expired_years: set[int] = set()
    for day in days:
        for year in sorted(lots):
            if year not in expired_years and day > date(year + rules.expiry_years, 12, 31):
                if lots[year] > 0:
                    add("expire", -lots[year], date(year + rules.expiry_years + 1, 1, 1), year)
                expired_years.add(year)
        amount = int(rng.lognormvariate(10.3, 1.0))  # fen: median about ¥300
        amount = max(500, min(amount, 5_000_000))
        num, den = mult[tier]
        points = amount * num // (den * 100)
        add("receipt" if rng.random() < 0.4 else "earn", points, day, day.year, amount)
        spend_log.append((day, amount))
        rolling = sum(a for d, a in spend_log if (day - d).days < rules.rolling_days)
        best = rules.tier_for_spend(rolling)
        if best.rank > rules.tier(tier).rank:
            tier = best.code
        balance = sum(p for y, p in lots.items() if y not in expired_years)
        if balance > 1500 and rng.random() < 0.25:
            cost = rng.choice((300, 400, 1500))
            for year in sorted(lots):
                if cost == 0:
                    break
                if year in expired_years or lots[year] <= 0:
                    continue
                take = min(lots[year], cost)
                add("redeem", -take, day, year)
                cost -= take
    for year in sorted(lots):
        if year not in expired_years and today > date(year + rules.expiry_years, 12, 31) and lots[year] > 0:
            add("expire", -lots[year], date(year + rules.expiry_years + 1, 1, 1), year)
    return rows, tier


# -- CSV import ---------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ImportProblem:
    line: int
    message: Message


def read_csv_text(path: Path) -> str:
    """A CSV file's text: UTF-8 (with or without the BOM Excel writes), else GB18030.

    Excel on Chinese Windows saves "CSV" in the system code page (GBK, of which GB18030 is the superset),
    so a file that is not valid UTF-8 is read as GB18030 rather than refused.
    """
    raw = path.read_bytes()
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return raw.decode("gb18030")
    except UnicodeDecodeError:
        raise InvalidInput(
            "csv",
            Message(
                "Import",
                QT_TRANSLATE_NOOP(
                    "Import", "{file} is neither UTF-8 nor GBK/GB18030 text; save it again as CSV UTF-8."
                ),
                {"file": path.name},
            ),
        ) from None


def import_members_csv(store: Store, path: Path, now: datetime) -> tuple[int, list[ImportProblem]]:
    """Import members from a CSV (name, phone, birthday[, gender, card_no, points]).

    Every row is checked first; if any row is bad, nothing is written and every problem is returned
    with its line number, so the file can be fixed and imported again in one go.
    """
    rules = store.rules()
    today = business_day(now, rules.timezone, rules.cutover_hour)
    at = to_utc_text(now)
    problems: list[ImportProblem] = []
    rows: list[dict[str, object]] = []
    seen_phones: dict[str, int] = {}
    with io.StringIO(read_csv_text(Path(path)), newline="") as handle:
        reader = csv.DictReader(handle)
        missing = {"name", "phone", "birthday"} - set(reader.fieldnames or ())
        if missing:
            return 0, [
                ImportProblem(
                    1,
                    Message(
                        "Import",
                        QT_TRANSLATE_NOOP("Import", "The header lacks the column “{column}”."),
                        {"column": sorted(missing)[0]},
                    ),
                )
            ]
        for line, raw in enumerate(reader, start=2):
            try:
                phone = normalize_phone(raw.get("phone") or "")
                row = {
                    "name": normalize_name(raw.get("name") or ""),
                    "phone": phone,
                    "birthday": parse_birthday(raw.get("birthday") or "", today.year, today=today).text(),
                    "gender": normalize_gender(raw.get("gender") or ""),
                    "card_no": (raw.get("card_no") or "").strip() or None,
                    "points": int((raw.get("points") or "0").strip() or 0),
                }
            except InvalidInput as exc:
                problems.append(ImportProblem(line, exc.message))
                continue
            except ValueError:
                problems.append(
                    ImportProblem(
                        line, Message("Import", QT_TRANSLATE_NOOP("Import", "Points must be a whole number."))
                    )
                )
                continue
            if row["gender"] not in ("", "female", "male", "other"):
                problems.append(
                    ImportProblem(
                        line,
                        Message("Import", QT_TRANSLATE_NOOP("Import", "Gender must be female, male, other or empty.")),
                    )
                )
                continue
            if not 0 <= int(row["points"]) <= 10_000_000:  # type: ignore[arg-type]
                problems.append(
                    ImportProblem(
                        line, Message("Import", QT_TRANSLATE_NOOP("Import", "Points must be from 0 to 10,000,000."))
                    )
                )
                continue
            if phone in seen_phones:
                problems.append(
                    ImportProblem(
                        line,
                        Message(
                            "Import",
                            QT_TRANSLATE_NOOP("Import", "The phone number repeats line {line}."),
                            {"line": seen_phones[phone]},
                        ),
                    )
                )
                continue
            if store.member_by_phone(phone) is not None:
                problems.append(
                    ImportProblem(
                        line,
                        Message("Import", QT_TRANSLATE_NOOP("Import", "The phone number already belongs to a member.")),
                    )
                )
                continue
            seen_phones[phone] = line
            rows.append(row)
    if problems:
        return 0, problems
    first = store.scalar("SELECT count(*) FROM members WHERE substr(member_no, 1, 3) >= '900'") or 0
    with store.transaction() as conn:
        for offset, row in enumerate(rows):
            member_no = import_member_no(first + offset)
            conn.execute(
                "INSERT INTO members (member_no, name, phone, card_no, birthday, gender, tier, tier_since, enrolled_at, "
                "enrolled_day, channel, privacy_consent, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'import', ?, ?)",
                (
                    member_no,
                    row["name"],
                    row["phone"],
                    row["card_no"],
                    row["birthday"],
                    row["gender"],
                    rules.tiers[0].code,
                    today.isoformat(),
                    at,
                    today.isoformat(),
                    '{"accepted":true,"wording_version":"IMPORT","at":"' + at + '"}',
                    at,
                ),
            )
            if row["points"]:
                conn.execute(_LEDGER_SQL, (member_no, "adjust", row["points"], today.year, 0, today.isoformat(), at))
        store.append_audit(conn, at, "SYSTEM", "members_imported", Path(path).name, detail={"rows": len(rows)})
    return len(rows), []


def write_demo_csv(path: Path, members: int, seed: int = 1) -> Path:
    """Demo members as an import CSV (for the central server's ``import-members``), with opening points."""
    rng = random.Random(seed)
    with Path(path).open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["name", "phone", "birthday", "gender", "points"])
        for i in range(members):
            surname = rng.choices(_SURNAMES, _SURNAME_WEIGHTS)[0]
            given = rng.choice(_GIVEN) + (rng.choice(_GIVEN) if rng.random() < 0.7 else "")
            birthday = f"{rng.randint(1955, 2005)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            writer.writerow(
                [
                    surname + given,
                    _phone(50_000_000 + i),
                    birthday,
                    rng.choice(("female", "male", "")),
                    int(rng.expovariate(1 / 1500)),
                ]
            )
    return Path(path)
