//! The rule registry: every rule, its metadata, its options, and how config becomes a rule.
//!
//! To add a rule: write `src/rules/<id>.rs` with a `META`, an `Options` struct and a type
//! implementing [`Rule`]; add one line to [`RuleOptions`], one to [`ALL`] and one to [`build`].

pub mod boilerplate;
pub mod clickbait;
pub mod custom;
pub mod duplicate_line;
pub mod emphasis_in_heading;
pub mod empty_section;
pub mod heading_case;
pub mod meta;
pub mod missing_space;
pub mod possessive;
pub mod proper_noun_case;
pub mod quote_mismatch;
pub mod repeated_word;
pub mod sentence_case;
pub mod tortured_phrase;
pub mod typo;

use crate::diagnostic::{Category, Diagnostic, Severity};
use crate::document::Document;
use crate::options::{CustomRuleConfig, Level, RuleSetting};
use serde::Deserialize;
use std::sync::Arc;

/// What `copydesk rules` and `copydesk explain` show, and the defaults the engine applies.
#[derive(Debug)]
pub struct RuleMeta {
    pub id: &'static str,
    pub category: Category,
    pub default_severity: Severity,
    /// "safe", "unsafe", "safe/unsafe" or "" when the rule offers no fix.
    pub fix: &'static str,
    pub summary: &'static str,
    pub explanation: &'static str,
    pub bad: &'static str,
    pub good: &'static str,
}

/// A compiled rule: built once from config, run on every document.
pub trait Rule: Send + Sync {
    fn meta(&self) -> &RuleMeta;
    /// The id findings carry: the metadata's, except for `[[custom]]` rules.
    fn id(&self) -> &str {
        self.meta().id
    }
    /// Push findings for `doc` into `out`. Never prints, never panics on any input.
    fn check(&self, doc: &Document<'_>, out: &mut Vec<Diagnostic>);
}

/// Every built-in rule, in the order they are listed and run. Order is also priority: when two
/// capitalisation rules flag the same words, the earlier (more specific) one is kept.
pub static ALL: &[&RuleMeta] = &[
    &typo::META,
    &missing_space::META,
    &proper_noun_case::META,
    &possessive::META,
    &heading_case::META,
    &sentence_case::META,
    &repeated_word::META,
    &duplicate_line::META,
    &quote_mismatch::META,
    &empty_section::META,
    &emphasis_in_heading::META,
    &boilerplate::META,
    &clickbait::META,
    &tortured_phrase::META,
    &meta::UNUSED_SUPPRESSION,
    &meta::INVALID_UTF8,
];

pub fn find(id: &str) -> Option<&'static RuleMeta> {
    ALL.iter().copied().find(|m| m.id == id)
}

/// Options common to every rule's table.
pub trait CommonOptions {
    fn enabled(&self) -> Option<bool>;
    fn severity(&self) -> Option<Level>;
}

/// Implements [`CommonOptions`] for an options struct with `enabled` and `severity` fields.
#[macro_export]
macro_rules! common_options {
    ($t:ty) => {
        impl $crate::rules::CommonOptions for $t {
            fn enabled(&self) -> Option<bool> {
                self.enabled
            }
            fn severity(&self) -> Option<$crate::options::Level> {
                self.severity
            }
        }
    };
}

/// `[rules.*]`: one typed entry per rule id. Unknown ids are errors ("did you mean …").
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RuleOptions {
    #[serde(default)]
    pub typo: RuleSetting<typo::Options>,
    #[serde(default)]
    pub missing_space: RuleSetting<missing_space::Options>,
    #[serde(default)]
    pub sentence_case: RuleSetting<sentence_case::Options>,
    #[serde(default)]
    pub repeated_word: RuleSetting<repeated_word::Options>,
    #[serde(default)]
    pub heading_case: RuleSetting<heading_case::Options>,
    #[serde(default)]
    pub proper_noun_case: RuleSetting<proper_noun_case::Options>,
    #[serde(default)]
    pub possessive: RuleSetting<possessive::Options>,
    #[serde(default)]
    pub duplicate_line: RuleSetting<duplicate_line::Options>,
    #[serde(default)]
    pub quote_mismatch: RuleSetting<quote_mismatch::Options>,
    #[serde(default)]
    pub empty_section: RuleSetting<empty_section::Options>,
    #[serde(default)]
    pub emphasis_in_heading: RuleSetting<emphasis_in_heading::Options>,
    #[serde(default)]
    pub boilerplate: RuleSetting<boilerplate::Options>,
    #[serde(default)]
    pub clickbait: RuleSetting<clickbait::Options>,
    #[serde(default)]
    pub tortured_phrase: RuleSetting<tortured_phrase::Options>,
    #[serde(default)]
    pub unused_suppression: RuleSetting<LevelOnly>,
    #[serde(default)]
    pub invalid_utf8: RuleSetting<LevelOnly>,
}

