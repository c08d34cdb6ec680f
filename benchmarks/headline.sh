#!/usr/bin/env bash
# The headline benchmark table in one command: each Candor benchmark and its numpy floor run back to
# back on the same core, and a markdown table of the CPU times (wall in brackets) with their ratio.
#
#   group metric set, 10^7 rows  FairnessMetricsBenchmark.fullMetricSet and .fullMetricSetCompact
#                                (int[] columns and CompactColumns)    vs python/fairness_numpy.py
#   KernelSHAP, per row          KernelShapBenchmark.explainOneThread, threads=1, shap's and the
#                                default (Leverage SHAP) sampling, the model in the Python scripts'
#                                form and (Leverage SHAP) the golden one vs python/kernelshap_numpy.py
#   LIME, per row                LimeBenchmark.explainRow              vs python/lime_numpy.py
#
# Candor's CPU time is the median over the measurement iterations of the thread CPU time the
# benchmarks print, its wall time JMH's score; the floors print process CPU and wall time (medians).
# Below the table, the explainers' CPU per row split into the model's calls and Candor's own work.
# The shap, lime and fairlearn figures are quoted from measurements made elsewhere, except shap's when
# --shap PYTHON names an interpreter with shap installed: then shap's KernelExplainer runs on the same
# work and core right after the floor (python/kernelshap_shap.py) and its figure replaces the quote.
#
# Needs the benchmarks jar (./mvnw -B -q -pl benchmarks -am package -DskipTests), a python with
# numpy and scipy (default /usr/bin/python3, Debian's numpy 1.24.2 and scipy 1.10.1) and the shared
# folder (default ../shared beside the checkout).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="$root/benchmarks/target/benchmarks.jar"
py=/usr/bin/python3
shared="${CANDOR_SHARED:-$(cd "$root/.." && pwd)/shared}"
core=1
quick=0
only="fairness,kernelshap,lime"
keep=""
shap_py=""

usage() {
  cat <<EOF
usage: benchmarks/headline.sh [--quick] [--only fairness,kernelshap,lime] [--core N]
                              [--jar PATH] [--python PATH] [--shap PYTHON] [--shared DIR] [--keep DIR]
  --quick    fewer and shorter iterations (the full run takes about 1.5 minutes)
  --only     the pairs to run (comma-separated)
  --core     the core everything runs on (taskset -c N; default 1)
  --keep     keep the JMH and python logs in DIR
  --shap     a python with shap (0.51.0, as the golden files) to time shap's KernelExplainer beside Candor
EOF
}

while [[ $# -gt 0 ]]; do
  case "$1" in
    --quick) quick=1 ;;
    --only) only="$2"; shift ;;
    --core) core="$2"; shift ;;
    --jar) jar="$2"; shift ;;
    --python) py="$2"; shift ;;
    --shap) shap_py="$2"; shift ;;
    --shared) shared="$2"; shift ;;
    --keep) keep="$2"; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "headline.sh: unknown option $1" >&2; usage >&2; exit 2 ;;
  esac
  shift
done

fail() { echo "headline.sh: $*" >&2; exit 1; }
[[ -f "$jar" ]] || fail "no benchmarks jar at $jar: build it with ./mvnw -B -q -pl benchmarks -am package -DskipTests"
command -v java > /dev/null || fail "java not found on PATH"
command -v taskset > /dev/null || fail "taskset not found (util-linux)"
[[ -x "$py" ]] || fail "python not found at $py (pass --python PATH)"
"$py" -c 'import numpy, scipy' 2> /dev/null || fail "$py cannot import numpy and scipy"
for f in datasets/german/german.data-numeric golden/explain/german_model.json golden/explain/german_background.csv \
         golden/explain/german_explain_rows.csv; do
  [[ -f "$shared/$f" ]] || fail "missing $shared/$f (pass --shared DIR)"
done
taskset -c "$core" true 2> /dev/null || fail "cannot run on core $core"
if [[ -n "$shap_py" ]]; then
  "$shap_py" -c 'import shap, numpy' 2> /dev/null || fail "$shap_py cannot import shap and numpy (--shap)"
fi
for pair in ${only//,/ }; do
  case "$pair" in fairness|kernelshap|lime) ;; *) fail "unknown pair '$pair' in --only" ;; esac
done

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export CANDOR_DATA="$shared/datasets" CANDOR_SHARED="$shared" OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1
on_core=(taskset -c "$core")

if [[ $quick == 1 ]]; then
  jmh_fair=(-f 1 -wi 2 -i 3 -w 1 -r 1); jmh_shap=(-f 1 -wi 1 -i 2 -w 1 -r 1); jmh_lime=(-f 1 -wi 2 -i 3 -w 1 -r 1)
  py_shap=(--runs 3 --rows 20); py_lime=(--runs 3 --rows 30)
