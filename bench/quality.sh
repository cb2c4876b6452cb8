#!/usr/bin/env bash
# Detection quality on text copydesk has never seen, measured with ../shared (never copied here):
#  1. the dev set (../shared/devset/make_devset.py OUT 400): recall per category, and findings
#     outside the truth rows per 10,000 words, after excusing the genuine defects of the source
#     articles listed in bench/devset-excuses.tsv;
#  2. the seeds (recall and false positives in their clean regions);
#  3. news-clean (896 edited articles): warnings per 10,000 words, per rule.
# usage: bench/quality.sh [BINARY]   (default: target/release/copydesk, built if missing)
# SAMPLES="23 99" bench/quality.sh also builds samples the same way with those random seeds (the
# builder copied to a temporary folder with its seed replaced) and prints their recall: text the
# rules were not tuned on.
# Needs python3 and Debian's wamerican-large for the dev set; skips (says SKIP) what it cannot run.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-target/release/copydesk}
[ -x "$bin" ] || cargo build --release --quiet
shared=../shared
if [ ! -d "$shared" ]; then echo "SKIP: $shared is missing"; exit 0; fi
out=${TMPDIR:-/tmp}/copydesk-quality
mkdir -p "$out"

if [ -f /usr/share/dict/american-english-large ] && [ -f "$shared/devset/make_devset.py" ]; then
  python3 "$shared/devset/make_devset.py" "$out/devset" 400 > /dev/null
  python3 "$shared/acceptance/score.py" "$bin" "$out/devset/docs" "$out/devset/truth.tsv" \
    --clean "$out/devset/clean.tsv" --quiet --json "$out/score.json" > /dev/null
  python3 - "$out/score.json" "$out/devset/docs" bench/devset-excuses.tsv <<'PY'
import json, os, sys
score, docs, excuses = sys.argv[1:4]
d = json.load(open(score))
words = sum(len(open(os.path.join(docs, f), encoding='utf-8').read().split()) for f in os.listdir(docs))
excused = set()
for line in open(excuses, encoding='utf-8'):
    if line.startswith(('#', 'file\t')) or not line.strip():
        continue
    f, l, rule, _ = line.rstrip('\n').split('\t', 3)
    excused.add((f'{f}:{l}', rule))
fps = [x for x in d['fps'] if tuple(x.split(' ')[:2]) not in excused]
print(f"dev set: {len(os.listdir(docs))} documents, {words} words")
print(f"{'category':18} {'caught':>9} {'recall':>7}")
for cat, (hit, total) in sorted(d['by_category'].items()):
    print(f"{cat.split('/')[0]:18} {hit:>4}/{total:<4} {hit / total:7.2f}{'' if hit / total >= 0.9 else '  < 0.90'}")
print(f"{'all':18} {d['must_hit']:>4}/{d['must_total']:<4} {d['must_hit'] / d['must_total']:7.2f}")
print(f"findings outside the truth rows: {d['fp']} ({d['fp'] / words * 1e4:.2f}/10k words); "
      f"excused as genuine source defects: {d['fp'] - len(fps)}; false positives: {len(fps)} = {len(fps) / words * 1e4:.2f}/10k words")
for x in fps:
    print('  FP', x[:110])
PY
else
  echo "SKIP dev set: needs /usr/share/dict/american-english-large (apt-get install wamerican-large)"
fi

for seed in ${SAMPLES:-}; do
  [ -f /usr/share/dict/american-english-large ] || break
  sample="$out/sample-$seed"
  mkdir -p "$sample"
  sed -e "s/random.Random(7)/random.Random($seed)/" \
      -e "s|^HERE = .*|HERE = '$(cd "$shared/devset" && pwd)'|" "$shared/devset/make_devset.py" > "$sample/make.py"
  python3 "$sample/make.py" "$sample/set" 400 > /dev/null
  python3 "$shared/acceptance/score.py" "$bin" "$sample/set/docs" "$sample/set/truth.tsv" \
    --clean "$sample/set/clean.tsv" --quiet --json "$sample/score.json" > /dev/null
  python3 - "$sample/score.json" "$seed" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
cats = ', '.join(f"{c.split('/')[0]} {h}/{t}" for c, (h, t) in sorted(d['by_category'].items()))
print(f"sample {sys.argv[2]}: {d['must_hit']}/{d['must_total']} = {d['must_hit'] / d['must_total']:.2f}; {cats}; "
      f"{d['fp']} findings outside the truth rows (not excused)")
PY
done

echo
echo -n "seeds: "
python3 "$shared/acceptance/score.py" "$bin" "$shared/seeds" "$shared/acceptance/seeds-expected.tsv" \
  --clean "$shared/acceptance/seeds-clean.tsv" --quiet | tail -n 1

echo
python3 - "$bin" "$shared/corpora/news-clean" <<'PY'
import collections, json, os, subprocess, sys
binary, d = sys.argv[1:3]
words = sum(len(open(os.path.join(d, f), encoding='utf-8', errors='replace').read().split()) for f in os.listdir(d))
p = subprocess.run([binary, 'lint', '--format', 'json', d], capture_output=True)
diags = [x for x in json.loads(p.stdout)['diagnostics'] if x['severity'] in ('warning', 'error')]
print(f"news-clean: {len(os.listdir(d))} articles, {words} words, {len(diags)} warnings = {len(diags) / words * 1e4:.2f}/10k words")
for rule, n in collections.Counter(x['rule'] for x in diags).most_common():
    print(f"  {rule:18} {n:4}  {n / words * 1e4:.2f}/10k")
PY
