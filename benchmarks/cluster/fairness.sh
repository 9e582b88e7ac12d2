#!/usr/bin/env bash
# Fairness across owners: the time to the first result of one query from owner B while owner A has 500 queued,
# against the same query from B on an idle node, with the PostgreSQL queue and with the embedded (SQLite) one.
# Starts a throwaway PostgreSQL (Debian's package, as user postgres when run as root) and two nodes, one on each
# store (2 medium slots of 1 thread each, up to 2 running per owner, 100,000 queued per owner). For each node:
# B's `select 1` on the idle node (5 times, the median kept), then A submits 500 executions of a query of ~0.1 s
# from 16 threads, then B submits `select 1` and long-polls it. Time to first result: B's submit to B's
# COMPLETED status, as the client sees it (submit + long poll); also the node's own execution_ended_at -
# submitted_at, and how many of A's executions were still queued when B's completed.
# Usage: benchmarks/cluster/fairness.sh [A's queued executions, default 500]
set -euo pipefail
cd "$(dirname "$0")/../.."
n=${1:-500}
source benchmarks/metadata/throwaway-postgres.sh fairness
dll=src/Strata.Server/bin/Release/net10.0/strata-server.dll
start() { # name, extra env
  mkdir -p "$work/$1"
  env ASPNETCORE_URLS=http://127.0.0.1:0 STRATA_DATA_DIR="$work/$1" STRATA_API_KEYS=alice:bench-a-0001,bob:bench-b-0002 STRATA_DEMO_SCALE=0.01 \
    Strata__Medium__Slots=2 Strata__Medium__Threads=1 Strata__Quotas__RunningPerOwner=2 Strata__Quotas__QueuedPerOwner=100000 \
    Strata__QueueCapacity=100000 Strata__RateLimits__WritePerMinute=0 Strata__RateLimits__ReadPerMinute=0 Logging__LogLevel__Default=Warning \
    "${@:2}" dotnet "$dll" >"$work/$1.log" 2>&1 &
  pids+=($!)
}
start sqlite
start postgres STRATA_METADATA="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres;Timeout=20"
for name in sqlite postgres; do
  until grep -q "Strata listening on" "$work/$name.log"; do sleep 0.5; done
done
for name in postgres sqlite; do
python3 - "$n" "$name" "$(grep -o 'http://[0-9.:]*' "$work/$name.log" | tail -1)" <<'PY'
import json, sys, time, urllib.request, concurrent.futures as cf
from datetime import datetime
n, name, url = int(sys.argv[1]), sys.argv[2], sys.argv[3]
A, B = "bench-a-0001", "bench-b-0002"
def call(key, path, body=None):
    req = urllib.request.Request(url + path, data=body and json.dumps(body).encode(), headers={"X-Dune-API-Key": key, "Content-Type": "application/json"})
    return json.load(urllib.request.urlopen(req, timeout=120))
ts = lambda s: datetime.fromisoformat(s.replace("Z", "+00:00"))
def first_result(key, sql):
    t0 = time.monotonic()
    eid = call(key, "/api/v1/sql/execute", {"sql": sql})["execution_id"]
    s = call(key, f"/api/v1/execution/{eid}/status?wait=60")
    while not s["is_execution_finished"]:
        s = call(key, f"/api/v1/execution/{eid}/status?wait=60")
    assert s["state"] == "QUERY_STATE_COMPLETED", s
    call(key, f"/api/v1/execution/{eid}/results")
    return (time.monotonic() - t0) * 1000, (ts(s["execution_ended_at"]) - ts(s["submitted_at"])).total_seconds() * 1000, ts(s["execution_ended_at"])
for i in range(5):
    first_result(A, f"select {i} as warm")
idle = sorted(first_result(B, f"select 1 as b, {i} as i") for i in range(5))[2]
slow = "select count(*) as c from range(3000000) t where t.range % 7 = 1"
with cf.ThreadPoolExecutor(16) as pool:
    a_ids = list(pool.map(lambda i: call(A, "/api/v1/sql/execute", {"sql": slow + f" and {i} >= 0"})["execution_id"], range(n)))
client, server, ended = first_result(B, "select 1 as b")
def state(eid):
    return call(A, f"/api/v1/execution/{eid}/status")
states = [state(e) for e in a_ids]
before = sum(1 for s in states if s.get("execution_ended_at") and ts(s["execution_ended_at"]) <= ended)
print(f"{name}: B idle: {idle[0]:.0f} ms to first result (node: {idle[1]:.0f} ms); "
      f"B behind A's {n} queued: {client:.0f} ms (node: {server:.0f} ms), ratio {client / idle[0]:.2f}x; "
      f"A's executions ended before B's: {before} of {n}")
for e in a_ids:  # leave the node idle for the next store's run
    try:
        urllib.request.urlopen(urllib.request.Request(url + f"/api/v1/execution/{e}/cancel", data=b"", headers={"X-Dune-API-Key": A}, method="POST"), timeout=30)
    except Exception:
        pass
PY
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
