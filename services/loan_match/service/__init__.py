"""loan_match's use cases, one module each: products, profiles, queries, demands and stats.

A use case loads rows, applies the pure rules (``rules/``), calls the other services through
``clients`` and maps rows to API schemas. It raises ``kit.errors`` exceptions, never HTTP ones.
"""
