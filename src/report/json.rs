//! `json` (one document) and `jsonl` (one diagnostic per line): copydesk's public contract,
//! read by ../shared/acceptance/score.py and data pipelines. Byte spans are end-exclusive
//! offsets into the file; lines and columns are 1-based, columns in characters.

use super::{FileResult, Summary};
use crate::diagnostic::{Applicability, Diagnostic};
use serde::Serialize;
use serde_json::json;
use serde_json::value::RawValue;

/// One diagnostic as the contract spells it, serialised straight from borrowed data.
#[derive(Serialize)]
struct JsonDiagnostic<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    path: Option<&'a str>,
    /// Dataset mode: the record's id as written in the input, its line, and the field the
    /// span points into, in place of `path`.
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<&'a RawValue>,
    #[serde(skip_serializing_if = "Option::is_none")]
    record: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    field: Option<&'a str>,
    rule: &'a str,
    category: &'a str,
    severity: &'a str,
    message: &'a str,
    span: JsonSpan,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
    text: &'a str,
    help: Option<&'a str>,
    fix: Option<JsonFix<'a>>,
}

#[derive(Serialize)]
struct JsonSpan {
    start: usize,
    end: usize,
}

#[derive(Serialize)]
struct JsonFix<'a> {
    applicability: Applicability,
    edits: Vec<JsonEdit<'a>>,
}

#[derive(Serialize)]
struct JsonEdit<'a> {
    start: usize,
    end: usize,
    replacement: &'a str,
}

fn diagnostic<'a>(r: &'a FileResult, d: &'a Diagnostic) -> JsonDiagnostic<'a> {
    JsonDiagnostic { path: Some(&r.path), ..finding_fields(r, d) }
}

/// One diagnostic as the `json` format's object without `path`: the same fields and values, for
/// a caller that lints text in memory and serialises with its own serializer (the Python
/// package makes a dict of it).
pub fn finding<'a>(r: &'a FileResult, d: &'a Diagnostic) -> impl Serialize + 'a {
    finding_fields(r, d)
}

fn finding_fields<'a>(r: &'a FileResult, d: &'a Diagnostic) -> JsonDiagnostic<'a> {
    let loc = r.location(d);
    let at = |o: usize| o + r.offset;
    JsonDiagnostic {
        path: None,
        id: None,
        record: None,
        field: None,
        rule: &d.rule,
        category: d.category.as_str(),
        severity: d.severity.as_str(),
        message: &d.message,
        span: JsonSpan { start: at(d.span.start), end: at(d.span.end) },
        line: loc.line,
        column: loc.column,
        end_line: loc.end_line,
        end_column: loc.end_column,
        text: r.text(d),
        help: d.help.as_deref(),
        fix: d.fix.as_ref().map(|f| JsonFix {
            applicability: f.applicability,
            edits: f.edits.iter().map(|e| JsonEdit { start: at(e.span.start), end: at(e.span.end), replacement: &e.replacement }).collect(),
        }),
    }
}

/// The diagnostics of one file as elements of the `diagnostics` array, serialised into one
/// buffer (not a string per finding joined at the end: that held the report twice).
pub fn render_items(r: &FileResult, range: std::ops::Range<usize>) -> String {
    let mut out = Vec::new();
    for (i, d) in r.diagnostics[range].iter().enumerate() {
        if i > 0 {
            out.extend_from_slice(b",\n");
        }
        serde_json::to_writer_pretty(&mut out, &diagnostic(r, d)).expect("JSON");
    }
    String::from_utf8(out).expect("JSON is UTF-8")
}

pub fn footer(summary: &Summary) -> String {
    let summary = json!({
        "files": summary.files,
        "bytes": summary.bytes,
        "diagnostics": summary.diagnostics,
        "by_severity": summary.by_severity,
        "by_rule": summary.by_rule,
        "fixable": summary.fixable,
        "fixed": summary.fixed,
        "failed": summary.failed,
        "elapsed_ms": summary.elapsed_ms as u64,
    });
    format!("\n],\n\"summary\": {}\n}}\n", serde_json::to_string_pretty(&summary).expect("JSON"))
}

pub fn render_lines(r: &FileResult, range: std::ops::Range<usize>) -> String {
    let mut out = Vec::with_capacity(range.len() * 512);
    for d in &r.diagnostics[range] {
        write_line(&mut out, &diagnostic(r, d));
        out.push(b'\n');
    }
    String::from_utf8(out).expect("JSON is UTF-8")
}

