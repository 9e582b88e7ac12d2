#!/usr/bin/env bash
# Upload benchmark: POST /api/v1/uploads/{ns}/{table}/insert of a ~100 MB CSV against DuckDB's own
# read_csv of the same file, measured in the same run, in alternation (peer, Strata, peer, Strata, ...),
# so that the rest of the machine's load hits both. The figure is the ratio Strata MB/s / DuckDB MB/s.
#
#   benchmarks/uploads/run.sh     # about 3 min on 2 cores after the build
#
# Settings (environment): ROWS (460000: about 100 MB of CSV), REPS (5), WARMUPS (1), TYPED_PEER (1: also time
# DuckDB's typed read_csv -> Parquet, for context), STRATA_PORT (18490), QUIET_LOAD (1.5) and QUIET_WAIT (300):
# wait up to QUIET_WAIT s for the 1-minute load average to fall below QUIET_LOAD before measuring, BENCH_DIR
# (a new temp dir), KEEP_DIR (0: delete BENCH_DIR at the end), SKIP_BUILD (0), TARGET (0.7),
# OUT (benchmarks/out/uploads-<date>.md, git-ignored).
# Only loopback addresses are used. Every wait and loop is bounded in count and time.
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
ROWS=${ROWS:-460000}
REPS=${REPS:-5}
WARMUPS=${WARMUPS:-1}
TYPED_PEER=${TYPED_PEER:-1}
STRATA_PORT=${STRATA_PORT:-18490}
QUIET_LOAD=${QUIET_LOAD:-1.5}
QUIET_WAIT=${QUIET_WAIT:-300}
KEEP_DIR=${KEEP_DIR:-0}
SKIP_BUILD=${SKIP_BUILD:-0}
TARGET=${TARGET:-0.7}
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
OUT=${OUT:-$REPO/benchmarks/out/uploads-$STAMP.md}
BENCH_DIR=${BENCH_DIR:-$(mktemp -d /tmp/strata-uploads.XXXXXX)}
HANDLE=bench
KEY=bench-key-000001
STRATA=http://127.0.0.1:$STRATA_PORT
SERVER_DLL=$REPO/src/Strata.Server/bin/Release/net10.0/strata-server.dll
PEER_DLL=$REPO/benchmarks/uploads/UploadPeer/bin/Release/net10.0/UploadPeer.dll
CSV=$BENCH_DIR/transactions.csv
CLK_TCK=$(getconf CLK_TCK)
T0=$(date +%s)
STRATA_PID=""
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

log() { printf '[%4ss] %s\n' "$(($(date +%s) - T0))" "$*" >&2; }
die() { log "FAILED: $*"; exit 1; }

