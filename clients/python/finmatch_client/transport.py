"""Automatic Idempotency-Key and safe retries, as an httpx transport under every request.

CONTRACT §1: every creating POST accepts ``Idempotency-Key``; the same key and body within 24 h
give the first answer again and create nothing twice. So a POST is retried only when it carries a
key (the same one: the request, headers included, is sent again as it is), and a GET always.
Retried: 429 (after ``Retry-After``), 502, 503, 504, timeouts and connection errors, with
exponential backoff and full jitter. The retry loop itself is httpx-retries' (a maintained,
typed library that already honours ``Retry-After`` in seconds and HTTP dates); this module only
decides which requests may use it.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterable

import httpx
from httpx_retries import Retry, RetryTransport

from .generated.idempotent import IDEMPOTENT_POSTS

KEY_HEADER = "Idempotency-Key"
RETRY_STATUSES = (429, 502, 503, 504)


def _template_pattern(templates: Iterable[str]) -> re.Pattern[str]:
    # "/v1/guarantee/exposures/{exposure_id}/repayments" -> ".../[^/]+/repayments" at the path's end
    # (a base URL may carry a prefix such as /finmatch).
    parts = [re.sub(r"\\\{[^/]*?\\\}", "[^/]+", re.escape(t)) for t in sorted(templates)]
    return re.compile("(?:" + "|".join(parts) + ")$")


CREATING_POSTS = _template_pattern(IDEMPOTENT_POSTS)


def creates(method: str, path: str) -> bool:
    """Whether ``method path`` is a creating POST (one that accepts an Idempotency-Key)."""
    return method.upper() == "POST" and CREATING_POSTS.search(path.rstrip("/")) is not None


class FinmatchTransport(RetryTransport):
    """Adds a uuid4 ``Idempotency-Key`` to creating POSTs and retries what is safe to retry.

    ``retries`` is the number of retries after the first attempt; ``backoff_s`` the base of the
    exponential wait; ``max_wait_s`` caps one wait (a ``Retry-After`` included).
    """

    def __init__(
        self,
        transport: httpx.BaseTransport | httpx.AsyncBaseTransport | None = None,
        *,
        retries: int = 4,
        backoff_s: float = 0.5,
        max_wait_s: float = 60.0,
    ) -> None:
        def policy(*methods: str) -> Retry:
            return Retry(
                total=retries,
                allowed_methods=methods,
                status_forcelist=RETRY_STATUSES,
                backoff_factor=backoff_s,
                max_backoff_wait=max_wait_s,
                respect_retry_after_header=True,
            )

        super().__init__(transport, retry=policy("GET", "HEAD"))
        self.keyed = policy("GET", "HEAD", "POST")

    def prepare(self, request: httpx.Request) -> None:
        """Stamp the key on a creating POST and choose the retry policy of ``request``."""
        if KEY_HEADER not in request.headers and creates(request.method, request.url.path):
            request.headers[KEY_HEADER] = str(uuid.uuid4())
        if request.method == "POST" and KEY_HEADER in request.headers:
            request.extensions.setdefault("retry", self.keyed)

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        self.prepare(request)
        return super().handle_request(request)

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self.prepare(request)
        return await super().handle_async_request(request)
