#!/usr/bin/env bash
# Coordination cost per execution of the PostgreSQL queue: the claim statement's latency and the PostgreSQL round
# trips and statements per `select <n>` execution, on one node.
# Starts a throwaway PostgreSQL (Debian's package, as user postgres when run as root) with pg_stat_statements, one
# node on it (2 medium slots of 1 thread), warms it up, then submits N executions from 2 client threads (as many as the slots, so the wait to start is the wake-up and claim, not queueing) and waits
# for each with a long poll (wait=30, which wakes on the end without polling the store).
# - Statements: pg_stat_statements, reset just before the N executions; every statement of every connection of the
#   node counts (submission, claim, start, finish, release, heartbeats, status reads of the long polls).
# - Round trips: data segments the node sent to PostgreSQL (`ss -ti`, data_segs_out of the node's sockets to the
#   PostgreSQL port, before and after). A batch of statements (NpgsqlBatch) goes out in one round trip.
# - Claim latency: the claim statement's time inside PostgreSQL (pg_stat_statements mean/max), and as the node
#   sees it: execution_started_at - submitted_at of the executions, which includes the NOTIFY wake-up and the claim.
# Usage: benchmarks/cluster/coordination.sh [executions, default 300]
set -euo pipefail
cd "$(dirname "$0")/../.."
n=${1:-300}
pg_options="-c max_connections=300 -c shared_preload_libraries=pg_stat_statements -c pg_stat_statements.track=all"
source benchmarks/metadata/throwaway-postgres.sh coordination
psql() { run_pg "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -d coord -qAt "$@"; }
run_pg "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -q -c "create database coord"
psql -c "create extension pg_stat_statements"
dll=src/Strata.Server/bin/Release/net10.0/strata-server.dll
mkdir -p "$work/data"
env ASPNETCORE_URLS=http://127.0.0.1:0 STRATA_DATA_DIR="$work/data" STRATA_API_KEYS=alice:bench-key-0001 STRATA_DEMO_SCALE=0.01 \
  STRATA_METADATA="Host=127.0.0.1;Port=$port;Username=postgres;Database=coord;Timeout=20" \
  Strata__Medium__Slots=2 Strata__Medium__Threads=1 Strata__Quotas__RunningPerOwner=2 Strata__Quotas__QueuedPerOwner=100000 \
  Strata__QueueCapacity=100000 Strata__RateLimits__WritePerMinute=0 Strata__RateLimits__ReadPerMinute=0 Logging__LogLevel__Default=Warning \
  dotnet "$dll" >"$work/node.log" 2>&1 &
node=$!
pids+=($node)
until grep -qs "Strata listening on" "$work/node.log"; do sleep 0.5; done
url=$(grep -o 'http://[0-9.:]*' "$work/node.log" | tail -1)
# Data segments sent to PostgreSQL by the node's sockets (all its pools and its listening connection).
segments() { ss -tinpH state established "( dport = :$port )" | python3 -c "
import re, sys
lines = sys.stdin.read().split('\n')
total = 0
for i, line in enumerate(lines):
    if 'pid=$node,' in line:
        info = ' '.join(lines[i:i + 2])
        m = re.search(r'data_segs_out:(\d+)', info)
        total += int(m.group(1)) if m else 0
print(total)"; }
run() { # count, first n, label
python3 - "$1" "$2" "$url" <<'PY'
import json, sys, urllib.request, concurrent.futures as cf
from datetime import datetime
n, first, url = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
def call(path, body=None):
    req = urllib.request.Request(url + path, data=body and json.dumps(body).encode(), headers={"X-Dune-API-Key": "bench-key-0001", "Content-Type": "application/json"})
    return json.load(urllib.request.urlopen(req, timeout=120))
ts = lambda s: datetime.fromisoformat(s.replace("Z", "+00:00"))
def one(i):
    eid = call("/api/v1/sql/execute", {"sql": f"select {first + i} as n"})["execution_id"]
    s = call(f"/api/v1/execution/{eid}/status?wait=30")
    while not s["is_execution_finished"]:
        s = call(f"/api/v1/execution/{eid}/status?wait=30")
    assert s["state"] == "QUERY_STATE_COMPLETED", s
    return (ts(s["execution_started_at"]) - ts(s["submitted_at"])).total_seconds() * 1000
with cf.ThreadPoolExecutor(2) as pool:
    waits = sorted(pool.map(one, range(n)))
q = lambda p: waits[min(len(waits) - 1, int(p * len(waits)))]
print(f"submitted -> started (node side): p50 {q(0.5):.1f} ms, p99 {q(0.99):.1f} ms")
PY
}
run 20 100000 >/dev/null   # warm-up
psql -c "select pg_stat_statements_reset()" >/dev/null
before=$(segments)
started=$(date +%s.%N)
waits=$(run "$n" 0)
elapsed=$(python3 -c "import time; print(f'{time.time() - $started:.1f}')")
after=$(segments)
echo "$n executions of select <n> on 1 node in $elapsed s"
echo "$waits"
python3 -c "print(f'round trips (data segments node -> PostgreSQL): {($after - $before) / $n:.1f} per execution')"
psql -F ' | ' -c "select round(sum(calls)::numeric / $n, 1) from pg_stat_statements where dbid = (select oid from pg_database where datname = 'coord')" \
  | sed 's/^/statements per execution: /'
echo "claim statement inside PostgreSQL (calls per execution | mean ms | max ms):"
psql -F ' | ' -c "select round(calls::numeric / $n, 2), round(mean_exec_time::numeric, 2), round(max_exec_time::numeric, 2)
  from pg_stat_statements where query like '%FOR UPDATE OF e SKIP LOCKED%' order by calls desc limit 1"
echo "statements per execution by kind (calls per execution | mean ms | statement):"
psql -F ' | ' -c "select round(calls::numeric / $n, 2), round(mean_exec_time::numeric, 2), left(regexp_replace(query, '\s+', ' ', 'g'), 110)
  from pg_stat_statements where dbid = (select oid from pg_database where datname = 'coord') order by calls desc limit 15"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
