//! The binary: parse arguments, set up a [`Workspace`], run, print one report, exit.
//! This is the only place that prints to the terminal or decides the exit code; everything
//! else is the library.

mod cli;

use clap::Parser;
use cli::{Cli, Command, CommonArgs, LintArgs, RulesFormat};
use copydesk::baseline;
use copydesk::config::{LoadError, LoadedConfig, CONFIG_FILE_NAME};
use copydesk::pipeline::FixMode;
use copydesk::report::{self, Summary};
use copydesk::run::{self, Outcome, Settings, EXIT_CLEAN, EXIT_ERROR};
use copydesk::workspace::{Workspace, WorkspaceError};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

fn main() -> ExitCode {
    let _ = run::tune_allocator();
    run::install_interrupt_handler();
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { EXIT_ERROR } else { EXIT_CLEAN });
        }
    };
    let code = match cli.command {
        Command::Lint(args) if args.watch => args.watch(lint).unwrap_or_else(fail),
        Command::Lint(args) => lint(args),
        Command::Rules { format } => found_config().map_or_else(
            |code| code,
            |c| {
                print!("{}", report::rules_list(matches!(format, RulesFormat::Json), &c.config.custom));
                EXIT_CLEAN
            },
        ),
        Command::Explain { id } => explain(&id),
        Command::Init => init(),
        Command::Server => copydesk::server::run_stdio().map_or_else(fail, |()| EXIT_CLEAN),
        Command::Config { path, common } => show_config(path, &common),
        Command::Completions { shell } => {
            clap_complete::generate(shell, &mut <Cli as clap::CommandFactory>::command(), "copydesk", &mut std::io::stdout());
            EXIT_CLEAN
        }
        Command::Baseline { file, paths, common } => write_baseline(&file, paths, &common),
    };
    ExitCode::from(code)
}

fn error(message: impl std::fmt::Display) {
    eprintln!("copydesk: error: {message}");
}

/// A reader that stopped early (`| head`) is not an error: end quietly, like ripgrep.
fn output_failed(e: std::io::Error) -> u8 {
    if e.kind() == std::io::ErrorKind::BrokenPipe {
        EXIT_CLEAN
    } else {
        fail(e)
    }
}

fn fail(message: impl std::fmt::Display) -> u8 {
    error(message);
    EXIT_ERROR
}

/// The configuration found from the current directory (for its `[[custom]]` rules).
fn found_config() -> Result<LoadedConfig, u8> {
    let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
    LoadedConfig::discover(None, &cwd).map_err(|e| {
        report_load_error(e);
        EXIT_ERROR
    })
}

fn explain(id: &str) -> u8 {
    let page = found_config().map(|c| report::explain_id(id, &c).map(|page| print!("{page}")));
    page.map_or_else(|code| code, |shown| shown.map_or_else(fail, |()| EXIT_CLEAN))
}

fn init() -> u8 {
    copydesk::config::write_default(Path::new(".")).map_or_else(fail, |_| {
        println!("wrote {CONFIG_FILE_NAME}");
        EXIT_CLEAN
    })
}

fn report_load_error(e: LoadError) {
    match e {
        LoadError::Invalid(e) => eprintln!("{:?}", miette::Report::new(*e)),
        io => error(io),
    }
}

/// Threads, then the workspace for the current directory; errors are printed here.
fn workspace(common: &CommonArgs) -> Result<Workspace, u8> {
    if let Some(note) = run::configure_threads(common.threads) {
        eprintln!("copydesk: note: {note}");
    }
    let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
    match Workspace::discover(&cwd, &common.overrides()) {
        Ok(w) => {
            if common.verbose {
                w.notes().iter().for_each(|n| eprintln!("copydesk: {n}"));
            }
            Ok(w.on_config_error(report_load_error))
        }
        Err(e) => {
            match e {
                WorkspaceError::Load(e) => report_load_error(e),
                e => error(e),
            }
            Err(EXIT_ERROR)
        }
    }
}

fn show_config(path: Option<PathBuf>, common: &CommonArgs) -> u8 {
    let path = path.unwrap_or_else(|| PathBuf::from("."));
    let shown = workspace(common).map(|w| w.describe(&path).map(|r| print!("{}", r.render(&path))));
    shown.map_or_else(|code| code, |shown| shown.map_or_else(fail, |()| EXIT_CLEAN))
}

