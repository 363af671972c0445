"""Targets, the printed table and bench/results/latest.json."""

from __future__ import annotations

import json
import operator
import os
import shutil
import subprocess
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

RESULTS = Path(__file__).resolve().parent / "results"


@dataclass(frozen=True)
class Target:
    key: str
    op: str  # ">=" or "<="
    value: float
    unit: str

    def met(self, measured: float | None) -> bool | None:
        if measured is None:
            return None
        compare: Callable[[float, float], bool] = operator.ge if self.op == ">=" else operator.le
        return compare(measured, self.value)


TARGETS = (
    Target("gateway_ratio", ">=", 0.35, "x"),
    Target("gateway_added_p50_ms", "<=", 0.3, "ms"),
    Target("read_chain_ratio", ">=", 0.10, "x"),
    Target("match_ratio", ">=", 0.03, "x"),
    Target("match_p99_ms_c4", "<=", 50, "ms"),
    Target("ingest_ratio_vs_copy", ">=", 0.10, "x"),
    Target("fanout_per_s", ">=", 1500, "/s"),
    Target("exposure_per_s_one_guarantor", ">=", 300, "/s"),
    Target("exposure_per_s_eight_guarantors", ">=", 600, "/s"),
    Target("max_rss_mb", "<=", 150, "MiB"),
)
# Lines measured without a target of their own (context for the others).
CONTEXT = (
    "ping_req_s",
    "me_ratio",
    "ingest_rows_per_s",
    "copy_rows_per_s",
    "fanout_delivered",
    "fanout_expected",
    "receiver_ceiling_per_s",
    "products_per_s",
)


def git_commit() -> str:
    """HEAD, with ``-dirty`` when tracked files differ from it."""
    root = Path(__file__).resolve().parents[1]
    git = shutil.which("git")
    if git is None:
        return "unknown"
    try:
        head = subprocess.run(  # noqa: S603 - fixed arguments
            [git, "rev-parse", "HEAD"], cwd=root, capture_output=True, text=True, check=True
        ).stdout.strip()
        dirty = subprocess.run(  # noqa: S603 - fixed arguments
            [git, "status", "--porcelain", "--untracked-files=no"],
            cwd=root,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return head + ("-dirty" if dirty else "")


def document(metrics: Mapping[str, Any], details: Mapping[str, Any], *, quick: bool) -> dict[str, Any]:
    """The JSON written to latest.json: every metric at top level, targets and verdicts beside."""
    targets = {t.key: {"op": t.op, "value": t.value, "unit": t.unit} for t in TARGETS}
    met = {t.key: t.met(metrics.get(t.key)) for t in TARGETS}
    return {
        **metrics,
        "cpu_count": os.cpu_count(),
        "git_commit": git_commit(),
        "timestamp": datetime.now(UTC).isoformat(timespec="seconds"),
        "quick": quick,
        "targets": targets,
        "met": met,
        "details": details,
    }


def _fmt(value: Any) -> str:
    if value is None:
        return "-"
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, float):
        return f"{value:,.3f}" if abs(value) < 10 else f"{value:,.0f}"
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


def table(doc: Mapping[str, Any]) -> str:
    """metric | value | target | met? as a Markdown table (printed, and pasted into the README)."""
    rows = [("metric", "value", "target", "met?")]
    for t in TARGETS:
        verdict = t.met(doc.get(t.key))
        target = f"{t.op} {_fmt(t.value)} {t.unit}"
        met = "" if verdict is None else ("yes" if verdict else "NO")
        rows.append((t.key, _fmt(doc.get(t.key)), target, met))
    for key in CONTEXT:
        rows.append((key, _fmt(doc.get(key)), "", ""))
    if "fanout_complete" in doc:
        rows.append(("fanout_complete", _fmt(doc["fanout_complete"]), "", ""))
    widths = [max(len(row[i]) for row in rows) for i in range(4)]
    lines = ["| " + " | ".join(cell.ljust(widths[i]) for i, cell in enumerate(row)) + " |" for row in rows]
    lines.insert(1, "|" + "|".join("-" * (w + 2) for w in widths) + "|")
    return "\n".join(lines)


README = Path(__file__).resolve().parent / "README.md"
START, END = "<!-- latest:start -->", "<!-- latest:end -->"


def update_readme(doc: Mapping[str, Any], readme: Path = README) -> None:
    """Replace the "Latest results" table in bench/README.md (between its two markers)."""
    text = readme.read_text()
    head, sep, rest = text.partition(START)
    _, sep2, tail = rest.partition(END)
    if not (sep and sep2):
        return
    stamp = f"{doc['timestamp']}, commit `{str(doc['git_commit'])[:12]}`, {doc['cpu_count']} cores"
    readme.write_text(f"{head}{START}\n{stamp}:\n\n{table(doc)}\n{END}{tail}")


def write(doc: Mapping[str, Any], path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(doc, indent=2, ensure_ascii=False) + "\n")
