"""loan_match's use cases, one module per group: products, profiles, queries, demands, calendars,
programmes, claims and the figures (stats, programme_stats); the catalogue cache and matching
that queries and demands share; ``common`` and ``figures`` for what several use.

A use case loads rows, applies the pure rules (``rules/``), calls the other services through
``clients`` and maps rows to API schemas. It raises ``kit.errors`` exceptions, never HTTP ones.
"""
