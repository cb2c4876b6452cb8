//! The one lint pipeline: a source (a file, standard input, or a huge file read in bounded
//! pieces) → decode → [`Document`](crate::document::Document) → rules → suppressions → fixes
//! (when asked) → baseline → one [`FileResult`] per piece, handed to the caller as it is made.
//!
//! Batch runs, standard input, streamed huge files and `copydesk baseline` all call
//! [`lint_input`]; none has its own copy of these steps. Which rules apply to a path is the
//! [`Workspace`](crate::workspace::Workspace)'s business; this module receives a [`RuleSet`].

use crate::baseline;
use crate::diagnostic::Diagnostic;
use crate::document;
use crate::engine::{invalid_utf8_message, lint_bytes, lint_source, RuleSet, INVALID_UTF8};
use crate::fix;
use crate::stream;
use crate::text::{decode, is_binary, Decoded};
use std::path::Path;

/// The diagnostics of one file — or of one chunk of a huge file, which starts `offset` bytes
/// and `first_line` lines into it — with the text needed to locate them.
#[derive(Debug, Clone)]
pub struct FileResult {
    pub path: String,
    pub source: String,
    pub diagnostics: Vec<Diagnostic>,
    pub offset: usize,
    pub first_line: usize,
    /// Built on first need: a file with no findings (most) never locates anything.
    line_starts: std::cell::OnceCell<Vec<usize>>,
    /// Where the last start and the last end were located: findings come sorted, so each
    /// column is counted on from the previous one, not from its line's start (a long line
    /// with many findings stays linear).
    cursors: [std::cell::Cell<Option<Cursor>>; 2],
}

/// A located byte offset: its 0-based line and 1-based column.
#[derive(Debug, Clone, Copy)]
struct Cursor {
    offset: usize,
    line: usize,
    column: usize,
}

impl FileResult {
    pub fn new(path: String, source: String, diagnostics: Vec<Diagnostic>) -> Self {
        Self::chunk(path, source, diagnostics, 0, 0)
    }

    pub fn chunk(path: String, source: String, diagnostics: Vec<Diagnostic>, offset: usize, first_line: usize) -> Self {
        FileResult { path, source, diagnostics, offset, first_line, line_starts: Default::default(), cursors: Default::default() }
    }

    /// Byte offsets where each line of [`FileResult::source`] starts, built once.
    pub fn line_starts(&self) -> &[usize] {
        self.line_starts.get_or_init(|| document::line_starts(&self.source))
    }

    /// 1-based (line, column) of both ends of a diagnostic in the whole file; columns count
    /// characters.
    pub fn location(&self, d: &Diagnostic) -> Location {
        let (line, column) = self.locate(0, d.span.start);
        let (end_line, end_column) = self.locate(1, d.span.end);
        Location { line: line + self.first_line, column, end_line: end_line + self.first_line, end_column }
    }

    /// [`document::line_col`], counting on from `cursors[which]` when it is on the same line
    /// and not after `offset`.
    fn locate(&self, which: usize, offset: usize) -> (usize, usize) {
        let offset = crate::text::floor_char_boundary(&self.source, offset);
        let line = self.line_starts().partition_point(|&s| s <= offset).saturating_sub(1);
        let (line, column) = match self.cursors[which].get() {
            Some(c) if c.line == line && c.offset <= offset && (line > 0 || c.offset > 0 || !self.source.starts_with('\u{FEFF}')) => {
                (line + 1, c.column + self.source[c.offset..offset].chars().count())
            }
            _ => document::line_col(&self.source, self.line_starts(), offset),
        };
        self.cursors[which].set(Some(Cursor { offset, line: line - 1, column }));
        (line, column)
    }

