"""What a push carries and the refusals it can end in: the operation envelope, the terminal it came from,
the outcome codes the server adds to the shared ones."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from membership.i18n import Message

CTX = "Server"


NOT_PERMITTED = "not_permitted"  # outcome and exception code of an operation its staff member may not do


# The server could not apply an operation because of its own fault (a bug, a constraint it should not
# have hit): not a business outcome. The operation is kept, the terminal's sequence moves on, the desk
# keeps its effects provisional, and `memberdesk-server reapply` applies it once the fault is fixed.
QUARANTINED = "quarantined"


class PushRefused(Exception):
    """The whole batch is refused (nothing applied): a sequence gap, a fork, a payload mismatch."""

    def __init__(self, status: int, code: str, message: Message, **detail: Any):
        super().__init__(f"{code}: {message}")
        self.status = status
        self.code = code
        self.message = message
        self.detail = detail


def msg(text_: str, **params: Any) -> Message:
    return Message(CTX, text_, params)


@dataclass(frozen=True)
class TerminalRef:
    terminal_id: str
    terminal_code: int
    name: str
    pulled_through: int = 0


@dataclass
class Envelope:
    op_id: str
    epoch: int
    seq: int
    kind: str
    staff_no: str
    member_no: str | None
    local_time: str
    business_day: str
    online: bool
    payload: dict[str, Any]
    payload_hash: str
    # The payload's canonical JSON, once the batch has checked its hash with it (stored as it is).
    payload_text: str | None = None


class Reject(Exception):
    def __init__(self, code: str, message: Message, **detail: Any):
        super().__init__(code)
        self.code = code
        self.message = message
        self.detail = detail
