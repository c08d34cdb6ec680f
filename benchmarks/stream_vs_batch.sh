#!/usr/bin/env bash
# Events per second of `candor stream` (the Flink job on an embedded MiniCluster) beside
# `candor monitor` (the batch window monitor) on the same events: the golden Bank stream after its
# 10,000-row reference (35,211 events, windows of 5,000 rows, 15 features, fairness bootstrap off).
# Both figures include the JVM start and the reference preparation; CPU seconds are user + system of
# the whole process, so events per CPU-second is the per-core rate.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
shared="$root/../shared/golden/monitoring/bank_predictions.csv"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
events=$(( $(wc -l < "$shared") - 1 - 10000 ))
{ head -1 "$shared"; tail -n +10002 "$shared"; } > "$work/stream.csv"
common=(--label y --score score --prediction pred --protected age_group,marital --privileged age_group=ge25
        --numeric age,balance,day,campaign,pdays,previous
        --categorical job,marital,education,default,housing,loan,contact,month,poutcome --bootstrap 0)

# build both jars first, so that no build is timed
"$root/candor" --version > /dev/null
"$root/candor" stream --help > /dev/null

measure() {  # label, command...
  local label="$1"; shift
  /usr/bin/time -f '%e %U %S' -o "$work/time" "$@" > /dev/null 2> "$work/err" || true   # exit 3: alerts fired
  read -r wall user sys <<< "$(tail -1 "$work/time")"   # GNU time first notes a non-zero exit
  awk -v l="$label" -v e="$events" -v w="$wall" -v u="$user" -v s="$sys" 'BEGIN {
    printf "%-8s %6d events  wall %6.1f s  cpu %6.1f s  %8.0f events/s  %8.0f events per cpu-second\n",
           l, e, w, u + s, e / w, e / (u + s) }'
}

measure batch "$root/candor" monitor --data "$shared" --reference-rows 10000 --chunk-size 5000 "${common[@]}" \
  --json "$work/batch.json"
measure stream "$root/candor" stream --source "$work/stream.csv" --bounded --out "$work/windows.jsonl" \
  --reference "$shared" --reference-until 10000 --time-column row --chunk-size 5000 "${common[@]}"
