# Two commands do all the set-up on a fresh machine (Python >= 3.11 and make):
#   make demo   serve the API with demo data (embedded PostgreSQL unless DATABASE_URL is set)
#   make test   run the whole test suite (TEST_DATABASE_URL, else an embedded PostgreSQL)
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test install lint typecheck bench schema clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/participa migrate upgrade
	$(BIN)/participa seed --if-empty
	$(BIN)/participa serve

test: $(STAMP)
	$(BIN)/pytest $(PYTEST_ARGS)

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(STAMP)
	$(BIN)/mypy

bench: $(STAMP)
	$(BIN)/participa bench

schema: $(STAMP)
	$(BIN)/participa export-schema

clean:
	rm -rf $(VENV) var .pytest_cache .mypy_cache .ruff_cache
