"""The background sync engine: push the operation log, pull changes, adopt outcomes, retry with backoff.

It announces what the desk application shows — connectivity, pending count, oldest pending age, last
success, new exceptions — as plain :class:`SyncStatus` events to callbacks (the desktop turns them into
Qt signals on its GUI thread). Retries always resend the same operation ids, so the server applies
each exactly once however often a request is repeated.
"""

from __future__ import annotations

import logging
import queue
import random
import secrets
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any

from filelock import FileLock
from filelock import Timeout as LockTimeout

from membership.i18n import QT_TRANSLATE_NOOP, Message
from membership.timeutil import from_utc_text, to_utc_text

from . import settings
from .audit_anchor import AuditAnchor
from .client import ProtocolError, Revoked, ServerClient, SyncError, TransientError
from .gc_pause import collector_paused
from .outbox import Outbox
from .pull import PullApplier
from .store import Store, utc_now
from .sync_keys import CURSOR, SERVER_URL, TOKEN

log = logging.getLogger("memberdesk.sync")
CTX = "Sync"
# How long the desk's online checks (server_balance, server_coupon) wait for the server before the desk
# goes on offline rules; seconds, in the store's settings (default DEFAULT_ONLINE_CHECK_TIMEOUT).
ONLINE_CHECK_TIMEOUT = settings.ONLINE_CHECK_TIMEOUT.key
DEFAULT_ONLINE_CHECK_TIMEOUT = settings.ONLINE_CHECK_TIMEOUT.default
MAX_RETRY_AFTER = 600.0  # a Retry-After beyond ten minutes is taken as ten minutes
PENDING_REGISTRATION = "sync.registration_token"  # the token offered to the server until it answers


def sync_lock_path(store: Store) -> str:
    """The lock file beside the store that makes one process at a time sync it."""
    return str(store.path) + ".sync.lock"


@dataclass(frozen=True)
class SyncStatus:
    """What the UI shows about sync; sent to listeners whenever it changes."""

    online: bool = False
    pending: int = 0
    oldest_pending_age_s: float | None = None
    last_success: str | None = None
    cursor: int = 0
    error: Message | None = None
    revoked: bool = False
    clock_skew_s: float = 0.0
    open_exceptions: int = 0
    problem: bool = False  # an unexpected error (ours or the server's): the banner says sync has a problem
    retry_in_s: float | None = None  # when the background loop tries again after a failure
    quarantined: int = 0  # own operations the server holds for an administrator (it could not apply them)


@dataclass(frozen=True)
class SyncEvent:
    """``kind``: ``status`` (every change of :class:`SyncStatus`), ``exceptions`` (new inbox items,
    ``data`` their ids), ``rejected`` (own operations the server rejected, ``data`` their op ids),
    ``progress`` (``data`` = {"pushed": n, "pulled": n})."""

    kind: str
    status: SyncStatus
    data: Any = None


@dataclass
class SyncReport:
    pushed: int = 0
    pulled: int = 0
    rejected: list[str] = field(default_factory=list)
    new_exceptions: list[int] = field(default_factory=list)


Listener = Callable[[SyncEvent], None]