stop_pid() { # pid: TERM, wait up to 30 s, then KILL
    local pid=$1 i
    [[ -n $pid ]] && kill -0 "$pid" 2>/dev/null || return 0
    kill "$pid" 2>/dev/null || true
    for i in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -0 "$pid" 2>/dev/null && kill -9 "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
}
cleanup() {
    stop_pid "$STRATA_PID"
    if [[ $KEEP_DIR == 1 ]]; then log "kept $BENCH_DIR"; else rm -rf "$BENCH_DIR"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
calc() { awk "BEGIN { printf \"%.${2:-2}f\", $1 }"; }
median() { sort -g "$1" | awk '{v[NR] = $1} END {if (NR == 0) {print "nan"; exit} print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }
cpu_ticks() { sed 's/.*) //' "/proc/$1/stat" | awk '{print $12 + $13}'; }
kib() { awk -v k="$2" '$1 == k":" {print $2}' "/proc/$1/status"; }
load1() { cut -d' ' -f1 /proc/loadavg; }
LOADS=""
mark() { LOADS+="$1: $(load1); "; } # the 1-minute load average as a round starts
kv() { sed -n "s/^$1=//p" "$2"; } # key file -> value of a key=value line

# ---------------------------------------------------------------- 0. tools, build, data, server
command -v curl >/dev/null || die "curl is needed"
command -v jq >/dev/null || die "jq is needed"
port_free "$STRATA_PORT" || die "port $STRATA_PORT is in use (set STRATA_PORT)"
log "bench dir $BENCH_DIR"
LOADAVG_START=$(cut -d' ' -f1-3 /proc/loadavg)

if [[ $SKIP_BUILD != 1 ]]; then
    log "building (Release): the server and benchmarks/uploads/UploadPeer"
    dotnet build -c Release "$REPO/src/Strata.Server/Strata.Server.csproj" -v q -nologo >"$BENCH_DIR/build.log" 2>&1 || { tail -30 "$BENCH_DIR/build.log"; die "build of the server"; }
    dotnet build -c Release "$REPO/benchmarks/uploads/UploadPeer/UploadPeer.csproj" -v q -nologo >>"$BENCH_DIR/build.log" 2>&1 || { tail -30 "$BENCH_DIR/build.log"; die "build of UploadPeer"; }
fi
[[ -f $SERVER_DLL && -f $PEER_DLL ]] || die "missing build output ($SERVER_DLL, $PEER_DLL)"

log "generating $ROWS rows of CSV"
dotnet "$PEER_DLL" generate "$CSV" "$ROWS" >"$BENCH_DIR/generate.txt" || die "generator"
CSV_BYTES=$(kv bytes "$BENCH_DIR/generate.txt")
CSV_SHA=$(sha256sum "$CSV" | cut -c1-16)
log "   $CSV_BYTES bytes in $(kv seconds "$BENCH_DIR/generate.txt")s, sha256 $CSV_SHA..."

start_strata() {
    local i
    mkdir -p "$BENCH_DIR/strata"
    ASPNETCORE_URLS=$STRATA STRATA_DATA_DIR=$BENCH_DIR/strata STRATA_API_KEYS=$HANDLE:$KEY STRATA_DEMO_SCALE=0.01 \
        dotnet "$SERVER_DLL" >>"$BENCH_DIR/strata.log" 2>&1 &
    STRATA_PID=$!
    for i in $(seq 1 240); do
        grep -q "Strata listening on" "$BENCH_DIR/strata.log" 2>/dev/null && return 0
        kill -0 "$STRATA_PID" 2>/dev/null || { tail -20 "$BENCH_DIR/strata.log"; die "strata exited"; }
        sleep 0.5
    done
    die "strata did not start within 120 s"
}
start_strata
log "strata up (pid $STRATA_PID)"
H=(-H "X-Dune-API-Key: $KEY")

SCHEMA='[{"name":"block_number","type":"bigint","nullable":false},{"name":"block_time","type":"timestamp","nullable":false},
{"name":"tx_hash","type":"varbinary","nullable":false},{"name":"from_address","type":"varchar","nullable":false},
{"name":"to_address","type":"varchar","nullable":true},{"name":"value","type":"uint256","nullable":false},
{"name":"success","type":"boolean","nullable":false},{"name":"gas_price_gwei","type":"double","nullable":false}]'
create_table() { # name
    local body code
    body=$(jq -cn --arg ns "$HANDLE" --arg t "$1" --argjson s "$SCHEMA" '{namespace: $ns, table_name: $t, schema: $s, description: "upload benchmark", is_private: true}')
    code=$(curl -sS -o "$BENCH_DIR/create.json" -w '%{http_code}' -X POST "$STRATA/api/v1/uploads" "${H[@]}" -H 'Content-Type: application/json' -d "$body")
    [[ $code == 200 ]] || die "POST /api/v1/uploads ($1): $code $(cat "$BENCH_DIR/create.json")"
}
delete_table() { # name
    local code
    code=$(curl -sS -o "$BENCH_DIR/delete.json" -w '%{http_code}' -X DELETE "$STRATA/api/v1/uploads/$HANDLE/$1" "${H[@]}")
    [[ $code == 200 ]] || die "DELETE /api/v1/uploads/$HANDLE/$1: $code $(cat "$BENCH_DIR/delete.json")"
}
# insert NAME: one timed insert of the whole file; appends "seconds server-cpu-seconds" to strata.t
insert() {
    local name=$1 c0 c1 out code secs rows bytes
    c0=$(cpu_ticks "$STRATA_PID")
    # 'Expect:' turns off curl's Expect: 100-continue for large bodies, so no round trip is waited for.
    out=$(curl -sS -o "$BENCH_DIR/insert.json" -w '%{http_code} %{time_total}' --data-binary "@$CSV" \
        -H 'Content-Type: text/csv' -H 'Expect:' "${H[@]}" "$STRATA/api/v1/uploads/$HANDLE/$name/insert") || die "curl insert $name"
    c1=$(cpu_ticks "$STRATA_PID")
    read -r code secs <<<"$out"
    [[ $code == 200 ]] || die "insert into $name: $code $(head -c 2000 "$BENCH_DIR/insert.json")"
    rows=$(jq -r '.rows_written' "$BENCH_DIR/insert.json")
    bytes=$(jq -r '.bytes_written' "$BENCH_DIR/insert.json")
    [[ $rows == "$ROWS" ]] || die "insert into $name: rows_written $rows, expected $ROWS: $(cat "$BENCH_DIR/insert.json")"
    [[ $bytes == "$CSV_BYTES" ]] || BYTES_NOTE="bytes_written $bytes differs from the body's $CSV_BYTES bytes ($(cat "$BENCH_DIR/insert.json"))"
    INSERT_S=$secs
    INSERT_CPU=$(calc "($c1 - $c0) / $CLK_TCK")
}
BYTES_NOTE=""
# peer MODE: one timed DuckDB load in a new process (fresh in-memory database); sets PEER_S
peer() {
    dotnet "$PEER_DLL" load "$CSV" "$1" "$BENCH_DIR" >"$BENCH_DIR/peer-$1.txt" || die "duckdb peer $1"
    [[ $(kv rows "$BENCH_DIR/peer-$1.txt") == "$ROWS" ]] || die "duckdb peer $1 read $(kv rows "$BENCH_DIR/peer-$1.txt") rows, expected $ROWS"
    PEER_S=$(kv seconds "$BENCH_DIR/peer-$1.txt")
}

# ---------------------------------------------------------------- 1. a quiet machine, then warm-ups
log "waiting up to ${QUIET_WAIT}s for the 1-minute load average to fall below $QUIET_LOAD (now $(load1))"
QUIET_START=$(date +%s)
while awk -v l="$(load1)" -v q="$QUIET_LOAD" 'BEGIN {exit !(l >= q)}' && (($(date +%s) - QUIET_START < QUIET_WAIT)); do sleep 10; done
QUIET_WAITED=$(($(date +%s) - QUIET_START))
log "   waited ${QUIET_WAITED}s, load average $(load1)"

for w in $(seq 1 "$WARMUPS"); do
    log "warm-up $w $(load1)"
    peer auto
    create_table "warm_$w"
    insert "warm_$w"
    log "   duckdb ${PEER_S}s, strata ${INSERT_S}s"
    delete_table "warm_$w"
done
DUCK_VERSION=$(kv duckdb_version "$BENCH_DIR/peer-auto.txt")
DUCK_TYPES=$(kv types "$BENCH_DIR/peer-auto.txt")

# ---------------------------------------------------------------- 2. rounds: DuckDB, Strata[, DuckDB typed]
: >"$BENCH_DIR/duck.t"; : >"$BENCH_DIR/strata.t"; : >"$BENCH_DIR/strata.cpu"; : >"$BENCH_DIR/typed.t"; : >"$BENCH_DIR/split.t"; : >"$BENCH_DIR/ratio.t"
RSS_BASE=$(kib "$STRATA_PID" VmRSS)
HWM_RESET=0
echo 5 >"/proc/$STRATA_PID/clear_refs" 2>/dev/null && HWM_RESET=1
RSS_SAMPLED=$RSS_BASE
ROUND_LINES=""
for r in $(seq 1 "$REPS"); do
    mark "$r"; L=$(load1)
    peer auto; D=$PEER_S
    create_table "t_$r"
    insert "t_$r"; S=$INSERT_S
    RSS_SAMPLED=$(awk -v a="$RSS_SAMPLED" -v b="$(kib "$STRATA_PID" VmHWM)" 'BEGIN {print (b > a) ? b : a}')
    T="-"
    if [[ $TYPED_PEER == 1 ]]; then peer typed-parquet; T=$PEER_S; echo "$T" >>"$BENCH_DIR/typed.t"; PARQUET_BYTES=$(kv parquet_bytes "$BENCH_DIR/peer-typed-parquet.txt"); fi
    # The server's own split of the insert (UploadService logs spool / convert / commit milliseconds), if it logs one.
    X=$(grep -o "into dune\.$HANDLE\.t_$r: spool [0-9]* ms, convert [0-9]* ms, commit [0-9]* ms" "$BENCH_DIR/strata.log" | tail -1 | awk '{print $4, $7, $10}' || true)
    [[ -n $X ]] && echo "$X $S" >>"$BENCH_DIR/split.t" # spool_ms convert_ms commit_ms curl_s
    X=${X:+$(awk '{printf "%.3f / %.3f / %.3f s", $1 / 1000, $2 / 1000, $3 / 1000}' <<<"$X")}
    echo "$D" >>"$BENCH_DIR/duck.t"; echo "$S" >>"$BENCH_DIR/strata.t"; echo "$INSERT_CPU" >>"$BENCH_DIR/strata.cpu"
    echo "$(calc "$D / $S" 3)" >>"$BENCH_DIR/ratio.t"
    ROUND_LINES+="| $r | $L | ${D} s ($(calc "$CSV_BYTES / $D / 1000000" 1) MB/s) | $(calc "$S" 3) s ($(calc "$CSV_BYTES / $S / 1000000" 1) MB/s), server CPU ${INSERT_CPU} s | $(calc "$D / $S") x | ${T}$([[ $T != - ]] && echo " s") | ${X:--} |"$'\n'
    log "round $r (load $L): duckdb read_csv ${D}s, strata insert $(calc "$S" 3)s (server cpu ${INSERT_CPU}s, rows_written $ROWS), ratio $(calc "$D / $S") x$([[ $T != - ]] && echo ", duckdb typed->parquet ${T}s")${X:+, strata spool / convert / commit $X}"
    ((r == REPS)) || delete_table "t_$r"
done
RSS_HWM=$(kib "$STRATA_PID" VmHWM)
[[ $HWM_RESET == 1 ]] || RSS_HWM=$RSS_SAMPLED

# ---------------------------------------------------------------- 3. the last table holds what the file holds
log "checking the last table against DuckDB's reading of the file"
dotnet "$PEER_DLL" check "$CSV" >"$BENCH_DIR/check-duck.txt" || die "duckdb peer check"
CHECK_SQL="SELECT $(dotnet "$PEER_DLL" check-sql) FROM dune.$HANDLE.t_$REPS"
CHECK="not run"
resp=$(curl -sS -X POST "$STRATA/api/v1/sql/execute?wait=60" "${H[@]}" -H 'Content-Type: application/json' -d "$(jq -cn --arg s "$CHECK_SQL" '{sql: $s}')")
EXEC_ID=$(jq -r '.execution_id // empty' <<<"$resp")
state=$(jq -r '.state // empty' <<<"$resp")
if [[ -z $EXEC_ID ]]; then
    CHECK="**failed**: execute answered $resp"
else
    for i in $(seq 1 10); do
        [[ $state == QUERY_STATE_PENDING || $state == QUERY_STATE_EXECUTING || -z $state ]] || break
        state=$(curl -sS "$STRATA/api/v1/execution/$EXEC_ID/status?wait=30" "${H[@]}" | jq -r '.state')
    done
    curl -sS "$STRATA/api/v1/execution/$EXEC_ID/results" "${H[@]}" >"$BENCH_DIR/check-strata.json"
    if [[ $state != QUERY_STATE_COMPLETED ]]; then
        CHECK="**failed**: the check query ended $state: $(head -c 1000 "$BENCH_DIR/check-strata.json")"
    else
        jq -r '.result.rows[0] | to_entries[] | "check_\(.key)=\(.value)"' "$BENCH_DIR/check-strata.json" >"$BENCH_DIR/check-strata.txt"
        if diff <(grep '^check_' "$BENCH_DIR/check-duck.txt") "$BENCH_DIR/check-strata.txt" >"$BENCH_DIR/check.diff"; then
            CHECK="match ($(grep -c '^check_' "$BENCH_DIR/check-duck.txt") aggregates over every column: count, sums, distinct counts, min/max, digits of value)"
        else
            CHECK="**MISMATCH**: $(awk -F= 'FNR == NR {d[$1] = substr($0, length($1) + 2); next} {k = $1; v = substr($0, length(k) + 2); seen[k] = 1
                if (d[k] != v) printf "%s%s DuckDB %s, Strata %s", n++ ? "; " : "", substr(k, 7), d[k], v}
                END {for (k in d) if (!(k in seen)) printf "%s%s DuckDB %s, Strata (missing)", n++ ? "; " : "", substr(k, 7), d[k]}' \
                <(grep '^check_' "$BENCH_DIR/check-duck.txt") "$BENCH_DIR/check-strata.txt")"
        fi
    fi
