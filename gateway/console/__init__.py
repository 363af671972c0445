"""The regulator's console: read-only HTML pages at ``/console`` over the public statistics API.

Served by the gateway as public pages (no key is needed to load them); the data they show is read
by the browser with the API key the person signs in with (CONTRACT §1, §2 ``regulator``).
"""

from gateway.console.routes import PREFIX, router

__all__ = ["PREFIX", "router"]
