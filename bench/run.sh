#!/usr/bin/env bash
# The benchmark of issue 14 (measured, not a timed test). In one run it prints:
#  1. copydesk (every default rule, `lint --format jsonl`) against typos (`--format brief`) on
#     two corpora: one generated from ../shared/seeds (the real scraped articles; fixtures/
#     when ../shared is missing) and ../shared/corpora/news-clean (skipped when missing):
#     median wall time of RUNS runs each, taken in turn (copydesk, typos, copydesk, ...),
#     the median of the paired ratios, MB/s, and peak RSS; with valgrind installed, also the
#     instructions each executes on one thread (cachegrind; about 2 more minutes), on 200
#     files of that corpus and on news-clean: a count this noisy machine barely moves; before
#     those, where the ratio goes (copydesk running part of its rules, paired with typos the
#     same way: the document model alone, with the shared word evidence, spelling alone...),
#     and both on one file (a seeds article, news-clean's median article), as a pre-commit
#     hook runs them, where start-up is most of the time;
#  2. `lint --timings` on the generated corpus (one thread, so that the shares are CPU shares);
#  3. linearity: seconds per MB at 1, 4, 16 and 64 MB (one file, prefixes of one generated
#     text; every size is linted in ~1 MiB chunks, 16 and 64 MB read chunk by chunk) for every output
#     format and for --fix. Doubling the input should no more than about double the time, so
#     each row should stay roughly flat.
#
#   bench/run.sh                 RUNS=5 FILES=2000 KB=10; about 6 minutes on 2 cores
#   RUNS=7 FILES=1000 bench/run.sh
#
# Uses python3 (wall time by its monotonic clock), GNU time (/usr/bin/time, peak RSS), and typos if installed
# (`pip install typos`). Everything runs in a temporary directory with no lint-rules.toml or
# typos config above it; the corpora are generated there and deleted afterwards.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
runs=${RUNS:-5}
files=${FILES:-2000}
kb=${KB:-10}
work=$(mktemp -d "${TMPDIR:-/tmp}/copydesk-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT

cargo build --release --quiet
cp target/release/copydesk "$work/copydesk"
bin=$work/copydesk
shared=$root/../shared

if [ -d "$shared/seeds" ]; then
  from=(--from "$shared/seeds")
  seeds_label="generated from ../shared/seeds"
else
  from=()
  seeds_label="generated from fixtures/ (../shared is missing)"
fi
python3 bench/gen-corpus.py "$work/seeds" --files "$files" --kb "$kb" "${from[@]}"
python3 bench/gen-corpus.py "$work/long" --single 65 "${from[@]}"

cd "$work"
python3 - "$bin" "$runs" "$seeds_label" "$shared/corpora/news-clean" <<'PY'
import os, shutil, statistics, subprocess, sys, tempfile, time

binary, runs, seeds_label, news = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
typos = shutil.which('typos')
# A version manager's shim (pyenv's is a shell script) would add its own start-up, tens of
# milliseconds, to every typos run: time the binary it stands for.
if typos and open(typos, 'rb').read(2) == b'#!' and shutil.which('pyenv'):
    real = subprocess.run(['pyenv', 'which', 'typos'], capture_output=True, text=True).stdout.strip()
    typos = real or typos
cores = os.cpu_count()


def timed(cmd, stdout=subprocess.DEVNULL):
    """Wall seconds and peak RSS (MB) of one run. The wall clock is Python's monotonic
    nanosecond counter around the run (GNU time's %e counts in hundredths: a run of 70 ms
    came out 0.06 or 0.07 s, and a ratio of two such runs jumped between 1.0 and 1.33); the peak
    RSS is GNU time's %M, the command's own (a child forked from this process would count the
    64 MB text held here until it execs)."""
    with tempfile.NamedTemporaryFile('r') as t:
        start = time.perf_counter()
        subprocess.run(['/usr/bin/time', '-f', '%M', '-o', t.name] + cmd, stdout=stdout, stderr=subprocess.DEVNULL)
        wall = time.perf_counter() - start
        rss = t.read().split()[-1]
    return wall, int(rss) / 1024


def size(path):
    if os.path.isfile(path):
        return os.path.getsize(path)
    return sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(path) for f in fs)