fn lint(args: LintArgs) -> u8 {
    let started = Instant::now();
    copydesk::rules::prepare_in_background(args.common.threads);
    args.timings.then(copydesk::engine::timing::enable);
    let workspace = match workspace(&args.common) {
        Ok(w) => w,
        Err(code) => return code,
    };
    if args.input.is_some() {
        return args.dataset().and_then(|j| run::lint_dataset(&workspace, &j, &|l| eprintln!("{l}"))).unwrap_or_else(fail);
    }
    let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
    let allowances = match args.baseline.as_deref().map(|b| baseline::load(b, &cwd)).transpose() {
        Ok(a) => a.unwrap_or_default(),
        Err(e) => return fail(e),
    };
    let fix_mode = FixMode { write: args.fix, diff: args.diff, unsafe_fixes: args.unsafe_fixes };
    let (color, width) = (args.color.enabled(args.output_file.is_some()), args.report_width());
    let custom_rules = workspace.config().config.custom.iter().map(|c| (c.id.clone(), c.message.clone())).collect();
    let srcroot = Some(cwd.clone());
    let options = report::Options { color, statistics: args.statistics, quiet: args.quiet, custom_rules, srcroot, width };
    let mut outcome = Outcome::default();
    let inputs = args.common.inputs(&workspace, &args.paths, args.fix, &mut outcome.errors);
    outcome.total = Summary::new();
    // Paths that could not be walked. With --diff, stdout carries only the diff; with --fix on
    // stdin, only the fixed text.
    outcome.total.failed = outcome.errors.len();
    let to_stderr = fix_mode.diff || (inputs.is_stdin() && fix_mode.write);
    // A 64 KiB buffer for a report on stdout or in a file: a folder's report is megabytes (the
    // seeds corpus's 14 MB of JSON lines took some 1,800 writes with the default 8 KiB, now
    // about 220). On stderr, beside a diff or fixed text, the report keeps the default, which
    // keeps it close to the notes written there as they come.
    let buffer = if to_stderr { 8 << 10 } else { 64 << 10 };
    let printer = args.report_sink(to_stderr).and_then(|sink| {
        report::Printer::begin(args.format, options.clone(), std::io::BufWriter::with_capacity(buffer, sink)).map_err(|e| e.to_string())
    });
    let mut printer = match printer {
        Ok(p) => p,
        Err(e) => return fail(e),
    };
    let settings = Settings { format: args.format, options, fix_mode, fail_level: args.fail_level.into(), allowances, cwd };
    let note = |n: &str| eprintln!("copydesk: note: {n}");
    let mut out = std::io::BufWriter::new(std::io::stdout());
    let mut sinks = run::Sinks { printer: &mut printer, out: &mut out, note: &note };
    if let Err(e) = run::lint(&workspace, inputs, &settings, &mut sinks, &mut outcome) {
        return output_failed(e);
    }
    outcome.total.elapsed_ms = started.elapsed().as_millis();
    let finished = printer.finish(&outcome.total).and_then(|_| if outcome.stdout_closed { Ok(()) } else { out.flush() });
    if let Err(e) = finished {
        return output_failed(e);
    }
    outcome.errors.iter().for_each(error);
    args.timings.then(|| eprint!("{}", copydesk::engine::timing::report()));
    if outcome.linted_nothing() {
        eprintln!("copydesk: {}", run::NO_FILES);
    }
    outcome.exit_code(args.exit.into())
}

fn write_baseline(file: &Path, paths: Vec<PathBuf>, common: &CommonArgs) -> u8 {
    let workspace = match workspace(common) {
        Ok(w) => w,
        Err(code) => return code,
    };
    let mut errors = Vec::new();
    let inputs = common.inputs(&workspace, &paths, false, &mut errors);
    let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
    match run::write_baseline(&workspace, inputs, file, &cwd, &mut errors) {
        Ok(n) => eprintln!("copydesk: recorded {n} finding(s) in {}", file.display()),
        Err(e) => errors.push(e),
    }
    errors.iter().for_each(error);
    [EXIT_ERROR, EXIT_CLEAN][usize::from(errors.is_empty())]
}
