#!/usr/bin/env bash
# Drift and performance-metric kernels against their Python references, back to back on one core.
#
# Builds nothing: run `./mvnw -B -o -q -pl benchmarks -am package -DskipTests` first. For each work it
# runs the JMH benchmark, then the Python reference (Debian's /usr/bin/python3: numpy 1.24.2,
# scipy 1.10.1, scikit-learn 1.2.1), both pinned to the same core with taskset, and prints a table of
# CPU and wall time per operation (Candor: JMH's mean and the median of the benchmark's own per-iteration
# CPU figures; Python: the medians of its timed runs) and their ratios.
#
# Usage: benchmarks/compare_kernels.sh [--core N] [--drift-rows N] [--perf-rows N] [--sklearn-rows N] [--runs N]
#   --core N          the core both sides run on (default 1)
#   --drift-rows N    rows per side of DriftBenchmark / drift_scipy.py (default 1000000)
#   --perf-rows N     rows of PerformanceMetricsBenchmark / performance_numpy.py (default 10000000)
#   --sklearn-rows N  rows of the scikit-learn comparison (default 1000000; 0 to skip: ~45 s CPU per run at 10^7)
#   --runs N          timed Python runs and JMH measurement iterations (default 3)
# Run from the repository root or anywhere: paths are resolved from this script's location.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
jar="$here/target/benchmarks.jar"
py=/usr/bin/python3
core=1
drift_rows=1000000
perf_rows=10000000
sklearn_rows=1000000
runs=3

die() { echo "compare_kernels.sh: $*" >&2; exit 2; }

while [ $# -gt 0 ]; do
  case "$1" in
    --core) core="${2:?--core needs a value}"; shift 2 ;;
    --drift-rows) drift_rows="${2:?--drift-rows needs a value}"; shift 2 ;;
    --perf-rows) perf_rows="${2:?--perf-rows needs a value}"; shift 2 ;;
    --sklearn-rows) sklearn_rows="${2:?--sklearn-rows needs a value}"; shift 2 ;;
    --runs) runs="${2:?--runs needs a value}"; shift 2 ;;
    -h|--help) sed -n '2,17p' "$0"; exit 0 ;;
    *) die "unknown argument '$1' (see --help)" ;;
  esac
done
for v in "$core" "$drift_rows" "$perf_rows" "$sklearn_rows" "$runs"; do
  [[ "$v" =~ ^[0-9]+$ ]] || die "'$v' is not a whole number"
done
[ "$runs" -ge 1 ] || die "--runs must be at least 1"

[ -f "$jar" ] || die "$jar not found; build it first: ./mvnw -B -o -q -pl benchmarks -am package -DskipTests"
command -v java >/dev/null || die "java not found on PATH"
command -v taskset >/dev/null || die "taskset not found (package util-linux)"
[ -x "$py" ] || die "$py not found; the references need Debian's python3 with numpy, scipy and scikit-learn"
versions="$("$py" -c 'import numpy, scipy, sklearn; print("numpy %s, scipy %s, scikit-learn %s" % (numpy.__version__, scipy.__version__, sklearn.__version__))' 2>/dev/null)" \
  || die "$py cannot import numpy, scipy and sklearn (apt-get install python3-scipy python3-sklearn)"
taskset -c "$core" true 2>/dev/null || die "cannot pin to core $core"

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1

# jmh NAME PATTERN PARAMS... -> prints "cpu_ms wall_ms"
jmh() {
  local name="$1" pattern="$2"; shift 2
  local out="$tmp/$name.txt" json="$tmp/$name.json"
  # the lock only stops two JMH runs from sharing a machine; CPU time is measured either way
  if ! taskset -c "$core" java -Djmh.ignoreLock=true -jar "$jar" "$pattern" "$@" -f 1 -wi 2 -i "$runs" -w 2 -r 2 \
      -rf json -rff "$json" >"$out" 2>&1; then
    tail -20 "$out" >&2
    die "JMH run '$pattern' failed (output above)"
  fi
  "$py" - "$out" "$json" <<'EOF'
import json, re, statistics, sys
text = open(sys.argv[1]).read()
cpu = [float(m) for m in re.findall(r"^Iteration\s+\d+:.*?cpu ms/op = ([0-9.]+)", text, re.M)]
res = json.load(open(sys.argv[2]))
if not cpu or not res:
    sys.exit("no CPU figure or score in the JMH output")
print("%.1f %.1f" % (statistics.median(cpu), res[0]["primaryMetric"]["score"]))
EOF
}

