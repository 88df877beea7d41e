#!/usr/bin/env bash
# Runs every fuzz target for SECONDS (default 300) each, seeded from the corpus of real advisories.
#   fuzz/run.sh [SECONDS] [TARGET...]
# Needs cargo-fuzz (`cargo install cargo-fuzz`) and a nightly toolchain (`rustup toolchain install nightly`).
# New inputs go to fuzz/corpus/TARGET, crashes to fuzz/artifacts/TARGET (both ignored by git).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
root="$(pwd)"
seconds="${1:-300}"
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(csaf cvrf convert)
for t in "${targets[@]}"; do
  case "$t" in
    csaf) seeds=("$root/corpus/csaf" "$root/corpus/csaf-2.1") ;;
    *) seeds=("$root/corpus/cvrf") ;;
  esac
  mkdir -p "$root/fuzz/corpus/$t"
  echo "--- fuzzing $t for ${seconds}s"
  # -timeout: one input taking longer is a hang; -rss_limit_mb: memory is bounded;
  # -max_len: inputs up to 1 MiB (the seeds are real advisories of up to a few hundred KiB)
  # (release build with debug assertions: integer overflow is a crash too)
  cargo +nightly fuzz run "$t" "$root/fuzz/corpus/$t" "${seeds[@]}" -- \
    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=1048576 \
    -dict="$root/fuzz/dict/$t.dict" -print_final_stats=1
done
