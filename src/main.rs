//! The binary: parse arguments, load config, lint in parallel, print one report, exit.
//! This is the only place that prints to the terminal or decides the exit code.

mod cli;

use clap::Parser;
use cli::{Cli, Color, Command, CommonArgs, FailLevel, LintArgs, RulesFormat};
use copydesk::config::{LoadError, LoadedConfig, CONFIG_FILE_NAME, DEFAULT_CONFIG};
use copydesk::diagnostic::{Diagnostic, Severity};
use copydesk::engine::{RuleSet, Selection};
use copydesk::report::{self, FileResult, Summary};
use copydesk::{baseline, fix, rules, stream, walk};
use rayon::prelude::*;
use std::collections::HashMap;
use std::io::{IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::{Arc, Mutex};
use std::time::Instant;

const EXIT_CLEAN: u8 = 0;
const EXIT_FINDINGS: u8 = 1;
const EXIT_ERROR: u8 = 2;

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { EXIT_ERROR } else { EXIT_CLEAN });
        }
    };
    let code = match cli.command {
        Command::Lint(args) => lint(args),
        Command::Rules { format } => list_rules(format),
        Command::Explain { id } => explain(&id),
        Command::Init => init(),
        Command::Baseline { file, paths, common } => write_baseline(&file, paths, &common),
    };
    ExitCode::from(code)
}

fn error(message: impl std::fmt::Display) {
    eprintln!("copydesk: error: {message}");
}

fn list_rules(format: RulesFormat) -> u8 {
    let mut out = String::new();
    match format {
        RulesFormat::Json => {
            let rows: Vec<_> = rules::ALL
                .iter()
                .map(|m| serde_json::json!({"id": m.id, "category": m.category.as_str(), "severity": m.default_severity.as_str(), "fix": m.fix, "summary": m.summary}))
                .collect();
            out = serde_json::to_string_pretty(&rows).expect("JSON") + "\n";
        }
        RulesFormat::Human => {
            out.push_str(&format!("{:<20} {:<15} {:<8} {:<12} {}\n", "ID", "CATEGORY", "SEVERITY", "FIX", "SUMMARY"));
            for m in rules::ALL {
                let fix = if m.fix.is_empty() { "-" } else { m.fix };
                out.push_str(&format!(
                    "{:<20} {:<15} {:<8} {:<12} {}\n",
                    m.id,
                    m.category.as_str(),
                    m.default_severity.as_str(),
                    fix,
                    m.summary
                ));
            }
        }
    }
    print!("{out}");
    EXIT_CLEAN
}

fn explain(id: &str) -> u8 {
    let Some(m) = rules::find(id) else {
        let best = rules::ALL.iter().map(|m| (strsim::jaro_winkler(id, m.id), m.id)).max_by(|a, b| a.0.total_cmp(&b.0));
        let hint = best.filter(|(s, _)| *s > 0.7).map(|(_, id)| format!(" (did you mean `{id}`?)")).unwrap_or_default();
        error(format!("unknown rule `{id}`{hint}; `copydesk rules` lists them"));
        return EXIT_ERROR;
    };
    let fix = if m.fix.is_empty() { "none".to_string() } else { m.fix.to_string() };
    println!(
        "{}\n\ncategory: {}   default severity: {}   fix: {}\n\n{}\n\n{}\n\nBad:\n  {}\n\nGood:\n  {}",
        m.id,
        m.category.as_str(),
        m.default_severity,
        fix,
        m.summary,
        m.explanation,
        m.bad.replace('\n', "\n  "),
        m.good.replace('\n', "\n  ")
    );
    EXIT_CLEAN
}

fn init() -> u8 {
    let path = Path::new(CONFIG_FILE_NAME);
    let file = std::fs::OpenOptions::new().write(true).create_new(true).open(path);
    match file.and_then(|mut f| f.write_all(DEFAULT_CONFIG.as_bytes())) {
        Ok(()) => {
            println!("wrote {CONFIG_FILE_NAME}");
            EXIT_CLEAN
        }
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            error(format!("{CONFIG_FILE_NAME} already exists; not overwriting it"));
            EXIT_ERROR
        }
        Err(e) => {
            error(format!("cannot write {CONFIG_FILE_NAME}: {e}"));
            EXIT_ERROR
        }
    }
}

