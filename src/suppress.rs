//! Inline suppressions, written as HTML comments so they vanish in rendered Markdown and work
//! on a line of their own in plain text:
//!
//! ```text
//! <!-- copydesk-disable typo,clickbait -->   … <!-- copydesk-enable -->
//! <!-- copydesk-disable-next-line sentence-case -->
//! <!-- copydesk-disable-file -->             (no rule list = every rule)
//! ```

use crate::diagnostic::Span;
use regex::Regex;
use std::sync::LazyLock;

static COMMENT: LazyLock<Regex> =
    LazyLock::new(|| crate::text::regex(r"<!--\s*copydesk-(disable-next-line|disable-file|disable|enable)(?-u:\b)([^>]*?)\s*-->").unwrap());

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suppression {
    /// The comment itself, where an unused suppression is reported.
    pub comment: Span,
    /// Rule ids; empty means every rule.
    pub rules: Vec<String>,
    /// The text it covers.
    pub covers: Span,
}

impl Suppression {
    pub fn applies(&self, rule: &str, at: usize) -> bool {
        self.covers.contains(at) && (self.rules.is_empty() || self.rules.iter().any(|r| r == rule))
    }
}

fn rule_list(text: &str) -> Vec<String> {
    text.split([',', ' ', '\t']).map(str::trim).filter(|s| !s.is_empty()).map(str::to_string).collect()
}

/// Every suppression comment in `source` with the region it covers.
pub fn parse(source: &str) -> Vec<Suppression> {
    if !source.contains("copydesk-") {
        return Vec::new();
    }
    let mut out = Vec::new();
    // Open `disable` regions: (index into out) waiting for an `enable`.
    let mut open: Vec<usize> = Vec::new();
    for caps in COMMENT.captures_iter(source) {
        let whole = caps.get(0).unwrap();
        let comment = Span::new(whole.start(), whole.end());
        let rules = rule_list(caps.get(2).map_or("", |m| m.as_str()));
        match &caps[1] {
            "disable-file" => out.push(Suppression { comment, rules, covers: Span::new(0, source.len()) }),
            "disable-next-line" => {
                let line_end = source[comment.end..].find('\n').map_or(source.len(), |i| comment.end + i);
                // The next non-blank line after the comment's line.
                let mut start = (line_end + 1).min(source.len());
                while start < source.len() {
                    let end = source[start..].find('\n').map_or(source.len(), |i| start + i);
                    if !source[start..end].trim().is_empty() {
                        break;
                    }
                    start = end + 1;
                }
                let start = start.min(source.len());
                let end = source[start..].find('\n').map_or(source.len(), |i| start + i);
                out.push(Suppression { comment, rules, covers: Span::new(start, end) });
            }
            "disable" => {
                open.push(out.len());
                out.push(Suppression { comment, rules, covers: Span::new(comment.end, source.len()) });
            }
            _ => {
                // enable: closes the matching open regions (all of them when no list is given).
                open.retain(|&i| {
                    let s = &mut out[i];
                    let closes = rules.is_empty() || s.rules.iter().any(|r| rules.contains(r));
                    if closes {
                        s.covers.end = comment.start;
                    }
                    !closes
                });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regions_lines_and_files() {
        let src = "a\n<!-- copydesk-disable typo -->\nb\n<!-- copydesk-enable -->\nc\n<!-- copydesk-disable-next-line -->\n\nd\ne\n";
        let s = parse(src);
        assert_eq!(s.len(), 2);
        let b = src.find("b\n").unwrap();
        assert!(s[0].applies("typo", b));
        assert!(!s[0].applies("clickbait", b));
        assert!(!s[0].applies("typo", src.find("c\n").unwrap()));
        assert!(s[1].applies("any", src.find("d\n").unwrap()));
        assert!(!s[1].applies("any", src.find("e\n").unwrap()));
    }
}
