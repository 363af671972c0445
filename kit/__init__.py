"""Cross-cutting building blocks shared by the gateway and every service.

Nothing in here knows about credit ratings, guarantees or loans beyond generic
money arithmetic and the national identifier (USCC) every service validates.
"""
