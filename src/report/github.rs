//! `github`: workflow commands that GitHub Actions turns into inline annotations.

use super::FileResult;
use crate::diagnostic::Severity;

/// Escaping from the workflow-command spec: data escapes %, CR, LF; properties also : and ,.
fn escape_data(s: &str) -> String {
    s.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

pub fn render(r: &FileResult, range: std::ops::Range<usize>) -> String {
    let mut out = String::new();
    {
        for d in &r.diagnostics[range] {
            let loc = r.location(d);
            let command = match d.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Info => "notice",
            };
            out.push_str(&format!(
                "::{command} file={},line={},col={},endLine={},endColumn={},title={}::{}\n",
                escape_property(&r.path),
                loc.line,
                loc.column,
                loc.end_line,
                loc.end_column,
                escape_property(&d.rule),
                escape_data(&d.message)
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn escapes() {
        assert_eq!(super::escape_property("a:b,c%\n"), "a%3Ab%2Cc%25%0A");
    }
}
