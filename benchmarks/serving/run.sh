#!/usr/bin/env bash
# Result-serving benchmark: Strata against ClickHouse (Debian's 18.16) and DuckDB, on one stored
# result of 10,000,000 rows x 5 columns. Every figure is a ratio against a peer measured in this run.
#
#   benchmarks/serving/run.sh     # about 5 min on 2 cores after the build and apt-get (root or sudo, first run only)
#
# Settings (environment): ROWS (10000000), STRATA_PORT (18480), CH_HTTP_PORT (18423), CH_TCP_PORT (18424),
# LATENCY_REQUESTS (200), DOWNLOAD_RUNS (3), QUERY_RUNS (20), LOAD_CLIENTS (64), LOAD_SECONDS (30),
# MEMORY_PAGES (8), BENCH_DIR (a new temp dir), KEEP_DIR (0: delete BENCH_DIR at the end), SKIP_BUILD (0),
# OUT (benchmarks/out/serving-<date>.md, git-ignored).
# Only loopback addresses are used. Every wait and loop is bounded in count and time.
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
ROWS=${ROWS:-10000000}
STRATA_PORT=${STRATA_PORT:-18480}
CH_HTTP_PORT=${CH_HTTP_PORT:-18423}
CH_TCP_PORT=${CH_TCP_PORT:-18424}
LATENCY_REQUESTS=${LATENCY_REQUESTS:-200}
DOWNLOAD_RUNS=${DOWNLOAD_RUNS:-3}
QUERY_RUNS=${QUERY_RUNS:-20}
LOAD_CLIENTS=${LOAD_CLIENTS:-64}
LOAD_SECONDS=${LOAD_SECONDS:-30}
MEMORY_PAGES=${MEMORY_PAGES:-8}
KEEP_DIR=${KEEP_DIR:-0}
SKIP_BUILD=${SKIP_BUILD:-0}
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
OUT=${OUT:-$REPO/benchmarks/out/serving-$STAMP.md}
BENCH_DIR=${BENCH_DIR:-$(mktemp -d /tmp/strata-serving.XXXXXX)}
KEY=bench-key-000001
STRATA=http://127.0.0.1:$STRATA_PORT
CH=http://127.0.0.1:$CH_HTTP_PORT
SERVER_DLL=$REPO/src/Strata.Server/bin/Release/net10.0/strata-server.dll
PEER_DLL=$REPO/benchmarks/serving/DuckDbPeer/bin/Release/net10.0/DuckDbPeer.dll
CLK_TCK=$(getconf CLK_TCK)
T0=$(date +%s)
STRATA_PID=""
CH_PID=""
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

log() { printf '[%4ss] %s\n' "$(($(date +%s) - T0))" "$*" >&2; }
die() { log "FAILED: $*"; exit 1; }

# ---------------------------------------------------------------- processes this script owns
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
    stop_pid "$CH_PID"
    if [[ $KEEP_DIR == 1 ]]; then log "kept $BENCH_DIR"; else rm -rf "$BENCH_DIR"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# ---------------------------------------------------------------- small statistics
