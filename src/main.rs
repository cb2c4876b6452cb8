//! The binary: parse arguments, set up a [`Workspace`], run, print one report, exit.
//! This is the only place that prints to the terminal or decides the exit code; everything
//! else is the library.

mod cli;

use clap::Parser;
use cli::{Cli, Color, Command, CommonArgs, FailLevel, LintArgs, RulesFormat};
use copydesk::config::{LoadError, CONFIG_FILE_NAME, DEFAULT_CONFIG};
use copydesk::diagnostic::Severity;
use copydesk::pipeline::FixMode;
use copydesk::report::{self, Summary};
use copydesk::run::{self, Inputs, Outcome, Settings};
use copydesk::workspace::{Overrides, Workspace, WorkspaceError};
use copydesk::{baseline, rules};
use std::collections::HashMap;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

const EXIT_CLEAN: u8 = 0;
const EXIT_FINDINGS: u8 = 1;
const EXIT_ERROR: u8 = 2;

/// `--threads` above this is clamped (with a note): more threads than this only cost memory.
const MAX_THREADS: usize = 256;
/// The exit code of a run stopped by Ctrl-C (128 + SIGINT), as shells report it.
const EXIT_INTERRUPTED: i32 = 130;

fn main() -> ExitCode {
    // Ctrl-C: delete the temp files of fixes in progress (never a `.copydesk-*.tmp` left
    // beside an article), let an in-place rewrite finish, then exit 130.
    let _ = ctrlc::set_handler(|| copydesk::fix::cleanup_temps_then(|| std::process::exit(EXIT_INTERRUPTED)));
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { EXIT_ERROR } else { EXIT_CLEAN });
        }
    };
    let code = match cli.command {
        Command::Lint(args) => lint(args),
        Command::Rules { format } => {
            print!("{}", report::rules_list(matches!(format, RulesFormat::Json)));
            EXIT_CLEAN
        }
        Command::Explain { id } => explain(&id),
        Command::Init => init(),
        Command::Baseline { file, paths, common } => write_baseline(&file, paths, &common),
    };
    ExitCode::from(code)
}

fn error(message: impl std::fmt::Display) {
    eprintln!("copydesk: error: {message}");
}

fn explain(id: &str) -> u8 {
    let Some(m) = rules::find(id) else {
        let hint = copydesk::text::did_you_mean(id, rules::ALL.iter().map(|m| m.id));
        error(format!("unknown rule `{id}`{hint}; `copydesk rules` lists them"));
        return EXIT_ERROR;
    };
    print!("{}", report::explain(m));
    EXIT_CLEAN
}

