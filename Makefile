# DigiHulp: `make run` starts the helper, `make test` runs every test. Both set up what they need.
# `make test-fast` and `make lint` are the quick loop (both run inside `make test`).
BOT := .venv/bot/bin
WEB := .venv/web/bin
MODEL := bot/models/digihulp.tar.gz
TRAINING_INPUTS := bot/config.yml $(shell find bot/domain bot/data -name '*.yml')
export RASA_TELEMETRY_ENABLED := false

.PHONY: setup run test test-fast lint train validate babel-extract babel-update babel-compile content-report lock lock-bot-py311 audit bench bench-model

setup:
	bash scripts/setup.sh

# Retrain only when the model's inputs changed (texts live in content/ and need no training).
$(MODEL): $(TRAINING_INPUTS)
	cd bot && ../$(BOT)/rasa train --domain domain --fixed-model-name digihulp --out models

train: setup $(MODEL)

run: setup $(MODEL)
	$(WEB)/python scripts/stack.py

# Everything: lint, the quick loop, then what needs the stack (the Rasa project, HTTP, Chromium).
test: lint test-fast $(MODEL)
	$(WEB)/python -m pytest -p no:cacheprovider -m slow --ignore=tests/actions tests

# The quick loop: unit and action tests, no processes, no trained model (under a minute).
test-fast: setup
	$(BOT)/python -m pytest -p no:cacheprovider -q tests/actions
	$(WEB)/python -m pytest -p no:cacheprovider -q -m "not slow" --ignore=tests/actions tests

# ruff, with the rule set in pyproject.toml ([tool.ruff.lint]).
lint: setup
	$(WEB)/ruff check .

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

# Pin the web environment anew from pyproject.toml: the run-time set, then the test tools on top.
lock:
	rm -rf .venv/lock && python3 -m venv .venv/lock
	.venv/lock/bin/pip install -q .
	.venv/lock/bin/pip freeze --all --exclude pip --exclude digihulp > requirements/web.lock
	.venv/lock/bin/pip install -q '.[test]'
	.venv/lock/bin/pip freeze --all --exclude pip --exclude digihulp | grep -vxFf requirements/web.lock > requirements/test.lock
	rm -rf .venv/lock

# Pin route B (the bot on Python 3.11, README "Rasa and Python") anew: bot.in with its constraints, frozen.
lock-bot-py311:
	rm -rf .venv/lock-bot && $(or $(BOT_PYTHON),python3.11) -m venv .venv/lock-bot
	MPLSETUPCFG=$(CURDIR)/requirements/mplsetup.cfg .venv/lock-bot/bin/pip install -q --ignore-requires-python \
	  -c requirements/bot-py311-constraints.txt -r requirements/bot.in dask==2022.10.2
	( head -n 2 requirements/bot-py311.lock; .venv/lock-bot/bin/pip freeze --all --exclude pip ) > requirements/bot-py311.lock.new
	mv requirements/bot-py311.lock.new requirements/bot-py311.lock && rm -rf .venv/lock-bot

# Known vulnerabilities in the pinned dependencies (needs the PyPI JSON API or OSV; see README).
audit:
	test -x .venv/audit/bin/pip-audit || (python3 -m venv .venv/audit && .venv/audit/bin/pip install -q pip-audit)
	.venv/audit/bin/pip-audit --no-deps --disable-pip -r requirements/web.lock -r requirements/test.lock
	.venv/audit/bin/pip-audit --no-deps --disable-pip -r requirements/bot.lock

# Measurements (see README "Performance"); each starts what it needs on free ports.
bench: setup $(MODEL)
	$(WEB)/python scripts/bench_chat.py
	$(WEB)/python scripts/bench_page.py
	$(WEB)/python scripts/bench_speech.py
	$(BOT)/python scripts/bench_ido.py

bench-model: setup
	$(WEB)/python scripts/bench_model.py
