#!/usr/bin/env bash
# The Spark example at full size: a release wheel, DOCS generated documents (default 20000),
# spark-submit in local mode on CORES cores (default: all), and the job's throughput in docs/s
# per executor core. Uses (and makes, if needed) the venv of python/ci.sh.
#
#   examples/spark/bench.sh            # 20000 documents, all cores
#   DOCS=5000 CORES=2 examples/spark/bench.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$PWD/target}
venv=$CARGO_TARGET_DIR/python-venv
docs=${DOCS:-20000}
cores=${CORES:-*}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if ! cmp -s python/requirements-dev.txt "$venv/requirements-dev.txt" 2>/dev/null; then
  rm -rf "$venv"
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet -r python/requirements-dev.txt
  cp python/requirements-dev.txt "$venv/requirements-dev.txt"
fi
(cd python && "$venv/bin/maturin" build --quiet --release --interpreter "$venv/bin/python" --out "$work/wheels")
"$venv/bin/pip" install --quiet --force-reinstall --no-deps "$work"/wheels/copydesk-*.whl

"$venv/bin/python" examples/spark/make_dataset.py "$work/corpus.jsonl" --docs "$docs"
echo "bench: $docs documents, $(du -h "$work/corpus.jsonl" | cut -f1) of JSONL, nproc $(nproc)"
PYSPARK_PYTHON="$venv/bin/python" PYSPARK_DRIVER_PYTHON="$venv/bin/python" \
  "$venv/bin/spark-submit" --master "local[$cores]" --conf spark.ui.enabled=false \
  examples/spark/lint_corpus.py --input "$work/corpus.jsonl" --output "$work/out" 2> "$work/spark.log" \
  || { tail -40 "$work/spark.log"; exit 1; }
