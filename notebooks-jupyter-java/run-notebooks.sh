#!/usr/bin/env bash
# Executes every notebook in this folder with the Java kernel named `java` (headless nbconvert), then
# checks what each notebook's prose claims about its outputs (check_notebooks.py). Before them it
# runs the self-test notebooks of the project's own kernel (kernel/src/test/notebooks).
#
# Usage: notebooks-jupyter-java/run-notebooks.sh [--update] [--install] [NOTEBOOK.ipynb ...]
#   --install  install Debian's Jupyter packages (needs root or sudo), build the project's notebook
#              kernel (kernel/, with the repository's Maven wrapper) and install it as the `java`
#              kernelspec of this user
#   --update   write the executed notebooks back in place (their committed outputs), with the
#              per-cell timing metadata removed so that a rerun changes only what really changed
#   NOTEBOOK   run only these notebooks of this folder (default: every [0-9]*.ipynb)
# Needs: Candor's command-line jar ($candor_jar below; built by ./mvnw package or ./candor).
# Exit status: 0 when every notebook ran and every claim holds; 1 otherwise; 2 on a usage error.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"

# Candor's self-contained jar, which the notebooks load with `%jars` (relative to the repository root).
candor_jar="cli/target/candor.jar"
jar="$root/$candor_jar"
kernel_pom="notebooks-jupyter-java/kernel/pom.xml"
kernel_jar="$here/kernel/target/candor-notebook-kernel.jar"
selftests="$here/kernel/src/test/notebooks"

update=0; install=0; only=()
for a in "$@"; do
  case "$a" in
    --update) update=1 ;;
    --install) install=1 ;;
    -*) echo "run-notebooks.sh: unknown option $a" >&2; exit 2 ;;
    *) only+=("$(basename "$a")") ;;
  esac
done

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

install_jupyter() {
  if /usr/bin/jupyter nbconvert --version >/dev/null 2>&1 && /usr/bin/jupyter kernelspec --version >/dev/null 2>&1 \
      && /usr/bin/python3 -c 'import nbclient, ipykernel' >/dev/null 2>&1; then
    return
  fi
  echo "== installing Jupyter (Debian packages)"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
    jupyter-nbconvert jupyter-client python3-nbclient python3-ipykernel >/dev/null
}

install_kernel() {
  echo "== building the notebook kernel: ./mvnw -B -q -f $kernel_pom package"
  (cd "$root" && ./mvnw -B -q -f "$kernel_pom" package)
  [ -f "$kernel_jar" ] || { echo "run-notebooks.sh: the build made no $kernel_jar" >&2; exit 1; }
  local java_bin spec
  java_bin="$(command -v java)"
  [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ] && java_bin="$JAVA_HOME/bin/java"
  spec="$(mktemp -d /tmp/candor-kernelspec.XXXXXX)/java"
  mkdir -p "$spec"
  python3 - "$spec/kernel.json" "$java_bin" "$kernel_jar" <<'PY'
import json, re, subprocess, sys
path, java, jar = sys.argv[1:4]
version = subprocess.run([java, "-version"], capture_output=True, text=True).stderr
feature = re.search(r'version "(\d+)', version)
spec = {
    "argv": [java, "-Xmx2g", "-jar", jar, "{connection_file}"],
    "display_name": "Java %s (Candor notebook kernel, JShell)" % (feature.group(1) if feature else ""),
    "language": "java",
    "interrupt_mode": "message",
    "metadata": {"debugger": False},
}
with open(path, "w", encoding="utf-8") as f:
    json.dump(spec, f, indent=2)
    f.write("\n")
PY
  /usr/bin/jupyter kernelspec install --user --replace --name java "$spec" >/dev/null 2>&1
  rm -rf "$(dirname "$spec")"
  echo "   kernelspec 'java' -> $kernel_jar"
}

if [ "$install" = 1 ]; then
  install_jupyter
  install_kernel
fi

[ -f "$jar" ] || { echo "run-notebooks.sh: $jar is missing; build first (./mvnw -B -q -DskipTests -pl cli -am package)" >&2; exit 1; }
# Read the whole list before matching: with pipefail, grep -q closing the pipe early can make
# jupyter die of SIGPIPE and the check fail although the kernelspec is there.
specs="$(/usr/bin/jupyter kernelspec list 2>/dev/null || true)"
if ! grep -qE '^\s*java\s' <<<"$specs"; then
  echo "run-notebooks.sh: no Jupyter kernelspec named 'java'; run with --install, or install IJava or JJava (see README.md)" >&2
  exit 1
fi

out="$(mktemp -d /tmp/candor-notebooks.XXXXXX)"
trap 'rm -rf "$out"' EXIT

# execute NOTEBOOK OUTDIR LOG: runs every cell; fails on the first cell that errors.
execute() {
  /usr/bin/jupyter nbconvert --to notebook --execute \
    --ExecutePreprocessor.timeout=600 --ExecutePreprocessor.kernel_name=java \
    --output-dir "$2" --output "$(basename "$1")" "$1" 2>"$3"
}

selftest_failed() { echo "== FAILED kernel self-test: $*" >&2; exit 1; }

