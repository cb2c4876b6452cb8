//! `human`: miette's graphical reports, grouped by file under a heading with the file's path:
//! file:line:col, the flagged words underlined, the help and the fix, wrapped to
//! [`Options::width`]. A source line wider than the width is cut around the finding, with an
//! ellipsis where it was cut, so a 1 MB line prints one screen line, not a megabyte. The run
//! ends with a per-rule table when it has [`TABLE_MIN_FINDINGS`] findings or more, then a
//! one-line summary.

use super::{FileResult, Options, Summary};
use crate::diagnostic::{Applicability, Diagnostic, Severity, Span};
use miette::{GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteError, MietteSpanContents, SourceCode, SourceSpan, SpanContents};
use std::fmt;
use unicode_width::UnicodeWidthChar;

/// A run with this many findings or more ends with the per-rule table (as `--statistics`
/// prints it), so that the end of a long report says where the findings are.
pub const TABLE_MIN_FINDINGS: usize = 50;

/// A multi-line finding is shown whole when it spans at most this many lines and each fits
/// the width; otherwise only its first line is shown, cut, with an ellipsis.
const MAX_SPAN_LINES: usize = 6;

/// Context kept on each side of a finding when its line must be cut (in columns), at least.
const MIN_CONTEXT: usize = 8;

const ELLIPSIS: &str = "…";

/// Adapter: one copydesk diagnostic as a miette diagnostic.
#[derive(Debug)]
struct Report<'a> {
    d: &'a Diagnostic,
    source: Named<'a>,
    /// The message and help are cut to this many characters (a rule may quote a whole line).
    max_text: usize,
}

/// The snippet of source shown for one finding, with a file name (miette's NamedSource wants
/// owned, 'static data). Offsets are the snippet's own: the label is placed in it.
#[derive(Debug)]
struct Named<'a> {
    name: &'a str,
    snippet: Snippet,
    /// 0-based line (in the whole file) and 0-based column of the finding's start, located
    /// once by [`FileResult::location`]: nothing here counts from the top of the text.
    line: usize,
    column: usize,
}

/// The text shown for a finding: its line (or lines), cut to the width with "…", and where
/// the finding is in that text.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Snippet {
    text: String,
    label: Span,
    lines: usize,
}

/// How many columns `c` takes (a tab as miette draws it: up to 4).
fn columns(c: char) -> usize {
    if c == '\t' {
        4
    } else {
        c.width().unwrap_or(0)
    }
}

fn width_of(s: &str) -> usize {
    s.chars().map(columns).sum()
}

/// The byte offset `cols` columns after `from` in `s` (at most `to`).
fn forward(s: &str, from: usize, to: usize, cols: usize) -> usize {
    let mut used = 0;
    for (i, c) in s[from..to].char_indices() {
        used += columns(c);
        if used > cols {
            return from + i;
        }
    }
    to
}

/// The byte offset `cols` columns before `to` in `s` (at least `from`).
fn backward(s: &str, from: usize, to: usize, cols: usize) -> usize {
    let mut used = 0;
    for (i, c) in s[from..to].char_indices().rev() {
        used += columns(c);
        if used > cols {
            return from + i + c.len_utf8();
        }
    }
    from
}

/// The line `index` of `text` as a byte range without its line break.
fn line_range(text: &str, line_starts: &[usize], index: usize) -> (usize, usize) {
    let start = line_starts.get(index).copied().unwrap_or(text.len()).min(text.len());
    let start = if start == 0 && text.starts_with('\u{FEFF}') { '\u{FEFF}'.len_utf8() } else { start };
    let mut end = line_starts.get(index + 1).map_or(text.len(), |&next| next.saturating_sub(1)).clamp(start, text.len());
    if end > start && text.as_bytes()[end - 1] == b'\r' {
        end -= 1;
    }
    (start, end)
}

