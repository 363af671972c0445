"""Use cases of the guarantee service, one module each: who may do what, in which order the rules run.

SQL lives in ``repository``, the rules themselves in ``rules``; a use case ties them to the caller
and raises ``kit.errors`` when it cannot go on (CONTRACT §1, §4). Nothing here knows HTTP.
"""
