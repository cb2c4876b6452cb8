//! `copydesk rules` and `copydesk explain`: the rule catalogue as a table, as JSON, and one
//! rule's page.

use crate::config::{CustomRuleConfig, LoadedConfig};
use crate::rules::{self, RuleMeta};

/// A custom rule's row: (id, severity as configured, fix, summary).
fn custom_row(c: &CustomRuleConfig) -> (&str, &'static str, &'static str, &str) {
    let severity = c.severity.severity().map_or("off", |s| s.as_str());
    (c.id.as_str(), severity, if c.replacement.is_some() { "unsafe" } else { "" }, c.message.as_str())
}

/// Every built-in rule, then the `[[custom]]` rules of the configuration in force, one line
/// each (`json`: an array of objects).
pub fn rules_list(json: bool, custom: &[CustomRuleConfig]) -> String {
    let mut out = String::new();
    let custom_rows = custom.iter().map(custom_row);
    if json {
        let rows: Vec<_> = rules::ALL
            .iter()
            .map(|m| serde_json::json!({"id": m.id, "category": m.category.as_str(), "severity": m.default_severity.as_str(), "fix": m.fix, "summary": m.summary}))
            .chain(custom_rows.map(|(id, severity, fix, summary)| serde_json::json!({"id": id, "category": "custom", "severity": severity, "fix": fix, "summary": summary})))
            .collect();
        out = serde_json::to_string_pretty(&rows).unwrap_or_default() + "\n";
    } else {
        out.push_str(&format!("{:<20} {:<15} {:<8} {:<12} {}\n", "ID", "CATEGORY", "SEVERITY", "FIX", "SUMMARY"));
        for m in rules::ALL {
            let fix = if m.fix.is_empty() { "-" } else { m.fix };
            out.push_str(&format!(
                "{:<20} {:<15} {:<8} {:<12} {}\n",
                m.id,
                m.category.as_str(),
                m.default_severity.as_str(),
                fix,
                m.summary
            ));
        }
        for (id, severity, fix, summary) in custom_rows {
            let fix = if fix.is_empty() { "-" } else { fix };
            out.push_str(&format!("{id:<20} {:<15} {severity:<8} {fix:<12} {summary}\n", "custom"));
        }
    }
    out
}

/// A `[[custom]]` rule's page: its message, pattern, scope and where it is defined.
pub fn explain_custom(c: &CustomRuleConfig, defined_in: &str) -> String {
    let (id, severity, fix, summary) = custom_row(c);
    let fix = if fix.is_empty() { "none" } else { fix };
    let mut out = format!(
        "{id}\n\ncategory: custom   severity: {severity}   fix: {fix}\n\n{summary}\n\nA [[custom]] rule defined in {defined_in}.\n\nPattern:\n  {}\n\nScope: {}\n",
        c.pattern,
        format!("{:?}", c.scope).to_lowercase()
    );
    if let Some(help) = &c.help {
        out.push_str(&format!("\nHelp:\n  {help}\n"));
    }
    if let Some(r) = &c.replacement {
        out.push_str(&format!("\nReplacement:\n  {r}\n"));
    }
    out
}

/// One rule's page: what it flags, why, and an example.
pub fn explain(m: &RuleMeta) -> String {
    let fix = if m.fix.is_empty() { "none".to_string() } else { m.fix.to_string() };
    format!(
        "{}\n\ncategory: {}   default severity: {}   fix: {}\n\n{}\n\n{}\n\nBad:\n  {}\n\nGood:\n  {}\n",
        m.id,
        m.category.as_str(),
        m.default_severity,
        fix,
        m.summary,
        m.explanation,
        m.bad.replace('\n', "\n  "),
        m.good.replace('\n', "\n  ")
    )
}

/// `copydesk explain ID`: the page of a `[[custom]]` rule of `config` or of a built-in rule, or
/// the error to print (with the nearest id).
pub fn explain_id(id: &str, config: &LoadedConfig) -> Result<String, String> {
    if let Some(c) = config.config.custom.iter().find(|c| c.id == id) {
        let defined_in = config.path.as_deref().map_or("the configuration".into(), |p| p.display().to_string());
        return Ok(explain_custom(c, &defined_in));
    }
    match rules::find(id) {
        Some(m) => Ok(explain(m)),
        None => {
            let ids = rules::ALL.iter().map(|m| m.id).chain(config.config.custom.iter().map(|c| c.id.as_str()));
            Err(format!("unknown rule `{id}`{}; `copydesk rules` lists them", crate::text::did_you_mean(id, ids)))
        }
    }
}
