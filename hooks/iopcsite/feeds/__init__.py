"""Atom feeds: one writer for every collection that publishes a feed."""