/// One diagnostic as a line of `jsonl`: byte for byte what `serde_json::to_writer` writes for
/// it (a test holds the two equal), written directly. serde_json escapes a string a byte at a
/// time; a folder's report is megabytes (the seeds corpus's, 14 MB: serialising was 2.5 % of
/// the run's instructions, and this writer, which skips eight bytes at a time to the next that
/// needs escaping and writes each key with its punctuation as one piece, takes a third of that).
fn write_line(out: &mut Vec<u8>, d: &JsonDiagnostic<'_>) {
    // (each key with the comma before it: the fields come in the struct's order, and only the
    // first four may be missing)
    let mut opening: &[u8] = b"{";
    let mut key = |out: &mut Vec<u8>, key: &[u8]| {
        out.extend_from_slice(opening);
        out.extend_from_slice(key);
        opening = b",";
    };
    if let Some(path) = d.path {
        key(out, b"\"path\":");
        write_str(out, path);
    }
    if let Some(id) = d.id {
        key(out, b"\"id\":");
        out.extend_from_slice(id.get().as_bytes());
    }
    if let Some(record) = d.record {
        key(out, b"\"record\":");
        write_number(out, record);
    }
    if let Some(field) = d.field {
        key(out, b"\"field\":");
        write_str(out, field);
    }
    key(out, b"\"rule\":");
    write_str(out, d.rule);
    for (key, text) in [(&b",\"category\":"[..], d.category), (b",\"severity\":", d.severity), (b",\"message\":", d.message)] {
        out.extend_from_slice(key);
        write_str(out, text);
    }
    let numbers = [
        (&b",\"span\":{\"start\":"[..], d.span.start),
        (b",\"end\":", d.span.end),
        (b"},\"line\":", d.line),
        (b",\"column\":", d.column),
        (b",\"end_line\":", d.end_line),
        (b",\"end_column\":", d.end_column),
    ];
    for (key, n) in numbers {
        out.extend_from_slice(key);
        write_number(out, n);
    }
    out.extend_from_slice(b",\"text\":");
    write_str(out, d.text);
    out.extend_from_slice(b",\"help\":");
    match d.help {
        Some(help) => write_str(out, help),
        None => out.extend_from_slice(b"null"),
    }
    let Some(fix) = &d.fix else {
        out.extend_from_slice(b",\"fix\":null}");
        return;
    };
    out.extend_from_slice(match fix.applicability {
        Applicability::Safe => b",\"fix\":{\"applicability\":\"safe\",\"edits\":[",
        Applicability::Unsafe => b",\"fix\":{\"applicability\":\"unsafe\",\"edits\":[",
    });
    for (i, edit) in fix.edits.iter().enumerate() {
        out.extend_from_slice(if i == 0 { b"{\"start\":" } else { b",{\"start\":" });
        write_number(out, edit.start);
        out.extend_from_slice(b",\"end\":");
        write_number(out, edit.end);
        out.extend_from_slice(b",\"replacement\":");
        write_str(out, edit.replacement);
        out.push(b'}');
    }
    out.extend_from_slice(b"]}}");
}

fn write_number(out: &mut Vec<u8>, n: usize) {
    out.extend_from_slice(itoa::Buffer::new().format(n).as_bytes());
}

/// `text` as a JSON string, escaped as serde_json escapes it: `\"`, `\\`, the short escapes of
/// backspace, tab, line feed, form feed and carriage return, `\u00xx` (lowercase hex) for the
/// other control characters; everything else as it is.
fn write_str(out: &mut Vec<u8>, text: &str) {
    out.push(b'"');
    let bytes = text.as_bytes();
    let mut written = 0;
    let mut at = 0;
    while let Some(i) = next_to_escape(bytes, at) {
        out.extend_from_slice(&bytes[written..i]);
        let byte = bytes[i];
        match byte {
            b'"' => out.extend_from_slice(b"\\\""),
            b'\\' => out.extend_from_slice(b"\\\\"),
            0x08 => out.extend_from_slice(b"\\b"),
            b'\t' => out.extend_from_slice(b"\\t"),
            b'\n' => out.extend_from_slice(b"\\n"),
            0x0C => out.extend_from_slice(b"\\f"),
            b'\r' => out.extend_from_slice(b"\\r"),
            _ => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                out.extend_from_slice(&[b'\\', b'u', b'0', b'0', HEX[usize::from(byte >> 4)], HEX[usize::from(byte & 0xF)]]);
            }
        }
        written = i + 1;
        at = i + 1;
    }
    out.extend_from_slice(&bytes[written..]);
    out.push(b'"');
}

/// The first byte from `at` that JSON must escape (a control character, `"` or `\\`), eight
/// bytes a time: a byte below 0x20 or equal to either mark makes its top bit set in `flags`
/// (the bit of a byte right above such a byte may be set too, never one below it, so the
/// lowest set bit is a true one).
fn next_to_escape(bytes: &[u8], mut at: usize) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let zero_byte = |x: u64| x.wrapping_sub(ONES) & !x & HIGH;
    while let Some(chunk) = bytes.get(at..at + 8) {
        let x = u64::from_le_bytes(chunk.try_into().unwrap_or([0; 8]));
        let flags =
            (x.wrapping_sub(ONES * 0x20) & !x & HIGH) | zero_byte(x ^ (ONES * u64::from(b'"'))) | zero_byte(x ^ (ONES * u64::from(b'\\')));
        if flags != 0 {
            return Some(at + (flags.trailing_zeros() / 8) as usize);
        }
        at += 8;
    }
    bytes[at.min(bytes.len())..].iter().position(|&b| b < 0x20 || b == b'"' || b == b'\\').map(|i| at + i)
}

