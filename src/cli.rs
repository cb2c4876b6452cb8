//! Command-line interface (clap derive).

use clap::{Args, Parser, Subcommand, ValueEnum};
use copydesk::diagnostic::Severity;
use copydesk::report::Format;
use copydesk::run::{self, Inputs};
use copydesk::workspace::{Overrides, Workspace};
use std::io::IsTerminal;
use std::path::PathBuf;

/// The exit-code table, as `lint --help` ends (README's table must say the same: tests/cli.rs).
pub const EXIT_CODES: &str = "Exit codes:
  0  nothing at or above the fail level (after --fix, what is left is what counts), or --exit-zero; also when no file was linted
  1  findings at or above the fail level, or fixes pending with --diff
  2  usage, configuration or I/O error (an unreadable file is reported, the other files are still linted), or no file linted with --error-on-no-files";

#[derive(Debug, Parser)]
#[command(name = "copydesk", version, about = "A content-quality linter for published and scraped articles")]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Lint files and directories (default: the current directory); `-` reads standard input.
    #[command(after_help = EXIT_CODES)]
    Lint(LintArgs),
    /// List every rule: id, category, default severity, fix, summary.
    Rules {
        #[arg(long, value_enum, default_value_t = RulesFormat::Human)]
        format: RulesFormat,
    },
    /// Explain one rule, with a bad and a good example.
    Explain { id: String },
    /// Write a commented lint-rules.toml in the current directory (never overwrites).
    Init,
    /// Show the configuration files that apply to PATH (lowest precedence first) and the
    /// settings they resolve to.
    Config {
        /// A file or directory (default: the current directory).
        path: Option<PathBuf>,
        #[command(flatten)]
        common: CommonArgs,
    },
    /// Print a completion script for a shell: `copydesk completions bash > ~/.local/share/bash-completion/completions/copydesk`.
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Run the language server (LSP) on standard input and output, for editors: diagnostics,
    /// quick fixes, fix-all, suppressions, the project dictionary. See README "Editors (LSP)".
    Server,
    /// Record today's findings in FILE so `lint --baseline FILE` reports only new ones.
    Baseline {
        file: PathBuf,
        paths: Vec<PathBuf>,
        #[command(flatten)]
        common: CommonArgs,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RulesFormat {
    Human,
    Json,
}

/// What `--input` reads: JSON Lines, one record per line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum InputFormat {
    Jsonl,
}

