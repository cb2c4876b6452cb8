//! `copydesk rules` and `copydesk explain`: the rule catalogue as a table, as JSON, and one
//! rule's page.

use crate::rules::{self, RuleMeta};

/// Every built-in rule, one line each (`json`: an array of objects).
pub fn rules_list(json: bool) -> String {
    let mut out = String::new();
    if json {
        let rows: Vec<_> = rules::ALL
            .iter()
            .map(|m| serde_json::json!({"id": m.id, "category": m.category.as_str(), "severity": m.default_severity.as_str(), "fix": m.fix, "summary": m.summary}))
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
