//! `[[custom]]` rules: one regex each, from lint-rules.toml, with an optional replacement.
//! Patterns use the `regex` crate (linear time, no backtracking) with size limits, so a hostile
//! config cannot make copydesk hang or run code.

use super::{Rule, RuleMeta};
use crate::diagnostic::{Category, Diagnostic, Edit, Fix, Severity, Span};
use crate::document::{BlockKind, Document};
use crate::options::{CustomRuleConfig, Scope};
use regex::{Regex, RegexBuilder};

/// Compile a user pattern with bounded size and nesting.
pub fn compile_pattern(pattern: &str, case_insensitive: bool) -> Result<Regex, String> {
    RegexBuilder::new(pattern)
        .case_insensitive(case_insensitive)
        .size_limit(1 << 20)
        .dfa_size_limit(1 << 20)
        .nest_limit(64)
        .build()
        .map_err(|e| e.to_string())
}

/// What the engine needs of a custom rule's metadata: its category, and its default severity
/// (the configured one) and fix kind, so one static per combination serves every custom rule.
/// The id and message live in the rule itself.
macro_rules! custom_meta {
    ($name:ident, $severity:expr, $fix:expr) => {
        static $name: RuleMeta = RuleMeta {
            id: "custom",
            category: Category::Custom,
            default_severity: $severity,
            priority: u16::MAX,
            fix: $fix,
            summary: "A [[custom]] rule from lint-rules.toml",
            explanation: "A rule made of one regex in lint-rules.toml.",
            bad: "",
            good: "",
        };
    };
}
custom_meta!(INFO, Severity::Info, "");
custom_meta!(WARNING, Severity::Warning, "");
custom_meta!(ERROR, Severity::Error, "");
custom_meta!(INFO_FIX, Severity::Info, "unsafe");
custom_meta!(WARNING_FIX, Severity::Warning, "unsafe");
custom_meta!(ERROR_FIX, Severity::Error, "unsafe");

pub struct Custom {
    meta: &'static RuleMeta,
    id: String,
    regex: Regex,
    message: String,
    help: Option<String>,
    replacement: Option<String>,
    scope: Scope,
}

impl Custom {
    pub fn new(config: &CustomRuleConfig) -> Result<Self, String> {
        let regex = compile_pattern(&config.pattern, config.case_insensitive).map_err(|e| format!("custom rule `{}`: {e}", config.id))?;
        let meta = match (config.severity.severity().unwrap_or(Severity::Warning), config.replacement.is_some()) {
            (Severity::Info, false) => &INFO,
            (Severity::Warning, false) => &WARNING,
            (Severity::Error, false) => &ERROR,
            (Severity::Info, true) => &INFO_FIX,
            (Severity::Warning, true) => &WARNING_FIX,
            (Severity::Error, true) => &ERROR_FIX,
        };
        Ok(Custom {
            meta,
            id: config.id.clone(),
            regex,
            message: config.message.clone(),
            help: config.help.clone(),
            replacement: config.replacement.clone(),
            scope: config.scope,
        })
    }

    fn in_scope(&self, kind: BlockKind) -> bool {
        match self.scope {
            Scope::Any => true,
            Scope::Title => kind == BlockKind::Title,
            Scope::Heading => kind.is_heading_like(),
            Scope::Body => !kind.is_heading_like(),
        }
    }
}

impl Rule for Custom {
    fn meta(&self) -> &RuleMeta {
        self.meta
    }

    fn id(&self) -> &str {
        &self.id
    }

    fn check(&self, doc: &Document<'_>, out: &mut Vec<Diagnostic>) {
        for block in doc.blocks.iter().filter(|b| b.kind.is_prose() && self.in_scope(b.kind)) {
            let text = doc.text(block.content);
            for caps in self.regex.captures_iter(text) {
                let m = caps.get(0).expect("match");
                if m.is_empty() {
                    continue;
                }
                let span = Span::new(block.content.start + m.start(), block.content.start + m.end());
                if doc.is_masked(span) {
                    continue;
                }
                let mut d = Diagnostic::new(self.id.clone(), span, self.message.clone());
                d.category = Category::Custom;
                // The configured level, whatever it is: the engine keeps a finding below the
                // rule's default at its own level, so it must not start at `Warning`.
                d.severity = self.meta.default_severity;
                d.help = self.help.clone().map(Into::into);
                if let Some(template) = &self.replacement {
                    let mut replacement = String::new();
                    caps.expand(template, &mut replacement);
                    d.fix = Some(Fix::unsafe_(vec![Edit::replace(span, replacement)]));
                }
                out.push(d);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::LoadedConfig;
    use crate::diagnostic::Applicability::{Safe, Unsafe};
    use crate::document::Format;
    use crate::engine::{Linter, Selection};

    fn linter(toml: &str) -> Linter {
        let config = LoadedConfig::from_user_text("t.toml", toml, None).expect("valid config").config;
        Linter::new(&config, &Selection { select: vec!["no-click-here".into()], ignore: Vec::new() }).expect("builds")
    }

    const RULE: &str = "[[custom]]\nid = \"no-click-here\"\npattern = \"(?i)click here\"\nmessage = \"say where the link goes\"\n";

    #[test]
    fn a_custom_rule_reports_under_its_own_id_with_its_severity() {
        let linter = linter(&format!("{RULE}severity = \"info\"\nscope = \"body\"\n"));
        let text = "Click Here Now\n\nFor the report, click here.\n";
        let found = linter.lint(text, Format::PlainText);
        assert_eq!(found.len(), 1, "the title is out of scope");
        assert_eq!(
            (found[0].rule.as_ref(), found[0].severity, &text[found[0].span.start..found[0].span.end]),
            ("no-click-here", Severity::Info, "click here")
        );
        assert_eq!(found[0].category, Category::Custom);
    }

    #[test]
    fn a_replacement_is_an_unsafe_fix_with_groups_expanded() {
        let linter = linter(
            "[[custom]]\nid = \"no-click-here\"\npattern = \"click (here)\"\nmessage = \"m\"\nreplacement = \"read the report ($1)\"\n",
        );
        let text = "Title Here\n\nTo see it, click here.\n";
        let found = linter.lint(text, Format::PlainText);
        assert_eq!(crate::fix::fix(text, &found, Safe).text, text);
        assert_eq!(crate::fix::fix(text, &found, Unsafe).text, "Title Here\n\nTo see it, read the report (here).\n");
    }

    #[test]
    fn empty_matches_and_oversized_patterns_are_harmless() {
        let linter = linter("[[custom]]\nid = \"no-click-here\"\npattern = \"x*\"\nmessage = \"m\"\n");
        assert!(linter.lint("Title Here\n\nNothing to see.\n", Format::PlainText).is_empty());
        assert!(compile_pattern(&"(a{1000}){1000}".repeat(4), false).is_err());
    }
}
