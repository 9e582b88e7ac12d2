#!/usr/bin/env bash
# Submit-to-COMPLETED latency of small executions on two server builds side by side (serve-speed, decision 230): each
# build's server starts on its own data directory (the same demo file copied into both, the server's test scale 0.01),
# then submissions alternate between the two so both see the same machine load. The latency is the server's own
# execution_ended_at - submitted_at (no client polling in the figure); the CPU is each server process tree's user+system
# time over the measured executions, from /proc (the engine workers are its children).
# Usage: benchmarks/serving/exec-latency.sh <before repo> <after repo> [executions per query and build, default 100]
# Both repos must have a Release build of src/Strata.Server. Only loopback addresses; every wait is bounded.
set -euo pipefail
before=$(cd "$1" && pwd); after=$(cd "$2" && pwd); n=${3:-100}
work=$(mktemp -d /tmp/strata-exec-latency.XXXXXX)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
start() { # name, repo
  mkdir -p "$work/$1"
  [[ -n ${DEMO:-} ]] && cp "$DEMO" "$work/$1/demo.duckdb"
  env ASPNETCORE_URLS=http://127.0.0.1:0 STRATA_DATA_DIR="$work/$1" STRATA_API_KEYS=alice:bench-key-0001 STRATA_DEMO_SCALE=0.01 \
    Strata__RateLimits__WritePerMinute=0 Strata__RateLimits__ReadPerMinute=0 Logging__LogLevel__Default=Warning \
    dotnet "$2/src/Strata.Server/bin/Release/net10.0/strata-server.dll" >"$work/$1.log" 2>&1 &
  pids+=($!)
  echo $! >"$work/$1.pid"
}
start before "$before"
start after "$after"
for name in before after; do
  for _ in $(seq 1 600); do grep -q "Strata listening on" "$work/$name.log" && break; sleep 0.5; done
  grep -q "Strata listening on" "$work/$name.log" || { echo "$name did not start"; cat "$work/$name.log"; exit 1; }
done
python3 - "$n" "$(grep -o 'http://[0-9.:]*' "$work/before.log" | tail -1)" "$(grep -o 'http://[0-9.:]*' "$work/after.log" | tail -1)" \
  "$(cat "$work/before.pid")" "$(cat "$work/after.pid")" <<'PY'
import json, os, sys, urllib.request
from datetime import datetime
n, urls, pids = int(sys.argv[1]), {"before": sys.argv[2], "after": sys.argv[3]}, {"before": int(sys.argv[4]), "after": int(sys.argv[5])}
queries = {"select 1": "select 1", "demo": "select number, hash from ethereum.blocks order by number desc limit 5"}
tick = os.sysconf("SC_CLK_TCK")
def tree_cpu(root):
    # user+system seconds of the process and its live descendants (engine workers), and of its reaped children.
    total, children = 0.0, {}
    for p in os.listdir("/proc"):
        if p.isdigit():
            try:
                f = open(f"/proc/{p}/stat").read().rsplit(")", 1)[1].split()
                children.setdefault(int(f[1]), []).append((int(p), f))
            except OSError:
                pass
    stack = [root]
    stat = open(f"/proc/{root}/stat").read().rsplit(")", 1)[1].split()
    total += (int(stat[11]) + int(stat[12]) + int(stat[13]) + int(stat[14])) / tick
    while stack:
        for pid, f in children.get(stack.pop(), []):
            total += (int(f[11]) + int(f[12])) / tick
            stack.append(pid)
    return total
def call(url, path, body=None):
    req = urllib.request.Request(url + path, data=body and json.dumps(body).encode(), headers={"X-Dune-API-Key": "bench-key-0001", "Content-Type": "application/json"})
    return json.load(urllib.request.urlopen(req, timeout=120))
ts = lambda s: datetime.fromisoformat(s.replace("Z", "+00:00"))
def run(url, sql):
    eid = call(url, "/api/v1/sql/execute", {"sql": sql})["execution_id"]
    s = call(url, f"/api/v1/execution/{eid}/status?wait=30")
    for _ in range(100):
        if s["is_execution_finished"]:
            break
        s = call(url, f"/api/v1/execution/{eid}/status?wait=30")
    assert s["state"] == "QUERY_STATE_COMPLETED", s
    return (ts(s["execution_ended_at"]) - ts(s["submitted_at"])).total_seconds() * 1000
def pct(v, p): v = sorted(v); return v[min(len(v) - 1, int(round(p / 100 * (len(v) - 1))))]
for q, sql in queries.items():
    lat, cpu = {k: [] for k in urls}, {k: 0.0 for k in urls}
    for i in range(10):  # warm-up: the workers, the JIT, the demo file in the page cache
        for name, url in urls.items():
            run(url, sql)
    for i in range(n):
        for name, url in (urls.items() if i % 2 == 0 else reversed(urls.items())):
            c0 = tree_cpu(pids[name])
            lat[name].append(run(url, sql))
            cpu[name] += tree_cpu(pids[name]) - c0
    for name, v in lat.items():
        print(f"{q:9} {name:7} n={len(v)} p50={pct(v,50):.1f} ms p99={pct(v,99):.1f} ms cpu/exec={cpu[name]/n*1000:.1f} ms (server tree)")
    b, a = lat["before"], lat["after"]
    print(f"{q:9} after/before: p50 {pct(a,50)/pct(b,50):.2f}x, p99 {pct(a,99)/pct(b,99):.2f}x, cpu {cpu['after']/cpu['before']:.2f}x")
PY
