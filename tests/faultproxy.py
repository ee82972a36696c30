"""A fault-injecting HTTP proxy for the sync tests: drop, duplicate, cut, delay or fail requests on purpose.

It listens on 127.0.0.1, forwards each request (one per connection) to the real server and applies the
next scheduled fault whose path prefix matches. Faults:

- ``drop_response``: forward, let the server commit, then reset the client's connection (no answer);
- ``duplicate``: send the request to the server twice, answer with the second response;
- ``reset_mid_body``: send the server half the body, then reset both connections;
- ``delay:SECONDS``: wait, then forward;
- ``status:CODE``: answer with CODE without forwarding (e.g. 503);
- ``status_after:CODE``: forward (the server commits), then answer CODE (e.g. 500);
- ``late:SECONDS``: forward and answer, then send the same request to the server again SECONDS later
  (a late duplicate, as from a retransmitting middlebox; its answer goes nowhere);
- ``hang:SECONDS``: read the request, answer nothing for SECONDS, then cut the connection;
- ``retry_after:SECONDS``: answer 503 with ``Retry-After: SECONDS`` without forwarding;
- ``body:JSON``: answer 200 with JSON that is not what the endpoint returns (a broken server or middlebox).

A *trap* (:meth:`FaultProxy.trap`) is not a fault but a moment: the next request on a path (whose answer
contains given bytes, if asked) runs a callback — the chaos drill SIGKILLs the desk app there — either once
the server has answered but before the client hears it (``forwarded``: the client's connection is then reset),
or a little after the client got the answer (``answered``: it is busy applying it).
"""

from __future__ import annotations

import socket
import socketserver
import struct
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass


@dataclass
class Fault:
    path: str
    action: str


def _read_request(sock: socket.socket) -> tuple[bytes, bytes, str] | None:
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = sock.recv(65536)
        if not chunk:
            return None
        data += chunk
    head, _, rest = data.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    path = lines[0].split(" ")[1]
    length = 0
    kept = [lines[0]]
    for line in lines[1:]:
        name, _, value = line.partition(":")
        if name.strip().lower() == "content-length":
            length = int(value.strip())
        if name.strip().lower() in ("connection", "keep-alive"):
            continue
        kept.append(line)
    kept.append("Connection: close")
    while len(rest) < length:
        chunk = sock.recv(65536)
        if not chunk:
            return None
        rest += chunk
    return ("\r\n".join(kept) + "\r\n\r\n").encode("latin-1"), rest[:length], path


def _reset(sock: socket.socket) -> None:
    """Close with RST rather than FIN: the peer sees 'connection reset'."""
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    finally:
        sock.close()


@dataclass
class Trap:
    path: str
    when: str  # "forwarded" or "answered"
    callback: Callable[[], None]
    needs: bytes = b""  # spring only on an answer containing these bytes
    delay: float = 0.0  # seconds after the answer ("answered")