fi
log "   $CHECK"

# ---------------------------------------------------------------- report
D_T=$(calc "$(median "$BENCH_DIR/duck.t")" 3)
S_T=$(calc "$(median "$BENCH_DIR/strata.t")" 3)
S_CPU=$(calc "$(median "$BENCH_DIR/strata.cpu")")
D_MBPS=$(calc "$CSV_BYTES / $D_T / 1000000" 1)
S_MBPS=$(calc "$CSV_BYTES / $S_T / 1000000" 1)
RATIO=$(calc "$S_MBPS / $D_MBPS")
RATIO_RANGE=$(sort -g "$BENCH_DIR/ratio.t" | awk 'NR == 1 {lo = $1} {hi = $1} END {printf "%.2f-%.2f", lo, hi}')
VERDICT=$(awk -v v="$RATIO" -v t="$TARGET" 'BEGIN {print (v >= t) ? "met" : "**missed**"}')
if [[ $TYPED_PEER == 1 ]]; then
    T_T=$(calc "$(median "$BENCH_DIR/typed.t")" 3); T_MBPS=$(calc "$CSV_BYTES / $T_T / 1000000" 1); T_RATIO=$(calc "$S_MBPS / $T_MBPS")
fi
SPLIT_LINE=""
if [[ -s $BENCH_DIR/split.t ]]; then # medians of each part, from the server's log
    SPOOL_T=$(awk '{print $1 / 1000}' "$BENCH_DIR/split.t" >"$BENCH_DIR/split1.t"; calc "$(median "$BENCH_DIR/split1.t")" 3)
    CONVERT_T=$(awk '{print $2 / 1000}' "$BENCH_DIR/split.t" >"$BENCH_DIR/split2.t"; calc "$(median "$BENCH_DIR/split2.t")" 3)
    COMMIT_T=$(awk '{print $3 / 1000}' "$BENCH_DIR/split.t" >"$BENCH_DIR/split3.t"; calc "$(median "$BENCH_DIR/split3.t")" 3)
    REST_T=$(awk '{print $4 - ($1 + $2 + $3) / 1000}' "$BENCH_DIR/split.t" >"$BENCH_DIR/split4.t"; calc "$(median "$BENCH_DIR/split4.t")" 3)
    SPLIT_LINE="| split of the Strata insert (server log, medians) | spool (receive the body to a file) $SPOOL_T s, convert (DuckDB statement to a Parquet part) $CONVERT_T s, commit $COMMIT_T s; the rest of curl's time $REST_T s | convert alone: $(calc "$CSV_BYTES / $CONVERT_T / 1000000" 1) MB/s | convert alone vs read_csv: $(calc "$D_T / $CONVERT_T") x | (none) | |"
