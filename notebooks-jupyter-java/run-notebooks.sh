#!/usr/bin/env bash
# Executes every notebook in this folder with the IJava kernel (headless nbconvert), then checks
# what each notebook's prose claims about its outputs (check_notebooks.py).
#
# Usage: notebooks-jupyter-java/run-notebooks.sh [--update] [--install]
#   --install  install Debian's Jupyter packages and the IJava kernelspec first (needs root)
#   --update   write the executed notebooks back in place (their committed outputs)
# Needs: the command-line jar report/target/candor.jar (built by ./mvnw package or ./candor).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
update=0; install=0
for a in "$@"; do
  case "$a" in
    --update) update=1 ;;
    --install) install=1 ;;
    *) echo "run-notebooks.sh: unknown option $a" >&2; exit 2 ;;
  esac
done

if [ "$install" = 1 ]; then
  if ! /usr/bin/jupyter nbconvert --version >/dev/null 2>&1 || ! python3 -c 'import ipykernel' 2>/dev/null; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq jupyter-nbconvert jupyter-client python3-ipykernel >/dev/null
  fi
  shared="${CANDOR_SHARED:-$root/../shared}"
  "$shared/tools/ijava/install.sh" --jvm-opt -Xmx2g >/dev/null
fi

jar="$root/report/target/candor.jar"
[ -f "$jar" ] || { echo "run-notebooks.sh: $jar is missing; build first (./mvnw -B -DskipTests package)" >&2; exit 1; }

out="$(mktemp -d /tmp/candor-notebooks.XXXXXX)"
trap 'rm -rf "$out"' EXIT
status=0
for nb in "$here"/[0-9]*.ipynb; do
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

if [ "$update" = 1 ]; then
  for nb in "$out"/*.ipynb; do cp "$nb" "$here/$(basename "$nb")"; done
  echo "== notebooks updated in place"
fi