/// One configuration (a lint-rules.toml, or the built-in default) compiled: its rule set and
/// one more per combination of matching `[[overrides]]`, built on first use.
struct Scope {
    config: LoadedConfig,
    base: Arc<RuleSet>,
    overrides: Vec<globset::GlobSet>,
    /// Override globs are relative to the config file's directory.
    root: PathBuf,
    cache: Mutex<HashMap<Vec<usize>, Arc<RuleSet>>>,
}

impl Scope {
    fn new(config: LoadedConfig, selection: &Selection, cwd: &Path) -> Result<Scope, String> {
        let base = RuleSet::new(&config.config, selection)?;
        let mut overrides = Vec::new();
        for o in &config.config.overrides {
            let mut set = globset::GlobSetBuilder::new();
            for p in &o.paths {
                set.add(globset::Glob::new(p).map_err(|e| format!("bad override glob `{p}`: {e}"))?);
            }
            overrides.push(set.build().map_err(|e| e.to_string())?);
        }
        let root = config.path.as_ref().and_then(|p| p.parent().map(Path::to_path_buf)).filter(|p| !p.as_os_str().is_empty());
        let root = root.unwrap_or_else(|| cwd.to_path_buf());
        let root = root.canonicalize().unwrap_or(root);
        Ok(Scope { config, base: Arc::new(base), overrides, root, cache: Mutex::new(HashMap::new()) })
    }

    /// The rule set for one file: the base, or the base with its matching overrides.
    fn rules_for(&self, path: &Path, selection: &Selection) -> Result<Arc<RuleSet>, String> {
        if self.overrides.is_empty() {
            return Ok(self.base.clone());
        }
        let absolute = path.canonicalize().unwrap_or_else(|_| path.to_path_buf());
        let relative = absolute.strip_prefix(&self.root).unwrap_or(path);
        let matching: Vec<usize> = self.overrides.iter().enumerate().filter(|(_, set)| set.is_match(relative)).map(|(i, _)| i).collect();
        if matching.is_empty() {
            return Ok(self.base.clone());
        }
        let mut cache = self.cache.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(rs) = cache.get(&matching) {
            return Ok(rs.clone());
        }
        let config = self.config.with_overrides(&matching);
        let rs = Arc::new(RuleSet::new(&config, selection)?);
        cache.insert(matching, rs.clone());
        Ok(rs)
    }
}

/// Which configuration applies to each file: `--config` for all of them, else the nearest
/// lint-rules.toml among the file's ancestors (ruff's rule), else the one found from the
/// current directory, else the built-in default. Each config is loaded once.
struct Engine {
    selection: Selection,
    /// `--config`, or the config found from the current directory: `[files]` and standard
    /// input use it.
    main: Arc<Scope>,
    explicit: bool,
    cwd: PathBuf,
    /// Directory → the nearest lint-rules.toml at or above it.
    nearest: Mutex<HashMap<PathBuf, Option<PathBuf>>>,
    /// Config file → its compiled scope, or the error already reported for it.
    scopes: Mutex<HashMap<PathBuf, Result<Arc<Scope>, String>>>,
}

