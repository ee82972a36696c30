"""The CUPS command-line tools (``lp``, ``lpstat``) as the spooler when pycups is missing or cannot connect.

Their output is parsed in the C locale. The answers are the same as ``printing.spool_cups`` gives from
IPP attributes, down to the :class:`~printing.print_errors.QueueState` both hand to the same judgement.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess

from .print_errors import QueueState, no_answer, no_spooler, no_such_printer, refuse_unfit, refused, service_down


def installed() -> bool:
    return bool(shutil.which("lp") and shutil.which("lpstat"))


def _c_env() -> dict[str, str]:
    # CUPS tools translate their output; parse it in the C locale.
    return {**os.environ, "LC_ALL": "C", "LANG": "C", "LANGUAGE": "C"}


def _run(args: list[str], timeout: float, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    try:
        return subprocess.run(args, input=stdin, capture_output=True, timeout=timeout, env=_c_env(), check=False)
    except FileNotFoundError:
        raise no_spooler() from None
    except subprocess.TimeoutExpired:
        raise no_answer(timeout) from None


def _text(raw: bytes) -> str:
    return raw.decode("utf-8", "replace").strip()


def _scheduler_down(output: str) -> bool:
    lowered = output.lower()
    return "scheduler is not running" in lowered or "unable to connect" in lowered


def printers(timeout: float) -> list[str]:
    if not shutil.which("lpstat"):
        return []
    result = _run(["lpstat", "-e"], timeout)
    if result.returncode != 0:
        return []
    return [line.strip() for line in _text(result.stdout).splitlines() if line.strip()]


def default_printer(timeout: float) -> str | None:
    if not shutil.which("lpstat"):
        return None
    result = _run(["lpstat", "-d"], timeout)
    match = re.search(r"system default destination:\s*(\S+)", _text(result.stdout))
    return match.group(1) if match else None


def check_queue(printer: str, timeout: float) -> None:
    """Refuse before spooling when the queue is missing, stopped or rejecting: the member is still here."""
    result = _run(["lpstat", "-l", "-p", printer], timeout)
    output = _text(result.stdout) + "\n" + _text(result.stderr)
    if _scheduler_down(output):
        raise service_down()
    if result.returncode != 0 or f"printer {printer} " not in output:
        # lpstat reports an unknown queue the same way whether or not the scheduler runs: ask it.
        if _scheduler_down(_text(_run(["lpstat", "-r"], timeout).stdout)):
            raise service_down()
        raise no_such_printer(printer)
    # The reason a queue was stopped (printer-state-message) is on the line after "disabled since ...".
    lines = output.splitlines()
    message = next(
        (lines[i + 1].strip() for i, line in enumerate(lines) if "disabled since" in line and i + 1 < len(lines)), ""
    )
    accepting = "not accepting" not in _text(_run(["lpstat", "-a", printer], timeout).stdout)
    state = QueueState(
        reasons=tuple(re.findall(r"Alerts:\s*(.*)", output)),
        stopped=re.search(rf"printer {re.escape(printer)} disabled", output) is not None,
        message=message,
        accepting=accepting,
    )
    refuse_unfit(printer, state)


def submit(data: bytes, queue: str, title: str, copies: int, options: list[str], timeout: float) -> str:
    args = ["lp", "-d", queue, "-t", title[:100], "-n", str(copies)]
    for option in options:
        args += ["-o", option]
    result = _run(args, timeout, stdin=data)
    out = _text(result.stdout) + "\n" + _text(result.stderr)
    if _scheduler_down(out):
        raise service_down()
    match = re.search(r"request id is (\S+)", out)
    if result.returncode != 0 or not match:
        raise refused(queue, _text(result.stderr) or _text(result.stdout))
    return match.group(1)


def job_pending(job_id: str, queue: str, timeout: float) -> bool:
    result = _run(["lpstat", "-W", "not-completed", "-o", queue], timeout)
    if _scheduler_down(_text(result.stdout) + "\n" + _text(result.stderr)):
        raise service_down()
    return job_id in {line.split()[0] for line in _text(result.stdout).splitlines() if line.strip()}
