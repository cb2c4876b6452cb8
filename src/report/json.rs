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
    let mut out = Vec::new();
    for d in &r.diagnostics[range] {
        serde_json::to_writer(&mut out, &diagnostic(r, d)).expect("JSON");
        out.push(b'\n');
    }
    String::from_utf8(out).expect("JSON is UTF-8")
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
    let mut out = String::new();
    for item in rec.items() {
        let item = JsonDiagnostic { id: Some(rec.id), record: Some(rec.record), ..item };
        out.push_str(&serde_json::to_string(&item).expect("JSON"));
        out.push('\n');
    }
    out
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