else
  jmh_fair=(-f 1 -wi 3 -i 5 -w 1 -r 1); jmh_shap=(-f 1 -wi 2 -i 4 -w 2 -r 2); jmh_lime=(-f 1 -wi 2 -i 5 -w 2 -r 2)
  py_shap=(--runs 5 --rows 100); py_lime=(--runs 7 --rows 100)
fi

jmh() {  # name, pattern, JMH options...
  local name="$1" pattern="$2"; shift 2
  echo "== $name: Candor ($pattern) on core $core" >&2
  (cd "$root" && "${on_core[@]}" java -jar "$jar" "$pattern" "$@" -rf json -rff "$work/$name.json") \
    > "$work/$name.jmh.log" 2>&1 || { tail -20 "$work/$name.jmh.log" >&2; fail "JMH run $name failed"; }
}

floor() {  # name, script, arguments... (the interpreter is $interp, default $py)
  local name="$1" script="$2"; shift 2
  echo "== $name: ${what:-numpy floor} ($script) on core $core" >&2
  "${on_core[@]}" "${interp:-$py}" "$root/benchmarks/python/$script" "$@" > "$work/$name.py.log" 2>&1 \
    || { cat "$work/$name.py.log" >&2; fail "$script failed"; }
}

"$py" -c 'import numpy, scipy, sys; print(f"python {sys.version.split()[0]}, numpy {numpy.__version__}, scipy {scipy.__version__}")' \
  > "$work/versions"
java -version 2>&1 | head -1 >> "$work/versions"
if [[ ",$only," == *,fairness,* ]]; then
  jmh fairness 'FairnessMetricsBenchmark.fullMetricSet(Compact)?$' -p rows=10000000 "${jmh_fair[@]}"
  floor fairness fairness_numpy.py 10000000
fi
if [[ ",$only," == *,kernelshap,* ]]; then
  jmh kernelshap 'KernelShapBenchmark.explainOneThread$' -p threads=1 -p sampling=SHAP,LEVERAGE -p model=FOLDED,GOLDEN \
    "${jmh_shap[@]}"
  floor kernelshap kernelshap_numpy.py "${py_shap[@]}" --shared "$shared"
  if [[ -n "$shap_py" ]]; then
    interp="$shap_py" what="shap's KernelExplainer" floor kernelshap_shap kernelshap_shap.py --runs 3 \
      --rows "$([[ $quick == 1 ]] && echo 20 || echo 100)" --shared "$shared"
  fi
fi
if [[ ",$only," == *,lime,* ]]; then
  jmh lime 'LimeBenchmark.explainRow$' "${jmh_lime[@]}"
  floor lime lime_numpy.py "${py_lime[@]}" --shared "$shared"
