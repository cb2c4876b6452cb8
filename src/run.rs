//! A whole run over many inputs: standard input or the files under some paths, linted in
//! parallel through the [pipeline](crate::pipeline::lint_input) and rendered in path order by
//! one [`Printer`]. Memory stays bounded on any corpus: files go in batches of [`BATCH`],
//! each file's report is rendered on its worker, and a huge file is linted alone with its
//! chunks printed as they come. `copydesk baseline` uses the same inputs and pipeline.

use crate::baseline::{self, Allowance, Baseline};
use crate::diagnostic::Severity;
use crate::pipeline::{FileMeta, FileResult, FixMode, Source};
use crate::report::{self, Format, Printer, Summary};
use crate::workspace::{FileError, Workspace};
use rayon::prelude::*;
use std::collections::HashMap;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

/// Files are linted in parallel in batches of this many and printed in path order after each
/// batch: output is deterministic and memory stays bounded on any corpus.
pub const BATCH: usize = 256;

/// The inputs of a run: standard input (under a name), or the files found under the paths.
pub enum Inputs {
    Stdin(String, Vec<u8>),
    Files(Vec<PathBuf>),
}

impl Inputs {
    /// `-` alone reads standard input (named `stdin_name`, default `<stdin>`); otherwise the
    /// files under `paths` (default: the current directory). Unreadable input and unwalkable
    /// paths are added to `errors`. `walk` is (no_ignore, force_exclude).
    pub fn gather(
        workspace: &Workspace,
        paths: &[PathBuf],
        stdin_name: Option<&str>,
        walk: (bool, bool),
        log: Option<&mut dyn FnMut(&str)>,
        errors: &mut Vec<String>,
    ) -> Inputs {
        if paths.len() == 1 && paths[0].as_os_str() == "-" {
            let name = stdin_name.unwrap_or("<stdin>").to_string();
            let mut bytes = Vec::new();
            if let Err(e) = std::io::stdin().read_to_end(&mut bytes) {
                errors.push(format!("<stdin>: {e}"));
            }
            return Inputs::Stdin(name, bytes);
        }
        let roots: Vec<PathBuf> = if paths.is_empty() { vec![PathBuf::from(".")] } else { paths.to_vec() };
        let (files, walk_errors) = workspace.files(&roots, walk.0, walk.1);
        errors.extend(walk_errors.into_iter().map(|e| format!("{}: {}", e.path.display(), e.message)));
        if let Some(log) = log {
            for (path, reason) in workspace.skipped(&roots, &files) {
                log(&format!("skipped {}: {reason}", display_path(&path)));
            }
            for path in &files {
                log(&format!("linting {} with {}", display_path(path), workspace.config_name(path)));
            }
        }
        Inputs::Files(files)
    }

    pub fn is_stdin(&self) -> bool {
        matches!(self, Inputs::Stdin(..))
    }
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

/// One linted input, rendered on its worker thread.
struct Rendered {
    name: String,
    piece: String,
    summary: Summary,
    meta: Result<FileMeta, FileError>,
}

/// Where a run writes: the report's printer, `out` for diffs (`--diff`) and fixed standard
/// input (`--fix -`) as each batch is done (the report then goes elsewhere, so the two never
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
    let process = |path: &Path, name: String, source: Source| -> Rendered {
        let mut summary = Summary::new();
        let mut piece = String::new();
        let allowance = settings.allowances.get(&baseline::key(&settings.cwd, path)).cloned();
        let meta = workspace.lint_input(path, &name, source, settings.fix_mode, allowance, &mut |result: FileResult| {
            summary.add(&result);
            piece.push_str(&report::render_file(settings.format, &result, &settings.options));
        });
        Rendered { name, piece, summary, meta }
    };
    match inputs {
        Inputs::Stdin(name, bytes) => {
            outcome.stdin = true;
            let rendered = [process(Path::new(&name), name.clone(), Source::Stdin(bytes))];
            emit(sinks, &rendered, settings.fail_level, outcome)
        }
        Inputs::Files(files) => {
            let mut pending: Vec<&PathBuf> = Vec::new();
            for (n, path) in files.iter().enumerate() {
                let huge = matches!(Source::of(path), Source::HugeFile);
                if !huge {
                    pending.push(path);
                }
                if huge || pending.len() == BATCH || n + 1 == files.len() {
                    let rendered: Vec<Rendered> = pending.par_iter().map(|p| process(p, display_path(p), Source::File)).collect();
                    emit(sinks, &rendered, settings.fail_level, outcome)?;
                    pending.clear();
                }
                if huge {
                    // A huge file alone, its chunks printed as they are linted: memory stays
                    // bounded by the chunk size, not the file or its findings.
                    let name = display_path(path);
                    let mut summary = Summary::new();
                    let allowance = settings.allowances.get(&baseline::key(&settings.cwd, path)).cloned();
                    let mut written = Ok(());
                    let meta =
                        workspace.lint_input(path, &name, Source::HugeFile, settings.fix_mode, allowance, &mut |result: FileResult| {
                            summary.add(&result);
                            if written.is_ok() {
                                written = sinks.printer.file(&report::render_file(settings.format, &result, &settings.options));
                            }
                        });
                    written?;
                    let rendered = [Rendered { name, piece: String::new(), summary, meta }];
                    emit(sinks, &rendered, settings.fail_level, outcome)?;
                }
            }
            Ok(())
        }
    }
}

/// Print one batch in order: report pieces to the printer, diffs and fixed stdin text to
/// `out`, notes to `note`, errors to the outcome.
fn emit<W: Write>(sinks: &mut Sinks<'_, W>, rendered: &[Rendered], threshold: Severity, outcome: &mut Outcome) -> std::io::Result<()> {
    let note = sinks.note;
    for r in rendered {
        match &r.meta {
            Err(message) => {
                outcome.errors.push(format!("{}: {message}", r.name));
                outcome.total.failed += 1;
            }
            Ok(meta) if meta.skipped.is_some() => note(&format!("skipped {}: {}", r.name, meta.skipped.as_deref().unwrap_or(""))),
            Ok(meta) => {
                let mut summary = r.summary.clone();
                summary.files = 1;
                summary.bytes = meta.bytes;
                summary.fixed = meta.fixed;
                summary.shown = meta.shown;
                outcome.total.merge(&summary);
                // ruff's convention: `--diff` with fixes pending fails.
                outcome.failing |= meta.shown > 0;
                outcome.failing |=
                    [Severity::Error, Severity::Warning, Severity::Info].iter().any(|&s| s >= threshold && r.summary.count(s) > 0);
                sinks.printer.file(&r.piece)?;
                for text in [&meta.diff, &meta.stdin_fixed].into_iter().flatten() {
                    if outcome.stdout_closed {
                        break;
                    }
                    match sinks.out.write_all(text.as_bytes()) {
                        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => outcome.stdout_closed = true,
                        other => other?,
                    }
                }
                if let Some(n) = &meta.note {
                    note(n);
                }
            }
        }
    }
    Ok(())
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
        Inputs::Files(files) => files.par_iter().map(|p| entries_of(p, display_path(p), Source::of(p))).collect(),
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
