#!/usr/bin/env python3
"""Counts test cases by what they start. Usage: pyramid.py <repo> <file with `dotnet test --list-tests` output>
A test case is 'server' when it needs a strata-server (or strata CLI) process: its class takes a fixture that starts
one (SharedServer, a class/collection fixture whose source calls StrataServer.StartAsync, ClusterFixture...), or its
own method body starts one (StrataServer.StartAsync, RunExpectingFailureAsync, CliRunner, client-compat/Node/anvil
scripts against a server). 'other-process' = needs only a non-Strata process (PostgreSQL, anvil, Chromium).
Everything else runs in the test process (InProcessServer on TestServer counts as in process)."""
import re, sys, os, collections
SERVER = re.compile(r'StrataServer\.StartAsync|RunExpectingFailureAsync|(?<!InProcess)SharedServer\b|ClusterFixture(?!\.(?:ClusterSettings|Count)\b)|CliRunner\.|ClientCompat|StartNodeAsync|ServeAsync\(')
OTHER = re.compile(r'PostgresServer|PostgresStoreFactory|PostgresClusterFactory|AnvilNode|[Cc]hromium')
decl = re.compile(r'^((?:\[[^\n]*\]\s*\n)*)(?:public|internal)?\s*(?:sealed |abstract |static |partial )*(?:class|record) (\w+)[^\n]*', re.M)
classes = {}
def load(repo):
    """Reads every test source class of <repo>/tests/Strata.Tests (call once before kind_of)."""
    root = os.path.join(repo, 'tests', 'Strata.Tests')
    for dp, _, fs in os.walk(root):
        if '/bin' in dp or '/obj' in dp: continue
        for f in fs:
            if not f.endswith('.cs'): continue
            text = open(os.path.join(dp, f), encoding='utf-8').read()
            m = re.search(r'^namespace ([\w.]+);', text, re.M); ns = m.group(1) if m else ''
            starts = [(mm.start(), mm.group(2), mm.group(0)) for mm in decl.finditer(text)]
            for i, (s, name, header) in enumerate(starts):
                e = starts[i + 1][0] if i + 1 < len(starts) else len(text)
                classes[ns + '.' + name] = (header, text[s:e])
def deps(header):
    found = re.findall(r'Fixture<([\w.]+)>', header)
    found += re.findall(r'\)?\s*:\s*([\w.]+)', header.split('\n')[-1] if header else '')
    found += re.findall(r'\(([\w.]+) \w+(?:,|\))', header)
    return [d.split('.')[-1] for d in found]
def fixture_kind(header, body, seen):
    """Kind a class imposes on all its tests: through its fixtures, its base class, or its own set-up."""
    if re.search(r'(?<!InProcess)SharedServer\b|SharedServerCollection|ClusterFixture', header): return 'server'
    setup = re.search(r'(InitializeAsync|static \w+\(\)|public \w+\([^)]*\)\s*\{)[\s\S]{0,600}', body)
    if setup and SERVER.search(setup.group(0)) and 'InitializeAsync' in setup.group(0): return 'server'
    for dep in deps(header):
        for full, (h, b) in classes.items():
            if full.endswith('.' + dep) and full not in seen:
                k = whole_kind(h, b, seen + (full,))
                if k != 'in-process': return k
    if re.search(r'\(\s*\w+\.(\w+) fixture\)', header):
        pass
    return None
def whole_kind(header, body, seen):
    if SERVER.search(body) or SERVER.search(header): return 'server'
    if OTHER.search(body): return 'other-process'
    for dep in deps(header):
        for full, (h, b) in classes.items():
            if full.endswith('.' + dep) and full not in seen:
                k = whole_kind(h, b, seen + (full,))
                if k != 'in-process': return k
    return 'in-process'
def method_kind(cls, method):
    header, body = classes.get(cls, ('', ''))
    k = fixture_kind(header, body, (cls,))
    if k: return k
    # the method's own text: from its name to the next test attribute
    m = re.search(r'\b' + re.escape(method) + r'\s*\(', body)
    text = body[m.start():] if m else body
    nxt = re.search(r'\n\s*\[(Fact|Theory)', text)
    text = text[:nxt.start()] if nxt else text
    # helpers of the class it calls are included roughly: the class's non-test helpers
    helpers = re.sub(r'\[(Fact|Theory)[\s\S]*?(?=\n\s*\[(Fact|Theory)|\Z)', '', body)
    if SERVER.search(text): return 'server'
    called = set(re.findall(r'\b([A-Z]\w+)\(', text))
    for name in called:
        hm = re.search(r'(?:private|internal|public|protected)[^\n(]*\b' + name + r'\s*\([^\n]*\n[\s\S]*?\n    }', helpers)
        if hm and SERVER.search(hm.group(0)): return 'server'
    if OTHER.search(text) or OTHER.search(body): return 'other-process'
    return 'in-process'
def kind_of(cls, method):
    """'server', 'other-process', 'in-process', or 'unknown' (no such class in the sources)."""
    return method_kind(cls, method) if cls in classes else 'unknown'
def main(repo, listing):
    load(repo)
    counts = collections.Counter(); per = collections.Counter()
    for line in open(listing, encoding='utf-8'):
        line = line.strip()
        if not line.startswith('Strata.Tests.'): continue
        name = re.sub(r'\(.*$', '', line)
        cls, method = name.rsplit('.', 1)
        k = kind_of(cls, method)
        counts[k] += 1; per[(k, cls)] += 1
    for (k, cls), n in sorted(per.items(), key=lambda x: (x[0][0], -x[1])):
        print(f'{k:14} {n:5} {cls}')
    total = sum(counts.values())
    print('TOTAL', total, dict(counts), {k: f'{100*v/total:.0f}%' for k, v in counts.items()})
if __name__ == '__main__':
    main(sys.argv[1], sys.argv[2])
