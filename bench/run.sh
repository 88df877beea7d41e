#!/usr/bin/env bash
# Benchmark of `csaflint validate`: documents/s, MB/s and peak memory for the presets basic, extended and
# full, next to the parse-only floor (the hidden flag `validate --parse-only`: read and parse each file with
# serde_json / quick-xml, validate nothing), over the developer corpus (csaf, cvrf, both) and each of its
# large files.
#
#   bench/run.sh [CORPUS]        CORPUS defaults to ../shared/corpus (needs csaf/, cvrf/, large/)
#
# Environment: RUNS (default 3; the best wall time and the highest peak memory are kept), JOBS (passed as
# --jobs; default: one thread per core). Needs GNU time (/usr/bin/time; Debian: `apt-get install time`).
# Prints Markdown tables (the README's "Performance" section is made from them).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

CORPUS="${1:-../shared/corpus}"
RUNS="${RUNS:-3}"
JOBS_FLAG=()
if [ -n "${JOBS:-}" ]; then JOBS_FLAG=(--jobs "$JOBS"); fi
TIME=/usr/bin/time
if [ ! -x "$TIME" ]; then
  echo "bench/run.sh needs GNU time at /usr/bin/time (Debian: apt-get install time)" >&2
  exit 2
fi
for d in csaf cvrf large; do
  [ -d "$CORPUS/$d" ] || { echo "no $CORPUS/$d" >&2; exit 2; }
done

cargo build --release --quiet
BIN=target/release/csaflint
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

docs() { find "$@" -type f \( -iname '*.json' -o -iname '*.xml' \) | wc -l; }
bytes() { find "$@" -type f \( -iname '*.json' -o -iname '*.xml' \) -printf '%s\n' | awk '{s += $1} END {print s + 0}'; }

# run MODE PATHS...: sets SECS (best wall time of RUNS), CPU (best user + system time of RUNS) and PEAK_KB
# (highest maximum resident set size). CPU time is the steadier measure on a machine shared with other work.
run() {
  local mode=$1
  shift
  local flags=(--preset "$mode")
  if [ "$mode" = parse-only ]; then flags=(--parse-only); fi
  SECS=""
  CPU=""
  PEAK_KB=0
  for _ in $(seq "$RUNS"); do
    local t0 t1 rc=0
    t0=$(date +%s%N)
    "$TIME" -v -o "$TMP/time" "$BIN" validate --no-config --quiet --format jsonl "${JOBS_FLAG[@]}" \
      "${flags[@]}" "$@" > "$TMP/out" 2> "$TMP/err" || rc=$?
    t1=$(date +%s%N)
    if [ "$rc" -gt 1 ]; then
      echo "csaflint failed ($rc) on $mode $*:" >&2
      cat "$TMP/err" "$TMP/time" >&2
      exit 1
    fi
    local s c kb
    s=$(awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.3f", (b - a) / 1e9}')
    c=$(awk -F': ' '/User time|System time/ {t += $2} END {printf "%.3f", t}' "$TMP/time")
    kb=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$TMP/time")
    if [ -z "$SECS" ] || awk -v a="$s" -v b="$SECS" 'BEGIN {exit !(a < b)}'; then SECS=$s; fi
    if [ -z "$CPU" ] || awk -v a="$c" -v b="$CPU" 'BEGIN {exit !(a < b)}'; then CPU=$c; fi
    if [ "$kb" -gt "$PEAK_KB" ]; then PEAK_KB=$kb; fi
  done
}

echo "# csaflint benchmark"
echo
echo "- date: $(date -u +%Y-%m-%d)"
echo "- machine: $(nproc) cores, $(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo), $(free -g | awk '/^Mem:/ {print $2}') GiB"
echo "- csaflint $("$BIN" --version | awk '{print $2}'), release build; $RUNS runs each, best wall time, highest peak RSS${JOBS:+; --jobs $JOBS}"
echo

# warm the page cache
"$BIN" validate --no-config --quiet --parse-only --format jsonl "$CORPUS/csaf" "$CORPUS/cvrf" "$CORPUS/large" > /dev/null || true

echo "## Corpus"
echo
echo "| files | documents | MB | run | wall s | documents/s | MB/s | × floor | CPU s | × floor (CPU) | peak RSS (MB) |"
echo "|---|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|"
for set in csaf cvrf csaf+cvrf; do
  case $set in
    csaf+cvrf) paths=("$CORPUS/csaf" "$CORPUS/cvrf") ;;
    *) paths=("$CORPUS/$set") ;;
  esac
  n=$(docs "${paths[@]}")
  b=$(bytes "${paths[@]}")
  floor=""
  cfloor=""
  for mode in parse-only basic extended full; do
    run "$mode" "${paths[@]}"
    if [ "$mode" = parse-only ]; then floor=$SECS; cfloor=$CPU; fi
    awk -v set="$set" -v n="$n" -v b="$b" -v mode="$mode" -v s="$SECS" -v f="$floor" -v c="$CPU" -v cf="$cfloor" \
      -v kb="$PEAK_KB" 'BEGIN {
      printf "| %s | %d | %.1f | %s | %.2f | %.0f | %.1f | %.2f | %.2f | %.2f | %.0f |\n",
        set, n, b / 1e6, mode, s, n / s, b / 1e6 / s, s / f, c, c / cf, kb / 1024 }'
  done
done
echo

echo "## Large files (one at a time)"
echo
echo "| file | MB | run | wall s | MB/s | × floor | CPU s | peak RSS (MB) | peak / file size |"
echo "|---|---:|---|---:|---:|---:|---:|---:|---:|"
for f in "$CORPUS"/large/*; do
  b=$(stat -c %s "$f")
  floor=""
  for mode in parse-only basic extended full; do
    run "$mode" "$f"
    if [ "$mode" = parse-only ]; then floor=$SECS; fi
    awk -v name="$(basename "$f")" -v b="$b" -v mode="$mode" -v s="$SECS" -v f="$floor" -v c="$CPU" \
      -v kb="$PEAK_KB" 'BEGIN {
      printf "| %s | %.1f | %s | %.2f | %.1f | %.2f | %.2f | %.0f | %.1f× |\n",
        name, b / 1e6, mode, s, b / 1e6 / s, s / f, c, kb / 1024, kb * 1024 / b }'
  done
done

# The CISA advisories of the corpus, copied COPIES times (default 20) into a temporary folder: many small
# documents, where the per-document cost and the start-up (compiling the schemas) show.
COPIES="${COPIES:-20}"
if [ -d "$CORPUS/csaf/cisa" ]; then
  for i in $(seq "$COPIES"); do
    mkdir -p "$TMP/cisa/$i"
    cp "$CORPUS"/csaf/cisa/*.json "$TMP/cisa/$i/"
  done
  echo
  echo "## CISA advisories ($COPIES copies of $CORPUS/csaf/cisa)"
  echo
  echo "| documents | MB | run | wall s | documents/s | × floor | CPU s |"
  echo "|---:|---:|---|---:|---:|---:|---:|"
  n=$(docs "$TMP/cisa")
  b=$(bytes "$TMP/cisa")
  floor=""
  for mode in parse-only basic extended full; do
    run "$mode" "$TMP/cisa"
    if [ "$mode" = parse-only ]; then floor=$SECS; fi
    awk -v n="$n" -v b="$b" -v mode="$mode" -v s="$SECS" -v f="$floor" -v c="$CPU" 'BEGIN {
      printf "| %d | %.1f | %s | %.2f | %.0f | %.2f | %.2f |\n", n, b / 1e6, mode, s, n / s, s / f, c }'
  done
fi
