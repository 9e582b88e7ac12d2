#!/usr/bin/env bash
# Executions per second at saturation, `select <n>`, with 1 node and with 3 nodes on one PostgreSQL.
# Starts a throwaway PostgreSQL (Debian's package, as user postgres when run as root), then one node on database
# one_node, then three nodes on database three_nodes (one shared data directory), and submits N executions from 16
# client threads (round-robin across the nodes), then waits for all. The rate is N over the servers' own span:
# last execution_ended_at - first submitted_at. Every node: 2 medium slots, 1 thread each.
# Usage: benchmarks/cluster/throughput.sh [executions per run, default 300]
set -euo pipefail
cd "$(dirname "$0")/../.."
n=${1:-300}
pg_options="-c max_connections=300"
source benchmarks/metadata/throwaway-postgres.sh throughput
run_pg "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -q -c "create database one_node" -c "create database three_nodes"
dll=src/Strata.Server/bin/Release/net10.0/strata-server.dll
start() { # log name, data dir, database
  mkdir -p "$work/$2"
  env ASPNETCORE_URLS=http://127.0.0.1:0 STRATA_DATA_DIR="$work/$2" STRATA_API_KEYS=alice:bench-key-0001 STRATA_DEMO_SCALE=0.01 \
    STRATA_METADATA="Host=127.0.0.1;Port=$port;Username=postgres;Database=$3;Timeout=20" \
    Strata__Medium__Slots=2 Strata__Medium__Threads=1 Strata__Quotas__RunningPerOwner=2 Strata__Quotas__QueuedPerOwner=100000 \
    Strata__QueueCapacity=100000 Strata__RateLimits__WritePerMinute=0 Strata__RateLimits__ReadPerMinute=0 Logging__LogLevel__Default=Warning \
    dotnet "$dll" >"$work/$1.log" 2>&1 &
  pids+=($!)
  until grep -q "Strata listening on" "$work/$1.log"; do sleep 0.5; done
}
url() { grep -o 'http://[0-9.:]*' "$work/$1.log" | tail -1; }
measure() { # label, urls...
python3 - "$n" "$@" <<'PY'
import json, sys, urllib.request, concurrent.futures as cf
from datetime import datetime
n, label, urls = int(sys.argv[1]), sys.argv[2], sys.argv[3:]
def call(url, path, body=None):
    req = urllib.request.Request(url + path, data=body and json.dumps(body).encode(), headers={"X-Dune-API-Key": "bench-key-0001", "Content-Type": "application/json"})
    return json.load(urllib.request.urlopen(req, timeout=120))
ts = lambda s: datetime.fromisoformat(s.replace("Z", "+00:00"))
for i in range(6):  # warm up every node
    call(urls[i % len(urls)], "/api/v1/sql/execute", {"sql": f"select -{i} as n"})
def one(i):
    url = urls[i % len(urls)]
    eid = call(url, "/api/v1/sql/execute", {"sql": f"select {i} as n"})["execution_id"]
    return url, eid
with cf.ThreadPoolExecutor(16) as pool:
    ids = list(pool.map(one, range(n)))
def wait(item):
    url, eid = item
    s = call(url, f"/api/v1/execution/{eid}/status?wait=30")
    while not s["is_execution_finished"]:
        s = call(url, f"/api/v1/execution/{eid}/status?wait=30")
    assert s["state"] == "QUERY_STATE_COMPLETED", s
    return ts(s["submitted_at"]), ts(s["execution_ended_at"])
with cf.ThreadPoolExecutor(16) as pool:
    spans = list(pool.map(wait, ids))
span = (max(e for _, e in spans) - min(s for s, _ in spans)).total_seconds()
print(f"{label}: {n} executions in {span:.1f} s = {n / span:.1f} executions/s")
PY
}
start one one-node one_node
one=$(measure "1 node" "$(url one)")
echo "$one"
kill "${pids[0]}"; wait "${pids[0]}" 2>/dev/null || true; pids=()
start a shared three_nodes; start b shared three_nodes; start c shared three_nodes
three=$(measure "3 nodes" "$(url a)" "$(url b)" "$(url c)")
echo "$three"
python3 -c "import sys,re; r=lambda s: float(re.search(r'= ([0-9.]+) exec', s).group(1)); print(f'ratio 3 nodes / 1 node: {r(sys.argv[2])/r(sys.argv[1]):.2f}x')" "$one" "$three"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
