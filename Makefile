# Doorbraak command menu. `make run` and `make test` are all a newcomer needs; `make help` lists the rest.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
HOST ?= 127.0.0.1
PORT ?= 8000
# The demo runs as users see it (Dutch error pages, no debug page listing the URLs); `make run DEBUG=1` for development.
DEBUG ?= 0
CHROMIUM ?= /usr/bin/chromium
# Extra pytest arguments, e.g. `make test PYTEST_ARGS='-k walk -x'`.
PYTEST_ARGS ?=
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: help run test test-fast test-browser setup deps assets migrate seed lint format check browser-deps bench clean

run: setup seed ## set up everything, load the demo and serve it on http://127.0.0.1:8000
	$(PY) manage.py demo_logins --url http://$(HOST):$(PORT)/
	DEBUG=$(DEBUG) $(PY) manage.py runserver --insecure $(HOST):$(PORT)

help: ## this list
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed -E 's/^([a-z-]+):.*## /  make \1\t/'

setup: deps assets migrate ## virtualenv, Python and npm packages, front-end assets, database

$(VENV)/.installed: requirements.txt requirements-dev.txt
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
		|| (echo "Doorbraak needs Python 3.11 or newer: run 'make PYTHON=python3.11 ...'" >&2; exit 1)
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip
	$(PIP) install --quiet -r requirements-dev.txt
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

deps: $(VENV)/.installed node_modules/.installed

assets: node_modules/.installed ## copy the npm front-end packages into static/vendor
	mkdir -p static/vendor
	cp node_modules/@utrecht/component-library-css/dist/index.css static/vendor/utrecht-components.css
	cp node_modules/@utrecht/design-tokens/dist/theme.css static/vendor/utrecht-tokens.css
	cp node_modules/htmx.org/dist/htmx.min.js static/vendor/htmx.min.js
	cp node_modules/chart.js/dist/chart.umd.min.js static/vendor/chart.umd.min.js

migrate: deps
	$(PY) manage.py migrate --no-input -v 0

seed: migrate ## (re)load the demo municipality Voorbeeldstad; safe to repeat
	$(PY) manage.py seed_demo

browser-deps: ## Debian's chromium for the browser tests (never `playwright install`)
	@test -x $(CHROMIUM) || (echo "Installing Debian's chromium for the browser tests" \
		&& apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium)

# `check` (deployment checks) runs first as a prerequisite. Pytest runs last, so the output ends with its summary line. Every step's exit status
# counts; pytest's "no tests collected" (exit 5) fails the target like any other failure.
test: deps assets browser-deps check ## lint, migrations check, deploy check and the whole test suite (DATABASE_URL selects PostgreSQL)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports --no-cache --no-logo
	DJANGO_SETTINGS_MODULE=config.settings.test $(PY) manage.py makemigrations --check --dry-run -v 0
	$(PY) -m pytest $(PYTEST_ARGS)

test-fast: deps assets ## the test suite without the browser tests and the slow end-to-end tests (demo seeding, site crawl)
	$(PY) -m pytest -m "not browser and not slow" $(PYTEST_ARGS)

test-browser: deps assets browser-deps ## only the browser tests (Playwright + Chromium)
	$(PY) -m pytest -m browser $(PYTEST_ARGS)

check: deps ## Django's deployment checks with the production settings
	SECRET_KEY=check-only-$$(date +%s)-not-a-real-secret-key-just-long-enough ALLOWED_HOSTS=doorbraak.example \
		DJANGO_SETTINGS_MODULE=config.settings.prod $(PY) manage.py check --deploy --fail-level WARNING

lint: deps ## ruff lint and format check, and the app layers (import-linter contract in pyproject.toml)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports --no-cache --no-logo

format: deps ## reformat and autofix
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

bench: setup ## every benchmark in bench/ (see bench/README.md)
	@for script in bench/*.py; do echo "== $$script"; $(PY) -m bench.$$(basename $$script .py) || exit 1; done

clean: ## remove everything `make setup` made (the virtualenv, node_modules, assets, the SQLite database)
	rm -rf $(VENV) node_modules static/vendor db.sqlite3
