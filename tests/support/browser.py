"""Which Chromium the browser tests start, and with which flags (see iopcbench.browsing)."""

from iopcbench.browsing import CHROMIUM_ARGS, CHROMIUM_CANDIDATES, chromium_executable

__all__ = ["CHROMIUM_ARGS", "CHROMIUM_CANDIDATES", "chromium_executable"]
