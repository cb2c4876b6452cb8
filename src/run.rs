//! A whole run over many inputs: standard input or the files under some paths, linted in
//! parallel through the [pipeline](crate::pipeline::lint_input) and rendered in path order by
//! one [`Printer`]. Memory is bounded by bytes in flight, not by file count (see [`InFlight`]):
//! a file starts only while the files started and not yet printed fit the budget, each file's
//! report is rendered on its worker in pieces, written as soon as every file before it is
//! printed (kept until then), and a huge file is linted alone with its chunks printed as they
//! come. `copydesk baseline` uses the same
//! inputs and pipeline.

use crate::baseline::{self, Allowance, Baseline};
use crate::diagnostic::Severity;
use crate::pipeline::{FileMeta, FileResult, FixMode, Source};
use crate::report::{self, Format, Printer, Summary};
use crate::workspace::{FileError, Workspace};
use rayon::prelude::*;
use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};

/// The smallest in-flight budget: many small files may be in flight at once.
pub const MIN_IN_FLIGHT: u64 = 4 << 20;
/// What a file costs in the budget at least, however small: its report, its task.
pub const MIN_FILE_COST: u64 = 4 << 10;

/// The budget of bytes in flight: files being linted, or linted and waiting for an earlier one
/// to be printed. Each worker thread holds one file's working set (its text, document and
/// findings: about eleven times the file), and the budget lets in as many files again waiting
/// to be printed, so that a slow file does not idle the other threads:
/// `2 × threads × largest` (fewer threads when the working budget below holds fewer files of
/// the largest size; at least [`MIN_IN_FLIGHT`]). A report comes in pieces: those of the
/// file whose turn it is are written as they come, so its report is never held whole; a file
/// waiting for an earlier one costs the larger of its size and its pieces kept (a dense file's
/// SARIF is six times the file), which hold the budget until they are written. Peak memory is
/// then about the rule sets plus the working sets plus the pieces waiting, whatever the
/// number of files.
///
/// The working sets being linted are bounded too, whatever `--threads`: a file being linted
/// counts [`WORKING_SET_FACTOR`] times its size, and files start only while those add up to
/// [`WORKING_BUDGET`] (one file always may). Articles of a few kilobytes run on every thread;
/// files of megabytes run a few at a time, so that more threads never mean more memory than
/// the goal of `64 MB + threads × largest file`.
#[derive(Debug, Clone)]
pub struct InFlight {
    budget: u64,
    used: u64,
    files: usize,
    working: u64,
}

/// What a file being linted holds at its peak, per byte of the file: text, document model,
/// evidence and findings (about 10× on a defect-dense generated corpus, less on news).
pub const WORKING_SET_FACTOR: u64 = 10;
/// The most the files being linted at once may hold, counted with [`WORKING_SET_FACTOR`]:
/// two 2 MiB files, forty-eight of 100 KB.
pub const WORKING_BUDGET: u64 = 48 << 20;

impl InFlight {
    /// The budget for `threads` workers whose largest file is `largest` bytes: two files for
    /// each file of that size that can be linted at once (the threads, or fewer when the
    /// [`WORKING_BUDGET`] holds fewer), so that more threads do not mean more reports waiting
    /// for large files that are linted two at a time anyway.
    pub fn new(threads: usize, largest: u64) -> InFlight {
        let largest = largest.max(MIN_FILE_COST);
        let at_once = (threads.max(1) as u64).min((WORKING_BUDGET / largest.saturating_mul(WORKING_SET_FACTOR)).max(1));
        let budget = (2 * at_once).saturating_mul(largest).max(MIN_IN_FLIGHT);
        InFlight { budget, used: 0, files: 0, working: 0 }
    }

    pub fn budget(&self) -> u64 {
        self.budget
    }

    /// The bytes of the files in flight.
    pub fn used(&self) -> u64 {
        self.used
    }

    fn cost(len: u64) -> u64 {
        len.max(MIN_FILE_COST)
    }

    fn working_set(len: u64) -> u64 {
        Self::cost(len).saturating_mul(WORKING_SET_FACTOR)
    }

    /// Whether a file of `len` bytes may start now: it fits both budgets, or nothing is in
    /// flight (a file larger than a budget goes alone).
    pub fn admits(&self, len: u64) -> bool {
        self.files == 0 || (self.used + Self::cost(len) <= self.budget && self.working + Self::working_set(len) <= WORKING_BUDGET)
    }

    /// A file of `len` bytes starts.
    pub fn start(&mut self, len: u64) {
        self.used += Self::cost(len);
        self.files += 1;
        self.working += Self::working_set(len);
    }

    /// A started file of `len` bytes was linted: its working set is gone (its report's pieces
    /// may still wait, see [`buffered`](InFlight::buffered)).
    pub fn linted(&mut self, len: u64) {
        self.working -= Self::working_set(len);
    }

    /// The working sets of the files being linted, as counted.
    pub fn working(&self) -> u64 {
        self.working
    }

    /// What a report of `report` bytes costs beyond its file of `len` bytes.
    fn extra(len: u64, report: u64) -> u64 {
        report.saturating_sub(Self::cost(len))
    }

    /// The report of a started file of `len` bytes kept waiting to be printed went from `from`
    /// to `to` bytes: pieces came before its turn, or were written.
    pub fn buffered(&mut self, len: u64, from: u64, to: u64) {
        self.used = self.used - Self::extra(len, from) + Self::extra(len, to);
    }

