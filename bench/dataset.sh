#!/usr/bin/env bash
# Dataset mode against files: the same generated texts linted as one JSONL file
# (`lint --input jsonl`) and as a folder of .txt files (not a timed test).
#
#   bench/dataset.sh [MB] [RUNS]      default: ~100 MB of texts, 5 runs of each
#   RSS_MB=500 bench/dataset.sh       also peak RSS on a JSONL file of about 500 MB
#
# Prints the median wall time and peak RSS of each (runs alternate, files then dataset), the
# throughput ratio dataset/files (the goal: within 15 %, i.e. <= 1.15), and with RSS_MB the
# peak RSS on the big file (bounded memory: it must not grow with the file).
set -euo pipefail
cd "$(dirname "$0")/.."
mb=${1:-100}
runs=${2:-5}
work=$(mktemp -d "${TMPDIR:-/tmp}/copydesk-dataset.XXXXXX")
trap 'rm -rf "$work"' EXIT

cargo build --release --quiet
bin=${CARGO_TARGET_DIR:-target}/release/copydesk

# ~10 KiB articles; gen-corpus.py makes every 5th one Markdown, which a dataset of one record
# format would read differently, so those are dropped: the files are the records.
files=$((mb * 100 * 5 / 4))
python3 bench/gen-corpus.py "$work/corpus" --files "$files" --kb 10
rm -f "$work"/corpus/*.md
python3 - "$work/corpus" "$work/corpus.jsonl" <<'EOF'
import json, os, sys
src, out = sys.argv[1], sys.argv[2]
with open(out, 'w', encoding='utf-8') as f:
    for name in sorted(os.listdir(src)):
        with open(os.path.join(src, name), encoding='utf-8') as t:
            f.write(json.dumps({"id": name[:-4], "source": "bench", "text": t.read()}, ensure_ascii=False) + "\n")
EOF

count=$(ls "$work/corpus" | wc -l)
size=$(cat "$work"/corpus/* | wc -c)
jsonl=$(wc -c < "$work/corpus.jsonl")
echo "texts: $count, $(awk -v b="$size" 'BEGIN{printf "%.1f", b/1e6}') MB as files; JSONL $(awk -v b="$jsonl" 'BEGIN{printf "%.1f", b/1e6}') MB; $(nproc) cores; $runs runs each"

# time_once FILE CMD...: append "wall rss_kb" of one run to FILE.
time_once() {
  local file=$1; shift
  /usr/bin/time -f '%e %M' -o "$work/t" "$@" > /dev/null 2> "$work/stderr" || true
  tail -n 1 "$work/t" >> "$file"
}
# median FILE COLUMN
median() { cut -d' ' -f"$2" "$1" | sort -g | awk '{a[NR]=$1} END{print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }

"$bin" lint --format jsonl "$work/corpus" > /dev/null || true # warm the page cache
"$bin" lint --input jsonl --format jsonl "$work/corpus.jsonl" > /dev/null 2>&1 || true
for _ in $(seq "$runs"); do
  time_once "$work/files.times" "$bin" lint --format jsonl "$work/corpus"
  time_once "$work/dataset.times" "$bin" lint --input jsonl --format jsonl "$work/corpus.jsonl"
done
grep -q "$count records read: $count linted, 0 bad" "$work/stderr" || { echo "dataset run did not lint every record:"; cat "$work/stderr"; exit 1; }

wf=$(median "$work/files.times" 1); rf=$(median "$work/files.times" 2)
wd=$(median "$work/dataset.times" 1); rd=$(median "$work/dataset.times" 2)
line() { awk -v l="$1" -v w="$2" -v r="$3" -v b="$size" 'BEGIN{printf "%-26s median %7.2f s  %7.1f MB/s  peak RSS %6.1f MB\n", l, w, b/1e6/(w>0?w:0.001), r/1024}'; }
line "files (lint DIR)" "$wf" "$rf"
line "dataset (--input jsonl)" "$wd" "$rd"
awk -v d="$wd" -v f="$wf" 'BEGIN{printf "ratio dataset/files wall time: %.3f (goal <= 1.15)\n", d/f}'

if [ -n "${RSS_MB:-}" ]; then
  copies=$(( (RSS_MB * 1000000 + jsonl - 1) / jsonl ))
  for i in $(seq "$copies"); do sed "s/^{\"id\": \"/{\"id\": \"$i-/" "$work/corpus.jsonl"; done > "$work/big.jsonl"
  big=$(wc -c < "$work/big.jsonl")
  /usr/bin/time -f '%e %M' -o "$work/t" "$bin" lint --input jsonl --format jsonl "$work/big.jsonl" > /dev/null 2> "$work/stderr" || true
  read -r wb rb < <(tail -n 1 "$work/t")
  tail -n 1 "$work/stderr"
  awk -v w="$wb" -v r="$rb" -v b="$big" 'BEGIN{printf "big JSONL %.0f MB: %.1f s, %.1f MB/s, peak RSS %.1f MB\n", b/1e6, w, b/1e6/w, r/1024}'
fi
