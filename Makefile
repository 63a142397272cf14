# Doorbraak command menu. `make run` and `make test` are all a newcomer needs.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
HOST ?= 127.0.0.1
PORT ?= 8000
CHROMIUM ?= /usr/bin/chromium

.PHONY: run test setup venv deps assets migrate seed lint format check browser-deps bench clean

run: setup seed ## set up everything and serve the demo on http://127.0.0.1:8000
	$(PY) manage.py demo_logins
	$(PY) manage.py runserver $(HOST):$(PORT)

setup: deps assets migrate

$(VENV)/.installed: requirements.txt requirements-dev.txt
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip
	$(PIP) install --quiet -r requirements-dev.txt
	touch $@

deps: $(VENV)/.installed node_modules/.installed

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

assets: node_modules/.installed
	mkdir -p static/vendor
	cp node_modules/@utrecht/component-library-css/dist/index.css static/vendor/utrecht-components.css
	cp node_modules/@utrecht/design-tokens/dist/theme.css static/vendor/utrecht-tokens.css
	cp node_modules/htmx.org/dist/htmx.min.js static/vendor/htmx.min.js
	cp node_modules/chart.js/dist/chart.umd.min.js static/vendor/chart.umd.min.js

migrate: deps
	$(PY) manage.py migrate --no-input -v 0

seed: migrate
	$(PY) manage.py seed_demo

browser-deps: ## Debian's chromium for the browser tests (no browser downloads here)
	@test -x $(CHROMIUM) || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium)

test: deps assets browser-deps ## lint + the whole test suite (DATABASE_URL selects PostgreSQL)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	DJANGO_SETTINGS_MODULE=config.settings.test $(PY) manage.py makemigrations --check --dry-run -v 0
	$(PY) -m pytest

check: deps ## production settings sanity check
	SECRET_KEY=check-only-$$(date +%s)-not-a-real-secret-key-just-long-enough ALLOWED_HOSTS=doorbraak.example \
		DJANGO_SETTINGS_MODULE=config.settings.prod $(PY) manage.py check --deploy --fail-level WARNING

format: deps
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

bench: setup ## benchmarks (see bench/README.md)
	$(PY) -m bench.run_all

clean:
	rm -rf $(VENV) node_modules static/vendor db.sqlite3