    /// A file of `len` bytes was printed (its report's pieces kept are written: see
    /// [`buffered`](InFlight::buffered)).
    pub fn done(&mut self, len: u64) {
        self.used -= Self::cost(len);
        self.files -= 1;
    }
}

pub use crate::pipeline::DEFAULT_MAX_FILE_SIZE;

/// The inputs of a run: standard input (under a name), or the files found under the paths
/// (FIFOs and devices named among them are read up to `max_pipe_bytes`).
pub enum Inputs {
    Stdin(String, Vec<u8>),
    /// The files in report order, each with its metadata as gathered (`None`: it could not be
    /// read then; the lint reports why).
    Files {
        files: Vec<PathBuf>,
        metadata: Vec<Option<std::fs::Metadata>>,
        max_pipe_bytes: u64,
    },
}

/// How inputs are gathered: the size limit, and whether standard input is a filter
/// (`--fix -`, whose input must come back unchanged when it cannot be fixed).
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    pub max_file_size: u64,
    pub filter: bool,
}

/// How a walk chooses files: `no_ignore` (ignore files off), `force_exclude` (excludes apply to
/// named paths too), and the limits.
#[derive(Debug, Clone, Copy, Default)]
pub struct Gather {
    pub no_ignore: bool,
    pub force_exclude: bool,
    pub limits: Limits,
}

/// `--threads` above this is clamped: more threads than this only cost memory.
pub const MAX_THREADS: usize = 256;
/// The exit code of a run stopped by Ctrl-C (128 + SIGINT), as shells report it.
pub const EXIT_INTERRUPTED: i32 = 130;

/// Sets the worker pool to `requested` threads (clamped to [`MAX_THREADS`]); returns a note
/// when it had to clamp.
pub fn configure_threads(requested: Option<usize>) -> Option<String> {
    let n = requested.filter(|&n| n > 0)?;
    let _ = rayon::ThreadPoolBuilder::new().num_threads(n.min(MAX_THREADS)).build_global();
    (n > MAX_THREADS).then(|| format!("--threads {n} clamped to {MAX_THREADS}"))
}

/// Buffers at least this large are mapped from the kernel and returned to it when freed
/// (glibc's `M_MMAP_THRESHOLD`; see [`tune_allocator`]).
pub const MMAP_THRESHOLD: usize = 128 << 10;

/// Keeps peak memory to what is in flight. glibc's malloc raises its mmap threshold to the size
/// of each large buffer freed (up to 32 MiB), so once a 2 MiB file has been linted, the next
/// file's text, word table and report (megabytes each) come from the heap arenas, whose freed
/// space is reused only in part and never returned: peak RSS grew by the fragments of every
/// file before. A fixed threshold keeps every large buffer mapped: it is returned to the kernel
/// when freed, a growing one is moved by `mremap` (not copied), and only its touched pages
/// count. Returns whether it was set; elsewhere (musl, macOS, Windows) it does nothing.
pub fn tune_allocator() -> bool {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallopt only sets a malloc parameter; it is called before any worker thread
    // starts, and an unknown parameter is refused with 0, never undefined behaviour.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, MMAP_THRESHOLD as libc::c_int) == 1
    }
    #[cfg(not(all(target_os = "linux", target_env = "gnu")))]
    false
}

/// Files of this size or more give the allocator's free memory back once linted and rendered
/// (see [`release_free_memory`]).
pub const TRIM_AFTER: usize = 1 << 20;

/// Hands the allocator's free memory back to the system: after a large document, each worker's
/// arena keeps the pages of its many small allocations (findings, evidence) though they are
/// free, and two workers' high-water marks add up. glibc only; a few milliseconds, so only
/// after files of a megabyte or more.
pub fn release_free_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim only returns free memory to the kernel; it is thread-safe in glibc.
    unsafe {
        libc::malloc_trim(0);
    }
}

/// Ctrl-C deletes the temp files of fixes in progress (never a `.copydesk-*.tmp` left beside
/// an article), lets an in-place rewrite finish, then exits with [`EXIT_INTERRUPTED`].
/// After [`defer_interrupts`] (`--watch`), the first Ctrl-C only sets [`interrupted`]; a
/// second one exits.
pub fn install_interrupt_handler() {
    let _ = ctrlc::set_handler(|| {
        if DEFERRED.load(Ordering::SeqCst) && !INTERRUPTED.swap(true, Ordering::SeqCst) {
            return;
        }
        crate::fix::cleanup_temps_then(|| std::process::exit(EXIT_INTERRUPTED))
    });
}

static DEFERRED: AtomicBool = AtomicBool::new(false);
static INTERRUPTED: AtomicBool = AtomicBool::new(false);

/// From now on Ctrl-C asks to stop (see [`interrupted`]) instead of exiting at once: for a
/// loop that ends on Ctrl-C with its own exit code. Never used with `--fix`.
pub fn defer_interrupts() {
    DEFERRED.store(true, Ordering::SeqCst);
}

/// Ctrl-C was pressed since [`defer_interrupts`].
pub fn interrupted() -> bool {
    INTERRUPTED.load(Ordering::SeqCst)
}

impl Default for Limits {
    fn default() -> Self {
        Limits { max_file_size: DEFAULT_MAX_FILE_SIZE, filter: false }
    }
}

