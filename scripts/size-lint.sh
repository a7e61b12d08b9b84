#!/usr/bin/env bash
# Fails when code that goes into the wasm (src/, but not the native CLI in src/bin) calls the
# standard library's sorts or Unicode case mapping (docs/size.md, "The size lint"): every sort
# call site compiles another copy of the std sort (use crate::sort), and a single to_lowercase or
# to_uppercase brings std's Unicode case tables into the wasm (use crate::case); so does
# char's is_alphabetic, is_alphanumeric, is_numeric, is_lowercase or is_uppercase with its
# own table (use crate::case's Latin-1 ones).
set -euo pipefail
cd "$(dirname "$0")/.."
hits=$(grep -rnE '\.sort(_by|_by_key|_by_cached_key|_unstable|_unstable_by|_unstable_by_key)?\(|\bto_(lower|upper)case\b|(\.|char::)is_(alphabetic|alphanumeric|numeric|lowercase|uppercase)\b' \
  src --include='*.rs' | grep -vE '^src/(bin/|sort\.rs|case\.rs)' || true)
if [ -n "$hits" ]; then
  echo "size-lint: use crate::sort and crate::case in wasm code:" >&2
  echo "$hits" >&2
  exit 1
fi
