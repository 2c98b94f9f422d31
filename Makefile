# The two set-up commands of README.md. Everything installs into .venv beside this file.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: site test clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Install digest and build the sample site (content/) into build/.
site: $(BIN)/python
	$(BIN)/pip install --quiet -e .
	$(BIN)/digest build

# Install digest with its test tools and run the test suite.
test: $(BIN)/python
	$(BIN)/pip install --quiet -e '.[test]'
	$(BIN)/pytest -q

clean:
	rm -rf build .pytest_cache
