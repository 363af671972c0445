"""Two instances of one process, with and without its fast path, for the equivalence tests
(tests/credit_push/test_rating_fastpath.py, tests/guarantee/test_registration_fastpath.py,
tests/gateway/test_proxy_fastpath.py): each sends the same requests to both and demands the same
answers."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, TypeVar

from fastapi import FastAPI
from starlette.types import ASGIApp, Receive, Scope, Send

from tests.support.stack import Stack, app_of, free_socket


@dataclass
class Instance:
    url: str
    app: FastAPI


def _serve(stack: Stack, process: str, fast_path: type, *, fast: bool, **values: Any) -> tuple[Instance, str]:
    sock = free_socket()
    port = sock.getsockname()[1]
    app = app_of(process, stack.values_of(process, **{f"{process}_port": port}, **values))
    if not fast:  # every request through FastAPI
        kept = [m for m in app.user_middleware if getattr(m, "cls", None) is not fast_path]
        assert len(kept) == len(app.user_middleware) - 1, f"{fast_path.__name__} is not installed"
        app.user_middleware = kept
    key = f"{process}-{'fast' if fast else 'plain'}-{port}"
    stack.threads.serve(key, app, sock)
    return Instance(f"http://127.0.0.1:{port}", app), key


@contextmanager
def with_and_without(
    stack: Stack, process: str, fast_path: type, **values: Any
) -> Iterator[tuple[Instance, Instance]]:
    """(with the fast path, without it): two running instances of ``process`` on the stack."""
    fast, fast_key = _serve(stack, process, fast_path, fast=True, **values)
    plain, plain_key = _serve(stack, process, fast_path, fast=False, **values)
    try:
        yield fast, plain
    finally:
        stack.threads.stop(fast_key)
        stack.threads.stop(plain_key)


class Counting:
    """What a fast path hands on to FastAPI, counted (put it in as the fast path's ``app``)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self.calls = 0

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        self.calls += 1
        await self.app(scope, receive, send)


M = TypeVar("M")


def fast_path_of(app: FastAPI, fast_path: type[M]) -> M:
    """The running app's ``fast_path`` middleware (the stack is built by its first request)."""
    node: Any = app.middleware_stack
    while node is not None and not isinstance(node, fast_path):
        node = getattr(node, "app", None)
    assert node is not None, "the fast path is not in the app's middleware"
    return node