/// The snippet for the finding at `span` of `text`, fitting `cols` columns.
fn snippet(text: &str, line_starts: &[usize], span: Span, cols: usize) -> Snippet {
    let cols = cols.max(2 * MIN_CONTEXT + 4);
    let start = crate::text::floor_char_boundary(text, span.start.min(text.len()));
    let end = crate::text::floor_char_boundary(text, span.end.min(text.len())).max(start);
    let line_of = |offset: usize| line_starts.partition_point(|&s| s <= offset).saturating_sub(1);
    let first = line_of(start);
    let last = if end > start { line_of(end - 1) } else { first };
    let (line_start, line_end) = line_range(text, line_starts, first);
    let start = start.max(line_start);
    if last > first && last - first < MAX_SPAN_LINES {
        let (_, last_end) = line_range(text, line_starts, last);
        let fits = (first..=last).all(|l| {
            let (a, b) = line_range(text, line_starts, l);
            width_of(&text[a..b]) <= cols
        });
        if fits {
            let end = end.min(last_end);
            return Snippet {
                text: text[line_start..last_end].to_string(),
                label: Span::new(start - line_start, end - line_start),
                lines: last - first + 1,
            };
        }
    }
    // One line: the finding's first.
    let end = end.clamp(start, line_end);
    let more = if last > first { ELLIPSIS } else { "" };
    let line = &text[line_start..line_end];
    if width_of(line) < cols {
        return Snippet { text: format!("{line}{more}"), label: Span::new(start - line_start, end - line_start), lines: 1 };
    }
    // Cut: an ellipsis on each side that loses text, the finding (or its start) and context.
    let room = cols - 2;
    let shown_end = forward(text, start, end, room - 2 * MIN_CONTEXT);
    let after_avail = if shown_end < end { 0 } else { width_of(&text[shown_end..line_end]) };
    let before_avail = width_of(&text[line_start..start]);
    let left = room - width_of(&text[start..shown_end]);
    let before = before_avail.min((left / 2).max(left.saturating_sub(after_avail)));
    let after = after_avail.min(left - before);
    let mut from = backward(text, line_start, start, before);
    if from > line_start {
        // Start at a word when one begins in the context.
        if let Some(i) = text[from..start].find(' ') {
            from += i + 1;
        }
    }
    let mut to = if shown_end < end { shown_end } else { forward(text, shown_end, line_end, after) };
    if to < line_end && to > shown_end {
        if let Some(i) = text[shown_end..to].rfind(' ') {
            to = shown_end + i;
        }
    }
    let lead = if from > line_start { ELLIPSIS } else { "" };
    let trail = if to < line_end || !more.is_empty() { ELLIPSIS } else { "" };
    Snippet {
        text: format!("{lead}{}{trail}", &text[from..to]),
        label: Span::new(lead.len() + start - from, lead.len() + shown_end - from),
        lines: 1,
    }
}

impl SourceCode for Named<'_> {
    fn read_span<'b>(&'b self, _span: &SourceSpan, _before: usize, _after: usize) -> Result<Box<dyn SpanContents<'b> + 'b>, MietteError> {
        // The header shows where the finding starts, as the editor counts columns.
        let text = &self.snippet.text;
        Ok(Box::new(MietteSpanContents::new_named(
            self.name.to_string(),
            text.as_bytes(),
            SourceSpan::new(0.into(), text.len()),
            self.line,
            self.column,
            self.snippet.lines,
        )))
    }
}

/// `s` cut to `max` characters, with an ellipsis when it was cut.
fn cut(s: &str, max: usize) -> std::borrow::Cow<'_, str> {
    match s.char_indices().nth(max) {
        Some((i, _)) => format!("{}{ELLIPSIS}", &s[..i]).into(),
        None => s.into(),
    }
}

impl fmt::Display for Report<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", cut(&self.d.message, self.max_text))
    }
}

impl std::error::Error for Report<'_> {}