fi
LOADAVG_END=$(cut -d' ' -f1-3 /proc/loadavg)
CPU_MODEL=$(awk -F': *' '/^model name/ {print $2; exit}' /proc/cpuinfo)
MEM_GIB=$(awk '/^MemTotal/ {printf "%.1f", $2 / 1048576}' /proc/meminfo)
COMMIT=$(git -C "$REPO" rev-parse --short HEAD 2>/dev/null || echo unknown)
DIRTY=$(git -C "$REPO" status --porcelain --untracked-files=no 2>/dev/null | grep -q . && echo " (+ uncommitted changes)" || true)
mkdir -p "$(dirname "$OUT")"
{
    echo "### CSV upload (insert), $(date -u '+%Y-%m-%d %H:%M UTC')"
    echo
    echo "Machine: $(nproc) cores, $MEM_GIB GiB, $CPU_MODEL, $(uname -r); load average $LOADAVG_START at the start (waited ${QUIET_WAITED}s for < $QUIET_LOAD), $LOADAVG_END at the end."
    echo "Strata $COMMIT$DIRTY (Release), .NET $(dotnet --version), DuckDB $DUCK_VERSION (DuckDB.NET, threads = 2, memory_limit = 4GB), curl $(curl -V | head -1 | cut -d' ' -f2)."
    echo "Data: $ROWS rows x 8 columns (bigint, timestamp, varbinary 32 B as 0x-hex, 2 x varchar 0x-address, uint256 as decimal digits up to 78, boolean, double),"
    echo "$CSV_BYTES bytes of CSV (sha256 $CSV_SHA...), generated by \`UploadPeer generate\`. Command: \`benchmarks/uploads/run.sh\` (ROWS=$ROWS REPS=$REPS WARMUPS=$WARMUPS)."
    echo
    echo "| measure | Strata | DuckDB | ratio | target | |"
    echo "|---|---|---|---|---|---|"
    echo "| CSV into a table, median of $REPS (alternating) | \`insert\`: $S_MBPS MB/s ($S_T s; server CPU $S_CPU s) | \`CREATE TABLE t AS SELECT * FROM read_csv(file)\`: $D_MBPS MB/s ($D_T s) | $RATIO x (rounds $RATIO_RANGE) | >= $TARGET x | $VERDICT |"
    if [[ $TYPED_PEER == 1 ]]; then
        echo "| context: DuckDB with the declared types, to a Parquet file | | typed \`read_csv\`, \`unhex\`, \`::BIGNUM\`, \`COPY TO parquet\`: $T_MBPS MB/s ($T_T s, $(calc "$PARQUET_BYTES / 1000000" 1) MB) | $T_RATIO x | (none) | |"
    fi
    [[ -z $SPLIT_LINE ]] || echo "$SPLIT_LINE"
    echo
    echo "| round | load (1 min) | DuckDB read_csv | Strata insert | DuckDB / Strata time | DuckDB typed -> Parquet | Strata's log: spool / convert / commit |"
    echo "|---|---|---|---|---|---|---|"
    printf '%s' "$ROUND_LINES"
    echo
    echo "Every insert answered 200 with rows_written = $ROWS.${BYTES_NOTE:+ Note: $BYTES_NOTE.}"
    echo "Check of the last table (SQL through the executions API, against DuckDB reading the file with the declared types): $CHECK."
    echo "DuckDB's sniffed types: $DUCK_TYPES."
    echo "Server RSS: $(calc "$RSS_BASE / 1024" 0) MB before the rounds, peak $(calc "$RSS_HWM / 1024" 0) MB during them ($([[ $HWM_RESET == 1 ]] && echo "VmHWM after clear_refs" || echo "VmHWM, not reset")). 1-minute load average as each round started: ${LOADS%; }."
    echo "Strata time is curl's time_total for \`curl --data-binary @file -H 'Content-Type: text/csv' -H 'Expect:'\` (body read into memory by curl first);"
    echo "DuckDB's is the statement alone, timed in a new process with a fresh in-memory database. MB = 10^6 bytes of CSV."
} >"$OUT"
cat "$OUT"
log "written $OUT; total $(($(date +%s) - T0)) s"
