#!/usr/bin/env bash
# Linear time (issue 12), measured, not a timed test: seconds per MB at 0.25, 1, 4 and 16 MB
# for the human, compact and json formats and for --fix, on generated articles (defects
# included). Doubling the input should no more than about double the time, so each row's
# s/MB should stay roughly flat. "1-line" rows lint the same text with its paragraphs joined
# into one line per ~64 KiB (long lines with many findings were quadratic in compact/json).
# Texts over 1 MiB are linted in chunks; files over 8 MiB are also read chunk by chunk.
#
#   bench/linear.sh            (builds --release first; don't run it beside other builds)
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d "${TMPDIR:-/tmp}/copydesk-linear.XXXXXX")
trap 'rm -rf "$work"' EXIT

cargo build --release --quiet
bin=$PWD/target/release/copydesk

python3 bench/gen-corpus.py "$work/src" --single 17 > /dev/null
src=$(find "$work/src" -type f | head -1)
# Prefixes of the generated text, cut at a line break; and a long-line variant.
python3 - "$src" "$work" <<'PY'
import sys
text = open(sys.argv[1], encoding='utf-8').read()
for label, mb in [('0.25', 0.25), ('1', 1), ('4', 4), ('16', 16)]:
    n = int(mb * 1_000_000)
    cut = text.rfind('\n', 0, n) + 1
    part = text[:cut]
    open(f'{sys.argv[2]}/lines-{label}.txt', 'w', encoding='utf-8').write(part)
    lines, out, size = part.split('\n'), [], 0
    for l in lines:
        out.append(l)
        size += len(l) + 1
        if size >= 65536:
            out.append('\n')
            size = 0
        else:
            out.append(' ')
    open(f'{sys.argv[2]}/oneline-{label}.txt', 'w', encoding='utf-8').write(''.join(out))
PY

seconds() {  # seconds CMD...: wall time of one run
  local t0 t1
  t0=$(date +%s.%N)
  "$@" > /dev/null 2>&1 || true
  t1=$(date +%s.%N)
  echo "$t1 - $t0" | bc -l
}

printf '%-18s' "case \\ MB"
for mb in 0.25 1 4 16; do printf '%14s' "$mb MB (s/MB)"; done
echo
for case in human compact json fix compact-1-line json-1-line; do
  printf '%-18s' "$case"
  for mb in 0.25 1 4 16; do
    kind=lines
    [[ $case == *-1-line ]] && kind=oneline
    file="$work/$kind-$mb.txt"
    size=$(stat -c %s "$file")
    case $case in
      human) s=$(seconds "$bin" lint --color never --format human "$file") ;;
      compact | compact-1-line) s=$(seconds "$bin" lint --format compact "$file") ;;
      json | json-1-line) s=$(seconds "$bin" lint --format json "$file") ;;
      fix)
        cp "$file" "$work/fix.txt"
        s=$(seconds "$bin" lint --fix --format compact "$work/fix.txt")
        ;;
    esac
    printf '%14.3f' "$(echo "$s / ($size / 1000000)" | bc -l)"
  done
  echo
done
