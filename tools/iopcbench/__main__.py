"""``python -m iopcbench``: the benchmarks (``make bench``)."""

import sys

from iopcbench import main

sys.exit(main(sys.argv[1:]))
