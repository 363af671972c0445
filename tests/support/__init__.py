"""Test support: a real PostgreSQL per run and the real processes on loopback."""
