"""credit_push use cases, one module per aggregate. No HTTP here: errors are kit.errors.

``outbox`` is what every change of entitlement writes (the events, under one lock; the
dispatcher routes them to deliveries afterwards); ``ratings``, ``consents``, ``banks``,
``subscriptions``, ``deliveries`` and ``outcomes`` are the use cases the routes call;
``dispatch`` is the webhook dispatcher's.
"""

from __future__ import annotations

from services.credit_push.service.banks import learn_banks  # bench/credit_push_ingest.py calls it

__all__ = ["learn_banks"]
