"""Master data the rules refer to: tenant stores, the gift catalogue and coupon definitions."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from .i18n import Text
from .money import FEN_PER_YUAN
from .rules import Rules, RulesError, _Reader

ITEM_KINDS = ("gift", "parking", "ticket", "coupon")


@dataclass(frozen=True)
class Tenant:
    code: str
    name: str
    category: str
    floor: str


@dataclass(frozen=True)
class CatalogueItem:
    code: str
    kind: str
    name: Text
    points: int
    stock_per_desk: int
    coupon: str = ""


@dataclass(frozen=True)
class CouponDefinition:
    code: str
    name: Text
    value_fen: int
    min_spend_fen: int
    terms: Text
    valid_from: date | None
    valid_to: date | None
    valid_days: int | None

    def window(self, issued_on: date) -> tuple[date, date]:
        """The first and last day a coupon of this definition issued on ``issued_on`` is valid."""
        if self.valid_days is not None:
            from datetime import timedelta

            return issued_on, issued_on + timedelta(days=self.valid_days - 1)
        assert self.valid_from is not None and self.valid_to is not None
        return self.valid_from, self.valid_to


@dataclass(frozen=True)
class MasterData:
    tenants: dict[str, Tenant]
    catalogue: dict[str, CatalogueItem]
    coupons: dict[str, CouponDefinition]

    def tenant(self, code: str) -> Tenant | None:
        return self.tenants.get(code.strip().upper())


def _load_toml(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise RulesError(f"{path.name}: not valid TOML ({exc})") from None


def _date(reader: _Reader, key: str) -> date | None:
    if key not in reader.table:
        return None
    value = reader.table[key]
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise RulesError(f"{reader.path}.{key}: not a date like 2026-12-31: {value!r}") from None


def masterdata_from_dicts(
    tenants: dict[str, Any], catalogue: dict[str, Any], coupons: dict[str, Any], rules: Rules | None = None
) -> MasterData:
    tenant_map: dict[str, Tenant] = {}
    for i, raw in enumerate(_Reader(tenants, "tenants").raw("tenants")):
        t = _Reader(raw, f"tenants[{i}]")
        code = t.str("code").upper()
        if not re.fullmatch(r"[A-Z0-9]{2,10}", code):
            raise RulesError(f"tenants[{i}].code: 2–10 letters or digits, got {code!r}")
        if code in tenant_map:
            raise RulesError(f"tenants[{i}].code: {code!r} appears twice")
        tenant_map[code] = Tenant(code, t.str("name"), t.str("category"), t.str("floor"))

    coupon_map: dict[str, CouponDefinition] = {}
    for i, raw in enumerate(_Reader(coupons, "coupons").raw("coupons")):
        c = _Reader(raw, f"coupons[{i}]")
        code = c.str("code")
        if not re.fullmatch(r"[A-Z0-9]{2,8}", code):
            raise RulesError(f"coupons[{i}].code: 2–8 uppercase letters or digits, got {code!r}")
        valid_days = c.int("valid_days", 1, 3650) if "valid_days" in raw else None
        valid_from, valid_to = _date(c, "valid_from"), _date(c, "valid_to")
        if valid_days is None and (valid_from is None or valid_to is None or valid_to < valid_from):
            raise RulesError(f"coupons[{i}]: give valid_days, or valid_from and valid_to in order")
        coupon_map[code] = CouponDefinition(
            code=code,
            name=c.text("name"),
            value_fen=c.int("value_yuan", 1, 100_000) * FEN_PER_YUAN,
            min_spend_fen=c.int("min_spend_yuan", 0, 10_000_000) * FEN_PER_YUAN,
            terms=c.text("terms"),
            valid_from=valid_from,
            valid_to=valid_to,
            valid_days=valid_days,
        )

    item_map: dict[str, CatalogueItem] = {}
    for i, raw in enumerate(_Reader(catalogue, "catalogue").raw("items")):
        g = _Reader(raw, f"items[{i}]")
        code = g.str("code")
        kind = g.str("kind")
        if kind not in ITEM_KINDS:
            raise RulesError(f"items[{i}].kind: one of {', '.join(ITEM_KINDS)}, got {kind!r}")
        coupon = g.str("coupon") if kind == "coupon" else ""
        if coupon and coupon not in coupon_map:
            raise RulesError(f"items[{i}].coupon: unknown coupon definition {coupon!r}")
        item_map[code] = CatalogueItem(
            code=code,
            kind=kind,
            name=g.text("name"),
            points=g.int("points", 1, 10_000_000),
            stock_per_desk=g.int("stock_per_desk", 0, 1_000_000),
            coupon=coupon,
        )

    if rules is not None:
        for i, tier in enumerate(rules.tiers):
            if tier.birthday_coupon and tier.birthday_coupon not in coupon_map:
                raise RulesError(f"tiers[{i}].birthday_coupon: unknown coupon definition {tier.birthday_coupon!r}")
    return MasterData(tenant_map, item_map, coupon_map)


def load_masterdata(directory: Path | str, rules: Rules | None = None) -> MasterData:
    directory = Path(directory)
    return masterdata_from_dicts(
        _load_toml(directory / "tenants.toml"),
        _load_toml(directory / "catalogue.toml"),
        _load_toml(directory / "coupons.toml"),
        rules,
    )


def default_masterdata_dir() -> Path:
    return Path(__file__).resolve().parent.parent / "resources" / "masterdata"
