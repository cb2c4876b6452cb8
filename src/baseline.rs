//! Baselines: record today's findings so a gate only fails on new ones.
//!
//! A finding is keyed by path, rule, the flagged text and a hash of the text of the line it is
//! on — not by line number — so edits elsewhere in the file do not invalidate the baseline.
//! Keys are counted, so a second identical finding on a copy of the same line is still new.
//!
//! Version 2 stores each path relative to the baseline file's folder, so `lint --baseline`
//! matches from any working directory; version 1 files (paths relative to the directory they
//! were recorded in) are read relative to the current directory.

use crate::diagnostic::Diagnostic;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::path::{Component, Path, PathBuf};

/// The version written today: paths relative to the baseline file's folder.
pub const VERSION: u32 = 2;

#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
pub struct Entry {
    pub path: String,
    pub rule: String,
    pub text: String,
    /// FNV-1a of the trimmed line, hex.
    pub line_hash: String,
}

#[derive(Debug, Default, Serialize, Deserialize)]
pub struct Baseline {
    pub version: u32,
    pub entries: Vec<Entry>,
}

/// FNV-1a 64: stable across Rust versions and platforms, unlike `DefaultHasher`.
pub fn fnv1a(text: &str) -> String {
    let mut hash: u64 = 0xcbf29ce484222325;
    for b in text.bytes() {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x100000001b3);
    }
    format!("{hash:016x}")
}

/// The baseline key of one diagnostic in `source`.
pub fn entry(path: &str, source: &str, d: &Diagnostic) -> Entry {
    let start = source[..d.span.start.min(source.len())].rfind('\n').map_or(0, |i| i + 1);
    let end = source[d.span.start.min(source.len())..].find('\n').map_or(source.len(), |i| d.span.start + i);
    let text = source.get(d.span.start..d.span.end).unwrap_or("").to_string();
    Entry { path: path.replace('\\', "/"), rule: d.rule.to_string(), text, line_hash: fnv1a(source[start..end].trim()) }
}

impl Baseline {
    pub fn from_findings<'a>(findings: impl IntoIterator<Item = (&'a str, &'a str, &'a Diagnostic)>) -> Baseline {
        let mut entries: Vec<Entry> = findings.into_iter().map(|(path, source, d)| entry(path, source, d)).collect();
        entries.sort();
        Baseline { version: 1, entries }
    }

    /// Remaining allowance per key, consumed as findings are matched.
    pub fn allowance(&self) -> HashMap<Entry, usize> {
        let mut m = HashMap::new();
        for e in &self.entries {
            *m.entry(e.clone()).or_insert(0) += 1;
        }
        m
    }
}

/// Drop the diagnostics the baseline already knows; returns how many were dropped.
pub fn filter(allowance: &mut HashMap<Entry, usize>, path: &str, source: &str, diagnostics: &mut Vec<Diagnostic>) -> usize {
    let before = diagnostics.len();
    diagnostics.retain(|d| {
        let mut key = entry(path, source, d);
        key.path.clear(); // the allowance is this file's already
        match allowance.get_mut(&key) {
            Some(n) if *n > 0 => {
                *n -= 1;
                false
            }
            _ => true,
        }
    });
    before - diagnostics.len()
}

/// One file's share of a baseline: the findings already recorded, with their counts.
pub type Allowance = HashMap<Entry, usize>;

/// A baseline file that cannot be used.
#[derive(Debug, thiserror::Error, miette::Diagnostic)]
pub enum BaselineError {
    #[error("cannot read baseline {}: {source}", path.display())]
    #[diagnostic(code(copydesk::baseline))]
    Read { path: std::path::PathBuf, source: std::io::Error },
    #[error("cannot read baseline {}: {source}", path.display())]
    #[diagnostic(code(copydesk::baseline))]
    Parse { path: std::path::PathBuf, source: serde_json::Error },
}

/// `path` made absolute (against `cwd`) and normalised: resolved through the file system when
/// it exists, else lexically (`a/./b/../c` → `a/c`).
pub fn absolute(cwd: &Path, path: &Path) -> PathBuf {
    let joined = cwd.join(path);
    if let Ok(p) = joined.canonicalize() {
        return p;
    }
    let mut out = PathBuf::new();
    for c in joined.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

/// The key a file's allowance is stored under: its absolute path.
pub fn key(cwd: &Path, path: &Path) -> String {
    absolute(cwd, path).to_string_lossy().into_owned()
}

/// `target` relative to the directory `base` (both absolute): `../news/a.md`.
fn relative(base: &Path, target: &Path) -> String {
    let (b, t): (Vec<Component>, Vec<Component>) = (base.components().collect(), target.components().collect());
    let common = b.iter().zip(&t).take_while(|(x, y)| x == y).count();
    let mut parts: Vec<String> = vec!["..".to_string(); b.len() - common];
    parts.extend(t[common..].iter().map(|c| c.as_os_str().to_string_lossy().into_owned()));
    parts.join("/")
}

/// The folder a baseline file's paths are relative to (absolute).
fn folder_of(cwd: &Path, file: &Path) -> PathBuf {
    let parent = file.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    absolute(cwd, parent)
}

impl Baseline {
    /// Rewrite paths recorded relative to `cwd` as relative to the folder of `file`, the
    /// baseline file about to be written (version 2).
    pub fn relative_to_file(mut self, cwd: &Path, file: &Path) -> Baseline {
        let folder = folder_of(cwd, file);
        for e in &mut self.entries {
            e.path = relative(&folder, &absolute(cwd, Path::new(&e.path)));
        }
        self.entries.sort();
        self.version = VERSION;
        self
    }
}

/// Read a baseline file: each file's allowance, keyed by [`key`].
pub fn load(path: &Path, cwd: &Path) -> Result<HashMap<String, Allowance>, BaselineError> {
    let text = std::fs::read_to_string(path).map_err(|source| BaselineError::Read { path: path.to_path_buf(), source })?;
    let b: Baseline = serde_json::from_str(&text).map_err(|source| BaselineError::Parse { path: path.to_path_buf(), source })?;
    let folder = if b.version >= 2 { folder_of(cwd, path) } else { cwd.to_path_buf() };
    let mut allowances: HashMap<String, Allowance> = HashMap::new();
    for (mut entry, n) in b.allowance() {
        let file = key(&folder, Path::new(&entry.path));
        entry.path.clear();
        *allowances.entry(file).or_default().entry(entry).or_insert(0) += n;
    }
    Ok(allowances)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_made_relative_to_the_baseline_folder() {
        assert_eq!(relative(Path::new("/w/proj"), Path::new("/w/proj/news/a.md")), "news/a.md");
        assert_eq!(relative(Path::new("/w/proj/.ci"), Path::new("/w/proj/news/a.md")), "../news/a.md");
        assert_eq!(absolute(Path::new("/nonexistent/x"), Path::new("../y/./z.md")), PathBuf::from("/nonexistent/y/z.md"));
    }
}
