"""The desk's actions: each builds an operation's payload from what staff entered and performs it."""

from __future__ import annotations

import unicodedata
from datetime import date
from typing import Any

from sqlcipher3 import dbapi2 as sqlite3

from membership import codes
from membership import decisions as dec
from membership import operations as ops
from membership.decisions import Context, Refused
from membership.i18n import QT_TRANSLATE_NOOP
from membership.masterdata import CatalogueItem
from membership.rules import DonationCampaign
from membership.timeutil import to_utc_text
from membership.validation import normalize_phone, parse_birthday

from .records import ActionResult, DuplicatePhone, PaperSlip, Session
from .writing import OperationWriter


class DeskActions(OperationWriter):
    """The desk's actions: each builds an operation's payload from what staff entered and performs it."""

    def enroll(
        self,
        session: Session,
        *,
        name: str,
        phone: str,
        birthday: str,
        gender: str = "",
        referrer_no: str | None = None,
        privacy_accepted: bool,
        marketing_accepted: bool,
        channel: str = "desk",
        paper: PaperSlip | None = None,
    ) -> ActionResult:
        self._authorize(session, "enroll")
        rules = self.store.rules()
        now = paper.written_at if paper else self.clock()
        if paper:
            channel = "paper"
        phone = normalize_phone(phone)
        local_today = now.astimezone(rules.timezone).date()
        bday = parse_birthday(birthday, this_year=local_today.year, today=local_today)
        existing = self.store.member_by_phone(phone)
        if existing is not None:
            raise DuplicatePhone(existing["member_no"])
        at = to_utc_text(now)
        payload: dict[str, Any] = {
            "member_no": "0000000000",  # replaced by the allocated number inside the transaction
            "name": name,
            "phone": phone,
            "birthday": bday.text(),
            "gender": gender or "",
            "referrer_no": (referrer_no or "").strip() or None,
            "channel": channel,
            "privacy_consent": {
                "accepted": bool(privacy_accepted),
                "wording_version": rules.privacy_consent_version,
                "at": at,
            },
            "marketing_consent": {
                "accepted": bool(marketing_accepted),
                "wording_version": rules.marketing_consent_version,
                "at": at,
            },
        }
        if paper:
            payload.update(paper.fields(self.clock()))
        ops.validate_payload(ops.ENROLL, {**payload, "member_no": codes.make_member_no(0, 1)})

        def allocate(conn: sqlite3.Connection, ctx: Context, _: dict[str, Any]) -> dict[str, Any]:
            terminal = self.store.terminal()
            seq = self.store.next_counter(conn, "member_seq")
            return ops.validate_payload(
                ops.ENROLL, {**payload, "member_no": codes.make_member_no(terminal.terminal_code, seq)}
            )

        result = self._perform(session, ops.ENROLL, payload, allocate, now=now, prevalidated=True)
        token = self.member_token(result.member_no or "")
        return ActionResult(
            result.op_id,
            result.op_ref,
            result.kind,
            result.member_no,
            result.receipt,
            {**result.extra, "member_token": token},
        )

    def edit_profile(self, session: Session, member_no: str, changes: dict[str, Any]) -> ActionResult:
        rules = self.store.rules()
        changes = dict(changes)
        if "birthday" in changes:
            local_today = self.clock().astimezone(rules.timezone).date()
            changes["birthday"] = parse_birthday(str(changes["birthday"]), local_today.year, today=local_today).text()
        if "phone" in changes:
            phone = normalize_phone(str(changes["phone"]))
            other = self.store.member_by_phone(phone)
            if other is not None and other["member_no"] != member_no:
                raise DuplicatePhone(other["member_no"])

        return self._perform(session, ops.EDIT_PROFILE, {"member_no": member_no, "changes": changes})

    def earn(
        self,
        session: Session,
        member_no: str,
        amount_fen: int,
        category: str = "general",
        apply_discount: bool = False,
        pos_ref: str = "",
    ) -> ActionResult:
        return self._perform(
            session,
            ops.EARN,
            {
                "member_no": member_no,
                "amount_fen": amount_fen,
                "category": category,
                "apply_discount": apply_discount,
                "pos_ref": pos_ref,
            },
        )

    def credit_receipt(
        self,
        session: Session,
        member_no: str,
        tenant_code: str,
        receipt_no: str,
        amount_fen: int,
        purchase_date: str | date,
        approver: tuple[str, str] | None = None,
        paper: PaperSlip | None = None,
    ) -> ActionResult:
        self._authorize(session, "credit_receipt")
        approved_by = self._verify_manager(approver, session)

        return self._perform(
            session,
            ops.CREDIT_RECEIPT,
            {
                "member_no": member_no,
                "tenant_code": tenant_code,
                "receipt_no": receipt_no,
                "amount_fen": amount_fen,
                "purchase_date": str(purchase_date),
                "approved_by": approved_by,
                **(paper.fields(self.clock()) if paper else {}),
            },
            now=paper.written_at if paper else None,
        )

    def redeem_gift(
        self,
        session: Session,
        member_no: str,
        item_code: str,
        quantity: int = 1,
        paper: PaperSlip | None = None,
        pin: str | None = None,
    ) -> ActionResult:
        self._authorize(session, "redeem_gift")
        item = self._catalogue_item(item_code)
        if item is not None and paper is None and type(quantity) is int and quantity > 0:
            self._step_up_if_large(session, pin, "redeem_gift", item.points * quantity)

        def allocate(conn: sqlite3.Connection, ctx: Context, p: dict[str, Any]) -> dict[str, Any]:
            # A gift handed over on paper is booked as a fact (membership.dispatch), even if the points no
            # longer cover it: the shortfall is booked as debt and shows in the exceptions once synced.
            if item is not None and item.kind == "coupon":
                return {**p, "coupon_code": self._allocate_coupon(conn, item.coupon)}
            return p

        return self._perform(
            session,
            ops.REDEEM_GIFT,
            {
                "member_no": member_no,
                "item_code": item_code,
                "quantity": quantity,
                **(paper.fields(self.clock()) if paper else {}),
            },
            allocate,
            now=paper.written_at if paper else None,
        )

    def _catalogue_item(self, item_code: str) -> CatalogueItem | None:
        """The gift ``item_code`` names, normalised the way the payload will be (NFKC), so that a threshold
        sees the gift that is redeemed."""
        return self.store.master().catalogue.get(unicodedata.normalize("NFKC", item_code or "").strip().upper())

    def redeem_cash_offset(
        self, session: Session, member_no: str, points: int, purchase_amount_fen: int, pin: str | None = None
    ) -> ActionResult:
        self._authorize(session, "redeem_cash_offset")
        if type(points) is int:
            self._step_up_if_large(session, pin, "redeem_cash_offset", points)

        return self._perform(
            session,
            ops.REDEEM_CASH_OFFSET,
            {
                "member_no": member_no,
                "points": points,
                "purchase_amount_fen": purchase_amount_fen,
            },
        )

    def donation_campaigns(self) -> tuple[DonationCampaign, ...]:
        """The charity campaigns in the rules, for the donation screen's choice."""
        return self.store.rules().donation_campaigns

    def donate_points(
        self, session: Session, member_no: str, campaign_code: str, points: int, pin: str | None = None
    ) -> ActionResult:
        """Give ``points`` of the member's (oldest first) to a charity campaign named in the rules (积分捐赠).

        Capped offline like every redemption; a donation of at least ``security.step_up_points`` asks for
        the PIN again.
        """
        self._authorize(session, ops.DONATE_POINTS)
        payload = {"member_no": member_no, "campaign_code": campaign_code, "points": points}
        if type(points) is int and points > 0:
            # A donation the campaign would refuse is refused before any PIN is asked for it.
            typed = ops.validate_payload(ops.DONATE_POINTS, payload)
            dec.check_donation(typed["campaign_code"], typed["points"], self.store.rules())
            self._step_up_if_large(session, pin, ops.DONATE_POINTS, points)

        return self._perform(session, ops.DONATE_POINTS, payload)

    def check_coupon(self, session: Session, code: str) -> tuple[dec.CouponRecord, Any]:
        """The coupon and its definition, to show terms and validity before verifying it."""
        self._authorize(session, "verify_coupon")
        _, normal = codes.parse_coupon_code(code)
        record = self.store.coupon_record(normal)
        if record is None:
            raise Refused(
                "coupon_unknown",
                QT_TRANSLATE_NOOP(
                    "Refusal", "Coupon {code} is not known here; it may be forged, or the terminal needs a sync."
                ),
                code=normal,
            )
        return record, self.store.master().coupons.get(record.definition)

    def verify_coupon(
        self, session: Session, code: str, member_no: str | None = None, purchase_amount_fen: int | None = None
    ) -> ActionResult:
        return self._perform(
            session,
            ops.VERIFY_COUPON,
            {"code": code, "member_no": member_no, "purchase_amount_fen": purchase_amount_fen},
        )

    def claim_benefit(
        self, session: Session, member_no: str, benefit: str, paper: PaperSlip | None = None
    ) -> ActionResult:
        def allocate(conn: sqlite3.Connection, ctx: Context, p: dict[str, Any]) -> dict[str, Any]:
            tier = ctx.rules.tier(self._state(p["member_no"], ctx.today, ctx.rules).tier)
            if p["benefit"] == "birthday" and tier.birthday_coupon:
                return {**p, "coupon_code": self._allocate_coupon(conn, tier.birthday_coupon)}
            return p

        return self._perform(
            session,
            ops.CLAIM_BENEFIT,
            {"member_no": member_no, "benefit": benefit, **(paper.fields(self.clock()) if paper else {})},
            allocate,
            now=paper.written_at if paper else None,
        )

    def _step_up_if_large(self, session: Session, pin: str | None, action: str, points: int) -> None:
        """Redemptions of at least the rules' ``security.step_up_points`` ask for the PIN again."""
        if points >= self.store.rules().step_up_points:
            self.step_up(session, pin, action)

    def reverse(self, session: Session, op_id: str, reason: str, pin: str | None = None) -> ActionResult:
        self.step_up(session, pin, "reverse")
        return self._perform(session, ops.REVERSE, {"target_op_id": self.operation_id(op_id), "reason": reason})

    def adjust(
        self, session: Session, member_no: str, points: int, reason: str, pin: str | None = None
    ) -> ActionResult:
        self.step_up(session, pin, "adjust")
        return self._perform(session, ops.ADJUST, {"member_no": member_no, "points": points, "reason": reason})

    def record_event(self, session: Session, member_no: str, event_code: str) -> ActionResult:
        return self._perform(session, ops.RECORD_EVENT, {"member_no": member_no, "event_code": event_code})

    def tier_review(self, session: Session, member_no: str, review_date: str | date) -> ActionResult:
        return self._perform(session, ops.TIER_REVIEW, {"member_no": member_no, "review_date": str(review_date)})