    pub fn text(&self, d: &Diagnostic) -> &str {
        self.source.get(d.span.start..d.span.end).unwrap_or("")
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Location {
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
}

/// Where an input comes from. Whether a file is huge is decided once, by the caller, which
/// needs to know anyway (huge files are linted on their own, between batches).
#[derive(Debug)]
pub enum Source {
    /// Bytes already read (standard input).
    Stdin(Vec<u8>),
    /// A file of about this many bytes, as the walk found it (the read's first size guess).
    File(u64),
    /// A file over [`stream::STREAM_THRESHOLD`]: read and linted in chunks.
    HugeFile,
    /// A FIFO or character device named as a path (a shell's `<(command)`, `/dev/stdin`): read
    /// to its end, up to this many bytes, and linted as a file; never fixed in place, as there
    /// is no file to write back to.
    Pipe(u64),
}

impl Source {
    /// [`Source::Pipe`] (up to `max_bytes`) for a FIFO or character device,
    /// [`Source::HugeFile`] for a file over the streaming threshold, else [`Source::File`].
    pub fn of(path: &Path, max_bytes: u64) -> Source {
        match std::fs::metadata(path) {
            Ok(m) if is_pipe(&m.file_type()) => Source::Pipe(max_bytes),
            Ok(m) if m.len() > stream::STREAM_THRESHOLD => Source::HugeFile,
            Ok(m) => Source::File(m.len()),
            Err(_) => Source::File(0),
        }
    }
}

/// The default `--max-file-size`: larger files, pipes and standard input are refused (exit 2).
pub const DEFAULT_MAX_FILE_SIZE: u64 = 64 << 20;

/// A FIFO or character device: what can be read to its end as a stream when named as a path.
/// (A block device is a disk, and a socket cannot be opened as a file.)
pub fn is_pipe(file_type: &std::fs::FileType) -> bool {
    use std::os::unix::fs::FileTypeExt;
    file_type.is_fifo() || file_type.is_char_device()
}

/// What [`read_limited`] read.
pub struct Limited {
    pub bytes: Vec<u8>,
    /// The input went on past the limit: `bytes` holds what was read so far.
    pub over: bool,
    /// The read failed after `bytes`.
    pub error: Option<std::io::Error>,
}

/// Read `reader` to its end, or until it has given more than `max_bytes`. Unless `whole` is
/// asked (a filter must echo all of its input), a NUL byte in the first 8 KiB stops the read:
/// binary input is refused anyway, and `/dev/zero` has no end.
pub fn read_limited(reader: &mut dyn std::io::Read, max_bytes: u64, whole: bool) -> Limited {
    let mut bytes = Vec::new();
    let mut chunk = vec![0u8; 64 << 10];
    loop {
        match reader.read(&mut chunk) {
            Ok(0) => return Limited { bytes, over: false, error: None },
            Ok(n) => bytes.extend_from_slice(&chunk[..n]),
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Limited { bytes, over: false, error: Some(e) },
        }
        if !whole && bytes.len() >= 8192 && is_binary(&bytes) {
            return Limited { bytes, over: false, error: None };
        }
        if bytes.len() as u64 > max_bytes {
            return Limited { bytes, over: true, error: None };
        }
    }
}

/// What to do with fixes: `write` in place (`--fix`), show a `diff`, include unsafe fixes.
#[derive(Debug, Clone, Copy, Default)]
pub struct FixMode {
    pub write: bool,
    pub diff: bool,
    pub unsafe_fixes: bool,
}

/// What linting one input produced besides its findings.
#[derive(Debug, Default)]
pub struct FileMeta {
    pub bytes: usize,
    pub fixed: usize,
    /// `--diff`: how many fixes the diff shows (none is written).
    pub shown: usize,
    pub diff: Option<String>,
    /// `--fix` on standard input: the fixed text for stdout, or the input unchanged when it
    /// could not be fixed (a filter never loses a byte).
    pub stdin_fixed: Option<Vec<u8>>,
    /// Why the input was refused (exit 2): binary or UTF-16 standard input, invalid UTF-8 under
    /// `--fix -`, a UTF-16 file, a file changed on disk while it was being fixed.
    pub refused: Option<String>,
    /// Why the file was skipped (binary), if it was.
    pub skipped: Option<String>,
    /// A note for stderr that is not an error.
    pub note: Option<String>,
}

pub use crate::baseline::Allowance;

/// Why an input could not be linted. The messages are what the CLI prints after the path.
#[derive(Debug, thiserror::Error, miette::Diagnostic)]
pub enum LintError {
    #[error("{0}")]
    #[diagnostic(code(copydesk::read))]
    Read(std::io::Error),
    #[error("cannot write fixes: {0}; the file was left unchanged")]
    #[diagnostic(code(copydesk::write))]
    Write(std::io::Error),
    #[error("cannot write fixes: {0}")]
    #[diagnostic(code(copydesk::write))]
    CreateTemp(std::io::Error),
}

/// Text from bytes without copying when they are valid UTF-8.
fn into_text(bytes: Vec<u8>) -> (String, Option<(usize, usize)>) {
    match String::from_utf8(bytes) {
        Ok(text) => (text, None),
        Err(e) => {
            let decoded = decode(e.as_bytes());
            (decoded.text.into_owned(), decoded.invalid)
        }
    }
}

/// A chunk after the first of a huge file is linted after this context, so that its first line
/// is body text, as it is in the file, and not taken for the article's title. Nothing in it is
/// reported or fixed.
const CONTINUATION: &str = "Continued\n\n";

/// The longest piece of a chunk's last line that the next chunk is linted after.
const CONTEXT_BYTES: usize = 256;

/// What the chunk after `chunk` is linted after, besides [`CONTINUATION`]: nothing when `chunk`
/// ends a paragraph (a blank line, where prose is cut), else its last line (or the words of
/// that line's last [`CONTEXT_BYTES`] bytes), so that a paragraph cut between two lines goes on
/// as one paragraph ("… the ferry\ntimetable would …" opened a paragraph with a lowercase word).
fn continuation_context(chunk: &[u8]) -> String {
    let Some(body) = chunk.strip_suffix(b"\n").filter(|body| !body.is_empty() && !body.ends_with(b"\n")) else {
        return String::new();
    };
    let line = &body[memchr::memrchr(b'\n', body).map_or(0, |i| i + 1)..];
    let line = match line.len().checked_sub(CONTEXT_BYTES) {
        None => line,
        // (from the first word that starts inside the last bytes: never half a character)
        Some(from) => match memchr::memchr(b' ', &line[from..]) {
            Some(space) => &line[from + space + 1..],
            None => return String::new(),
        },
    };
    if line.iter().all(u8::is_ascii_whitespace) {
        return String::new();
    }
    format!("{}\n", decode(line).text)
}

/// Lint a chunk after the first of a text after [`CONTINUATION`] and `context` (see
/// [`continuation_context`]), fixing it first if asked. Returns the findings on the (possibly
/// fixed) chunk, that chunk, and the fixes applied.
fn lint_continuation(
    text: String,
    invalid: Option<(usize, usize)>,
    context: &str,
    name: &str,
    rules: &RuleSet,
    fix_mode: FixMode,
) -> (Vec<Diagnostic>, String, usize, bool) {
    let p = CONTINUATION.len() + context.len();
    let invalid = invalid.map(|(first, count)| (first + p, count));
    let (mut diagnostics, text, applied, changed) =
        lint_text_after(format!("{CONTINUATION}{context}{text}"), invalid, p, name, rules, fix_mode);
    diagnostics.retain(|d| d.span.start >= p && d.fix.as_ref().is_none_or(|f| f.edits.iter().all(|e| e.span.start >= p)));
    for d in &mut diagnostics {
        d.move_offsets(|o| o - p);
    }
    (diagnostics, text[p..].to_string(), applied, changed)
}

fn lint_text_after(
    text: String,
    invalid: Option<(usize, usize)>,
    protected: usize,
    name: &str,
    rules: &RuleSet,
    fix_mode: FixMode,
) -> (Vec<Diagnostic>, String, usize, bool) {
    let decoded = Decoded { text: std::borrow::Cow::Borrowed(&text), invalid };
    let diagnostics = lint_bytes(&decoded, name, rules);
    if !(fix_mode.write || fix_mode.diff) || invalid.is_some() {
        return (diagnostics, text, 0, false);
    }
    let result = fix::fix_until_stable_after(&text, protected, name, rules, fix_mode.unsafe_fixes);
    if result.text == text {
        return (diagnostics, text, 0, false);
    }
    let diagnostics = lint_source(&result.text, name, rules);
    (diagnostics, result.text, result.applied, true)
}

/// Which field of a dataset record a finding's span points into.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Title,
    Text,
}

impl Field {
    pub fn as_str(self) -> &'static str {
        match self {
            Field::Title => "title",
            Field::Text => "text",
        }
    }
}

