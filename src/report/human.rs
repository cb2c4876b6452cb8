//! `human`: miette's graphical reports — file:line:col, the flagged words underlined, the help
//! and the fix — followed by a one-line summary.

use super::{FileResult, Options, Summary};
use crate::diagnostic::{Applicability, Diagnostic, Severity};
use miette::{GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteError, MietteSpanContents, SourceCode, SourceSpan, SpanContents};
use std::fmt;

/// Adapter: one copydesk diagnostic as a miette diagnostic.
#[derive(Debug)]
struct Report<'a> {
    d: &'a Diagnostic,
    source: Named<'a>,
}

/// Borrowed source text with a file name (miette's NamedSource wants owned, 'static data), and
/// the line it starts at when it is a chunk of a huge file.
#[derive(Debug)]
struct Named<'a> {
    name: &'a str,
    text: &'a str,
    line_starts: &'a [usize],
    /// 0-based line (in the whole file) and 0-based column of the finding's start, located
    /// once by [`FileResult::location`]: nothing here counts from the top of the text.
    line: usize,
    column: usize,
}

impl SourceCode for Named<'_> {
    /// The flagged line, clipped to a window around the span when the line is a long
    /// paragraph, so the snippet shows the words in context without a screen of text.
    fn read_span<'b>(&'b self, span: &SourceSpan, _before: usize, _after: usize) -> Result<Box<dyn SpanContents<'b> + 'b>, MietteError> {
        const CONTEXT: usize = 50;
        let text = self.text;
        let start = crate::text::floor_char_boundary(text, span.offset().min(text.len()));
        let end = crate::text::floor_char_boundary(text, (span.offset() + span.len()).min(text.len())).max(start);
        let line = self.line_starts.partition_point(|&s| s <= start).saturating_sub(1);
        let line_start = self.line_starts.get(line).copied().unwrap_or(0);
        let line_start = if line_start == 0 && text.starts_with('\u{FEFF}') { '\u{FEFF}'.len_utf8().min(start) } else { line_start };
        let end_line = self.line_starts.partition_point(|&s| s <= end).saturating_sub(1);
        let line_end = self.line_starts.get(end_line + 1).map_or(text.len(), |&next| next - 1).max(end);
        let line_end = if line_end > line_start && text.as_bytes()[line_end - 1] == b'\r' { line_end - 1 } else { line_end }.max(end);
        let back = text[line_start..start].char_indices().rev().nth(CONTEXT).map_or(line_start, |(i, _)| line_start + i);
        let window_start = text[back..start].find(' ').map_or(back, |i| back + i + 1).min(start);
        let window_start = if back == line_start { line_start } else { window_start };
        let ahead = text[end..line_end].char_indices().nth(CONTEXT).map_or(line_end, |(i, _)| end + i);
        let window_end = if ahead == line_end { line_end } else { text[end..ahead].rfind(' ').map_or(ahead, |i| end + i) };
        // The header shows where the finding starts, as the editor counts columns.
        let (line, column) = (self.line, self.column);
        Ok(Box::new(MietteSpanContents::new_named(
            self.name.to_string(),
            &text.as_bytes()[window_start..window_end],
            SourceSpan::new(window_start.into(), window_end - window_start),
            line,
            column,
            1,
        )))
    }
}

impl fmt::Display for Report<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.d.message)
    }
}

impl std::error::Error for Report<'_> {}

impl miette::Diagnostic for Report<'_> {
    fn code<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        Some(Box::new(self.d.rule.as_str()))
    }
    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.d.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
            Severity::Info => miette::Severity::Advice,
        })
    }
    fn help<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        let fix = self.d.fix.as_ref().map(|f| match f.applicability {
            Applicability::Safe => " (fixable with --fix)",
            Applicability::Unsafe => " (fixable with --fix --unsafe-fixes)",
        });
        match (&self.d.help, fix) {
            (Some(h), fix) => Some(Box::new(format!("{h}{}", fix.unwrap_or("")))),
            (None, Some(fix)) => Some(Box::new(fix.trim().to_string())),
            (None, None) => None,
        }
    }
    fn source_code(&self) -> Option<&dyn miette::SourceCode> {
        Some(&self.source)
    }
    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        let span = SourceSpan::new(self.d.span.start.into(), self.d.span.len());
        Some(Box::new(std::iter::once(LabeledSpan::new_with_span(Some(self.d.rule.clone()), span))))
    }
}

pub fn render_file(r: &FileResult, options: &Options) -> String {
    let theme = if options.color { GraphicalTheme::unicode() } else { GraphicalTheme::unicode_nocolor() };
    let handler = GraphicalReportHandler::new_themed(theme).with_width(100).with_context_lines(0);
    let mut out = String::new();
    for d in &r.diagnostics {
        let loc = r.location(d);
        let source = Named { name: &r.path, text: &r.source, line_starts: r.line_starts(), line: loc.line - 1, column: loc.column - 1 };
        let report = Report { d, source };
        if handler.render_report(&mut out, &report).is_err() {
            out.push_str(&format!("{}:{}:{}: {}[{}] {}\n", r.path, loc.line, loc.column, d.severity, d.rule, d.message));
        }
    }
    out
}

fn plural(n: usize, word: &str) -> String {
    format!(
        "{n} {word}{}",
        if n == 1 {
            ""
        } else if word.ends_with('x') {
            "es"
        } else {
            "s"
        }
    )
}

pub fn summary_line(s: &Summary) -> String {
    let files = plural(s.files, "file");
    let mut line = if s.diagnostics == 0 && s.shown > 0 {
        format!("No problems would remain in {files}.")
    } else if s.diagnostics == 0 {
        format!("No problems found in {files}.")
    } else {
        format!(
            "Found {} ({} {}, {}, {} info) in {files}.",
            plural(s.diagnostics, "problem"),
            s.count(Severity::Error),
            if s.count(Severity::Error) == 1 { "error" } else { "errors" },
            plural(s.count(Severity::Warning), "warning"),
            s.count(Severity::Info),
        )
    };
    if s.fixable > 0 {
        line.push_str(&format!(" {} fixable with --fix.", s.fixable));
    }
    if s.failed > 0 {
        line.push_str(&format!(" {} could not be linted or fixed (see the errors).", plural(s.failed, "file")));
    }
    if s.fixed > 0 {
        line.push_str(&format!(" Fixed {}.", plural(s.fixed, "problem")));
    }
    if s.shown > 0 {
        line.push_str(&format!(" {} shown in the diff (not applied).", plural(s.shown, "fix")));
    }
    line.push('\n');
    line
}
