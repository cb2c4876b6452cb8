//! Applying fixes: non-overlapping edits, re-linting until nothing changes (at most
//! [`MAX_ROUNDS`]), then writing atomically (temp file in the same directory + rename, with the
//! original permissions) so a crash or a full disk never leaves a half-written article.

use crate::diagnostic::{Applicability, Diagnostic, Edit, Span};
use crate::engine::RuleSet;
use std::hash::Hasher;
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
    // Accepted edits by (start, end): they never clash, so they do not overlap and their ends
    // grow with their starts; an edit is checked against its neighbours only (one pass, not
    // every fix against every accepted edit).
    let mut taken: std::collections::BTreeSet<(usize, usize)> = std::collections::BTreeSet::new();
    let clash = |e: Span, a: Span| {
        e.overlaps(a) || e.start == a.start || (e.is_empty() && a.contains(e.start)) || (a.is_empty() && e.contains(a.start))
    };
    let mut accepted: Vec<&Edit> = Vec::new();
    let mut count = 0;
    for edits in fixes {
        let valid = edits
            .iter()
            .all(|e| e.span.end <= source.len() && source.is_char_boundary(e.span.start) && source.is_char_boundary(e.span.end));
        let clashes = edits.iter().any(|e| {
            let before = taken.range(..(e.span.start, 0)).next_back();
            let from = taken.range((e.span.start, 0)..=(e.span.end, usize::MAX));
            before.into_iter().chain(from).any(|&(start, end)| clash(e.span, Span::new(start, end)))
        });
        // A fix whose own edits clash is malformed: skipped, never a panic.
        let mut own: Vec<Span> = edits.iter().map(|e| e.span).collect();
        own.sort();
        let consistent = own.windows(2).all(|w| !clash(w[1], w[0]));
        if valid && consistent && !clashes {
            taken.extend(edits.iter().map(|e| (e.span.start, e.span.end)));
            accepted.extend(edits.iter());
            count += 1;
        }
    }
    (splice(source, accepted), count)
}

/// `source` with non-overlapping `edits` applied, in one pass by position.
fn splice(source: &str, mut edits: Vec<&Edit>) -> String {
    edits.sort_by_key(|e| (e.span.start, e.span.end));
    let mut out = String::with_capacity(source.len());
    let mut pos = 0;
    for e in edits {
        out.push_str(&source[pos..e.span.start]);
        out.push_str(&e.replacement);
        pos = e.span.end;
    }
    out.push_str(&source[pos..]);
    out
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
    fix_until_stable_after(source, 0, path, rules, unsafe_fixes)
}

/// [`fix_until_stable`], leaving the first `protected` bytes alone: a fix with an edit before
/// them is not applied. (A chunk of a huge file is fixed after a context line.)
pub fn fix_until_stable_after(source: &str, protected: usize, path: &str, rules: &RuleSet, unsafe_fixes: bool) -> Fixed {
    let mut text = source.to_string();
    let mut applied = 0;
    for round in 1..=MAX_ROUNDS {
        let mut diagnostics = crate::engine::lint_source(&text, path, rules);
        if protected > 0 {
            diagnostics.retain(|d| d.fix.as_ref().is_none_or(|f| f.edits.iter().all(|e| e.span.start >= protected)));
        }
        let (next, n) = apply(&text, &diagnostics, unsafe_fixes);
        if n == 0 || next == text {
            return Fixed { text, applied, rounds: round, converged: true };
        }
        applied += n;
        text = next;
    }
    Fixed { text, applied, rounds: MAX_ROUNDS, converged: false }
}

/// Replace `path`'s contents with `contents` (see [`AtomicWriter`]), unless the file no longer
/// matches `snapshot`.
pub fn write_fixed(path: &Path, snapshot: &Snapshot, contents: &[u8]) -> Result<(), WriteError> {
    let mut writer = AtomicWriter::new(path)?;
    writer.write(contents)?;
    writer.commit(snapshot)
}

