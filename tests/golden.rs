//! Golden outputs of the binary, recorded before the library refactor (issue 10) so that any
//! refactor must keep every output byte-identical: `fixtures/` in every format, standard input,
//! `--diff`, `--statistics`, `baseline`, a streamed huge file, and the seed articles in
//! ../shared (an ignored test, run by .ci/run with `--ignored` when ../shared exists).
//!
//! Outputs of our own fixtures are stored whole in `tests/golden/`; outputs that quote text we
//! may not copy (the seeds) are stored as a length and an FNV-1a hash only. `elapsed_ms` is
//! zeroed. A missing golden file is written and the test fails, so a run never passes silently;
//! `GOLDEN_UPDATE=1 cargo test --test golden` rewrites them on purpose.

mod common;

use assert_cmd::Command;
use common::{require_shared, root, walk};
use std::path::{Path, PathBuf};

const FORMATS: [&str; 6] = ["human", "compact", "json", "jsonl", "sarif", "github"];

fn copydesk(dir: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_copydesk"));
    // The human format wraps to COLUMNS when it is set: recorded at the default width.
    cmd.current_dir(dir).env("NO_COLOR", "1").env_remove("COLUMNS");
    cmd
}

/// Exit code, stdout and stderr of one run, with the run's duration zeroed.
fn run(dir: &Path, args: &[&str], stdin: Option<&[u8]>) -> String {
    let mut cmd = copydesk(dir);
    cmd.args(args);
    if let Some(input) = stdin {
        cmd.write_stdin(input.to_vec());
    }
    let out = cmd.output().expect("copydesk runs");
    let code = out.status.code().unwrap_or(-1);
    format!(
        "$ copydesk {}\nexit: {code}\n--- stdout\n{}--- stderr\n{}",
        args.join(" "),
        mask_srcroot(&zero_elapsed(&String::from_utf8_lossy(&out.stdout))),
        String::from_utf8_lossy(&out.stderr)
    )
}

/// `"elapsed_ms": 12` → `"elapsed_ms": 0` (pretty and compact JSON alike).
fn zero_elapsed(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find("\"elapsed_ms\":") {
        let (head, tail) = rest.split_at(i + "\"elapsed_ms\":".len());
        out.push_str(head);
        let spaces = tail.len() - tail.trim_start_matches(' ').len();
        out.push_str(&tail[..spaces]);
        out.push('0');
        rest = tail[spaces..].trim_start_matches(|c: char| c.is_ascii_digit());
    }
    out.push_str(rest);
    out
}

/// SARIF's `%SRCROOT%` is the directory copydesk ran in, which differs between checkouts:
/// `"%SRCROOT%": {"uri": "file:///…/"}` → `"%SRCROOT%": {"uri": "file:///ROOT/"}`.
fn mask_srcroot(s: &str) -> String {
    let key = "\"%SRCROOT%\": {\"uri\": \"";
    let Some(i) = s.find(key) else { return s.to_string() };
    let start = i + key.len();
    let end = start + s[start..].find('"').unwrap_or(0);
    format!("{}file:///ROOT/{}", &s[..start], &s[end..])
}

fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325u64, |h, &b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}

fn golden_dir() -> PathBuf {
    root().join("tests").join("golden")
}

/// Compare `actual` with `tests/golden/<name>` (panics on a difference); write it when
/// missing or when GOLDEN_UPDATE is set. Returns 1 when it was missing, for the caller to fail.
fn check(name: &str, actual: &str) -> usize {
    let path = golden_dir().join(name);
    let update = std::env::var_os("GOLDEN_UPDATE").is_some();
    match std::fs::read_to_string(&path) {
        Ok(expected) if !update => {
            if expected != actual {
                let diff = similar::TextDiff::from_lines(expected.as_str(), actual).unified_diff().header("golden", "actual").to_string();
                panic!("output differs from {}:\n{diff}", path.display());
            }
            0
        }
        found => {
            std::fs::create_dir_all(golden_dir()).unwrap();
            std::fs::write(&path, actual).unwrap();
            usize::from(!update && found.is_err())
        }
    }
}

#[test]
fn fixtures_in_every_format() {
    let mut missing = 0;
    for format in FORMATS {
        let out = run(&root(), &["lint", "fixtures/", "--color", "never", "--format", format], None);
        missing += check(&format!("fixtures.{format}"), &out);
    }
    assert_eq!(missing, 0, "golden files were missing: written now, run the test again");
}

#[test]
fn statistics_quiet_and_fail_level() {
    let mut out = run(&root(), &["lint", "fixtures/", "--color", "never", "--statistics", "--quiet"], None);
    out += &run(&root(), &["lint", "fixtures/", "--format", "compact", "--fail-level", "error"], None);
    out += &run(&root(), &["lint", "fixtures/", "--format", "compact", "--select", "typo,clickbait", "--ignore", "clickbait"], None);
    assert_eq!(check("fixtures.options", &out), 0, "golden file was missing: written now, run the test again");
}