# percentile P FILE: nearest-rank percentile of the numbers in FILE, one a line
percentile() { sort -g "$2" | awk -v p="$1" '{v[NR]=$1} END {if (NR == 0) {print "nan"; exit} r = int((p / 100) * NR + 0.999999); if (r < 1) r = 1; if (r > NR) r = NR; print v[r]}'; }
calc() { awk "BEGIN { printf \"%.${2:-2}f\", $1 }"; }
cpu_ticks() { sed 's/.*) //' "/proc/$1/stat" | awk '{print $12 + $13}'; }
loadavg() { echo "(load average $(cut -d' ' -f1 /proc/loadavg))"; }
LOADS=""
mark() { LOADS+="$1: $(cut -d' ' -f1 /proc/loadavg); "; } # the 1-minute load average as a test starts
urlencode() { # ASCII text -> percent-encoded
    local s=$1 out="" c h i
    for ((i = 0; i < ${#s}; i++)); do
        c=${s:i:1}
        case $c in
            [a-zA-Z0-9.~_-]) out+=$c ;;
            *) printf -v h '%%%02X' "'$c"; out+=$h ;;
        esac
    done
    echo "$out"
}
kib() { awk -v k="$2" '$1 == k":" {print $2}' "/proc/$1/status"; }

# ---------------------------------------------------------------- 0. tools, build, servers
need=()
command -v clickhouse-server >/dev/null || need+=(clickhouse-server)
command -v clickhouse-client >/dev/null || need+=(clickhouse-client)
command -v wrk >/dev/null || need+=(wrk)
command -v curl >/dev/null || need+=(curl)
if ((${#need[@]})); then
    log "installing ${need[*]} from Debian"
    SUDO=""; [[ $(id -u) == 0 ]] || SUDO=sudo
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >/dev/null
fi
for p in "$STRATA_PORT" "$CH_HTTP_PORT" "$CH_TCP_PORT"; do port_free "$p" || die "port $p is in use (set STRATA_PORT / CH_HTTP_PORT / CH_TCP_PORT)"; done

if [[ $SKIP_BUILD != 1 ]]; then
    log "building (Release)"
    dotnet build -c Release "$REPO/Strata.slnx" -v q -nologo >"$BENCH_DIR/build.log" 2>&1 || { tail -30 "$BENCH_DIR/build.log"; die "build"; }
    # The peer is in Strata.slnx; building it by path as well keeps the script working without that line.
    dotnet build -c Release "$REPO/benchmarks/serving/DuckDbPeer/DuckDbPeer.csproj" -v q -nologo >>"$BENCH_DIR/build.log" 2>&1 || { tail -30 "$BENCH_DIR/build.log"; die "build of DuckDbPeer"; }
fi
[[ -f $SERVER_DLL && -f $PEER_DLL ]] || die "missing build output ($SERVER_DLL, $PEER_DLL)"

start_clickhouse() {
    local d=$BENCH_DIR/clickhouse i
    mkdir -p "$d/data" "$d/tmp" "$d/user_files" "$d/log"
    cat >"$d/config.xml" <<EOF
<?xml version="1.0"?>
<yandex>
  <logger><level>warning</level><log>$d/log/server.log</log><errorlog>$d/log/err.log</errorlog><size>100M</size><count>1</count></logger>
  <http_port>$CH_HTTP_PORT</http_port>
  <tcp_port>$CH_TCP_PORT</tcp_port>
  <listen_host>127.0.0.1</listen_host>
  <max_connections>1024</max_connections>
  <keep_alive_timeout>10</keep_alive_timeout>
  <max_concurrent_queries>200</max_concurrent_queries>
  <uncompressed_cache_size>1073741824</uncompressed_cache_size>
  <mark_cache_size>536870912</mark_cache_size>
  <path>$d/data/</path>
  <tmp_path>$d/tmp/</tmp_path>
  <user_files_path>$d/user_files/</user_files_path>
  <users_config>$d/users.xml</users_config>
  <default_profile>default</default_profile>
  <default_database>default</default_database>
  <timezone>UTC</timezone>
  <mlock_executable>false</mlock_executable>
</yandex>
EOF
    cat >"$d/users.xml" <<EOF
<?xml version="1.0"?>
<yandex>
  <profiles><default><max_memory_usage>8000000000</max_memory_usage></default></profiles>
  <users><default><password></password><networks><ip>127.0.0.1</ip></networks><profile>default</profile><quota>default</quota></default></users>
  <quotas><default><interval><duration>3600</duration><queries>0</queries><errors>0</errors><result_rows>0</result_rows><read_rows>0</read_rows><execution_time>0</execution_time></interval></default></quotas>
</yandex>
EOF
    clickhouse-server --config-file="$d/config.xml" >"$d/log/stdout" 2>&1 &
    CH_PID=$!
    for i in $(seq 1 120); do
        curl -sf "$CH/?query=SELECT%201" >/dev/null 2>&1 && return 0
        kill -0 "$CH_PID" 2>/dev/null || { cat "$d/log/stdout" "$d/log/err.log" 2>/dev/null | tail -20; die "clickhouse exited"; }
        sleep 0.5
    done
    die "clickhouse did not answer within 60 s"
}
chq() { curl -sS --fail-with-body "$CH/" --data-binary "$1"; }

start_strata() {
    local i
    mkdir -p "$BENCH_DIR/strata"
    ASPNETCORE_URLS=$STRATA STRATA_DATA_DIR=$BENCH_DIR/strata STRATA_API_KEYS=bench:$KEY STRATA_DEMO_SCALE=0.01 \
        dotnet "$SERVER_DLL" >>"$BENCH_DIR/strata.log" 2>&1 &
    STRATA_PID=$!
    for i in $(seq 1 240); do
        grep -q "Strata listening on" "$BENCH_DIR/strata.log" 2>/dev/null && return 0
        kill -0 "$STRATA_PID" 2>/dev/null || { tail -20 "$BENCH_DIR/strata.log"; die "strata exited"; }
        sleep 0.5
    done
    die "strata did not start within 120 s"
}
restart_strata() { stop_pid "$STRATA_PID"; STRATA_PID=""; : >"$BENCH_DIR/strata.log"; start_strata; }

log "bench dir $BENCH_DIR"
LOADAVG_START=$(cut -d' ' -f1-3 /proc/loadavg)
start_clickhouse
CH_VERSION=$(chq "SELECT version()")
log "clickhouse $CH_VERSION up (pid $CH_PID)"
start_strata
log "strata up (pid $STRATA_PID)"

# ---------------------------------------------------------------- data: the same rows in both
log "creating the $ROWS-row Strata result"
SQL="select range as id, range::double * 0.5 as amount, 'label-' || lpad(range::varchar, 14, '0') as label, timestamp '2021-01-01' + to_seconds(range) as ts, (range::hugeint * 1000000000000000000000)::bignum as big from range($ROWS)"
body=$(printf '{"sql": "%s"}' "$SQL")
ID=""
create_start=$(date +%s.%N)
resp=$(curl -sS -X POST "$STRATA/api/v1/sql/execute?wait=60" -H "X-Dune-API-Key: $KEY" -H 'Content-Type: application/json' -d "$body")
ID=$(sed -n 's/.*"execution_id":"\([^"]*\)".*/\1/p' <<<"$resp")
[[ -n $ID ]] || die "execute: $resp"
for i in $(seq 1 20); do # up to 20 more long-polls of 60 s
    state=$(curl -sS "$STRATA/api/v1/execution/$ID/status?wait=60" -H "X-Dune-API-Key: $KEY" | sed -n 's/.*"state":"\([^"]*\)".*/\1/p')
    [[ $state == QUERY_STATE_COMPLETED ]] && break
    [[ $state == QUERY_STATE_PENDING || $state == QUERY_STATE_EXECUTING ]] || die "execution $ID ended $state"
done
[[ $state == QUERY_STATE_COMPLETED ]] || die "execution $ID not completed in time"
CREATE_S=$(calc "$(date +%s.%N) - $create_start" 1)
total=$(curl -sS "$STRATA/api/v1/execution/$ID/results?limit=0" -H "X-Dune-API-Key: $KEY" | sed -n 's/.*"total_row_count":\([0-9]*\).*/\1/p')
[[ $total == "$ROWS" ]] || die "result has $total rows, expected $ROWS"
ARROW_BYTES=$(stat -c %s "$BENCH_DIR/strata/results/$ID.arrow")
log "result $ID: $ROWS rows in ${CREATE_S}s, arrow file $ARROW_BYTES bytes"

log "creating the ClickHouse MergeTree table"
chq "CREATE DATABASE bench" >/dev/null
# 18.16 crashes formatting Decimal128 as text (segfault in the row output stream), so big is its decimal text.
chq "CREATE TABLE bench.t (id Int64, amount Float64, label String, ts DateTime('UTC'), big String) ENGINE = MergeTree() ORDER BY id" >/dev/null
chq "INSERT INTO bench.t SELECT toInt64(number), number * 0.5, concat('label-', substring(toString(number + 100000000000000), 2)), toDateTime('2021-01-01 00:00:00', 'UTC') + number, if(number = 0, '0', concat(toString(number), '000000000000000000000')) FROM numbers($ROWS)" >/dev/null
chq "OPTIMIZE TABLE bench.t FINAL" >/dev/null
[[ $(chq "SELECT count() FROM bench.t") == "$ROWS" ]] || die "clickhouse row count"

# ---------------------------------------------------------------- 5. memory: full CSV stream + concurrent pages
mark 5; log "5. server RSS while streaming the full CSV with $MEMORY_PAGES concurrent pages (fresh server) $(loadavg)"
restart_strata
H=(-H "X-Dune-API-Key: $KEY")
for o in 0 $((ROWS / 2)) $((ROWS - 1000)); do # warm the page and CSV paths (JIT, pools)
    curl -sS -o /dev/null "${H[@]}" "$STRATA/api/v1/execution/$ID/results?limit=1000&offset=$o"
    curl -sS -o /dev/null "${H[@]}" "$STRATA/api/v1/execution/$ID/results/csv?limit=20000&offset=$o"
done
sleep 1
RSS_BASE=$(kib "$STRATA_PID" VmRSS)
HWM_RESET=0
echo 5 >"/proc/$STRATA_PID/clear_refs" 2>/dev/null && HWM_RESET=1
curl -sS -o /dev/null -w '%{http_code} %{size_download}\n' "${H[@]}" "$STRATA/api/v1/execution/$ID/results/csv?ignore_max_datapoints_per_request=true" >"$BENCH_DIR/mem-csv.txt" &
CSV_PID=$!
: >"$BENCH_DIR/mem-samples.txt"
: >"$BENCH_DIR/mem-pages.txt"
page_pids=()
for i in $(seq 1 1500); do # 0.2 s samples, at most 300 s
    if ((i > 5)) && ! kill -0 "$CSV_PID" 2>/dev/null; then
        running=0
        for p in "${page_pids[@]}"; do kill -0 "$p" 2>/dev/null && running=1; done
        ((running)) || break
    fi
    kib "$STRATA_PID" VmRSS >>"$BENCH_DIR/mem-samples.txt"
    if [[ $i == 5 ]]; then # 1 s into the stream: default-size pages (250,000 datapoints) at random offsets
        for j in $(seq 1 "$MEMORY_PAGES"); do
            o=$(awk -v s="$j" -v n="$ROWS" 'BEGIN {srand(s); print int(rand() * (n - 50000))}')
            curl -sS -o /dev/null -w '%{http_code}\n' "${H[@]}" "$STRATA/api/v1/execution/$ID/results?offset=$o" >>"$BENCH_DIR/mem-pages.txt" &
            page_pids+=($!)
        done
    fi
    sleep 0.2
done
wait "$CSV_PID" || true
for p in "${page_pids[@]}"; do wait "$p" || true; done
RSS_PEAK_SAMPLED=$(sort -n "$BENCH_DIR/mem-samples.txt" | tail -1)
RSS_HWM=$(kib "$STRATA_PID" VmHWM)
[[ $HWM_RESET == 1 ]] || RSS_HWM=$RSS_PEAK_SAMPLED
RSS_GROWTH_MB=$(calc "($RSS_HWM - $RSS_BASE) / 1024" 1)
MEM_PAGES_OK=$(grep -c '^200$' "$BENCH_DIR/mem-pages.txt" || true)
MEM_CSV=$(cat "$BENCH_DIR/mem-csv.txt")
log "   base ${RSS_BASE} KiB, peak ${RSS_HWM} KiB (hwm reset: $HWM_RESET), growth ${RSS_GROWTH_MB} MB; csv '$MEM_CSV', pages ok $MEM_PAGES_OK/$MEMORY_PAGES"

# ---------------------------------------------------------------- 1. page latency: deep vs first
DEEP=$((ROWS - 10000))
mark 1; log "1. latency of 1,000-row JSON pages: offset $DEEP vs 0, $LATENCY_REQUESTS each, interleaved, one keep-alive connection $(loadavg)"
latency_config() { # pairs -> curl config
    local i
    for i in $(seq 1 "$1"); do
        printf 'url = "%s"\noutput = "/dev/null"\nurl = "%s"\noutput = "/dev/null"\n' \
            "$STRATA/api/v1/execution/$ID/results?limit=1000&offset=0" "$STRATA/api/v1/execution/$ID/results?limit=1000&offset=$DEEP"
    done
}
latency_config 20 >"$BENCH_DIR/warm.cfg"
latency_config "$LATENCY_REQUESTS" >"$BENCH_DIR/lat.cfg"
curl -sS -K "$BENCH_DIR/warm.cfg" "${H[@]}" -w '%{http_code} %{time_total}\n' >/dev/null
curl -sS -K "$BENCH_DIR/lat.cfg" "${H[@]}" -w '%{http_code} %{time_total} %{size_download}\n' >"$BENCH_DIR/lat.txt"
[[ $(awk '$1 != 200' "$BENCH_DIR/lat.txt" | wc -l) == 0 ]] || die "non-200 page responses"
awk 'NR % 2 == 1 {print $2 * 1000}' "$BENCH_DIR/lat.txt" >"$BENCH_DIR/lat-first.txt"
awk 'NR % 2 == 0 {print $2 * 1000}' "$BENCH_DIR/lat.txt" >"$BENCH_DIR/lat-deep.txt"
LAT_FIRST=$(calc "$(percentile 50 "$BENCH_DIR/lat-first.txt")"); LAT_DEEP=$(calc "$(percentile 50 "$BENCH_DIR/lat-deep.txt")")
LAT_FIRST99=$(calc "$(percentile 99 "$BENCH_DIR/lat-first.txt")"); LAT_DEEP99=$(calc "$(percentile 99 "$BENCH_DIR/lat-deep.txt")")
PAGE_BYTES=$(awk 'NR == 1 {print $3}' "$BENCH_DIR/lat.txt")
LAT_RATIO=$(calc "$LAT_DEEP / $LAT_FIRST")
log "   p50 first ${LAT_FIRST} ms, deep ${LAT_DEEP} ms (p99 ${LAT_FIRST99} / ${LAT_DEEP99}); ratio $LAT_RATIO"

# ---------------------------------------------------------------- the stored Parquet copy (DuckDB's input)
log "warming the stored Parquet copy (GET /results/parquet) $(loadavg)"
read -r PQ_CODE PQ_T PQ_B < <(curl -sS -o /dev/null -w '%{http_code} %{time_total} %{size_download}\n' "${H[@]}" "$STRATA/api/v1/execution/$ID/results/parquet")
[[ $PQ_CODE == 200 ]] || die "parquet download $PQ_CODE"
PARQUET=$BENCH_DIR/strata/results/$ID.parquet
[[ -f $PARQUET ]] || die "no stored Parquet copy at $PARQUET"
PQ_T=$(calc "$PQ_T" 1)
log "   made in ${PQ_T}s, $PQ_B bytes"

# ---------------------------------------------------------------- 2, 3. full downloads, in rounds
# fetch NAME PID URL [curl args...]: one download to /dev/null; appends "code seconds bytes server-cpu-seconds"
fetch() {
    local name=$1 pid=$2 url=$3 c0 c1
    shift 3
    c0=$(cpu_ticks "$pid")
    curl -sS -D "$BENCH_DIR/dl-$name.h" -o /dev/null -w '%{http_code} %{time_total} %{size_download}' "$@" "$url" >>"$BENCH_DIR/dl-$name.txt"
    c1=$(cpu_ticks "$pid")
    echo " $(calc "($c1 - $c0) / $CLK_TCK")" >>"$BENCH_DIR/dl-$name.txt"
}
# summarise NAME: sets DL_T (median s), DL_B (bytes), DL_CPU (median server cpu s)
summarise() {
    local name=$1
    [[ $(awk '$1 != 200' "$BENCH_DIR/dl-$name.txt" | wc -l) == 0 ]] || { cat "$BENCH_DIR/dl-$name.txt" >&2; die "download $name"; }
    awk '{print $2}' "$BENCH_DIR/dl-$name.txt" >"$BENCH_DIR/dl-$name.t"
    awk '{print $4}' "$BENCH_DIR/dl-$name.txt" >"$BENCH_DIR/dl-$name.c"
    DL_T=$(calc "$(percentile 50 "$BENCH_DIR/dl-$name.t")" 3)
    DL_B=$(awk 'NR == 1 {print $3}' "$BENCH_DIR/dl-$name.txt")
    DL_CPU=$(percentile 50 "$BENCH_DIR/dl-$name.c")
}
mbps() { calc "$2 / $1 / 1000000" 1; }

log "2, 3. full downloads, $DOWNLOAD_RUNS rounds of: Strata CSV, ClickHouse CSVWithNames, DuckDB COPY to CSV, Strata JSON, ClickHouse JSONEachRow"
dotnet "$PEER_DLL" copy-csv "$PARQUET" 0 "$BENCH_DIR" >"$BENCH_DIR/duck-size.txt" || die "duckdb peer"
DUCK_VERSION=$(sed -n 's/^duckdb_version=//p' "$BENCH_DIR/duck-size.txt")
D_CSV_B=$(sed -n 's/^csv_bytes=//p' "$BENCH_DIR/duck-size.txt")
: >"$BENCH_DIR/duck-copy.t"
for r in $(seq 1 "$DOWNLOAD_RUNS"); do
    mark "2/3 round $r"; log "   round $r $(loadavg)"
    fetch strata-csv "$STRATA_PID" "$STRATA/api/v1/execution/$ID/results/csv?ignore_max_datapoints_per_request=true" "${H[@]}"
    fetch ch-csv "$CH_PID" "$CH/?query=SELECT%20*%20FROM%20bench.t%20FORMAT%20CSVWithNames"
    dotnet "$PEER_DLL" copy-csv "$PARQUET" 1 - | sed -n 's/^copy_seconds=//p' >>"$BENCH_DIR/duck-copy.t" || die "duckdb peer"
    fetch strata-json "$STRATA_PID" "$STRATA/api/v1/execution/$ID/results?ignore_max_datapoints_per_request=true" "${H[@]}"
    fetch ch-json "$CH_PID" "$CH/?output_format_json_quote_64bit_integers=0&query=SELECT%20*%20FROM%20bench.t%20FORMAT%20JSONEachRow"
done
summarise strata-csv; S_CSV_T=$DL_T; S_CSV_B=$DL_B; S_CSV_CPU=$DL_CPU
! grep -qi '^x-dune-next-offset' "$BENCH_DIR/dl-strata-csv.h" || die "the full CSV download was cut into pages"
summarise ch-csv; C_CSV_T=$DL_T; C_CSV_B=$DL_B; C_CSV_CPU=$DL_CPU
summarise strata-json; S_JSON_T=$DL_T; S_JSON_B=$DL_B; S_JSON_CPU=$DL_CPU
summarise ch-json; C_JSON_T=$DL_T; C_JSON_B=$DL_B; C_JSON_CPU=$DL_CPU
D_CSV_T=$(calc "$(percentile 50 "$BENCH_DIR/duck-copy.t")" 3)
S_CSV=$(mbps "$S_CSV_T" "$S_CSV_B"); C_CSV=$(mbps "$C_CSV_T" "$C_CSV_B"); D_CSV=$(mbps "$D_CSV_T" "$D_CSV_B")
S_JSON=$(mbps "$S_JSON_T" "$S_JSON_B"); C_JSON=$(mbps "$C_JSON_T" "$C_JSON_B")
log "   CSV: strata ${S_CSV} MB/s (${S_CSV_B} B in ${S_CSV_T}s, server cpu ${S_CSV_CPU}s); clickhouse ${C_CSV} MB/s (${C_CSV_B} B in ${C_CSV_T}s, cpu ${C_CSV_CPU}s); duckdb $DUCK_VERSION ${D_CSV} MB/s (${D_CSV_B} B in ${D_CSV_T}s)"
log "   JSON: strata ${S_JSON} MB/s (${S_JSON_B} B in ${S_JSON_T}s, server cpu ${S_JSON_CPU}s); clickhouse ${C_JSON} MB/s (${C_JSON_B} B in ${C_JSON_T}s, cpu ${C_JSON_CPU}s)"

# ---------------------------------------------------------------- 4. filters + sort_by vs DuckDB on the same Parquet
LO=$((ROWS / 2)); HI=$((ROWS / 2 + ROWS / 100))
FILTERS=("id >= $LO AND id < $HI" "label LIKE '%12345%'")
NAMES=("range (1% of rows)" "LIKE (full scan)")
log "4. filters + sort_by=amount desc + limit=100: Strata vs DuckDB in alternation, $QUERY_RUNS runs each after 2 warm-ups"
Q_S=(); Q_D=(); Q_DS=(); Q_SS=(); Q_ROWS=()
for k in 0 1; do
    f=${FILTERS[$k]}
    mark "4 ${NAMES[$k]%% *}"; log "   ${NAMES[$k]} $(loadavg)"
    url="$STRATA/api/v1/execution/$ID/results?filters=$(urlencode "$f")&sort_by=$(urlencode "amount desc")&limit=100"
    # The SQL a user would write, timed in alternation with the same request to Strata.
    dotnet "$PEER_DLL" query "$PARQUET" 2 "$QUERY_RUNS" "$url" "$KEY" \
        "SELECT id, amount, label, ts, big FROM read_parquet({parquet}) WHERE $f ORDER BY amount DESC LIMIT 100" >"$BENCH_DIR/duck-q$k.txt" || die "duckdb peer query"
    Q_S[k]=$(calc "$(sed -n 's/^strata_p50_ms=//p' "$BENCH_DIR/duck-q$k.txt")" 1)
    Q_D[k]=$(calc "$(sed -n 's/^p50_ms=//p' "$BENCH_DIR/duck-q$k.txt")" 1)
    Q_ROWS[k]=$(sed -n 's/^strata_rows=//p' "$BENCH_DIR/duck-q$k.txt")
    [[ $(sed -n 's/^rows=//p' "$BENCH_DIR/duck-q$k.txt") == "${Q_ROWS[k]}" ]] || die "row counts differ: strata ${Q_ROWS[k]}, duckdb $(sed -n 's/^rows=//p' "$BENCH_DIR/duck-q$k.txt")"
    # The two statements Strata runs for the request (the matching count, then the page in a stable order), in DuckDB alone.
    dotnet "$PEER_DLL" query "$PARQUET" 2 "$QUERY_RUNS" "$url" "$KEY" \
        "SELECT count(*) FROM read_parquet({parquet}, file_row_number = true) WHERE $f" \
        "SELECT id, amount, label, epoch_us(ts), big FROM read_parquet({parquet}, file_row_number = true) WHERE $f ORDER BY amount DESC NULLS LAST, file_row_number LIMIT 100 OFFSET 0" >"$BENCH_DIR/duck-qs$k.txt" || die "duckdb peer query"
    Q_DS[k]=$(calc "$(sed -n 's/^p50_ms=//p' "$BENCH_DIR/duck-qs$k.txt")" 1)
    Q_SS[k]=$(calc "$(sed -n 's/^strata_p50_ms=//p' "$BENCH_DIR/duck-qs$k.txt")" 1)
    log "   strata p50 ${Q_S[k]} ms, duckdb ${Q_D[k]} ms; Strata's two statements in DuckDB ${Q_DS[k]} ms against strata ${Q_SS[k]} ms; ${Q_ROWS[k]} rows"
done

# ---------------------------------------------------------------- 6. concurrent random pages
# wrk_lua KIND: a wrk script asking random 1,000-row pages; done() prints one RESULT line
wrk_lua() {
    local request
    if [[ $1 == strata ]]; then
        request="wrk.format(\"GET\", \"/api/v1/execution/$ID/results?limit=1000&offset=\" .. o)"
    else # ClickHouse pages by primary key range: its LIMIT/OFFSET would read every row before the offset
        request="wrk.format(\"GET\", \"/?output_format_json_quote_64bit_integers=0&query=SELECT%20*%20FROM%20bench.t%20WHERE%20id%20%3E%3D%20\" .. o .. \"%20AND%20id%20%3C%20\" .. (o + 1000) .. \"%20FORMAT%20JSONEachRow\")"
    fi
    cat <<EOF
wrk.headers["X-Dune-API-Key"] = "$KEY"
local n = 0
function setup(thread) n = n + 1; thread:set("seed", n) end
function init(args) math.randomseed(os.time() * 1000 + seed) end
function request() local o = math.random(0, $((ROWS - 1000))); return $request end
function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT requests=%d duration_us=%d bytes=%d p50_us=%d p90_us=%d p99_us=%d max_us=%d errors=%d\n",
    summary.requests, summary.duration, summary.bytes, latency:percentile(50), latency:percentile(90), latency:percentile(99),
    latency.max, e.connect + e.read + e.write + e.status + e.timeout))
end
EOF
}
# load KIND BASEURL PID: sets LOAD="rps p50_ms p99_ms errors requests cpu_s"
load() {
    local c0 c1 line
    wrk_lua "$1" >"$BENCH_DIR/wrk-$1.lua"
    c0=$(cpu_ticks "$3")
    timeout $((LOAD_SECONDS + 60)) wrk -t2 -c"$LOAD_CLIENTS" -d"${LOAD_SECONDS}s" --timeout 10s -s "$BENCH_DIR/wrk-$1.lua" "$2/" >"$BENCH_DIR/wrk-$1.txt" 2>&1 || true
    c1=$(cpu_ticks "$3")
    line=$(grep '^RESULT' "$BENCH_DIR/wrk-$1.txt") || { cat "$BENCH_DIR/wrk-$1.txt" >&2; die "wrk $1"; }
    LOAD=$(awk -v cpu="$(calc "($c1 - $c0) / $CLK_TCK" 1)" '{for (i = 2; i <= NF; i++) {split($i, kv, "="); v[kv[1]] = kv[2]}
        printf "%.0f %.2f %.2f %d %d %s\n", v["requests"] / (v["duration_us"] / 1e6), v["p50_us"] / 1000, v["p99_us"] / 1000, v["errors"], v["requests"], cpu}' <<<"$line")
}
mark 6; log "6. $LOAD_CLIENTS clients, random 1,000-row JSON pages, ${LOAD_SECONDS}s each: Strata, then ClickHouse $(loadavg)"
load strata "$STRATA" "$STRATA_PID"
read -r S_RPS S_P50 S_P99 S_ERR S_REQ S_LOAD_CPU <<<"$LOAD"
load ch "$CH" "$CH_PID"
read -r C_RPS C_P50 C_P99 C_ERR C_REQ C_LOAD_CPU <<<"$LOAD"
log "   strata $S_RPS req/s p50 $S_P50 ms p99 $S_P99 ms errors $S_ERR; clickhouse $C_RPS req/s p50 $C_P50 ms p99 $C_P99 ms errors $C_ERR"

# ---------------------------------------------------------------- report
verdict() { awk -v v="$1" -v t="$3" -v op="$2" 'BEGIN {ok = (op == "<=") ? (v <= t) : (op == ">=") ? (v >= t) : (v < t); print ok ? "met" : "**missed**"}'; }
LOADAVG_END=$(cut -d' ' -f1-3 /proc/loadavg)
CPU_MODEL=$(awk -F': *' '/^model name/ {print $2; exit}' /proc/cpuinfo)
MEM_GIB=$(awk '/^MemTotal/ {printf "%.1f", $2 / 1048576}' /proc/meminfo)
COMMIT=$(git -C "$REPO" rev-parse --short HEAD 2>/dev/null || echo unknown)
DIRTY=$(git -C "$REPO" status --porcelain --untracked-files=no 2>/dev/null | grep -q . && echo " (+ uncommitted changes)" || true)
L_RATIO=$LAT_RATIO
R_CSV=$(calc "$S_CSV / $C_CSV"); R_CSV_D=$(calc "$S_CSV / $D_CSV"); R_JSON=$(calc "$S_JSON / $C_JSON")
R_CSV_ROWS=$(calc "$C_CSV_T / $S_CSV_T"); R_CSV_D_ROWS=$(calc "$D_CSV_T / $S_CSV_T"); R_JSON_ROWS=$(calc "$C_JSON_T / $S_JSON_T")
R_Q0=$(calc "${Q_S[0]} / ${Q_D[0]}"); R_Q1=$(calc "${Q_S[1]} / ${Q_D[1]}")
R_RPS=$(calc "$S_RPS / $C_RPS")
BOTH10=$(awk -v a="$LAT_FIRST" -v b="$LAT_DEEP" 'BEGIN {print (a <= 10 && b <= 10) ? "met" : "**missed**"}')
mkdir -p "$(dirname "$OUT")"
{
    echo "### Result serving, $(date -u '+%Y-%m-%d %H:%M UTC')"
    echo
    echo "Machine: $(nproc) cores, $MEM_GIB GiB, $CPU_MODEL, $(uname -r); load average $LOADAVG_START at the start, $LOADAVG_END at the end. Strata $COMMIT$DIRTY (Release), .NET $(dotnet --version),"
    echo "ClickHouse $CH_VERSION (Debian), DuckDB $DUCK_VERSION (DuckDB.NET), $(wrk -v 2>&1 | head -1 | cut -d' ' -f1-2), curl $(curl -V | head -1 | cut -d' ' -f2)."
    echo "Data: $ROWS rows x 5 columns (bigint, double, varchar(20), timestamp, int256 as bignum); Strata result made in ${CREATE_S}s,"
    echo "Arrow file $(calc "$ARROW_BYTES / 1000000" 0) MB, Parquet copy $(calc "$PQ_B / 1000000" 0) MB made in ${PQ_T}s. Command: \`benchmarks/serving/run.sh\` (ROWS=$ROWS)."
    echo
    echo "| # | measure | Strata | peer | ratio | target | |"
    echo "|---|---|---|---|---|---|---|"
    echo "| 1 | p50, 1,000-row JSON page at offset $DEEP vs offset 0 ($LATENCY_REQUESTS each) | $LAT_DEEP ms | offset 0: $LAT_FIRST ms | $L_RATIO x | <= 1.5 x | $(verdict "$L_RATIO" "<=" 1.5) |"
    echo "| 1 | both p50 <= 10 ms (p99: $LAT_FIRST99 / $LAT_DEEP99 ms; page $PAGE_BYTES B) | $LAT_DEEP / $LAT_FIRST ms | | | <= 10 ms | $BOTH10 |"
    echo "| 2 | full CSV download (median of $DOWNLOAD_RUNS) | $S_CSV MB/s ($S_CSV_T s, $(calc "$S_CSV_B / 1000000" 0) MB) | ClickHouse CSVWithNames: $C_CSV MB/s ($C_CSV_T s, $(calc "$C_CSV_B / 1000000" 0) MB) | $R_CSV x (rows/s $R_CSV_ROWS x) | >= 1.0 x | $(verdict "$R_CSV" ">=" 1.0) |"
    echo "| 2 | full CSV download vs DuckDB COPY to /dev/null | $S_CSV MB/s | DuckDB: $D_CSV MB/s ($D_CSV_T s, $(calc "$D_CSV_B / 1000000" 0) MB) | $R_CSV_D x (rows/s $R_CSV_D_ROWS x) | >= 0.8 x | $(verdict "$R_CSV_D" ">=" 0.8) |"
    echo "| 3 | full JSON download (median of $DOWNLOAD_RUNS) | $S_JSON MB/s ($S_JSON_T s, $(calc "$S_JSON_B / 1000000" 0) MB) | ClickHouse JSONEachRow: $C_JSON MB/s ($C_JSON_T s, $(calc "$C_JSON_B / 1000000" 0) MB) | $R_JSON x (rows/s $R_JSON_ROWS x) | >= 1.0 x | $(verdict "$R_JSON" ">=" 1.0) |"
    echo "| 4 | filters \`${FILTERS[0]}\`, sort_by amount desc, limit 100: p50 | ${Q_S[0]} ms | DuckDB SQL on the Parquet copy: ${Q_D[0]} ms | $R_Q0 x | <= 1.3 x | $(verdict "$R_Q0" "<=" 1.3) |"
    echo "| 4 | filters \`${FILTERS[1]}\` (${Q_ROWS[1]} rows), same sort and limit: p50 | ${Q_S[1]} ms | DuckDB: ${Q_D[1]} ms | $R_Q1 x | <= 1.3 x | $(verdict "$R_Q1" "<=" 1.3) |"
    echo "| 5 | server peak RSS growth: full CSV + $MEMORY_PAGES concurrent default-size pages | $RSS_GROWTH_MB MB (base $(calc "$RSS_BASE / 1024" 0) MB, peak $(calc "$RSS_HWM / 1024" 0) MB) | | | < 150 MB | $(verdict "$RSS_GROWTH_MB" "<" 150) |"
    echo "| 6 | $LOAD_CLIENTS clients, random 1,000-row pages, ${LOAD_SECONDS}s | $S_RPS req/s, p50 $S_P50 ms, p99 $S_P99 ms, $S_ERR errors | ClickHouse (id range): $C_RPS req/s, p50 $C_P50 ms, p99 $C_P99 ms, $C_ERR errors | $R_RPS x req/s | (no target) | |"
    echo
    echo "Server CPU seconds per full download (median): Strata CSV $S_CSV_CPU, JSON $S_JSON_CPU; ClickHouse CSV $C_CSV_CPU, JSON $C_JSON_CPU."
    echo "Server CPU seconds during the load test: Strata $S_LOAD_CPU ($S_REQ requests), ClickHouse $C_LOAD_CPU ($C_REQ requests)."
    echo "Test 4 split: DuckDB running the two statements Strata runs (the matching count, then the page ordered by amount and file_row_number),"
    echo "timed in alternation with Strata once more: range ${Q_DS[0]} ms against Strata ${Q_SS[0]} ms ($(calc "${Q_SS[0]} / ${Q_DS[0]}") x), LIKE ${Q_DS[1]} ms against ${Q_SS[1]} ms ($(calc "${Q_SS[1]} / ${Q_DS[1]}") x)."
    echo "1-minute load average as each test started (other work on the machine): ${LOADS%; }."
    echo "Memory test: full CSV '$MEM_CSV' (status, bytes), $MEM_PAGES_OK/$MEMORY_PAGES pages answered 200; peak from $([[ $HWM_RESET == 1 ]] && echo "VmHWM after clear_refs" || echo "VmRSS samples every 0.2 s"), sampled peak $(calc "$RSS_PEAK_SAMPLED / 1024" 0) MB."
} >"$OUT"
cat "$OUT"
log "written $OUT; total $(($(date +%s) - T0)) s"