/// Why fixes were not written.
#[derive(Debug)]
pub enum WriteError {
    /// The file changed on disk since it was read (an editor saved it): left as it is.
    Changed,
    Io(std::io::Error),
}

impl From<std::io::Error> for WriteError {
    fn from(e: std::io::Error) -> Self {
        WriteError::Io(e)
    }
}

/// A file as it was read: size, modification time and a hash of its bytes, compared again
/// right before fixes replace it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snapshot {
    len: u64,
    modified: Option<std::time::SystemTime>,
    hash: u64,
}

/// Builds a [`Snapshot`] of a file read piece by piece (a huge file).
pub struct SnapshotBuilder {
    len: u64,
    modified: Option<std::time::SystemTime>,
    hasher: std::collections::hash_map::DefaultHasher,
}

impl SnapshotBuilder {
    /// Start from the metadata taken when the file was opened, before reading it.
    pub fn new(meta: &std::fs::Metadata) -> Self {
        SnapshotBuilder { len: meta.len(), modified: meta.modified().ok(), hasher: Default::default() }
    }
    pub fn update(&mut self, bytes: &[u8]) {
        self.hasher.write(bytes);
    }
    pub fn finish(self) -> Snapshot {
        Snapshot { len: self.len, modified: self.modified, hash: self.hasher.finish() }
    }
}

impl Snapshot {
    /// `path` as it is now, whose contents were read as `bytes`.
    pub fn of(path: &Path, bytes: &[u8]) -> std::io::Result<Snapshot> {
        let mut b = SnapshotBuilder::new(&std::fs::metadata(path)?);
        b.update(bytes);
        Ok(b.finish())
    }

    /// Whether the file at `path` still matches (size, mtime, then content), its content
    /// hashed as it is read, 64 KiB at a time: a huge file is never held whole.
    fn matches(&self, path: &Path) -> std::io::Result<bool> {
        let Some(mut hash) = self.rehash(path)? else { return Ok(false) };
        std::io::copy(&mut std::io::BufReader::with_capacity(64 << 10, std::fs::File::open(path)?), &mut hash)?;
        Ok(hash.finish() == *self)
    }

    /// The file's bytes if it still matches (size, mtime, then content), else `None`.
    fn unchanged(&self, path: &Path) -> std::io::Result<Option<Vec<u8>>> {
        let Some(mut hash) = self.rehash(path)? else { return Ok(None) };
        let bytes = std::fs::read(path)?;
        hash.update(&bytes);
        Ok((hash.finish() == *self).then_some(bytes))
    }

    /// A builder to hash the file at `path` again, if it still has the size and modification
    /// time the snapshot took.
    fn rehash(&self, path: &Path) -> std::io::Result<Option<SnapshotBuilder>> {
        let meta = std::fs::metadata(path)?;
        let same = meta.len() == self.len && meta.modified().ok() == self.modified;
        Ok(same.then(|| SnapshotBuilder { len: self.len, modified: self.modified, hasher: Default::default() }))
    }
}

