#!/usr/bin/env bash
# Streaming profile and drift benchmark: for each size in millions of rows (default 2 8) a seeded
# reference log and a seeded current log (y, prediction, score, sex, race; the generator of
# audit_stream.sh with another seed for the current side), then `candor profile` of the reference and
# `candor drift --streaming` of current against reference, with wall time and peak resident memory
# (/usr/bin/time -v), and the drift once more with a 64 MB heap. Pass --exact to add the whole-file `candor drift` for comparison.
#   benchmarks/drift_stream.sh [--exact] [MILLIONS ...]      e.g. benchmarks/drift_stream.sh 2 8
# Files go to $BENCH_DIR (default /tmp/candor-bench) and are reused when present.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dir="${BENCH_DIR:-/tmp/candor-bench}"
py=/usr/bin/python3
exact=0
if [ "${1:-}" = "--exact" ]; then exact=1; shift; fi
mkdir -p "$dir"
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(2 8)
"$root/candor" --version >/dev/null   # builds the jar once, outside the timings

measure() {  # label, command...: prints "label  seconds  peak-MB"
  local label="$1"; shift
  local log; log="$(mktemp)"
  /usr/bin/time -v "$@" >/dev/null 2>"$log" || { cat "$log" >&2; rm -f "$log"; return 1; }
  local wall rss
  wall="$(grep 'Elapsed (wall clock)' "$log" | awk '{print $NF}' | awk -F: '{ if (NF==3) print $1*3600+$2*60+$3; else print $1*60+$2 }')"
  rss="$(grep 'Maximum resident set size' "$log" | awk '{print int($NF/1024)}')"
  rm -f "$log"
  printf '%-36s %8.2f s %8d MB\n' "$label" "$wall" "$rss"
}

features=(--numeric score --categorical y,prediction,sex,race)
for m in "${sizes[@]}"; do
  ref="$dir/preds_${m}M.csv"
  cur="$dir/current_${m}M.csv"
  if [ ! -s "$ref" ]; then
    echo "generating $ref" >&2
    "$py" "$root/benchmarks/python/audit_pandas.py" generate "$((m * 1000000))" "$ref"
  fi
  if [ ! -s "$cur" ]; then
    echo "generating $cur" >&2
    (cd "$root/benchmarks/python" && "$py" -c "import sys, audit_pandas; audit_pandas.generate(int(sys.argv[1]), sys.argv[2], seed=7)" \
        "$((m * 1000000))" "$cur")
  fi
  echo "== ${m}M rows per side, $(( $(stat -c %s "$ref") / 1000000 )) MB + $(( $(stat -c %s "$cur") / 1000000 )) MB"
  measure "candor profile (${m}M)" "$root/candor" profile --data "$ref" "${features[@]}" --quiet \
      --out "$dir/profile_${m}M.json"
  measure "candor drift --streaming (${m}M)" "$root/candor" drift --reference "$ref" --current "$cur" \
      "${features[@]}" --streaming --quiet --tests psi,jensenshannon,ks,t_test --json "$dir/drift_${m}M.json"
  # the same with the heap capped at 64 MB: the live set does not depend on the rows
  measure "  ... with -Xmx64m (${m}M)" env CANDOR_JAVA_OPTS="-Xmx64m" "$root/candor" drift --reference "$ref" \
      --current "$cur" "${features[@]}" --streaming --quiet --tests psi,jensenshannon,ks,t_test \
      --json "$dir/drift_64m_${m}M.json"
  if [ "$exact" = 1 ]; then
    measure "candor drift, whole files (${m}M)" "$root/candor" drift --reference "$ref" --current "$cur" \
        "${features[@]}" --json "$dir/drift_exact_${m}M.json"
  fi
done