class SyncEngine:
    """Syncs one store with its server, on demand (:meth:`sync_once`) or in a background thread."""

    def __init__(
        self,
        store: Store,
        client: ServerClient | None = None,
        clock: Callable[[], datetime] = utc_now,
        interval: float = 10.0,
        batch_size: int = 500,
        page_size: int = 2000,
        backoff_base: float = 1.0,
        backoff_cap: float = 60.0,
        rng: random.Random | None = None,
        lock_timeout: float = 30.0,
        online_check_timeout: float | None = None,
        probe_interval: float = 2.0,
    ):
        self.store = store
        if client is None:
            url = store.setting(SERVER_URL)
            if not url:
                raise SyncError(
                    Message(CTX, QT_TRANSLATE_NOOP("Sync", "This terminal is not registered with a server yet.")),
                    "not_registered",
                )
            client = ServerClient(url, store.setting(TOKEN))
        self.client = client
        self.outbox = Outbox(store)
        self.puller = PullApplier(store)
        self.anchor = AuditAnchor(store)
        self.clock = clock
        self.interval = interval
        self.batch_size = batch_size
        self.page_size = page_size
        self.backoff_base = backoff_base
        self.backoff_cap = backoff_cap
        self.rng = rng or random.Random()
        self._listeners: list[Listener] = []
        self._status = SyncStatus(cursor=self.puller.cursor())
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._failures = 0
        self._retry_after: float | None = None
        self._lock = threading.Lock()  # one sync at a time in this process, whoever asks
        # ... and across processes (the app, `memberdesk sync`, a second app instance): a lock file.
        self._file_lock = FileLock(sync_lock_path(store), thread_local=False)
        self.lock_timeout = lock_timeout
        if online_check_timeout is None:
            online_check_timeout = settings.ONLINE_CHECK_TIMEOUT.read(store)
        self.online_check_timeout = online_check_timeout
        self.probe_interval = probe_interval
        self._probe: threading.Thread | None = None
        self._status_lock = threading.RLock()
        self.apply_batch = max(page_size, 20_000)  # changes applied per transaction during a catch-up

    # -- events --------------------------------------------------------------------------------------------

    def add_listener(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def remove_listener(self, listener: Listener) -> None:
        self._listeners.remove(listener)

    @property
    def status(self) -> SyncStatus:
        return self._status

    def _emit(self, kind: str, data: Any = None) -> None:
        event = SyncEvent(kind, self._status, data)
        for listener in list(self._listeners):
            try:
                listener(event)
            except Exception:  # a broken listener must not stop syncing
                log.exception("sync listener failed")

    def _update(self, **changes: Any) -> None:
        with self._status_lock:  # the sync thread and the liveness probe both report
            pending, oldest = self.outbox.pending_count()
            self.client.pending = pending  # reported to the server with the next request
            age = None
            if oldest:
                age = max(0.0, (self.clock() - from_utc_text(oldest)).total_seconds())
            open_count = self.store.scalar("SELECT count(*) FROM sync_exceptions WHERE status = 'open'") or 0
            new = replace(
                self._status,
                pending=pending,
                oldest_pending_age_s=age,
                cursor=self.puller.cursor(),
                open_exceptions=open_count,
                quarantined=self.outbox.quarantined_count(),
                **changes,
            )
            if new != self._status:
                self._status = new
                self._emit("status")

    def refresh(self) -> SyncStatus:
        """Recount pending operations (after a desk action) and tell the listeners."""
        self._update()
        return self._status

    # -- one round -------------------------------------------------------------------------------------------

    def sync_once(self, lock_timeout: float | None = None) -> SyncReport:
        """Push everything pending, then pull everything new. Raises the client's errors.

        Only one process syncs a store at a time: another one syncing makes this wait up to
        ``lock_timeout`` seconds (default: the engine's), then raise a :class:`TransientError`.
        """
        with self._lock:
            try:
                self._file_lock.acquire(timeout=self.lock_timeout if lock_timeout is None else lock_timeout)
            except LockTimeout:
                error = TransientError(
                    Message(
                        CTX,
                        QT_TRANSLATE_NOOP("Sync", "Another program is syncing this terminal; trying again shortly."),
                    ),
                    "sync_busy",
                )
                self._update(error=error.message)
                raise error from None
            try:
                report = self._round()
            except TransientError as exc:
                # A server error (5xx) is an error of ours, not an outage: the banner says so.
                server_fault = exc.status == 500
                self._update(online=server_fault, error=exc.message, problem=server_fault)
                raise
            except Revoked as exc:
                self._update(online=False, error=exc.message, revoked=True)
                raise
            except SyncError as exc:
                self._update(error=exc.message)
                raise
            finally:
                self._file_lock.release()
            self._update(online=True, error=None, revoked=False, problem=False, last_success=to_utc_text(self.clock()))
            if report.new_exceptions:
                self._emit("exceptions", report.new_exceptions)
            if report.rejected:
                self._emit("rejected", report.rejected)
            return report

    def _round(self) -> SyncReport:
        report = SyncReport()
        self.client.pending = self.outbox.pending_count()[0]
        status = self.client.status()
        self._update(online=True, clock_skew_s=self._skew(status.get("server_time")))
        self._check_epoch(status)
        counters = status.get("counters") or {}
        self.outbox.raise_counters(int(counters.get("member_seq", 0)), int(counters.get("coupon_seq", 0)))
        recoveries = 0
        while True:
            batch = self.outbox.pending_batch(self.batch_size)
            if not batch:
                break
            try:
                answer = self.client.push(batch)
            except ProtocolError as exc:
                recoveries += 1
                if recoveries > 5:
                    raise
                if exc.code == "epoch_forked":
                    self.outbox.fork(exc.detail["op_id"], int(exc.detail.get("current_epoch", 0)), self.clock())
                    continue
                if exc.code == "sequence_gap":
                    resent = self.outbox.resend_from(int(exc.detail["expected_epoch"]), int(exc.detail["expected_seq"]))
                    if resent:
                        continue
                raise
            self.outbox.record_outcomes(answer["results"])
            report.pushed += len(batch)
            self._update()
            self._emit("progress", {"pushed": report.pushed, "pulled": report.pulled})
        self._anchor_audit()
        self._pull(report)
        return report

    def _pull(self, report: SyncReport) -> None:
        """Pull until the server has nothing more, fetching ahead while pages are applied.

        A thread fetches pages (each from the previous one's ``next``) into a short queue while this one
        applies what has arrived — several pages in one transaction when they are there — so a catch-up
        costs about the larger of fetching and applying, not their sum. Each apply checks the cursor it
        started from: if another sync moved it, what was fetched is dropped and pulling restarts there.
        The garbage collector waits meanwhile (:mod:`sync.gc_pause`).
        """
        with collector_paused():
            while True:
                since = self.puller.cursor()
                fetcher = _PageFetcher(self.client, since, self.page_size)
                try:
                    while True:
                        pages = fetcher.take(self.apply_batch)
                        last = pages[-1]
                        if any(p["changes"] for p in pages) or last["next"] != since:
                            result = self.puller.apply_pages(pages, self.clock(), since=since)
                            if result.skipped:
                                log.info(
                                    "changes after %s were applied meanwhile; continuing from the stored cursor",
                                    since,
                                )
                                break
                            report.pulled += sum(len(p["changes"]) for p in pages)
                            report.rejected += result.rejected
                            report.new_exceptions += result.new_exceptions
                            self._emit("progress", {"pushed": report.pushed, "pulled": report.pulled})
                        since = last["next"]
                        if not last["more"]:
                            return
                finally:
                    fetcher.close()

    def _anchor_audit(self) -> None:
        """Anchor the audit chain at the server, so a rewritten or truncated local log is detected there."""
        probe: list[int] = []
        for _ in range(200):  # pages of new rows, or rounds narrowing down a divergence
            body = self.anchor.request(probe)
            answer = self.client.anchor_audit(body)
            if answer["status"] == "probe":
                probe = answer["probe"]
                continue
            probe = []
            self.anchor.anchored(int(answer["anchored_through"]), int(answer.get("request_no") or 0))
            if answer["status"] == "stale":
                continue  # our request was older than one the server already had: ask again, numbered higher
            if answer["status"] == "tampered":
                log.warning("the server found this terminal's audit log changed at row %s", answer["first_broken_id"])
            if int(answer["anchored_through"]) >= body["head_id"]:
                return

    def _check_epoch(self, status: dict[str, Any]) -> None:
        """The server knows more of this epoch than we do: we run from a restored backup."""
        terminal = self.store.terminal()
        mine = [e for e in status.get("epochs") or () if e["epoch"] == terminal.epoch]
        if not mine:
            return
        local_max = self.store.scalar(
            "SELECT coalesce(max(coalesce(w.seq, o.seq)), 0) FROM oplog o LEFT JOIN sync_wire w ON w.op_id = o.op_id "
            "WHERE coalesce(w.epoch, o.epoch) = ?",
            (terminal.epoch,),
        )
        if mine[0]["last_seq"] > local_max:
            epoch = self.outbox.start_new_epoch([e["epoch"] for e in status["epochs"]], self.clock())
            log.warning("this terminal was restored from a backup: new operations continue in epoch %s", epoch)

    def _skew(self, server_time: str | None) -> float:
        if not server_time:
            return 0.0
        return (self.clock() - from_utc_text(server_time)).total_seconds()

    # -- online checks for the desk ------------------------------------------------------------------------

    # Both give up after ``online_check_timeout`` seconds (the setting ONLINE_CHECK_TIMEOUT) with a
    # TransientError: the desk then says so and decides on its own data.

    def server_balance(self, member_no: str) -> int:
        return int(self.client.member(member_no, timeout_s=self.online_check_timeout)["balance"])

    def server_coupon(self, code: str) -> dict[str, Any]:
        return self.client.coupon(code, timeout_s=self.online_check_timeout)

    # -- the background thread ---------------------------------------------------------------------------------

    def next_delay(self) -> float:
        """Full-jitter exponential backoff after failures, never sooner than the server's Retry-After;
        the plain interval otherwise."""
        if self._failures == 0:
            return self.interval
        ceiling = min(self.backoff_cap, self.backoff_base * (2 ** min(self._failures - 1, 16)))
        delay = self.rng.uniform(0, ceiling)
        if self._retry_after is not None:
            delay = max(delay, min(self._retry_after, MAX_RETRY_AFTER))
        return delay

    def step(self) -> bool:
        """One round as the background loop runs it; True when it succeeded.

        Any exception is caught here: a bug (ours, or a server answer we do not understand) is logged
        with its traceback, the status says sync has a problem, and the loop tries again with backoff.
        """
        self._retry_after = None
        try:
            self.sync_once(lock_timeout=0.5)
        except TransientError as exc:
            self._failures += 1
            self._retry_after = exc.retry_after
            log.warning("sync failed, retrying: %s", exc)
            return False
        except Revoked:
            self._failures = max(self._failures, 6)  # wait long: a person must register the terminal again
            return False
        except SyncError as exc:
            log.warning("sync refused: %s", exc)
            self._failures += 1
            return False
        except Exception as exc:
            log.exception("sync round failed unexpectedly; retrying with backoff")
            self._failures += 1
            self._update(
                problem=True,
                error=Message(
                    CTX,
                    QT_TRANSLATE_NOOP("Sync", "Sync has a problem ({error}); it keeps trying. Tell IT if it stays."),
                    {"error": type(exc).__name__},
                ),
            )
            return False
        self._failures = 0
        return True

    def start(self) -> None:
        if self._thread is not None:
            return
        install_thread_excepthook()
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name="memberdesk-sync", daemon=True)
        self._thread.start()
        if self.probe_interval > 0:
            self._probe = threading.Thread(target=self._watch, name="memberdesk-sync-probe", daemon=True)
            self._probe.start()

    def notify(self) -> None:
        """A desk action was logged: sync soon rather than at the next interval."""
        self._wake.set()

    def request_sync(self) -> None:
        """The desk's "sync now" button: the same as :meth:`notify`."""
        self.notify()

    def stop(self, timeout: float = 10.0) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None
        if self._probe is not None:
            self._probe.join(timeout)
            self._probe = None

    def _run(self) -> None:
        """The supervised loop: a round that fails in any way is retried with backoff, never ends the thread."""
        while not self._stop.is_set():
            try:
                ok = self.step()
                delay = self.next_delay()
                self._update(retry_in_s=None if ok else round(delay, 1))
            except Exception:  # even reporting failed (a listener, the store): keep the loop alive
                log.exception("sync loop error")
                self._failures += 1
                delay = self.next_delay()
            self._wake.wait(delay)
            self._wake.clear()

    def _watch(self) -> None:
        """Liveness: when the server has not answered for ``probe_interval`` seconds, ask its health (short
        timeouts), so a server that is down *or hung* shows as offline within seconds, even while the sync
        thread still waits on a long request. A server that answers again wakes the sync loop."""
        while not self._stop.wait(self.probe_interval):
            if time.monotonic() - self.client.last_response < self.probe_interval:
                continue
            try:
                self.client.health()
            except SyncError as exc:
                if self._status.online:
                    self._update(online=False, error=exc.message)
            except Exception:
                log.exception("sync probe failed")
            else:
                if not self._status.online and not self._status.revoked:
                    self.notify()