fi
[[ -n "$keep" ]] && mkdir -p "$keep" && cp "$work"/* "$keep"/

"$py" - "$work" "$core" "$quick" <<'EOF'
import json, re, statistics, sys
from pathlib import Path

work, core, quick = Path(sys.argv[1]), sys.argv[2], sys.argv[3] == "1"
TO_MS = {"ms": 1.0, "us": 1e-3, "ns": 1e-6, "s": 1e3}


def jmh_log(name):
    """From the JMH log, per (method, params): the median CPU ms of the measurement iterations, and the
    medians of their (model ms, own ms) split where the benchmark prints one."""
    cpu, split, key, measuring = {}, {}, None, False
    for line in (work / f"{name}.jmh.log").read_text().splitlines():
        if line.startswith("# Benchmark: "):
            key = [line.split(".")[-1].strip(), ""]
        elif line.startswith("# Parameters: "):
            key[1] = line[len("# Parameters: "):].strip()
        if line.startswith("# Warmup Iteration"):
            measuring = False
        elif line.startswith("Iteration"):
            measuring = True
        m = re.match(r"Iteration\s+\d+:\s+\[cpu (ms|us)/(?:op|row) = ([0-9.]+)", line)
        if m and key:
            cpu.setdefault(tuple(key), []).append(float(m.group(2)) * TO_MS[m.group(1)])
        # KernelShapBenchmark: "[of which model A ms/row, own B ms/row, ...]" on the line after the iteration's
        # CPU figure; LimeBenchmark: "(model A, own B)" in microseconds on the same line
        m = re.search(r"of which model ([0-9.]+) ms/row, own ([0-9.]+) ms/row", line)
        scale = 1.0
        if not m:
            m = re.search(r"cpu us/row = [0-9.]+ \(model ([0-9.]+), own ([0-9.]+)\)", line)
            scale = 1e-3
        if m and key and measuring:
            split.setdefault(tuple(key), []).append((float(m.group(1)) * scale, float(m.group(2)) * scale))
    if not cpu:
        sys.exit(f"headline.sh: no CPU figures in the {name} JMH output")
    return ({k: statistics.median(v) for k, v in cpu.items()},
            {k: (statistics.median(a for a, _ in v), statistics.median(b for _, b in v)) for k, v in split.items()})


def jmh_wall(name):
    out = {}
    for r in json.loads((work / f"{name}.json").read_text()):
        params = ", ".join(f"{k} = {v}" for k, v in r.get("params", {}).items())
        unit = r["primaryMetric"]["scoreUnit"].split("/")[0]
        out[(r["benchmark"].split(".")[-1], f"({params})" if params else "")] = r["primaryMetric"]["score"] * TO_MS[unit]
    return out


def floor(name):
    text = (work / f"{name}.py.log").read_text()
    m = re.search(r"median ([0-9.]+) ms, best [0-9.]+ ms \(wall\); cpu median ([0-9.]+) ms", text)  # fairness_numpy
    if m:
        return float(m.group(2)), float(m.group(1))
    m = re.search(r"cpu median ([0-9.]+) ms, best [0-9.]+ ms; wall median ([0-9.]+) ms", text)
    if not m:
        sys.exit(f"headline.sh: no timing line in the {name} floor output:\n{text}")
    return float(m.group(1)), float(m.group(2))


def ms(v):
    return f"{v:.2f} ms" if v < 10 else f"{v:.1f} ms" if v < 100 else f"{v:.0f} ms"


def matches(p, param):
    """param: None, or one or more "name = value" substrings (joined by "; ") that must all be in p."""
    return param is None or all(part in p for part in param.split("; "))


def find(table, method, param=None):
    for (m, p), v in table.items():
        if m == method and matches(p, param):
            return v
    sys.exit(f"headline.sh: no result for {method} {param or ''}")


ROWS = {
    "fairness": [("full metric set, binary + 5-valued attribute, 10^7 rows, `int[]` columns", "fullMetricSet", None),
                 ("same, from `CompactColumns`", "fullMetricSetCompact", None)],
    "kernelshap": [("KernelSHAP per row, 24 features, background 50, nsamples 2048, shap's sampling",
                    "explainOneThread", "model = FOLDED; sampling = SHAP"),
                   ("same, default sampling (Leverage SHAP)", "explainOneThread", "model = FOLDED; sampling = LEVERAGE"),
                   ("same, the model evaluated the golden files' way (`GermanLogistic.Form.GOLDEN`)",
                    "explainOneThread", "model = GOLDEN; sampling = LEVERAGE")],
    "lime": [("LIME tabular per row, 5,000 samples, 24 features", "explainRow", None)],
}
QUOTED = {"fairness": ("fairlearn ~1 min at 10^6 rows", None),
          "kernelshap": ("shap KernelExplainer ~26 ms / 43.1 ms", (26.0, 43.1)),
          "lime": ("lime explain_instance ~15 ms / 25.5 ms", (15.0, 25.5))}

print()
print(" / ".join((work / "versions").read_text().split("\n")[:2]).strip(" /") +
      f"; one core (taskset -c {core}){', --quick' if quick else ''}")
print()
print("| work | Candor CPU (wall) | numpy floor CPU (wall) | ratio CPU (floor / Candor) | reference (quoted, or measured with --shap) | reference / Candor CPU |")
print("| --- | --- | --- | --- | --- | --- |")
splits = []
for name, rows in ROWS.items():
    if not (work / f"{name}.py.log").exists():
        continue
    (cpu, split), wall = jmh_log(name), jmh_wall(name)
    f_cpu, f_wall = floor(name)
    quoted, figures = QUOTED[name]
    measured = None
    if name == "kernelshap" and (work / "kernelshap_shap.py.log").exists():
        measured = floor("kernelshap_shap")
        version = re.search(r"shap ([0-9.]+)", (work / "kernelshap_shap.py.log").read_text())
        quoted = (f"shap {version.group(1) if version else ''} KernelExplainer, same core, this run: "
                  f"{ms(measured[0])} ({ms(measured[1])})")
    for label, method, param in rows:
        c, w = find(cpu, method, param), find(wall, method, param)
        ratio_q = " / ".join(f"{q / c:.1f}×" for q in figures) if figures else "—"
        if measured:
            ratio_q = f"{measured[0] / c:.1f}×"
        print(f"| {label} | {ms(c)} ({ms(w)}) | {ms(f_cpu)} ({ms(f_wall)}) | {f_cpu / c:.1f}× | {quoted} | {ratio_q} |")
        for (m, p), (model, own) in split.items():
            if m == method and matches(p, param):
                short = {"kernelshap": "KernelSHAP", "lime": "LIME", "fairness": "metric set"}[name]
                splits.append(f"{short}{', ' + param if param else ''}: "
                              f"model {ms(model)}, own {ms(own)}, own / model {own / model:.2f}")
if splits:
    print()
    print("CPU per row split into the model's calls and Candor's own work (medians over the iterations):")
    for line in splits:
        print(f"- {line}")
EOF
