//! The binary: parse arguments, load config, lint in parallel, print one report, exit.
//! This is the only place that prints to the terminal or decides the exit code.

mod cli;

use clap::Parser;
use cli::{Cli, Color, Command, CommonArgs, FailLevel, LintArgs, RulesFormat};
use copydesk::config::{LoadError, LoadedConfig, CONFIG_FILE_NAME, DEFAULT_CONFIG};
use copydesk::diagnostic::{Diagnostic, Severity};
use copydesk::engine::{RuleSet, Selection};
use copydesk::report::{self, FileResult, Summary};
use copydesk::{baseline, fix, rules, walk};
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

/// Config + rule sets per override combination, built once and shared by the workers.
struct Engine {
    config: LoadedConfig,
    selection: Selection,
    base: Arc<RuleSet>,
    overrides: Vec<globset::GlobSet>,
    root: PathBuf,
    cache: Mutex<HashMap<Vec<usize>, Arc<RuleSet>>>,
}

impl Engine {
    fn load(common: &CommonArgs) -> Result<Engine, u8> {
        let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
        let config = match LoadedConfig::discover(common.config.as_deref(), &cwd) {
            Ok(c) => c,
            Err(LoadError::Io(path, e)) => {
                error(format!("cannot read config {}: {e}", path.display()));
                return Err(EXIT_ERROR);
            }
            Err(LoadError::Invalid(e)) => {
                eprintln!("{:?}", miette::Report::new(*e));
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
        let base = RuleSet::new(&config.config, &selection).map_err(|e| {
            error(e);
            EXIT_ERROR
        })?;
        let mut overrides = Vec::new();
        for o in &config.config.overrides {
            let mut set = globset::GlobSetBuilder::new();
            for p in &o.paths {
                match globset::Glob::new(p) {
                    Ok(g) => {
                        set.add(g);
                    }
                    Err(e) => {
                        error(format!("bad override glob `{p}`: {e}"));
                        return Err(EXIT_ERROR);
                    }
                }
            }
            overrides.push(set.build().map_err(|e| {
                error(e);
                EXIT_ERROR
            })?);
        }
        let root = config
            .path
            .as_ref()
            .and_then(|p| p.parent().map(Path::to_path_buf))
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or_else(|| cwd.clone());
        let root = root.canonicalize().unwrap_or(root);
        Ok(Engine { config, selection, base: Arc::new(base), overrides, root, cache: Mutex::new(HashMap::new()) })
    }

    /// The rule set for one file: the base, or the base with its matching overrides.
    fn rules_for(&self, path: &Path) -> Result<Arc<RuleSet>, String> {
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
        let rs = Arc::new(RuleSet::new(&config, &self.selection)?);
        cache.insert(matching, rs.clone());
        Ok(rs)
    }
}

/// What happened to one input.
enum Outcome {
    Linted { result: FileResult, bytes: usize, fixed: usize, diff: Option<String>, fixed_text: Option<String> },
    Skipped { path: String, reason: String },
    Failed { path: String, message: String },
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

fn lint_one(engine: &Engine, path: &Path, name: &str, bytes: Vec<u8>, fix_mode: &FixMode, is_stdin: bool) -> Outcome {
    if copydesk::is_binary(&bytes) {
        return Outcome::Skipped { path: name.to_string(), reason: "binary file (contains NUL bytes)".into() };
    }
    let rules = match engine.rules_for(path) {
        Ok(r) => r,
        Err(e) => return Outcome::Failed { path: name.to_string(), message: e },
    };
    let decoded = copydesk::decode(&bytes);
    let mut diagnostics = copydesk::lint_bytes(&decoded, name, &rules);
    let mut text = decoded.text.to_string();
    let (mut fixed, mut diff, mut fixed_text) = (0, None, None);
    if (fix_mode.write || fix_mode.diff) && decoded.invalid.is_none() {
        let result = fix::fix_until_stable(&text, name, &rules, fix_mode.unsafe_fixes);
        if result.text != text {
            if fix_mode.diff {
                diff = Some(fix::unified_diff(name, &text, &result.text));
            } else if is_stdin {
                fixed_text = Some(result.text.clone());
                fixed = result.applied;
                text = result.text;
            } else if let Err(e) = fix::write_atomic(path, result.text.as_bytes()) {
                return Outcome::Failed {
                    path: name.to_string(),
                    message: format!("cannot write fixes: {e}; the file was left unchanged"),
                };
            } else {
                fixed = result.applied;
                text = result.text;
            }
            if fixed > 0 {
                diagnostics = copydesk::lint_source(&text, name, &rules);
            }
        } else if is_stdin && fix_mode.write {
            fixed_text = Some(text.clone());
        }
    }
    Outcome::Linted { result: FileResult::new(name.to_string(), text, diagnostics), bytes: bytes.len(), fixed, diff, fixed_text }
}

fn configure_threads(threads: Option<usize>) {
    if let Some(n) = threads.filter(|&n| n > 0) {
        let _ = rayon::ThreadPoolBuilder::new().num_threads(n).build_global();
    }
}

/// Lint every input in parallel; outcomes come back sorted by path.
fn run(engine: &Engine, paths: &[PathBuf], common: &CommonArgs, fix_mode: &FixMode, walk_errors: &mut Vec<String>) -> Vec<Outcome> {
    if paths.len() == 1 && paths[0].as_os_str() == "-" {
        let name = common.stdin_filename.clone().unwrap_or_else(|| "<stdin>".to_string());
        let mut bytes = Vec::new();
        if let Err(e) = std::io::stdin().read_to_end(&mut bytes) {
            return vec![Outcome::Failed { path: name, message: e.to_string() }];
        }
        return vec![lint_one(engine, Path::new(&name), &name, bytes, fix_mode, true)];
    }
    let roots: Vec<PathBuf> = if paths.is_empty() { vec![PathBuf::from(".")] } else { paths.to_vec() };
    let (files, errors) = walk::collect(&roots, &engine.config.config.files, common.no_ignore);
    walk_errors.extend(errors.into_iter().map(|e| format!("{}: {}", e.path.display(), e.message)));
    let mut outcomes: Vec<Outcome> = files
        .par_iter()
        .map(|path| {
            let name = display_path(path);
            match std::fs::read(path) {
                Ok(bytes) => lint_one(engine, path, &name, bytes, fix_mode, false),
                Err(e) => Outcome::Failed { path: name, message: e.to_string() },
            }
        })
        .collect();
    outcomes.sort_by(|a, b| outcome_path(a).cmp(outcome_path(b)));
    outcomes
}

fn outcome_path(o: &Outcome) -> &str {
    match o {
        Outcome::Linted { result, .. } => &result.path,
        Outcome::Skipped { path, .. } | Outcome::Failed { path, .. } => path,
    }
}

fn lint(args: LintArgs) -> u8 {
    let started = Instant::now();
    configure_threads(args.common.threads);
    let engine = match Engine::load(&args.common) {
        Ok(e) => e,
        Err(code) => return code,
    };
    let mut allowance = match &args.baseline {
        None => None,
        Some(file) => match std::fs::read_to_string(file)
            .map_err(|e| e.to_string())
            .and_then(|t| serde_json::from_str::<baseline::Baseline>(&t).map_err(|e| e.to_string()))
        {
            Ok(b) => Some(b.allowance()),
            Err(e) => {
                error(format!("cannot read baseline {}: {e}", file.display()));
                return EXIT_ERROR;
            }
        },
    };
    let fix_mode = FixMode { write: args.fix, diff: args.diff, unsafe_fixes: args.unsafe_fixes };
    let mut io_errors = Vec::new();
    let outcomes = run(&engine, &args.paths, &args.common, &fix_mode, &mut io_errors);

    let (mut results, mut files, mut bytes, mut fixed) = (Vec::new(), 0, 0, 0);
    let mut diffs = String::new();
    let mut stdin_output = None;
    for outcome in outcomes {
        match outcome {
            Outcome::Linted { mut result, bytes: n, fixed: f, diff, fixed_text } => {
                files += 1;
                bytes += n;
                fixed += f;
                if let Some(allowance) = allowance.as_mut() {
                    let mut diagnostics = std::mem::take(&mut result.diagnostics);
                    baseline::filter(allowance, &result.path, &result.source, &mut diagnostics);
                    result.diagnostics = diagnostics;
                }
                diffs.push_str(&diff.unwrap_or_default());
                if fixed_text.is_some() {
                    stdin_output = fixed_text;
                }
                results.push(result);
            }
            Outcome::Skipped { path, reason } => eprintln!("copydesk: note: skipped {path}: {reason}"),
            Outcome::Failed { path, message } => io_errors.push(format!("{path}: {message}")),
        }
    }
    let summary = Summary::build(&results, files, bytes, started.elapsed().as_millis(), fixed);
    let color = match args.color {
        Color::Always => true,
        Color::Never => false,
        Color::Auto => std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none(),
    };
    let options = report::Options { color, statistics: args.statistics, quiet: args.quiet };
    let rendered = report::render(args.format, &results, &summary, &options);
    let mut stdout = std::io::stdout().lock();
    let write_result = if let Some(text) = stdin_output {
        // `--fix` on standard input: the fixed text goes to stdout, the report to stderr.
        eprint!("{rendered}");
        stdout.write_all(text.as_bytes())
    } else {
        stdout.write_all(diffs.as_bytes()).and_then(|_| stdout.write_all(rendered.as_bytes()))
    };
    if let Err(e) = write_result.and_then(|_| stdout.flush()) {
        if e.kind() != std::io::ErrorKind::BrokenPipe {
            error(e);
            return EXIT_ERROR;
        }
    }
    for e in &io_errors {
        error(e);
    }
    if !io_errors.is_empty() {
        return EXIT_ERROR;
    }
    let threshold = match args.fail_level {
        FailLevel::Error => Severity::Error,
        FailLevel::Warning => Severity::Warning,
        FailLevel::Info => Severity::Info,
    };
    let failing = results.iter().flat_map(|r| &r.diagnostics).any(|d: &Diagnostic| d.severity >= threshold);
    if failing {
        EXIT_FINDINGS
    } else {
        EXIT_CLEAN
    }
}

fn write_baseline(file: &Path, paths: Vec<PathBuf>, common: &CommonArgs) -> u8 {
    configure_threads(common.threads);
    let engine = match Engine::load(common) {
        Ok(e) => e,
        Err(code) => return code,
    };
    let mut io_errors = Vec::new();
    let fix_mode = FixMode { write: false, diff: false, unsafe_fixes: false };
    let outcomes = run(&engine, &paths, common, &fix_mode, &mut io_errors);
    let results: Vec<FileResult> = outcomes
        .into_iter()
        .filter_map(|o| match o {
            Outcome::Linted { result, .. } => Some(result),
            Outcome::Failed { path, message } => {
                io_errors.push(format!("{path}: {message}"));
                None
            }
            Outcome::Skipped { .. } => None,
        })
        .collect();
    let b = baseline::Baseline::from_findings(
        results.iter().flat_map(|r| r.diagnostics.iter().map(move |d| (r.path.as_str(), r.source.as_str(), d))),
    );
    let json = serde_json::to_string_pretty(&b).expect("JSON") + "\n";
    if let Err(e) = std::fs::write(file, json) {
        error(format!("cannot write baseline {}: {e}", file.display()));
        return EXIT_ERROR;
    }
    eprintln!("copydesk: recorded {} finding(s) in {}", b.entries.len(), file.display());
    for e in &io_errors {
        error(e);
    }
    if io_errors.is_empty() {
        EXIT_CLEAN
    } else {
        EXIT_ERROR
    }
}