/// Options of rules that have nothing but `enabled` and `severity`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct LevelOnly {
    pub enabled: Option<bool>,
    pub severity: Option<Level>,
}
common_options!(LevelOnly);

/// The severity a setting resolves to, or None when the rule is off.
pub fn resolve<T: CommonOptions + Default + Clone>(setting: &RuleSetting<T>, meta: &RuleMeta) -> (Option<Severity>, T) {
    match setting {
        RuleSetting::Level(level) => (level.severity(), T::default()),
        RuleSetting::Table(t) => {
            if t.enabled() == Some(false) {
                return (None, t.clone());
            }
            let severity = t.severity().map_or(Some(meta.default_severity), Level::severity);
            (severity, t.clone())
        }
    }
}

/// A rule with the severity config gave it.
pub struct Configured {
    pub rule: Box<dyn Rule>,
    pub severity: Severity,
}

/// An option value that serde accepts but a rule cannot be built from (a bad regex, a
/// threshold out of range). `key` is the offending option's name, for a label in the TOML.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, miette::Diagnostic)]
#[error("{message}")]
#[diagnostic(code(copydesk::rules))]
pub struct BuildError {
    pub key: String,
    pub message: String,
}

/// Rule constructors report a message naming the option in backticks: "clickbait `threshold`
/// must be …"; the first backticked word is the key.
impl From<String> for BuildError {
    fn from(message: String) -> Self {
        let key = message.split('`').nth(1).unwrap_or("").to_string();
        BuildError { key, message }
    }
}

/// Config → compiled rules: the one place where options meet rule constructors.
pub fn build(options: &RuleOptions, custom: &[CustomRuleConfig]) -> Result<Vec<Configured>, BuildError> {
    let mut rules: Vec<Configured> = Vec::new();
    macro_rules! add {
        ($setting:expr, $module:ident, $make:expr) => {{
            let (severity, opts) = resolve(&$setting, &$module::META);
            if let Some(severity) = severity {
                let make = $make;
                rules.push(Configured { rule: Box::new(make(opts)?), severity });
            }
        }};
    }
    let detector = Arc::new(boilerplate::Detector::new(&boilerplate_options(options))?);
    add!(options.typo, typo, typo::Typo::new);
    add!(options.missing_space, missing_space, |o| Ok::<_, String>(missing_space::MissingSpace::new(o)));
    add!(options.sentence_case, sentence_case, |o| Ok::<_, String>(sentence_case::SentenceCase::new(o)));
    add!(options.repeated_word, repeated_word, |o| Ok::<_, String>(repeated_word::RepeatedWord::new(o)));
    add!(options.heading_case, heading_case, |o| Ok::<_, String>(heading_case::HeadingCase::new(o)));
    add!(options.proper_noun_case, proper_noun_case, |o| Ok::<_, String>(proper_noun_case::ProperNounCase::new(o)));
    add!(options.possessive, possessive, |o| Ok::<_, String>(possessive::Possessive::new(o)));
    add!(options.duplicate_line, duplicate_line, |o| Ok::<_, String>(duplicate_line::DuplicateLine::new(o)));
    add!(options.quote_mismatch, quote_mismatch, |o| Ok::<_, String>(quote_mismatch::QuoteMismatch::new(o)));
    add!(options.empty_section, empty_section, |o| Ok::<_, String>(empty_section::EmptySection::new(o, detector.clone())));
    add!(options.emphasis_in_heading, emphasis_in_heading, |o| Ok::<_, String>(emphasis_in_heading::EmphasisInHeading::new(o)));
    add!(options.boilerplate, boilerplate, |_o| Ok::<_, String>(boilerplate::Boilerplate::new(detector.clone())));
    add!(options.clickbait, clickbait, clickbait::Clickbait::new);
    add!(options.tortured_phrase, tortured_phrase, tortured_phrase::TorturedPhrase::new);
    for c in custom {
        if let Some(severity) = c.severity.severity() {
            rules.push(Configured { rule: Box::new(custom::Custom::new(c)?), severity });
        }
    }
    Ok(rules)
}

fn boilerplate_options(options: &RuleOptions) -> boilerplate::Options {
    match &options.boilerplate {
        RuleSetting::Table(t) => t.clone(),
        RuleSetting::Level(_) => boilerplate::Options::default(),
    }
}

/// Option checks serde cannot express (regexes, ranges), reported with the offending key.
pub fn validate_options(options: &RuleOptions) -> Result<(), BuildError> {
    build(options, &[]).map(|_| ())
}

/// The severity and levels of the built-in `unused-suppression` / `invalid-utf8` meta rules.
pub fn meta_rule_severity(options: &RuleOptions, id: &str) -> Option<Severity> {
    match id {
        "unused-suppression" => resolve(&options.unused_suppression, &meta::UNUSED_SUPPRESSION).0,
        "invalid-utf8" => resolve(&options.invalid_utf8, &meta::INVALID_UTF8).0,
        _ => None,
    }
}
