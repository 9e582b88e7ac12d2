#!/bin/bash
# Rounds of the ingest throughput benchmark against a node that is already running and holds its chain (for example the
# anvil of an interrupted `Ingest.dll throughput` run, so a long generation is not repeated):
#   benchmarks/ingest/rounds-against-node.sh URL HEAD ROUNDS cli-a/strata.dll [cli-b/strata.dll ...]
# Per round: the fetch-only client (Ingest.dll baseline, concurrency 8, 10 blocks per request) then each CLI
# (`strata ingest --to HEAD --max-concurrency 8 --batch-blocks 1000` into a fresh data directory); a last fetch-only run
# after the rounds. Prints wall times and the load average; each CLI's log lines are kept in $OUT/r<round>-<cli>.{out,err}.
# Build benchmarks/ingest first (dotnet build -c Release); BENCH may point to a copy of its output.
set -u
URL=$1; HEAD=$2; ROUNDS=$3; shift 3
HERE=$(cd "$(dirname "$0")" && pwd)
BENCH=${BENCH:-$HERE/bin/Release/net10.0}
OUT=${OUT:-$(mktemp -d /tmp/strata-ingest-rounds-XXXX)}
fetch() { nice dotnet $BENCH/Ingest.dll baseline --rpc $URL --from 0 --to $HEAD --concurrency 8 --request-blocks 10 > $OUT/fetch-$1.out; echo "fetch $1 $(grep '^| [0-9]' $OUT/fetch-$1.out) load $(cut -d' ' -f1-3 /proc/loadavg)"; }
fetch 0
for r in $(seq 1 $ROUNDS); do
  for cli in "$@"; do
    name=$(basename $(dirname $cli))
    dir=$(mktemp -d $OUT/data-XXXX)
    t0=$(date +%s.%N)
    nice dotnet $cli ingest --data-dir $dir --rpc $URL --chain devnet --to $HEAD --max-concurrency 8 --batch-blocks 1000 > $OUT/r$r-$name.out 2> $OUT/r$r-$name.err
    rc=$?
    t1=$(date +%s.%N)
    echo "round $r $name rc $rc seconds $(echo "$t1 - $t0" | bc) load $(cut -d' ' -f1-3 /proc/loadavg) | $(tail -1 $OUT/r$r-$name.out)"
    rm -rf $dir
  done
  fetch $r
done