/// One dataset record, linted: the findings in its title (spans into the title) and in its
/// text (spans into the text, after fixes when fixing), and the fixes applied to the text.
#[derive(Debug)]
pub struct RecordResult {
    pub title: Option<FileResult>,
    pub text: FileResult,
    pub applied: usize,
    pub changed: bool,
}

/// Lint one record of a dataset as one document through the same steps as a file. With a
/// title, the document is the title (after `# ` in Markdown), a blank line, then the text;
/// fixes (when `fix_mode.write`) touch only the text, never the title. `name` is the record as
/// reported; `kind` says how to read it.
pub fn lint_record(
    rules: &RuleSet,
    name: &str,
    title: Option<&str>,
    text: String,
    kind: document::Format,
    fix_mode: FixMode,
) -> RecordResult {
    let format_name = format_name(kind);
    let fix_mode = FixMode { diff: false, ..fix_mode };
    let Some(title) = title else {
        let (diagnostics, text, applied, changed) = lint_document(text, 0, format_name, rules, fix_mode);
        return RecordResult { title: None, text: FileResult::new(name.to_string(), text, diagnostics), applied, changed };
    };
    let head = if kind == document::Format::Markdown { "# " } else { "" };
    let prefix = format!("{head}{title}\n\n");
    let p = prefix.len();
    let (diagnostics, document, applied, changed) = lint_document(prefix.clone() + &text, p, format_name, rules, fix_mode);
    // Fixes never touch the protected title; if the text came back without it, keep the original.
    let (text, applied, changed) = match document.strip_prefix(&prefix) {
        Some(fixed) if changed => (fixed.to_string(), applied, true),
        _ => (text, 0, false),
    };
    let (mut in_title, mut in_text) = (Vec::new(), Vec::new());
    for d in diagnostics {
        if d.span.start >= p {
            in_text.push(rebase(d, p, text.len()));
        } else {
            in_title.push(rebase(d, head.len(), title.len()));
        }
    }
    RecordResult {
        title: Some(FileResult::new(name.to_string(), title.to_string(), in_title)),
        text: FileResult::new(name.to_string(), text, in_text),
        applied,
        changed,
    }
}

/// Lint a text in memory (an editor buffer) as a file is linted: one document, or chunk by
/// chunk when too long or too dense for one (see [`stream`]); the findings' spans are offsets
/// into the whole text. ([`crate::Linter::lint`] makes one document of any text.)
pub fn lint_buffer(rules: &RuleSet, text: &str, kind: document::Format) -> Vec<Diagnostic> {
    lint_document(text.to_string(), 0, format_name(kind), rules, FixMode::default()).0
}

/// A name that [`document::Format::from_path`] reads as `kind`, for a text with no file.
fn format_name(kind: document::Format) -> &'static str {
    match kind {
        document::Format::Markdown => "record.md",
        document::Format::PlainText => "record.txt",
    }
}

