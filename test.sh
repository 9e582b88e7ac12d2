#!/usr/bin/env bash
# Runs every test: the xunit suite (which starts real server processes and drives the official
# TypeScript client against them) and prints one closing line "N passed, N failed[, N skipped]".
set -uo pipefail
cd "$(dirname "$0")"

if [ ! -d tests/client-compat/node_modules/@duneanalytics/client-sdk ]; then
  (cd tests/client-compat && npm ci --no-audit --no-fund --loglevel=error) || { echo "npm ci failed"; echo "0 passed, 1 failed"; exit 1; }
fi
if [ ! -x tests/chain-node/node_modules/@foundry-rs/anvil-linux-amd64/bin/anvil ]; then
  (cd tests/chain-node && npm ci --no-audit --no-fund --loglevel=error) || { echo "npm ci failed"; echo "0 passed, 1 failed"; exit 1; }
fi

results=$(mktemp -d)
dotnet test Strata.slnx -c Release --logger "trx;LogFileName=results.trx" --results-directory "$results" "$@"
status=$?

counts=$(python3 - "$results" <<'PY'
import glob, sys, xml.etree.ElementTree as ET
passed = failed = skipped = 0
for path in glob.glob(sys.argv[1] + "/**/*.trx", recursive=True):
    ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
    c = ET.parse(path).getroot().find("t:ResultSummary/t:Counters", ns)
    passed += int(c.get("passed")); failed += int(c.get("failed")) + int(c.get("error", 0)) + int(c.get("timeout", 0)) + int(c.get("aborted", 0))
    skipped += int(c.get("notExecuted", 0))
print(passed, failed, skipped)
PY
)
# STRATA_TEST_RESULTS=<dir> keeps the TRX logs (per-test durations) there and prints the in-process / server-process
# split of the cases and their times (benchmarks/test-pyramid/trx-split.py); .ci/run sets it.
if [ -n "${STRATA_TEST_RESULTS:-}" ]; then
  mkdir -p "$STRATA_TEST_RESULTS" && cp -r "$results"/. "$STRATA_TEST_RESULTS"/
  mapfile -t trx < <(find "$STRATA_TEST_RESULTS" -name '*.trx')
  if [ ${#trx[@]} -gt 0 ]; then
    echo "TRX logs: ${trx[*]}"
    python3 benchmarks/test-pyramid/trx-split.py . "${trx[@]}" || echo "trx-split.py failed (the test counts below stand)"
  fi
fi
rm -rf "$results"
read -r passed failed skipped <<< "${counts:-0 0 0}"
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
if [ "$passed" -eq 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
if [ "$skipped" -gt 0 ]; then
  echo "$passed passed, $failed failed, $skipped skipped"
else
  echo "$passed passed, $failed failed"
fi
[ "$failed" -eq 0 ]
