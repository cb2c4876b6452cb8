//! `sarif`: SARIF 2.1.0 for code-scanning dashboards. Every built-in rule (and every custom
//! rule of the configuration) is listed in `tool.driver.rules` with its help text; results
//! carry line/column regions (columns in Unicode code points) and byte offsets, and
//! safe/unsafe fixes as SARIF fixes.

use super::{FileResult, Options};
use crate::diagnostic::{Applicability, Severity};
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

/// Rule ids in `tool.driver.rules` order: built-in, then custom.
fn rule_ids(options: &Options) -> impl Iterator<Item = &str> {
    rules::ALL.iter().map(|m| m.id).chain(options.custom_rules.iter().map(|(id, _)| id.as_str()))
}

/// A relative path as a SARIF URI: forward slashes, spaces and % escaped.
fn uri(path: &str) -> String {
    let path = path.replace('\\', "/");
    let path = path.strip_prefix("./").unwrap_or(&path);
    path.replace('%', "%25").replace(' ', "%20")
}

/// Everything before the first result.
pub fn header(options: &Options) -> String {
    let mut descriptors: Vec<Value> = rules::ALL.iter().map(|m| rule_descriptor(m)).collect();
    for (id, message) in &options.custom_rules {
        descriptors.push(json!({"id": id, "name": id, "shortDescription": {"text": message}, "properties": {"category": "custom"}}));
    }
    let driver = json!({
        "name": "copydesk",
        "version": env!("CARGO_PKG_VERSION"),
        "informationUri": "https://example.invalid/copydesk",
        "rules": descriptors,
    });
    format!(
        "{{\n\"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n\"version\": \"2.1.0\",\n\"runs\": [{{\n\"tool\": {{\"driver\": {}}},\n\"columnKind\": \"unicodeCodePoints\",\n\"results\": [\n",
        serde_json::to_string_pretty(&driver).expect("JSON")
    )
}

pub fn footer() -> String {
    "\n]\n}]\n}\n".to_string()
}

/// The results of one file, as elements of the `results` array.
pub fn render_results(r: &FileResult, options: &Options) -> String {
    let mut out = Vec::new();
    for d in &r.diagnostics {
        let index = rule_ids(options).position(|id| id == d.rule);
        let loc = r.location(d);
        let artifact = json!({ "uri": uri(&r.path) });
        let mut result = json!({
            "ruleId": d.rule,
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
                        "byteOffset": d.span.start + r.offset,
                        "byteLength": d.span.len(),
                        "snippet": { "text": r.text(d) },
                    }
                }
            }],
        });
        if let Some(i) = index {
            result["ruleIndex"] = json!(i);
        }
        if let Some(fix) = &d.fix {
            let kind = if fix.applicability == Applicability::Safe { "safe" } else { "unsafe" };
            result["fixes"] = json!([{
                "description": { "text": format!("{kind} fix{}", d.help.as_ref().map(|h| format!(": {h}")).unwrap_or_default()) },
                "artifactChanges": [{
                    "artifactLocation": artifact,
                    "replacements": fix.edits.iter().map(|e| json!({
                        "deletedRegion": { "byteOffset": e.span.start + r.offset, "byteLength": e.span.len() },
                        "insertedContent": { "text": e.replacement },
                    })).collect::<Vec<_>>(),
                }],
            }]);
        }
        out.push(serde_json::to_string_pretty(&result).expect("JSON"));
    }
    out.join(",\n")
}
