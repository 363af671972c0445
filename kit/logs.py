"""Log lines: JSON for collectors or one readable line for a person; never a secret.

Each line written while a request is answered carries its request id and, once the caller is
known, the org id and role of its principal. Secrets that could reach a message (API keys,
bearer tokens, webhook secrets) are masked before a line is written.
"""

from __future__ import annotations

import contextvars
import json
import logging
import re
import sys
import threading
from collections.abc import MutableMapping
from datetime import UTC, datetime
from typing import Any, TextIO

from kit.requestid import current_request_id

# The request's ASGI state (where the principal lands once authenticated), for every line.
_request_state: contextvars.ContextVar[MutableMapping[str, Any] | None] = contextvars.ContextVar(
    "finmatch_request_state", default=None
)

_EXTRA_FIELDS = ("method", "path", "route", "status", "duration_ms", "upstream")
# API keys (fmk_, fmadmin_), webhook secrets (whsec_), bearer tokens, signed principal headers.
_SECRET = re.compile(r"(?i)(bearer\s+)\S+|\b(fmk|fmadmin|whsec)_[A-Za-z0-9_\-+/=]+")


def mask_secrets(text: str) -> str:
    return _SECRET.sub(lambda m: (m.group(1) or f"{m.group(2)}_") + "***", text)


def bind_request_state(state: MutableMapping[str, Any]) -> contextvars.Token[MutableMapping[str, Any] | None]:
    return _request_state.set(state)


def unbind_request_state(token: contextvars.Token[MutableMapping[str, Any] | None]) -> None:
    _request_state.reset(token)


def request_fields() -> dict[str, str]:
    """request_id, org_id and role of the request being answered (those known so far)."""
    fields: dict[str, str] = {}
    request_id = current_request_id()
    if request_id:
        fields["request_id"] = request_id
    state = _request_state.get()
    principal = state.get("principal") if state is not None else None
    if principal is not None:
        org_id = getattr(principal, "org_id", None)
        if org_id:
            fields["org_id"] = str(org_id)
        fields["role"] = str(getattr(principal, "role", ""))
        service = getattr(principal, "service", None)
        if service:
            fields["service"] = str(service)
    return fields


# json.dumps with options builds an encoder per call; every line shares this one instead.
_ENCODER = json.JSONEncoder(ensure_ascii=False, default=str)


class JsonFormatter(logging.Formatter):
    def __init__(self, process_name: str) -> None:
        super().__init__()
        self.process_name = process_name

    def format(self, record: logging.LogRecord) -> str:
        line: dict[str, object] = {
            "ts": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(),
            "process": self.process_name,
            "logger": record.name,
            "msg": mask_secrets(record.getMessage()),
        }
        line.update(request_fields())
        # The extra fields a call passed are attributes of this record (LogRecord has no such
        # class attributes), so its __dict__ answers what hasattr would.
        given = record.__dict__
        for key in _EXTRA_FIELDS:
            if key in given:
                line[key] = given[key]
        if record.exc_info:
            line["exc"] = mask_secrets(self.formatException(record.exc_info))
        return _ENCODER.encode(line)


class TextFormatter(logging.Formatter):
    """``12:00:01 WARNING gateway kit.db: database unavailable (request 1f3…)``: one line each."""

    def __init__(self, process_name: str) -> None:
        super().__init__()
        self.process_name = process_name

    def format(self, record: logging.LogRecord) -> str:
        at = datetime.fromtimestamp(record.created).strftime("%H:%M:%S")
        fields = request_fields()
        where = f" (request {fields['request_id']})" if "request_id" in fields else ""
        text = f"{at} {record.levelname:<7} {self.process_name} {record.name}: {record.getMessage()}{where}"
        if record.exc_info:
            text += " | " + " | ".join(self.formatException(record.exc_info).splitlines()[-3:])
        return mask_secrets(text)


