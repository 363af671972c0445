"""README.md and its guides as test fixtures: their text, their Python snippets (the bank's are in
docs/bank.md), and a bank endpoint built from them."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from tests.support.receiver import Received, Receiver

ROOT = Path(__file__).parents[2]
README = (ROOT / "README.md").read_text()
# The README is a short front page; the journeys' requests and snippets live in the role guides.
GUIDES = {
    path: path.read_text(encoding="utf-8") for path in [ROOT / "README.md", *sorted(ROOT.glob("docs/*.md"))]
}


def readme_snippet(marker: str, **names: Any) -> dict[str, Any]:
    """Run the one ```python block of the README or a guide (docs/*.md) containing ``marker``
    (outside docs/client.md, whose examples need a running platform); returns the names it defined."""
    found = [
        (path, block)
        for path, text in GUIDES.items()
        if path.name != "client.md"
        for block in re.findall(r"```python\n(.*?)```", text, re.S)
        if marker in block
    ]
    [(path, code)] = found
    namespace = dict(names)
    exec(compile(code, str(path.relative_to(ROOT)), "exec"), namespace)  # noqa: S102 (our own docs)
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
