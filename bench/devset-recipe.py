#!/usr/bin/env python3
"""Builds ../shared/devset/make_devset.py's recipe from other articles, once per random seed, and
scores each build with ../shared/acceptance/score.py: recall per category, summed over the seeds,
and the findings outside the truth rows per rule. Shared by bench/web-pages.sh and
bench/lee-devset.sh, which gather the articles.

usage: devset-recipe.py BINARY SHARED CORPORA WORK N LABEL SEED...
  CORPORA holds news-clean/ (the articles: title, blank line, paragraphs split by blank lines),
  headlines/ and boilerplate/; N is how many articles each build takes; the builds go to
  WORK/devset-SEED."""
import collections, json, os, re, subprocess, sys

binary, shared, corpora, work, n, label = sys.argv[1:7]
seeds = [int(s) for s in sys.argv[7:]]
recipe = open(f'{shared}/devset/make_devset.py', encoding='utf-8').read()
recipe = re.sub(r"(?m)^HERE = .*$", f"HERE = {shared + '/devset'!r}", recipe)
recipe = re.sub(r"(?m)^CORPORA = .*$", f"CORPORA = {corpora!r}", recipe)
totals, outside, docs = collections.defaultdict(lambda: [0, 0]), collections.Counter(), 0
for seed in seeds:
    out = f'{work}/devset-{seed}'
    open(f'{work}/make-{seed}.py', 'w').write(recipe.replace('random.Random(7)', f'random.Random({seed})'))
    subprocess.run([sys.executable, f'{work}/make-{seed}.py', out, n], check=True, capture_output=True)
    subprocess.run([sys.executable, f'{shared}/acceptance/score.py', binary, f'{out}/docs', f'{out}/truth.tsv', '--clean',
                    f'{out}/clean.tsv', '--quiet', '--json', f'{out}/score.json'], capture_output=True)
    score = json.load(open(f'{out}/score.json'))
    for cat, (hit, total) in score['by_category'].items():
        totals[cat][0] += hit
        totals[cat][1] += total
    outside.update(x.split(' ')[1] for x in score['fps'])
    docs += len(os.listdir(f'{out}/docs'))
print(f'{label}: the dev set recipe, {len(seeds)} seeds, {docs} documents')
for cat, (hit, total) in sorted(totals.items()):
    print(f'  {cat.split("/")[0]:18} {hit:4}/{total:4}  {hit / max(total, 1):.2f}')
hit, total = sum(h for h, _ in totals.values()), sum(t for _, t in totals.values())
print(f'  {"all":18} {hit:4}/{total:4}  {hit / max(total, 1):.2f}')
print(f'  findings outside the truth rows: {sum(outside.values())} ({", ".join(f"{r} {k}" for r, k in outside.most_common())})')