# python NAME SCRIPT ARGS... -> prints "cpu_ms wall_ms" from the script's "wall median X ms ... CPU median Y ms" line
python_ref() {
  local name="$1"; shift
  local out="$tmp/$name.py.txt"
  if ! taskset -c "$core" "$py" "$@" >"$out" 2>&1; then
    tail -20 "$out" >&2
    die "Python reference '$*' failed (output above)"
  fi
  "$py" - "$out" <<'EOF'
import re, sys
m = re.search(r"wall median ([0-9.]+) ms.*CPU median ([0-9.]+) ms", open(sys.argv[1]).read())
if not m:
    sys.exit("no 'wall median ... CPU median ...' line in the Python output")
print("%s %s" % (m.group(2), m.group(1)))
EOF
}

rows=()
add() { # work candor_cpu candor_wall ref_label ref_cpu ref_wall
  rows+=("$(printf '| %s | %s | %s | %s | %s | %s | %.1f× | %.1f× |' "$1" "$2" "$3" "$4" "$5" "$6" \
    "$(echo "$5 / $2" | bc -l)" "$(echo "$6 / $3" | bc -l)")")
}
command -v bc >/dev/null || die "bc not found"

echo "core $core; $versions; $(java -version 2>&1 | head -1)" >&2

echo "drift, default tests, $drift_rows rows ..." >&2
r="$(jmh drift 'DriftBenchmark.defaultTests$' -p rows="$drift_rows" -p threads=1)" || exit 2
read -r c_cpu c_wall <<<"$r"
r="$(python_ref drift "$here/python/drift_scipy.py" --runs "$runs" "$drift_rows")" || exit 2
read -r p_cpu p_wall <<<"$r"
add "drift, Evidently default test per feature, 30 features × $drift_rows rows" "$c_cpu" "$c_wall" "scipy" "$p_cpu" "$p_wall"

echo "classification metric set, $perf_rows rows ..." >&2
r="$(jmh perf 'PerformanceMetricsBenchmark.overall$' -p rows="$perf_rows")" || exit 2
read -r c_cpu c_wall <<<"$r"
r="$(python_ref perf "$here/python/performance_numpy.py" "$perf_rows")" || exit 2
read -r p_cpu p_wall <<<"$r"
add "classification metric set (14 metrics), $perf_rows rows" "$c_cpu" "$c_wall" "numpy floor" "$p_cpu" "$p_wall"

if [ "$sklearn_rows" -gt 0 ]; then
  echo "classification metric set, $sklearn_rows rows, against scikit-learn ..." >&2
  if [ "$sklearn_rows" = "$perf_rows" ]; then
    s_cpu=$c_cpu; s_wall=$c_wall
  else
    r="$(jmh perf_small 'PerformanceMetricsBenchmark.overall$' -p rows="$sklearn_rows")" || exit 2
    read -r s_cpu s_wall <<<"$r"
  fi
  r="$(python_ref sklearn "$here/python/performance_sklearn.py" "$sklearn_rows" "$runs")" || exit 2
  read -r p_cpu p_wall <<<"$r"
  add "classification metric set (14 metrics), $sklearn_rows rows" "$s_cpu" "$s_wall" "scikit-learn" "$p_cpu" "$p_wall"
fi

echo
echo "| work | Candor CPU ms/op | Candor wall ms/op | reference | reference CPU ms | reference wall ms | CPU ratio | wall ratio |"
echo "| --- | --- | --- | --- | --- | --- | --- | --- |"
printf '%s\n' "${rows[@]}"