/// Where a dataset record's findings come from: its id (JSON as in the input), its 1-based line
/// in the input, and its fields' results.
pub struct RecordRef<'a> {
    pub id: &'a RawValue,
    pub record: usize,
    pub fields: Vec<(&'a str, &'a FileResult)>,
}

impl RecordRef<'_> {
    fn items(&self) -> impl Iterator<Item = JsonDiagnostic<'_>> {
        self.fields.iter().flat_map(|&(field, r)| {
            r.diagnostics.iter().map(move |d| JsonDiagnostic { path: None, field: Some(field), ..diagnostic(r, d) })
        })
    }
}

/// `jsonl` in dataset mode: one line per finding, with `id`, `record` and `field` in place of
/// `path`.
pub fn render_record_lines(rec: &RecordRef<'_>) -> String {
    let mut out = Vec::new();
    for item in rec.items() {
        write_line(&mut out, &JsonDiagnostic { id: Some(rec.id), record: Some(rec.record), ..item });
        out.push(b'\n');
    }
    String::from_utf8(out).expect("JSON is UTF-8")
}

/// `json` in dataset mode: one element of the `records` array (empty when the record has no
/// findings).
pub fn render_record_group(rec: &RecordRef<'_>) -> String {
    let diagnostics: Vec<JsonDiagnostic<'_>> = rec.items().collect();
    if diagnostics.is_empty() {
        return String::new();
    }
    #[derive(Serialize)]
    struct Group<'a> {
        id: &'a RawValue,
        record: usize,
        diagnostics: Vec<JsonDiagnostic<'a>>,
    }
    serde_json::to_string_pretty(&Group { id: rec.id, record: rec.record, diagnostics }).expect("JSON")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Strings with every ASCII character, the marks that must be escaped in runs and at every
    /// offset around an eight-byte chunk, and non-ASCII text (which JSON writes as it is).
    fn strings() -> Vec<String> {
        let mut all: Vec<String> = (0u8..=0x7F).map(|b| char::from(b).to_string()).collect();
        all.push((0u8..=0x7F).map(char::from).collect());
        for mark in ['"', '\\', '\n', '\u{1}', '\u{1f}', '\u{7f}', ' ', 'é', '“', '\u{2028}'] {
            for at in 0..20 {
                for len in [0, 7, 8, 9, 16, 23] {
                    let mut s: String = "abcdefghijklmnopqrstuvw".chars().take(len).collect();
                    let at = at.min(s.len());
                    s.insert(at, mark);
                    s.push(mark);
                    all.push(s);
                }
            }
        }
        all.push(String::new());
        all.push("Trump’s “deal” — \t“quoted\\path”\r\n🇺🇸 😀".to_string());
        all
    }

    #[test]
    fn strings_are_escaped_as_serde_json_escapes_them() {
        for s in strings() {
            let mut out = Vec::new();
            write_str(&mut out, &s);
            assert_eq!(String::from_utf8(out).unwrap(), serde_json::to_string(&s).unwrap(), "{s:?}");
        }
    }

    #[test]
    fn a_line_is_what_serde_json_writes() {
        let id = RawValue::from_string("{\"n\": [1, \"x\"]}".to_string()).unwrap();
        let strings = strings();
        for (i, s) in strings.iter().enumerate() {
            let edits: Vec<JsonEdit<'_>> = (0..i % 3).map(|k| JsonEdit { start: k, end: k * 1000 + i, replacement: s }).collect();
            let fix = (i % 4 != 0)
                .then_some(JsonFix { applicability: if i % 2 == 0 { Applicability::Safe } else { Applicability::Unsafe }, edits });
            let d = JsonDiagnostic {
                path: (i % 5 != 0).then_some(s.as_str()),
                id: (i % 5 == 0).then_some(&*id),
                record: (i % 5 == 0).then_some(i * 7919),
                field: (i % 5 == 0).then_some("body\"text"),
                rule: "heading-case",
                category: "capitalization",
                severity: "warning",
                message: s,
                span: JsonSpan { start: i, end: usize::MAX - i },
                line: i + 1,
                column: 0,
                end_line: 10_000_000 + i,
                end_column: 99,
                text: &strings[strings.len() - 1 - i],
                help: (i % 3 != 1).then_some(s.as_str()),
                fix,
            };
            let mut out = Vec::new();
            write_line(&mut out, &d);
            assert_eq!(String::from_utf8(out).unwrap(), serde_json::to_string(&d).unwrap());
        }
    }
}
