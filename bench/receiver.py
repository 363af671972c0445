"""Webhook receivers in a process of their own: verify every delivery, answer 200, count.

    python -m bench.receiver --port 8200

``POST /hook/{name}`` is one receiver (one subscription); its secret is set with
``PUT /_secrets/{name}`` (the body is the ``whsec_...`` text). Every delivery's signature is
checked with the ``standardwebhooks`` library (a bad one is a 401 and counted as bad); good
ones are counted once per (receiver, ``webhook-id``). ``GET /_stats`` answers the counts.
"""

from __future__ import annotations

import argparse
import time
from dataclasses import dataclass, field

from aiohttp import web
from standardwebhooks.webhooks import Webhook, WebhookVerificationError


@dataclass
class Receiver:
    verifier: Webhook
    seen: set[str] = field(default_factory=set)
    duplicates: int = 0


@dataclass
class Counts:
    receivers: dict[str, Receiver] = field(default_factory=dict)
    posts: int = 0
    bad: int = 0
    first_at: float | None = None
    last_at: float | None = None


COUNTS = web.AppKey("counts", Counts)


async def hook(request: web.Request) -> web.Response:
    counts = request.app[COUNTS]
    receiver = counts.receivers.get(request.match_info["name"])
    if receiver is None:
        return web.Response(status=404)
    body = await request.read()
    counts.posts += 1
    headers = {k.lower(): v for k, v in request.headers.items()}
    try:
        receiver.verifier.verify(body, headers, json_parse=False)
    except WebhookVerificationError:
        counts.bad += 1
        return web.Response(status=401)
    event_id = headers["webhook-id"]
    if event_id in receiver.seen:
        receiver.duplicates += 1
    else:
        receiver.seen.add(event_id)
    now = time.monotonic()
    if request.match_info["name"] != "ceiling":  # the fan-out's first and last delivery
        counts.first_at = counts.first_at or now
        counts.last_at = now
    return web.Response(status=200)


async def set_secret(request: web.Request) -> web.Response:
    secret = (await request.text()).strip()
    request.app[COUNTS].receivers[request.match_info["name"]] = Receiver(Webhook(secret))
    return web.Response(status=204)


async def stats(request: web.Request) -> web.Response:
    counts = request.app[COUNTS]
    unique = {name: len(r.seen) for name, r in counts.receivers.items()}
    return web.json_response(
        {
            "unique": unique,
            "posts": counts.posts,
            "bad": counts.bad,
            "duplicates": {name: r.duplicates for name, r in counts.receivers.items()},
            "first_at": counts.first_at,
            "last_at": counts.last_at,
        }
    )


async def healthz(_: web.Request) -> web.Response:
    return web.Response(status=200)


def make_app() -> web.Application:
    app = web.Application()
    app[COUNTS] = Counts()
    app.router.add_post("/hook/{name}", hook)
    app.router.add_put("/_secrets/{name}", set_secret)
    app.router.add_get("/_stats", stats)
    app.router.add_get("/healthz", healthz)
    return app


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    args = parser.parse_args()
    web.run_app(make_app(), host="127.0.0.1", port=args.port, access_log=None, print=None)


if __name__ == "__main__":
    main()
