#!/usr/bin/env bash
# Executes every notebook in this folder with the IJava kernel (headless nbconvert), then checks
# what each notebook's prose claims about its outputs (check_notebooks.py).
#
# Usage: notebooks-jupyter-java/run-notebooks.sh [--update] [--install] [NOTEBOOK.ipynb ...]
#   --install  install Debian's Jupyter packages and the IJava kernelspec first (needs root)
#   --update   write the executed notebooks back in place (their committed outputs), with the
#              per-cell timing metadata removed so that a rerun changes only what really changed
#   NOTEBOOK   run only these notebooks of this folder (default: every [0-9]*.ipynb)
# Needs: the command-line jar cli/target/candor.jar (built by ./mvnw package or ./candor).
# Exit status: 0 when every notebook ran and every claim holds; 1 otherwise; 2 on a usage error.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
update=0; install=0; only=()
for a in "$@"; do
  case "$a" in
    --update) update=1 ;;
    --install) install=1 ;;
    -*) echo "run-notebooks.sh: unknown option $a" >&2; exit 2 ;;
    *) only+=("$(basename "$a")") ;;
  esac
done

if [ "$install" = 1 ]; then
  if ! /usr/bin/jupyter nbconvert --version >/dev/null 2>&1 || ! /usr/bin/python3 -c 'import ipykernel' 2>/dev/null; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq jupyter-nbconvert jupyter-client python3-ipykernel >/dev/null
  fi
  shared="${CANDOR_SHARED:-$root/../shared}"
  "$shared/tools/ijava/install.sh" --jvm-opt -Xmx2g >/dev/null
fi

jar="$root/cli/target/candor.jar"
[ -f "$jar" ] || { echo "run-notebooks.sh: $jar is missing; build first (./mvnw -B -DskipTests package)" >&2; exit 1; }
if ! /usr/bin/jupyter kernelspec list 2>/dev/null | grep -qE '^\s*java\s'; then
  echo "run-notebooks.sh: no Jupyter kernelspec named 'java'; run with --install or see ../shared/tools/ijava/README.md" >&2
  exit 1
fi

notebooks=()
if [ "${#only[@]}" -gt 0 ]; then
  for n in "${only[@]}"; do
    [ -f "$here/$n" ] || { echo "run-notebooks.sh: no notebook $n in $here" >&2; exit 2; }
    notebooks+=("$here/$n")
  done
else
  notebooks=("$here"/[0-9]*.ipynb)
fi

out="$(mktemp -d /tmp/candor-notebooks.XXXXXX)"
trap 'rm -rf "$out"' EXIT
status=0
start=$(date +%s)
for nb in "${notebooks[@]}"; do
  name="$(basename "$nb")"
  echo "== executing $name"
  t0=$(date +%s)
  if ! /usr/bin/jupyter nbconvert --to notebook --execute \
        --ExecutePreprocessor.timeout=600 --ExecutePreprocessor.kernel_name=java \
        --output-dir "$out" --output "$name" "$nb" 2>"$out/$name.log"; then
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
