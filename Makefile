# `make run` and `make test` each create or update .venv themselves.
PYTHON ?= python3
# Named for this project: a VENV set for some other project must not be installed into.
MOCKINT_VENV ?= .venv
PY := $(MOCKINT_VENV)/bin/python
STAMP := $(MOCKINT_VENV)/.installed

.PHONY: run test lint bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(MOCKINT_VENV)
	$(PY) -m pip install --quiet --upgrade pip
	# torch first and exactly: the local CPU wheel (see DEVELOPERS notes in README)
	$(PY) -m pip install --quiet torch==2.13.0
	$(PY) -m pip install --quiet -e '.[test,lint]'
	touch $(STAMP)

run: $(STAMP)
	$(MOCKINT_VENV)/bin/mockint $(ARGS)

test: $(STAMP)
	$(PY) -m pytest $(PYTEST_ARGS)

# ruff (lint and format), mypy (strict on the core, tui/ and pair/; see pyproject.toml) and
# the import contracts (lint-imports); any finding fails.
lint: $(STAMP)
	$(MOCKINT_VENV)/bin/ruff check .
	$(MOCKINT_VENV)/bin/ruff format --check .
	$(MOCKINT_VENV)/bin/mypy
	$(MOCKINT_VENV)/bin/lint-imports --no-cache

bench: $(STAMP)
	$(PY) benchmarks/startup.py

clean:
	rm -rf $(MOCKINT_VENV) dist build
