"""Domain errors: what services and rules raise when a use case cannot go on.

They know nothing of HTTP. Each carries a stable ``slug`` (the end of the problem ``type``),
a human ``detail`` and the extra members the contract puts in the body (``limit_fen``...).
``kit.problems`` alone maps each class to a status and an RFC 9457 body, so a rule module can
refuse something without importing FastAPI or choosing a status code.

``field`` names the request field at fault (a body member); the problem then carries an
``errors`` entry for it (with ``field_msg``, else ``detail``), as validation problems do.
"""

from __future__ import annotations

from typing import Any


class DomainError(Exception):
    """The base: an expected failure of a use case. Raising one rolls the request back."""

    default_slug = "error"
    default_detail = "The request cannot be carried out."

    def __init__(
        self,
        detail: str | None = None,
        *,
        slug: str | None = None,
        title: str | None = None,
        field: str | None = None,
        field_msg: str | None = None,
        **extra: Any,
    ) -> None:
        detail = detail or self.default_detail
        super().__init__(detail)
        self.slug = slug or self.default_slug
        self.detail = detail
        self.title = title
        self.field = field
        self.field_msg = field_msg or detail
        self.extra = extra


class Unauthorized(DomainError):
    """The caller is not known: no credentials, or ones the platform does not vouch for."""

    default_slug = "unauthorized"
    default_detail = "Missing or invalid credentials."


class NotFound(DomainError):
    """No such object, or the caller may not know it exists (CONTRACT §1: 404, not 403)."""

    default_slug = "not-found"

    def __init__(self, what: str = "resource", **kwargs: Any) -> None:
        super().__init__(f"No such {what}, or it is not visible to you.", **kwargs)


class Forbidden(DomainError):
    """The caller's role (or tier) may never do this."""

    default_slug = "forbidden"
    default_detail = "Your role may not call this operation."


class Conflict(DomainError):
    """The request is valid but clashes with the current state (a limit, a duplicate)."""

    default_slug = "conflict"


class RuleViolation(DomainError):
    """The request breaks a business rule or names something that does not qualify."""

    default_slug = "rule-violation"


class PreconditionFailed(DomainError):
    """An ``If-Match`` that no longer matches the object."""

    default_slug = "precondition-failed"


class PayloadTooLarge(DomainError):
    """The body, though within the byte limit, holds more than one request may carry."""

    default_slug = "payload-too-large"


class UnsupportedMediaType(DomainError):
    """The body is of a type the operation does not take."""

    default_slug = "unsupported-media-type"


class Unavailable(DomainError):
    """Something the use case needs did not answer; the caller may retry after a pause.

    ``retry_after_s=None`` says nothing of when (no ``Retry-After``).
    """

    default_slug = "dependency-unavailable"

    def __init__(self, detail: str | None = None, *, retry_after_s: int | None = 5, **kwargs: Any) -> None:
        super().__init__(detail, **kwargs)
        self.retry_after_s = retry_after_s