impl Inputs {
    /// `-` alone reads standard input (named `stdin_name`, default `<stdin>`); otherwise the
    /// files under `paths` (default: the current directory). Unreadable input, unwalkable
    /// paths, named non-regular files and inputs over the size limit are added to `errors`;
    /// what a walk skipped (FIFOs, devices, sockets) to `notes`; `log`, when given, hears
    /// each skipped and linted file (`--verbose`).
    pub fn gather(
        workspace: &Workspace,
        paths: &[PathBuf],
        stdin_name: Option<&str>,
        gather: Gather,
        log: Option<&mut dyn FnMut(&str)>,
        errors: &mut Vec<String>,
        notes: &mut Vec<String>,
    ) -> Inputs {
        if paths.len() == 1 && paths[0].as_os_str() == "-" {
            let name = stdin_name.unwrap_or("<stdin>").to_string();
            let bytes = read_stdin(&name, gather.limits, errors);
            return Inputs::Stdin(name, bytes);
        }
        let roots: Vec<PathBuf> = if paths.is_empty() { vec![PathBuf::from(".")] } else { paths.to_vec() };
        let limits = gather.limits;
        let (files, walk_errors) = workspace.files(&roots, gather.no_ignore, gather.force_exclude);
        for e in walk_errors {
            let line = format!("{}: {}", display_path(&e.path), e.message);
            if e.skipped {
                notes.push(line);
            } else {
                errors.push(line);
            }
        }
        // Each file's metadata, asked once and on the workers: the lint needs each size before
        // it starts a file, and two stats per file in turn on the main thread (here and again
        // in `lint`) held the workers idle for the first 16 ms of a 110 ms run over news-clean
        // (under perf; 11 ms now).
        let metadata: Vec<Option<std::fs::Metadata>> = files.par_iter().map(|f| std::fs::metadata(f).ok()).collect();
        let (files, metadata): (Vec<PathBuf>, Vec<Option<std::fs::Metadata>>) = files
            .into_iter()
            .zip(metadata)
            .filter(|(f, m)| match m {
                Some(m) if m.len() > limits.max_file_size => {
                    errors.push(format!("{}: {}", display_path(f), too_large(m.len(), limits.max_file_size)));
                    false
                }
                _ => true,
            })
            .unzip();
        if let Some(log) = log {
            for (path, reason) in workspace.skipped(&roots, &files) {
                log(&format!("skipped {}: {reason}", display_path(&path)));
            }
            for path in &files {
                log(&format!("linting {} with {}", display_path(path), workspace.config_name(path)));
            }
        }
        Inputs::Files { files, metadata, max_pipe_bytes: limits.max_file_size }
    }

    pub fn is_stdin(&self) -> bool {
        matches!(self, Inputs::Stdin(..))
    }
}

fn too_large(len: u64, max: u64) -> String {
    format!("{len} bytes is over the size limit of {max} bytes (--max-file-size); not linted")
}

/// Standard input up to the size limit. A NUL byte in the first chunk (binary, `/dev/zero`)
/// stops the read at once unless it is a filter, which must echo all of its input: a filter
/// over the limit echoes what was read and copies the rest through unchanged, then fails.
fn read_stdin(name: &str, limits: Limits, errors: &mut Vec<String>) -> Vec<u8> {
    let mut stdin = std::io::stdin().lock();
    let read = crate::pipeline::read_limited(&mut stdin, limits.max_file_size, limits.filter);
    if let Some(e) = read.error {
        errors.push(format!("{name}: {e}"));
    }
    if read.over {
        errors.push(format!("{name}: standard input is over the size limit of {} bytes (--max-file-size)", limits.max_file_size));
        if limits.filter {
            let mut out = std::io::stdout().lock();
            let _ = out.write_all(&read.bytes).and_then(|_| std::io::copy(&mut stdin, &mut out)).and_then(|_| out.flush());
        }
        return Vec::new();
    }
    read.bytes
}

/// A path as reported: without a leading `./`.
pub fn display_path(path: &Path) -> String {
    let s = path.display().to_string();
    s.strip_prefix("./").map(str::to_string).unwrap_or(s)
}

/// How a lint run renders and judges its findings.
pub struct Settings {
    pub format: Format,
    pub options: report::Options,
    pub fix_mode: FixMode,
    /// A finding at or above this severity makes the run fail.
    pub fail_level: Severity,
    /// Each file's share of a baseline, if one was given, keyed by [`baseline::key`].
    pub allowances: HashMap<String, Allowance>,
    /// The directory relative paths are read from (for the baseline keys).
    pub cwd: PathBuf,
}

impl Settings {
    /// The baseline's allowance for `path`. Without a baseline, no key is made: a key
    /// resolves the path through the file system (a `readlink` per component).
    fn allowance(&self, path: &Path) -> Option<Allowance> {
        if self.allowances.is_empty() {
            return None;
        }
        self.allowances.get(&baseline::key(&self.cwd, path)).cloned()
    }
}

/// Exit codes: clean, findings at or above the fail level (or fixes pending with `--diff`),
/// usage, configuration or I/O error.
pub const EXIT_CLEAN: u8 = 0;
pub const EXIT_FINDINGS: u8 = 1;
pub const EXIT_ERROR: u8 = 2;

