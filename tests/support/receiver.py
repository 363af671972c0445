"""A webhook endpoint on loopback: the bank's side of credit_push's deliveries."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


class _Server(ThreadingHTTPServer):
    # The dispatcher opens many connections at once (FINMATCH_WEBHOOK_MAX_IN_FLIGHT per
    # subscription); the default backlog of 5 would reset some of them.
    request_queue_size = 256


@dataclass
class Received:
    headers: dict[str, str]  # names in lower case
    body: bytes
    at: datetime


@dataclass
class Receiver:
    """An HTTP server in a thread that records every POST.

    ``respond(n)`` gives the status of the n-th request (0-based); a subclass may decide from the
    request itself instead (:meth:`status_for`). ``statuses`` are the answers given, in order.
    """

    respond: Callable[[int], int] = lambda _: 200
    path: str = "/hook"
    received: list[Received] = field(default_factory=list)
    statuses: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._lock = threading.Lock()
        self.server = _Server(("127.0.0.1", 0), _handler_for(self))
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}{self.path}"

    def status_for(self, n: int, request: Received) -> int:
        return self.respond(n)

    def take(self, request: Received) -> int:
        """Record ``request`` and decide its answer (called by the server's handler thread)."""
        with self._lock:
            n = len(self.received)
            self.received.append(request)
        status = self.status_for(n, request)
        with self._lock:
            self.statuses.append(status)
        return status

    def bodies(self) -> list[bytes]:
        with self._lock:
            return [r.body for r in self.received]

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def _handler_for(receiver: Receiver) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers.get("content-length") or 0))
            headers = {k.lower(): v for k, v in self.headers.items()}
            status = receiver.take(Received(headers, body, datetime.now(UTC)))
            self.send_response(status)
            self.send_header("content-length", "0")
            self.end_headers()

        def log_message(self, *args: Any) -> None:
            pass

    return Handler
