//! The rule registry: every rule, its metadata, its options, and how config becomes a rule.
//!
//! To add a rule: write `src/rules/<id>.rs` with a `META` (its metadata and overlap
//! priority), an `Options` struct and a type implementing [`Rule`]; declare the module and add
//! one line to the `registry!` below. README "Writing a rule" walks through it.

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
pub mod unknown_word;

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
    /// Which finding wins when two rules flag the same words (lower wins; findings on one
    /// span are also listed in this order). Capitalisation rules overlap: the more specific
    /// rule (proper-noun-case) has the lower number. Every built-in rule has its own value;
    /// `copydesk rules` lists rules in this order.
    pub priority: u16,
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
    /// Build the per-document data this rule shares with others (computed once, on first use,
    /// anyway) and name it; `--timings` calls this first so that work is timed on its own.
    fn prepare(&self, _doc: &Document<'_>) -> Option<&'static str> {
        None
    }
}

/// Every built-in rule, by [`RuleMeta::priority`]: the order `copydesk rules` and SARIF list
/// them in. Generated from the registry below.
pub static ALL: &[&RuleMeta] = &by_priority(REGISTERED);

/// Sort metadata by priority at compile time (a selection sort over a handful of entries).
const fn by_priority<const N: usize>(mut metas: [&'static RuleMeta; N]) -> [&'static RuleMeta; N] {
    let mut i = 0;
    while i < N {
        let mut j = i + 1;
        while j < N {
            if metas[j].priority < metas[i].priority {
                let t = metas[i];
                metas[i] = metas[j];
                metas[j] = t;
            }
            j += 1;
        }
        i += 1;
    }
    metas
}

/// Compiles the built-in patterns of the first article's scan (`boilerplate::prepare`) on a
/// thread of its own while a lint reads its configuration and walks its paths, or while a
/// language server waits for its first document; only with a core to spare: at least two,
/// and not `--threads 1` (`requested`). On one core the thread would take the worker's time
/// (a short clean article 6.9 -> 13.8 ms, as it compiles patterns that article never asks
/// for). If no thread can be started, each pattern is compiled at its first need, as before.
pub fn prepare_in_background(requested: Option<usize>) {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    if cores < 2 || requested.is_some_and(|n| n == 1) {
        return;
    }
    let _ = std::thread::Builder::new().name("prepare".into()).spawn(boilerplate::prepare);
}

/// The most phrases, and bytes of phrases, a rule's phrase list may hold. The automata built
/// over such lists (tortured-phrase's, boilerplate's) are built at their first need; their
/// limits are far beyond any list, and past these a list is refused when the rule is built,
/// as a configuration error, rather than found unbuildable in the middle of a run.
pub(crate) const MAX_PHRASES: usize = 100_000;
pub(crate) const MAX_PHRASE_BYTES: usize = 16 << 20;

/// The configuration error of a phrase list (`what` names it) of `count` phrases and `bytes`
/// bytes past [`MAX_PHRASES`] or [`MAX_PHRASE_BYTES`].
pub(crate) fn check_phrase_list(what: &str, count: usize, bytes: usize) -> Result<(), String> {
    if count > MAX_PHRASES || bytes > MAX_PHRASE_BYTES {
        return Err(format!("{what}: at most {MAX_PHRASES} phrases of {MAX_PHRASE_BYTES} bytes in all"));
    }
    Ok(())
}

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

/// What several rules share, built once per rule set: the boilerplate detector
/// (`boilerplate` reports its findings, `empty-section` skips chrome with it).
pub struct Shared {
    pub detector: Arc<boilerplate::Detector>,
}

/// The registry: one line per built-in rule, `id = constructor`, in config-file order. The id
/// names the rule's module (its `META` and `Options`) and its `[rules.<id>]` table; the
/// constructor turns typed options into the rule. It generates [`RuleOptions`] (the typed
/// `[rules]` table) and the list [`ALL`] is sorted from. Module declarations stay above, one
/// per rule, so that rustfmt sees the rule files.
macro_rules! registry {
    ($($id:ident = $make:expr,)*) => {
        /// `[rules.*]`: one typed entry per rule id. Unknown ids are errors ("did you mean …").
        #[derive(Debug, Clone, Default, Deserialize)]
        #[serde(deny_unknown_fields, rename_all = "kebab-case")]
        pub struct RuleOptions {
            $(
                #[serde(default)]
                pub $id: RuleSetting<$id::Options>,
            )*
            #[serde(default)]
            pub unused_suppression: RuleSetting<LevelOnly>,
            #[serde(default)]
            pub invalid_utf8: RuleSetting<LevelOnly>,
        }

        const REGISTERED: [&RuleMeta; [$(stringify!($id)),*].len() + 2] = [$(&$id::META,)* &meta::UNUSED_SUPPRESSION, &meta::INVALID_UTF8];

        fn build_registered(options: &RuleOptions, shared: &Shared, rules: &mut Vec<Configured>) -> Result<(), BuildError> {
            $( add(&options.$id, &$id::META, shared, rules, $make)?; )*
            Ok(())
        }
    };
}

registry! {
    typo = |o, _| typo::Typo::new(o),
    unknown_word = |o, _| unknown_word::UnknownWord::new(o),
    missing_space = |o, _| Ok(missing_space::MissingSpace::new(o)),
    sentence_case = |o, _| Ok(sentence_case::SentenceCase::new(o)),
    repeated_word = |o, _| Ok(repeated_word::RepeatedWord::new(o)),
    heading_case = |o, _| Ok(heading_case::HeadingCase::new(o)),
    proper_noun_case = |o, _| Ok(proper_noun_case::ProperNounCase::new(o)),
    possessive = |o, _| Ok(possessive::Possessive::new(o)),
    duplicate_line = |o, s| Ok(duplicate_line::DuplicateLine::new(o, s.detector.clone())),
    quote_mismatch = |o, _| Ok(quote_mismatch::QuoteMismatch::new(o)),
    empty_section = |o, s| Ok(empty_section::EmptySection::new(o, s.detector.clone())),
    emphasis_in_heading = |o, _| Ok(emphasis_in_heading::EmphasisInHeading::new(o)),
    boilerplate = |_, s| Ok(boilerplate::Boilerplate::new(s.detector.clone())),
    clickbait = |o, _| clickbait::Clickbait::new(o),
    tortured_phrase = |o, _| tortured_phrase::TorturedPhrase::new(o),
}

/// Build one registered rule when its setting leaves it on.
fn add<O: CommonOptions + Default + Clone, R: Rule + 'static>(
    setting: &RuleSetting<O>,
    meta: &RuleMeta,
    shared: &Shared,
    rules: &mut Vec<Configured>,
    make: impl FnOnce(O, &Shared) -> Result<R, String>,
) -> Result<(), BuildError> {
    let (severity, options) = resolve(setting, meta);
    if let Some(severity) = severity {
        rules.push(Configured { rule: Box::new(make(options, shared)?), severity });
    }
    Ok(())
}

