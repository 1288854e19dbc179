# The two commands a new machine needs: `make run` and `make test`. Each creates
# .venv and installs what it needs on first use; the stamp re-installs when
# pyproject.toml changes.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

# Until the desktop window exists, `run` shows what the parser makes of the seed page.
run: $(STAMP)
	$(BIN)/gansureader parse tests/fixtures/seed_article.html \
		--url http://gansu.gscn.com.cn/system/2023/12/23/013012345.shtml

test: $(STAMP)
	$(BIN)/ruff check src tests bench tools
	$(BIN)/ruff format --check src tests bench tools
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest

bench: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[test,bench]'
	$(BIN)/python bench/parse.py
	$(BIN)/python bench/sync.py

clean:
	rm -rf $(VENV) build dist .pytest_cache .ruff_cache src/*.egg-info
