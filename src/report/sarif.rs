//! `sarif`: SARIF 2.1.0 for code-scanning dashboards. Every built-in rule (and every custom
//! rule of the configuration) is listed in `tool.driver.rules` with its help text; results
//! carry line/column regions (columns in Unicode code points) and byte offsets, and
//! safe/unsafe fixes as SARIF fixes. The header is indented for a reader; each result is one
//! line.

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

/// The base that relative artifact URIs are resolved against (the directory paths are
/// reported relative to), as GitHub code scanning and other SARIF consumers expect.
pub const SRCROOT: &str = "%SRCROOT%";

/// Percent-encode a path for a URI: every byte but RFC 3986's unreserved characters and `/`
/// (so `:` in a first segment, `#`, `?`, `%`, spaces and non-ASCII are all escaped).
pub fn encode_path(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~' | b'/') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// A reported path as a SARIF artifact location: a relative reference with `uriBaseId`
/// `%SRCROOT%`, or a `file:` URI for an absolute path.
fn artifact_location(path: &str) -> Value {
    let path = path.replace('\\', "/");
    let path = path.strip_prefix("./").unwrap_or(&path);
    if path.starts_with('/') {
        json!({ "uri": format!("file://{}", encode_path(path)) })
    } else {
        json!({ "uri": encode_path(path), "uriBaseId": SRCROOT })
    }
}

/// A directory as the `file:` URI of `%SRCROOT%` (with its trailing slash).
fn srcroot_uri(dir: &std::path::Path) -> String {
    let dir = dir.display().to_string().replace('\\', "/");
    let dir = if dir.starts_with('/') { dir } else { format!("/{dir}") };
    let dir = if dir.ends_with('/') { dir } else { format!("{dir}/") };
    format!("file://{}", encode_path(&dir))
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
    let base = match &options.srcroot {
        Some(dir) => format!("\"originalUriBaseIds\": {{\"{SRCROOT}\": {{\"uri\": {}}}}},\n", json!(srcroot_uri(dir))),
        None => String::new(),
    };
    format!(
        "{{\n\"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n\"version\": \"2.1.0\",\n\"runs\": [{{\n\"tool\": {{\"driver\": {}}},\n{base}\"columnKind\": \"unicodeCodePoints\",\n\"results\": [\n",
        serde_json::to_string_pretty(&driver).expect("JSON")
    )
}

pub fn footer() -> String {
    "\n]\n}]\n}\n".to_string()
}

/// The results of one file (those in `range`), as elements of the `results` array.
pub fn render_results(r: &FileResult, options: &Options, range: std::ops::Range<usize>) -> String {
    let mut out = Vec::new();
    for d in &r.diagnostics[range] {
        let index = rule_ids(options).position(|id| id == d.rule);
        let loc = r.location(d);
        let artifact = artifact_location(&r.path);
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
        if !out.is_empty() {
            out.extend_from_slice(b",\n");
        }
        // One line per result: a dense file's results are several times its size, and
        // pretty-printing would double that again (SARIF is read by programs).
        serde_json::to_writer(&mut out, &result).expect("JSON");
    }
    String::from_utf8(out).expect("JSON is UTF-8")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_become_percent_encoded_relative_references() {
        assert_eq!(artifact_location("news/Zürich 50% off #1.md")["uri"], "news/Z%C3%BCrich%2050%25%20off%20%231.md");
        assert_eq!(artifact_location("./a:b?.md")["uri"], "a%3Ab%3F.md");
        assert_eq!(artifact_location("a.md")["uriBaseId"], SRCROOT);
        assert_eq!(artifact_location("/tmp/x y.md"), json!({"uri": "file:///tmp/x%20y.md"}));
        assert_eq!(srcroot_uri(std::path::Path::new("/work/my repo")), "file:///work/my%20repo/");
    }
}