/// What the exit code makes of an outcome besides its findings and errors.
#[derive(Debug, Clone, Copy, Default)]
pub struct ExitPolicy {
    /// Exit 2, not 0, when no file was linted (`--error-on-no-files`).
    pub error_on_no_files: bool,
    /// Exit 0 even with findings (`--exit-zero`); errors still exit 2.
    pub exit_zero: bool,
}

/// The note for stderr when a walk found nothing to lint.
pub const NO_FILES: &str = "no files linted";

/// What a lint run produced besides the report.
#[derive(Default)]
pub struct Outcome {
    /// The input was standard input (never "no files linted").
    pub stdin: bool,
    pub total: Summary,
    /// A finding reached the fail level.
    pub failing: bool,
    /// Standard output was closed early (a pipe to `head`): diffs are no longer written.
    pub stdout_closed: bool,
    /// "path: message" for each input that could not be linted.
    pub errors: Vec<String>,
}

impl Outcome {
    /// No file was linted: the paths held none that `[files]` and the ignore files let
    /// through (skipped binary files do not count as linted).
    pub fn linted_nothing(&self) -> bool {
        !self.stdin && self.total.files == 0 && self.errors.is_empty()
    }

    /// The process's exit code under `policy`.
    pub fn exit_code(&self, policy: ExitPolicy) -> u8 {
        if !self.errors.is_empty() || (policy.error_on_no_files && self.linted_nothing()) {
            EXIT_ERROR
        } else if self.failing && !policy.exit_zero {
            EXIT_FINDINGS
        } else {
            EXIT_CLEAN
        }
    }
}

/// What a worker sends the printing thread: a piece of a file's report (in order), or a
/// batch of consecutive files done (each, or its panic), their reports held with them.
enum Message {
    Piece(usize, String),
    Done(Vec<(usize, std::thread::Result<Box<Rendered>>)>),
}

/// Small files go to the workers in batches of consecutive files, up to this many bytes or
/// [`BATCH_FILES`] files: one task and one message per batch instead of per file. On 2 cores,
/// waking a thread per file (a spawn, a piece, a file done) cost 5 to 7 % of the run in futex
/// calls and context switches on a corpus of 10 KB articles.
const BATCH_BYTES: u64 = 96 << 10;
const BATCH_FILES: usize = 16;
/// A file's report is held with it, and sent with its batch, while it stays under this many
/// bytes; a larger one is sent a piece at a time as it is rendered (the batch so far first, so
/// that files still arrive in order), as memory bounded by the in-flight budget requires.
const HELD_REPORT: usize = 64 << 10;

/// A file started and not yet printed: the pieces of its report that came before its turn,
/// and the file once done.
#[derive(Default)]
struct Pending {
    pieces: Vec<String>,
    bytes: u64,
    done: Option<Box<Rendered>>,
}

/// One linted input, rendered on its worker thread (`pieces` holds its report only for
/// standard input: a file's report comes in [`Message::Piece`]s, a huge file's is printed
/// chunk by chunk).
struct Rendered {
    name: String,
    pieces: Vec<String>,
    summary: Summary,
    meta: Result<FileMeta, FileError>,
}

/// Where a run writes: the report's printer, `out` for diffs (`--diff`) and fixed standard
/// input (`--fix -`) as each file is printed (the report then goes elsewhere, so the two never
/// mix), and `note` for lines meant for stderr that are not errors (skipped files, huge files
/// and `--diff`).
pub struct Sinks<'a, W: Write> {
    pub printer: &'a mut Printer<W>,
    pub out: &'a mut dyn Write,
    pub note: &'a (dyn Fn(&str) + Sync),
}

