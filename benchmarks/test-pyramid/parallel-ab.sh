#!/usr/bin/env bash
# Test classes run at xunit's default parallelism against other settings, interleaved, on one build (issue 11,
# suite-speed, decision 237). Usage (from the repo, after `dotnet build Strata.slnx -c Release`):
#   benchmarks/test-pyramid/parallel-ab.sh "<dotnet test filter>" "<setting> <setting> ..." [rounds]
# A setting is `default` (no override: what xunit.runner.json says) or `threads=N` (RunSettings
# xUnit.MaxParallelThreads=N, xunit's conservative algorithm: at most N tests started at once). Each round runs every
# setting once, the order flipped every other round. Per run: the run's wall, the test host's and its children's CPU
# (user+system from /usr/bin/time), the cases' summed TRX durations, passed/failed, and the load average at the start.
set -uo pipefail
filter=$1; settings=$2; rounds=${3:-1}
out=$(mktemp -d /tmp/parallel-ab.XXXXXX)
echo "results in $out"
printf '%-10s %5s %9s %9s %9s %7s %7s %s\n' setting round wall_s cpu_s summed_s passed failed load
for ((r = 1; r <= rounds; r++)); do
  order=($settings)
  if ((r % 2 == 0)); then order=($(printf '%s\n' "${order[@]}" | tac)); fi
  for s in "${order[@]}"; do
    extra=()
    case $s in
      default) ;;
      threads=*) extra=(-- "xUnit.MaxParallelThreads=${s#threads=}") ;;
      *) echo "unknown setting $s"; exit 2 ;;
    esac
    dir="$out/$s-$r"; mkdir -p "$dir"
    load=$(cut -d' ' -f1 /proc/loadavg)
    start=$(date +%s.%N)
    /usr/bin/time -f '%U %S' -o "$dir/time" dotnet test tests/Strata.Tests -c Release --no-build --filter "$filter" \
      --logger "trx;LogFileName=r.trx" --results-directory "$dir" "${extra[@]}" >"$dir/log" 2>&1
    end=$(date +%s.%N)
    python3 - "$dir" "$s" "$r" "$start" "$end" "$load" <<'PY'
import sys, glob, xml.etree.ElementTree as ET
d, s, r, start, end, load = sys.argv[1:]
ns = {'t': 'http://microsoft.com/schemas/VisualStudio/TeamTest/2010'}
summed = 0.0; passed = failed = 0
for path in glob.glob(d + '/**/*.trx', recursive=True):
    root = ET.parse(path).getroot()
    for u in root.iter('{%s}UnitTestResult' % ns['t']):
        h, m, sec = u.get('duration', '0:0:0').split(':'); summed += int(h) * 3600 + int(m) * 60 + float(sec)
        if u.get('outcome') == 'Passed': passed += 1
        else: failed += 1
user, system = open(d + '/time').read().split()[-2:]
print(f'{s:<10} {r:>5} {float(end) - float(start):9.1f} {float(user) + float(system):9.1f} {summed:9.1f} {passed:7d} {failed:7d} {load}')
PY
  done
done