/// The bytes of a file read through `std::io::copy` go to the hash.
impl std::io::Write for SnapshotBuilder {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.update(bytes);
        Ok(bytes.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Temp files alive now, so an interrupt can delete them ([`cleanup_temps_then`]). The lock is
/// held while a temp file is created, renamed or deleted and while a file is rewritten in
/// place, so an interrupt never sees half of one of those steps.
static LIVE_TEMPS: std::sync::Mutex<Vec<std::path::PathBuf>> = std::sync::Mutex::new(Vec::new());

fn live_temps() -> std::sync::MutexGuard<'static, Vec<std::path::PathBuf>> {
    LIVE_TEMPS.lock().unwrap_or_else(|p| p.into_inner())
}

/// For an interrupt handler: delete every live temp file, then run `then` (which exits) with
/// the registry still locked, so no new temp file appears and no in-place write is cut short.
pub fn cleanup_temps_then<R>(then: impl FnOnce() -> R) -> R {
    let mut temps = live_temps();
    for t in temps.drain(..) {
        let _ = std::fs::remove_file(t);
    }
    then()
}

/// A new output file (fixed dataset records) written whole beside its destination, then moved
/// into place by [`NewFile::persist`]: a failed or interrupted run leaves no half-written file
/// and no temp file.
pub struct NewFile {
    target: std::path::PathBuf,
    tmp: Option<tempfile::NamedTempFile>,
}

impl NewFile {
    pub fn create(path: &Path) -> std::io::Result<NewFile> {
        let dir = match path.parent() {
            Some(d) if !d.as_os_str().is_empty() => d,
            _ => Path::new("."),
        };
        let mut temps = live_temps();
        let tmp = tempfile::Builder::new().prefix(".copydesk-").suffix(".tmp").tempfile_in(dir)?;
        temps.push(tmp.path().to_path_buf());
        Ok(NewFile { target: path.to_path_buf(), tmp: Some(tmp) })
    }

    /// Move the written file into place, with the mode of the file it replaces (else 0644).
    pub fn persist(mut self) -> std::io::Result<()> {
        let Some(mut tmp) = self.tmp.take() else { return Ok(()) };
        tmp.flush()?;
        let mode = std::fs::metadata(&self.target)
            .map(|m| m.permissions())
            .unwrap_or_else(|_| std::os::unix::fs::PermissionsExt::from_mode(0o644));
        tmp.as_file().set_permissions(mode)?;
        let mut temps = live_temps();
        temps.retain(|t| t != tmp.path());
        tmp.persist(&self.target).map_err(|e| e.error)?;
        Ok(())
    }
}

impl Write for NewFile {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        match self.tmp.as_mut() {
            Some(t) => t.write(buf),
            None => Ok(buf.len()),
        }
    }
    fn flush(&mut self) -> std::io::Result<()> {
        self.tmp.as_mut().map_or(Ok(()), |t| t.flush())
    }
}

impl Drop for NewFile {
    fn drop(&mut self) {
        if let Some(tmp) = self.tmp.take() {
            let mut temps = live_temps();
            temps.retain(|t| t != tmp.path());
            let _ = tmp.close();
        }
    }
}

/// A unified diff of a fix, for `--diff`.
pub fn unified_diff(path: &str, old: &str, new: &str) -> String {
    similar::TextDiff::from_lines(old, new).unified_diff().context_radius(2).header(&format!("a/{path}"), &format!("b/{path}")).to_string()
}

/// A replacement for a file written piece by piece (huge files are fixed chunk by chunk): a
/// temp file beside the real file (a symlink is followed: the link stays a link) that replaces
/// it only on [`AtomicWriter::commit`], with its mode, owner and group. A file with several
/// hard links is instead rewritten in place (its old bytes kept in memory and written back if
/// that fails), so every link keeps seeing it. Dropped without a commit, the temp file is
/// deleted and the original is untouched.
pub struct AtomicWriter {
    /// The real file (symlinks resolved).
    target: std::path::PathBuf,
    meta: std::fs::Metadata,
    tmp: Option<tempfile::NamedTempFile>,
}

impl AtomicWriter {
    pub fn new(path: &Path) -> std::io::Result<Self> {
        let target = std::fs::canonicalize(path)?;
        let meta = std::fs::metadata(&target)?;
        if meta.permissions().readonly() {
            return Err(std::io::Error::new(std::io::ErrorKind::PermissionDenied, "file is read-only"));
        }
        let dir = target.parent().unwrap_or(Path::new("."));
        let mut temps = live_temps();
        let tmp = tempfile::Builder::new().prefix(".copydesk-").suffix(".tmp").tempfile_in(dir)?;
        temps.push(tmp.path().to_path_buf());
        Ok(AtomicWriter { target, meta, tmp: Some(tmp) })
    }

