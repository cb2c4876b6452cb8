#!/usr/bin/env python3
"""Write a JSONL dataset of generated articles with defects, for the Spark example and its test.

usage: make_dataset.py OUT.jsonl [--docs N] [--seed S] [--bad B]

Each record is {"id": "doc-000042", "text": ...}: a title line and paragraphs drawn at random
(deterministically, from --seed) from the project's fixtures/, 200 B to 6 KiB, then lightly
damaged: sentences run together, doubled words, misspellings, page chrome, odd Unicode. --bad
adds B records without a usable text (null, missing) at the end, which a job must count as bad.
"""

import argparse
import glob
import json
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURES = os.path.join(HERE, "..", "..", "fixtures")
MISSPELLINGS = {"since": "sence", "receive": "recieve", "government": "goverment", "which": "wich", "their": "thier"}
CHROME = ["Share to Facebook", "Sign up for our email newsletters", "Advertisement", "Read more:"]


def pieces():
    titles, blocks = [], []
    for path in sorted(glob.glob(os.path.join(FIXTURES, "*", "*"))):
        try:
            with open(path, encoding="utf-8") as f:
                lines = [line for line in f.read().split("\n") if line.strip()]
        except UnicodeDecodeError:
            continue  # the invalid-UTF-8 fixture: a JSON string cannot hold it
        if lines:
            titles.append(lines[0].lstrip("# "))
            blocks.extend(line for line in lines[1:] if not line.startswith("```"))
    return titles, blocks


def damage(rng, block):
    roll = rng.random()
    if roll < 0.15:
        return block.replace(". ", ".", 1)
    if roll < 0.25:
        words = block.split(" ")
        i = rng.randrange(len(words))
        return " ".join(words[: i + 1] + words[i:])
    if roll < 0.35:
        for right, wrong in MISSPELLINGS.items():
            if f" {right} " in block:
                return block.replace(f" {right} ", f" {wrong} ", 1)
    if roll < 0.40:
        return block + " \u00e9t\u00e9 caf\u00e9 \U0001f600"
    return block


def article(rng, titles, blocks):
    target = rng.choice([200, 600, 1500, 3000, 6000])
    parts, size = [rng.choice(titles), ""], 0
    while size < target:
        block = damage(rng, rng.choice(blocks))
        parts.append(block)
        size += len(block) + 1
    if rng.random() < 0.1:
        parts.append(rng.choice(CHROME))
    return "\n".join(parts) + ("\n" if rng.random() < 0.9 else "")


def records(docs, seed=7):
    rng = random.Random(seed)
    titles, blocks = pieces()
    return [{"id": f"doc-{i:06d}", "text": article(rng, titles, blocks)} for i in range(docs)]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--docs", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--bad", type=int, default=0)
    a = ap.parse_args()
    with open(a.out, "w", encoding="utf-8") as f:
        for r in records(a.docs, a.seed):
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
        for i in range(a.bad):
            f.write(json.dumps({"id": f"bad-{i}", "text": None} if i % 2 else {"id": f"bad-{i}"}) + "\n")


if __name__ == "__main__":
    main()
