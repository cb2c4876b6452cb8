#!/usr/bin/env bash
# End-to-end test of `copydesk server` with a real LSP client: pytest-lsp (from PyPI, versions
# pinned in tests/lsp/requirements.txt) drives the debug binary as VS Code and as Neovim would.
# The venv lives under the cargo target directory and is reused while the requirements match.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
target=${CARGO_TARGET_DIR:-$root/target}
venv="$target/lsp-venv"
stamp="$venv/requirements.txt"
if ! cmp -s tests/lsp/requirements.txt "$stamp" 2>/dev/null; then
  rm -rf "$venv"
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check -r tests/lsp/requirements.txt
  cp tests/lsp/requirements.txt "$stamp"
fi
cargo build --quiet --bin copydesk
export COPYDESK_BIN="$target/debug/copydesk"
if ! "$venv/bin/python" -m pytest -q -p no:cacheprovider tests/lsp; then
  echo "FAILED: LSP end-to-end tests (tests/lsp, pytest-lsp driving copydesk server)" >&2
  exit 1
fi
