# photoroom-client pipeline: upstream spec -> overlay -> overlaid spec -> generated client.
# Every target works offline from the pinned copy; only `fetch` tries the network.

PYTHON   ?= python3
# VENV=/path/to/.venv reuses an existing environment; add `-o $(STAMP)` (make's --assume-old)
# to never reinstall into it, e.g. `make -o /x/.venv/.installed-stamp VENV=/x/.venv update-spec`.
VENV     ?= .venv
PY       := $(VENV)/bin/python
STAMP    := $(VENV)/.installed-stamp
UPSTREAM_URL := https://image-api.photoroom.com/openapi
UPSTREAM := openapi/photoroom.upstream.json
OVERLAY  := overlay/photoroom.overlay.yaml
OVERLAID := openapi/photoroom.json
PACKAGE  := generated/photoroom_api
TABLES   := src/photoroom/_generated
SPEC_TABLES := src/photoroom/spec/_generated
HOST     ?= 127.0.0.1
PORT     ?= 8080
EXAMPLES ?= 1000

.PHONY: install browser curl fetch update-spec overlay generate check-generated lint lint-workflows typecheck test \
        emulator demo fuzz bench clean

install: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[emulator,parity,dev]'
	@touch $(STAMP)

# update-spec from the live upstream document (offline: fails clearly, nothing touched).
fetch: install
	$(PY) -m scripts.update_spec $(UPSTREAM_URL) $(if $(filter 1,$(ALLOW_BREAKING)),--allow-breaking)

# Pin a new upstream version (path or URL, JSON or YAML), overlay, validate, regenerate, smoke
# test, report what changed; all or nothing (any failure restores every file it touched).
# Breaking upstream changes are refused unless ALLOW_BREAKING=1.
update-spec: install
	@test -n "$(SPEC)" || { echo "usage: make update-spec SPEC=path-or-url [ALLOW_BREAKING=1]" >&2; exit 2; }
	$(PY) -m scripts.update_spec "$(SPEC)" $(if $(filter 1,$(ALLOW_BREAKING)),--allow-breaking)

overlay: install
	$(PY) -m scripts.apply_overlay $(UPSTREAM) $(OVERLAY) $(OVERLAID) --strict
	$(PY) -m openapi_spec_validator $(OVERLAID)

generate: overlay
	$(PY) -m scripts.generate_client $(OVERLAID) $(PACKAGE)
	$(PY) -c "import photoroom_api.api.image_editing.edit_image_from_url, photoroom_api.api.remove_background.remove_background; print('photoroom_api imports')"

# Fails when a fresh regeneration differs from what is committed.
check-generated: install
	@tmp=$$(mktemp -d) && \
	$(PY) -m scripts.apply_overlay $(UPSTREAM) $(OVERLAY) $$tmp/photoroom.json --strict > /dev/null && \
	{ cmp -s $$tmp/photoroom.json $(OVERLAID) || { echo "$(OVERLAID) is stale: run make generate" >&2; exit 1; }; } && \
	$(PY) -m scripts.generate_client $$tmp/photoroom.json $$tmp/photoroom_api --tables-dir $$tmp/tables > /dev/null && \
	{ diff -r -q -x __pycache__ $$tmp/photoroom_api $(PACKAGE) || { echo "$(PACKAGE) differs from a fresh regeneration: run make generate" >&2; exit 1; }; } && \
	for dir in $(TABLES) $(SPEC_TABLES); do \
	  diff -r -q -x __pycache__ $$tmp/tables/$${dir#src/photoroom/} $$dir || { echo "$$dir differs from a fresh regeneration: run make generate" >&2; exit 1; }; \
	done && \
	rm -rf $$tmp && echo "check-generated: $(OVERLAID), $(PACKAGE), $(TABLES) and $(SPEC_TABLES) match a fresh regeneration"

lint: install lint-workflows
	$(VENV)/bin/ruff check src scripts tests benchmarks
	$(VENV)/bin/ruff format --check src scripts tests benchmarks
	$(VENV)/bin/lint-imports

# actionlint on the GitHub workflows (the wheel bundles the binary: runs offline).
lint-workflows: install
	@if [ -x $(VENV)/bin/actionlint ]; then \
	  $(VENV)/bin/actionlint .github/workflows/*.yml && echo "lint-workflows: ok"; \
	else echo "lint-workflows: skipped, actionlint is not installed (wheel: Linux x86_64 only)"; fi

typecheck: install
	$(VENV)/bin/mypy

# Headless Chromium renders the batch review sheet in tests/batch/test_review.py (Debian's).
browser:
	@command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 || \
	{ echo "installing Debian's chromium for the review-sheet test"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

# The real curl runs the commands --dry-run prints, in tests/client/test_cli_dry_run.py.
curl:
	@command -v curl >/dev/null 2>&1 || \
	{ echo "installing Debian's curl for the --dry-run test"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq curl >/dev/null; }

test: install browser curl check-generated lint typecheck
	$(PY) -m pytest -q --durations=25

emulator: install
	$(VENV)/bin/photoroom-emulator --host $(HOST) --port $(PORT)

demo: install
	$(PY) -m photoroom.demo

fuzz: install
	$(PY) -m scripts.fuzz --examples $(EXAMPLES)

bench: install
	$(PY) -m benchmarks

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache
