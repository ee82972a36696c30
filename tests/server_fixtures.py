"""Fixtures for tests that need a running central server (filled by the server and sync work)."""
