#!/usr/bin/env bash
# Streaming audit benchmark: generates seeded prediction logs (y, prediction, score, sex, race) of
# the given sizes in millions of rows (default 2 8), then runs `candor audit` and the pandas
# equivalent back to back on each and prints wall time and peak resident memory (/usr/bin/time -v).
#   benchmarks/audit_stream.sh [MILLIONS ...]      e.g. benchmarks/audit_stream.sh 2 8 32
# Files go to $BENCH_DIR (default /tmp/candor-bench) and are reused when present.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dir="${BENCH_DIR:-/tmp/candor-bench}"
py=/usr/bin/python3
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
  printf '%-28s %8.2f s %8d MB\n' "$label" "$wall" "$rss"
}

for m in "${sizes[@]}"; do
  f="$dir/preds_${m}M.csv"
  if [ ! -s "$f" ]; then
    echo "generating $f" >&2
    "$py" "$root/benchmarks/python/audit_pandas.py" generate "$((m * 1000000))" "$f"
  fi
  echo "== ${m}M rows, $(( $(stat -c %s "$f") / 1000000 )) MB"
  measure "candor audit (${m}M)" "$root/candor" audit --data "$f" --label y --prediction prediction \
      --score score --protected sex,race --intersectional --quiet --json "$dir/audit_${m}M.json"
  measure "pandas (${m}M)" "$py" "$root/benchmarks/python/audit_pandas.py" audit "$f"
done
