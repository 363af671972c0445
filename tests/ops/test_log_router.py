"""`finmatch up`'s terminal: warnings and errors as readable lines; everything in the JSON file."""

from __future__ import annotations

import io
import json
import os
import time
from pathlib import Path

from deploy.supervisor import LogRouter


def _line(level: str, msg: str) -> str:
    return json.dumps(
        {"ts": "2026-12-01T10:00:00.000+00:00", "level": level, "process": "gateway", "msg": msg},
        ensure_ascii=False,  # as kit.logs writes them
    )


def test_routine_goes_to_the_file_only_and_problems_to_the_terminal(tmp_path: Path) -> None:
    terminal = io.StringIO()
    router = LogRouter(tmp_path / "log" / "finmatch.jsonl", terminal)
    router.route(_line("warning", "peer not answering yet"))  # during the start: held back
    router.route(_line("error", "broken at start"))  # errors never wait
    router.started(ok=True)  # a good start drops what was held back
    router.route(_line("info", "GET /v1/me 200"))
    router.route(_line("warning", "database unavailable"))
    router.route("Traceback (most recent call last):")
    router.close()
    assert terminal.getvalue().splitlines() == [
        "10:00:00 ERROR   gateway: broken at start",
        "10:00:00 WARNING gateway: database unavailable",
        "Traceback (most recent call last):",
    ]
    assert len((tmp_path / "log" / "finmatch.jsonl").read_text().splitlines()) == 5


def test_a_failed_start_shows_what_was_held_back(tmp_path: Path) -> None:
    terminal = io.StringIO()
    router = LogRouter(tmp_path / "finmatch.jsonl", terminal)
    router.route(_line("warning", "gateway: unavailable"))
    assert terminal.getvalue() == ""
    router.started(ok=False)
    router.close()
    assert terminal.getvalue() == "10:00:00 WARNING gateway: gateway: unavailable\n"


def test_lines_split_across_reads_arrive_whole_and_in_order(tmp_path: Path) -> None:
    """The pump reads whatever the pipe holds: a line cut between two writes (here inside a
    Chinese name), many lines in one write and an unterminated last line all arrive whole."""
    terminal = io.StringIO()
    router = LogRouter(tmp_path / "finmatch.jsonl", terminal)
    router.started(ok=True)
    lines = [_line("info", f"GET /v1/credit/ratings/{n} 200 兰州") for n in range(500)]
    lines.insert(250, _line("warning", "数据库不可用"))
    data = ("\n".join(lines)).encode()
    read_end, write_end = os.pipe()
    with open(read_end, "rb") as reader, open(write_end, "wb", buffering=0) as writer:
        router.follow(reader)
        cut = data.index("兰州".encode()) + 1  # in the middle of a UTF-8 character
        for piece in (data[:cut], data[cut : len(data) // 2], data[len(data) // 2 :]):
            writer.write(piece)
            time.sleep(0.05)
    router.close()
    assert (tmp_path / "finmatch.jsonl").read_text(encoding="utf-8").splitlines() == lines
    assert terminal.getvalue() == "10:00:00 WARNING gateway: 数据库不可用\n"
