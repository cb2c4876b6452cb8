//! Command-line interface (clap derive).

use clap::{Args, Parser, Subcommand, ValueEnum};
use copydesk::report::Format;
use std::path::PathBuf;

#[derive(Debug, Parser)]
#[command(name = "copydesk", version, about = "A content-quality linter for published and scraped articles")]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Lint files and directories (default: the current directory); `-` reads standard input.
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

/// Options shared by `lint` and `baseline`.
#[derive(Debug, Args, Clone)]
pub struct CommonArgs {
    /// Configuration file (default: the nearest lint-rules.toml upward from the current directory).
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Only run these rules (comma-separated ids).
    #[arg(long, value_delimiter = ',', value_name = "ID,..")]
    pub select: Vec<String>,
    /// Never run these rules (comma-separated ids).
    #[arg(long, value_delimiter = ',', value_name = "ID,..")]
    pub ignore: Vec<String>,
    /// Worker threads (default: one per core; at most 256).
    #[arg(long, value_name = "N")]
    pub threads: Option<usize>,
    /// Refuse files and standard input larger than this many bytes (exit 2).
    #[arg(long, value_name = "BYTES", default_value_t = copydesk::run::DEFAULT_MAX_FILE_SIZE)]
    pub max_file_size: u64,
    /// Do not honour .gitignore, .ignore or .copydeskignore.
    #[arg(long)]
    pub no_ignore: bool,
    /// The file name to report (and pick Markdown or text by) when reading standard input.
    #[arg(long, value_name = "NAME")]
    pub stdin_filename: Option<String>,
}

#[derive(Debug, Args)]
pub struct LintArgs {
    /// Files or directories; `-` for standard input.
    pub paths: Vec<PathBuf>,
    #[command(flatten)]
    pub common: CommonArgs,
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// Exit 1 when a finding is at or above this severity.
    #[arg(long, value_enum, default_value_t = FailLevel::Warning)]
    pub fail_level: FailLevel,
    /// Print the number of findings per rule.
    #[arg(long)]
    pub statistics: bool,
    /// Print only the summary line (human format).
    #[arg(long, short)]
    pub quiet: bool,
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
    /// Report only findings not recorded in this baseline file.
    #[arg(long, value_name = "FILE")]
    pub baseline: Option<PathBuf>,
}
