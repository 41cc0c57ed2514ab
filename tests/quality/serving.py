"""Serve a built site on loopback, compressed as any real web host would serve it (see iopcbench.browsing)."""

from iopcbench.browsing import COMPRESSIBLE, CompressingHandler, QuietHandler, serve_site

__all__ = ["COMPRESSIBLE", "CompressingHandler", "QuietHandler", "serve_site"]