/// Lint every input and write the report pieces in order. The printer is left open for the
/// caller to finish with the total.
pub fn lint<W: Write>(
    workspace: &Workspace,
    inputs: Inputs,
    settings: &Settings,
    sinks: &mut Sinks<'_, W>,
    outcome: &mut Outcome,
) -> std::io::Result<()> {
    // Lints one input on a worker and hands its report to `piece` in pieces, in order.
    let process = |path: &Path, name: String, source: Source, piece: &mut dyn FnMut(String)| -> Rendered {
        let mut summary = Summary::new();
        let allowance = settings.allowance(path);
        let meta = workspace.lint_input(path, &name, source, settings.fix_mode, allowance, &mut |result: FileResult| {
            summary.add(&result);
            let large = result.source.len() >= TRIM_AFTER;
            report::render_file_in_pieces(settings.format, &result, &settings.options, report::FINDINGS_PER_PIECE, piece);
            drop(result);
            // A large document's findings and model are gone: their pages go back now.
            if large {
                release_free_memory();
            }
        });
        Rendered { name, pieces: Vec::new(), summary, meta }
    };
    match inputs {
        Inputs::Stdin(name, bytes) => {
            outcome.stdin = true;
            // Kept as pieces: the printer writes what goes between them (JSON's commas).
            let mut pieces = Vec::new();
            let mut rendered = process(Path::new(&name), name.clone(), Source::Stdin(bytes), &mut |piece| pieces.push(piece));
            rendered.pieces = pieces;
            emit(sinks, &[rendered], settings.fail_level, outcome)
        }
        Inputs::Files { files, metadata, max_pipe_bytes } => {
            let sizes: Vec<u64> = metadata.iter().map(|m| m.as_ref().map_or(0, |m| m.len())).collect();
            // FIFOs and devices named as paths are read by the main thread in their turn, as
            // huge files are linted: a pipe's writer may be waiting on an earlier one.
            let pipe: Vec<bool> = metadata.iter().map(|m| m.as_ref().is_some_and(|m| crate::pipeline::is_pipe(&m.file_type()))).collect();
            let huge: Vec<bool> = sizes.iter().zip(&pipe).map(|(&len, &pipe)| pipe || len > crate::stream::STREAM_THRESHOLD).collect();
            let largest = sizes.iter().zip(&huge).filter(|(_, &h)| !h).map(|(&len, _)| len).max().unwrap_or(0);
            let mut flight = InFlight::new(rayon::current_num_threads(), largest);
            // Workers send the pieces of each file's report, then the file done; the main
            // thread writes a piece at once when every earlier file is printed, keeps it until
            // then otherwise, and starts files while the budget allows.
            let (tx, rx) = std::sync::mpsc::channel::<Message>();
            let stop = std::sync::atomic::AtomicBool::new(false);
            let (process, stop) = (&process, &stop);
            rayon::in_place_scope(|scope| {
                let mut pending: std::collections::BTreeMap<usize, Pending> = std::collections::BTreeMap::new();
                let (mut started, mut printed) = (0, 0);
                let result = loop {
                    if printed == files.len() {
                        break Ok(());
                    }
                    while started < files.len() && !huge[started] && flight.admits(sizes[started]) {
                        let (first, mut bytes) = (started, 0);
                        while started < files.len()
                            && !huge[started]
                            && (started == first || (started - first < BATCH_FILES && bytes < BATCH_BYTES && flight.admits(sizes[started])))
                        {
                            flight.start(sizes[started]);
                            bytes += sizes[started];
                            started += 1;
                        }
                        let (tx, batch, batch_sizes) = (tx.clone(), &files[first..started], &sizes[first..started]);
                        scope.spawn(move |_| lint_batch(batch, batch_sizes, first, process, stop, &tx));
                    }
                    if printed == started {
                        // The next file is huge (or a pipe) and everything before it is printed.
                        let source = if pipe[started] { Source::Pipe(max_pipe_bytes) } else { Source::HugeFile };
                        if let Err(e) = lint_alone(workspace, &files[started], source, settings, sinks, outcome) {
                            break Err(e);
                        }
                        started += 1;
                        printed += 1;
                        continue;
                    }
                    let Ok(message) = rx.recv() else { break Ok(()) };
                    let mut written = Ok(());
                    match message {
                        Message::Piece(i, piece) if i == printed => written = sinks.printer.file(&piece),
                        Message::Piece(i, piece) => {
                            let p = pending.entry(i).or_default();
                            flight.buffered(sizes[i], p.bytes, p.bytes + piece.len() as u64);
                            p.bytes += piece.len() as u64;
                            p.pieces.push(piece);
                        }
                        Message::Done(batch) => {
                            for (i, rendered) in batch {
                                let mut r = rendered.unwrap_or_else(|panic| std::panic::resume_unwind(panic));
                                flight.linted(sizes[i]);
                                let p = pending.entry(i).or_default();
                                let held: u64 = r.pieces.iter().map(|piece| piece.len() as u64).sum();
                                flight.buffered(sizes[i], p.bytes, p.bytes + held);
                                p.bytes += held;
                                p.pieces.append(&mut r.pieces);
                                p.done = Some(r);
                            }
                        }
                    }
                    // Write what every earlier file being printed lets through: the pieces kept
                    // of the next file, and each file done.
                    while written.is_ok() {
                        let Some(p) = pending.get_mut(&printed) else { break };
                        for piece in p.pieces.drain(..) {
                            written = written.and_then(|()| sinks.printer.file(&piece));
                        }
                        flight.buffered(sizes[printed], p.bytes, 0);
                        p.bytes = 0;
                        let Some(r) = p.done.take() else { break };
                        pending.remove(&printed);
                        if written.is_ok() {
                            written = emit(sinks, std::slice::from_ref(&r), settings.fail_level, outcome);
                        }
                        flight.done(sizes[printed]);
                        printed += 1;
                    }
                    if let Err(e) = written {
                        break Err(e);
                    }
                };
                if result.is_err() {
                    stop.store(true, std::sync::atomic::Ordering::Relaxed);
                }
                result
            })
        }
    }
}

/// Lints one input on a worker and hands its report to the last argument in pieces, in order.
type LintOne<'a> = dyn Fn(&Path, String, Source, &mut dyn FnMut(String)) -> Rendered + Sync + 'a;

/// Lint a batch of consecutive files (the first numbered `first`) on a worker, in order. Each
/// file's report is held with it up to [`HELD_REPORT`] bytes and the batch sent when done; a
/// file with a larger report first sends the batch so far, then its report piece by piece.
fn lint_batch(
    files: &[PathBuf],
    sizes: &[u64],
    first: usize,
    process: &LintOne<'_>,
    stop: &AtomicBool,
    tx: &std::sync::mpsc::Sender<Message>,
) {
    let mut done = Vec::new();
    for ((i, path), &size) in (first..).zip(files).zip(sizes) {
        if stop.load(Ordering::Relaxed) {
            return;
        }
        let (mut held, mut held_bytes, mut streaming) = (Vec::new(), 0, false);
        let rendered = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            let mut send = |piece: String| {
                if !streaming && held_bytes + piece.len() <= HELD_REPORT {
                    held_bytes += piece.len();
                    held.push(piece);
                    return;
                }
                if !streaming {
                    streaming = true;
                    if !done.is_empty() {
                        let _ = tx.send(Message::Done(std::mem::take(&mut done)));
                    }
                    for piece in held.drain(..) {
                        let _ = tx.send(Message::Piece(i, piece));
                    }
                }
                let _ = tx.send(Message::Piece(i, piece));
            };
            let mut rendered = Box::new(process(path, display_path(path), Source::File(size), &mut send));
            rendered.pieces = std::mem::take(&mut held);
            rendered
        }));
        done.push((i, rendered));
    }
    let _ = tx.send(Message::Done(done));
}

