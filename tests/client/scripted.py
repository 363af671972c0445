"""A loopback HTTP server that answers from a script, for the client's retry behaviour.

It plays an upstream that fails the way a real one does (429 with Retry-After, 503, a dropped
connection); the platform tests in this folder cover the real answers.
"""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

DROP = -1  # close the connection without an answer


@dataclass
class Seen:
    method: str
    path: str
    headers: dict[str, str]  # names in lower case
    body: bytes


@dataclass
class Answer:
    status: int
    body: Any = None
    headers: dict[str, str] = field(default_factory=dict)


@dataclass
class Scripted:
    """Answers the n-th request with ``script[n]`` (the last entry repeats)."""

    script: list[Answer]
    seen: list[Seen] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._lock = threading.Lock()
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), _handler_for(self))
        self.thread = threading.Thread(target=self.server.serve_forever, args=(0.05,), daemon=True)
        self.thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def take(self, seen: Seen) -> Answer:
        with self._lock:
            self.seen.append(seen)
            return self.script[min(len(self.seen) - 1, len(self.script) - 1)]

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def _handler_for(scripted: Scripted) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def answer(self) -> None:
            body = self.rfile.read(int(self.headers.get("content-length") or 0))
            headers = {k.lower(): v for k, v in self.headers.items()}
            answer = scripted.take(Seen(self.command, self.path, headers, body))
            if answer.status == DROP:
                self.close_connection = True
                self.connection.close()
                return
            payload = b"" if answer.body is None else json.dumps(answer.body).encode()
            self.send_response(answer.status)
            content_type = "application/problem+json" if answer.status >= 400 else "application/json"
            for name, value in {"content-type": content_type, **answer.headers}.items():
                self.send_header(name, value)
            self.send_header("content-length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

        do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = answer

        def log_message(self, *args: Any) -> None:
            pass

    return Handler
