#!/usr/bin/env bash
# Proof with the real pre-commit (from PyPI) that the `copydesk` hook in .pre-commit-hooks.yaml
# works: in a throwaway git repository of articles, a commit adding a defective article is
# refused and a commit adding a clean one passes. The hook repository is a clone of this
# repository's HEAD, so commit before running it.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/copydesk-pre-commit.XXXXXX")
trap 'rm -rf "$work"' EXIT
export PRE_COMMIT_HOME="$work/pre-commit-cache"
export GIT_CONFIG_NOSYSTEM=1 GIT_AUTHOR_NAME=copydesk GIT_AUTHOR_EMAIL=ci@example.invalid GIT_COMMITTER_NAME=copydesk GIT_COMMITTER_EMAIL=ci@example.invalid

python3 -m venv "$work/venv"
"$work/venv/bin/pip" install --quiet pre-commit
precommit="$work/venv/bin/pre-commit"
"$precommit" --version

git clone --quiet "$root" "$work/hook-repo"
rev=$(git -C "$work/hook-repo" rev-parse HEAD)

mkdir "$work/articles"
cd "$work/articles"
git init --quiet
cat > .pre-commit-config.yaml <<YAML
repos:
  - repo: $work/hook-repo
    rev: $rev
    hooks:
      - id: copydesk
YAML
git add .pre-commit-config.yaml
git commit --quiet --no-verify -m "pre-commit config"
"$precommit" install
"$precommit" install-hooks   # builds copydesk with cargo, as pre-commit does for language: rust

printf 'Council Approves Budget\nThe council met sence Monday.As expected, the vote passed.\n' > defective.txt
git add defective.txt
if git commit --quiet -m "add a defective article" > "$work/refused.log" 2>&1; then
  cat "$work/refused.log"
  echo "FAIL: the defective article was committed" >&2
  exit 1
fi
grep -q "sence" "$work/refused.log" || { cat "$work/refused.log"; echo "FAIL: no copydesk finding in the hook output" >&2; exit 1; }
echo "ok: commit with a defective article refused"
git reset --quiet HEAD defective.txt && rm defective.txt

printf '# Council Approves Budget\n\nThe council met on Monday. As expected, the vote passed.\n' > clean.md
git add clean.md
git commit --quiet -m "add a clean article"
echo "ok: commit with a clean article passed"

# An excluded draft (by [files] exclude and by .copydeskignore) is named by pre-commit, and the
# hook's --force-exclude keeps it out: the commit passes although the draft is defective.
printf '[files]\nexclude = ["drafts/**"]\n' > lint-rules.toml
printf 'wire-copy.txt\n' > .copydeskignore
mkdir drafts
printf 'Council Approves Budget\nThe council met sence Monday.As expected, the vote passed.\n' > drafts/defective.txt
cp drafts/defective.txt wire-copy.txt
git add lint-rules.toml .copydeskignore drafts/defective.txt wire-copy.txt
if ! git commit --quiet -m "add excluded drafts" > "$work/excluded.log" 2>&1; then
  cat "$work/excluded.log"
  echo "FAIL: an excluded draft was linted by the hook" >&2
  exit 1
fi
echo "ok: commit with excluded defective drafts passed"
echo "pre-commit-e2e: 3 passed, 0 failed"