/// A huge file (or a pipe) alone, its chunks printed as they are linted, each in pieces like
/// any file's report: memory stays bounded by the chunk size, not the file or its findings.
fn lint_alone<W: Write>(
    workspace: &Workspace,
    path: &Path,
    source: Source,
    settings: &Settings,
    sinks: &mut Sinks<'_, W>,
    outcome: &mut Outcome,
) -> std::io::Result<()> {
    let name = display_path(path);
    let mut summary = Summary::new();
    let allowance = settings.allowance(path);
    let mut written = Ok(());
    let meta = workspace.lint_input(path, &name, source, settings.fix_mode, allowance, &mut |result: FileResult| {
        summary.add(&result);
        // A chunk's report in pieces too (a defect-dense 8 MiB chunk's SARIF is tens of MB).
        report::render_file_in_pieces(settings.format, &result, &settings.options, report::FINDINGS_PER_PIECE, &mut |piece| {
            if written.is_ok() {
                written = sinks.printer.file(&piece);
            }
        });
    });
    written?;
    let rendered = [Rendered { name, pieces: Vec::new(), summary, meta }];
    emit(sinks, &rendered, settings.fail_level, outcome)
}

/// Print reports in order: report pieces to the printer, diffs and fixed stdin text to
/// `out`, notes to `note`, errors to the outcome.
fn emit<W: Write>(sinks: &mut Sinks<'_, W>, rendered: &[Rendered], threshold: Severity, outcome: &mut Outcome) -> std::io::Result<()> {
    let note = sinks.note;
    for r in rendered {
        match &r.meta {
            Err(message) => {
                outcome.errors.push(format!("{}: {message}", r.name));
                outcome.total.failed += 1;
            }
            Ok(meta) if meta.refused.is_some() => {
                for piece in &r.pieces {
                    sinks.printer.file(piece)?;
                }
                if let Some(echo) = &meta.stdin_fixed {
                    write_out(sinks.out, echo, outcome)?;
                }
                outcome.errors.push(format!("{}: {}", r.name, meta.refused.as_deref().unwrap_or("")));
                outcome.total.failed += 1;
            }
            Ok(meta) if meta.skipped.is_some() => note(&format!("skipped {}: {}", r.name, meta.skipped.as_deref().unwrap_or(""))),
            Ok(meta) => {
                outcome.total.merge_input(&r.summary);
                outcome.total.bytes += meta.bytes;
                outcome.total.fixed += meta.fixed;
                outcome.total.shown += meta.shown;
                // ruff's convention: `--diff` with fixes pending fails.
                outcome.failing |= meta.shown > 0;
                outcome.failing |=
                    [Severity::Error, Severity::Warning, Severity::Info].iter().any(|&s| s >= threshold && r.summary.count(s) > 0);
                for piece in &r.pieces {
                    sinks.printer.file(piece)?;
                }
                for bytes in [meta.diff.as_ref().map(String::as_bytes), meta.stdin_fixed.as_deref()].into_iter().flatten() {
                    write_out(sinks.out, bytes, outcome)?;
                }
                if let Some(n) = &meta.note {
                    note(n);
                }
            }
        }
    }
    Ok(())
}

/// Write to standard output unless it was closed; a broken pipe only marks it closed.
fn write_out(out: &mut dyn Write, bytes: &[u8], outcome: &mut Outcome) -> std::io::Result<()> {
    if outcome.stdout_closed {
        return Ok(());
    }
    match out.write_all(bytes) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {
            outcome.stdout_closed = true;
            Ok(())
        }
        other => other,
    }
}

/// Every finding of the inputs, as a baseline; "path: message" for inputs that failed.
pub fn baseline(workspace: &Workspace, inputs: Inputs, errors: &mut Vec<String>) -> Baseline {
    let entries_of = |path: &Path, name: String, source: Source| {
        let mut entries = Vec::new();
        let meta = workspace.lint_input(path, &name, source, FixMode::default(), None, &mut |r: FileResult| {
            entries.extend(r.diagnostics.iter().map(|d| baseline::entry(&r.path, &r.source, d)));
        });
        (name, meta.map(|_| entries))
    };
    let results: Vec<(String, Result<Vec<baseline::Entry>, FileError>)> = match inputs {
        Inputs::Stdin(name, bytes) => vec![entries_of(Path::new(&name), name.clone(), Source::Stdin(bytes))],
        Inputs::Files { files, max_pipe_bytes, .. } => {
            files.par_iter().map(|p| entries_of(p, display_path(p), Source::of(p, max_pipe_bytes))).collect()
        }
    };
    let mut entries = Vec::new();
    for (name, result) in results {
        match result {
            Ok(e) => entries.extend(e),
            Err(message) => errors.push(format!("{name}: {message}")),
        }
    }
    entries.sort();
    Baseline { version: 1, entries }
}

