#!/usr/bin/env python3
"""Build src/lexicon/english.tsv, the English lexicon embedded in copydesk, from SCOWL word lists
as Debian packages them (wamerican-{small,,large}, wbritish-{small,,large}; SCOWL's licence is in
src/lexicon/README.md).

One line per word, keyed by its lowercase form:  key <TAB> L C U [<TAB> spelling]
  L  the word written lowercase ("china")
  C  written Capitalised ("China")
  U  written otherwise: all capitals or a capital inside ("NATO", "iPhone"); spelling gives it
each a tier: 0 absent, 1 in the small lists (most common words), 2 in the medium lists, 3 only in
the large lists (rare words). Possessive forms ("Japan's") are left out: the apostrophe is
grammar, not vocabulary.

usage: apt-get install wamerican-small wamerican wamerican-large wbritish-small wbritish wbritish-large
       python3 scripts/build-lexicon.py > src/lexicon/english.tsv
"""
import sys

DICT = '/usr/share/dict/'
TIERS = [(1, ['american-english-small', 'british-english-small']),
         (2, ['american-english', 'british-english']),
         (3, ['american-english-large', 'british-english-large'])]

entries = {}  # key -> [L, C, U, spelling]


def form(word):
    if word.islower():
        return 0
    if word[0].isupper() and (len(word) == 1 or word[1:].islower() or not any(c.isalpha() for c in word[1:])):
        return 1
    return 2


for tier, names in TIERS:
    for name in names:
        for line in open(DICT + name, encoding='utf-8', errors='strict'):
            word = line.strip()
            if not word or "'" in word or not word.isalpha() and not all(c.isalpha() or c in '-.' for c in word):
                continue
            key = word.lower()
            e = entries.setdefault(key, [0, 0, 0, ''])
            f = form(word)
            if e[f] == 0 or tier < e[f]:
                e[f] = tier
            if f == 2 and not e[3]:
                e[3] = word

out = sys.stdout
for key in sorted(entries):
    l, c, u, spelling = entries[key]
    out.write(f'{key}\t{l}{c}{u}' + (f'\t{spelling}' if spelling else '') + '\n')
