"""What a printed transaction receipt needs, as plain data: made by the desk services, printed by `printing`.

Stored as JSON with the operation (so any receipt can be reprinted later, in any language) and
rendered by ``printing`` without knowing anything about the store.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from .i18n import Message, Text


@dataclass(frozen=True)
class ReceiptData:
    mall_name: Text
    desk_name: str
    terminal_code: int
    op_id: str
    op_ref: str  # short reference people read out, e.g. "007-000123"; also encoded as the receipt's QR
    kind: str  # operation kind (membership.operations)
    kind_label: Message
    at_utc: str  # ISO time, UTC
    at_local: str  # "2026-11-22 14:05" in the mall's time zone
    business_day: str
    staff_no: str
    staff_name: str
    member_no: str | None
    member_name_masked: str
    phone_masked: str
    tier_name: Text | None
    points_before: int
    points_after: int
    points_delta: int
    expiring_points: int  # points in the oldest living lot
    expiring_on: str | None  # its last valid day
    next_tier_name: Text | None
    spend_to_next_tier_fen: int  # 0 when at the top tier
    lines: tuple[Message, ...] = ()
    terms: tuple[Message, ...] = ()
    needs_signature: bool = False
    value_fen: int = 0
    online: bool = False  # decided with the server reachable, or provisionally offline
    rules_version: str = ""
    extra: dict[str, Any] = field(default_factory=dict)  # kind-specific plain values (e.g. coupon code, gift)

    @property
    def reference(self) -> str:
        """The business reference staff read, print and name files by (e.g. ``007-000123``)."""
        return self.op_ref

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["mall_name"] = self.mall_name.to_json()
        data["tier_name"] = self.tier_name.to_json() if self.tier_name else None
        data["next_tier_name"] = self.next_tier_name.to_json() if self.next_tier_name else None
        data["kind_label"] = self.kind_label.to_json()
        data["lines"] = [m.to_json() for m in self.lines]
        data["terms"] = [m.to_json() for m in self.terms]
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ReceiptData:
        values = dict(data)
        values["mall_name"] = Text(**data["mall_name"])
        values["tier_name"] = Text(**data["tier_name"]) if data.get("tier_name") else None
        values["next_tier_name"] = Text(**data["next_tier_name"]) if data.get("next_tier_name") else None
        values["kind_label"] = Message.from_json(data["kind_label"])
        values["lines"] = tuple(Message.from_json(m) for m in data.get("lines", ()))
        values["terms"] = tuple(Message.from_json(m) for m in data.get("terms", ()))
        return cls(**values)
