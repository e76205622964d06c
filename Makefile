# framegen: `make generate` then `make test` on a fresh machine (Python 3.11+, Go 1.22+).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-$(shell cat pyproject.toml constraints.txt | cksum | cut -d' ' -f1)
export GOTOOLCHAIN := local
export GOFLAGS := -mod=mod

.PHONY: generate test test-py test-go check lint diff bench fuzz update-golden validate-examples conformance vectors clean

# A path file in the virtualenv's site-packages that puts generated/python on sys.path, so `import sync_protocol`
# works in .venv. It names the folder relative to itself (the venv lives in the project): the same line
# whatever the working directory.
GENERATED_PTH := import os, sys, sysconfig; site = sysconfig.get_path("purelib"); \
	target = os.path.join(os.path.dirname(sys.prefix), "generated", "python"); \
	open(os.path.join(site, "framegen-generated.pth"), "w").write(os.path.relpath(target, site) + "\n")

# Create the virtualenv and install the toolkit (editable) with its test tools, once per pyproject change;
# the generated package becomes importable from it too (make generate writes it).
$(STAMP): pyproject.toml constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[dev]'
	$(BIN)/python -c '$(GENERATED_PTH)'
	rm -f $(VENV)/.installed-* && touch $@

generate: $(STAMP)  ## render generated/ and the types fixture (tests/types); then `import sync_protocol` works in .venv
	$(BIN)/framegen generate
	$(BIN)/framegen --config tests/types/pyproject.toml generate

test: test-py test-go  ## the whole suite: pytest (incl. Python<->Go parity) and go test

test-py: $(STAMP)
	$(BIN)/pytest

test-go:
	cd tests/go && go test ./...

check: $(STAMP)  ## generated/ up to date, and every linter clean
	$(BIN)/framegen generate --check
	$(BIN)/framegen --config tests/types/pyproject.toml generate --check
	$(MAKE) --no-print-directory lint

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	@test -z "$$(gofmt -l generated/go tests/go tests/types/generated/go)" || { gofmt -l generated/go tests/go tests/types/generated/go; echo "gofmt: files above need formatting"; exit 1; }
	cd generated/go && go vet ./...
	cd tests/types/generated/go && go vet ./...
	cd tests/go && go vet ./...

BASE ?= origin/main
diff: $(STAMP)  ## semantic schema diff against BASE (a git revision or a file): make diff BASE=origin/main
	$(BIN)/framegen diff --against $(BASE)

bench: $(STAMP)  ## benchmarks (not tests): Python peers, decoder limits, Go -bench; see docs/benchmarks.md
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[bench]'
	mkdir -p .bench
	$(BIN)/python bench/bench.py | tee .bench/python.txt
	$(BIN)/python bench/limits.py | tee .bench/limits.txt
	$(BIN)/python bench/toolkit.py | tee .bench/toolkit.txt
	cd tests/go && for i in 1 2 3 4 5; do go test ./bench -run '^$$' -bench . -benchmem -count 1; done | tee ../../.bench/go.txt
	$(BIN)/python bench/report.py > docs/benchmarks.md
	@echo "wrote docs/benchmarks.md"

conformance: $(STAMP)  ## both runners over tests/vectors (types/ too): a summary line per language, Python also without msgspec
	@$(BIN)/python tests/conformance/runner.py; py=$$?; \
	FRAMEGEN_NO_FAST_PATH=1 $(BIN)/python tests/conformance/runner.py; exact=$$?; \
	(cd tests/go && go run ./cmd/conformance ../vectors); go=$$?; \
	test $$py -eq 0 -a $$exact -eq 0 -a $$go -eq 0

vectors: $(STAMP)  ## re-record tests/vectors (and types/) from tests/vectors/author*.py (Go is the reference); review the diff
	$(BIN)/python tests/vectors/author.py

fuzz: $(STAMP)  ## long runs: 100,000 mutated inputs (Python: DecodeError only, round trips), 100,000 grammar inputs (Python vs Go), hypothesis x40, Go native fuzzing for 60 s
	$(BIN)/python tests/fuzz/mutate.py --count $${FUZZ_COUNT:-100000} --seed $${FUZZ_SEED:-1}
	$(BIN)/python tests/fuzz/structured.py --count $${FUZZ_COUNT:-100000} --seed $${FUZZ_SEED:-1}
	FRAMEGEN_EXAMPLES=$${FRAMEGEN_EXAMPLES:-20000} $(BIN)/pytest tests/test_properties.py tests/fuzz
	cd tests/go && go test ./fuzz -run '^$$' -fuzz FuzzDecodeValidate -fuzztime $${GO_FUZZTIME:-60s}

update-golden: $(STAMP)  ## rewrite tests/golden/cases/*/expected; review the diff like code
	$(BIN)/pytest tests/golden --update-golden

validate-examples: $(STAMP)
	$(BIN)/framegen validate --lint schema/examples/valid/*.json

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .hypothesis