impl Engine {
    fn load(common: &CommonArgs) -> Result<Engine, u8> {
        let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
        let config = match LoadedConfig::discover(common.config.as_deref(), &cwd) {
            Ok(c) => c,
            Err(e) => {
                report_load_error(e);
                return Err(EXIT_ERROR);
            }
        };
        let known: Vec<String> =
            rules::ALL.iter().map(|m| m.id.to_string()).chain(config.config.custom.iter().map(|c| c.id.clone())).collect();
        for id in common.select.iter().chain(&common.ignore) {
            if !known.contains(id) {
                let best = known.iter().map(|k| (strsim::jaro_winkler(id, k), k)).max_by(|a, b| a.0.total_cmp(&b.0));
                let hint = best.filter(|(s, _)| *s > 0.7).map(|(_, k)| format!(" (did you mean `{k}`?)")).unwrap_or_default();
                error(format!("unknown rule `{id}`{hint}"));
                return Err(EXIT_ERROR);
            }
        }
        let selection = Selection { select: common.select.clone(), ignore: common.ignore.clone() };
        let main_path = config.path.clone().map(|p| p.canonicalize().unwrap_or(p));
        let main = Arc::new(Scope::new(config, &selection, &cwd).map_err(|e| {
            error(e);
            EXIT_ERROR
        })?);
        let mut scopes = HashMap::new();
        if let Some(p) = main_path {
            scopes.insert(p, Ok(main.clone()));
        }
        let explicit = common.config.is_some();
        Ok(Engine { selection, main, explicit, cwd, nearest: Mutex::new(HashMap::new()), scopes: Mutex::new(scopes) })
    }

    /// The nearest lint-rules.toml at or above `dir`, remembered per directory.
    fn nearest_config(&self, dir: &Path) -> Option<PathBuf> {
        let mut visited = Vec::new();
        let mut found = None;
        {
            let memo = self.nearest.lock().unwrap_or_else(|p| p.into_inner());
            for d in dir.ancestors() {
                if let Some(known) = memo.get(d) {
                    found = known.clone();
                    break;
                }
                visited.push(d.to_path_buf());
                let candidate = d.join(CONFIG_FILE_NAME);
                if candidate.is_file() {
                    found = Some(candidate);
                    break;
                }
            }
        }
        let mut memo = self.nearest.lock().unwrap_or_else(|p| p.into_inner());
        for d in visited {
            memo.insert(d, found.clone());
        }
        found
    }

    /// The rule set for one file.
    fn rules_for(&self, path: &Path) -> Result<Arc<RuleSet>, String> {
        let scope = self.scope_for(path)?;
        scope.rules_for(path, &self.selection)
    }

    fn scope_for(&self, path: &Path) -> Result<Arc<Scope>, String> {
        if self.explicit {
            return Ok(self.main.clone());
        }
        let absolute = if path.is_absolute() { path.to_path_buf() } else { self.cwd.join(path) };
        let Some(dir) = absolute.parent() else { return Ok(self.main.clone()) };
        let Some(config_path) = self.nearest_config(dir) else { return Ok(self.main.clone()) };
        let config_path = config_path.canonicalize().unwrap_or(config_path);
        let mut scopes = self.scopes.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(scope) = scopes.get(&config_path) {
            return scope.clone();
        }
        let loaded = match LoadedConfig::discover(Some(&config_path), dir) {
            Ok(config) => Scope::new(config, &self.selection, &self.cwd).map(Arc::new),
            Err(e) => {
                report_load_error(e);
                Err(format!("invalid configuration {}", config_path.display()))
            }
        };
        scopes.insert(config_path, loaded.clone());
        loaded
    }
}

fn report_load_error(e: LoadError) {
    match e {
        LoadError::Io(path, e) => error(format!("cannot read config {}: {e}", path.display())),
        LoadError::Invalid(e) => eprintln!("{:?}", miette::Report::new(*e)),
    }
}

struct FixMode {
    write: bool,
    diff: bool,
    unsafe_fixes: bool,
}

fn display_path(path: &Path) -> String {
    let s = path.display().to_string();
    s.strip_prefix("./").map(str::to_string).unwrap_or(s)
}

/// What linting one input produced besides its findings.
#[derive(Default)]
struct FileMeta {
    bytes: usize,
    fixed: usize,
    diff: Option<String>,
    /// `--fix` on standard input: the fixed text, for stdout.
    stdin_fixed: Option<String>,
    /// Why the file was skipped (binary), if it was.
    skipped: Option<String>,
    /// A note for stderr that is not an error.
    note: Option<String>,
}

/// Text from bytes without copying when they are valid UTF-8.
fn into_text(bytes: Vec<u8>) -> (String, Option<(usize, usize)>) {
    match String::from_utf8(bytes) {
        Ok(text) => (text, None),
        Err(e) => {
            let decoded = copydesk::decode(e.as_bytes());
            (decoded.text.into_owned(), decoded.invalid)
        }
    }
}

