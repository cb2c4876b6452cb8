//! Baselines: record today's findings so a gate only fails on new ones.
//!
//! A finding is keyed by path, rule, the flagged text and a hash of the text of the line it is
//! on — not by line number — so edits elsewhere in the file do not invalidate the baseline.
//! Keys are counted, so a second identical finding on a copy of the same line is still new.

use crate::diagnostic::Diagnostic;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

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
    Entry { path: path.replace('\\', "/"), rule: d.rule.clone(), text, line_hash: fnv1a(source[start..end].trim()) }
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
        let key = entry(path, source, d);
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

/// Read a baseline file: each path's allowance.
pub fn load(path: &std::path::Path) -> Result<HashMap<String, Allowance>, BaselineError> {
    let text = std::fs::read_to_string(path).map_err(|source| BaselineError::Read { path: path.to_path_buf(), source })?;
    let b: Baseline = serde_json::from_str(&text).map_err(|source| BaselineError::Parse { path: path.to_path_buf(), source })?;
    let mut allowances: HashMap<String, Allowance> = HashMap::new();
    for (entry, n) in b.allowance() {
        allowances.entry(entry.path.clone()).or_default().insert(entry, n);
    }
    Ok(allowances)
}