fn init() -> u8 {
    let file = std::fs::OpenOptions::new().write(true).create_new(true).open(CONFIG_FILE_NAME);
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

fn report_load_error(e: LoadError) {
    match e {
        LoadError::Invalid(e) => eprintln!("{:?}", miette::Report::new(*e)),
        io => error(io),
    }
}

/// Threads, then the workspace for the current directory; errors are printed here.
fn workspace(common: &CommonArgs) -> Result<Workspace, u8> {
    if let Some(mut n) = common.threads.filter(|&n| n > 0) {
        if n > MAX_THREADS {
            eprintln!("copydesk: note: --threads {n} clamped to {MAX_THREADS}");
            n = MAX_THREADS;
        }
        let _ = rayon::ThreadPoolBuilder::new().num_threads(n).build_global();
    }
    let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
    let overrides = Overrides { config: common.config.clone(), select: common.select.clone(), ignore: common.ignore.clone() };
    match Workspace::discover(&cwd, &overrides) {
        Ok(w) => Ok(w.on_config_error(report_load_error)),
        Err(WorkspaceError::Load(e)) => {
            report_load_error(e);
            Err(EXIT_ERROR)
        }
        Err(e) => {
            error(e);
            Err(EXIT_ERROR)
        }
    }
}

fn inputs(workspace: &Workspace, paths: &[PathBuf], common: &CommonArgs, filter: bool, errors: &mut Vec<String>) -> Inputs {
    let limits = run::Limits { max_file_size: common.max_file_size, filter };
    let mut notes = Vec::new();
    let inputs = Inputs::gather(workspace, paths, common.stdin_filename.as_deref(), common.no_ignore, limits, errors, &mut notes);
    notes.iter().for_each(|n| eprintln!("copydesk: note: skipped {n}"));
    inputs
}

fn lint(args: LintArgs) -> u8 {
    let started = Instant::now();
    let workspace = match workspace(&args.common) {
        Ok(w) => w,
        Err(code) => return code,
    };
    let allowances = match args.baseline.as_deref().map(baseline::load).transpose() {
        Ok(a) => a.unwrap_or_else(HashMap::new),
        Err(e) => {
            error(e);
            return EXIT_ERROR;
        }
    };
    let fix_mode = FixMode { write: args.fix, diff: args.diff, unsafe_fixes: args.unsafe_fixes };
    let color = match args.color {
        Color::Always => true,
        Color::Never => false,
        Color::Auto => std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none(),
    };
    let custom_rules = workspace.config().config.custom.iter().map(|c| (c.id.clone(), c.message.clone())).collect();
    let options = report::Options { color, statistics: args.statistics, quiet: args.quiet, custom_rules };
    let fail_level = match args.fail_level {
        FailLevel::Error => Severity::Error,
        FailLevel::Warning => Severity::Warning,
        FailLevel::Info => Severity::Info,
    };
    let mut outcome = Outcome::default();
    let inputs = inputs(&workspace, &args.paths, &args.common, args.fix, &mut outcome.errors);
    outcome.total = Summary::new();
    outcome.total.failed = outcome.errors.len(); // paths that could not be walked
                                                 // With --diff, stdout carries only the diff; with --fix on stdin, only the fixed text.
    let to_stderr = fix_mode.diff || (inputs.is_stdin() && fix_mode.write);
    let sink: Box<dyn Write> = if to_stderr { Box::new(std::io::stderr().lock()) } else { Box::new(std::io::stdout().lock()) };
    let mut printer = match report::Printer::begin(args.format, options.clone(), std::io::BufWriter::new(sink)) {
        Ok(p) => p,
        Err(e) => {
            error(e);
            return EXIT_ERROR;
        }
    };
    let settings = Settings { format: args.format, options, fix_mode, fail_level, allowances };
    let note = |n: &str| eprintln!("copydesk: note: {n}");
    let mut out = std::io::BufWriter::new(std::io::stdout());
    let mut sinks = run::Sinks { printer: &mut printer, out: &mut out, note: &note };
    if let Err(e) = run::lint(&workspace, inputs, &settings, &mut sinks, &mut outcome) {
        // A reader that stopped early (`| head`) is not an error: end quietly, like ripgrep.
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            return EXIT_CLEAN;
        }
        error(e);
        return EXIT_ERROR;
    }
    outcome.total.elapsed_ms = started.elapsed().as_millis();
    let finished = printer.finish(&outcome.total).and_then(|_| if outcome.stdout_closed { Ok(()) } else { out.flush() });
    if let Err(e) = finished {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            return EXIT_CLEAN;
        }
        error(e);
        return EXIT_ERROR;
    }
    outcome.errors.iter().for_each(error);
    match (outcome.errors.is_empty(), outcome.failing) {
        (false, _) => EXIT_ERROR,
        (true, true) => EXIT_FINDINGS,
        (true, false) => EXIT_CLEAN,
    }
}

fn write_baseline(file: &Path, paths: Vec<PathBuf>, common: &CommonArgs) -> u8 {
    let workspace = match workspace(common) {
        Ok(w) => w,
        Err(code) => return code,
    };
    let mut errors = Vec::new();
    let inputs = inputs(&workspace, &paths, common, false, &mut errors);
    let b = run::baseline(&workspace, inputs, &mut errors);
    let json = serde_json::to_string_pretty(&b).unwrap_or_default() + "\n";
    if let Err(e) = std::fs::write(file, json) {
        error(format!("cannot write baseline {}: {e}", file.display()));
        return EXIT_ERROR;
    }
    eprintln!("copydesk: recorded {} finding(s) in {}", b.entries.len(), file.display());
    errors.iter().for_each(error);
    if errors.is_empty() {
        EXIT_CLEAN
    } else {
        EXIT_ERROR
    }
}
