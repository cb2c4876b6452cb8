#!/usr/bin/env bash
# Benchmark copydesk with every default rule on a generated corpus (not a timed test).
#
#   bench/run.sh [FILES] [KB_PER_FILE]      default: 2400 files of ~10 KiB (~24 MB)
#
# Prints wall time, MB/s and peak RSS for `copydesk lint`; the same for `typos` when it is
# installed (`pip install typos`) and the ratio copydesk/typos; a 2x corpus for the linearity
# check; and peak RSS on one ~100 MB file.
set -euo pipefail
cd "$(dirname "$0")/.."
files=${1:-2400}
kb=${2:-10}
work=$(mktemp -d "${TMPDIR:-/tmp}/copydesk-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT

cargo build --release --quiet
bin=target/release/copydesk

python3 bench/gen-corpus.py "$work/corpus" --files "$files" --kb "$kb"
python3 bench/gen-corpus.py "$work/corpus2x" --files "$((files * 2))" --kb "$kb" --seed 8
python3 bench/gen-corpus.py "$work/big" --single 100

bytes() { du -sb "$1" | cut -f1; }

# run LABEL CMD...: best wall time of 3 runs, and the peak RSS of the last.
run() {
  local label=$1; shift
  local best=""
  for _ in 1 2 3; do
    /usr/bin/time -f '%e %M' -o "$work/time" "$@" > /dev/null 2> "$work/stderr" || true
    read -r wall rss < <(tail -n 1 "$work/time")
    if [ -z "$best" ] || awk "BEGIN{exit !($wall < $best)}"; then best=$wall; fi
  done
  echo "$label $best $rss"
}

report() { # LABEL WALL RSS_KB BYTES
  awk -v l="$1" -v w="$2" -v r="$3" -v b="$4" 'BEGIN{printf "%-28s %8.2f s  %8.1f MB/s  peak RSS %6.1f MB\n", l, w, b/1e6/(w>0?w:0.001), r/1024}'
}

size=$(bytes "$work/corpus"); size2=$(bytes "$work/corpus2x"); sizebig=$(bytes "$work/big")
echo "corpus: $files files, $(awk -v b="$size" 'BEGIN{printf "%.1f", b/1e6}') MB; 2x corpus: $(awk -v b="$size2" 'BEGIN{printf "%.1f", b/1e6}') MB; big file: $(awk -v b="$sizebig" 'BEGIN{printf "%.1f", b/1e6}') MB; $(nproc) cores"

read -r _ w1 r1 < <(run copydesk "$bin" lint --format jsonl "$work/corpus")
report "copydesk (all rules)" "$w1" "$r1" "$size"
read -r _ w2 r2 < <(run copydesk2x "$bin" lint --format jsonl "$work/corpus2x")
report "copydesk, 2x corpus" "$w2" "$r2" "$size2"
awk -v a="$w1" -v b="$w2" 'BEGIN{printf "scaling: 2x corpus took %.2fx the time\n", b/a}'
read -r _ wb rb < <(run big "$bin" lint --format jsonl "$work/big/big.txt")
report "copydesk, one 100 MB file" "$wb" "$rb" "$sizebig"

if command -v typos > /dev/null; then
  read -r _ wt rt < <(run typos typos --format brief "$work/corpus")
  report "typos" "$wt" "$rt" "$size"
  awk -v a="$w1" -v b="$wt" 'BEGIN{printf "ratio copydesk/typos: %.2f (<= 1.0 means copydesk is faster)\n", a/b}'
else
  echo "typos not installed (pip install typos): no comparison"
fi