    pub fn write(&mut self, bytes: &[u8]) -> std::io::Result<()> {
        match self.tmp.as_mut() {
            Some(t) => t.write_all(bytes),
            None => Ok(()),
        }
    }

    /// Replace the file, unless it no longer matches `snapshot` ([`WriteError::Changed`]).
    pub fn commit(mut self, snapshot: &Snapshot) -> Result<(), WriteError> {
        let Some(tmp) = self.tmp.as_mut() else { return Ok(()) };
        tmp.as_file().sync_all()?;
        let mut temps = live_temps();
        // A file with other hard links is rewritten in place, and put back as it was should
        // that fail half-way: only then is it held whole. Any other is replaced by a rename,
        // and only compared with the snapshot, as it is read.
        let in_place = std::os::unix::fs::MetadataExt::nlink(&self.meta) > 1;
        let original = if in_place {
            let Some(original) = snapshot.unchanged(&self.target)? else { return Err(WriteError::Changed) };
            original
        } else {
            if !snapshot.matches(&self.target)? {
                return Err(WriteError::Changed);
            }
            Vec::new()
        };
        let tmp = self.tmp.take().expect("checked above");
        temps.retain(|t| t != tmp.path());
        if in_place {
            let written = rewrite_in_place(&self.target, tmp.path(), &original);
            let _ = tmp.close();
            return written.map_err(WriteError::Io);
        }
        tmp.as_file().set_permissions(self.meta.permissions())?;
        // Keep owner and group: always allowed to root, and to the owner for its own groups.
        let (uid, gid) = (std::os::unix::fs::MetadataExt::uid(&self.meta), std::os::unix::fs::MetadataExt::gid(&self.meta));
        let _ = std::os::unix::fs::fchown(tmp.as_file(), Some(uid), Some(gid));
        tmp.persist(&self.target).map_err(|e| WriteError::Io(e.error))?;
        Ok(())
    }
}

/// Copy the new contents from `new` over `target` in place (same inode), restoring `original`
/// if that fails half-way.
fn rewrite_in_place(target: &Path, new: &Path, original: &[u8]) -> std::io::Result<()> {
    let mut file = std::fs::OpenOptions::new().write(true).open(target)?;
    let copy = |file: &mut std::fs::File| -> std::io::Result<()> {
        let mut src = std::fs::File::open(new)?;
        let n = std::io::copy(&mut src, file)?;
        file.set_len(n)?;
        file.sync_all()
    };
    match copy(&mut file) {
        Ok(()) => Ok(()),
        Err(e) => {
            use std::io::Seek;
            let _ = file
                .seek(std::io::SeekFrom::Start(0))
                .and_then(|_| file.write_all(original))
                .and_then(|_| file.set_len(original.len() as u64));
            Err(e)
        }
    }
}

impl Drop for AtomicWriter {
    fn drop(&mut self) {
        if let Some(tmp) = self.tmp.take() {
            let mut temps = live_temps();
            temps.retain(|t| t != tmp.path());
            let _ = tmp.close();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Fix;

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

#[cfg(test)]
mod write_tests {
    use super::*;

    #[test]
    fn a_file_changed_on_disk_after_reading_is_not_overwritten() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.txt");
        std::fs::write(&path, "old text.\n").unwrap();
        let snapshot = Snapshot::of(&path, b"old text.\n").unwrap();
        // An editor saves a new version of the same size (mtime may not even tick).
        std::fs::write(&path, "new text!\n").unwrap();
        assert!(matches!(write_fixed(&path, &snapshot, b"Old text.\n"), Err(WriteError::Changed)));
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "new text!\n");
        assert!(std::fs::read_dir(dir.path()).unwrap().count() == 1, "no temp file left");
        // Unchanged: written.
        let snapshot = Snapshot::of(&path, b"new text!\n").unwrap();
        write_fixed(&path, &snapshot, b"New text!\n").unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "New text!\n");
    }

