"""How big the reliability tests run: ``FINMATCH_FAULTS_SCALE`` (default 1, `make test`).

`make test-faults` sets 10 and runs the tests marked ``faults``: batches, examples and runs
grow with it, so the same tests take seconds in `make test` and minutes there.
"""

from __future__ import annotations

import os

SCALE = max(1, int(os.environ.get("FINMATCH_FAULTS_SCALE", "1")))
