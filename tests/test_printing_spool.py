"""Printing through a real CUPS queue (cups-pdf), the translated errors a person can act on, and saving to a file.

The fixture starts cupsd when it is not running (CI runs as root), adds a cups-pdf queue writing into
a temporary directory, and removes both afterwards. Every test that reaches CUPS runs twice (the
``spooler`` fixture): through pycups, and through ``lp``/``lpstat`` as when pycups cannot be imported.
Nothing here sleeps for a fixed time: it polls with a deadline.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from printing_data import MM, daily_report, read_pdf, receipts_by_kind, statement

from membership.i18n import catalog
from printing import (
    PrintError,
    print_pdf,
    printers,
    render_daily_report,
    render_receipt,
    render_statement,
    save_pdf,
    wait_for_job,
)
from printing.spool import backend, page_media

C_LOCALE = {**os.environ, "LC_ALL": "C", "LANG": "C"}
PPD = "/usr/share/ppd/cups-pdf/CUPS-PDF_noopt.ppd"


def wait_until(condition: Callable[[], object], timeout: float, what: str) -> object:
    deadline = time.monotonic() + timeout
    while True:
        result = condition()
        if result:
            return result
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout} s waiting for {what}")
        time.sleep(0.05)


def scheduler_running() -> bool:
    result = subprocess.run(["lpstat", "-r"], capture_output=True, text=True, env=C_LOCALE, check=False)
    return result.stdout.strip() == "scheduler is running"


@pytest.fixture(scope="module")
def cups() -> Iterator[None]:
    started = None
    if not scheduler_running():
        started = subprocess.Popen(["cupsd", "-f"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        wait_until(scheduler_running, 30, "cupsd to start")
    yield
    if started is not None:
        started.terminate()
        started.wait(timeout=30)


@pytest.fixture(params=["pycups", "lp"])
def spooler(request, cups, monkeypatch) -> str:
    """Which way the test's jobs go: pycups (the default), or lp/lpstat as when pycups cannot be imported."""
    if request.param == "lp":
        monkeypatch.setitem(sys.modules, "cups", None)  # `import cups` now raises ImportError, as without pycups
    assert backend() == request.param
    return request.param


@pytest.fixture
def pdf_queue(spooler, tmp_path) -> Iterator[tuple[str, Path]]:
    """A cups-pdf queue of our own; cups-pdf reads cups-pdf-<queue>.conf for a queue with URI cups-pdf:/<queue>."""
    name = f"memberdesk-test-{uuid.uuid4().hex[:8]}"
    out = tmp_path / "cups-pdf"
    out.mkdir()
    out.chmod(0o777)
    conf = Path("/etc/cups") / f"cups-pdf-{name}.conf"
    conf.write_text(f"Out {out}\nLabel 1\n", encoding="utf-8")
    subprocess.run(
        ["lpadmin", "-p", name, "-E", "-v", f"cups-pdf:/{name}", "-P", PPD],
        check=True,
        capture_output=True,
        env=C_LOCALE,
    )
    try:
        yield name, out
    finally:
        subprocess.run(["cancel", "-a", name], capture_output=True, check=False)
        subprocess.run(["lpadmin", "-x", name], capture_output=True, check=False)
        conf.unlink(missing_ok=True)


def zh(error: PrintError) -> str:
    return error.message.render(catalog("zh_CN"))


def test_receipt_printed_through_cups_comes_out_as_a_pdf(pdf_queue):
    queue, out = pdf_queue
    assert queue in printers()
    data = receipts_by_kind()["redeem_gift"]
    pdf = render_receipt(data)
    job = print_pdf(pdf, queue, title=f"receipt {data.op_ref}", options={"media": page_media(pdf)})
    assert job.startswith(f"{queue}-")
    wait_for_job(job, timeout=60)
    printed = wait_until(lambda: sorted(out.glob("*.pdf")), 30, "cups-pdf to write the file")
    assert len(printed) == 1
    reader = read_pdf(printed[0].read_bytes())
    assert len(reader.pages) == 1
    # The roll width survived the spooler (the media option), and the reference is on the paper.
    assert abs(float(reader.pages[0].mediabox.width) / MM - 80) < 1
    assert data.op_ref in reader.pages[0].extract_text()


def test_a4_document_from_a_worker_thread(pdf_queue):
    queue, out = pdf_queue
    jobs: list[str] = []
    errors: list[BaseException] = []

    def work() -> None:
        try:
            pdf = render_statement(statement())
            job = print_pdf(pdf, queue, title="statement")
            wait_for_job(job, timeout=60)
            jobs.append(job)
        except BaseException as exc:  # handed to the test thread
            errors.append(exc)

    worker = threading.Thread(target=work)
    worker.start()
    worker.join(timeout=90)
    assert not worker.is_alive() and not errors and len(jobs) == 1
    printed = wait_until(lambda: sorted(out.glob("*.pdf")), 30, "cups-pdf to write the file")
    assert abs(float(read_pdf(printed[0].read_bytes()).pages[0].mediabox.width) / MM - 210) < 1


