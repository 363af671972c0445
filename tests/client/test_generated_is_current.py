"""The committed generated client is what `make client` makes from openapi/gateway.json today.

A contract change (`make openapi`) without `make client` fails here, naming the files that drift.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
GENERATE = REPO / "clients" / "python" / "generate.py"
COMMITTED = REPO / "clients" / "python" / "finmatch_client" / "generated"


def tree(root: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(root)): path.read_bytes()
        for path in sorted(root.rglob("*"))
        if path.is_file() and "__pycache__" not in path.parts
    }


def test_generated_client_matches_the_contract(tmp_path: Path) -> None:
    fresh = tmp_path / "generated"
    subprocess.run(  # noqa: S603 (our interpreter and script)
        [sys.executable, str(GENERATE), "--out", str(fresh)], check=True, capture_output=True
    )
    want, have = tree(fresh), tree(COMMITTED)
    drifted = sorted(name for name in want.keys() | have.keys() if want.get(name) != have.get(name))
    assert not drifted, f"clients/python is stale for openapi/gateway.json: `make client` ({drifted[:10]})"
    assert "idempotent.py" in want and "api" in {name.split("/")[0] for name in want}
