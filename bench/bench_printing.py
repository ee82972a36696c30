"""Benchmark the printed documents: receipts, the daily report over 100,000 operations, the annual statement.

    .venv/bin/python bench/bench_printing.py            # default run counts
    .venv/bin/python bench/bench_printing.py --quick    # fewer runs, for a smoke check

Prints the median and p99 wall time of each document over N runs (after one warm-up run that pays
for registering the fonts). Data is synthetic and generated from a fixed seed, so reruns render the
same documents. Targets (docs/PRINTING.md): 80 mm receipt ≤ 50 ms, daily report ≤ 3 s, statement ≤ 200 ms.
"""

from __future__ import annotations

import argparse
import itertools
import os
import platform
import random
import re
import statistics
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

import printing_data as sample  # noqa: E402  (the tests' realistic sample documents)

from membership.i18n import Text  # noqa: E402
from membership.receipt import ReceiptData  # noqa: E402
from printing import (  # noqa: E402
    ActivityFigures,
    AdjustmentRow,
    BenefitRow,
    CouponRow,
    DailyReportData,
    EarnRow,
    EnrollmentRow,
    ExceptionRow,
    PaperSlipRow,
    RedeemRow,
    ReversalRow,
    StockRow,
    TerminalSync,
    daily_report_csv,
    ensure_fonts,
    render_daily_report,
    render_receipt,
    render_statement,
    render_welcome_slip,
)

SEED = 20261122
OPERATIONS = 100_000

# A member-day peak for the whole mall: 4 desks and 30 checkouts, 120 staff.
KIND_WEIGHTS = {
    "earn": 70_000,
    "credit_receipt": 12_000,
    "redeem_cash_offset": 5_000,
    "verify_coupon": 4_000,
    "claim_benefit": 3_500,
    "redeem_gift": 3_000,
    "enroll": 1_500,
    "paper_slip": 500,
    "reverse": 400,
    "adjust": 100,
}
GIFTS = [
    ("G001", sample.CUP, "gift", 1_500),
    ("G002", sample.BAG, "gift", 300),
    ("P001", sample.PARKING, "parking", 400),
    ("T001", sample.TICKET, "ticket", 2_500),
    ("K001", sample.DINING, "coupon", 1_800),
    ("G003", Text("香薰蜡烛礼盒", "香薰蠟燭禮盒", "Scented candle set"), "gift", 3_000),
]
COUPONS = [
    ("RED20", sample.DINING, 2_000),
    ("BDAY50", sample.BDAY50, 5_000),
    ("BDAY100", Text("生日 100 元券", "生日 100 元券", "¥100 birthday coupon"), 10_000),
    ("XMAS30", Text("圣诞 30 元券", "聖誕 30 元券", "¥30 Christmas coupon"), 3_000),
]
REASONS = [
    "顾客退货，原小票已收回",
    "收银员误操作，重复积分",
    "商品质量问题整单退货",
    "系统故障期间漏记积分，经主管核实后补录",
    "会员投诉处理，补偿积分",
    "重复补录，冲回",
]


