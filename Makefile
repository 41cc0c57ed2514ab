# The command contract (see README): serve, test, build, check, bench.
# Each target sets up what it needs on a fresh machine with only Python 3.11+.

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
export PYTHONPATH := $(CURDIR)/hooks
export SOURCE_DATE_EPOCH ?= 1767225600
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve test build check bench lock setup browser clean

serve: $(STAMP)
	$(PY) -m mkdocs serve --dev-addr 127.0.0.1:8000 --livereload

build: $(STAMP)
	@bash tools/ensure-system-packages
	$(PY) -m iopcsite build-site

check: $(STAMP)
	$(PY) -m iopcsite check

test: $(STAMP) browser
	@bash tools/ensure-system-packages
	$(PY) -m pytest

bench: $(STAMP)
	$(PY) -m iopcsite bench

setup: $(STAMP)

$(STAMP): requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet --require-hashes -r requirements.txt
	touch $@

# Debian's chromium in CI; a laptop may use Playwright's own browser instead.
browser: $(STAMP)
	@bash tools/ensure-browser

lock:
	$(PYTHON) -m venv .lock-venv && .lock-venv/bin/pip install --quiet pip-tools
	.lock-venv/bin/pip-compile --quiet --generate-hashes --strip-extras --allow-unsafe -o requirements.txt requirements.in
	rm -rf .lock-venv

clean:
	rm -rf site .cache