def paired(path, n, rules=()):
    """copydesk (with `rules`, its arguments choosing rules; all by default) and typos on
    `path` in turn, n pairs after one that warms the page cache: each one's (wall, RSS) per
    run, and the pairs' wall-time ratios (none without typos)."""
    ours, theirs, ratios = [], [], []
    for i in range(n + 1):
        a = timed([binary, 'lint', '--format', 'jsonl', *rules, path])
        b = timed([typos, '--format', 'brief', path]) if typos else None
        if i == 0:
            continue
        ours.append(a)
        if b:
            theirs.append(b)
            ratios.append(a[0] / max(b[0], 1e-3))
    return ours, theirs, ratios


print(f"copydesk {subprocess.run([binary, '--version'], capture_output=True, text=True).stdout.strip()}; "
      f"{typos and subprocess.run([typos, '--version'], capture_output=True, text=True).stdout.strip() or 'typos not installed'}; "
      f"{cores} cores; median of {runs} runs")
print()
print(f"seeds-built: {seeds_label}; news-clean: {news}")
print(f"{'corpus':24} {'MB':>6} {'copydesk s':>10} {'MB/s':>6} {'RSS MB':>6} {'typos s':>8} {'RSS MB':>6} {'ratio':>6}")
for label, path in [('seeds-built', 'seeds'), ('news-clean', news)]:
    if not os.path.isdir(path):
        print(f"{label:24} SKIP: {path} is missing")
        continue
    mb = size(path) / 1e6
    ours, theirs, ratios = paired(path, runs)
    wall = statistics.median(w for w, _ in ours)
    rss = max(r for _, r in ours)
    name = f"{label}, {sum(len(fs) for _, _, fs in os.walk(path))} files"
    if theirs:
        twall = statistics.median(w for w, _ in theirs)
        trss = max(r for _, r in theirs)
        print(f"{name:24} {mb:6.1f} {wall:10.3f} {mb / max(wall, 1e-3):6.1f} {rss:6.1f} {twall:8.3f} {trss:6.1f} {statistics.median(ratios):6.2f}")
    else:
        print(f"{name:24} {mb:6.1f} {wall:10.3f} {mb / max(wall, 1e-3):6.1f} {rss:6.1f} {'-':>8} {'-':>6} {'-':>6}")
print("ratio = copydesk wall / typos wall, the median of the paired runs (<= 0.5 is the goal)")

# Where the ratio goes: copydesk running part of its work, paired with typos the same way. The
# document model alone (a rule that reads only headings' markup), then the shared word
# evidence too (a rule that asks only whether the text is English), then spelling alone
# (typos' own job: typo), spelling and page chrome, and every rule but the four costliest.
if typos:
    parts = [
        ('document model only', ['--select', 'emphasis-in-heading']),
        ('+ word evidence', ['--select', 'repeated-word']),
        ('typo only', ['--select', 'typo']),
        ('typo, unknown-word, boilerplate', ['--select', 'typo,unknown-word,boilerplate']),
        ('all but the 4 costliest', ['--ignore', 'proper-noun-case,heading-case,possessive,clickbait']),
    ]
    print()
    print("where the ratio goes: copydesk with part of its rules against typos (median of the paired ratios)")
    print(f"{'rules run':34}{'seeds-built':>14}{'news-clean':>14}")
    for label, rules in parts:
        cells = [statistics.median(paired(path, runs, rules)[2]) for path in ['seeds', news] if os.path.isdir(path)]
        print(f"{label:34}" + ''.join(f"{c:14.2f}" for c in cells))

