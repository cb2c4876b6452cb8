//! `json` (one document) and `jsonl` (one diagnostic per line): copydesk's public contract,
//! read by ../shared/acceptance/score.py and data pipelines. Byte spans are end-exclusive;
//! lines and columns are 1-based, columns in characters.

use super::{FileResult, Summary};
use crate::diagnostic::Diagnostic;
use serde_json::{json, Value};

pub fn diagnostic(r: &FileResult, d: &Diagnostic) -> Value {
    let loc = r.location(d);
    json!({
        "path": r.path,
        "rule": d.rule,
        "category": d.category.as_str(),
        "severity": d.severity.as_str(),
        "message": d.message,
        "span": { "start": d.span.start, "end": d.span.end },
        "line": loc.line,
        "column": loc.column,
        "end_line": loc.end_line,
        "end_column": loc.end_column,
        "text": r.text(d),
        "help": d.help,
        "fix": d.fix.as_ref().map(|f| json!({
            "applicability": f.applicability,
            "edits": f.edits.iter().map(|e| json!({"start": e.span.start, "end": e.span.end, "replacement": e.replacement})).collect::<Vec<_>>(),
        })),
    })
}

pub fn render(results: &[FileResult], summary: &Summary) -> String {
    let diagnostics: Vec<Value> = results.iter().flat_map(|r| r.diagnostics.iter().map(move |d| diagnostic(r, d))).collect();
    let doc = json!({
        "version": 1,
        "diagnostics": diagnostics,
        "summary": {
            "files": summary.files,
            "bytes": summary.bytes,
            "diagnostics": summary.diagnostics,
            "by_severity": summary.by_severity,
            "by_rule": summary.by_rule,
            "fixable": summary.fixable,
            "fixed": summary.fixed,
            "elapsed_ms": summary.elapsed_ms as u64,
        }
    });
    let mut out = serde_json::to_string_pretty(&doc).expect("JSON values serialise");
    out.push('\n');
    out
}

pub fn render_lines(results: &[FileResult]) -> String {
    let mut out = String::new();
    for r in results {
        for d in &r.diagnostics {
            out.push_str(&diagnostic(r, d).to_string());
            out.push('\n');
        }
    }
    out
}