/// [`lint_text_after`] on a record's document; one too long or too dense for one document model
/// (see [`stream`]) is linted chunk by chunk, as a file is, its findings and fixed text put
/// back together.
fn lint_document(
    document: String,
    protected: usize,
    name: &str,
    rules: &RuleSet,
    fix_mode: FixMode,
) -> (Vec<Diagnostic>, String, usize, bool) {
    if !stream::needs_chunks(document.as_bytes()) {
        return lint_text_after(document, None, protected, name, rules, fix_mode);
    }
    let mut diagnostics = Vec::new();
    let mut gather = |piece: FileResult| {
        for mut d in piece.diagnostics {
            d.shift(piece.offset);
            diagnostics.push(d);
        }
    };
    match lint_held(document.as_bytes(), name, rules, fix_mode, protected, &mut gather) {
        Some((fixed, applied)) => (diagnostics, fixed, applied, true),
        None => (diagnostics, document, 0, false),
    }
}

/// A finding of a record's document moved into one field that starts at `base` and is `len`
/// bytes long: its span clamped to the field, its fix kept only if every edit lies inside it.
fn rebase(mut d: Diagnostic, base: usize, len: usize) -> Diagnostic {
    let fits = d.fix.as_ref().is_none_or(|f| f.edits.iter().all(|e| e.span.start >= base && e.span.end <= base + len));
    if !fits {
        d.fix = None;
    }
    // (an edit kept lies inside the field, where clamping moves it as subtracting `base` would)
    d.move_offsets(|o| o.saturating_sub(base).min(len));
    d
}

/// Drop the findings a baseline already records (this file's share of it).
fn apply_baseline(allowance: Option<&mut Allowance>, result: &mut FileResult) {
    if let Some(allowance) = allowance {
        let mut diagnostics = std::mem::take(&mut result.diagnostics);
        baseline::filter(allowance, &result.path, &result.source, &mut diagnostics);
        result.diagnostics = diagnostics;
    }
}

/// Lint one input with `rules`, calling `on_chunk` with each piece's results (one piece unless
/// the file is huge), after fixes and after `allowance` (this file's share of a baseline) has
/// removed the findings it records. `name` is the path as reported.
pub fn lint_input(
    rules: &RuleSet,
    path: &Path,
    name: &str,
    source: Source,
    fix_mode: FixMode,
    mut allowance: Option<Allowance>,
    on_chunk: &mut dyn FnMut(FileResult),
) -> Result<FileMeta, LintError> {
    let mut on_chunk = |mut result: FileResult| {
        apply_baseline(allowance.as_mut(), &mut result);
        on_chunk(result);
    };
    let mut meta = FileMeta::default();
    let is_stdin = matches!(source, Source::Stdin(_));
    let (bytes, snapshot) = match source {
        Source::Stdin(bytes) => (bytes, None),
        Source::File(expected) => {
            let bytes = read_whole(path, expected).map_err(LintError::Read)?;
            // What the file was when read (its metadata and a hash of every byte), to refuse
            // writing fixes over a change made meanwhile: only a run that writes needs it.
            let snapshot =
                if fix_mode.write && !fix_mode.diff { Some(fix::Snapshot::of(path, &bytes).map_err(LintError::Read)?) } else { None };
            (bytes, snapshot)
        }
        Source::HugeFile => return lint_streamed(path, name, rules, fix_mode, &mut on_chunk),
        Source::Pipe(max_bytes) => {
            if fix_mode.write && !fix_mode.diff {
                meta.refused = Some("a FIFO or device cannot be fixed in place; pipe it into `copydesk lint --fix -` instead".into());
                return Ok(meta);
            }
            let mut file = std::fs::File::open(path).map_err(LintError::Read)?;
            let read = read_limited(&mut file, max_bytes, false);
            if let Some(e) = read.error {
                return Err(LintError::Read(e));
            }
            if read.over {
                meta.refused = Some(format!("more than {max_bytes} bytes, over the size limit (--max-file-size); not linted"));
                return Ok(meta);
            }
            (read.bytes, None)
        }
    };
    meta.bytes = bytes.len();
    let filter = is_stdin && fix_mode.write;
    let refusal = if is_utf16(&bytes) {
        Some("UTF-16 text is not supported; convert it to UTF-8 (e.g. `iconv -f UTF-16 -t UTF-8`)".to_string())
    } else if is_binary(&bytes) {
        if !is_stdin {
            meta.skipped = Some("binary file (contains NUL bytes)".into());
            return Ok(meta);
        }
        Some("binary input (contains NUL bytes); not linted".to_string())
    } else if filter {
        std::str::from_utf8(&bytes).err().map(|e| format!("invalid UTF-8 at byte {}; not fixed", e.valid_up_to()))
    } else {
        None
    };
    if let Some(why) = refusal {
        meta.refused = Some(if filter { format!("{why}; the input was echoed unchanged") } else { why });
        if filter {
            meta.stdin_fixed = Some(bytes);
        }
        return Ok(meta);
    }
    // A text too long or too dense for one document model (over a MiB, or lines or words
    // packed far tighter than prose's) is linted in chunks, as a huge file is, but held whole,
    // so that it is fixed, diffed and echoed as any other.
    let (original, text, applied, changed, whole) = if stream::needs_chunks(&bytes) {
        // (text with invalid UTF-8 is not fixed, in chunks as whole)
        let fixing = (fix_mode.write || fix_mode.diff) && std::str::from_utf8(&bytes).is_ok();
        let chunk_fix = FixMode { write: fixing, diff: false, unsafe_fixes: fix_mode.unsafe_fixes };
        let fixed = lint_held(&bytes, name, rules, chunk_fix, 0, &mut on_chunk);
        let (original, _) = into_text(bytes);
        match fixed {
            Some((fixed, applied)) => (Some(original), fixed, applied, true, None),
            None => (None, original, 0, false, None),
        }
    } else {
        let (text, invalid) = into_text(bytes);
        let original = (fix_mode.diff || is_stdin).then(|| text.clone());
        let (diagnostics, text, applied, changed) = lint_text_after(text, invalid, 0, name, rules, fix_mode);
        (original, text, applied, changed, Some(diagnostics))
    };
    if changed {
        if fix_mode.diff {
            meta.diff = Some(fix::unified_diff(name, original.as_deref().unwrap_or(""), &text));
            meta.shown = applied;
        } else if is_stdin {
            meta.fixed = applied;
        } else {
            let snapshot = snapshot.as_ref().expect("a file fixed in place has a snapshot");
            match fix::write_fixed(path, snapshot, text.as_bytes()) {
                Ok(()) => meta.fixed = applied,
                Err(fix::WriteError::Changed) => {
                    meta.refused = Some("changed on disk while it was being fixed; not written (run again)".into());
                }
                Err(fix::WriteError::Io(e)) => return Err(LintError::Write(e)),
            }
        }
    }
    if filter {
        meta.stdin_fixed = Some(text.clone().into_bytes());
    }
    if let Some(diagnostics) = whole {
        on_chunk(FileResult::new(name.to_string(), text, diagnostics));
    }
    Ok(meta)
}

