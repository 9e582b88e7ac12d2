#!/usr/bin/env bash
# Submit-to-COMPLETED latency of `select <n>` on one node: SQLite metadata against PostgreSQL metadata.
# Starts a throwaway PostgreSQL (Debian's package, as user postgres when run as root) and two servers,
# then alternates sequential submissions between them so both see the same machine load. The latency is
# the server's own execution_ended_at - submitted_at (no client polling in the figure).
# Usage: benchmarks/metadata/latency.sh [executions per store, default 200]
set -euo pipefail
cd "$(dirname "$0")/../.."
n=${1:-200}
source benchmarks/metadata/throwaway-postgres.sh latency
dll=src/Strata.Server/bin/Release/net10.0/strata-server.dll
start() { # name, extra env
  mkdir -p "$work/$1"
  env ASPNETCORE_URLS=http://127.0.0.1:0 STRATA_DATA_DIR="$work/$1" STRATA_API_KEYS=alice:bench-key-0001 STRATA_DEMO_SCALE=0.01 \
    Strata__RateLimits__WritePerMinute=0 Strata__RateLimits__ReadPerMinute=0 Logging__LogLevel__Default=Warning "${@:2}" \
    dotnet "$dll" >"$work/$1.log" 2>&1 &
  pids+=($!)
}
start sqlite
start postgres STRATA_METADATA="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
for name in sqlite postgres; do
  until grep -q "Strata listening on" "$work/$name.log"; do sleep 0.5; done
done
python3 - "$n" "$(grep -o 'http://[0-9.:]*' "$work/sqlite.log" | tail -1)" "$(grep -o 'http://[0-9.:]*' "$work/postgres.log" | tail -1)" <<'PY'
import json, sys, urllib.request
from datetime import datetime
n, urls = int(sys.argv[1]), {"sqlite": sys.argv[2], "postgres": sys.argv[3]}
def call(url, path, body=None):
    req = urllib.request.Request(url + path, data=body and json.dumps(body).encode(), headers={"X-Dune-API-Key": "bench-key-0001", "Content-Type": "application/json"})
    return json.load(urllib.request.urlopen(req, timeout=120))
ts = lambda s: datetime.fromisoformat(s.replace("Z", "+00:00"))
lat = {k: [] for k in urls}
for i in range(n + 10):
    for name, url in urls.items():
        eid = call(url, "/api/v1/sql/execute", {"sql": f"select {i} as n"})["execution_id"]
        s = call(url, f"/api/v1/execution/{eid}/status?wait=30")
        while not s["is_execution_finished"]:
            s = call(url, f"/api/v1/execution/{eid}/status?wait=30")
        assert s["state"] == "QUERY_STATE_COMPLETED", s
        if i >= 10:  # the first ten warm up each server
            lat[name].append((ts(s["execution_ended_at"]) - ts(s["submitted_at"])).total_seconds() * 1000)
def pct(v, p): v = sorted(v); return v[min(len(v) - 1, int(round(p / 100 * (len(v) - 1))))]
for name, v in lat.items():
    print(f"{name:9} n={len(v)} p50={pct(v,50):.1f} ms p99={pct(v,99):.1f} ms")
print(f"ratio postgres/sqlite: p50 {pct(lat['postgres'],50)/pct(lat['sqlite'],50):.2f}x, p99 {pct(lat['postgres'],99)/pct(lat['sqlite'],99):.2f}x")
PY
