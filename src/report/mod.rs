//! Output formats. Every format renders the same [`FileResult`]s; none of them detects anything.
//!
//! Rendering is split so that memory stays bounded on any corpus: each file (or each chunk of a
//! huge file) is rendered on its worker thread into a string with [`render_file`], and a
//! [`Printer`] writes the format's header, the per-file strings in path order and the footer.

mod catalog;
mod github;
mod human;

pub use human::TABLE_MIN_FINDINGS;
mod json;
mod sarif;

use crate::diagnostic::{Applicability, Severity};
use std::collections::BTreeMap;
use std::io::{self, Write};

pub use crate::pipeline::{FileResult, Location};
pub use catalog::{explain, explain_custom, explain_id, rules_list};
pub use json::finding as json_finding;
pub use json::{render_record_group, render_record_lines, RecordRef};

/// Counts over a run, filled file by file.
#[derive(Debug, Clone, Default)]
pub struct Summary {
    pub files: usize,
    pub bytes: usize,
    pub diagnostics: usize,
    pub by_severity: BTreeMap<&'static str, usize>,
    pub by_rule: BTreeMap<String, usize>,
    pub fixable: usize,
    /// Findings with a safe fix, per rule (the human format's table).
    pub fixable_by_rule: BTreeMap<String, usize>,
    pub elapsed_ms: u128,
    pub fixed: usize,
    /// `--diff`: fixes shown in the diff, not written.
    pub shown: usize,
    /// Inputs that could not be read, linted or written (each reported on stderr).
    pub failed: usize,
    /// For each rule, how many inputs (files, dataset records) have at least one of its
    /// findings: counted by [`Summary::one_input`].
    pub affected: BTreeMap<String, usize>,
}

impl Summary {
    pub fn new() -> Summary {
        let mut s = Summary::default();
        for sev in ["error", "warning", "info"] {
            s.by_severity.insert(sev, 0);
        }
        s
    }

    /// Count one file's (or chunk's) findings.
    pub fn add(&mut self, r: &FileResult) {
        for d in &r.diagnostics {
            self.diagnostics += 1;
            *self.by_severity.entry(d.severity.as_str()).or_default() += 1;
            match self.by_rule.get_mut(d.rule.as_ref()) {
                Some(n) => *n += 1,
                None => {
                    self.by_rule.insert(d.rule.to_string(), 1);
                }
            }
            if d.fix.as_ref().is_some_and(|f| f.applicability == Applicability::Safe) {
                self.fixable += 1;
                match self.fixable_by_rule.get_mut(d.rule.as_ref()) {
                    Some(n) => *n += 1,
                    None => {
                        self.fixable_by_rule.insert(d.rule.to_string(), 1);
                    }
                }
            }
        }
    }

    pub fn merge(&mut self, other: &Summary) {
        self.merge_counts(other);
        self.files += other.files;
        for (k, &v) in &other.affected {
            bump(&mut self.affected, k, v);
        }
    }

    /// [`merge`](Summary::merge) `input`'s counts (as [`add`](Summary::add) made them: no files,
    /// bytes or fixes of their own) as those of one input, what [`one_input`](Summary::one_input)
    /// marks, without a copy of them: the main thread adds each file's counts to the total.
    pub fn merge_input(&mut self, input: &Summary) {
        self.merge_counts(input);
        self.files += 1;
        for (k, &v) in &input.by_rule {
            if v > 0 {
                bump(&mut self.affected, k, 1);
            }
        }
    }

    /// Everything [`merge`](Summary::merge) adds but the files and the affected inputs.
    fn merge_counts(&mut self, other: &Summary) {
        self.bytes += other.bytes;
        self.diagnostics += other.diagnostics;
        self.fixable += other.fixable;
        self.fixed += other.fixed;
        self.shown += other.shown;
        for (k, v) in &other.by_severity {
            *self.by_severity.entry(k).or_default() += v;
        }
        for (k, &v) in &other.by_rule {
            bump(&mut self.by_rule, k, v);
        }
        for (k, &v) in &other.fixable_by_rule {
            bump(&mut self.fixable_by_rule, k, v);
        }
    }

    /// Mark these counts as one input's (a file, a record): `files` is 1 and each rule with a
    /// finding has one affected input. Merged into a total, they add up per input.
    pub fn one_input(&mut self) {
        self.files = 1;
        self.affected = self.by_rule.iter().filter(|(_, &n)| n > 0).map(|(k, _)| (k.clone(), 1)).collect();
    }

