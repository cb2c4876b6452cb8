//! `sarif`: SARIF 2.1.0 for code-scanning dashboards. Every built-in rule is listed in
//! `tool.driver.rules` with its help text; results carry line/column regions (columns in
//! Unicode code points) and byte offsets, and safe/unsafe fixes as SARIF fixes.

use super::FileResult;
use crate::diagnostic::Severity;
use crate::rules::{self, RuleMeta};
use serde_json::{json, Value};

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

fn rule_descriptor(meta: &RuleMeta) -> Value {
    json!({
        "id": meta.id,
        "name": meta.id,
        "shortDescription": { "text": meta.summary },
        "fullDescription": { "text": meta.explanation },
        "help": { "text": format!("{}\n\nBad:  {}\nGood: {}", meta.explanation, meta.bad, meta.good) },
        "defaultConfiguration": { "level": level(meta.default_severity) },
        "properties": { "category": meta.category.as_str() },
    })
}

/// A relative path as a SARIF URI: forward slashes, spaces and % escaped.
fn uri(path: &str) -> String {
    let path = path.replace('\\', "/");
    let path = path.strip_prefix("./").unwrap_or(&path);
    path.replace('%', "%25").replace(' ', "%20")
}

pub fn render(results: &[FileResult]) -> String {
    let mut descriptors: Vec<Value> = rules::ALL.iter().map(|m| rule_descriptor(m)).collect();
    let mut ids: Vec<String> = rules::ALL.iter().map(|m| m.id.to_string()).collect();
    let mut out_results = Vec::new();
    for r in results {
        for d in &r.diagnostics {
            let index = match ids.iter().position(|id| *id == d.rule) {
                Some(i) => i,
                None => {
                    // A custom rule: describe it from what the diagnostic says.
                    ids.push(d.rule.clone());
                    descriptors.push(json!({"id": d.rule, "name": d.rule, "shortDescription": {"text": d.message}, "properties": {"category": "custom"}}));
                    ids.len() - 1
                }
            };
            let loc = r.location(d);
            let artifact = json!({ "uri": uri(&r.path) });
            let mut result = json!({
                "ruleId": d.rule,
                "ruleIndex": index,
                "level": level(d.severity),
                "message": { "text": d.message },
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": artifact,
                        "region": {
                            "startLine": loc.line,
                            "startColumn": loc.column,
                            "endLine": loc.end_line,
                            "endColumn": loc.end_column,
                            "byteOffset": d.span.start,
                            "byteLength": d.span.len(),
                            "snippet": { "text": r.text(d) },
                        }
                    }
                }],
            });
            if let Some(fix) = &d.fix {
                result["fixes"] = json!([{
                    "description": { "text": format!("{} fix{}", if fix.applicability == crate::diagnostic::Applicability::Safe { "safe" } else { "unsafe" }, d.help.as_ref().map(|h| format!(": {h}")).unwrap_or_default()) },
                    "artifactChanges": [{
                        "artifactLocation": artifact,
                        "replacements": fix.edits.iter().map(|e| json!({
                            "deletedRegion": { "byteOffset": e.span.start, "byteLength": e.span.len() },
                            "insertedContent": { "text": e.replacement },
                        })).collect::<Vec<_>>(),
                    }],
                }]);
            }
            out_results.push(result);
        }
    }
    let doc = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": {
                "name": "copydesk",
                "version": env!("CARGO_PKG_VERSION"),
                "informationUri": "https://example.invalid/copydesk",
                "rules": descriptors,
            }},
            "columnKind": "unicodeCodePoints",
            "results": out_results,
        }]
    });
    let mut s = serde_json::to_string_pretty(&doc).expect("JSON values serialise");
    s.push('\n');
    s
}
