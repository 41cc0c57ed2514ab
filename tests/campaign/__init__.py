"""Tests of the campaign pack generator (a package, so its conftest does not shadow tests/conftest.py)."""
