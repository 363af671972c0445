"""README.md as a test fixture: its text, its Python snippets, and a bank endpoint built from them."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from tests.support.receiver import Received, Receiver

README = (Path(__file__).parents[2] / "README.md").read_text()


def readme_snippet(marker: str, **names: Any) -> dict[str, Any]:
    """Run the README's ```python block containing ``marker``; returns the names it defined."""
    [code] = [block for block in re.findall(r"```python\n(.*?)```", README, re.S) if marker in block]
    namespace = dict(names)
    exec(compile(code, "README.md", "exec"), namespace)  # noqa: S102 (our own README)
    return namespace


@dataclass
class ReadmeReceiver(Receiver):
    """A bank's webhook endpoint whose ``handle`` is the README's verification snippet, verbatim."""

    path: str = "/credit"
    events: list[dict[str, Any]] = field(default_factory=list)
    handler: Callable[[bytes, dict[str, str]], int] | None = None

    def use_secret(self, secret: str, monkeypatch: pytest.MonkeyPatch) -> None:
        """The snippet, given this subscription's secret as the README says."""
        monkeypatch.setenv("CREDIT_WEBHOOK_SECRET", secret)
        self.handler = readme_snippet("verifier.verify", apply=self.events.append)["handle"]

    def handle(self, raw_body: bytes, headers: dict[str, str]) -> int:
        assert self.handler is not None
        return self.handler(raw_body, headers)

    def status_for(self, n: int, request: Received) -> int:
        return self.handle(request.body, request.headers)