class _PageFetcher:
    """Pulls pages ahead in its own thread (its own HTTP session) into a bounded queue."""

    def __init__(self, client: ServerClient, since: int, page_size: int, ahead: int = 8):
        self._queue: queue.Queue[tuple[str, Any]] = queue.Queue(maxsize=ahead)
        self._stop = threading.Event()
        self._thread = threading.Thread(
            target=self._run, args=(client, since, page_size), name="memberdesk-pull", daemon=True
        )
        self._thread.start()

    def _put(self, item: tuple[str, Any]) -> bool:
        while not self._stop.is_set():
            try:
                self._queue.put(item, timeout=0.1)
                return True
            except queue.Full:
                continue
        return False

    def _run(self, client: ServerClient, since: int, page_size: int) -> None:
        try:
            while not self._stop.is_set():
                page = client.pull(since, page_size)
                if not self._put(("page", page)) or not page["more"]:
                    return
                since = page["next"]
        except BaseException as exc:  # handed to the applying thread, which raises it
            self._put(("error", exc))
        finally:
            client.release_thread_session()

    def take(self, max_changes: int) -> list[dict[str, Any]]:
        """At least one page (waiting for it), plus the ones already fetched, up to ``max_changes``."""
        pages = [self._item(self._queue.get())]
        count = len(pages[0]["changes"])
        while pages[-1]["more"] and count < max_changes:
            try:
                item = self._queue.get_nowait()
            except queue.Empty:
                break
            pages.append(self._item(item))
            count += len(pages[-1]["changes"])
        return pages

    @staticmethod
    def _item(item: tuple[str, Any]) -> dict[str, Any]:
        kind, value = item
        if kind == "error":
            raise value
        return value

    def close(self) -> None:
        self._stop.set()
        self._thread.join(timeout=70)  # a request in flight ends by its own timeout