/// A whole file of about `expected` bytes. `std::fs::read` asks the open file's size again (a
/// system call per file, which the walk has made already); read into room for one byte more
/// than expected, an unchanged file takes two reads, the second finding its end. A file that
/// grew meanwhile, or reports no size (as /proc's do), is read to its end all the same, the
/// room growing by 8 KB at least.
fn read_whole(path: &Path, expected: u64) -> std::io::Result<Vec<u8>> {
    use std::io::Read;
    let mut file = std::fs::File::open(path)?;
    // (the walk's files are at most the streaming threshold; a wrong guess only costs room)
    let room = usize::try_from(expected.min(stream::STREAM_THRESHOLD)).unwrap_or(0) + 1;
    let mut bytes = vec![0; room];
    let mut filled = 0;
    loop {
        if filled == bytes.len() {
            bytes.resize((filled * 2).max(8192), 0);
        }
        match file.read(&mut bytes[filled..]) {
            Ok(0) => break,
            Ok(n) => filled += n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    bytes.truncate(filled);
    Ok(bytes)
}

/// UTF-16 with a byte-order mark. Refused, not decoded: a fix would have to re-encode it, and
/// editors and scrapers write UTF-8 (documented in the README).
pub fn is_utf16(bytes: &[u8]) -> bool {
    bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF])
}

/// A file over the streaming threshold: chunk by chunk, fixes written to a temp file that
/// replaces the original only if every chunk was valid text.
fn lint_streamed(
    path: &Path,
    name: &str,
    rules: &RuleSet,
    fix_mode: FixMode,
    on_chunk: &mut dyn FnMut(FileResult),
) -> Result<FileMeta, LintError> {
    let mut file = std::fs::File::open(path).map_err(LintError::Read)?;
    let mut snapshot = fix::SnapshotBuilder::new(&file.metadata().map_err(LintError::Read)?);
    let mut meta = FileMeta::default();
    // A file with invalid UTF-8 is not fixed: read through once before any chunk is, as a text
    // held in memory is checked whole, so that the report is of the file as it is (fixing
    // the chunks before an invalid one reported their findings, lines and offsets on a fixed
    // text that was never written). The check at the end stays, for a file changed meanwhile.
    let fixing = fix_mode.write && {
        use std::io::Seek;
        let valid = stream::is_utf8(&file).map_err(LintError::Read)?;
        file.rewind().map_err(LintError::Read)?;
        valid
    };
    let chunk_fix = FixMode { write: fixing, diff: false, unsafe_fixes: fix_mode.unsafe_fixes };
    if fix_mode.diff {
        meta.note = Some(format!("{name}: too large for --diff ({} MiB and over are linted in chunks)", stream::STREAM_THRESHOLD >> 20));
    }
    let mut out = if fixing { Some(fix::AtomicWriter::new(path).map_err(LintError::CreateTemp)?) } else { None };
    // A UTF-16 or binary file is refused at its first chunk, before anything is linted.
    let (mut first, mut refused, mut skipped) = (true, None, None);
    let chunks = stream::Chunks::new(std::io::BufReader::new(file), stream::CHUNK_SIZE).map_while(|chunk| {
        if let Ok(bytes) = &chunk {
            if std::mem::take(&mut first) {
                if is_utf16(bytes) {
                    refused = Some("UTF-16 text is not supported; convert it to UTF-8".to_string());
                    return None;
                }
                if is_binary(bytes) {
                    skipped = Some("binary file (contains NUL bytes)".to_string());
                    return None;
                }
            }
            snapshot.update(bytes);
        }
        Some(chunk)
    });
    let mut write = |text: &str| out.as_mut().map_or(Ok(()), |w| w.write(text.as_bytes()));
    let linted = lint_chunks(chunks, name, rules, chunk_fix, 0, &mut write, on_chunk)?;
    if refused.is_some() || skipped.is_some() {
        (meta.refused, meta.skipped) = (refused, skipped);
        return Ok(meta);
    }
    meta.bytes = linted.bytes;
    if let Some(w) = out {
        if linted.any_invalid || linted.applied == 0 {
            drop(w); // never rewrite a file with invalid UTF-8; nothing to do when nothing changed
        } else {
            match w.commit(&snapshot.finish()) {
                Ok(()) => meta.fixed = linted.applied,
                Err(fix::WriteError::Changed) => {
                    meta.refused = Some("changed on disk while it was being fixed; not written (run again)".into());
                }
                Err(fix::WriteError::Io(e)) => return Err(LintError::Write(e)),
            }
        }
    }
    Ok(meta)
}