class FaultProxy:
    def __init__(self, upstream_port: int):
        self.upstream = ("127.0.0.1", upstream_port)
        self.faults: deque[Fault] = deque()
        self.traps: list[Trap] = []
        self.sprung: list[Trap] = []
        self.log: list[tuple[str, str]] = []
        self.late_sent = 0
        self.late_scheduled = 0
        self._lock = threading.Lock()
        proxy = self

        class Handler(socketserver.BaseRequestHandler):
            def handle(self) -> None:
                proxy._handle(self.request)

        class Server(socketserver.ThreadingTCPServer):
            daemon_threads = True
            allow_reuse_address = True

        self.server = Server(("127.0.0.1", 0), Handler)
        self.port = self.server.server_address[1]
        self.base_url = f"http://127.0.0.1:{self.port}"
        self._thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self._thread.start()

    def add(self, path: str, *actions: str) -> None:
        with self._lock:
            self.faults.extend(Fault(path, action) for action in actions)

    def trap(self, path: str, when: str, callback: Callable[[], None], needs: bytes = b"", delay: float = 0.0) -> Trap:
        """Arm a one-shot trap (see the module docstring); it stays armed until a request springs it."""
        assert when in ("forwarded", "answered"), when
        trap = Trap(path, when, callback, needs, delay)
        with self._lock:
            self.traps.append(trap)
        return trap

    def disarm(self) -> None:
        with self._lock:
            self.traps.clear()

    def _spring(self, path: str, response: bytes) -> Trap | None:
        with self._lock:
            for trap in self.traps:
                if path.startswith(trap.path) and trap.needs in response:
                    self.traps.remove(trap)
                    self.sprung.append(trap)
                    return trap
        return None

    def _trapped(self, path: str) -> bool:
        with self._lock:
            return any(path.startswith(t.path) for t in self.traps)

    def pending_faults(self) -> int:
        with self._lock:
            return len(self.faults)

    def _next_fault(self, path: str) -> str:
        with self._lock:
            for fault in list(self.faults):
                if path.startswith(fault.path):
                    self.faults.remove(fault)
                    return fault.action
        return "pass"

    def _forward(self, head: bytes, body: bytes) -> bytes:
        with socket.create_connection(self.upstream, timeout=30) as up:
            up.sendall(head + body)
            chunks = []
            while True:
                chunk = up.recv(65536)
                if not chunk:
                    break
                chunks.append(chunk)
        return b"".join(chunks)

    def _handle(self, client: socket.socket) -> None:
        request = _read_request(client)
        if request is None:
            client.close()
            return
        head, body, path = request
        if self._trapped(path):
            response = self._forward(head, body)
            trap = self._spring(path, response)
            if trap is not None and trap.when == "forwarded":
                trap.callback()
                _reset(client)
                return
            client.sendall(response)
            client.close()
            if trap is not None:
                time.sleep(trap.delay)
                trap.callback()
            return
        action = self._next_fault(path)
        self.log.append((path, action))
        if action == "pass":
            client.sendall(self._forward(head, body))
        elif action == "drop_response":
            self._forward(head, body)
            _reset(client)
            return
        elif action == "duplicate":
            self._forward(head, body)
            client.sendall(self._forward(head, body))
        elif action == "reset_mid_body":
            up = socket.create_connection(self.upstream, timeout=30)
            up.sendall(head + body[: max(1, len(body) // 2)])
            _reset(up)
            _reset(client)
            return
        elif action.startswith("delay:"):
            time.sleep(float(action.split(":", 1)[1]))
            client.sendall(self._forward(head, body))
        elif action.startswith("late:"):
            client.sendall(self._forward(head, body))
            client.close()
            wait = float(action.split(":", 1)[1])
            late = threading.Timer(wait, self._late, (head, body))
            late.daemon = True
            with self._lock:
                self.late_scheduled += 1
            late.start()
            return
        elif action.startswith("hang:"):
            time.sleep(float(action.split(":", 1)[1]))
            _reset(client)
            return
        elif action.startswith("retry_after:") or action.startswith("body:"):
            name, _, value = action.partition(":")
            code, extra, payload = (
                (503, f"Retry-After: {value}\r\n", b'{"code":"unavailable","text":"busy"}')
                if name == "retry_after"
                else (200, "", value.encode())
            )
            client.sendall(
                f"HTTP/1.1 {code} Injected\r\nContent-Type: application/json\r\nContent-Length: {len(payload)}\r\n"
                f"{extra}Connection: close\r\n\r\n".encode()
                + payload
            )
        elif action.startswith("status:") or action.startswith("status_after:"):
            if action.startswith("status_after:"):
                self._forward(head, body)
            code = int(action.split(":", 1)[1])
            payload = b'{"code":"injected","text":"fault injected by the test proxy"}'
            client.sendall(
                f"HTTP/1.1 {code} Injected\r\nContent-Type: application/json\r\nContent-Length: {len(payload)}\r\n"
                "Connection: close\r\n\r\n".encode()
                + payload
            )
        client.close()

    def _late(self, head: bytes, body: bytes) -> None:
        try:
            self._forward(head, body)
        except OSError:
            pass  # the server is gone meanwhile: a late copy that never arrived
        finally:
            with self._lock:
                self.late_sent += 1  # sent (or tried): the late copies scheduled so far are all done

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()
