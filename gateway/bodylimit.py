"""413 for a body over FINMATCH_MAX_BODY_BYTES, declared or streamed, before anything reads it."""

from __future__ import annotations

from starlette.requests import ClientDisconnect
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from kit import metrics
from kit.asgi import HttpMiddleware
from kit.problems import Problem


class BodyTooLarge(Exception):
    pass


def too_large(max_bytes: int) -> Problem:
    """The 413 of a body over ``max_bytes`` (counted as a refusal by a limit)."""
    metrics.limit_refused("body_too_large")
    return Problem(
        413,
        "payload-too-large",
        f"The request body is larger than {max_bytes} bytes.",
        title="Payload too large",
    )


def declared_too_large(declared: bytes | None, max_bytes: int) -> bool:
    """Whether a Content-Length value (the first one sent) is over ``max_bytes``."""
    return declared is not None and declared.isdigit() and int(declared) > max_bytes


async def read_body(receive: Receive, max_bytes: int) -> bytes:
    """The whole body as Starlette's ``Request.body()`` reads it, counted as it arrives:
    BodyTooLarge past ``max_bytes``, ClientDisconnect if the client goes away first."""
    chunks: list[bytes] = []
    received = 0
    while True:
        message = await receive()
        kind = message["type"]
        if kind == "http.request":
            body: bytes = message.get("body", b"")
            received += len(body)
            if received > max_bytes:
                raise BodyTooLarge
            if body:
                chunks.append(body)
            if not message.get("more_body", False):
                return chunks[0] if len(chunks) == 1 else b"".join(chunks)
        elif kind == "http.disconnect":
            raise ClientDisconnect


class BodyLimitMiddleware(HttpMiddleware):
    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        super().__init__(app)
        self.max_bytes = max_bytes

    async def _refuse(self, scope: Scope, receive: Receive, send: Send) -> None:
        await too_large(self.max_bytes).response()(scope, receive, send)

    async def handle(self, scope: Scope, receive: Receive, send: Send) -> None:
        declared = next((v for k, v in scope["headers"] if k == b"content-length"), None)
        if declared_too_large(declared, self.max_bytes):
            await self._refuse(scope, receive, send)
            return
        received = 0
        started = False
        exceeded = False

        async def counting_receive() -> Message:
            nonlocal received, exceeded
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:
                    exceeded = True
                    raise BodyTooLarge
            return message

        async def tracking_send(message: Message) -> None:
            nonlocal started
            if exceeded:
                # FastAPI turns any error while reading a declared body into its own 400
                # ("error parsing the body"); the answer is still 413.
                if not started:
                    started = True
                    await self._refuse(scope, receive, send)
                return
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, counting_receive, tracking_send)
        except BodyTooLarge:
            if not started:
                started = True
                await self._refuse(scope, receive, send)
