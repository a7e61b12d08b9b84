#!/usr/bin/env bash
# Installs what building, serving and testing Assay needs, skipping what is already there at
# the right version. Only package registries are contacted (crates.io, npm, Debian).
#
#   scripts/setup.sh build   wasm32 target, trunk, wasm-bindgen-cli, wasm-opt, esbuild
#   scripts/setup.sh test    the above, plus Chromium and chromedriver (Debian packages)
set -euo pipefail

TRUNK_VERSION=0.21.14
# Must equal the `wasm-bindgen = "=…"` pin in Cargo.toml: trunk downloads a matching CLI from
# GitHub on a mismatch, which fails offline.
WASM_BINDGEN_VERSION=0.2.130
BINARYEN_VERSION=132.0.0
ESBUILD_VERSION=0.24.2
TOOLS="${ASSAY_TOOLS:-$HOME/.cache/assay}"

say() { printf 'setup: %s\n' "$*"; }

ensure_wasm_target() {
  if rustup target list --installed | grep -qx wasm32-unknown-unknown; then return; fi
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
}

# `cargo install --debug` builds in about a quarter of the time of a release build on 2 cores;
# the debug tools produce the same site, about a second slower per build.
ensure_cargo_tool() { # binary, version, crate, extra cargo-install flags…
  local bin=$1 version=$2 crate=$3; shift 3
  if command -v "$bin" >/dev/null && "$bin" --version 2>/dev/null | grep -q " $version\b"; then return; fi
  say "installing $crate $version (a few minutes, once)"
  cargo install --debug "$@" "$crate" --version "$version"
}

# An npm package in its own folder, $TOOLS/<package>-<version> (the Makefile puts its
# node_modules/.bin on PATH).
ensure_npm_tool() { # binary, package, version
  local bin=$1 package=$2 version=$3 dir="$TOOLS/$2-$3"
  if [ -x "$dir/node_modules/.bin/$bin" ]; then return; fi
  say "installing $bin from npm's $package@$version"
  mkdir -p "$dir"
  (cd "$dir" && npm install --no-audit --no-fund --silent "$package@$version" >/dev/null)
}

ensure_chromium() {
  if command -v chromium >/dev/null && command -v chromedriver >/dev/null; then return; fi
  if [ "$(id -u)" != 0 ]; then
    echo "setup: Chromium and chromedriver are missing. As root run:" >&2
    echo "  apt-get update && apt-get install -y chromium chromium-driver" >&2
    exit 1
  fi
  say "installing Chromium and chromedriver from Debian"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
}

ensure_wasm_target
ensure_cargo_tool trunk "$TRUNK_VERSION" trunk --locked
# --locked fails for wasm-bindgen-cli: its lockfile wants a webpki-roots the registry lacks.
ensure_cargo_tool wasm-bindgen "$WASM_BINDGEN_VERSION" wasm-bindgen-cli
# Debian's binaryen (108) cannot read current wasm-bindgen output; npm's build can.
ensure_npm_tool wasm-opt binaryen "$BINARYEN_VERSION"
# esbuild minifies wasm-bindgen's JS glue after the build (scripts/minify_glue.sh); trunk's own
# minifier fails on it.
ensure_npm_tool esbuild esbuild "$ESBUILD_VERSION"
if [ "${1:-build}" = test ]; then ensure_chromium; fi
