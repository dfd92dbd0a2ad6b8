# Le mythe de la prospection facile: every step from a fresh machine (Python 3.11+, Node 20+).
# `make serve` and `make test` install what they need first; nothing is to be installed by hand.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SITE ?= site
export NO_MKDOCS_2_WARNING := 1

.PHONY: help setup serve build pdf chromium libreoffice lint test test-fast bench clean

help:  ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

$(BIN)/.installed: pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV) || { rm -rf $(VENV) && bash scripts/ensure-venv.sh $(PYTHON) && $(PYTHON) -m venv $(VENV); }
	$(BIN)/pip install --quiet --upgrade "pip>=24"
	$(BIN)/pip install --quiet -c constraints.txt -e ".[test]"
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

setup: $(BIN)/.installed node_modules/.installed  ## Install Python and npm dependencies (pinned)

serve: setup  ## Build the site and decks, serve them at http://127.0.0.1:8000 with live reload
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

build: setup  ## Build the site and decks into site/ (strict: any warning fails)
	$(BIN)/mkdocs build --strict --site-dir $(SITE)

pdf: build chromium  ## Print each deck to PDF (site/slides/<id>/<id>.pdf, -notes.pdf), write its PowerPoint file (<id>.pptx)
	$(BIN)/python scripts/print_pdfs.py $(SITE)

chromium:
	@bash scripts/ensure-chromium.sh

libreoffice:
	@bash scripts/ensure-libreoffice.sh

lint: setup  ## Check the GitHub workflows: zizmor (offline) and the workflow JSON schema
	$(BIN)/zizmor --offline --no-progress .github/workflows/
	$(BIN)/check-jsonschema --builtin-schema vendor.github-workflows .github/workflows/*.yml

test: setup chromium libreoffice lint  ## Lint, then the whole test suite: model, build, site, decks, PDF, browser
	$(BIN)/python -m pytest

test-fast: setup  ## Run the tests that need no browser
	$(BIN)/python -m pytest -m "not browser"

bench/node_modules/.installed: bench/package.json bench/package-lock.json
	npm ci --prefix bench --no-audit --no-fund
	touch $@

bench: setup chromium bench/node_modules/.installed  ## Benchmark: build time vs plain Material, Lighthouse (bench/results.md)
	$(BIN)/python scripts/bench.py

clean:  ## Remove what the build and the set-up made
	rm -rf $(SITE) $(VENV) node_modules bench/node_modules .pytest_cache .cache