/// `copydesk baseline FILE`: record every finding of `inputs` in `file`, paths relative to its
/// folder. Returns how many were recorded; "path: message" for inputs that failed go to `errors`.
pub fn write_baseline(workspace: &Workspace, inputs: Inputs, file: &Path, cwd: &Path, errors: &mut Vec<String>) -> Result<usize, String> {
    let b = baseline(workspace, inputs, errors).relative_to_file(cwd, file);
    let json = serde_json::to_string_pretty(&b).unwrap_or_default() + "\n";
    std::fs::write(file, json).map_err(|e| format!("cannot write baseline {}: {e}", file.display()))?;
    Ok(b.entries.len())
}

/// `lint --input jsonl FILE|-`: one dataset, linted record by record ([`dataset::run`]).
pub struct DatasetJob {
    /// The JSONL file, or `-` for standard input.
    pub input: PathBuf,
    /// The name standard input is reported (and configured) as.
    pub stdin_name: Option<String>,
    pub settings: crate::dataset::Settings,
    /// The report (or, with `--fix`, the fixed records) goes here instead of standard output.
    pub output_file: Option<PathBuf>,
    pub fail_level: Severity,
    pub statistics: bool,
    pub exit: ExitPolicy,
}

/// Run a [`DatasetJob`]: the report to standard output (or `--output-file`); with `--fix`, the
/// fixed records there instead and the report to stderr. Bad records, the summary and
/// `--statistics` go to `say` (stderr), a message at a time. Returns the exit code; `Err` is a
/// usage or I/O error.
pub fn lint_dataset(workspace: &Workspace, job: &DatasetJob, say: &dyn Fn(&str)) -> Result<u8, String> {
    crate::dataset::check_format(job.settings.format)?;
    let stdin = job.input.as_os_str() == "-";
    let name = if stdin { job.stdin_name.clone().unwrap_or_else(|| "<stdin>".into()) } else { display_path(&job.input) };
    let config_path = if stdin { job.input.with_file_name(&name) } else { job.input.clone() };
    let rules = workspace.rules_for(&config_path).map_err(|e| e.to_string())?;
    let input: Box<dyn std::io::BufRead> = if stdin {
        Box::new(std::io::BufReader::with_capacity(1 << 20, std::io::stdin()))
    } else {
        let file = std::fs::File::open(&job.input).map_err(|e| format!("{name}: {e}"))?;
        Box::new(std::io::BufReader::with_capacity(1 << 20, file))
    };
    let fixing = job.settings.fix_mode.write;
    let cannot_write = |out: &Path, e: std::io::Error| format!("cannot write {}: {e}", out.display());
    let stdout = || std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
    // With --fix, --output-file receives the fixed records (whole, or not at all) and the
    // report goes to stderr; without, it receives the report.
    let (mut report, mut new_file): (Box<dyn Write>, Option<std::io::BufWriter<crate::fix::NewFile>>) = match &job.output_file {
        Some(out) if fixing && !stdin && std::fs::canonicalize(out).ok() == std::fs::canonicalize(&job.input).ok() => {
            return Err(format!("{}: --output-file is the input; write the fixed records elsewhere", out.display()))
        }
        Some(out) if fixing => {
            let file = crate::fix::NewFile::create(out).map_err(|e| cannot_write(out, e))?;
            (Box::new(std::io::stderr().lock()), Some(std::io::BufWriter::with_capacity(1 << 16, file)))
        }
        Some(out) => (Box::new(std::io::BufWriter::new(std::fs::File::create(out).map_err(|e| cannot_write(out, e))?)), None),
        None if fixing => (Box::new(std::io::stderr().lock()), None),
        None => (Box::new(stdout()), None),
    };
    let mut fixed_stdout = (fixing && new_file.is_none()).then(stdout);
    let mut bad = |line: usize, reason: &str| say(&format!("copydesk: error: {name}:{line}: {reason}"));
    let fixed: Option<&mut dyn Write> = match (new_file.as_mut(), fixed_stdout.as_mut()) {
        (Some(f), _) => Some(f),
        (None, Some(s)) => Some(s),
        (None, None) => None,
    };
    let sinks = crate::dataset::Sinks { report: &mut report, fixed, bad: &mut bad };
    let result = crate::dataset::run(&rules, input, &job.settings, sinks)
        .and_then(|o| report.flush().map(|_| o))
        .and_then(|o| fixed_stdout.as_mut().map_or(Ok(()), |s| s.flush()).map(|_| o));
    let outcome = match result {
        Ok(o) => o,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => return Ok(EXIT_CLEAN),
        Err(e) => return Err(format!("{name}: {e}")),
    };
    if let (Some(f), Some(out)) = (new_file, &job.output_file) {
        f.into_inner().map_err(|e| e.into_error()).and_then(|f| f.persist()).map_err(|e| cannot_write(out, e))?;
    }
    say(&format!("copydesk: {}", outcome.summary_line()));
    if job.statistics {
        say(report::record_statistics(&outcome.summary).trim_end());
    }
    Ok(if outcome.counts.bad > 0 || (job.exit.error_on_no_files && outcome.counts.read == 0) {
        EXIT_ERROR
    } else if outcome.failing(job.fail_level) && !job.exit.exit_zero {
        EXIT_FINDINGS
    } else {
        EXIT_CLEAN
    })
}

