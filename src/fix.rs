//! Applying fixes: non-overlapping edits, re-linting until nothing changes (at most
//! [`MAX_ROUNDS`]), then writing atomically (temp file in the same directory + rename, with the
//! original permissions) so a crash or a full disk never leaves a half-written article.

use crate::diagnostic::{Applicability, Diagnostic, Edit};
use crate::engine::RuleSet;
use std::io::Write;
use std::path::Path;

pub const MAX_ROUNDS: usize = 10;

/// Apply the allowed fixes of `diagnostics` to `source`, skipping any fix whose edits overlap
/// an earlier one. Returns the new text and how many fixes were applied.
pub fn apply(source: &str, diagnostics: &[Diagnostic], unsafe_fixes: bool) -> (String, usize) {
    let mut fixes: Vec<&Vec<Edit>> = diagnostics
        .iter()
        .filter_map(|d| d.fix.as_ref())
        .filter(|f| f.applicability == Applicability::Safe || unsafe_fixes)
        .filter(|f| !f.edits.is_empty())
        .map(|f| &f.edits)
        .collect();
    fixes.sort_by_key(|edits| edits.iter().map(|e| (e.span.start, e.span.end)).min());
    let mut accepted: Vec<&Edit> = Vec::new();
    let mut count = 0;
    for edits in fixes {
        let valid = edits
            .iter()
            .all(|e| e.span.end <= source.len() && source.is_char_boundary(e.span.start) && source.is_char_boundary(e.span.end));
        let clashes = edits.iter().any(|e| {
            accepted.iter().any(|a| {
                e.span.overlaps(a.span)
                    || e.span.start == a.span.start
                    || (e.span.is_empty() && a.span.contains(e.span.start))
                    || (a.span.is_empty() && e.span.contains(a.span.start))
            })
        });
        if valid && !clashes {
            accepted.extend(edits.iter());
            count += 1;
        }
    }
    accepted.sort_by_key(|e| (e.span.start, e.span.end));
    let mut out = String::with_capacity(source.len());
    let mut pos = 0;
    for e in accepted {
        out.push_str(&source[pos..e.span.start]);
        out.push_str(&e.replacement);
        pos = e.span.end;
    }
    out.push_str(&source[pos..]);
    (out, count)
}

/// Fix until stable: lint, apply, re-lint. Returns the fixed text, the number of fixes applied
/// and the rounds it took; `converged` is false when the last round still changed the text.
pub struct Fixed {
    pub text: String,
    pub applied: usize,
    pub rounds: usize,
    pub converged: bool,
}

/// Apply the fixes of `diagnostics` that `applicability` allows (`Safe`: safe fixes only;
/// `Unsafe`: safe and unsafe) to `text`, once, skipping fixes that overlap an earlier one.
/// `converged` says nothing was skipped or left to apply: re-linting the result may still find
/// more (use [`fix_until_stable`] for that).
///
/// ```
/// use copydesk::diagnostic::Applicability;
/// use copydesk::document::Format;
///
/// let linter = copydesk::Linter::with_defaults()?;
/// let text = "The council met on Monday.The vote passed.\n";
/// let fixed = copydesk::fix(text, &linter.lint(text, Format::PlainText), Applicability::Safe);
/// assert_eq!(fixed.text, "The council met on Monday. The vote passed.\n");
/// assert_eq!(fixed.applied, 1);
/// # Ok::<(), copydesk::rules::BuildError>(())
/// ```
pub fn fix(text: &str, diagnostics: &[Diagnostic], applicability: Applicability) -> Fixed {
    let unsafe_fixes = applicability == Applicability::Unsafe;
    let (out, applied) = apply(text, diagnostics, unsafe_fixes);
    let available = diagnostics
        .iter()
        .filter_map(|d| d.fix.as_ref())
        .filter(|f| f.applicability == Applicability::Safe || unsafe_fixes)
        .filter(|f| !f.edits.is_empty())
        .count();
    Fixed { text: out, applied, rounds: 1, converged: applied == available }
}

/// Lint, apply the allowed fixes, re-lint, until nothing changes (at most [`MAX_ROUNDS`]).
pub fn fix_until_stable(source: &str, path: &str, rules: &RuleSet, unsafe_fixes: bool) -> Fixed {
    let mut text = source.to_string();
    let mut applied = 0;
    for round in 1..=MAX_ROUNDS {
        let diagnostics = crate::engine::lint_source(&text, path, rules);
        let (next, n) = apply(&text, &diagnostics, unsafe_fixes);
        if n == 0 || next == text {
            return Fixed { text, applied, rounds: round, converged: true };
        }
        applied += n;
        text = next;
    }
    Fixed { text, applied, rounds: MAX_ROUNDS, converged: false }
}

/// Replace `path`'s contents atomically, keeping its permissions.
pub fn write_atomic(path: &Path, contents: &[u8]) -> std::io::Result<()> {
    let mut writer = AtomicWriter::new(path)?;
    writer.write(contents)?;
    writer.commit()
}

/// A unified diff of a fix, for `--diff`.
pub fn unified_diff(path: &str, old: &str, new: &str) -> String {
    similar::TextDiff::from_lines(old, new).unified_diff().context_radius(2).header(&format!("a/{path}"), &format!("b/{path}")).to_string()
}

/// A replacement for a file written piece by piece (huge files are fixed chunk by chunk): a
/// temp file in the same directory that replaces the original only on [`AtomicWriter::commit`].
/// Dropped without a commit, it is deleted and the original is untouched.
pub struct AtomicWriter {
    path: std::path::PathBuf,
    permissions: std::fs::Permissions,
    tmp: tempfile::NamedTempFile,
}

impl AtomicWriter {
    pub fn new(path: &Path) -> std::io::Result<Self> {
        let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
        let permissions = std::fs::metadata(path)?.permissions();
        if permissions.readonly() {
            return Err(std::io::Error::new(std::io::ErrorKind::PermissionDenied, "file is read-only"));
        }
        let tmp = tempfile::Builder::new().prefix(".copydesk-").suffix(".tmp").tempfile_in(dir)?;
        Ok(AtomicWriter { path: path.to_path_buf(), permissions, tmp })
    }

    pub fn write(&mut self, bytes: &[u8]) -> std::io::Result<()> {
        self.tmp.write_all(bytes)
    }

    pub fn commit(self) -> std::io::Result<()> {
        self.tmp.as_file().sync_all()?;
        self.tmp.as_file().set_permissions(self.permissions)?;
        self.tmp.persist(&self.path).map_err(|e| e.error)?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::{Fix, Span};

    fn diag(edits: Vec<Edit>, safe: bool) -> Diagnostic {
        let fix = if safe { Fix::safe(edits) } else { Fix::unsafe_(edits) };
        Diagnostic::new("t", Span::new(0, 0), "m").with_fix(fix)
    }

    #[test]
    fn overlapping_edits_are_skipped_and_unsafe_needs_opt_in() {
        let src = "abcdef";
        let ds = vec![
            diag(vec![Edit::replace(Span::new(0, 2), "X")], true),
            diag(vec![Edit::replace(Span::new(1, 3), "Y")], true),
            diag(vec![Edit::insert(4, " ")], true),
            diag(vec![Edit::delete(Span::new(5, 6))], false),
        ];
        assert_eq!(apply(src, &ds, false), ("Xcd ef".to_string(), 2));
        assert_eq!(apply(src, &ds, true), ("Xcd e".to_string(), 3));
    }
}