#[test]
fn stdin_in_every_format_and_fixed() {
    let mut input = Vec::new();
    for f in ["emphasis-in-heading/flagged.md", "typo/flagged.txt", "missing-space/flagged.txt", "unused-suppression/flagged.md"] {
        input.extend(std::fs::read(root().join("fixtures").join(f)).expect("fixture"));
    }
    let mut out = String::new();
    for format in FORMATS {
        out += &run(&root(), &["lint", "--color", "never", "--format", format, "--stdin-filename", "story.md", "-"], Some(&input));
    }
    out += &run(&root(), &["lint", "--format", "compact", "--fix", "-"], Some(&input));
    out += &run(&root(), &["lint", "--format", "compact", "--fix", "--unsafe-fixes", "--stdin-filename", "a.md", "-"], Some(&input));
    assert_eq!(check("stdin.all", &out), 0, "golden file was missing: written now, run the test again");
}

#[test]
fn diff_and_baseline() {
    let mut out = run(&root(), &["lint", "fixtures/", "--format", "compact", "--diff"], None);
    out += &run(&root(), &["lint", "fixtures/", "--format", "compact", "--diff", "--unsafe-fixes"], None);
    // Inside the checkout, so the paths the baseline stores (relative to its folder) are the
    // same on every machine: `../fixtures/…`.
    let dir = tempfile::Builder::new().prefix(".golden-baseline").tempdir_in(root()).unwrap();
    let file = dir.path().join("baseline.json");
    let file = file.to_str().unwrap();
    out += &run(&root(), &["baseline", file, "fixtures/"], None).replace(file, "BASELINE");
    out += &std::fs::read_to_string(file).expect("baseline written");
    out += &run(&root(), &["lint", "fixtures/", "--format", "compact", "--baseline", file], None).replace(file, "BASELINE");
    assert_eq!(check("fixtures.diff-baseline", &out), 0, "golden file was missing: written now, run the test again");
}

#[test]
fn fix_in_place_on_a_copy() {
    let dir = tempfile::tempdir().unwrap();
    let mut names = Vec::new();
    for entry in walk(&root().join("fixtures")) {
        let rel = entry.strip_prefix(root().join("fixtures")).unwrap().to_path_buf();
        let to = dir.path().join(&rel);
        std::fs::create_dir_all(to.parent().unwrap()).unwrap();
        std::fs::copy(&entry, &to).unwrap();
        names.push(rel);
    }
    names.sort();
    let mut out = run(dir.path(), &["lint", "--format", "compact", "--fix", "."], None);
    for rel in names {
        let bytes = std::fs::read(dir.path().join(&rel)).unwrap();
        out += &format!("=== {} {:016x} {}\n", rel.display(), fnv1a(&bytes), bytes.len());
    }
    assert_eq!(check("fixtures.fix", &out), 0, "golden file was missing: written now, run the test again");
}

/// A file over the streaming threshold, made of our fixtures: its findings, hashed.
#[test]
fn streamed_huge_file() {
    let mut text = String::new();
    let mut parts = Vec::new();
    for f in walk(&root().join("fixtures")) {
        if let Ok(t) = std::fs::read_to_string(&f) {
            parts.push((f, t));
        }
    }
    parts.sort();
    while text.len() as u64 <= copydesk::stream::STREAM_THRESHOLD + (1 << 20) {
        for (_, t) in &parts {
            text.push_str(t);
            text.push_str("\n\n");
        }
    }
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("huge.txt"), &text).unwrap();
    let mut out = String::new();
    for format in ["compact", "json"] {
        let o = run(dir.path(), &["lint", "--format", format, "--select", "typo,missing-space,repeated-word", "huge.txt"], None);
        out += &format!("{format}: {:016x} {}\n", fnv1a(o.as_bytes()), o.len());
    }
    let o = run(dir.path(), &["lint", "--format", "compact", "--diff", "--select", "typo", "huge.txt"], None);
    out += &format!("diff: {:016x} {}\n", fnv1a(o.as_bytes()), o.len());
    assert_eq!(check("huge.hashes", &out), 0, "golden file was missing: written now, run the test again");
}

/// The seed articles (not ours to copy): each format's output as a hash and a length.
#[test]
#[ignore = "needs ../shared"]
fn seeds_in_every_format() {
    let shared = require_shared("seeds");
    let mut out = String::new();
    for format in FORMATS {
        let o = run(&shared, &["lint", "seeds", "--color", "never", "--format", format], None);
        out += &format!("{format}: {:016x} {}\n", fnv1a(o.as_bytes()), o.len());
    }
    let o = run(&shared, &["lint", "seeds", "--format", "compact", "--diff", "--unsafe-fixes"], None);
    out += &format!("diff: {:016x} {}\n", fnv1a(o.as_bytes()), o.len());
    assert_eq!(check("seeds.hashes", &out), 0, "golden file was missing: written now, run the test again");
}