def test_missing_printer_is_a_clear_message(spooler):
    with pytest.raises(PrintError) as info:
        print_pdf(render_receipt(receipts_by_kind()["earn"]), "no-such-printer")
    assert info.value.reason == "no_printer"
    assert "no-such-printer" in zh(info.value) and "设置" in zh(info.value)


def test_out_of_paper_is_refused_before_spooling(pdf_queue):
    queue, _ = pdf_queue
    subprocess.run(["cupsdisable", "-r", "Media empty", queue], check=True)
    with pytest.raises(PrintError) as info:
        print_pdf(render_receipt(receipts_by_kind()["earn"]), queue)
    assert info.value.reason == "out_of_paper"
    assert zh(info.value) == f"打印机“{queue}”缺纸。请装入新纸卷后重印。"
    subprocess.run(["cupsenable", queue], check=True)
    assert print_pdf(render_receipt(receipts_by_kind()["earn"]), queue)


def test_stopped_printer_while_waiting_for_the_job(pdf_queue):
    queue, _ = pdf_queue
    subprocess.run(["cupsdisable", "-r", "Offline for service", queue], check=True)
    # Spool around our own check, as if the printer stopped just after the job was sent.
    result = subprocess.run(
        ["lp", "-d", queue],
        input=render_receipt(receipts_by_kind()["earn"]),
        capture_output=True,
        env=C_LOCALE,
        check=True,
    )
    job = result.stdout.decode().split()[3]
    with pytest.raises(PrintError) as info:
        wait_for_job(job, timeout=10)
    assert info.value.reason == "printer_stopped"
    assert "Offline for service" in zh(info.value) and "重印" in zh(info.value)


def test_queue_not_accepting_jobs(pdf_queue):
    queue, _ = pdf_queue
    subprocess.run(["cupsreject", "-r", "maintenance", queue], check=True)
    with pytest.raises(PrintError) as info:
        print_pdf(render_receipt(receipts_by_kind()["earn"]), queue)
    assert info.value.reason == "not_accepting"
    subprocess.run(["cupsaccept", queue], check=True)


def test_print_service_not_running(spooler, monkeypatch):
    # A scheduler address nothing listens on: what a terminal sees when cupsd is down. pycups cannot
    # reach it either, so lp is asked, and says so.
    monkeypatch.setenv("CUPS_SERVER", "localhost:1")
    assert backend() == "lp"
    with pytest.raises(PrintError) as info:
        print_pdf(render_receipt(receipts_by_kind()["earn"]), "receipts")
    assert info.value.reason == "service_down"
    assert "打印服务未运行" in zh(info.value)


def test_no_print_system_installed(monkeypatch, tmp_path):
    # Neither the CUPS tools nor a scheduler (libcups, which pycups wraps, may still be on the machine).
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.setenv("CUPS_SERVER", str(tmp_path / "no-scheduler.sock"))
    assert backend() == "none"
    with pytest.raises(PrintError) as info:
        print_pdf(b"%PDF-1.4", "receipts")
    assert info.value.reason == "no_spooler"
    assert "另存为 PDF" in zh(info.value)


def test_save_pdf_writes_atomically(tmp_path):
    pdf = render_receipt(receipts_by_kind()["earn"])
    target = save_pdf(pdf, tmp_path / "reports" / "receipt.pdf")
    assert target.read_bytes() == pdf
    assert [p.name for p in target.parent.iterdir()] == ["receipt.pdf"]  # no temporary file left behind


def test_save_pdf_failure_is_a_clear_message(tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    with pytest.raises(PrintError) as info:
        save_pdf(b"%PDF-1.4", blocker / "receipt.pdf")
    assert info.value.reason == "save_failed"
    assert "请选择其他文件夹" in zh(info.value)


def test_rendering_from_many_threads_gives_the_same_bytes():
    kinds = receipts_by_kind()
    jobs: dict[str, Callable[[], bytes]] = {
        f"{kind}-{width}": (lambda data=data, width=width: render_receipt(data, width_mm=width))
        for kind, data in kinds.items()
        for width in (80, 58)
    }
    jobs["statement"] = lambda: render_statement(statement())
    jobs["daily"] = lambda: render_daily_report(daily_report(unsynced=True))
    expected = {name: job() for name, job in jobs.items()}
    results: dict[str, list[bytes]] = {name: [] for name in jobs}
    errors: list[BaseException] = []

    def work(offset: int) -> None:
        try:
            names = list(jobs)
            for i in range(2 * len(names)):  # each thread in a different order, so documents overlap
                name = names[(i + offset) % len(names)]
                results[name].append(jobs[name]())
        except BaseException as exc:  # handed to the test thread
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(n * 5,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert not errors
    for name, outputs in results.items():
        assert len(outputs) == 8 and all(out == expected[name] for out in outputs), name
