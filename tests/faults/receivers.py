"""Webhook receivers that misbehave, as real HTTP servers on loopback (tests/support/receiver.py's
:class:`Receiver`, with a handler that can do worse than answer a status).

``behaviour`` says what each request gets; a test sets it to ``"ok"`` to heal the receiver:

- ``ok``: 200 at once; ``gone``: 410; ``redirect``: 307 to ``redirect_to``
- ``slow``: no answer for ``delay_s`` (past the webhook timeout), then 200
- ``cut``: the connection is closed in the middle of the answer's headers
- ``huge``: 200 with a body of ``HUGE_BYTES`` (the dispatcher reads 64 KiB of it)
- ``down``: (not a behaviour of a running server) nothing listens on the port until :meth:`heal`
"""

from __future__ import annotations

import itertools
import threading
from dataclasses import dataclass
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler
from typing import Any

from tests.support.receiver import Received, Receiver, _Server
from tests.support.stack import free_socket

HUGE_BYTES = 256 * 1024 * 1024
_CHUNK = b"x" * (1024 * 1024)


@dataclass
class Misbehaving(Receiver):
    behaviour: str = "ok"
    delay_s: float = 5.0
    redirect_to: str = ""
    port: int = 0

    def __post_init__(self) -> None:
        self._lock = threading.Lock()
        self.release = threading.Event()  # set: slow answers stop waiting (teardown)
        if self.behaviour == "down":
            sock = free_socket()
            self.port = int(sock.getsockname()[1])
            sock.close()
            self.server = None  # type: ignore[assignment]
            return
        self._serve()

    def _serve(self) -> None:
        self.server = _Server(("127.0.0.1", self.port), _handler_for(self))
        self.port = int(self.server.server_address[1])
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}{self.path}"

    def heal(self) -> None:
        """Answer 200 at once from now on (a receiver that was down starts listening)."""
        was_down = self.behaviour == "down"
        self.behaviour = "ok"
        if was_down:
            self._serve()

    def status_for(self, n: int, request: Received) -> int:
        return {"gone": 410, "redirect": 307, "cut": 0}.get(self.behaviour, 200)

    def stop(self) -> None:
        self.release.set()
        if self.server is not None:
            super().stop()


def _handler_for(receiver: Misbehaving) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers.get("content-length") or 0))
            behaviour = receiver.behaviour
            headers = {k.lower(): v for k, v in self.headers.items()}
            status = receiver.take(Received(headers, body, datetime.now(UTC)))
            if behaviour == "slow":
                receiver.release.wait(receiver.delay_s)
            if behaviour == "cut":
                self.wfile.write(b"HTTP/1.1 200 OK\r\nContent-Type: text/pl")
                self.wfile.flush()
                self.close_connection = True
                return
            self.send_response(status)
            if behaviour == "redirect":
                self.send_header("location", receiver.redirect_to)
            if behaviour == "huge":
                self._huge()
                return
            self.send_header("content-length", "0")
            self.end_headers()

        def _huge(self) -> None:
            self.send_header("content-length", str(HUGE_BYTES))
            self.end_headers()
            self.close_connection = True
            try:
                for _ in range(HUGE_BYTES // len(_CHUNK)):
                    self.wfile.write(_CHUNK)
            except OSError:
                return  # the dispatcher stopped reading and closed: as it should

        def log_message(self, *args: Any) -> None:
            pass

    return Handler


def gaps(receiver: Receiver, webhook_id: str) -> list[float]:
    """Seconds between the attempts ``receiver`` saw of one delivery."""
    times = [r.at for r in receiver.received if r.headers.get("webhook-id") == webhook_id]
    return [(b - a).total_seconds() for a, b in itertools.pairwise(times)]