    pub fn count(&self, severity: Severity) -> usize {
        self.by_severity.get(severity.as_str()).copied().unwrap_or(0)
    }
}

/// Add `n` to `key`'s count, the key copied only the first time (a total meets the same few
/// rules in every file).
fn bump(map: &mut BTreeMap<String, usize>, key: &str, n: usize) {
    match map.get_mut(key) {
        Some(count) => *count += n,
        None => {
            map.insert(key.to_string(), n);
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Human,
    Compact,
    Json,
    Jsonl,
    Sarif,
    Github,
}

/// How to render, and what the SARIF header must list.
#[derive(Debug, Clone)]
pub struct Options {
    pub color: bool,
    pub statistics: bool,
    pub quiet: bool,
    /// Custom rules (id, message) to describe in SARIF after the built-in rules.
    pub custom_rules: Vec<(String, String)>,
    /// The directory reported paths are relative to: SARIF's `%SRCROOT%` (omitted if None).
    pub srcroot: Option<std::path::PathBuf>,
    /// The width the human format wraps and cuts source lines to (see [`width`]).
    pub width: usize,
}

impl Options {
    pub fn plain() -> Options {
        Options { color: false, statistics: false, quiet: false, custom_rules: Vec::new(), srcroot: None, width: DEFAULT_WIDTH }
    }
}

/// The human format's width when the report does not go to a terminal (a pipe, a file).
pub const DEFAULT_WIDTH: usize = 100;
/// The narrowest and widest the human format gets, whatever the terminal or `COLUMNS` say.
pub const MIN_WIDTH: usize = 40;
pub const MAX_WIDTH: usize = 1000;

/// The width of the human format: `COLUMNS` when it is set to a number (as shells set it, and
/// as a user can to choose), else the width of the `terminal` the report goes to, else
/// [`DEFAULT_WIDTH`]; clamped to [`MIN_WIDTH`]..=[`MAX_WIDTH`].
pub fn width(columns: Option<&str>, terminal: Option<usize>) -> usize {
    let columns = columns.and_then(|c| c.trim().parse::<usize>().ok()).filter(|&c| c > 0);
    columns.or(terminal.filter(|&t| t > 0)).unwrap_or(DEFAULT_WIDTH).clamp(MIN_WIDTH, MAX_WIDTH)
}

/// [`width`] for a report written to standard output (`to_stderr`: standard error), from the
/// environment and the terminal; a report written to a file is [`DEFAULT_WIDTH`] wide.
pub fn output_width(to_file: bool, to_stderr: bool) -> usize {
    if to_file {
        return DEFAULT_WIDTH;
    }
    let terminal = if to_stderr { terminal_size::terminal_size_of(io::stderr()) } else { terminal_size::terminal_size_of(io::stdout()) };
    width(std::env::var("COLUMNS").ok().as_deref(), terminal.map(|(w, _)| usize::from(w.0)))
}

/// Render one file's findings in one format: the piece the [`Printer`] places between the
/// format's header and footer.
pub fn render_file(format: Format, r: &FileResult, options: &Options) -> String {
    render_findings(format, r, options, 0..r.diagnostics.len())
}

/// Findings per piece of [`render_file_in_pieces`]: a few hundred kilobytes of report.
pub const FINDINGS_PER_PIECE: usize = 1024;

/// [`render_file`] in pieces of at most `per_piece` findings, handed to `emit` in order: the
/// [`Printer`] given them one by one writes what it would write of the whole, and a file
/// whose report can be written at once needs no buffer the size of its report (a dense
/// file's SARIF is six times the file).
pub fn render_file_in_pieces(format: Format, r: &FileResult, options: &Options, per_piece: usize, emit: &mut dyn FnMut(String)) {
    let len = r.diagnostics.len();
    let mut start = 0;
    while start < len {
        let end = len.min(start + per_piece.max(1));
        let piece = render_findings(format, r, options, start..end);
        if !piece.is_empty() {
            emit(piece);
        }
        start = end;
    }
}

/// The findings `range` of a file: the whole file's piece, or a part that ends where a finding
/// ends (so that parts printed one after another give the whole).
fn render_findings(format: Format, r: &FileResult, options: &Options, range: std::ops::Range<usize>) -> String {
    match format {
        Format::Human if options.quiet => String::new(),
        Format::Human => human::render_file(r, options, range),
        Format::Compact => compact(r, range),
        Format::Json => json::render_items(r, range),
        Format::Jsonl => json::render_lines(r, range),
        Format::Sarif => sarif::render_results(r, options, range),
        Format::Github => github::render(r, range),
    }
}

/// Writes one report: header, file pieces in order, footer.
pub struct Printer<W: Write> {
    format: Format,
    options: Options,
    out: W,
    items: usize,
}

impl<W: Write> Printer<W> {
    pub fn begin(format: Format, options: Options, mut out: W) -> io::Result<Self> {
        match format {
            Format::Json => out.write_all(b"{\n\"version\": 1,\n\"diagnostics\": [\n")?,
            Format::Sarif => out.write_all(sarif::header(&options).as_bytes())?,
            _ => {}
        }
        Ok(Printer { format, options, out, items: 0 })
    }

    /// Add one file's rendered piece.
    pub fn file(&mut self, piece: &str) -> io::Result<()> {
        if piece.is_empty() {
            return Ok(());
        }
        if matches!(self.format, Format::Json | Format::Sarif) && self.items > 0 {
            self.out.write_all(b",\n")?;
        }
        self.items += 1;
        self.out.write_all(piece.as_bytes())
    }

    /// Whether the human format ends with the per-rule table: `--statistics`, or
    /// [`human::TABLE_MIN_FINDINGS`] findings or more (unless `--quiet`).
    fn table(&self, summary: &Summary) -> bool {
        summary.diagnostics > 0 && (self.options.statistics || (!self.options.quiet && summary.diagnostics >= human::TABLE_MIN_FINDINGS))
    }

    pub fn finish(mut self, summary: &Summary) -> io::Result<W> {
        match self.format {
            Format::Json => self.out.write_all(json::footer(summary).as_bytes())?,
            Format::Sarif => self.out.write_all(sarif::footer().as_bytes())?,
            Format::Human => {
                if self.table(summary) {
                    self.out.write_all(human::rule_table(summary).as_bytes())?;
                }
                self.out.write_all(human::summary_line(summary, self.options.width.max(MIN_WIDTH)).as_bytes())?
            }
            _ => {}
        }
        let table_shown = self.format == Format::Human && self.table(summary);
        if self.options.statistics && !table_shown && !matches!(self.format, Format::Json | Format::Jsonl | Format::Sarif) {
            self.out.write_all(statistics(summary).as_bytes())?;
        }
        self.out.flush()?;
        Ok(self.out)
    }
}

/// Render whole results at once (the library's convenience; the CLI streams with [`Printer`]).
pub fn render(format: Format, results: &[FileResult], summary: &Summary, options: &Options) -> String {
    let mut printer = Printer::begin(format, options.clone(), Vec::new()).expect("writing to memory");
    for r in results {
        printer.file(&render_file(format, r, options)).expect("writing to memory");
    }
    String::from_utf8(printer.finish(summary).expect("writing to memory")).expect("reports are UTF-8")
}

fn compact(r: &FileResult, range: std::ops::Range<usize>) -> String {
    let mut out = String::new();
    for d in &r.diagnostics[range] {
        let loc = r.location(d);
        out.push_str(&format!("{}:{}:{}: {}[{}] {}\n", r.path, loc.line, loc.column, d.severity, d.rule, d.message));
    }
    out
}

/// The rules that have findings, most frequent first (then by id), with their counts and
/// categories: the rows of every per-rule table.
fn rules_by_count(summary: &Summary) -> impl Iterator<Item = (&str, usize, &'static str)> {
    let mut rows: Vec<(&String, &usize)> = summary.by_rule.iter().collect();
    rows.sort_by(|a, b| b.1.cmp(a.1).then_with(|| a.0.cmp(b.0)));
    rows.into_iter().map(|(rule, &count)| (rule.as_str(), count, crate::rules::find(rule).map_or("custom", |m| m.category.as_str())))
}

/// `--statistics`: findings per rule, most frequent first, and the files that have them.
pub fn statistics(summary: &Summary) -> String {
    let mut out = String::new();
    for (rule, count, category) in rules_by_count(summary) {
        let files = summary.affected.get(rule).copied().unwrap_or(0);
        let unit = if files == 1 { "file" } else { "files" };
        out.push_str(&format!("{count:>6}  {rule:<22} {category:<15} in {files} {unit}\n"));
    }
    out
}

/// `--statistics` over a dataset: findings and affected records per rule, most frequent first.
pub fn record_statistics(summary: &Summary) -> String {
    let mut out = format!("{:>8}  {:>8}  {:<22} {}\n", "findings", "records", "rule", "category");
    for (rule, count, category) in rules_by_count(summary) {
        let records = summary.affected.get(rule).copied().unwrap_or(0);
        out.push_str(&format!("{count:>8}  {records:>8}  {rule:<22} {category}\n"));
    }
    out
}

#[cfg(test)]
mod width_tests {
    use super::*;

    #[test]
    fn columns_then_the_terminal_then_100() {
        assert_eq!(width(Some("72"), Some(200)), 72, "COLUMNS wins");
        assert_eq!(width(None, Some(132)), 132);
        assert_eq!(width(None, None), DEFAULT_WIDTH, "not a terminal");
        assert_eq!(width(Some("wide"), None), DEFAULT_WIDTH, "COLUMNS not a number: ignored");
        assert_eq!(width(Some("0"), Some(90)), 90);
        assert_eq!(width(Some("10"), None), MIN_WIDTH);
        assert_eq!(width(None, Some(60000)), MAX_WIDTH);
    }
}

#[cfg(test)]
mod piece_tests {
    use super::*;
    use crate::diagnostic::{Diagnostic, Edit, Fix, Span};

    /// A file of `n` findings, one per line, every third with a fix.
    fn result(n: usize) -> FileResult {
        let text: String = (0..n).map(|i| format!("Line {i} has a sence in it.\n")).collect();
        let mut at = 0;
        let diagnostics = (0..n)
            .map(|i| {
                let start = at + text[at..].find("sence").unwrap();
                at = start + text[start..].find('\n').unwrap() + 1;
                let d = Diagnostic::new("typo", Span::new(start, start + 5), "`sence` is a misspelling of `sense`");
                if i % 3 == 0 {
                    d.with_help("write `sense`").with_fix(Fix::safe(vec![Edit::replace(Span::new(start, start + 5), "sense")]))
                } else {
                    d
                }
            })
            .collect();
        FileResult::new("a.txt".into(), text, diagnostics)
    }

    fn printed(format: Format, pieces: &[String]) -> String {
        let mut printer = Printer::begin(format, Options::plain(), Vec::new()).unwrap();
        printer.file("").unwrap();
        for p in pieces {
            printer.file(p).unwrap();
        }
        String::from_utf8(printer.finish(&Summary::new()).unwrap()).unwrap()
    }

    /// Adding a file's counts as one input is marking a copy of them so and merging it: the
    /// same totals, for files with findings, without, and of rules met before or not.
    #[test]
    fn merging_an_input_is_merging_its_marked_copy() {
        let (mut quick, mut copied) = (Summary::new(), Summary::new());
        for n in [3, 0, 7, 1] {
            let mut input = Summary::new();
            input.add(&result(n));
            quick.merge_input(&input);
            let mut marked = input.clone();
            marked.one_input();
            copied.merge(&marked);
        }
        assert_eq!(format!("{quick:?}"), format!("{copied:?}"));
        assert_eq!(quick.files, 4);
        assert!(!quick.affected.is_empty());
    }

    /// Pieces printed one after another are the whole file's report, byte for byte, in every
    /// format: a file whose turn it is can be written piece by piece.
    #[test]
    fn pieces_printed_in_order_are_the_whole_report() {
        for format in [Format::Human, Format::Compact, Format::Json, Format::Jsonl, Format::Sarif, Format::Github] {
            for n in [0, 1, 5, 7] {
                let r = result(n);
                let whole = printed(format, &[render_file(format, &r, &Options::plain())]);
                for per_piece in [1, 2, 3, 100] {
                    let mut pieces = Vec::new();
                    render_file_in_pieces(format, &r, &Options::plain(), per_piece, &mut |p| pieces.push(p));
                    assert_eq!(pieces.len(), n.div_ceil(per_piece), "{format:?} {n} findings by {per_piece}");
                    assert_eq!(printed(format, &pieces), whole, "{format:?} {n} findings by {per_piece}");
                }
            }
        }
    }
}
