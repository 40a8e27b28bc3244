# photoroom-client pipeline: upstream spec -> overlay -> overlaid spec -> generated client.
# Every target works offline from the pinned copy; only `fetch` tries the network.

PYTHON   ?= python3
VENV     := .venv
PY       := $(VENV)/bin/python
STAMP    := $(VENV)/.installed-stamp
UPSTREAM := openapi/photoroom.upstream.json
OVERLAY  := overlay/photoroom.overlay.yaml
OVERLAID := openapi/photoroom.json
PACKAGE  := generated/photoroom_api
HOST     ?= 127.0.0.1
PORT     ?= 8080
EXAMPLES ?= 1000

.PHONY: install fetch update-spec overlay generate check-generated lint typecheck test \
        emulator demo fuzz bench clean

install: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[emulator,dev]'
	@touch $(STAMP)

# Download the live upstream document and pin it (fails clearly offline, pin untouched).
fetch: install
	$(PY) scripts/pin_spec.py https://image-api.photoroom.com/openapi

# Pin a new upstream version (path or URL), regenerate, and report what changed.
update-spec: install
	@test -n "$(SPEC)" || { echo "usage: make update-spec SPEC=path-or-url" >&2; exit 2; }
	@tmp=$$(mktemp -d) && \
	$(PY) scripts/pin_spec.py "$(SPEC)" --keep-previous $$tmp/previous.json && \
	$(PY) scripts/apply_overlay.py $(UPSTREAM) $(OVERLAY) $(OVERLAID) && \
	$(PY) -m openapi_spec_validator $(OVERLAID) && \
	$(PY) scripts/generate_client.py $(OVERLAID) $(PACKAGE) && \
	echo "--- upstream changes ---" && \
	$(PY) scripts/spec_diff.py $$tmp/previous.json $(UPSTREAM)

overlay: install
	$(PY) scripts/apply_overlay.py $(UPSTREAM) $(OVERLAY) $(OVERLAID) --strict
	$(PY) -m openapi_spec_validator $(OVERLAID)

generate: overlay
	$(PY) scripts/generate_client.py $(OVERLAID) $(PACKAGE)
	$(PY) -c "import photoroom_api.api.image_editing.edit_image_from_url, photoroom_api.api.remove_background.remove_background; print('photoroom_api imports')"

# Fails when a fresh regeneration differs from what is committed.
check-generated: install
	@tmp=$$(mktemp -d) && \
	$(PY) scripts/apply_overlay.py $(UPSTREAM) $(OVERLAY) $$tmp/photoroom.json --strict > /dev/null && \
	{ cmp -s $$tmp/photoroom.json $(OVERLAID) || { echo "$(OVERLAID) is stale: run make generate" >&2; exit 1; }; } && \
	$(PY) scripts/generate_client.py $$tmp/photoroom.json $$tmp/photoroom_api > /dev/null && \
	{ diff -r -q -x __pycache__ $$tmp/photoroom_api $(PACKAGE) || { echo "$(PACKAGE) differs from a fresh regeneration: run make generate" >&2; exit 1; }; } && \
	rm -rf $$tmp && echo "check-generated: $(OVERLAID) and $(PACKAGE) match a fresh regeneration"

lint: install
	$(VENV)/bin/ruff check src scripts tests benchmarks
	$(VENV)/bin/ruff format --check src scripts tests benchmarks

typecheck: install
	$(VENV)/bin/mypy

test: install check-generated lint typecheck
	$(PY) -m pytest -q

emulator: install
	$(VENV)/bin/photoroom-emulator --host $(HOST) --port $(PORT)

demo: install
	$(PY) -m photoroom.demo

fuzz: install
	$(PY) scripts/fuzz.py --examples $(EXAMPLES)

bench: install
	$(PY) -m benchmarks

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache
