#!/usr/bin/env bash
# Runs each fuzz target for a while (default 15 minutes), seeded with the corpus of real
# releases. Needs the nightly toolchain and cargo-fuzz (`cargo install cargo-fuzz`).
#   scripts/fuzz.sh [SECONDS] [TARGET…]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-900}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(read_bytes share_decode analyze_text)
for target in "${targets[@]}"; do
  corpus="fuzz/corpus/$target"
  mkdir -p "$corpus"
  case "$target" in
    read_bytes|analyze_text) cp -n tests/fixtures/*.txt tests/fixtures/*.htm "$corpus/" 2>/dev/null || true ;;
  esac
  echo "fuzz: $target for ${seconds}s"
  cargo +nightly fuzz run "$target" "$corpus" -- -max_total_time="$seconds" -max_len=262144 -timeout=10 2>&1 | tail -n 5
done
