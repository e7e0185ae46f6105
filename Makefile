# govcrawl: `make demo` crawls the bundled sample portals and serves metadata.db with Datasette;
# `make test` runs the test suite. Both set up everything first (`make setup`).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: setup demo test lock clean

# ReplayWeb.page (npm `replaywebpage`, pinned and checked) for archive replay in `govcrawl serve`:
# bundled here at setup, never fetched while serving. The folder's contents are git-ignored.
REPLAYWEBPAGE := replaywebpage@2.5.3
REPLAYWEBPAGE_SHA256 := b7d35c39c4da9b7121c5a393911d8675d4cc6f19513c380191e16b086bea812c
REPLAY_ASSETS := govcrawl/publish/replay_assets

setup: $(VENV)/.installed $(REPLAY_ASSETS)/ui.js

$(VENV)/.installed: requirements.lock pyproject.toml debian-packages.txt
	scripts/install-system-deps
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements.lock
	$(BIN)/pip install --quiet --no-deps -e .
	touch $@

$(REPLAY_ASSETS)/ui.js:
	rm -rf $(REPLAY_ASSETS)/.pack && mkdir -p $(REPLAY_ASSETS)/.pack
	cd $(REPLAY_ASSETS)/.pack && npm pack --silent $(REPLAYWEBPAGE) >/dev/null
	echo "$(REPLAYWEBPAGE_SHA256)  $$(ls $(REPLAY_ASSETS)/.pack/*.tgz)" | sha256sum -c --quiet
	tar -xzf $(REPLAY_ASSETS)/.pack/*.tgz -C $(REPLAY_ASSETS)/.pack package/ui.js package/sw.js package/LICENSE
	mv $(REPLAY_ASSETS)/.pack/package/sw.js $(REPLAY_ASSETS)/.pack/package/LICENSE $(REPLAY_ASSETS)/
	mv $(REPLAY_ASSETS)/.pack/package/ui.js $(REPLAY_ASSETS)/ui.js
	rm -rf $(REPLAY_ASSETS)/.pack

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
