#!/usr/bin/env bash
# The Python package and the Spark example, as .ci/run runs them: a venv under the target
# directory (made once, remade when requirements-dev.txt changes), the extension built into a
# wheel with maturin and installed, then pytest on python/tests (the package against the CLI,
# and the Spark job in local mode against the CLI).
#
# The extension is a debug build by default: it shares the target directory with the root
# crate's `cargo test`, so only pyo3 and the bindings compile. PROFILE=release builds it
# optimised. COPYDESK_SPARK_DOCS sets the Spark test's size (default 1000).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$root/target}
venv=$CARGO_TARGET_DIR/python-venv
requirements=python/requirements-dev.txt
start=$SECONDS

if ! cmp -s "$requirements" "$venv/requirements-dev.txt" 2>/dev/null; then
  rm -rf "$venv"
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check -r "$requirements"
  cp "$requirements" "$venv/requirements-dev.txt"
fi
echo "python-ci: venv ready ($((SECONDS - start)) s)"

# The bindings are their own cargo workspace: format and lints here, as the root's in .ci/run.
(cd python && cargo fmt --check && cargo clippy --quiet --all-targets -- -D warnings)

# The CLI is the tests' oracle; cargo test has usually built it already.
cargo build --quiet --bin copydesk
export COPYDESK_BIN=$CARGO_TARGET_DIR/debug/copydesk

wheels=$CARGO_TARGET_DIR/python-wheels
rm -rf "$wheels"
release=()
if [ "${PROFILE:-debug}" = release ]; then release=(--release); fi
(cd python && "$venv/bin/maturin" build --quiet "${release[@]}" --interpreter "$venv/bin/python" --out "$wheels")
"$venv/bin/pip" install --quiet --disable-pip-version-check --force-reinstall --no-deps "$wheels"/copydesk-*.whl
echo "python-ci: wheel built and installed ($((SECONDS - start)) s)"

# Run from python/ so that `import copydesk` is the installed wheel, not a source folder.
cd python
PYTHONDONTWRITEBYTECODE=1 "$venv/bin/python" -m pytest -p no:cacheprovider -rs tests
echo "python-ci: done in $((SECONDS - start)) s"
