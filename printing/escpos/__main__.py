"""``python -m printing.escpos``: list models, ask a receipt printer's status, or make a test print.

The ``memberdesk printer`` command runs this with the terminal's saved settings (``sync`` may not
import ``printing``, so it calls it as a program, the way it would call ``lp``). Messages are in the
language given with ``--lang``. Exit status: 0 done, 1 printer problem, 2 bad set-up.
"""

from __future__ import annotations

import argparse
import sys

from membership.i18n import DEFAULT_LANGUAGE, LANGUAGES, catalog

from ..spool import PrintError
from . import PROFILES, ConfigError, make_config, printer_status, sample_page_escpos, send_job


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m printing.escpos", description=__doc__.splitlines()[0])
    p.add_argument("--lang", choices=LANGUAGES, default=DEFAULT_LANGUAGE)
    sub = p.add_subparsers(dest="command", required=True)
    sub.add_parser("models", help="the printer models (profiles) and their encodings")
    for name in ("check", "status", "test"):
        q = sub.add_parser(name)
        q.add_argument("--profile", required=True)
        q.add_argument("--transport", required=True)
        q.add_argument("--address", required=True)
        q.add_argument("--paper", default="80")
        q.add_argument("--encoding", default="")
        q.add_argument("--logo", default="")
        q.add_argument("--mall", default="")
        q.add_argument("--at", default="")
    args = p.parse_args(argv)
    cat = catalog(args.lang)
    if args.command == "models":
        for profile in PROFILES.values():
            qr = "QR" if profile.native_qr else "raster QR"
            widths = "/".join(str(w) for w in profile.widths)
            print(f"{profile.key:<16} {profile.name:<42} {profile.encoding:<8} {widths} mm  {qr}")
        return 0
    try:
        config = make_config(args.profile, args.transport, args.address, args.paper, args.encoding, args.logo)
    except ConfigError as exc:
        print(exc.message.render(cat), file=sys.stderr)
        return 2
    try:
        if args.command == "check":
            print(f"{config.label}: {config.transport}, {config.encoding}, {config.width_mm} mm")
        elif args.command == "status":
            status = printer_status(config)
            if not status.known:
                print(f"{config.label}: no status (the connection does not report it)")
            else:
                flags = [
                    ("online" if status.online else "OFFLINE"),
                    ("cover open" if status.cover_open else "cover closed"),
                    ("PAPER OUT" if status.paper_out else "paper low" if status.paper_low else "paper ok"),
                ]
                print(f"{config.label}: " + ", ".join(flags))
            return 1 if status.problem else 0
        else:
            job = sample_page_escpos(config, mall_name=args.mall, at_local=args.at, language=args.lang)
            send_job(job, config, title="MemberDesk test")
            print(f"{config.label}: test page sent ({len(job)} bytes)")
    except PrintError as exc:
        print(exc.message.render(cat), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
