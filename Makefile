# 消保工坊 — two commands: `make serve` and `make test`.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
SERVE_ARGS ?=
PYTEST_ARGS ?=

.PHONY: serve test lint bench bench-quick validate clean

$(VENV)/.kit-runtime: pyproject.toml kit/jupyter/kernels/kit-trainee/kernel.json
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e .
	# the trainee kernelspec, for JupyterLab and nbval (kit serve finds it on its JUPYTER_PATH)
	$(PY) -m jupyter kernelspec install --sys-prefix --replace --name kit-trainee \
	  kit/jupyter/kernels/kit-trainee
	touch $@

$(VENV)/.kit-test: pyproject.toml $(VENV)/.kit-runtime tests/browser/axe/package-lock.json
	$(PY) -m pip install --quiet -e '.[test]'
	# axe-core for the accessibility tests (npm registry; injected by the tests, never served)
	if command -v npm >/dev/null; then npm ci --prefix tests/browser/axe --no-audit --no-fund --silent; fi
	touch $@

## make serve: set up (first time) and start the kit on SQLite; prints the URLs.
serve: $(VENV)/.kit-runtime
	$(PY) -m kit validate
	$(PY) -m kit serve $(SERVE_ARGS)

## make test: set up with the test extras and run the whole suite.
test: $(VENV)/.kit-test
	$(PY) -m pytest $(PYTEST_ARGS) || { rc=$$?; [ $$rc -ne 5 ] || \
	  echo "pytest 没有收集到任何测试(退出码 5),视为失败 / no tests collected" >&2; exit $$rc; }

lint: $(VENV)/.kit-test
	$(PY) -m ruff check kit tests benchmarks
	$(PY) -m mypy

validate: $(VENV)/.kit-runtime
	$(PY) -m kit validate

BENCH_ARGS ?=

bench: $(VENV)/.kit-test
	$(PY) -m benchmarks.run $(BENCH_ARGS)

bench-quick: $(VENV)/.kit-test
	$(PY) -m benchmarks.run --quick $(BENCH_ARGS)

clean:
	rm -rf $(VENV) var .pytest_cache .mypy_cache .ruff_cache
