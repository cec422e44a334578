#!/usr/bin/env python3
# Resident memory of a process by mapping (tests/perf/server-latency.sh, BREAKDOWN=1): the GC heap (its large
# reservation), malloc heap and arenas, thread stacks, the JIT's double-mapped memfd, files.  rss-breakdown.py PID [-v]
# (-v: also the biggest files and the larger unclassified anonymous regions)
# The GC heap is recognised by its reservation of 4 GB or more (with DOTNET_GCHeapHardLimit it is smaller and counts as
# "anonymous, other"); a malloc arena by its 64 MB; a thread stack by its guard page.
import sys, re, collections
pid = sys.argv[1]
maps = []
cur = None
for line in open(f"/proc/{pid}/smaps"):
    m = re.match(r'^([0-9a-f]+)-([0-9a-f]+) (\S+) \S+ \S+ (\d+)\s*(.*)$', line)
    if m:
        cur = dict(start=int(m[1],16), end=int(m[2],16), perms=m[3], inode=int(m[4]), name=m[5].strip(), rss=0, anon=0)
        maps.append(cur)
    elif line.startswith('Rss:'):
        cur['rss'] = int(line.split()[1])
    elif line.startswith('Anonymous:'):
        cur['anon'] = int(line.split()[1])
cats = collections.Counter()
# group adjacent anonymous mappings into regions (same reservation) to size them
def cat(mp, regsize):
    n = mp['name']
    if n == '[heap]': return 'malloc main heap'
    if n.startswith('[stack'): return 'main stack'
    if 'doublemapper' in n or 'memfd' in n: return 'memfd (JIT code and stubs, double-mapped)'
    if n.startswith('/'):
        if n.endswith('.so') or '.so.' in n:
            return 'files (.so)' + (', copied on write' if mp['anon'] else '')
        return 'files (assemblies)' + (', copied on write' if mp['anon'] else '')
    if n: return n
    return None
# anonymous regions: merge contiguous
regions = []
for mp in maps:
    if mp['name'] == '' :
        if regions and regions[-1][-1]['end'] == mp['start']:
            regions[-1].append(mp)
        else:
            regions.append([mp])
    else:
        c = cat(mp, 0); cats[c] += mp['rss']
for reg in regions:
    size = reg[-1]['end'] - reg[0]['start']
    rss = sum(m['rss'] for m in reg)
    if size >= 1<<32: c = 'GC heap (its reservation)'
    elif size == 64<<20 or (size >= 60<<20 and size <= 64<<20): c = 'malloc arena (64MB)'
    elif any(m['perms'] == '---p' for m in reg) and size in range((1<<20), 9<<20) : c = 'thread stacks'
    else: c = 'anonymous, other'
    cats[c] += rss
    if c == 'anonymous, other' and rss > 512 and len(sys.argv) > 2:
        print('  anon other region', hex(reg[0]['start']), size>>10, 'kB size', rss, 'kB rss', [m['perms'] for m in reg])
if len(sys.argv) > 2:
    files = collections.Counter()
    for mp in maps:
        if mp['name'].startswith('/'):
            files[mp['name'].rsplit('/', 1)[-1]] += mp['rss']
    for f, v in files.most_common(25):
        print(f"  {v / 1024:6.1f} MB  {f}")
tot = sum(cats.values())
for c, v in sorted(cats.items(), key=lambda x: -x[1]):
    if v < 50: continue
    print(f"{v/1024:7.1f} MB  {c}")
print(f"{tot/1024:7.1f} MB  total")
