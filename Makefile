# govcrawl: `make demo` crawls the bundled sample portals and serves metadata.db with Datasette;
# `make test` runs the test suite. Both set up everything first (`make setup`).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: setup demo test lock clean

setup: $(VENV)/.installed

$(VENV)/.installed: requirements.lock pyproject.toml debian-packages.txt
	scripts/install-system-deps
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements.lock
	$(BIN)/pip install --quiet --no-deps -e .
	touch $@

demo: setup
	$(BIN)/govcrawl demo

test: setup
	$(BIN)/python -m pytest

# Re-pin after changing dependencies in pyproject.toml.
lock:
	rm -rf .venv-lock && $(PYTHON) -m venv .venv-lock
	.venv-lock/bin/pip install --quiet ".[test]"
	.venv-lock/bin/pip freeze --exclude govcrawl > requirements.lock
	rm -rf .venv-lock

clean:
	rm -rf $(VENV) metadata.db metadata.db-* metadata.datasette.json archive/*/ .pytest_cache