# -- registration -------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Registration:
    terminal_id: str
    terminal_code: int
    name: str
    key_id: int | None


def register_terminal(
    store: Store,
    server_url: str,
    registration_code: str,
    *,
    name: str | None = None,
    verify: bool | str = True,
    client: ServerClient | None = None,
    now: datetime | None = None,
) -> Registration:
    """Register a set-up store with the server using a one-time code; the store takes the identity it gets.

    The terminal keeps its code when it already logged operations under it (member numbers carry it);
    its member-QR public key is pinned on every terminal, under the key id the server assigns.
    """
    now = now or utc_now()
    client = client or ServerClient(server_url, verify=verify)
    terminal = store.terminal()
    # The token is chosen here and kept before asking: if the answer is lost, asking again (with this
    # code or a new one) gets the same terminal back from the server instead of burning the code.
    offered = store.setting(PENDING_REGISTRATION)
    if not offered:
        offered = secrets.token_urlsafe(32)
        with store.transaction() as conn:
            store.set_setting(conn, PENDING_REGISTRATION, offered)
    has_operations = (store.scalar("SELECT count(*) FROM oplog") or 0) > 0
    key = store.query_one(
        "SELECT key_id, public_hex FROM qr_keys WHERE private_hex IS NOT NULL ORDER BY key_id DESC LIMIT 1"
    )
    answer = client.register(
        {
            "registration_code": registration_code,
            "name": name,
            "terminal_code": terminal.terminal_code if 1 <= terminal.terminal_code <= 899 else None,
            "has_operations": has_operations,
            "public_key_hex": key["public_hex"] if key else None,
            "key_id": key["key_id"] if key else None,
            "token": offered,
        }
    )
    at = to_utc_text(now)
    with store.transaction() as conn:
        store.set_terminal(conn, answer["terminal_id"], answer["terminal_code"], answer["name"], at)
        if key is not None and answer.get("key_id") is not None and answer["key_id"] != key["key_id"]:
            conn.execute("DELETE FROM qr_keys WHERE key_id = ? AND private_hex IS NULL", (answer["key_id"],))
            conn.execute("UPDATE qr_keys SET key_id = ? WHERE key_id = ?", (answer["key_id"], key["key_id"]))
        for item, quantity in answer.get("stock", {}).items():
            moved = store.scalar("SELECT coalesce(sum(delta), 0) FROM stock_moves WHERE item_code = ?", (item,))
            conn.execute(
                "INSERT INTO stock (item_code, quantity) VALUES (?, ?) "
                "ON CONFLICT (item_code) DO UPDATE SET quantity = excluded.quantity",
                (item, quantity + moved),
            )
        store.set_setting(conn, SERVER_URL, server_url.rstrip("/"))
        store.set_setting(conn, TOKEN, answer["token"])
        conn.execute("DELETE FROM settings WHERE key = ?", (PENDING_REGISTRATION,))
        store.set_setting(conn, CURSOR, "0")
        store.append_audit(
            conn,
            at,
            "SYSTEM",
            "terminal_registered",
            answer["terminal_id"],
            detail={"terminal_code": answer["terminal_code"], "server": server_url, "key_id": answer.get("key_id")},
        )
    client.token = answer["token"]
    return Registration(answer["terminal_id"], answer["terminal_code"], answer["name"], answer.get("key_id"))


