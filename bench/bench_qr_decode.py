"""Side-by-side QR decoder benchmark on the seeded 1280×720 frame set: found rate and ms per frame.

    .venv/bin/python bench/bench_qr_decode.py                      # all backends, 60 frames per category
    .venv/bin/python bench/bench_qr_decode.py --backends zxing-cpp --per-category 200
    .venv/bin/python bench/bench_qr_decode.py --json /tmp/qr.json  # also write the raw figures
    .venv/bin/python bench/bench_qr_decode.py --edges               # where each decoder gives up

``zxing-cpp-1pass`` is the default reader without its second (equalised, half-size) pass, to show
what that pass buys and costs.

A frame counts as found only if a result carries exactly the member token drawn into it. Timings are
wall-clock per ``decode()`` call (gray conversion included), one frame at a time on one thread.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import qrframes

from desktop.qrreader import BACKENDS, QrReader, QrReaderUnavailable, ZxingCppReader

EMPTY = "no_code"  # frames without any code: what the camera sees most of the time
READERS: dict[str, Callable[[], QrReader]] = {
    "zxing-cpp": BACKENDS["zxing-cpp"],
    "zxing-cpp-1pass": lambda: ZxingCppReader(second_pass=False),
    "pyzbar": BACKENDS["pyzbar"],
    "opencv": BACKENDS["opencv"],
}
# One parameter pushed past the categories' ranges at a time, the rest held at a clean frame's.
EDGES: dict[str, tuple[list[float], Callable[[float, np.random.Generator], qrframes.Look]]] = {
    "module px": ([1.2, 1.4, 1.6, 1.8], lambda v, rng: qrframes.Look(module=v, angle=rng.uniform(-8, 8))),
    "blur σ px": ([2.0, 2.5, 3.0], lambda v, rng: qrframes.Look(module=5.5, angle=rng.uniform(-10, 10), blur=v)),
    "contrast levels": (
        [6, 8, 12, 18, 25],
        lambda v, rng: qrframes.Look(module=5, angle=rng.uniform(-10, 10), dark=120, light=120 + int(v)),
    ),
    "JPEG quality": (
        [5, 8],
        lambda v, rng: qrframes.Look(module=4.5, angle=rng.uniform(-10, 10), noise=14, jpeg_quality=int(v)),
    ),
}


@dataclass
class Cell:
    found: int = 0
    total: int = 0
    ms: list[float] = field(default_factory=list)

    def add(self, ok: bool, ms: float) -> None:
        self.found += ok
        self.total += 1
        self.ms.append(ms)

    def summary(self) -> dict[str, float]:
        ms = np.array(self.ms)
        return {
            "found": self.found,
            "total": self.total,
            "found_pct": 100.0 * self.found / self.total if self.total else float("nan"),
            "median_ms": float(np.median(ms)),
            "p95_ms": float(np.percentile(ms, 95)),
            "max_ms": float(ms.max()),
        }


def run(
    readers: dict[str, QrReader], categories: list[str], per_category: int, seed: int, progress: Callable[[str], None]
) -> dict[str, dict[str, Cell]]:
    cells: dict[str, dict[str, Cell]] = {name: {} for name in readers}
    for reader in readers.values():  # first calls load libraries and allocate buffers
        for i in range(3):
            reader.decode(qrframes.make_frame("clean", 1000 + i, seed).image)
    for category in [*categories, EMPTY]:
        if category == EMPTY:
            batch = [(qrframes.blank_frame(i, seed, cluttered=i % 2 == 1), None) for i in range(per_category)]
        else:
            batch = [(f.image, f.text) for f in qrframes.frames(category, per_category, seed)]
        for name, reader in readers.items():
            cell = cells[name].setdefault(category, Cell())
            for image, text in batch:
                t0 = time.perf_counter()
                results = reader.decode(image)
                ms = (time.perf_counter() - t0) * 1000.0
                # On a code-less frame any result would be a false positive.
                ok = not results if text is None else any(r.text == text for r in results)
                cell.add(ok, ms)
            progress(f"{category:<13} {name:<10} {cell.found:>3}/{cell.total}  median {np.median(cell.ms):6.1f} ms")
    return cells


def overall(cells: dict[str, Cell]) -> Cell:
    total = Cell()
    for category, cell in cells.items():
        if category == EMPTY:
            continue
        total.found += cell.found
        total.total += cell.total
        total.ms.extend(cell.ms)
    return total


def table(cells: dict[str, dict[str, Cell]], categories: list[str]) -> str:
    names = list(cells)
    head = "| category | " + " | ".join(f"{n} found | {n} median / p95 ms" for n in names) + " |"
    rule = "|---|" + "---:|---:|" * len(names)
    lines = [head, rule]
    for category in [*categories, "overall", EMPTY]:
        row = [f"**{category}**" if category == "overall" else category]
        for name in names:
            cell = overall(cells[name]) if category == "overall" else cells[name][category]
            s = cell.summary()
            label = "no false hit" if category == EMPTY else "found"
            found = f"{s['found_pct']:.1f}%" if label == "found" else f"{s['found']}/{s['total']} clean"
            row += [found, f"{s['median_ms']:.1f} / {s['p95_ms']:.1f}"]
        lines.append("| " + " | ".join(row) + " |")
    return "\n".join(lines)


def edges(readers: dict[str, QrReader], per_value: int, seed: int, progress: Callable[[str], None]) -> str:
    """Found rate per backend as one condition is pushed past the benchmark's ranges."""
    names = list(readers)
    lines = ["| condition | value | " + " | ".join(names) + " |", "|---|---:|" + "---:|" * len(names)]
    for sweep_no, (label, (values, make_look)) in enumerate(EDGES.items()):
        for value in values:
            found = dict.fromkeys(names, 0)
            for i in range(per_value):
                rng = np.random.default_rng([seed, 77, sweep_no, int(value * 10), i])
                text = qrframes.member_token(50_000 + i, seed)
                image, _ = qrframes.render(text, make_look(value, rng), rng)
                for name, reader in readers.items():
                    found[name] += any(r.text == text for r in reader.decode(image))
            row = " | ".join(f"{100.0 * found[n] / per_value:.0f}%" for n in names)
            lines.append(f"| {label} | {value:g} | {row} |")
            progress(lines[-1])
    return "\n".join(lines)


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as fh:
            for line in fh:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    return (
        f"{cpu}, {os.cpu_count()} cores, {platform.system()} {platform.release()}, Python {platform.python_version()}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--backends", nargs="+", default=list(READERS), choices=list(READERS))
    parser.add_argument("--categories", nargs="+", default=list(qrframes.CATEGORIES), choices=qrframes.CATEGORIES)
    parser.add_argument("--per-category", type=int, default=60)
    parser.add_argument("--seed", type=int, default=qrframes.DEFAULT_SEED)
    parser.add_argument("--json", type=Path, help="write the raw per-frame timings here")
    parser.add_argument("--edges", action="store_true", help="sweep conditions past the categories instead")
    parser.add_argument("--per-value", type=int, default=30, help="frames per value in the --edges sweep")
    args = parser.parse_args(argv)

    readers: dict[str, QrReader] = {}
    for name in args.backends:
        try:
            readers[name] = READERS[name]()
        except QrReaderUnavailable as exc:
            print(f"skipping {name}: {exc}", file=sys.stderr)
    if not readers:
        print("no decoder available", file=sys.stderr)
        return 1

    started = time.perf_counter()
    if args.edges:
        result = edges(readers, args.per_value, args.seed, lambda s: print(s, file=sys.stderr))
        print(
            f"\n{machine()}; seed {args.seed}; {args.per_value} frames per value; "
            f"{time.perf_counter() - started:.0f} s in all\n"
        )
        print(result)
        return 0
    cells = run(readers, args.categories, args.per_category, args.seed, lambda s: print(s, file=sys.stderr))
    print(
        f"\n{machine()}; seed {args.seed}; {args.per_category} frames per category; "
        f"{time.perf_counter() - started:.0f} s in all\n"
    )
    print(table(cells, args.categories))
    if args.json:
        raw = {name: {cat: {**c.summary(), "ms": c.ms} for cat, c in by_cat.items()} for name, by_cat in cells.items()}
        raw["_meta"] = {
            "machine": machine(),
            "seed": args.seed,
            "per_category": args.per_category,
            "median_overall": {n: statistics.median(overall(c).ms) for n, c in cells.items()},
        }
        args.json.write_text(json.dumps(raw, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
