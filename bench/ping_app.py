"""The baseline: a bare FastAPI ``GET /ping`` served like one platform process.

    python -m bench.ping_app --port 8100

Same server as ``finmatch serve NAME`` (deploy/cli.py: uvicorn, one process, the same host,
event loop, keep-alive and shutdown settings, no log config), and none of the platform's middleware,
database or authentication: what is left is the price of Python, ASGI and HTTP on this machine.
"""

from __future__ import annotations

import argparse

import uvicorn
from fastapi import FastAPI

from deploy.cli import event_loop
from kit.http import SERVER_KEEP_ALIVE_S

app = FastAPI()


@app.get("/ping")
async def ping() -> dict[str, bool]:
    return {"ok": True}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    args = parser.parse_args()
    uvicorn.run(
        app,
        host="127.0.0.1",
        port=args.port,
        log_config=None,
        loop=event_loop(),
        timeout_graceful_shutdown=5,
        timeout_keep_alive=SERVER_KEEP_ALIVE_S,
    )


if __name__ == "__main__":
    main()
