"""A loopback HTTP server that answers with canned bytes, for the HTTP clients' own tests
(tests/unit/test_kit_http1.py, tests/unit/gateway/test_upstream.py)."""

from __future__ import annotations

import asyncio
import ssl

CLOSE = b"<close>"  # a reply ending in it closes the connection after it is written


async def serving(
    replies: list[bytes], tls: ssl.SSLContext | None = None
) -> tuple[asyncio.Server, int, list[bytes]]:
    """A server answering each request with the next reply, its port, and what it read: one entry
    per connection accepted (that connection's requests, joined)."""
    seen: list[bytes] = []

    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        seen.append(b"")
        while replies:
            try:
                head = await reader.readuntil(b"\r\n\r\n")
            except (asyncio.IncompleteReadError, ConnectionError):
                break
            seen[-1] += head + await reader.readexactly(_content_length(head))
            reply = replies.pop(0)
            writer.write(reply.removesuffix(CLOSE))
            await writer.drain()
            if reply.endswith(CLOSE):
                break
        writer.close()

    server = await asyncio.start_server(handle, "127.0.0.1", 0, ssl=tls)
    return server, server.sockets[0].getsockname()[1], seen


def _content_length(head: bytes) -> int:
    lines = head.split(b"\r\n")
    return next((int(line.split(b":")[1]) for line in lines if line.lower().startswith(b"content-length")), 0)
