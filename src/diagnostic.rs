//! What a rule reports: a byte span in the source, a severity, a message and maybe a fix.
//! Every report format renders these same values; nothing here knows how to print.

use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::fmt;

/// A byte range in the source, end-exclusive. Byte offsets are what miette and SARIF need;
/// characters are only computed when printing columns.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end, "span {start}..{end} is reversed");
        Span { start, end }
    }
    pub fn len(&self) -> usize {
        self.end - self.start
    }
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }
    pub fn contains(&self, offset: usize) -> bool {
        self.start <= offset && offset < self.end
    }
    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }
    pub fn text<'a>(&self, source: &'a str) -> &'a str {
        &source[self.start..self.end]
    }
    /// Shift a span found in a slice that starts at `base`.
    pub fn offset(&self, base: usize) -> Span {
        Span::new(self.start + base, self.end + base)
    }
}

/// How serious a finding is. Ordered so that `Info < Warning < Error`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(&self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What family a rule belongs to; shown in `copydesk rules` and in every output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Category {
    Spelling,
    Punctuation,
    Capitalization,
    Structure,
    Scraped,
    Style,
    Custom,
    Meta,
}

impl Category {
    pub fn as_str(&self) -> &'static str {
        match self {
            Category::Spelling => "spelling",
            Category::Punctuation => "punctuation",
            Category::Capitalization => "capitalization",
            Category::Structure => "structure",
            Category::Scraped => "scraped",
            Category::Style => "style",
            Category::Custom => "custom",
            Category::Meta => "meta",
        }
    }
}

/// Whether a fix may be applied without a human looking at it (`--fix`) or only on request
/// (`--unsafe-fixes`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Applicability {
    Safe,
    Unsafe,
}

/// Replace `span` with `replacement`: an empty replacement deletes, an empty span inserts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Edit {
    #[serde(flatten)]
    pub span: Span,
    pub replacement: String,
}

impl Edit {
    pub fn replace(span: Span, replacement: impl Into<String>) -> Self {
        Edit { span, replacement: replacement.into() }
    }
    pub fn insert(at: usize, text: impl Into<String>) -> Self {
        Edit { span: Span::new(at, at), replacement: text.into() }
    }
    pub fn delete(span: Span) -> Self {
        Edit { span, replacement: String::new() }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Fix {
    pub applicability: Applicability,
    pub edits: Vec<Edit>,
}

impl Fix {
    pub fn safe(edits: Vec<Edit>) -> Self {
        Fix { applicability: Applicability::Safe, edits }
    }
    pub fn unsafe_(edits: Vec<Edit>) -> Self {
        Fix { applicability: Applicability::Unsafe, edits }
    }
    /// The span covering every edit, used to skip overlapping fixes.
    pub fn extent(&self) -> Span {
        let start = self.edits.iter().map(|e| e.span.start).min().unwrap_or(0);
        let end = self.edits.iter().map(|e| e.span.end).max().unwrap_or(0);
        Span::new(start, end)
    }
}

/// One finding. `rule` is the stable id users write in config and suppressions: borrowed from
/// the rule's metadata for built-in rules (no allocation per finding: a dense file has tens of
/// thousands), owned for `[[custom]]` rules.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub rule: Cow<'static, str>,
    pub category: Category,
    pub severity: Severity,
    pub message: String,
    pub span: Span,
    /// Borrowed when it is fixed text, as most rules' help is: a finding then allocates
    /// nothing for it.
    pub help: Option<Cow<'static, str>>,
    pub fix: Option<Fix>,
}

impl Diagnostic {
    /// A diagnostic with the rule's defaults; the engine sets the configured severity.
    pub fn new(rule: impl Into<Cow<'static, str>>, span: Span, message: impl Into<String>) -> Self {
        Diagnostic {
            rule: rule.into(),
            category: Category::Meta,
            severity: Severity::Warning,
            message: message.into(),
            span,
            help: None,
            fix: None,
        }
    }
    pub fn with_help(mut self, help: impl Into<Cow<'static, str>>) -> Self {
        self.help = Some(help.into());
        self
    }
    pub fn with_fix(mut self, fix: Fix) -> Self {
        self.fix = Some(fix);
        self
    }
    pub fn with_severity(mut self, severity: Severity) -> Self {
        self.severity = severity;
        self
    }
    /// Move the finding (and its fix) `by` bytes later: from a chunk's offsets to the file's.
    pub fn shift(&mut self, by: usize) {
        self.move_offsets(|o| o + by);
    }
    /// Map every offset of the finding, its span's and its fix's edits', through `to` (from
    /// one text's offsets to another's that holds it or that it holds).
    pub fn move_offsets(&mut self, to: impl Fn(usize) -> usize) {
        self.span = Span::new(to(self.span.start), to(self.span.end));
        for e in self.fix.iter_mut().flat_map(|f| f.edits.iter_mut()) {
            e.span = Span::new(to(e.span.start), to(e.span.end));
        }
    }
}