impl miette::Diagnostic for Report<'_> {
    fn code<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        Some(Box::new(self.d.rule.as_ref()))
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
            (Some(h), fix) => Some(Box::new(format!("{}{}", cut(h, self.max_text), fix.unwrap_or("")))),
            (None, Some(fix)) => Some(Box::new(fix.trim().to_string())),
            (None, None) => None,
        }
    }
    fn source_code(&self) -> Option<&dyn miette::SourceCode> {
        Some(&self.source)
    }
    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        let label = self.source.snippet.label;
        let span = SourceSpan::new(label.start.into(), label.len());
        Some(Box::new(std::iter::once(LabeledSpan::new_with_span(Some(self.d.rule.to_string()), span))))
    }
}

/// One file's findings: a heading with its path, then each finding.
/// The findings `range` of a file: the heading comes with the first, the blank line after
/// the file with the last.
pub fn render_file(r: &FileResult, options: &Options, range: std::ops::Range<usize>) -> String {
    if range.is_empty() {
        return String::new();
    }
    let (first, last) = (range.start == 0, range.end == r.diagnostics.len());
    let width = options.width.max(super::MIN_WIDTH);
    let theme = if options.color { GraphicalTheme::unicode() } else { GraphicalTheme::unicode_nocolor() };
    let handler = GraphicalReportHandler::new_themed(theme).with_width(width).with_context_lines(0);
    let mut out = String::new();
    // A chunk of a huge file after the first says where it starts: its findings are grouped
    // under the file even when the first chunk had none.
    let title = if r.offset == 0 { r.path.clone() } else { format!("{} (from line {})", r.path, r.first_line + 1) };
    if first {
        out.push_str(&heading(&title, width, options.color));
    }
    for d in &r.diagnostics[range] {
        let loc = r.location(d);
        // The gutter: the line number, then " │ ".
        let gutter = (loc.line + MAX_SPAN_LINES).to_string().len() + 4;
        let snippet = snippet(&r.source, r.line_starts(), d.span, width.saturating_sub(gutter));
        let source = Named { name: &r.path, snippet, line: loc.line - 1, column: loc.column - 1 };
        let report = Report { d, source, max_text: 4 * width };
        if handler.render_report(&mut out, &report).is_err() {
            out.push_str(&format!("{}:{}:{}: {}[{}] {}\n", r.path, loc.line, loc.column, d.severity, d.rule, d.message));
        }
    }
    if last {
        out.push('\n');
    }
    out
}

/// `── path ─────` across the width (the path bold in colour).
fn heading(path: &str, width: usize, color: bool) -> String {
    let fill = width.saturating_sub(width_of(path) + 4).max(3);
    let path = if color { format!("\x1b[1m{path}\x1b[0m") } else { path.to_string() };
    format!("── {path} {}\n", "─".repeat(fill))
}

