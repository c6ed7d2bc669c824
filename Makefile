# scoanalysis — `make help` lists the targets. `make report` and `make test` set everything up.
.DEFAULT_GOAL := help
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
CORPUS ?= data
TABLES ?= data/processed
REPORTS ?= reports
PYTEST_ARGS ?=

help: ## list the targets
	@grep -E '^[a-z][a-zA-Z_-]*:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "} {printf "  make %-10s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	touch $(STAMP)

install: $(STAMP) ## create .venv and install the package with its dependencies

tables: $(STAMP) ## build the tables from data/raw into data/processed
	$(BIN)/scoanalysis build --corpus $(CORPUS) --out $(TABLES)

report: tables ## build the tables, then render every report into reports/
	$(BIN)/scoanalysis report --tables $(TABLES) --out $(REPORTS)

test: $(STAMP) ## run the whole test suite
	$(BIN)/python -m pytest $(PYTEST_ARGS)

test-fast: $(STAMP) ## run the tests that build no corpus and render no notebook (the edit-run loop)
	$(BIN)/python -m pytest -m "not slow" $(PYTEST_ARGS)

golden: $(STAMP) ## rebuild the golden tables of tests/fixtures/corpus (when a change of output is intended)
	rm -rf .golden-build
	$(BIN)/scoanalysis build --corpus tests/fixtures/corpus --out .golden-build --force --quiet
	rm -f tests/fixtures/golden/*
	cp .golden-build/*.csv .golden-build/timeline.json tests/fixtures/golden/
	rm -rf .golden-build

lab: $(STAMP) ## open JupyterLab on notebooks/ with the package importable
	$(BIN)/jupyter lab notebooks/

clean: ## delete built tables and reports (data/raw is never touched)
	rm -rf $(TABLES) $(REPORTS)/*.html

.PHONY: help install tables report test test-fast golden lab clean
