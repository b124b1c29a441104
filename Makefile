# DigiHulp: `make run` starts the helper, `make test` runs every test. Both set up what they need.
PORT ?= 8000
BOT := .venv/bot/bin
WEB := .venv/web/bin
MODEL := bot/models/digihulp.tar.gz
TRAINING_INPUTS := bot/config.yml $(shell find bot/domain bot/data -name '*.yml')
export RASA_TELEMETRY_ENABLED := false

.PHONY: setup run test train validate babel-extract babel-update babel-compile content-report audit bench bench-model

setup:
	bash scripts/setup.sh

# Retrain only when the model's inputs changed (texts live in content/ and need no training).
$(MODEL): $(TRAINING_INPUTS)
	cd bot && ../$(BOT)/rasa train --domain domain --fixed-model-name digihulp --out models

train: setup $(MODEL)

run: setup $(MODEL)
	$(WEB)/python scripts/stack.py --port $(PORT)

test: setup $(MODEL)
	$(BOT)/python -m pytest -p no:cacheprovider tests/actions
	$(WEB)/python -m pytest -p no:cacheprovider --ignore=tests/actions tests

validate: setup
	cd bot && ../$(BOT)/rasa data validate --domain domain --fail-on-warnings

content-report: setup
	$(WEB)/flask --app web content-report $(if $(TODAY),--today $(TODAY))

# Interface strings: extract from code and templates, update each language, compile.
babel-extract: setup
	$(WEB)/pybabel extract -F babel.cfg -o locales/messages.pot --no-location --project DigiHulp --copyright-holder DigiHulp web

babel-update: babel-extract
	$(WEB)/pybabel update -i locales/messages.pot -d locales --no-fuzzy-matching --ignore-obsolete

babel-compile: setup
	$(WEB)/pybabel compile -d locales --statistics

# Known vulnerabilities in the pinned dependencies (needs the PyPI JSON API or OSV; see README).
audit:
	test -x .venv/audit/bin/pip-audit || (python3 -m venv .venv/audit && .venv/audit/bin/pip install -q pip-audit)
	.venv/audit/bin/pip-audit --no-deps --disable-pip -r requirements/web.lock
	.venv/audit/bin/pip-audit --no-deps --disable-pip -r requirements/bot.lock

# Measurements (see README "Performance"); each starts what it needs on free ports.
bench: setup $(MODEL)
	$(WEB)/python scripts/bench_chat.py
	$(WEB)/python scripts/bench_page.py
	$(WEB)/python scripts/bench_speech.py
	$(BOT)/python scripts/bench_ido.py

bench-model: setup
	$(WEB)/python scripts/bench_model.py