# The kernel's own end-to-end tests through real Jupyter: errors fail the run and name the cell line,
# rich outputs carry the right MIME types, %jars loads Candor.
run_selftests() {
  local st="$out/selftest" t0=$(date +%s)
  mkdir -p "$st"
  echo "== kernel self-tests ($selftests)"
  execute "$selftests/rich-output.ipynb" "$st" "$st/rich.log" || { cat "$st/rich.log" >&2; selftest_failed rich-output; }
  python3 - "$st/rich-output.ipynb" <<'PY' || selftest_failed "rich-output MIME types"
import json, sys
cells = {c.get("id"): c.get("outputs", []) for c in json.load(open(sys.argv[1], encoding="utf-8"))["cells"]}
def kinds(cid):
    return [(o["output_type"], o.get("name") or sorted(o.get("data", {}))) for o in cells[cid]]
def data(cid, i, mime):
    v = cells[cid][i]["data"][mime]
    return "".join(v) if isinstance(v, list) else v
expect = {
    "print": [("stream", "stdout"), ("stream", "stderr")],
    "html": [("display_data", ["text/html", "text/plain"])],
    "svg": [("display_data", ["image/svg+xml", "text/plain"])],
    "display-data": [("display_data", ["text/html", "text/plain"])],
    "to-html": [("execute_result", ["text/html", "text/plain"])],
    "svg-value": [("execute_result", ["image/svg+xml", "text/plain"])],
    "value": [("execute_result", ["text/plain"])],
    "statement": [],
}
bad = ["%s: %s, expected %s" % (c, kinds(c), e) for c, e in expect.items() if kinds(c) != e]
if not bad:
    checks = [("html", "text/html", "<b>bold</b>"), ("display-data", "text/html", "<i>html</i>"),
              ("display-data", "text/plain", "plain text"), ("to-html", "text/html", "<table><tr><td>42</td></tr></table>"),
              ("to-html", "text/plain", "Table(42)"), ("value", "text/plain", "42")]
    bad += ["%s %s = %r" % (c, m, data(c, 0, m)) for c, m, v in checks if data(c, 0, m) != v]
    bad += ["svg is not the SVG document"] if not data("svg", 0, "image/svg+xml").startswith("<svg") else []
for b in bad:
    print("   " + b, file=sys.stderr)
sys.exit(1 if bad else 0)
PY
  local name line
  for name in compile-error:3 runtime-error:2; do
    line="${name#*:}"; name="${name%:*}"
    if execute "$selftests/$name.ipynb" "$st" "$st/$name.log"; then
      selftest_failed "$name.ipynb executed without an error"
    fi
    grep -q "cell line $line" "$st/$name.log" || { cat "$st/$name.log" >&2; selftest_failed "$name: the error does not name cell line $line"; }
  done
  grep -q "IllegalArgumentException: v too large: 2" "$st/runtime-error.log" || selftest_failed "runtime-error: exception class and message not reported"
  sed "s|@CANDOR_JAR@|$jar|" "$selftests/candor-jar.ipynb" > "$st/candor-jar.ipynb"
  execute "$st/candor-jar.ipynb" "$st/out" "$st/jar.log" || { cat "$st/jar.log" >&2; selftest_failed "candor-jar"; }
  grep -q 'candor.version = [0-9]' "$st/out/candor-jar.ipynb" || selftest_failed "%jars $candor_jar did not load Candor"
  echo "   passed in $(( $(date +%s) - t0 )) s"
}

run_selftests

notebooks=()
if [ "${#only[@]}" -gt 0 ]; then
  for n in "${only[@]}"; do
    [ -f "$here/$n" ] || { echo "run-notebooks.sh: no notebook $n in $here" >&2; exit 2; }
    notebooks+=("$here/$n")
  done
else
  notebooks=("$here"/[0-9]*.ipynb)
fi

status=0
start=$(date +%s)
for nb in "${notebooks[@]}"; do
  name="$(basename "$nb")"
  echo "== executing $name"
  t0=$(date +%s)
  if ! execute "$nb" "$out" "$out/$name.log"; then
    cat "$out/$name.log" >&2
    echo "== FAILED: $name" >&2
    status=1
    continue
  fi
  echo "   done in $(( $(date +%s) - t0 )) s"
done
[ "$status" = 0 ] || exit "$status"

python3 "$here/check_notebooks.py" "$out"
echo "== all notebooks ran and passed their checks in $(( $(date +%s) - start )) s"

if [ "$update" = 1 ]; then
  for nb in "$out"/*.ipynb; do
    # Drop nbclient's per-cell timestamps and keep the language name in the lower case that the
    # committed notebooks use; outputs are kept exactly as executed.
    python3 - "$nb" "$here/$(basename "$nb")" <<'PY'
import json, sys
with open(sys.argv[1], encoding="utf-8") as f:
    nb = json.load(f)
for cell in nb["cells"]:
    cell.get("metadata", {}).pop("execution", None)
nb["metadata"].setdefault("language_info", {})["name"] = "java"
with open(sys.argv[2], "w", encoding="utf-8") as f:
    json.dump(nb, f, indent=1, ensure_ascii=False)
    f.write("\n")
PY
  done
  echo "== notebooks updated in place"
fi