/// How each record's text is read in dataset mode.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RecordFormat {
    /// Scraped plain text, like a .txt file.
    Text,
    /// CommonMark, like a .md file.
    Markdown,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FailLevel {
    Error,
    Warning,
    Info,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Color {
    Auto,
    Always,
    Never,
}

impl Color {
    /// Whether to colour output that goes to standard output (`to_file`: it does not).
    pub fn enabled(self, to_file: bool) -> bool {
        match self {
            Color::Always => true,
            Color::Never => false,
            Color::Auto => !to_file && std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none(),
        }
    }
}

impl From<FailLevel> for Severity {
    fn from(l: FailLevel) -> Severity {
        match l {
            FailLevel::Error => Severity::Error,
            FailLevel::Warning => Severity::Warning,
            FailLevel::Info => Severity::Info,
        }
    }
}

impl CommonArgs {
    /// The inputs these arguments name, gathered with their limits; notes go to stderr.
    pub fn inputs(&self, workspace: &Workspace, paths: &[PathBuf], filter: bool, errors: &mut Vec<String>) -> Inputs {
        let mut log = |n: &str| eprintln!("copydesk: {n}");
        let log: Option<&mut dyn FnMut(&str)> = if self.verbose { Some(&mut log) } else { None };
        let limits = run::Limits { max_file_size: self.max_file_size, filter };
        let gather = run::Gather { no_ignore: self.no_ignore, force_exclude: self.force_exclude, limits };
        let mut notes = Vec::new();
        let inputs = Inputs::gather(workspace, paths, self.stdin_filename.as_deref(), gather, log, errors, &mut notes);
        notes.iter().for_each(|n| eprintln!("copydesk: note: skipped {n}"));
        inputs
    }

    pub fn overrides(&self) -> Overrides {
        Overrides {
            config: self.config.clone(),
            select: self.select.clone(),
            ignore: self.ignore.clone(),
            beyond_repo: self.config_beyond_repo,
        }
    }
}

/// Options shared by `lint` and `baseline`.
#[derive(Debug, Args, Clone)]
pub struct CommonArgs {
    /// Configuration file (default: the nearest lint-rules.toml upward, up to the repository root).
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Look for lint-rules.toml above the repository root (a directory holding `.git`) too.
    #[arg(long)]
    pub config_beyond_repo: bool,
    /// Log how the configuration was found and why each file was skipped (on stderr).
    #[arg(long, short)]
    pub verbose: bool,
    /// Only run these rules (comma-separated ids).
    #[arg(long, value_delimiter = ',', value_name = "ID,..")]
    pub select: Vec<String>,
    /// Never run these rules (comma-separated ids).
    #[arg(long, value_delimiter = ',', value_name = "ID,..")]
    pub ignore: Vec<String>,
    /// Worker threads (default: one per core; at most 256).
    #[arg(long, value_name = "N")]
    pub threads: Option<usize>,
    /// Refuse files, named pipes and standard input larger than this many bytes (exit 2).
    #[arg(long, value_name = "BYTES", default_value_t = copydesk::run::DEFAULT_MAX_FILE_SIZE)]
    pub max_file_size: u64,
    /// Do not honour .gitignore, .ignore or .copydeskignore.
    #[arg(long)]
    pub no_ignore: bool,
    /// Apply `[files] exclude` and the ignore files to paths named on the command line too
    /// (as pre-commit passes them).
    #[arg(long)]
    pub force_exclude: bool,
    /// The file name to report (and pick Markdown or text by) when reading standard input.
    #[arg(long, value_name = "NAME")]
    pub stdin_filename: Option<String>,
}

#[derive(Debug, Args, Clone)]
pub struct LintArgs {
    /// Files or directories; `-` for standard input.
    pub paths: Vec<PathBuf>,
    #[command(flatten)]
    pub common: CommonArgs,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// Write the report to FILE instead of standard output (diffs stay on standard output).
    #[arg(long, short, value_name = "FILE")]
    pub output_file: Option<PathBuf>,
    /// Exit 1 when a finding is at or above this severity.
    #[arg(long, value_enum, default_value_t = FailLevel::Warning)]
    pub fail_level: FailLevel,
    /// Print the number of findings per rule.
    #[arg(long)]
    pub statistics: bool,
    /// Print on stderr, after the run, the time each rule took and its share (summed over files
    /// and threads), and that of the document model and the evidence rules share.
    #[arg(long)]
    pub timings: bool,
    /// Print only the summary line (human format).
    #[arg(long, short)]
    pub quiet: bool,
    /// Colour the human format (auto: when standard output is a terminal and NO_COLOR is unset).
    #[arg(long, value_enum, default_value_t = Color::Auto)]
    pub color: Color,
    /// Apply safe fixes in place (atomically), re-linting until nothing changes.
    #[arg(long)]
    pub fix: bool,
    /// With --fix or --diff, apply unsafe fixes too.
    #[arg(long)]
    pub unsafe_fixes: bool,
    /// Print the fixes as a unified diff; write nothing.
    #[arg(long, conflicts_with = "fix")]
    pub diff: bool,
    #[command(flatten)]
    pub exit: ExitArgs,
    /// Lint, then lint again each time a file under the paths or a config changes, until Ctrl-C
    #[arg(long)]
    pub watch: bool,
    /// Report only findings not recorded in this baseline file.
    #[arg(long, value_name = "FILE")]
    pub baseline: Option<PathBuf>,
    /// Read one FILE (or `-`) as a dataset: one JSON record per line, each linted as one
    /// document. Findings carry the record's id and line; with --fix, the fixed records go to
    /// standard output or --output-file and the report to stderr.
    #[arg(long, value_enum, value_name = "FORMAT", help_heading = "Datasets")]
    pub input: Option<InputFormat>,
    /// The field holding each record's text [default: text].
    #[arg(long, value_name = "NAME", requires = "input", help_heading = "Datasets")]
    pub text_field: Option<String>,
    /// The field holding each record's id, a string or a number [default: `id` when present,
    /// else the record's 0-based line index].
    #[arg(long, value_name = "NAME", requires = "input", help_heading = "Datasets")]
    pub id_field: Option<String>,
    /// The field holding each record's title, linted as the document's first line (findings
    /// in it say `"field": "title"`).
    #[arg(long, value_name = "NAME", requires = "input", help_heading = "Datasets")]
    pub title_field: Option<String>,
    /// How each record's text is read [default: text].
    #[arg(long, value_enum, value_name = "FORMAT", requires = "input", help_heading = "Datasets")]
    pub record_format: Option<RecordFormat>,
}

impl LintArgs {
    /// The human format's width: the terminal the report goes to (stderr when stdout carries a
    /// diff or fixed standard input), `COLUMNS`, or 100 (see [`copydesk::report::width`]).
    pub fn report_width(&self) -> usize {
        let stdin_filter = self.fix && self.paths.len() == 1 && self.paths[0].as_os_str() == "-";
        copydesk::report::output_width(self.output_file.is_some(), self.diff || stdin_filter)
    }

    /// The dataset run these arguments ask for (`--input jsonl`).
    pub fn dataset(&self) -> Result<run::DatasetJob, String> {
        let refuse = |flag: &str| Err(format!("{flag} cannot be used with --input jsonl"));
        if self.paths.len() != 1 {
            return Err("--input jsonl reads one FILE, or `-` for standard input".into());
        } else if self.diff {
            return refuse("--diff");
        } else if self.baseline.is_some() {
            return refuse("--baseline");
        }
        let fields = copydesk::dataset::Fields {
            text: self.text_field.clone().unwrap_or_else(|| "text".into()),
            id: self.id_field.clone(),
            title: self.title_field.clone(),
        };
        let kind = match self.record_format {
            Some(RecordFormat::Markdown) => copydesk::Format::Markdown,
            _ => copydesk::Format::PlainText,
        };
        let mut options = copydesk::report::Options::plain();
        (options.color, options.quiet) = (self.color.enabled(self.output_file.is_some() && !self.fix), self.quiet);
        let settings = copydesk::dataset::Settings {
            fields,
            format: self.format,
            kind,
            fix_mode: copydesk::pipeline::FixMode { write: self.fix, diff: false, unsafe_fixes: self.unsafe_fixes },
            options,
            max_record_size: self.common.max_file_size,
            batch_bytes: copydesk::dataset::BATCH_BYTES,
        };
        Ok(run::DatasetJob {
            input: self.paths[0].clone(),
            stdin_name: self.common.stdin_filename.clone(),
            settings,
            output_file: self.output_file.clone(),
            fail_level: self.fail_level.into(),
            statistics: self.statistics,
            exit: self.exit.into(),
        })
    }

    /// Where the report goes: `--output-file`, else stderr when stdout carries a diff or fixed
    /// text (`to_stderr`), else stdout.
    /// Why these flags cannot be watched (`--watch` re-reads files and never writes them).
    pub fn watch_conflict(&self) -> Result<(), String> {
        let conflict = [(self.fix, "--fix"), (self.diff, "--diff"), (self.input.is_some(), "--input jsonl")]
            .into_iter()
            .chain([(self.paths.iter().any(|p| p.as_os_str() == "-"), "standard input (`-`)")])
            .find(|(set, _)| *set);
        conflict.map_or(Ok(()), |(_, flag)| Err(format!("--watch cannot be used with {flag}")))
    }

    /// `lint --watch`: `lint` (the binary's whole run) once, then on each change, until Ctrl-C.
    pub fn watch(&self, lint: fn(LintArgs) -> u8) -> Result<u8, String> {
        self.watch_conflict()?;
        let say = |line: &str| eprintln!("copydesk: {line}");
        copydesk::watch::watch(&self.watch_roots(), &|| self.lintable(), &mut || lint(self.clone()), &say)
    }

    /// The paths `--watch` watches: those given, or the current directory.
    pub fn watch_roots(&self) -> Vec<PathBuf> {
        if self.paths.is_empty() {
            vec![PathBuf::from(".")]
        } else {
            self.paths.clone()
        }
    }

    /// The files a run would lint now (not the report file); none while the config is broken.
    pub fn lintable(&self) -> Vec<PathBuf> {
        let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
        let Ok(workspace) = Workspace::discover(&cwd, &self.common.overrides()) else { return Vec::new() };
        let mut files = workspace.files(&self.watch_roots(), self.common.no_ignore, self.common.force_exclude).0;
        // Where the report goes must not count as a change: `-o FILE`, and on Linux a shell
        // redirection of standard output or error (`> report.txt`) into a watched folder.
        let outputs: Vec<PathBuf> = [self.output_file.clone(), Some("/proc/self/fd/1".into()), Some("/proc/self/fd/2".into())]
            .into_iter()
            .flatten()
            .filter_map(|f| f.canonicalize().ok())
            .collect();
        files.retain(|f| f.canonicalize().map_or(true, |f| !outputs.contains(&f)));
        files
    }

    pub fn report_sink(&self, to_stderr: bool) -> Result<Box<dyn std::io::Write>, String> {
        Ok(match &self.output_file {
            Some(file) => Box::new(std::fs::File::create(file).map_err(|e| format!("cannot write {}: {e}", file.display()))?),
            None if to_stderr => Box::new(std::io::stderr().lock()),
            None => Box::new(std::io::stdout().lock()),
        })
    }
}

/// Flags that change only the exit code.
#[derive(Debug, Args, Clone, Copy)]
pub struct ExitArgs {
    /// Exit 2 when no file was linted (an empty folder, `include` matched nothing); default: 0,
    /// with "no files linted" on stderr either way.
    #[arg(long)]
    pub error_on_no_files: bool,
    /// Exit 0 even when findings reach the fail level (errors still exit 2).
    #[arg(long)]
    pub exit_zero: bool,
}

impl From<ExitArgs> for copydesk::run::ExitPolicy {
    fn from(a: ExitArgs) -> Self {
        copydesk::run::ExitPolicy { error_on_no_files: a.error_on_no_files, exit_zero: a.exit_zero }
    }
}
