"""Child process for the crash test: random desk actions in a loop, reporting each committed operation."""

from __future__ import annotations

import random
import sys
from datetime import UTC, datetime, timedelta

from sync.services import USER_ERRORS, DeskServices
from sync.store import Store


def main() -> None:
    path, seed = sys.argv[1], int(sys.argv[2])
    rng = random.Random(seed)
    store = Store(path)
    now = [datetime(2026, 11, 20, 2, 0, tzinfo=UTC) + timedelta(minutes=seed)]
    services = DeskServices(store, clock=lambda: now[0], online=lambda: True)
    manager = services.login("M001", "1234")
    members = [r[0] for r in store.query("SELECT member_no FROM members WHERE status = 'active'")]
    print("READY", flush=True)
    n = 0
    while True:
        n += 1
        now[0] += timedelta(seconds=1)
        kind = rng.choice(("enroll", "earn", "earn", "receipt", "gift", "adjust", "parking"))
        try:
            if kind == "enroll" or not members:
                phone = f"139{seed % 10_000:04d}{n % 10_000:04d}"
                result = services.enroll(
                    manager, name="测试", phone=phone, birthday="01-01", privacy_accepted=True, marketing_accepted=False
                )
                members.append(result.member_no)
            elif kind == "earn":
                result = services.earn(manager, rng.choice(members), rng.randint(100, 500_000))
            elif kind == "receipt":
                result = services.credit_receipt(
                    manager, rng.choice(members), "F101", f"S{seed}N{n}", rng.randint(100, 50_000), "2026-11-20"
                )
            elif kind == "gift":
                result = services.redeem_gift(manager, rng.choice(members), "G002")
            elif kind == "adjust":
                result = services.adjust(manager, rng.choice(members), rng.randint(1, 50), "crash test", pin="1234")
            else:
                result = services.claim_benefit(manager, rng.choice(members), "parking")
        except USER_ERRORS:
            continue
        # Printed only after COMMIT returned: the parent holds us to every op we report.
        print("COMMITTED", result.op_id, flush=True)


if __name__ == "__main__":
    main()