    /// A file larger than the pieces it is read back in matches the snapshot hashed from the
    /// pieces it was read in, whatever their sizes; one byte changed in the middle, its
    /// modification time put back, does not.
    #[test]
    fn a_large_file_is_compared_as_it_is_read_back() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("big.txt");
        let bytes: Vec<u8> = (0..200_000u32).map(|i| b'a' + (i % 26) as u8).collect();
        std::fs::write(&path, &bytes).unwrap();
        let mut builder = SnapshotBuilder::new(&std::fs::metadata(&path).unwrap());
        for piece in [&bytes[..1], &bytes[1..70_000], &bytes[70_000..]] {
            builder.update(piece);
        }
        let snapshot = builder.finish();
        assert!(snapshot.matches(&path).unwrap());
        let modified = std::fs::metadata(&path).unwrap().modified().unwrap();
        let mut changed = bytes.clone();
        changed[100_000] = b'!';
        std::fs::write(&path, &changed).unwrap();
        std::fs::File::options().write(true).open(&path).unwrap().set_modified(modified).unwrap();
        assert_eq!(std::fs::metadata(&path).unwrap().modified().unwrap(), modified);
        assert!(!snapshot.matches(&path).unwrap());
        assert!(matches!(write_fixed(&path, &snapshot, b"fixed"), Err(WriteError::Changed)));
        assert_eq!(std::fs::read(&path).unwrap(), changed);
    }
}

#[cfg(test)]
mod apply_props {
    use super::*;
    use crate::diagnostic::Fix;
    use proptest::prelude::*;

    /// The old quadratic check: every edit against every accepted edit.
    fn reference(source: &str, diagnostics: &[Diagnostic]) -> (String, usize) {
        let mut fixes: Vec<&Vec<Edit>> = diagnostics.iter().filter_map(|d| d.fix.as_ref()).map(|f| &f.edits).collect();
        fixes.sort_by_key(|edits| edits.iter().map(|e| (e.span.start, e.span.end)).min());
        let mut accepted: Vec<&Edit> = Vec::new();
        let mut count = 0;
        for edits in fixes {
            let clashes = edits.iter().any(|e| {
                accepted.iter().any(|a| {
                    e.span.overlaps(a.span)
                        || e.span.start == a.span.start
                        || (e.span.is_empty() && a.span.contains(e.span.start))
                        || (a.span.is_empty() && e.span.contains(a.span.start))
                })
            });
            let own_clash = edits.iter().enumerate().any(|(i, e)| {
                edits[i + 1..].iter().any(|a| {
                    e.span.overlaps(a.span)
                        || e.span.start == a.span.start
                        || (e.span.is_empty() && a.span.contains(e.span.start))
                        || (a.span.is_empty() && e.span.contains(a.span.start))
                })
            });
            if !clashes && !own_clash {
                accepted.extend(edits.iter());
                count += 1;
            }
        }
        (super::splice(source, accepted), count)
    }

    proptest! {
        #[test]
        fn one_pass_apply_matches_the_pairwise_check(
            fixes in proptest::collection::vec(proptest::collection::vec((0usize..40, 0usize..6, "[a-z]{0,2}"), 1..3), 0..30)
        ) {
            let source = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGH";
            let diagnostics: Vec<Diagnostic> = fixes
                .iter()
                .map(|edits| {
                    let edits = edits.iter().map(|(s, l, r)| Edit::replace(Span::new(*s, (*s + *l).min(40)), r.as_str())).collect();
                    Diagnostic::new("t", Span::new(0, 0), "m").with_fix(Fix::safe(edits))
                })
                .collect();
            prop_assert_eq!(apply(source, &diagnostics, false), reference(source, &diagnostics));
        }
    }
}
