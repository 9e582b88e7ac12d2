#!/bin/bash
# Rounds of the ingest throughput benchmark against a node that is already running and holds its chain (for example the
# anvil of an interrupted `Ingest.dll throughput` run, so a long generation is not repeated):
#   benchmarks/ingest/rounds-against-node.sh URL HEAD ROUNDS cli-a/strata.dll [cli-b/strata.dll ...]
# Per round: the fetch-only client (Ingest.dll baseline, concurrency 8, 10 blocks per request) then each CLI
# (`strata ingest --to HEAD --max-concurrency 8 --batch-blocks 1000` into a fresh data directory); a last fetch-only run
# after the rounds. Prints wall times and the load average; each CLI's log lines are kept in $OUT/r<round>-<cli>.{out,err}.
# Each ingest's CPU seconds (user + system of the process, /usr/bin/time) are printed beside its wall time; the CLIs run
# in the given order in odd rounds and in reverse order in even rounds, so neither always runs first after the fetch.
# Build benchmarks/ingest first (dotnet build -c Release); BENCH may point to a copy of its output.
set -u
URL=$1; HEAD=$2; ROUNDS=$3; shift 3
HERE=$(cd "$(dirname "$0")" && pwd)
BENCH=${BENCH:-$HERE/bin/Release/net10.0}
OUT=${OUT:-$(mktemp -d /tmp/strata-ingest-rounds-XXXX)}
# NODE_PID (the node's process id, optional): its CPU seconds during each run are printed too.
node_cpu() { if [ -n "${NODE_PID:-}" ]; then awk '{printf "%.2f", ($14 + $15) / 100}' /proc/$NODE_PID/stat; else echo 0; fi; }
fetch() { n0=$(node_cpu); nice dotnet $BENCH/Ingest.dll baseline --rpc $URL --from 0 --to $HEAD --concurrency 8 --request-blocks 10 > $OUT/fetch-$1.out; echo "fetch $1 $(grep '^| [0-9]' $OUT/fetch-$1.out) node cpu $(echo "$(node_cpu) - $n0" | bc) load $(cut -d' ' -f1-3 /proc/loadavg)"; }
fetch 0
for r in $(seq 1 $ROUNDS); do
  clis=("$@")
  if [ $((r % 2)) -eq 0 ]; then clis=(); for ((i = $#; i >= 1; i--)); do clis+=("${!i}"); done; fi
  for cli in "${clis[@]}"; do
    name=$(basename $(dirname $cli))
    dir=$(mktemp -d $OUT/data-XXXX)
    t0=$(date +%s.%N); n0=$(node_cpu)
    /usr/bin/time -f "%U %S" -o $OUT/r$r-$name.time nice dotnet $cli ingest --data-dir $dir --rpc $URL --chain devnet --to $HEAD --max-concurrency 8 --batch-blocks 1000 > $OUT/r$r-$name.out 2> $OUT/r$r-$name.err
    rc=$?
    t1=$(date +%s.%N)
    echo "round $r $name rc $rc seconds $(echo "$t1 - $t0" | bc) cpu $(awk '{print $1 + $2}' $OUT/r$r-$name.time) node cpu $(echo "$(node_cpu) - $n0" | bc) load $(cut -d' ' -f1-3 /proc/loadavg) | $(tail -1 $OUT/r$r-$name.out)"
    rm -rf $dir
  done
  fetch $r
done
