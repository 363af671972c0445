# finmatch: `make run` starts the platform with demo data; `make test` runs every check.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test tools lint typecheck pytest openapi bench clean deploy-check lock

$(BIN)/python:
	$(PYTHON) -m venv $(VENV) || python3 -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/finmatch up --demo

test: $(STAMP) tools lint typecheck pytest

# Debian's docker-compose and chromium, which tests/deploy and tests/console use.
tools:
	@deploy/test-tools.sh

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(STAMP)
	$(BIN)/mypy .

pytest: $(STAMP)
	$(BIN)/python -m pytest -q

openapi: $(STAMP)
	$(BIN)/finmatch openapi

# The deployment files: compose renders (with the example environment), both Kubernetes overlays
# render, and tests/deploy checks them (schemas, probes, secrets, policies, CloudNativePG).
deploy-check: $(STAMP)
	@command -v docker-compose >/dev/null 2>&1 || { echo "deploy-check: docker-compose is missing (apt-get install -y docker-compose)" >&2; exit 1; }
	docker-compose -f deploy/compose.yaml --env-file deploy/compose.env.example config --quiet
	$(BIN)/kubectl kustomize deploy/k8s/overlays/production >/dev/null
	$(BIN)/kubectl kustomize deploy/k8s/overlays/dev >/dev/null
	$(BIN)/python -m pytest -q tests/deploy

# requirements.lock: the image's runtime dependencies, pinned with hashes (no embedded PostgreSQL).
# uv runs from a throwaway virtualenv; run this after changing [project] dependencies.
lock:
	@tmp=$$(mktemp -d) && $(PYTHON) -m venv $$tmp/venv && $$tmp/venv/bin/pip install --quiet uv \
	&& $$tmp/venv/bin/uv pip compile pyproject.toml --universal --python-version 3.11 --generate-hashes \
		--custom-compile-command "make lock" --quiet -o requirements.lock; \
	status=$$?; rm -rf $$tmp; exit $$status

# The performance lines and their baselines (bench/README.md); BENCH_ARGS=--quick for a tiny run.
bench: $(STAMP)
	@command -v wrk >/dev/null || { apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }
	$(BIN)/python -m bench $(BENCH_ARGS)

# The long fault runs (tests/faults, docs/reliability.md): PostgreSQL restarted under load, processes
# killed, misbehaving webhook receivers, a ten-minute soak. CI runs it after `make test` (~25 min).
FINMATCH_FAULTS_SCALE ?= 10
.PHONY: test-faults
test-faults: $(STAMP)
	FINMATCH_FAULTS_SCALE=$(FINMATCH_FAULTS_SCALE) $(BIN)/python -m pytest -q -s -m faults tests

clean:
	rm -rf $(VENV) var .pytest_cache .mypy_cache .ruff_cache

# clients/python/finmatch_client/generated from openapi/gateway.json, with the generator pinned in
# clients/python/generate.py (run after `make openapi`; tests/client checks that it is current).
.PHONY: client
client: $(STAMP)
	$(BIN)/python clients/python/generate.py