def human_line(line: str) -> str | None:
    """One JSON log line as a readable one, or None when it is not one of ours."""
    try:
        data = json.loads(line)
    except ValueError:
        return None
    if not isinstance(data, dict) or "msg" not in data:
        return None
    at = str(data.get("ts", ""))[11:19]
    where = f" (request {data['request_id']})" if data.get("request_id") else ""
    exc = str(data.get("exc") or "").strip().splitlines()
    tail = f" | {exc[-1]}" if exc else ""
    level = str(data.get("level", "")).upper()
    return f"{at} {level:<7} {data.get('process', '?')}: {data['msg']}{where}{tail}"


def formatter_for(process_name: str, log_format: str) -> logging.Formatter:
    return TextFormatter(process_name) if log_format == "text" else JsonFormatter(process_name)


class BatchedStreamHandler(logging.StreamHandler[TextIO]):
    """Lines written to the stream a batch at a time: every line, in order, unchanged.

    Each request writes an access line, and a write to the pipe ``finmatch up`` reads was ~8%
    of the gateway's and ~7% of credit_push's time under load (py-spy, bench/README.md
    "Profiles: rating read"). Lines wait at most ``max_delay_s`` (a flusher thread writes them,
    off the event loop) or until ``max_lines`` are waiting; a warning or worse is written at
    once with everything before it, and flush (called by logging.shutdown at exit) writes
    what waits. A process killed outright loses at most the last ``max_delay_s`` of its lines.
    """

    def __init__(self, stream: TextIO, *, max_delay_s: float = 0.1, max_lines: int = 256) -> None:
        super().__init__(stream)
        self.max_delay_s = max_delay_s
        self.max_lines = max_lines
        self.waiting: list[str] = []
        self.stopped = threading.Event()
        threading.Thread(target=self._flush_often, name="log-flush", daemon=True).start()

    def emit(self, record: logging.LogRecord) -> None:
        # Called with the handler's lock held (Handler.handle).
        try:
            self.waiting.append(self.format(record))
        except Exception:
            self.handleError(record)
            return
        if record.levelno >= logging.WARNING or len(self.waiting) >= self.max_lines:
            self._write()

    def flush(self) -> None:
        self.acquire()
        try:
            self._write()
        finally:
            self.release()

    def close(self) -> None:
        self.stopped.set()
        super().close()

    def _write(self) -> None:
        if not self.waiting:
            return
        text = "\n".join(self.waiting) + self.terminator
        self.waiting.clear()
        try:
            self.stream.write(text)
            self.stream.flush()
        except Exception:  # as StreamHandler: a broken stream is reported, never raised
            self.handleError(logging.makeLogRecord({"msg": "log lines could not be written"}))

    def _flush_often(self) -> None:
        while not self.stopped.wait(self.max_delay_s):
            self.flush()


def configure_logging(process_name: str, level: str = "INFO", log_format: str = "json") -> None:
    handler = BatchedStreamHandler(sys.stderr)
    handler.setFormatter(formatter_for(process_name, log_format))
    root = logging.getLogger()
    for old in root.handlers:
        if isinstance(old, BatchedStreamHandler):  # its waiting lines first, and its thread ends
            old.flush()
            old.close()
    root.handlers[:] = [handler]
    root.setLevel(level.upper())
    # uvicorn's own access log duplicates ours; keep its error log in our format.
    logging.getLogger("uvicorn.access").handlers[:] = []
    logging.getLogger("uvicorn.access").propagate = False
    for name in ("uvicorn", "uvicorn.error"):
        logging.getLogger(name).handlers[:] = []
        logging.getLogger(name).propagate = True
    # httpx writes an INFO line for every request it sends (each internal call): the process
    # called writes its own access line for it (a successful internal read at DEBUG), so these
    # were duplicates, ~2% of loan_match's time per match query (py-spy). Its warnings stay.
    logging.getLogger("httpx").setLevel(logging.WARNING)