/// What [`lint_chunks`] read and fixed.
struct Linted {
    bytes: usize,
    any_invalid: bool,
    /// Fixes applied over all chunks.
    applied: usize,
}

/// Lint the chunks of one input, a few at a time in parallel (each alone, as a document of its
/// own), and report them in order: each chunk's findings through `on_chunk`, its text (fixed,
/// when `fix_mode.write`) through `on_text`. No fix touches the first chunk's first `protected`
/// bytes (a dataset record's title). A read error stops it after the chunks before it are
/// reported.
fn lint_chunks(
    chunks: impl Iterator<Item = std::io::Result<Vec<u8>>>,
    name: &str,
    rules: &RuleSet,
    fix_mode: FixMode,
    protected: usize,
    on_text: &mut dyn FnMut(&str) -> std::io::Result<()>,
    on_chunk: &mut dyn FnMut(FileResult),
) -> Result<Linted, LintError> {
    let mut linted = Linted { bytes: 0, any_invalid: false, applied: 0 };
    let (mut offset, mut first_line) = (0usize, 0usize);
    let batch_size = rayon::current_num_threads().max(1);
    let mut chunks = chunks.enumerate();
    let mut read_error = None;
    // What the next chunk is linted after (the end of the one before it).
    let mut context = String::new();
    while read_error.is_none() {
        let mut batch = Vec::with_capacity(batch_size);
        for (i, chunk) in chunks.by_ref() {
            let bytes = match chunk {
                Ok(bytes) => bytes,
                Err(e) => {
                    read_error = Some(LintError::Read(e)); // the chunks before it are still reported
                    break;
                }
            };
            linted.bytes += bytes.len();
            let before = std::mem::replace(&mut context, continuation_context(&bytes));
            batch.push((i, bytes, before));
            if batch.len() == batch_size {
                break;
            }
        }
        if batch.is_empty() {
            break;
        }
        let done: Vec<_> = {
            use rayon::prelude::*;
            batch
                .into_par_iter()
                .map(|(i, bytes, context)| {
                    let (text, invalid) = into_text(bytes);
                    let (diagnostics, text, applied, _) = if i == 0 {
                        lint_text_after(text, invalid, protected, name, rules, fix_mode)
                    } else {
                        lint_continuation(text, invalid, &context, name, rules, fix_mode)
                    };
                    (invalid, diagnostics, text, applied)
                })
                .collect()
        };
        for (invalid, mut diagnostics, text, applied) in done {
            linted.any_invalid |= invalid.is_some();
            // Positions refer to the text as it now is (fixed, when fixing).
            let lines = text.bytes().filter(|&b| b == b'\n').count();
            let len = text.len();
            if let Some((first, count)) = invalid {
                // (found in the chunk alone, the bad byte's offset was the chunk's; no chunk
                // of a text with invalid UTF-8 is fixed, so the text's offsets are the input's)
                for d in diagnostics.iter_mut().filter(|d| d.rule == INVALID_UTF8.id) {
                    d.message = invalid_utf8_message(offset + first, count);
                }
            }
            if fix_mode.write {
                on_text(&text).map_err(LintError::Write)?;
                linted.applied += applied;
            }
            on_chunk(FileResult::chunk(name.to_string(), text, diagnostics, offset, first_line));
            offset += len;
            first_line += lines;
        }
    }
    match read_error {
        Some(e) => Err(e),
        None => Ok(linted),
    }
}

/// A text held in memory linted chunk by chunk ([`lint_chunks`]); with the fixed text and the
/// fixes applied when fixing changed it.
fn lint_held(
    text: &[u8],
    name: &str,
    rules: &RuleSet,
    fix_mode: FixMode,
    protected: usize,
    on_chunk: &mut dyn FnMut(FileResult),
) -> Option<(String, usize)> {
    let mut fixed = String::with_capacity(if fix_mode.write { text.len() } else { 0 });
    let mut keep = |chunk: &str| {
        fixed.push_str(chunk);
        Ok(())
    };
    // (the chunks of a text in memory never fail to read)
    let chunks = stream::Chunks::new(text, stream::CHUNK_SIZE);
    let linted = lint_chunks(chunks, name, rules, fix_mode, protected, &mut keep, on_chunk).ok()?;
    (linted.applied > 0 && fixed.as_bytes() != text).then_some((fixed, linted.applied))
}

