#!/usr/bin/env python3
"""Splits a test run's TRX log(s) into in-process and server-process tests.
Usage: trx-split.py <repo> <file.trx> [more.trx ...]

Each test case is classed as pyramid.py classes it from the test sources of <repo> ('server' when its class fixture,
collection or own method starts a strata-server or CLI process; 'other-process' when it needs only PostgreSQL, anvil
or Chromium; else 'in-process'). Per kind it prints the cases and their share, the sum of the cases' own durations,
and the wall time during which at least one case of that kind was running (the union of their [start, end]). The
run's wall time (the TRX's Times start to finish) is printed too: what no case covers is the test host's start,
discovery, and the set-up of class and collection fixtures between cases (a shared server's start is not inside
any case's duration). Written for the per-test durations of CI's run (.ci/run keeps the TRX, test.sh prints this)."""
import collections, datetime, os, re, sys, xml.etree.ElementTree as ET

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pyramid  # noqa: E402

NS = {'t': 'http://microsoft.com/schemas/VisualStudio/TeamTest/2010'}
KINDS = ['in-process', 'server', 'other-process', 'unknown']


def timestamp(text):
    # .NET writes 7 fractional digits; Python reads at most 6.
    text = re.sub(r'(\.\d{6})\d+', r'\1', text)
    return datetime.datetime.fromisoformat(text).timestamp()


def seconds(duration):
    h, m, s = duration.split(':')
    return int(h) * 3600 + int(m) * 60 + float(s)


def union(intervals):
    total, end = 0.0, None
    for a, b in sorted(intervals):
        if end is None or a > end:
            total += b - a
            end = b
        elif b > end:
            total += b - end
            end = b
    return total


def read(path):
    root = ET.parse(path).getroot()
    methods = {}
    for test in root.iterfind('t:TestDefinitions/t:UnitTest', NS):
        method = test.find('t:TestMethod', NS)
        if method is not None:
            methods[test.get('id')] = (method.get('className'), method.get('name'))
    times = root.find('t:Times', NS)
    run = (timestamp(times.get('start')), timestamp(times.get('finish'))) if times is not None else None
    cases = []
    for result in root.iter('{%s}UnitTestResult' % NS['t']):
        cls, name = methods.get(result.get('testId'), (None, None))
        if not cls or not name:
            full = re.sub(r'\(.*$', '', result.get('testName', ''))
            cls, _, name = full.rpartition('.')
        name = re.sub(r'\(.*$', '', name)
        if name.startswith(cls + '.'):
            name = name[len(cls) + 1:]
        start, end = result.get('startTime'), result.get('endTime')
        cases.append(dict(cls=cls, method=name.rsplit('.', 1)[-1], outcome=result.get('outcome'),
                          duration=seconds(result.get('duration', '0:0:0')),
                          interval=(timestamp(start), timestamp(end)) if start and end else None))
    return run, cases


def main(repo, paths):
    pyramid.load(repo)
    runs, cases = [], []
    for path in paths:
        run, found = read(path)
        if run:
            runs.append(run)
        cases += found
    if not cases:
        print('no test results in ' + ', '.join(paths))
        return 1
    by_kind = collections.defaultdict(list)
    for case in cases:
        case['kind'] = pyramid.kind_of(case['cls'], case['method'])
        by_kind[case['kind']].append(case)
    wall = union(runs) if runs else None
    print(f'{len(cases)} test cases in {len(paths)} TRX file(s)' + (f'; run wall time {wall:.1f} s' if wall is not None else ''))
    print(f'{"kind":14} {"cases":>6} {"share":>6} {"sum of durations":>17} {"wall with one running":>22}')
    for kind in KINDS:
        group = by_kind.get(kind, [])
        if not group:
            continue
        covered = union([c['interval'] for c in group if c['interval']])
        print(f'{kind:14} {len(group):6} {100 * len(group) / len(cases):5.1f}% {sum(c["duration"] for c in group):15.1f} s {covered:20.1f} s')
    covered_all = union([c['interval'] for c in cases if c['interval']])
    if wall is not None:
        print(f'{"any case":14} {"":6} {"":6} {sum(c["duration"] for c in cases):15.1f} s {covered_all:20.1f} s'
              f'   (no case running: {wall - covered_all:.1f} s of {wall:.1f} s: host start, discovery, fixtures)')
    outcomes = collections.Counter(c['outcome'] for c in cases)
    print('outcomes: ' + ', '.join(f'{k} {v}' for k, v in sorted(outcomes.items())))
    print('slowest classes by summed duration:')
    per_class = collections.defaultdict(lambda: [0, 0.0, ''])
    for case in cases:
        entry = per_class[case['cls']]
        entry[0] += 1
        entry[1] += case['duration']
        entry[2] = case['kind']
    for cls, (n, total, kind) in sorted(per_class.items(), key=lambda x: -x[1][1])[:15]:
        print(f'  {kind:14} {n:5} {total:9.1f} s  {cls}')
    return 0


if __name__ == '__main__':
    if len(sys.argv) < 3:
        print(__doc__)
        sys.exit(2)
    sys.exit(main(sys.argv[1], sys.argv[2:]))