/// Lint one text (a whole file or one chunk of a huge one), fixing it first if asked.
/// Returns the findings on the (possibly fixed) text, that text, and the fixes applied.
fn lint_text(
    text: String,
    invalid: Option<(usize, usize)>,
    name: &str,
    rules: &RuleSet,
    fix_mode: &FixMode,
) -> (Vec<Diagnostic>, String, usize, bool) {
    let decoded = copydesk::Decoded { text: std::borrow::Cow::Borrowed(&text), invalid };
    let diagnostics = copydesk::lint_bytes(&decoded, name, rules);
    if !(fix_mode.write || fix_mode.diff) || invalid.is_some() {
        return (diagnostics, text, 0, false);
    }
    let result = fix::fix_until_stable(&text, name, rules, fix_mode.unsafe_fixes);
    if result.text == text {
        return (diagnostics, text, 0, false);
    }
    let diagnostics = copydesk::lint_source(&result.text, name, rules);
    (diagnostics, result.text, result.applied, true)
}

/// Where an input comes from. Whether a file is huge is decided once, by the caller, which
/// needs to know anyway (huge files are linted on their own, between batches).
enum Source {
    Stdin(Vec<u8>),
    File,
    HugeFile,
}

impl Source {
    fn of(path: &Path) -> Source {
        if std::fs::metadata(path).is_ok_and(|m| m.len() > stream::STREAM_THRESHOLD) {
            Source::HugeFile
        } else {
            Source::File
        }
    }
}

/// Lint one input, calling `on_chunk` with each piece's results (one piece unless the file is
/// huge). Returns an error message when the file cannot be read or written.
fn lint_input(
    engine: &Engine,
    path: &Path,
    name: &str,
    source: Source,
    fix_mode: &FixMode,
    on_chunk: &mut dyn FnMut(FileResult),
) -> Result<FileMeta, String> {
    let rules = engine.rules_for(path)?;
    let mut meta = FileMeta::default();
    let is_stdin = matches!(source, Source::Stdin(_));
    let bytes = match source {
        Source::Stdin(bytes) => bytes,
        Source::File => std::fs::read(path).map_err(|e| e.to_string())?,
        Source::HugeFile => return lint_streamed(path, name, &rules, fix_mode, on_chunk),
    };
    meta.bytes = bytes.len();
    if copydesk::is_binary(&bytes) {
        meta.skipped = Some("binary file (contains NUL bytes)".into());
        return Ok(meta);
    }
    let (text, invalid) = into_text(bytes);
    let original = (fix_mode.diff || is_stdin).then(|| text.clone());
    let (diagnostics, text, applied, changed) = lint_text(text, invalid, name, &rules, fix_mode);
    if changed {
        if fix_mode.diff {
            meta.diff = Some(fix::unified_diff(name, original.as_deref().unwrap_or(""), &text));
        } else if is_stdin {
            meta.fixed = applied;
        } else {
            fix::write_atomic(path, text.as_bytes()).map_err(|e| format!("cannot write fixes: {e}; the file was left unchanged"))?;
            meta.fixed = applied;
        }
    }
    if is_stdin && fix_mode.write {
        meta.stdin_fixed = Some(text.clone());
    }
    on_chunk(FileResult::new(name.to_string(), text, diagnostics));
    Ok(meta)
}