#[cfg(test)]
mod in_flight_tests {
    use super::*;

    #[test]
    fn the_budget_is_two_files_per_thread_of_the_largest_size() {
        assert_eq!(InFlight::new(2, 2 << 20).budget(), 8 << 20);
        assert_eq!(InFlight::new(8, 500 << 10).budget(), 8000 << 10, "eight 500 KiB files at once");
        assert_eq!(InFlight::new(8, 2 << 20).budget(), 8 << 20, "two 2 MiB files are linted at once, whatever the threads");
        assert_eq!(InFlight::new(8, 3 << 20).budget(), 6 << 20, "one 3 MiB file at once");
        assert_eq!(InFlight::new(2, 10).budget(), MIN_IN_FLIGHT, "small files: the floor");
        assert_eq!(InFlight::new(0, 1 << 30).budget(), 2 << 30, "no thread count: one");
    }

    #[test]
    fn a_file_larger_than_the_budget_goes_alone() {
        let mut f = InFlight::new(1, 1 << 20);
        assert!(f.admits(100 << 20));
        f.start(100 << 20);
        assert!(!f.admits(1), "nothing else while it is in flight");
        f.done(100 << 20);
        assert!(f.admits(1));
        assert_eq!(f.used(), 0);
    }

    /// A report larger than its file (human, json, SARIF on a file with many findings) costs
    /// its own size while it waits: the next files wait until it is printed.
    #[test]
    fn a_report_waiting_to_be_printed_costs_its_size() {
        let mut f = InFlight::new(2, 2 << 20); // 8 MiB
        f.start(2 << 20);
        f.start(2 << 20);
        f.linted(2 << 20);
        f.linted(2 << 20);
        assert!(f.admits(2 << 20));
        f.buffered(2 << 20, 0, 4 << 20); // the second file's SARIF report comes in pieces
        f.buffered(2 << 20, 4 << 20, 10 << 20);
        assert_eq!(f.used(), 12 << 20);
        assert!(!f.admits(1), "nothing starts while the large report waits");
        f.buffered(2 << 20, 0, 1 << 20); // a report smaller than its file costs the file
        assert_eq!(f.used(), 12 << 20);
        f.buffered(2 << 20, 1 << 20, 0);
        f.done(2 << 20);
        f.buffered(2 << 20, 10 << 20, 0); // its turn: the pieces are written
        assert_eq!(f.used(), 2 << 20);
        f.done(2 << 20);
        assert_eq!(f.used(), 0);
        assert!(f.admits(2 << 20));
    }

    /// More threads never mean more working sets of large files at once: two 2 MiB files are
    /// linted together whatever the thread count, while small articles run many at once.
    #[test]
    fn large_files_are_linted_a_few_at_a_time_whatever_the_threads() {
        let mut f = InFlight::new(8, 2 << 20);
        f.start(2 << 20);
        assert!(f.admits(2 << 20));
        f.start(2 << 20);
        assert!(!f.admits(2 << 20), "a third 2 MiB file waits for a working set to go");
        assert!(!f.admits(1 << 20));
        f.linted(2 << 20);
        assert!(f.admits(2 << 20), "one was linted: the next starts while its report waits");
        let mut g = InFlight::new(8, 12 << 10);
        for _ in 0..200 {
            assert!(g.admits(12 << 10));
            g.start(12 << 10);
        }
        assert!(g.working() <= WORKING_BUDGET);
        let mut h = InFlight::new(2, 7 << 20);
        h.start(7 << 20);
        assert!(!h.admits(7 << 20), "a file past the working budget is linted alone");
        h.linted(7 << 20);
        h.done(7 << 20);
        assert!(h.admits(7 << 20));
    }

    /// Files start in order while the budget admits them and finish in any order; a file is
    /// printed (and leaves the budget) only after every earlier one: the bytes in flight never
    /// exceed the budget (or one file), whatever the count of files.
    #[test]
    fn bytes_in_flight_stay_within_the_budget_whatever_the_count_of_files() {
        let mut seed = 12345u64;
        let mut rand = move |n: u64| {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            (seed >> 33) % n
        };
        let sizes: Vec<u64> = (0..5000).map(|_| if rand(10) == 0 { 2 << 20 } else { rand(64 << 10) }).collect();
        let largest = *sizes.iter().max().unwrap();
        let mut flight = InFlight::new(4, largest);
        let (mut started, mut printed) = (0, 0);
        let mut finished = std::collections::BTreeSet::new();
        let mut peak_files = 0;
        while printed < sizes.len() {
            while started < sizes.len() && flight.admits(sizes[started]) {
                flight.start(sizes[started]);
                started += 1;
            }
            assert!(flight.used() <= flight.budget(), "{} in flight over {}", flight.used(), flight.budget());
            peak_files = peak_files.max(started - printed);
            // Some started file finishes (not necessarily the oldest).
            let running: Vec<usize> = (printed..started).filter(|i| !finished.contains(i)).collect();
            let done = running[rand(running.len() as u64) as usize];
            flight.linted(sizes[done]);
            finished.insert(done);
            while finished.remove(&printed) {
                flight.done(sizes[printed]);
                printed += 1;
            }
        }
        assert_eq!(flight.used(), 0);
        assert!(peak_files > 8, "small files run many at once ({peak_files})");
        assert!(peak_files < 5000);
    }
}
