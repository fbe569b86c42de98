# Cross-Sector Leadership Lab: every target bootstraps what it needs into .venv (and node_modules).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
RUNTIME_STAMP := $(VENV)/.runtime-installed
DEV_STAMP := $(VENV)/.dev-installed
NODE_STAMP := node_modules/.installed
BUNDLE_STAMP := tools/plotly_bundle/node_modules/.installed
SITE := _build/html
PORT ?= 8000
BOOK_FLAGS := -W -n --keep-going

.PHONY: book lab session session-not-root test test-slow serve bench clean lint format chromium node-tools plotly-bundle validate-data offline collect collect-dir-given lock

# Everything the site is built from; a change to any of them runs jupyter-book, whose own cache
# (and leadership_lab's dependency fingerprints) then re-executes only the notebooks affected.
BOOK_SOURCES := _config.yml _toc.yml requirements.txt \
	$(shell find book chapters leadership_lab data -type f \
		\( -name '*.md' -o -name '*.py' -o -name '*.yml' -o -name '*.bib' -o -name '*.csv' \
		-o -name '*.json' -o -name '*.js' -o -name '*.css' -o -name '*.svg' -o -name '*.html' \) \
		-not -path '*/__pycache__/*' 2>/dev/null)
BOOK_STAMP := _build/.book-built

book: $(BOOK_STAMP)
	@echo "The site is built. Open $(CURDIR)/$(SITE)/index.html in a browser, or run: make serve"

# jupyter-book's own command line, through a launcher that skips the interpreter's teardown
# after the last file is written (leadership_lab/site/build_book.py).
$(BOOK_STAMP): $(RUNTIME_STAMP) $(BOOK_SOURCES)
	$(BIN)/python -m leadership_lab.site.build_book build . $(BOOK_FLAGS)
	@touch $@

lab: $(RUNTIME_STAMP)
	$(BIN)/jupyter lab --notebook-dir=. $(if $(filter 0,$(shell id -u)),--allow-root,)

# A live, shared JupyterLab for a room (see book/facilitator-guide.md before using it). Anyone
# with its token runs code as the user who started it, so: this machine only unless SESSION_IP
# names an address (put HTTPS in front for a room), no terminals, and never as root unless
# ALLOW_ROOT=1 is given on purpose. SESSION_BEHIND_PROXY=1 accepts requests that an HTTPS
# reverse proxy on this machine forwards under its own host name (still on 127.0.0.1 only).
SESSION_IP ?= 127.0.0.1
SESSION_PORT ?= 8888

session: session-not-root $(RUNTIME_STAMP)
	$(BIN)/jupyter lab --collaborative --ip=$(SESSION_IP) --port=$(SESSION_PORT) --no-browser \
		--notebook-dir=. --ServerApp.terminals_enabled=False \
		--BaseFileIdManager.db_path=$(CURDIR)/$(VENV)/file_id_manager.db \
		$(if $(filter 1,$(SESSION_BEHIND_PROXY)),--ServerApp.allow_remote_access=True,) \
		$(if $(filter 1,$(ALLOW_ROOT)),--allow-root,)

# Checked before anything is installed: a session as root gives every token holder root.
session-not-root:
	@if [ "$$(id -u)" = 0 ] && [ "$(ALLOW_ROOT)" != 1 ]; then \
		echo "make session will not run as root: anyone with the session's token could run"; \
		echo "any command as root on this machine. Run it as an ordinary user, or, only on a"; \
		echo "throwaway machine holding no secrets, say so explicitly: make session ALLOW_ROOT=1"; \
		exit 1; \
	fi

test: $(DEV_STAMP) node-tools $(BUNDLE_STAMP) chromium
	$(MAKE) --no-print-directory lint
	$(MAKE) --no-print-directory book
	$(BIN)/pytest -m "not slow"

# The suites marked slow: a real JupyterHub with twenty learners, the build-cache rebuilds, the
# launcher's small builds and the wheel installed into a fresh venv. They need no built site; CI runs them after `make test`.
test-slow: $(DEV_STAMP) node-tools $(BUNDLE_STAMP) chromium
	$(BIN)/pytest -m slow

serve:
	@test -f $(SITE)/index.html || { echo "No site yet: run make book first."; exit 1; }
	@echo "Serving $(SITE) at http://127.0.0.1:$(PORT)/ (Ctrl+C to stop)"
	$(PYTHON) -m http.server $(PORT) --bind 127.0.0.1 --directory $(SITE)

