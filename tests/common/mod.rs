//! Helpers shared by the integration tests.
#![allow(dead_code)]

use copydesk::config::LoadedConfig;
use copydesk::diagnostic::Diagnostic;
use copydesk::engine::{RuleSet, Selection};
use std::path::{Path, PathBuf};

/// The default rule set, compiled once per test binary.
pub fn default_rules() -> &'static RuleSet {
    static RULES: std::sync::OnceLock<RuleSet> = std::sync::OnceLock::new();
    RULES.get_or_init(|| RuleSet::new(&LoadedConfig::default_config().config, &Selection::default()).expect("default rules build"))
}

/// Every file under `dir`, recursively, in directory order.
pub fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else {
            out.push(p);
        }
    }
    out
}

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// ../shared next to the repository, when this machine has it.
pub fn shared() -> Option<PathBuf> {
    let p = root().join("..").join("shared");
    p.is_dir().then_some(p)
}

/// ../shared, for the tests marked `#[ignore = "needs ../shared"]`: those run only in the CI
/// step that passes `--ignored` when ../shared exists, so here its absence is a failure, never
/// a silent pass.
pub fn require_shared(what: &str) -> PathBuf {
    let p = root().join("..").join("shared");
    assert!(p.join(what).exists(), "needs ../shared/{what}: run the ignored tests only where ../shared exists");
    p
}

/// Lint a file from disk the way the CLI does (bytes → decode → lint).
pub fn lint_file(path: &Path, rules: &RuleSet) -> (String, Vec<Diagnostic>) {
    let bytes = std::fs::read(path).expect("read fixture");
    let decoded = copydesk::decode(&bytes);
    let name = path.to_string_lossy().to_string();
    let diagnostics = copydesk::lint_bytes(&decoded, &name, rules);
    (decoded.text.to_string(), diagnostics)
}

/// Every fixture file, sorted: fixtures/<rule>/<name>.
pub fn fixture_files() -> Vec<PathBuf> {
    let mut out = Vec::new();
    for dir in std::fs::read_dir(root().join("fixtures")).expect("fixtures/") {
        let dir = dir.unwrap().path();
        if dir.is_dir() {
            for f in std::fs::read_dir(&dir).unwrap() {
                out.push(f.unwrap().path());
            }
        }
    }
    out.sort();
    out
}