/// A file over the streaming threshold: chunk by chunk, fixes written to a temp file that
/// replaces the original only if every chunk was valid text.
fn lint_streamed(
    path: &Path,
    name: &str,
    rules: &RuleSet,
    fix_mode: &FixMode,
    on_chunk: &mut dyn FnMut(FileResult),
) -> Result<FileMeta, String> {
    let file = std::fs::File::open(path).map_err(|e| e.to_string())?;
    let mut meta = FileMeta::default();
    let chunk_fix = FixMode { write: fix_mode.write, diff: false, unsafe_fixes: fix_mode.unsafe_fixes };
    if fix_mode.diff {
        meta.note = Some(format!("{name}: too large for --diff ({} MiB and over are linted in chunks)", stream::STREAM_THRESHOLD >> 20));
    }
    let mut out = if fix_mode.write { Some(fix::AtomicWriter::new(path).map_err(|e| format!("cannot write fixes: {e}"))?) } else { None };
    let (mut offset, mut first_line, mut any_invalid) = (0usize, 0usize, false);
    for (i, chunk) in stream::Chunks::new(std::io::BufReader::new(file), stream::CHUNK_SIZE).enumerate() {
        let bytes = chunk.map_err(|e| e.to_string())?;
        if i == 0 && copydesk::is_binary(&bytes) {
            meta.skipped = Some("binary file (contains NUL bytes)".into());
            return Ok(meta);
        }
        meta.bytes += bytes.len();
        let (text, invalid) = into_text(bytes);
        any_invalid |= invalid.is_some();
        let (mut diagnostics, text, applied, _) = lint_text(text, invalid, name, rules, &chunk_fix);
        // Positions refer to the file as it now is (fixed, when fixing).
        let lines = text.bytes().filter(|&b| b == b'\n').count();
        let len = text.len();
        if any_invalid && invalid.is_none() {
            diagnostics.retain(|d| d.rule != "invalid-utf8");
        }
        if let Some(w) = out.as_mut() {
            w.write(text.as_bytes()).map_err(|e| format!("cannot write fixes: {e}; the file was left unchanged"))?;
            meta.fixed += applied;
        }
        on_chunk(FileResult::chunk(name.to_string(), text, diagnostics, offset, first_line));
        offset += len;
        first_line += lines;
    }
    if let Some(w) = out {
        if any_invalid || meta.fixed == 0 {
            drop(w); // never rewrite a file with invalid UTF-8; nothing to do when nothing changed
            meta.fixed = 0;
        } else {
            w.commit().map_err(|e| format!("cannot write fixes: {e}; the file was left unchanged"))?;
        }
    }
    Ok(meta)
}

fn configure_threads(threads: Option<usize>) {
    if let Some(n) = threads.filter(|&n| n > 0) {
        let _ = rayon::ThreadPoolBuilder::new().num_threads(n).build_global();
    }
}

/// The inputs of a run: standard input, or the files found under the paths.
enum Inputs {
    Stdin(String, Vec<u8>),
    Files(Vec<PathBuf>),
}

fn inputs(engine: &Engine, paths: &[PathBuf], common: &CommonArgs, errors: &mut Vec<String>) -> Inputs {
    if paths.len() == 1 && paths[0].as_os_str() == "-" {
        let name = common.stdin_filename.clone().unwrap_or_else(|| "<stdin>".to_string());
        let mut bytes = Vec::new();
        if let Err(e) = std::io::stdin().read_to_end(&mut bytes) {
            errors.push(format!("<stdin>: {e}"));
        }
        return Inputs::Stdin(name, bytes);
    }
    let roots: Vec<PathBuf> = if paths.is_empty() { vec![PathBuf::from(".")] } else { paths.to_vec() };
    let (files, walk_errors) = walk::collect(&roots, &engine.main.config.config.files, common.no_ignore);
    errors.extend(walk_errors.into_iter().map(|e| format!("{}: {}", e.path.display(), e.message)));
    Inputs::Files(files)
}

/// Files are linted in parallel in batches of this many and printed in path order after each
/// batch: output is deterministic and memory stays bounded on any corpus.
const BATCH: usize = 256;

/// One linted input, rendered on its worker thread.
struct Rendered {
    name: String,
    piece: String,
    summary: Summary,
    meta: Result<FileMeta, String>,
}

