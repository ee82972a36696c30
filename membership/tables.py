"""The sync protocol's row shapes: the columns of a member, coupon, receipt and benefit claim.

The server's tables, the terminal's store and the snapshot a new terminal starts from all hold these
rows with these columns in this order, and a pulled change carries them under these names. Defined once
here so that the three cannot drift apart; plain names only (no SQL), each side writes its own queries.
"""

from __future__ import annotations

MEMBER_COLUMNS: tuple[str, ...] = (
    "member_no",
    "name",
    "phone",
    "card_no",
    "birthday",
    "gender",
    "tier",
    "tier_since",
    "enrolled_at",
    "enrolled_day",
    "channel",
    "referrer_no",
    "privacy_consent",
    "marketing_consent",
    "status",
    "alias_of",
    "updated_at",
)
COUPON_COLUMNS: tuple[str, ...] = (
    "code",
    "definition",
    "member_no",
    "status",
    "valid_from",
    "valid_to",
    "issued_op",
    "used_op",
    "used_at",
    "used_where",
    "updated_at",
)
RECEIPT_COLUMNS: tuple[str, ...] = (
    "tenant_code",
    "receipt_no",
    "member_no",
    "amount_fen",
    "purchase_date",
    "op_id",
    "terminal_name",
    "business_day",
    "credited_at",
)
CLAIM_COLUMNS: tuple[str, ...] = (
    "member_no",
    "benefit",
    "period",
    "detail",
    "op_id",
    "status",
    "business_day",
    "created_at",
)