# One file, as a pre-commit hook lints it: there start-up is most of the run (the patterns a
# first article needs are compiled then). A generated seeds article (chrome, bylines) and
# news-clean's median-sized article (clean prose); more runs, as each takes milliseconds.
singles = [('seeds article', os.path.join('seeds', sorted(os.listdir('seeds'))[0]))]
if os.path.isdir(news):
    clean = sorted((os.path.join(d, f) for d, _, fs in os.walk(news) for f in fs), key=os.path.getsize)
    singles.append(('news-clean article', clean[len(clean) // 2]))
print()
print(f"one file (median of {3 * runs} paired runs)")
print(f"{'file':24} {'KB':>6} {'copydesk ms':>11} {'typos ms':>9} {'ratio':>6}")
for label, path in singles:
    ours, theirs, ratios = paired(path, 3 * runs)
    line = f"{label:24} {os.path.getsize(path) / 1e3:6.1f} {statistics.median(w for w, _ in ours) * 1e3:11.1f}"
    if theirs:
        line += f" {statistics.median(w for w, _ in theirs) * 1e3:9.1f} {statistics.median(ratios):6.2f}"
    print(line)

# Instructions executed, one thread each: unlike wall time, the count hardly moves with the
# machine's load, so it shows what a change did where the timings above are noise.
valgrind = shutil.which('valgrind')
if valgrind and typos:
    os.makedirs('seeds-200', exist_ok=True)
    for name in sorted(os.listdir('seeds'))[:200]:
        shutil.copyfile(os.path.join('seeds', name), os.path.join('seeds-200', name))

    def instructions(cmd):
        p = subprocess.run([valgrind, '--tool=cachegrind', '--cache-sim=no', '--cachegrind-out-file=/dev/null'] + cmd,
                           stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        refs = [line for line in p.stderr.splitlines() if 'I   refs:' in line or 'I refs:' in line]
        return int(refs[-1].split(':')[1].replace(',', '')) if refs else None

    print()
    print("instructions executed (cachegrind, one thread each)")
    print(f"{'corpus':24} {'copydesk':>14} {'typos':>14} {'ratio':>6}")
    for label, path in [(f"seeds-built, {len(os.listdir('seeds-200'))} files", 'seeds-200'), ('news-clean', news)]:
        if not os.path.isdir(path):
            continue
        a = instructions([binary, 'lint', '--threads', '1', '--format', 'jsonl', path])
        b = instructions([typos, '--threads', '1', '--format', 'brief', path])
        if a and b:
            print(f"{label:24} {a:14,} {b:14,} {a / b:6.2f}")

print()
print("lint --timings --threads 1 on the generated corpus:")
p = subprocess.run([binary, 'lint', '--timings', '--threads', '1', '--format', 'jsonl', 'seeds'], stdout=subprocess.DEVNULL,
                   stderr=subprocess.PIPE, text=True)
print(p.stderr.rstrip())

print()
text = open('long/big.txt', encoding='utf-8').read()
sizes = [1, 4, 16, 64]
for mb in sizes:
    cut = text.rfind('\n', 0, mb * 1_000_000) + 1
    with open(f'lines-{mb}.txt', 'w', encoding='utf-8') as f:
        f.write(text[:cut])
del text
cases = [(fmt, ['lint', '--color', 'never', '--format', fmt]) for fmt in ['human', 'compact', 'json', 'jsonl', 'sarif', 'github']]
cases.append(('--fix', ['lint', '--fix', '--format', 'compact']))
lin_runs = max(1, min(runs, 3))
print(f"linearity: seconds per MB (median of {lin_runs} runs at 1 and 4 MB, one run at 16 and 64 MB), one file of each size; peak RSS")
print(f"{'case':10}" + ''.join(f"{f'{mb} MB':>10}" for mb in sizes) + f"{'64/1':>8}{'RSS MB':>8}")
for name, args in cases:
    row, rss = [], 0.0
    for mb in sizes:
        src = f'lines-{mb}.txt'
        walls = []
        for _ in range(lin_runs if mb <= 4 else 1):
            target = src
            if name == '--fix':
                target = 'fix.txt'
                shutil.copyfile(src, target)
            w, r = timed([binary] + args + [target])
            walls.append(w)
            rss = max(rss, r)
        row.append(statistics.median(walls) / (os.path.getsize(src) / 1e6))
    print(f"{name:10}" + ''.join(f"{x:10.3f}" for x in row) + f"{row[-1] / row[0]:8.2f}{rss:8.1f}")
print("64/1: s/MB at 64 MB over s/MB at 1 MB (1.0 = linear)")
PY