_previous_excepthook: Any = None


def install_thread_excepthook() -> None:
    """Log an exception that ends any thread (``sys.excepthook`` does not see threads), once per process."""
    global _previous_excepthook
    if _previous_excepthook is not None:
        return
    _previous_excepthook = threading.excepthook

    def hook(args: threading.ExceptHookArgs) -> None:
        if args.exc_type is not SystemExit:
            log.critical(
                "thread %s ended by an exception",
                args.thread.name if args.thread else "?",
                exc_info=(args.exc_type, args.exc_value, args.exc_traceback),
            )
        _previous_excepthook(args)

    threading.excepthook = hook


def engine_for(store: Store, verify: bool | str = True, **kwargs: Any) -> SyncEngine:
    """An engine for a registered store, using the server address and token it keeps."""
    url = store.setting(SERVER_URL)
    if not url:
        raise SyncError(
            Message(CTX, QT_TRANSLATE_NOOP("Sync", "This terminal is not registered with a server yet.")),
            "not_registered",
        )
    return SyncEngine(store, ServerClient(url, store.setting(TOKEN), verify=verify), **kwargs)


__all__ = [
    "Registration",
    "SyncEngine",
    "SyncEvent",
    "SyncReport",
    "SyncStatus",
    "engine_for",
    "register_terminal",
]
