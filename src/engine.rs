//! The RuleSet: rules compiled from config, run over a Document, then suppressions applied,
//! duplicates across overlapping rules removed, and the result sorted.

use crate::config::Config;
use crate::diagnostic::{Category, Diagnostic, Severity, Span};
use crate::document::Document;
use crate::rules::{self, Configured, RuleMeta};
use crate::suppress;

pub static UNUSED_SUPPRESSION: RuleMeta = RuleMeta {
    id: "unused-suppression",
    category: Category::Meta,
    default_severity: Severity::Info,
    fix: "safe",
    summary: "A copydesk-disable comment that suppresses nothing",
    explanation: "Reports a `<!-- copydesk-disable… -->` comment that silenced no finding, or that names a \
rule copydesk does not know. Stale suppressions hide future defects, so they are worth deleting. \
The safe fix removes the comment.",
    bad: "<!-- copydesk-disable-next-line typo -->\nA line with no typo.",
    good: "A line with no typo.",
};

pub static INVALID_UTF8: RuleMeta = RuleMeta {
    id: "invalid-utf8",
    category: Category::Meta,
    default_severity: Severity::Error,
    fix: "",
    summary: "The file is not valid UTF-8 (reported at the first bad byte)",
    explanation: "Reports a file that contains bytes that are not valid UTF-8, at the offset of the first \
bad byte, with the count of bad bytes. The rest of the file is still linted: each invalid byte is read \
as one placeholder character so every other span stays exact. `--fix` never rewrites such a file.",
    bad: "caf\\xE9 (Latin-1 bytes in a UTF-8 file)",
    good: "café",
};

/// The enabled rules for one configuration, compiled once and shared by all threads.
pub struct RuleSet {
    rules: Vec<Configured>,
    unused_suppression: Option<Severity>,
    pub(crate) invalid_utf8: Option<Severity>,
}

/// Which rules the command line selected or ignored.
#[derive(Debug, Clone, Default)]
pub struct Selection {
    pub select: Vec<String>,
    pub ignore: Vec<String>,
}

impl Selection {
    pub fn allows(&self, id: &str) -> bool {
        (self.select.is_empty() || self.select.iter().any(|s| s == id)) && !self.ignore.iter().any(|s| s == id)
    }
}

impl RuleSet {
    pub fn new(config: &Config, selection: &Selection) -> Result<RuleSet, String> {
        let mut rules = rules::build(&config.rules, &config.custom)?;
        rules.retain(|c| selection.allows(c.rule.meta().id));
        let meta = |id: &str| rules::meta_rule_severity(&config.rules, id).filter(|_| selection.allows(id));
        Ok(RuleSet { unused_suppression: meta("unused-suppression"), invalid_utf8: meta("invalid-utf8"), rules })
    }

    /// Rule ids that are on, for listing.
    pub fn ids(&self) -> impl Iterator<Item = &str> {
        self.rules.iter().map(|c| c.rule.meta().id)
    }

    /// Run every rule, apply suppressions, drop duplicates, sort by position.
    pub fn check(&self, doc: &Document<'_>) -> Vec<Diagnostic> {
        let mut all = Vec::new();
        for configured in &self.rules {
            let start = all.len();
            configured.rule.check(doc, &mut all);
            let meta = configured.rule.meta();
            for d in &mut all[start..] {
                // A rule may mark a finding as a judgement call (below its default severity);
                // it then stays that low, else it takes the configured severity.
                d.severity = if d.severity < meta.default_severity { d.severity.min(configured.severity) } else { configured.severity };
                if d.category == Category::Meta {
                    d.category = meta.category;
                }
            }
        }
        let suppressions = suppress::parse(doc.source);
        if !suppressions.is_empty() {
            let mut used = vec![false; suppressions.len()];
            all.retain(|d| {
                let hit = suppressions.iter().position(|s| s.applies(&d.rule, d.span.start));
                if let Some(i) = hit {
                    used[i] = true;
                }
                hit.is_none()
            });
            if let Some(severity) = self.unused_suppression {
                for (s, used) in suppressions.iter().zip(used) {
                    let unknown: Vec<&String> =
                        s.rules.iter().filter(|r| rules::find(r).is_none() && !self.ids().any(|id| id == r.as_str())).collect();
                    let message = if !unknown.is_empty() {
                        format!("suppression names unknown rule `{}`", unknown[0])
                    } else if !used {
                        "suppression comment suppresses nothing".to_string()
                    } else {
                        continue;
                    };
                    let removal = doc.block_removal_span(s.comment);
                    let whole_line = doc.text(removal).trim() == doc.text(s.comment).trim();
                    let fix_span = if whole_line { removal } else { s.comment };
                    let mut d = Diagnostic::new(UNUSED_SUPPRESSION.id, s.comment, message)
                        .with_severity(severity)
                        .with_help("delete the comment")
                        .with_fix(crate::diagnostic::Fix::safe(vec![crate::diagnostic::Edit::delete(fix_span)]));
                    d.category = Category::Meta;
                    all.push(d);
                }
            }
        }
        dedupe(&mut all);
        all
    }
}

/// Position order, and one finding per span per category: when proper-noun-case and
/// sentence-case both flag "japan", the more specific rule (earlier in the registry) wins.
fn dedupe(all: &mut Vec<Diagnostic>) {
    let order = |id: &str| rules::ALL.iter().position(|m| m.id == id).unwrap_or(usize::MAX);
    all.sort_by(|a, b| (a.span, order(&a.rule)).cmp(&(b.span, order(&b.rule))).then_with(|| a.message.cmp(&b.message)));
    let mut kept: Vec<Span> = Vec::new();
    all.retain(|d| {
        if d.category != Category::Capitalization {
            return true;
        }
        // Sorted by start, so only recent kept spans can overlap this one.
        let clash = kept.iter().rev().take(4).any(|k| k.overlaps(d.span));
        if !clash {
            kept.push(d.span);
        }
        !clash
    });
    all.dedup_by(|a, b| a.rule == b.rule && a.span == b.span);
}