def synthetic_day(seed: int = SEED, operations: int = OPERATIONS) -> DailyReportData:
    """100,000 operations of one business day, generated one by one and added up as the store would."""
    rng = random.Random(seed)
    kinds = rng.choices(list(KIND_WEIGHTS), weights=list(KIND_WEIGHTS.values()), k=operations)
    staff = [f"S{n:04d}" for n in range(100, 220)]
    terminals = list(range(1, 35))
    enroll: Counter[tuple[str, str]] = Counter()
    earned: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    redeemed: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    coupons: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    benefits: Counter[str] = Counter()
    hours = [0] * 24
    reversals, adjustments, slips = [], [], []
    for i, kind in enumerate(kinds):
        hour = min(21, max(10, int(rng.gauss(15, 2.6))))
        hours[hour] += 1
        at = f"{hour:02d}:{rng.randrange(60):02d}"
        ref = f"{rng.choice(terminals):03d}-{i:06d}"
        who = rng.choice(staff)
        if kind == "earn":
            amount = rng.randrange(1_000, 300_000)
            row = earned["earn"]
            row[0] += 1
            row[1] += amount * 12 // 1000  # points for the amount at a typical 1.2 multiplier, floored
            row[2] += amount
        elif kind == "credit_receipt":
            amount = rng.randrange(5_000, 500_000)
            row = earned["receipt"]
            row[0] += 1
            row[1] += amount // 100
            row[2] += amount
        elif kind == "enroll":
            channel = rng.choices(["desk", "checkout", "paper"], weights=[70, 25, 5])[0]
            enroll[(who, channel)] += 1
            earned["welcome"][0] += 1
            earned["welcome"][1] += 100
        elif kind == "redeem_gift":
            code, _, _, price = rng.choice(GIFTS)
            quantity = rng.choice([1, 1, 1, 2])
            row = redeemed[code]
            row[0] += quantity
            row[1] += price * quantity
        elif kind == "redeem_cash_offset":
            spent = rng.randrange(1, 50) * 100
            row = redeemed["cash_offset"]
            row[0] += 1
            row[1] += spent
            row[2] += spent  # 100 points = 1 yuan = 100 fen
        elif kind == "verify_coupon":
            code, _, value = rng.choice(COUPONS)
            coupons[code][0] += 1
            coupons[code][1] += value
        elif kind == "claim_benefit":
            benefits[rng.choices(["parking", "birthday", "member_day"], weights=[70, 10, 20])[0]] += 1
        elif kind == "reverse":
            reversals.append(
                ReversalRow(
                    at,
                    ref,
                    rng.choice(["earn", "credit_receipt", "redeem_gift"]),
                    f"{rng.choice(terminals):03d}-{rng.randrange(i + 1):06d}",
                    "0070001235",
                    -rng.randrange(50, 5_000),
                    who,
                    rng.choice(REASONS),
                    "M0003",
                )
            )
        elif kind == "adjust":
            adjustments.append(
                AdjustmentRow(
                    at,
                    ref,
                    "0070001235",
                    rng.choice([-1, 1]) * rng.randrange(50, 2_000),
                    who,
                    rng.choice(REASONS),
                    "M0003",
                )
            )
        elif kind == "paper_slip":
            slip_type = rng.choice(["enroll", "receipt", "gift", "benefit"])
            letter = {"enroll": "E", "receipt": "R", "gift": "G", "benefit": "B"}[slip_type]
            slips.append(
                PaperSlipRow(f"P{letter}007{i:06d}{i % 10}", slip_type, at, f"{min(hour + 2, 23):02d}:10", who, ref)
            )
    exceptions = tuple(
        ExceptionRow(
            f"{rng.randrange(10, 22):02d}:{rng.randrange(60):02d}",
            f"{rng.choice(terminals):03d}",
            f"B101-20261122-{n:04d}",
            "小票已在其他服务台积分",
            resolved=rng.random() < 0.8,
            resolved_by="M0003",
            decision="驳回本次积分，已告知会员",
        )
        for n in range(60)
    )
    names = {code: (name, kind) for code, name, kind, _ in GIFTS}
    figures = ActivityFigures(
        enrollments=tuple(EnrollmentRow(s, "", c, n) for (s, c), n in sorted(enroll.items())),
        earned=tuple(EarnRow(source, ops, pts, spend) for source, (ops, pts, spend) in sorted(earned.items())),
        redeemed=tuple(
            RedeemRow("cash_offset", "", "", q, p, v)
            if code == "cash_offset"
            else RedeemRow(names[code][1], code, names[code][0], q, p)
            for code, (q, p, v) in sorted(redeemed.items())
        ),
        coupons=tuple(
            CouponRow(code, next(n for c, n, _ in COUPONS if c == code), count, value)
            for code, (count, value) in sorted(coupons.items())
        ),
        benefits=tuple(BenefitRow(b, n) for b, n in sorted(benefits.items())),
        reversals=tuple(reversals),
        adjustments=tuple(adjustments),
        paper_slips=tuple(slips),
        exceptions=exceptions,
        stock=tuple(
            StockRow(code, name, 1_000, redeemed[code][0] if code in redeemed else 0) for code, name, _, _ in GIFTS
        ),
        operations_by_hour=tuple(hours),
    )
    syncs = tuple(
        TerminalSync(
            t, f"终端 {t}", t != 17, "2026-11-23 04:10" if t != 17 else "2026-11-22 19:02", 0 if t != 17 else 41
        )
        for t in terminals
    )
    return DailyReportData(
        sample.MALL, "星河广场（全场）", "2026-11-22", "2026-11-23 08:30", "M0003 张伟", figures, syncs, "2026.1"
    )


def measure(name: str, runs: int, fn: Callable[[], object]) -> tuple[float, float]:
    fn()  # warm-up: fonts registered, caches filled
    times, cpu = [], []
    for _ in range(runs):
        start, cpu_start = time.perf_counter(), time.thread_time()
        fn()
        times.append(time.perf_counter() - start)
        cpu.append(time.thread_time() - cpu_start)
    times.sort()
    cpu.sort()
    median = statistics.median(times)
    p99 = times[min(len(times) - 1, max(0, round(0.99 * len(times)) - 1))]
    cpu_p99 = cpu[min(len(cpu) - 1, max(0, round(0.99 * len(cpu)) - 1))]
    # CPU time beside wall time: on a shared machine a p99 far above its CPU p99 is the scheduler's, and
    # the CPU minimum is the closest to what the code costs on an idle core.
    print(
        f"{name:<44} runs={runs:<4} median={median * 1000:9.1f} ms   p99={p99 * 1000:9.1f} ms"
        f"   (CPU min {cpu[0] * 1000:.1f} / median {statistics.median(cpu) * 1000:.1f} / p99 {cpu_p99 * 1000:.1f} ms)"
    )
    return median, p99