# One zip for learners without a network: the site, exercises, data, package, a start page.
# WHEELS=1 adds every Python package as a wheel (large), so the exercises install offline too.
offline: book
	$(BIN)/python -m tools.offline_archive $(if $(filter 1,$(WHEELS)),--wheels,)

bench: $(DEV_STAMP) node-tools chromium
	$(BIN)/python -m tools.bench

# Check a folder of a city's own tables: make validate-data DATA=path/to/folder
validate-data: $(RUNTIME_STAMP)
	@test -n "$(DATA)" || { echo "Name the folder: make validate-data DATA=path/to/folder"; exit 2; }
	$(BIN)/python -m leadership_lab.data validate "$(DATA)"

# A cohort summary from a folder of hand-ins: make collect DIR=path/to/hand-ins [OUT=summary.html]
# (the same as `leadership-lab collect DIR`, the command the package installs).
collect: collect-dir-given $(RUNTIME_STAMP)
	$(BIN)/leadership-lab collect "$(DIR)" $(if $(OUT),--out "$(OUT)",)

# Checked before anything is installed.
collect-dir-given:
	@test -n "$(DIR)" || { echo "Name the folder of hand-ins: make collect DIR=path/to/folder"; exit 2; }

# Everything that ships is linted: the package, tests and tools (ruff), the notebooks' code cells
# (ruff through jupytext), the site's scripts (eslint), and the package's layers (import-linter).
lint: $(DEV_STAMP) node-tools
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python -m tools.lint_notebooks
	node_modules/.bin/eslint book/_static
	$(BIN)/lint-imports

format: $(DEV_STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

clean:
	rm -rf _build .cache/leadership-lab-fits .pytest_cache .hypothesis .ruff_cache

# The locks: every package pinned, resolved by uv from pyproject.toml's ranges and extras for
# Python 3.11 (the oldest the course supports, so Debian 12's 3.11.2 can install them). Run after
# changing a range in pyproject.toml; add --upgrade-package NAME (or --upgrade) to move a pin.
lock: $(DEV_STAMP)
	$(BIN)/uv pip compile pyproject.toml --extra book --extra lab --python-version 3.11 --output-file requirements.txt
	$(BIN)/uv pip compile pyproject.toml --extra book --extra lab --extra dev --python-version 3.11 --constraint requirements.txt --output-file requirements-dev.txt

# The venv, and the course's JupyterLab settings in it (MyST notebooks open as notebooks, no news
# prompt), so `jupyter lab` started from this venv any way behaves as `make lab` does; Binder
# (binder/postBuild) and the hub image (deploy/jupyterhub/Dockerfile) install the same file.
$(RUNTIME_STAMP): requirements.txt pyproject.toml book/jupyterlab-overrides.json
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	@mkdir -p $(VENV)/share/jupyter/lab/settings
	cp book/jupyterlab-overrides.json $(VENV)/share/jupyter/lab/settings/overrides.json
	@touch $@

$(DEV_STAMP): $(RUNTIME_STAMP) requirements-dev.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	@touch $@

node-tools: $(NODE_STAMP)

$(NODE_STAMP): package.json package-lock.json
	@command -v npm >/dev/null 2>&1 || { echo "npm is missing: install Node.js and npm (Debian: sudo apt-get install nodejs npm)."; exit 1; }
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

chromium:
	@if command -v chromium >/dev/null 2>&1; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
		echo "Installing Debian's chromium for the browser tests"; \
		apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium; \
	else \
		echo "Chromium is missing. Install it with: sudo apt-get install chromium"; exit 1; \
	fi

# The site's partial plotly.js (committed in book/_static): rebuild after changing
# tools/plotly_bundle/traces.json or upgrading plotly.
plotly-bundle: $(BUNDLE_STAMP)
	node tools/plotly_bundle/build.mjs

$(BUNDLE_STAMP): tools/plotly_bundle/package.json tools/plotly_bundle/package-lock.json
	@command -v npm >/dev/null 2>&1 || { echo "npm is missing: install Node.js and npm (Debian: sudo apt-get install nodejs npm)."; exit 1; }
	cd tools/plotly_bundle && npm ci --no-audit --no-fund --loglevel=error
	@touch $@