/// The per-rule table: findings per rule, most frequent first, with how many have a safe fix.
pub fn rule_table(summary: &Summary) -> String {
    let mut out = format!("{:>7}  {:<24} {:<15} {:>7}\n", "count", "rule", "category", "fixable");
    for (rule, count, category) in super::rules_by_count(summary) {
        let fixable = summary.fixable_by_rule.get(rule).copied().unwrap_or(0);
        out.push_str(&format!("{count:>7}  {rule:<24} {category:<15} {fixable:>7}\n"));
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

/// The summary line, wrapped at spaces to `width` columns.
pub fn summary_line(s: &Summary, width: usize) -> String {
    let mut out = String::new();
    let mut column = 0;
    for word in summary(s).split(' ') {
        let w = width_of(word);
        if column > 0 && column + 1 + w > width {
            out.push('\n');
            column = 0;
        } else if column > 0 {
            out.push(' ');
            column += 1;
        }
        out.push_str(word);
        column += w;
    }
    out.push('\n');
    out
}

fn summary(s: &Summary) -> String {
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
    line
}

#[cfg(test)]
mod tests {
    use super::*;

    fn snip(text: &str, span: Span, cols: usize) -> Snippet {
        snippet(text, &crate::document::line_starts(text), span, cols)
    }

    #[test]
    fn a_line_that_fits_is_shown_whole() {
        let s = snip("Title\nThe council met sence Monday.\n", Span::new(22, 27), 80);
        assert_eq!(s.text, "The council met sence Monday.");
        assert_eq!(&s.text[s.label.start..s.label.end], "sence");
    }

    #[test]
    fn a_megabyte_line_is_cut_around_the_finding_with_ellipses() {
        let mut text = "word ".repeat(200_000);
        let at = text.len() / 2;
        text.insert_str(at, "sence ");
        let s = snip(&text, Span::new(at, at + 5), 80);
        assert!(s.text.starts_with(ELLIPSIS) && s.text.ends_with(ELLIPSIS), "{:?}", s.text);
        assert!(width_of(&s.text) <= 80, "{} columns", width_of(&s.text));
        assert_eq!(&s.text[s.label.start..s.label.end], "sence");
        // Context on both sides, cut at words.
        let before = &s.text[ELLIPSIS.len()..s.label.start];
        assert!(before.len() > 20 && before.starts_with("word"), "{before:?}");
    }

    #[test]
    fn a_finding_near_the_start_of_a_long_line_keeps_the_start() {
        let text = format!("sence {}", "word ".repeat(1000));
        let s = snip(&text, Span::new(0, 5), 60);
        assert!(s.text.starts_with("sence") && s.text.ends_with(ELLIPSIS));
        assert!(width_of(&s.text) <= 60);
        assert_eq!(s.label, Span::new(0, 5));
    }

    #[test]
    fn a_finding_longer_than_the_width_is_cut_too() {
        let text = format!("Intro. {}\n", "x".repeat(5000));
        let s = snip(&text, Span::new(7, 5007), 50);
        assert!(width_of(&s.text) <= 50, "{:?}", s.text);
        assert!(s.text.ends_with(ELLIPSIS));
        assert!(s.text[s.label.start..s.label.end].chars().all(|c| c == 'x') && s.label.len() > 20);
    }

    #[test]
    fn wide_characters_count_two_columns() {
        let text = format!("{}誤字{}", "漢".repeat(500), "字".repeat(500));
        let s = snip(&text, Span::new(1500, 1506), 40);
        assert!(width_of(&s.text) <= 40, "{} columns: {:?}", width_of(&s.text), s.text);
        assert_eq!(&s.text[s.label.start..s.label.end], "誤字");
    }

    #[test]
    fn a_short_multi_line_finding_is_shown_whole_a_long_one_by_its_first_line() {
        let text = "Title\n\nIn This Article\n1) One\n2) Two\nBody.\n";
        let s = snip(text, Span::new(7, 37), 80);
        assert_eq!(s.lines, 3);
        assert_eq!(s.text, "In This Article\n1) One\n2) Two");
        let long = format!("Title\n{}\n", "line\n".repeat(20));
        let s = snip(&long, Span::new(6, long.len() - 1), 80);
        assert_eq!((s.lines, s.text.as_str()), (1, "line…"));
    }

    #[test]
    fn every_piece_with_findings_has_a_heading_a_later_chunk_says_where_it_starts() {
        let d = Diagnostic::new("typo", Span::new(4, 9), "`sence` is a misspelling");
        let whole = FileResult::new("a.txt".into(), "The sence.\n".into(), vec![d.clone()]);
        let chunk = FileResult::chunk("a.txt".into(), "The sence.\n".into(), vec![d], 1 << 20, 4999);
        let options = Options::plain();
        assert!(render_file(&whole, &options, 0..1).starts_with("── a.txt ─"));
        let later = render_file(&chunk, &options, 0..1);
        assert!(later.starts_with("── a.txt (from line 5000) ─") && later.contains("a.txt:5000:5"), "{later}");
        assert_eq!(render_file(&FileResult::new("b.txt".into(), "Fine.\n".into(), vec![]), &options, 0..0), "");
    }

    #[test]
    fn long_messages_are_cut() {
        assert_eq!(cut("abcdef", 3), "abc…");
        assert_eq!(cut("abc", 3), "abc");
    }
}
