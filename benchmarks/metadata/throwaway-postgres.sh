# Sourced by the benchmarks (from the repository root): starts a throwaway PostgreSQL (Debian's package, as user
# postgres when run as root) in a temporary directory on a free loopback port, with extra server options in
# $pg_options. Sets bin, work, port, run_pg and pids (the benchmark's own processes), and on exit kills those,
# stops PostgreSQL and removes the directory.
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
work=$(mktemp -d "/tmp/strata-${1:-bench}-XXXXXX")
run_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[ "$(id -u)" -eq 0 ] && chown postgres "$work"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
run_pg "$bin/initdb" -D "$work/pg" -U postgres --auth=trust --no-sync >/dev/null
run_pg "$bin/pg_ctl" start -D "$work/pg" -w -l "$work/pg.log" -o "-h 127.0.0.1 -p $port -k $work ${pg_options:-}" >/dev/null
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; run_pg "$bin/pg_ctl" stop -D "$work/pg" -m fast >/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
