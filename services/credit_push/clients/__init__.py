"""Adapters for talking to the outside: webhook receivers (signing, and the SSRF-safe client)."""
