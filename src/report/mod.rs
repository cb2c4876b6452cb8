//! Output formats. Every format renders the same [`FileResult`]s; none of them detects anything.

mod github;
mod human;
mod json;
mod sarif;

use crate::diagnostic::{Diagnostic, Severity};
use crate::document;
use std::collections::BTreeMap;

/// The diagnostics of one file with what is needed to locate them.
#[derive(Debug, Clone)]
pub struct FileResult {
    pub path: String,
    pub source: String,
    pub diagnostics: Vec<Diagnostic>,
    line_starts: Vec<usize>,
}

impl FileResult {
    pub fn new(path: String, source: String, diagnostics: Vec<Diagnostic>) -> Self {
        let line_starts = document::line_starts(&source);
        FileResult { path, source, diagnostics, line_starts }
    }

    /// 1-based (line, column) of both ends of a diagnostic; columns count characters.
    pub fn location(&self, d: &Diagnostic) -> Location {
        let (line, column) = document::line_col(&self.source, &self.line_starts, d.span.start);
        let (end_line, end_column) = document::line_col(&self.source, &self.line_starts, d.span.end);
        Location { line, column, end_line, end_column }
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

#[derive(Debug, Clone, Default)]
pub struct Summary {
    pub files: usize,
    pub bytes: usize,
    pub diagnostics: usize,
    pub by_severity: BTreeMap<&'static str, usize>,
    pub by_rule: BTreeMap<String, usize>,
    pub fixable: usize,
    pub elapsed_ms: u128,
    pub fixed: usize,
}

impl Summary {
    pub fn build(results: &[FileResult], files: usize, bytes: usize, elapsed_ms: u128, fixed: usize) -> Summary {
        let mut s = Summary { files, bytes, elapsed_ms, fixed, ..Summary::default() };
        for sev in ["error", "warning", "info"] {
            s.by_severity.insert(sev, 0);
        }
        for d in results.iter().flat_map(|r| &r.diagnostics) {
            s.diagnostics += 1;
            *s.by_severity.entry(d.severity.as_str()).or_default() += 1;
            *s.by_rule.entry(d.rule.clone()).or_default() += 1;
            if d.fix.as_ref().is_some_and(|f| f.applicability == crate::diagnostic::Applicability::Safe) {
                s.fixable += 1;
            }
        }
        s
    }

    pub fn count(&self, severity: Severity) -> usize {
        self.by_severity.get(severity.as_str()).copied().unwrap_or(0)
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

pub struct Options {
    pub color: bool,
    pub statistics: bool,
    pub quiet: bool,
}

/// Render every result in one format.
pub fn render(format: Format, results: &[FileResult], summary: &Summary, options: &Options) -> String {
    let mut out = match format {
        Format::Human => human::render(results, summary, options),
        Format::Compact => compact(results),
        Format::Json => json::render(results, summary),
        Format::Jsonl => json::render_lines(results),
        Format::Sarif => sarif::render(results),
        Format::Github => github::render(results),
    };
    if options.statistics && !matches!(format, Format::Json | Format::Jsonl | Format::Sarif) {
        out.push_str(&statistics(summary));
    }
    out
}

fn compact(results: &[FileResult]) -> String {
    let mut out = String::new();
    for r in results {
        for d in &r.diagnostics {
            let loc = r.location(d);
            out.push_str(&format!("{}:{}:{}: {}[{}] {}\n", r.path, loc.line, loc.column, d.severity, d.rule, d.message));
        }
    }
    out
}

/// `--statistics`: findings per rule, most frequent first.
pub fn statistics(summary: &Summary) -> String {
    let mut rows: Vec<(&String, &usize)> = summary.by_rule.iter().collect();
    rows.sort_by(|a, b| b.1.cmp(a.1).then_with(|| a.0.cmp(b.0)));
    let mut out = String::new();
    for (rule, count) in rows {
        let category = crate::rules::find(rule).map_or("custom", |m| m.category.as_str());
        out.push_str(&format!("{count:>6}  {rule:<22} {category}\n"));
    }
    out
}