#[cfg(test)]
mod location_props {
    use super::*;
    use crate::diagnostic::Span;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn cursor_locations_match_counting_from_the_line_start(
            text in "\u{FEFF}?([a-zé€ \n]{0,30}){0,8}",
            offsets in proptest::collection::vec(0usize..300, 0..20),
        ) {
            let mut offsets: Vec<usize> = offsets.into_iter().map(|o| crate::text::floor_char_boundary(&text, o.min(text.len()))).collect();
            // Sorted like findings, then a few out of order.
            offsets.sort();
            offsets.extend([text.len() / 2, 0]);
            let starts = document::line_starts(&text);
            let r = FileResult::new("t".into(), text.clone(), vec![]);
            for o in offsets {
                let o = crate::text::floor_char_boundary(&text, o);
                let d = Diagnostic::new("t", Span::new(o, o), "m");
                let loc = r.location(&d);
                prop_assert_eq!((loc.line, loc.column), document::line_col(&text, &starts, o));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{read_limited, read_whole};

    /// Standard input, held whole, is one document while it is small or as long as an article,
    /// and is cut into chunks (as a huge file is) once over a MiB or far denser in lines than
    /// prose; the chunks cover the text in order.
    #[test]
    fn a_text_held_whole_is_cut_only_when_long_or_dense() {
        use super::{lint_input, FixMode, Source};
        let rules = crate::engine::RuleSet::new(&crate::config::LoadedConfig::default_config().config, &Default::default()).unwrap();
        let paragraph = "The council met on Monday to discuss the harbour budget and the ferry.\n\n";
        for (text, pieces) in [
            ("a\n".repeat(crate::stream::SMALL / 2 - 10), 1),
            (paragraph.repeat(12_000), 1),
            (paragraph.repeat(20_000), 2),
            ("a\n".repeat(100_000), 4),
        ] {
            let mut got = Vec::new();
            let source = Source::Stdin(text.clone().into_bytes());
            lint_input(&rules, std::path::Path::new("-"), "-", source, FixMode::default(), None, &mut |r| got.push(r)).unwrap();
            assert_eq!(got.len(), pieces, "{} bytes", text.len());
            let mut offset = 0;
            for piece in &got {
                assert_eq!(piece.offset, offset);
                offset += piece.source.len();
            }
            assert_eq!(got.iter().map(|p| p.source.as_str()).collect::<String>(), text);
        }
    }

    /// A chunk cut at a blank line gives the next one no context; one cut between two lines of a
    /// paragraph gives its last line, or the words of that line's last 256 bytes.
    #[test]
    fn a_chunk_cut_inside_a_paragraph_hands_its_last_line_on() {
        use super::{continuation_context, CONTEXT_BYTES};
        assert_eq!(continuation_context(b"One.\n\nTwo.\n\n"), "");
        assert_eq!(continuation_context(b""), "");
        assert_eq!(continuation_context(b"One.\n  \n"), "");
        assert_eq!(continuation_context(b"The council met and\nagreed that the ferry\n"), "agreed that the ferry\n");
        assert_eq!(continuation_context(b"one line\n"), "one line\n");
        assert_eq!(continuation_context(b"caf\xff au lait\n"), "caf\u{1A} au lait\n");
        let long = "naïve words here ".repeat(40);
        let context = continuation_context(format!("{long}\n").as_bytes());
        assert!(context.len() <= CONTEXT_BYTES + 1 && context.len() > CONTEXT_BYTES - 20, "{context:?}");
        assert!(long.ends_with(context.trim_end_matches('\n')) && context.starts_with("naïve "), "{context:?}");
        assert_eq!(continuation_context(format!("{}\n", "x".repeat(1000)).as_bytes()), "");
    }

    /// A paragraph of wrapped lines longer than a chunk is cut between two of its lines: the
    /// line after the cut goes on with the paragraph (it used to open one: a lowercase start
    /// reported at every cut), while a sentence started in lowercase is still found there.
    #[test]
    fn a_paragraph_cut_between_chunks_goes_on() {
        use super::{lint_input, FixMode, Source};
        let rules = crate::engine::RuleSet::new(&crate::config::LoadedConfig::default_config().config, &Default::default()).unwrap();
        let sentence = "The council met on Monday to discuss the budget, and members agreed that\nthe ferry timetable would be reviewed before the summer. ";
        let text = format!("Harbour Archive\n\n{}\n", sentence.repeat(12_000));
        let mut pieces = Vec::new();
        let mut findings = Vec::new();
        lint_input(&rules, std::path::Path::new("a.txt"), "a.txt", Source::Stdin(text.into_bytes()), FixMode::default(), None, &mut |r| {
            pieces.push(r.offset);
            findings.extend(r.diagnostics.iter().map(|d| d.rule.to_string()));
        })
        .unwrap();
        assert!(pieces.len() >= 2, "cut into chunks");
        assert!(findings.iter().all(|rule| rule != "sentence-case"), "{findings:?}");
        // one sentence in lowercase right after a cut: the chunks cut after whole lines
        let lowered = sentence.replace(". ", ".\nthe mayor spoke. ");
        let text = format!("Harbour Archive\n\n{}\n", lowered.repeat(11_000));
        let mut cases = 0;
        lint_input(&rules, std::path::Path::new("a.txt"), "a.txt", Source::Stdin(text.into_bytes()), FixMode::default(), None, &mut |r| {
            cases += r.diagnostics.iter().filter(|d| d.rule == "sentence-case").count();
        })
        .unwrap();
        assert_eq!(cases, 11_000, "every lowercase sentence start, at a cut or not");
    }

    /// An editor buffer is linted as the file would be: an article as one document (as the
    /// library's Linter does), a long or dense text chunk by chunk, with the file's findings.
    #[test]
    fn a_buffer_is_linted_as_its_file_is() {
        use super::{lint_buffer, lint_input, FixMode, Source};
        use crate::document::Format;
        let rules = std::sync::Arc::new(
            crate::engine::RuleSet::new(&crate::config::LoadedConfig::default_config().config, &Default::default()).unwrap(),
        );
        let article = "A Title\n\nThe council met sence Monday.Everyone cheered.\n";
        let linter = crate::engine::Linter::from_rules(rules.clone());
        for kind in [Format::PlainText, Format::Markdown] {
            assert_eq!(lint_buffer(&rules, article, kind), linter.lint(article, kind));
        }
        let dense =
            format!("Archive\n\n{}The council met sence Monday.Everyone cheered.\n{}", "Ok.\n".repeat(40_000), "Ok.\n".repeat(9_000));
        let (mut from_file, mut chunks) = (Vec::new(), 0);
        let source = Source::Stdin(dense.clone().into_bytes());
        lint_input(&rules, std::path::Path::new("a.txt"), "a.txt", source, FixMode::default(), None, &mut |r| {
            chunks += 1;
            from_file.extend(r.diagnostics.iter().map(|d| (d.rule.to_string(), d.span.start + r.offset, d.message.clone())));
        })
        .unwrap();
        assert!(chunks >= 2, "the file is linted in chunks");
        let found: Vec<_> =
            lint_buffer(&rules, &dense, Format::PlainText).into_iter().map(|d| (d.rule.to_string(), d.span.start, d.message)).collect();
        assert!(from_file.iter().any(|(rule, ..)| rule == "typo"), "{from_file:?}");
        assert_eq!(found, from_file);
    }

    /// The walk's size is a guess: a file read whole is every byte it holds when read, whether
    /// it grew, shrank or stayed the size the walk found (and an empty file is empty).
    #[test]
    fn a_file_is_read_whole_whatever_the_size_guessed() {
        let dir = tempfile::Builder::new().prefix("copydesk-read").tempdir_in(std::env::temp_dir()).unwrap();
        let path = dir.path().join("a.txt");
        for len in [0usize, 1, 7, 4096, 70_000] {
            let bytes: Vec<u8> = (0..len).map(|i| b'a' + (i % 26) as u8).collect();
            std::fs::write(&path, &bytes).unwrap();
            for guess in [0, 1, len as u64 / 2, len as u64, len as u64 + 1, 3 * len as u64 + 5] {
                assert_eq!(read_whole(&path, guess).unwrap(), bytes, "{len} bytes, guessed {guess}");
            }
        }
        assert!(read_whole(&dir.path().join("missing.txt"), 10).is_err());
    }

    /// A reader that gives `data` in pieces of `step` bytes, then fails if `fail` is set.
    struct Pieces {
        data: Vec<u8>,
        at: usize,
        step: usize,
        fail: bool,
    }

    impl std::io::Read for Pieces {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            if self.at == self.data.len() && self.fail {
                return Err(std::io::Error::other("the writer went away"));
            }
            let n = self.step.min(buf.len()).min(self.data.len() - self.at);
            buf[..n].copy_from_slice(&self.data[self.at..self.at + n]);
            self.at += n;
            Ok(n)
        }
    }

    fn pieces(data: &[u8], step: usize, fail: bool) -> Pieces {
        Pieces { data: data.to_vec(), at: 0, step, fail }
    }

    #[test]
    fn a_stream_is_read_to_its_end_in_any_pieces() {
        let text = "The council met. ".repeat(10_000);
        let read = read_limited(&mut pieces(text.as_bytes(), 7, false), u64::MAX, false);
        assert_eq!((read.bytes, read.over, read.error.is_none()), (text.into_bytes(), false, true));
    }

    #[test]
    fn the_limit_stops_the_read_soon_after_it() {
        let text = vec![b'a'; 1 << 20];
        let read = read_limited(&mut pieces(&text, 4096, false), 10_000, false);
        assert!(read.over);
        assert!(read.bytes.len() > 10_000 && read.bytes.len() <= 10_000 + 4096, "{}", read.bytes.len());
        // exactly at the limit is not over it
        let read = read_limited(&mut pieces(&text[..10_000], 4096, false), 10_000, false);
        assert!(!read.over && read.bytes.len() == 10_000);
    }

    #[test]
    fn binary_stops_the_read_unless_all_of_it_is_wanted() {
        let zeros = vec![0u8; 1 << 20];
        let read = read_limited(&mut pieces(&zeros, 64 << 10, false), u64::MAX, false);
        assert!(read.bytes.len() < zeros.len() && !read.over);
        // a filter echoes every byte
        let read = read_limited(&mut pieces(&zeros, 64 << 10, false), u64::MAX, true);
        assert_eq!(read.bytes.len(), zeros.len());
    }

    #[test]
    fn a_failed_read_keeps_what_came_before_it() {
        let read = read_limited(&mut pieces(b"The council met.", 5, true), u64::MAX, false);
        assert_eq!(read.bytes, b"The council met.");
        assert!(read.error.is_some_and(|e| e.to_string().contains("went away")));
    }
}
