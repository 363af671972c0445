"""No secret in any log line (pytest hooks, imported by tests/conftest.py).

Every log record of the session is formatted by the project's JSON formatter (as production
writes it) and kept; at the end, each line is cut into tokens and compared with every secret the
session knows: API keys made through tests.support.api, webhook secrets the API returned, the
stack's signing keys, the database password. A leak fails the run (exit status 1) and is printed.
"""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Iterable

import pytest

from kit.logs import JsonFormatter

# Secrets are base64 / url-safe base64 text; a token is a maximal run of those characters ("="
# padding excluded, so "secret=<value>" splits; secrets are compared without their padding).
_TOKEN = re.compile(r"[A-Za-z0-9+/_-]{12,}")


class SecretRegistry:
    def __init__(self) -> None:
        self._secrets: set[str] = set()
        self._lock = threading.Lock()

    def add(self, secret: str | None) -> None:
        """Register a secret and, for prefixed ones (``fmk_<id>_<secret>``, ``whsec_...``), its parts."""
        if not secret or len(secret) < 12:
            return
        parts = [secret]
        if secret.startswith("fmk_"):
            parts.append(secret.split("_", 2)[-1])
        elif secret.startswith("whsec_"):
            parts.append(secret[len("whsec_") :])
        with self._lock:
            self._secrets.update(part.rstrip("=") for part in parts)

    def snapshot(self) -> frozenset[str]:
        with self._lock:
            return frozenset(self._secrets)


SECRETS = SecretRegistry()


def find_leaks(lines: Iterable[str], secrets: frozenset[str]) -> list[tuple[str, str]]:
    """(secret, line) for every line carrying a known secret as one of its tokens (a set lookup each,
    so a whole run's lines are scanned in seconds)."""
    leaks: list[tuple[str, str]] = []
    for line in lines:
        found = next((token for token in _TOKEN.findall(line) if token in secrets), None)
        if found is not None:
            leaks.append((found, line))
    return leaks


class CollectingHandler(logging.Handler):
    def __init__(self) -> None:
        super().__init__(level=logging.DEBUG)
        self.setFormatter(JsonFormatter("test"))
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        try:
            self.lines.append(self.format(record))
        except Exception:  # a record that cannot be formatted is not a leak
            self.handleError(record)


_HANDLER = CollectingHandler()


def pytest_configure(config: pytest.Config) -> None:
    """Called when tests/conftest.py is registered (a historic hook), before any test runs."""
    root = logging.getLogger()
    root.addHandler(_HANDLER)
    if root.level > logging.INFO or root.level == logging.NOTSET:
        root.setLevel(logging.INFO)  # the access log is INFO: it must be scanned too
    from tests.support.stack import SIGNING_KEYS

    for key in SIGNING_KEYS.values():
        SECRETS.add(key)


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    logging.getLogger().removeHandler(_HANDLER)
    leaks = find_leaks(_HANDLER.lines, SECRETS.snapshot())
    print(f"\nlog scan: {len(_HANDLER.lines)} log lines checked for known secrets")
    if leaks:
        print(f"\nSECRETS IN LOGS: {len(leaks)} log line(s) carry a known secret:")
        for secret, line in leaks[:20]:
            print(f"  {secret[:6]}...: {line[:300]}")
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
