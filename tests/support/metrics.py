"""What an app of the in-process stack would answer on its metrics port (kit.metrics).

The shared stack serves no metrics ports (many apps, one Python process); tests/ops serves
one for real. This reads an app's own registry, the same text its port would answer.
"""

from __future__ import annotations

from fastapi import FastAPI
from prometheus_client import generate_latest

from tests.support.stack import Stack


def app_of(stack: Stack, name: str) -> FastAPI:
    server, _ = stack.threads.servers[name]
    app = server.config.app
    assert isinstance(app, FastAPI)
    return app


def metrics_text(stack: Stack, name: str) -> str:
    metrics = app_of(stack, name).state.ctx.metrics
    return generate_latest(metrics.registry).decode()
