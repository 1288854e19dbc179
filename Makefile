# The two commands a new machine needs: `make run` and `make test`. Each creates
# .venv and installs what it needs on first use; the stamp re-installs when
# pyproject.toml changes.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
TS := resources/translations/gansureader_zh_CN.ts

.PHONY: run test bench package translations clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

# The app on the bundled demo site, served from this computer: no network needed.
run: $(STAMP)
	$(BIN)/gansureader --demo

test: $(STAMP)
	$(BIN)/ruff check src tests bench tools
	$(BIN)/ruff format --check src tests bench tools
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -m "not package"

bench: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[test,bench]'
	$(BIN)/python bench/parse.py
	$(BIN)/python bench/sync.py
	$(BIN)/python bench/gui.py
	$(BIN)/python bench/cleanup.py
	$(BIN)/python bench/feeds.py

# Linux: the onedir bundle (dist/gansureader/) and a .deb, both self-tested, then the budgets.
package: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[test,package]'
	$(BIN)/pyinstaller --noconfirm --clean --log-level WARN --distpath dist --workpath build \
		packaging/gansureader.spec
	$(BIN)/python packaging/notices.py dist/gansureader
	env -u QT_QPA_PLATFORM dist/gansureader/gansureader --self-test
	packaging/linux/build_deb.sh
	lintian --fail-on error,warning dist/gansureader_*.deb  # packaging/linux/lintian-overrides
	$(BIN)/python -m pytest -m package
	$(BIN)/python bench/package.py

# After changing user-visible text in src/gansureader/ui: update the .ts (translate the new
# entries, e.g. with pyside6-linguist), then compile the .qm that ships.
translations: $(STAMP)
	$(BIN)/pyside6-lupdate src/gansureader/ui/*.py src/gansureader/store/query.py \
		src/gansureader/reasons.py -ts $(TS) \
		-target-language zh_CN
	$(BIN)/pyside6-lrelease $(TS) -qm $(TS:.ts=.qm)

clean:
	rm -rf $(VENV) build dist .pytest_cache .ruff_cache src/*.egg-info