/// Config → compiled rules: the one place where options meet rule constructors.
pub fn build(options: &RuleOptions, custom: &[CustomRuleConfig]) -> Result<Vec<Configured>, BuildError> {
    let mut rules: Vec<Configured> = Vec::new();
    let shared = Shared { detector: Arc::new(boilerplate::Detector::new(&boilerplate_options(options))?) };
    build_registered(options, &shared, &mut rules)?;
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

/// Unit-test helpers for rule files: one rule, as the default config sets it, on one text.
#[cfg(test)]
pub(crate) mod testing {
    use crate::diagnostic::{Applicability, Diagnostic};
    use crate::document::Format;
    use crate::engine::{Linter, Selection};

    /// Every text file under the project's `fixtures/`, with its format (by its name), read
    /// recursively; files that are not UTF-8 are left out. Asserts there are some, so a test
    /// that runs over them cannot pass on none.
    pub fn fixture_texts() -> Vec<(Format, String)> {
        let mut texts = Vec::new();
        let mut folders = vec![std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures")];
        while let Some(folder) = folders.pop() {
            for entry in std::fs::read_dir(&folder).into_iter().flatten().flatten() {
                let path = entry.path();
                if path.is_dir() {
                    folders.push(path);
                } else if let Ok(text) = std::fs::read_to_string(&path) {
                    texts.push((Format::from_path(&path.to_string_lossy()), text));
                }
            }
        }
        assert!(texts.len() > 50, "the fixtures were not found");
        texts
    }

    fn linter(id: &str) -> Linter {
        let config = crate::config::LoadedConfig::default_config().config;
        Linter::new(&config, &Selection { select: vec![id.to_string()], ignore: Vec::new() }).expect("default rules build")
    }

    fn kind(text: &str) -> Format {
        if text.starts_with("# ") {
            Format::Markdown
        } else {
            Format::PlainText
        }
    }

    /// The findings of rule `id` in `text` (Markdown when it starts with `# `).
    pub fn findings(id: &str, text: &str) -> Vec<Diagnostic> {
        linter(id).lint(text, kind(text))
    }

    /// The flagged words of rule `id` in `text`.
    pub fn flagged(id: &str, text: &str) -> Vec<String> {
        findings(id, text).iter().map(|d| text[d.span.start..d.span.end].to_string()).collect()
    }

    /// `text` after rule `id`'s fixes (safe only, or safe and unsafe), re-linted until stable.
    pub fn fixed(id: &str, text: &str, applicability: Applicability) -> String {
        let linter = linter(id);
        let mut text = text.to_string();
        for _ in 0..crate::fix::MAX_ROUNDS {
            let next = crate::fix::fix(&text, &linter.lint(&text, kind(&text)), applicability).text;
            if next == text {
                break;
            }
            text = next;
        }
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn priorities_are_unique_and_all_is_sorted_by_them() {
        let mut seen = std::collections::HashSet::new();
        for m in ALL {
            assert!(seen.insert(m.priority), "two rules share priority {}", m.priority);
        }
        assert!(ALL.windows(2).all(|w| w[0].priority < w[1].priority));
        assert_eq!(ALL.len(), REGISTERED.len());
        assert_eq!(ALL[0].id, "typo");
    }
}
