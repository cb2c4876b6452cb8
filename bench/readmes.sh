#!/usr/bin/env bash
# Markdown nobody here wrote, measured (never copied into the project): the README.md of every
# crate in Cargo's registry cache on this machine (at least copydesk's own dependencies, once it
# has been built), one per crate (its newest version), linted with every default rule. Prints
# the files and words, the findings per rule and per 10,000 words, and with -v each finding
# with its line. Every finding is a candidate false positive: READMEs are edited text, though
# some carry real slips ("depenency", "minumum") and names written two ways ("Nix"/"nix").
# usage: bench/readmes.sh [BINARY] [-v]   (default target/release/copydesk, built if missing)
# Prints SKIP and exits 0 when the registry cache has no README.
set -euo pipefail
cd "$(dirname "$0")/.."
verbose=0
args=()
for a in "$@"; do
  if [ "$a" = -v ]; then verbose=1; else args+=("$a"); fi
done
bin=${args[0]:-target/release/copydesk}
[ -x "$bin" ] || { cargo build --release --quiet; bin=target/release/copydesk; }
bin=$(realpath "$bin")
registry=${CARGO_HOME:-$HOME/.cargo}/registry/src
work=$(mktemp -d "${TMPDIR:-/tmp}/copydesk-readmes.XXXXXX")
trap 'rm -rf "$work"' EXIT
python3 - "$registry" "$work" <<'PY'
import os, re, shutil, sys
registry, work = sys.argv[1], sys.argv[2]
newest = {}
if os.path.isdir(registry):
    for index in os.listdir(registry):
        for crate in os.listdir(os.path.join(registry, index)):
            m = re.match(r'(.+?)-(\d+(?:\.\d+)*)(?:[-+].*)?$', crate)
            readme = os.path.join(registry, index, crate, 'README.md')
            if not m or not os.path.isfile(readme):
                continue
            version = tuple(int(p) for p in m.group(2).split('.'))
            name = m.group(1)
            if name not in newest or version > newest[name][0]:
                newest[name] = (version, readme)
for name, (_, readme) in sorted(newest.items()):
    shutil.copyfile(readme, os.path.join(work, name + '.md'))
PY
count=$(find "$work" -name '*.md' | wc -l)
if [ "$count" -eq 0 ]; then
  echo "SKIP: no README.md in $registry"
  exit 0
fi
cd "$work"
"$bin" lint . --format json >"$work/out.json" 2>/dev/null || true
python3 - "$work/out.json" "$verbose" <<'PY'
import collections, glob, json, signal, sys
signal.signal(signal.SIGPIPE, signal.SIG_DFL)  # quiet when the reader stops early (| head)
diags = [d for d in json.load(open(sys.argv[1]))['diagnostics'] if d['severity'] in ('warning', 'error')]
words = sum(len(open(f, encoding='utf-8', errors='replace').read().split()) for f in glob.glob('*.md'))
files = len(glob.glob('*.md'))
print(f'crate READMEs: {files} files, {words} words, {len(diags)} warnings/errors = {len(diags) / words * 10000:.2f} per 10k words')
for rule, n in collections.Counter(d['rule'] for d in diags).most_common():
    print(f'  {rule:20} {n:4}  {n / words * 10000:.2f}/10k')
if sys.argv[2] == '1':
    for d in diags:
        print(f"    {d['path']}:{d['line']} {d['rule']}: {d['message'][:90]}")
PY
