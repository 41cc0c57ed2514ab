# The command contract (see README): serve, test, build, check, bench.
# Each target sets up what it needs on a fresh machine with only Python 3.11+.

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
NODE_STAMP := node_modules/.installed
# The pipeline (hooks/) and the benchmark, which is not part of it (tools/).
export PYTHONPATH := $(CURDIR)/hooks:$(CURDIR)/tools
# Builds of the same commit are byte-identical: MkDocs stamps this date (the last commit's) into the sitemap.
export SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null || echo 1767225600)
export NO_MKDOCS_2_WARNING := 1
# Where 'make serve' listens. A dev container or Codespace sets 0.0.0.0:8000 so the port can be forwarded.
SERVE_ADDRESS ?= 127.0.0.1:8000

.PHONY: serve test build check bench lock setup browser gate-tools clean schemas

# The preview shows drafts and embargoed content with a banner; 'make build' never does.
serve: $(STAMP)
	IOPC_PREVIEW=1 $(PY) -m mkdocs serve --dev-addr $(SERVE_ADDRESS) --livereload

build: $(STAMP)
	@bash tools/ensure-system-packages
	$(PY) -m iopcsite build-site

# The palette check reads the print colour profile, a system package.
check: $(STAMP)
	@bash tools/ensure-system-packages
	$(PY) -m iopcsite check

test: $(STAMP) browser gate-tools
	$(PY) -m pytest

# After changing a model (hooks/iopcsite/**/models.py): regenerate the editor schemas and commit them.
schemas: $(STAMP)
	$(PY) -m iopcsite schemas

bench: $(STAMP)
	$(PY) -m iopcbench

setup: $(STAMP)

$(STAMP): requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet --require-hashes -r requirements.txt
	touch $@

# Debian's chromium in CI; a laptop may use Playwright's own browser instead.
browser: $(STAMP)
	@bash tools/ensure-browser

# The quality gates: Java for the Nu HTML Checker, pango and the colour profiles for the PDF fixtures,
# and the npm packages (Lighthouse, vnu-jar), reinstalled only when the lock changes.
gate-tools: $(NODE_STAMP)
	@bash tools/ensure-java
	@bash tools/ensure-system-packages

$(NODE_STAMP): package-lock.json
	@bash tools/ensure-node
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $@

lock:
	$(PYTHON) -m venv .lock-venv && .lock-venv/bin/pip install --quiet pip-tools
	.lock-venv/bin/pip-compile --quiet --generate-hashes --strip-extras --allow-unsafe -o requirements.txt requirements.in
	rm -rf .lock-venv

clean:
	rm -rf site .site-* .cache
