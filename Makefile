# Cogport developer commands. `make test` and `make demo` install what they need first.
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-$(shell sha1sum requirements-dev.txt | cut -c1-12)
export QT_QPA_PLATFORM ?= offscreen

.PHONY: test test-matrix demo bench bench-peers clients package install translations deps system-packages venv import-link lint clean

test: deps clients lint
	rm -rf .qgis-settings
	$(PY) -m pytest $(PYTEST_ARGS)

# ruff (lint, then formatting checked) on everything, mypy on the Qt-free core. Settings in pyproject.toml.
lint: venv
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy

# The suite in clean Debian trixie and sid chroots (root only); see scripts/test-matrix.sh for its variables.
test-matrix:
	bash scripts/test-matrix.sh

demo: deps
	PYTHONPATH=.build/import $(PY) scripts/demo.py

bench: deps bench-peers
	PYTHONPATH=.build/import $(PY) -m bench $(BENCH_ARGS)

# dist/cogport-<version>.zip for the Plugin Manager's "Install from ZIP" and plugins.qgis.org.
package:
	/usr/bin/python3 scripts/package.py

# resources/i18n/cogport_<lang>.ts from the code's tr() strings and the .ui files, then the .qm files (lrelease).
translations: system-packages
	/usr/bin/python3 scripts/translations.py

# Into a QGIS profile: QGIS_PROFILE=default, INSTALL_MODE=copy|link, QGIS_PROFILES_PATH (see the script).
install:
	/usr/bin/python3 scripts/install_plugin.py

BENCH_VENV := .venv-bench
BENCH_STAMP := $(BENCH_VENV)/.installed-$(shell sha1sum requirements-bench.txt | cut -c1-12)

bench-peers: $(BENCH_STAMP)

$(BENCH_STAMP): requirements-bench.txt
	test -x $(BENCH_VENV)/bin/python || /usr/bin/python3 -m venv $(BENCH_VENV)
	$(BENCH_VENV)/bin/python -m pip install -q --disable-pip-version-check -r requirements-bench.txt
	rm -f $(BENCH_VENV)/.installed-* && touch $@

# The official Sentinel Hub and Earth Engine clients the fakes are tested against, in their own venv.
CLIENTS_VENV := .venv-clients
CLIENTS_STAMP := $(CLIENTS_VENV)/.installed-$(shell sha1sum requirements-clients.txt | cut -c1-12)

clients: $(CLIENTS_STAMP)

$(CLIENTS_STAMP): requirements-clients.txt
	test -x $(CLIENTS_VENV)/bin/python || /usr/bin/python3 -m venv $(CLIENTS_VENV)
	$(CLIENTS_VENV)/bin/python -m pip install -q --disable-pip-version-check -r requirements-clients.txt
	rm -f $(CLIENTS_VENV)/.installed-* && touch $@

deps: system-packages venv import-link

system-packages:
	@bash scripts/install-system-packages.sh

venv: $(STAMP)

$(STAMP): requirements-dev.txt
	test -x $(PY) || /usr/bin/python3 -m venv --system-site-packages $(VENV)
	$(PY) -m pip install -q --disable-pip-version-check -r requirements-dev.txt
	rm -f $(VENV)/.installed-* && touch $@

# Tests import the plugin as the package `cogport`, as QGIS does once installed.
import-link:
	@mkdir -p .build/import && ln -sfn ../.. .build/import/cogport

clean:
	rm -rf $(VENV) $(BENCH_VENV) $(CLIENTS_VENV) .build .qgis-settings dist