fn lint(args: LintArgs) -> u8 {
    let started = Instant::now();
    configure_threads(args.common.threads);
    let engine = match Engine::load(&args.common) {
        Ok(e) => e,
        Err(code) => return code,
    };
    let mut allowances: HashMap<String, HashMap<baseline::Entry, usize>> = HashMap::new();
    if let Some(file) = &args.baseline {
        match std::fs::read_to_string(file)
            .map_err(|e| e.to_string())
            .and_then(|t| serde_json::from_str::<baseline::Baseline>(&t).map_err(|e| e.to_string()))
        {
            Ok(b) => {
                for (entry, n) in b.allowance() {
                    allowances.entry(entry.path.clone()).or_default().insert(entry, n);
                }
            }
            Err(e) => {
                error(format!("cannot read baseline {}: {e}", file.display()));
                return EXIT_ERROR;
            }
        }
    }
    let fix_mode = FixMode { write: args.fix, diff: args.diff, unsafe_fixes: args.unsafe_fixes };
    let color = match args.color {
        Color::Always => true,
        Color::Never => false,
        Color::Auto => std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none(),
    };
    let custom_rules = engine.main.config.config.custom.iter().map(|c| (c.id.clone(), c.message.clone())).collect();
    let options = report::Options { color, statistics: args.statistics, quiet: args.quiet, custom_rules };
    let threshold = match args.fail_level {
        FailLevel::Error => Severity::Error,
        FailLevel::Warning => Severity::Warning,
        FailLevel::Info => Severity::Info,
    };

    let mut errors = Vec::new();
    let inputs = inputs(&engine, &args.paths, &args.common, &mut errors);
    let is_stdin = matches!(inputs, Inputs::Stdin(..));
    // With --diff, stdout carries only the diff; with --fix on stdin, only the fixed text.
    let report_to_stderr = fix_mode.diff || (is_stdin && fix_mode.write);
    let sink: Box<dyn Write> = if report_to_stderr { Box::new(std::io::stderr().lock()) } else { Box::new(std::io::stdout().lock()) };
    let mut printer = match report::Printer::begin(args.format, options.clone(), std::io::BufWriter::new(sink)) {
        Ok(p) => p,
        Err(e) => {
            error(e);
            return EXIT_ERROR;
        }
    };
    let mut total = Summary::new();
    total.failed = errors.len(); // paths that could not be walked
    let mut failing = false;
    let mut stdout_text = String::new();

    let process = |path: &Path, name: String, source: Source| -> Rendered {
        let mut summary = Summary::new();
        let mut piece = String::new();
        let mut allowance = allowances.get(&name).cloned();
        let meta = lint_input(&engine, path, &name, source, &fix_mode, &mut |mut result: FileResult| {
            apply_baseline(allowance.as_mut(), &mut result);
            summary.add(&result);
            piece.push_str(&report::render_file(args.format, &result, &options));
        });
        Rendered { name, piece, summary, meta }
    };
    let run = || -> std::io::Result<()> {
        match inputs {
            Inputs::Stdin(name, bytes) => {
                let rendered = [process(Path::new(&name), name.clone(), Source::Stdin(bytes))];
                emit(&mut printer, &rendered, &mut total, &mut failing, threshold, &mut stdout_text, &mut errors)
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
                        emit(&mut printer, &rendered, &mut total, &mut failing, threshold, &mut stdout_text, &mut errors)?;
                        pending.clear();
                    }
                    if huge {
                        // A huge file alone, its chunks printed as they are linted: memory stays
                        // bounded by the chunk size, not the file or its findings.
                        let name = display_path(path);
                        let mut summary = Summary::new();
                        let mut allowance = allowances.get(&name).cloned();
                        let mut written = Ok(());
                        let meta = lint_input(&engine, path, &name, Source::HugeFile, &fix_mode, &mut |mut result: FileResult| {
                            apply_baseline(allowance.as_mut(), &mut result);
                            summary.add(&result);
                            if written.is_ok() {
                                written = printer.file(&report::render_file(args.format, &result, &options));
                            }
                        });
                        written?;
                        let rendered = [Rendered { name, piece: String::new(), summary, meta }];
                        emit(&mut printer, &rendered, &mut total, &mut failing, threshold, &mut stdout_text, &mut errors)?;
                    }
                }
                Ok(())
            }
        }
    };
    if let Err(e) = run() {
        if e.kind() != std::io::ErrorKind::BrokenPipe {
            error(e);
        }
        return EXIT_ERROR;
    }
    total.elapsed_ms = started.elapsed().as_millis();
    let finished = printer.finish(&total).and_then(|_| {
        let mut stdout = std::io::stdout().lock();
        stdout.write_all(stdout_text.as_bytes())?;
        stdout.flush()
    });
    if let Err(e) = finished {
        if e.kind() != std::io::ErrorKind::BrokenPipe {
            error(e);
            return EXIT_ERROR;
        }
    }
    for e in &errors {
        error(e);
    }
    if !errors.is_empty() {
        EXIT_ERROR
    } else if failing {
        EXIT_FINDINGS
    } else {
        EXIT_CLEAN
    }
}

