# Assay's commands. `make serve` and `make test` install whatever is missing first
# (scripts/setup.sh), and contact nothing but the package registries.
SHELL := bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

TOOLS ?= $(HOME)/.cache/assay
export PATH := $(HOME)/.cargo/bin:$(TOOLS)/binaryen-132.0.0/node_modules/.bin:$(TOOLS)/esbuild-0.24.2/node_modules/.bin:$(PATH)
# trunk checks crates.io for a newer version at start-up unless told not to; offline, it
# also passes --offline to cargo (`make fetch` reads the registry once first).
export TRUNK_SKIP_VERSION_CHECK := true
export CHROMEDRIVER ?= /usr/bin/chromedriver
export WASM_BINDGEN_TEST_TIMEOUT ?= 120
export TRUNK_OFFLINE := true
TRUNK := trunk

.PHONY: help fetch setup serve dist test test-native test-growth test-wasm test-e2e lint size screenshots chart-previews bench bench-series bench-browser

help:
	@echo "make serve        serve the app at http://127.0.0.1:8080 (Hecla sample built in)"
	@echo "make test         run every test: lint, native, wasm in Chromium, end-to-end"
	@echo "make dist         build the deployable static site into dist/"
	@echo "make screenshots  regenerate docs/screenshot.png from headless Chromium"
	@echo "make bench        native benchmarks of reading and analysis"
	@echo "make bench-series assay series on 100 releases (the fixtures, taken in turn)"
	@echo "make bench-browser  in-browser benchmarks: the sample read to drawn, 50 releases on the series page"
	@echo "make chart-previews every corpus chart as SVG in /tmp/figure-previews/"

setup:
	scripts/setup.sh build

# Offline trunk passes --offline to cargo, so the registry is read once here.
fetch:
	cargo fetch --quiet

serve: setup fetch
	$(TRUNK) serve --release

dist: setup fetch
	$(TRUNK) build --release

lint: fetch
	cargo fmt --check
	cargo clippy --all-targets --quiet -- -D warnings
	# tests/web.rs includes the native JSON that wasm_parity writes: write it first, so a
	# fresh clone lints too.
	cargo test --quiet --test wasm_parity
	cargo clippy --target wasm32-unknown-unknown --lib --bins --test web --quiet -- -D warnings
	scripts/size-lint.sh

test-native: fetch
	cargo test --quiet

# Growth ratios on pathological inputs, in an optimised build (the code users run; the debug
# build would take minutes on the issue's input sizes).
test-growth: fetch
	cargo test --profile bench-native --test growth -- --include-ignored --nocapture

# The wasm test compares its JSON with the native one, which wasm_parity writes first.
test-wasm: fetch
	cargo test --quiet --test wasm_parity
	cargo test --target wasm32-unknown-unknown --test web

size: dist
	scripts/size-budget.sh dist

test-e2e: dist
	cargo test --test e2e -- --include-ignored --test-threads=1

test:
	scripts/setup.sh test
	$(MAKE) --no-print-directory lint test-native test-growth test-wasm size test-e2e

# Tools, not tests: they live in examples/ and share the tests' helpers (tests/support/).
screenshots: dist
	cargo run --quiet --example screenshots

chart-previews: fetch
	cargo run --quiet --example chart_previews

bench: fetch
	cargo run --profile bench-native --quiet -- bench tests/fixtures/*.txt

# A benchmark, not a test: nothing asserts its time.
bench-series: fetch
	cargo run --profile bench-native --quiet -- bench --series tests/fixtures/*.txt tests/fixtures/*.htm tests/fixtures/edgar tests/fixtures/wire

bench-browser: dist
	cargo run --quiet --example bench_browser
