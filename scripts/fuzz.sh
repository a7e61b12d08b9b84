#!/usr/bin/env bash
# Runs each fuzz target for a while (default 15 minutes), seeded with the corpus of real
# releases, and prints one summary line per target (executions, time, new artifacts).
# Needs the nightly toolchain and cargo-fuzz (`cargo install cargo-fuzz`). Not part of
# `make test`: every crash found becomes a fixture in tests/fuzz_findings/ replayed by
# tests/fuzz_regressions.rs.
#   scripts/fuzz.sh [SECONDS] [TARGET…]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-900}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(read_bytes read_html share_decode analyze_text read_pdf)
mkdir -p fuzz/logs
for target in "${targets[@]}"; do
  corpus="fuzz/corpus/$target"
  mkdir -p "$corpus" "fuzz/artifacts/$target"
  extra=()
  case "$target" in
    read_bytes|analyze_text) cp -n tests/fixtures/*.txt tests/fixtures/*.htm "$corpus/" 2>/dev/null || true ;;
    # The small PDFs only: a seed of megabytes makes each run slow.
    read_pdf) find tests/fixtures/pdf -name '*.pdf' -size -400k -exec cp -n {} "$corpus/" \; ;;
    share_decode)
      # Crafted-mode seeds (see fuzz_targets/share_decode.rs): the wire layout of every link
      # in the corpus behind 0xFE, and a bomb of zeros behind 0xFF.
      python3 - "$corpus" <<'PY'
import base64, hashlib, os, sys, zlib
corpus = sys.argv[1]
def put(data):
    open(os.path.join(corpus, "crafted-" + hashlib.sha1(data).hexdigest()), "wb").write(data)
for name in os.listdir(corpus):
    body = open(os.path.join(corpus, name), "rb").read().strip()
    try:
        raw = base64.urlsafe_b64decode(body + b"=" * (-len(body) % 4))
        put(bytes([0xFE]) + raw[:2] + zlib.decompress(raw[2:]))
    except Exception:
        pass
put(bytes([0xFF, 0, 0, 0xFF, 0xFF, 0]))
PY
      ;;
    read_html)
      cp -n tests/fixtures/*.htm "$corpus/" 2>/dev/null || true
      extra=(-dict=fuzz/html.dict) ;;
  esac
  before=$(ls "fuzz/artifacts/$target" | wc -l)
  log="fuzz/logs/$target.log"
  echo "fuzz: $target for ${seconds}s (log: $log)"
  status=0
  cargo +nightly fuzz run "$target" "$corpus" -- -max_total_time="$seconds" -max_len=262144 \
    -timeout=10 "${extra[@]}" >"$log" 2>&1 || status=$?
  runs=$(grep -o 'Done [0-9]* runs in [0-9]* second' "$log" | tail -n 1 || true)
  after=$(ls "fuzz/artifacts/$target" | wc -l)
  echo "fuzz: $target: ${runs:-no summary (exit $status)}; corpus $(ls "$corpus" | wc -l) inputs; new artifacts $((after - before))"
  [ "$status" -eq 0 ] || tail -n 30 "$log"
done