/// Drop the findings a baseline already records (this file's share of it).
fn apply_baseline(allowance: Option<&mut HashMap<baseline::Entry, usize>>, result: &mut FileResult) {
    if let Some(allowance) = allowance {
        let mut diagnostics = std::mem::take(&mut result.diagnostics);
        baseline::filter(allowance, &result.path, &result.source, &mut diagnostics);
        result.diagnostics = diagnostics;
    }
}

/// Print one batch in order: report pieces to the printer, diffs and fixed stdin text to
/// stdout (after the report), notes and errors to stderr.
fn emit<W: Write>(
    printer: &mut report::Printer<W>,
    rendered: &[Rendered],
    total: &mut Summary,
    failing: &mut bool,
    threshold: Severity,
    stdout_text: &mut String,
    errors: &mut Vec<String>,
) -> std::io::Result<()> {
    for r in rendered {
        match &r.meta {
            Err(message) => {
                errors.push(format!("{}: {message}", r.name));
                total.failed += 1;
            }
            Ok(meta) if meta.skipped.is_some() => {
                eprintln!("copydesk: note: skipped {}: {}", r.name, meta.skipped.as_deref().unwrap_or(""))
            }
            Ok(meta) => {
                let mut summary = r.summary.clone();
                summary.files = 1;
                summary.bytes = meta.bytes;
                summary.fixed = meta.fixed;
                total.merge(&summary);
                *failing |= [Severity::Error, Severity::Warning, Severity::Info].iter().any(|&s| s >= threshold && r.summary.count(s) > 0);
                printer.file(&r.piece)?;
                if let Some(diff) = &meta.diff {
                    stdout_text.push_str(diff);
                }
                if let Some(text) = &meta.stdin_fixed {
                    stdout_text.push_str(text);
                }
                if let Some(note) = &meta.note {
                    eprintln!("copydesk: note: {note}");
                }
            }
        }
    }
    Ok(())
}

fn write_baseline(file: &Path, paths: Vec<PathBuf>, common: &CommonArgs) -> u8 {
    configure_threads(common.threads);
    let engine = match Engine::load(common) {
        Ok(e) => e,
        Err(code) => return code,
    };
    let mut errors = Vec::new();
    let fix_mode = FixMode { write: false, diff: false, unsafe_fixes: false };
    let entries_of = |path: &Path, name: String, source: Source| {
        let mut entries = Vec::new();
        let meta = lint_input(&engine, path, &name, source, &fix_mode, &mut |r: FileResult| {
            entries.extend(r.diagnostics.iter().map(|d| baseline::entry(&r.path, &r.source, d)));
        });
        (name, meta.map(|_| entries))
    };
    let results: Vec<(String, Result<Vec<baseline::Entry>, String>)> = match inputs(&engine, &paths, common, &mut errors) {
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
    let b = baseline::Baseline { version: 1, entries };
    let json = serde_json::to_string_pretty(&b).expect("JSON") + "\n";
    if let Err(e) = std::fs::write(file, json) {
        error(format!("cannot write baseline {}: {e}", file.display()));
        return EXIT_ERROR;
    }
    eprintln!("copydesk: recorded {} finding(s) in {}", b.entries.len(), file.display());
    for e in &errors {
        error(e);
    }
    if errors.is_empty() {
        EXIT_CLEAN
    } else {
        EXIT_ERROR
    }
}
