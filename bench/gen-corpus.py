#!/usr/bin/env python3
"""Generate a benchmark corpus from the project's own fixtures, defects included.

usage: bench/gen-corpus.py OUT_DIR [--files N] [--kb K] [--seed S] [--single MB] [--from DIR]

Each file is an article: a title, then paragraphs, headings, lists and tables drawn at random
(deterministically, from --seed) from the articles under --from (default: fixtures/, every
rule's flagged and clean examples; bench/run.sh uses ../shared/seeds, the real scraped
articles, when it is there), until it reaches about K KiB. With --single, one file of about
MB MiB is written instead (for the bounded-memory and linearity checks). The text is drawn
at run time and never committed.
"""
import argparse, os, random, glob

ap = argparse.ArgumentParser()
ap.add_argument('out')
ap.add_argument('--files', type=int, default=2400)
ap.add_argument('--kb', type=int, default=10)
ap.add_argument('--seed', type=int, default=7)
ap.add_argument('--single', type=int, default=0)
ap.add_argument('--from', dest='source', default=None)
a = ap.parse_args()
here = os.path.dirname(os.path.abspath(__file__))
if a.source:
    fixtures = sorted(p for p in glob.glob(os.path.join(a.source, '**', '*'), recursive=True) if os.path.isfile(p))
else:
    fixtures = sorted(glob.glob(os.path.join(here, '..', 'fixtures', '*', '*')))
titles, blocks = [], []
for path in fixtures:
    try:
        text = open(path, encoding='utf-8').read()
    except UnicodeDecodeError:
        continue  # the invalid-UTF-8 fixture
    lines = [l for l in text.split('\n') if l.strip()]
    if not lines:
        continue
    titles.append(lines[0].lstrip('# '))
    blocks.extend(lines[1:])
rng = random.Random(a.seed)
os.makedirs(a.out, exist_ok=True)


def article(target):
    parts = [rng.choice(titles), '']
    size = 0
    while size < target:
        b = rng.choice(blocks)
        parts.append(b)
        size += len(b) + 1
    return '\n'.join(parts) + '\n'


if a.single:
    with open(os.path.join(a.out, 'big.txt'), 'w', encoding='utf-8') as f:
        written = 0
        while written < a.single * 1024 * 1024:
            chunk = article(64 * 1024)
            f.write(chunk + '\n')
            written += len(chunk.encode()) + 1
else:
    for i in range(a.files):
        ext = '.md' if i % 5 == 0 else '.txt'
        with open(os.path.join(a.out, f'{i:05d}{ext}'), 'w', encoding='utf-8') as f:
            f.write(article(a.kb * 1024))