def machine() -> str:
    """The CPU model and the load: receipts cost 40 % more on one VM host than another (PERFORMANCE.md)."""
    model = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as info:
            model = next((line.split(":", 1)[1].strip() for line in info if line.startswith("model name")), model)
    except OSError:
        pass
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    return f"{model}, {os.cpu_count()} CPUs, load average {load:.1f}"


def profile_receipt(fresh: Callable[[str], ReceiptData], runs: int = 100) -> None:
    """Where an 80 mm gift + coupon receipt's time goes: cProfile over ``runs`` renders, top functions."""
    import cProfile
    import pstats

    items = [fresh("redeem_gift") for _ in range(runs + 1)]
    render_receipt(items[0])
    profiler = cProfile.Profile()
    profiler.enable()
    for data in items[1:]:
        render_receipt(data)
    profiler.disable()
    pstats.Stats(profiler).sort_stats("tottime").print_stats(15)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer runs")
    parser.add_argument("--profile", action="store_true", help="profile the 80 mm gift + coupon receipt and stop")
    args = parser.parse_args()
    n_small, n_report = (20, 2) if args.quick else (300, 7)

    print(f"python {platform.python_version()} on {machine()}, seed {SEED}")
    start = time.perf_counter()
    ensure_fonts()
    print(f"{'font registration (once per process)':<44} {(time.perf_counter() - start) * 1000:9.1f} ms")

    # Every run prints a new operation reference (and coupon), as at the desk: no QR comes from the cache.
    serial = itertools.count(1)

    def fresh(kind: str) -> ReceiptData:
        n = next(serial)
        data = sample.receipts_by_kind()[kind]
        extra = dict(data.extra, coupon_code=f"CRED20-007{n:05d}X") if "coupon_code" in data.extra else data.extra
        return replace(data, op_ref=f"007-{n:06d}", extra=extra)

    # The receipts are built before timing, as for ESC/POS below (the sample data is not the printing).
    def ready(kind: str):
        return iter([fresh(kind) for _ in range(n_small + 1)])

    if args.profile:
        profile_receipt(fresh)
        return
    # The longest receipt: a coupon QR, terms and a signature line.
    gifts, gifts58, earns = ready("redeem_gift"), ready("redeem_gift"), ready("earn")
    measure("receipt 80 mm (gift + coupon, 2 QR codes)", n_small, lambda: render_receipt(next(gifts)))
    measure("receipt 58 mm (gift + coupon, 2 QR codes)", n_small, lambda: render_receipt(next(gifts58), width_mm=58))
    measure("receipt 80 mm (purchase points)", n_small, lambda: render_receipt(next(earns)))
    welcome = sample.welcome_slip()
    measure("welcome slip 80 mm", n_small, lambda: render_welcome_slip(welcome))
    # ESC/POS: the printer's own commands instead of a PDF (printing.escpos); new references every run.
    from printing.escpos import make_config, receipt_escpos, welcome_escpos

    epson80 = make_config("epson-tm-t88-cn", "tcp", "127.0.0.1", 80)
    xp58 = make_config("xprinter-xp58", "usb", "/dev/usb/lp0", 58)

    gifts, earns, gifts58 = ready("redeem_gift"), ready("earn"), ready("redeem_gift")
    measure("ESC/POS 80 mm gift + coupon (2 native QR)", n_small, lambda: receipt_escpos(next(gifts), epson80))
    measure("ESC/POS 80 mm purchase points (1 native QR)", n_small, lambda: receipt_escpos(next(earns), epson80))
    measure("ESC/POS 58 mm gift + coupon (2 raster QR)", n_small, lambda: receipt_escpos(next(gifts58), xp58))
    measure("ESC/POS welcome slip 80 mm (native QR)", n_small, lambda: welcome_escpos(welcome, epson80))
    statement = sample.statement()
    measure("member annual statement (A4, chart)", max(n_small // 3, 10), lambda: render_statement(statement))

    start = time.perf_counter()
    day = synthetic_day()
    build = time.perf_counter() - start
    f = day.figures
    rows = len(f.reversals) + len(f.adjustments) + len(f.paper_slips) + len(f.exceptions) + len(f.enrollments)
    print(
        f"daily data: {OPERATIONS:,} operations generated and added up in {build:.2f} s "
        f"({rows:,} detail rows, {len(day.terminals)} terminals)"
    )
    pages = len(re.findall(rb"/Type /Page\b(?!s)", render_daily_report(day)))
    measure(f"daily report PDF ({pages} A4 pages)", n_report, lambda: render_daily_report(day))
    measure("daily report CSV", n_report, lambda: daily_report_csv(day))


if __name__ == "__main__":
    main()
