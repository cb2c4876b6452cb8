//! copydesk — a content-quality linter for published and scraped articles.
//!
//! Data flows one way: config → [`engine::RuleSet`] (compiled once) → for each file: bytes →
//! [`document::Document`] → rules → suppressions → sorted [`diagnostic::Diagnostic`]s → one
//! reporter. Detection lives here; printing lives in `report` and the binary.

pub mod analysis;
pub mod baseline;
pub mod config;
pub mod diagnostic;
pub mod document;
pub mod engine;
pub mod fix;
pub mod lexicon;
pub mod report;
pub mod rules;
pub mod stream;
pub mod suppress;
pub mod text;
pub mod walk;

use diagnostic::{Diagnostic, Span};
use document::{Document, Format};
use engine::RuleSet;
use std::borrow::Cow;

/// Bytes read as text. Invalid UTF-8 bytes each become one placeholder byte (U+001A), so every
/// byte offset in the text is the same offset in the file.
#[derive(Debug)]
pub struct Decoded<'a> {
    pub text: Cow<'a, str>,
    /// Offset of the first invalid byte and how many there were.
    pub invalid: Option<(usize, usize)>,
}

pub const PLACEHOLDER: char = '\u{1A}';

pub fn decode(bytes: &[u8]) -> Decoded<'_> {
    match std::str::from_utf8(bytes) {
        Ok(text) => Decoded { text: Cow::Borrowed(text), invalid: None },
        Err(_) => {
            let mut out = String::with_capacity(bytes.len());
            let mut first = None;
            let mut count = 0;
            let mut rest = bytes;
            let mut offset = 0;
            loop {
                match std::str::from_utf8(rest) {
                    Ok(valid) => {
                        out.push_str(valid);
                        break;
                    }
                    Err(e) => {
                        let good = e.valid_up_to();
                        out.push_str(std::str::from_utf8(&rest[..good]).expect("validated prefix"));
                        let bad = e.error_len().unwrap_or(rest.len() - good);
                        first.get_or_insert(offset + good);
                        count += bad;
                        out.extend(std::iter::repeat_n(PLACEHOLDER, bad));
                        rest = &rest[good + bad..];
                        offset += good + bad;
                    }
                }
            }
            Decoded { text: Cow::Owned(out), invalid: first.map(|f| (f, count)) }
        }
    }
}

/// A NUL byte in the first 8 KiB: not text, not linted.
pub fn is_binary(bytes: &[u8]) -> bool {
    bytes[..bytes.len().min(8192)].contains(&0)
}

/// Lint one text: the library's face. `path` decides Markdown or plain text.
pub fn lint_source(text: &str, path: &str, rules: &RuleSet) -> Vec<Diagnostic> {
    let doc = Document::parse(text, path, Format::from_path(path));
    rules.check(&doc)
}

/// Lint bytes as read from a file: decodes, reports invalid UTF-8, lints the rest.
pub fn lint_bytes(decoded: &Decoded<'_>, path: &str, rules: &RuleSet) -> Vec<Diagnostic> {
    let mut diagnostics = lint_source(&decoded.text, path, rules);
    if let (Some((first, count)), Some(severity)) = (decoded.invalid, rules.invalid_utf8) {
        let mut d = Diagnostic::new(
            engine::INVALID_UTF8.id,
            Span::new(first, first + 1),
            format!("invalid UTF-8: {count} bad byte(s), the first at byte offset {first}"),
        )
        .with_severity(severity)
        .with_help("re-save the file as UTF-8; the rest was linted with each bad byte read as a placeholder");
        d.category = diagnostic::Category::Meta;
        diagnostics.insert(0, d);
    }
    diagnostics
}
