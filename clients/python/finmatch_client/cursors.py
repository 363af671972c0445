"""Where a feed reader keeps its place: any object with ``load()`` and ``save(cursor)``.

The feed's ``next_cursor`` is never null (CONTRACT §3): it is where to poll from next, so storing
the last one after each processed page is all a reader needs to resume after a restart.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol


class CursorStore(Protocol):
    def load(self) -> str | None:
        """The cursor to resume from, or None to start at the beginning."""
        ...

    def save(self, cursor: str) -> None:
        """Remember ``cursor``: every event before it has been processed."""
        ...


@dataclass
class MemoryCursorStore:
    cursor: str | None = None

    def load(self) -> str | None:
        return self.cursor

    def save(self, cursor: str) -> None:
        self.cursor = cursor


@dataclass
class CallbackCursorStore:
    """Adapts two callbacks (your database, a settings table) to a :class:`CursorStore`."""

    on_load: Callable[[], str | None]
    on_save: Callable[[str], None]

    def load(self) -> str | None:
        return self.on_load()

    def save(self, cursor: str) -> None:
        self.on_save(cursor)


@dataclass
class FileCursorStore:
    """The cursor in a small text file, replaced atomically so a crash never leaves half a cursor."""

    path: Path | str

    def load(self) -> str | None:
        try:
            text = Path(self.path).read_text(encoding="utf-8").strip()
        except FileNotFoundError:
            return None
        return text or None

    def save(self, cursor: str) -> None:
        target = Path(self.path)
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, scratch = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.")
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(cursor)
        os.replace(scratch, target)
