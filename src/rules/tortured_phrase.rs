//! `tortured-phrase` — paraphraser substitutes for standard phrases.
//!
//! **Flags** "choice models" for alternative models, "customary alliances" for traditional
//! alliances, "counterfeit consciousness" for artificial intelligence, "bosom peril" for breast
//! cancer: the fingerprints of automatic paraphrasing tools used to disguise copied text.
//! **How** a configurable list of `{ phrase, expected, unless-after }` entries matched at once
//! with aho-corasick on word boundaries; a block (or a document) whose normalised text lacks
//! every phrase's normalised form is not searched. Severity info: start small and precise.
//! **Fix** (unsafe) writes the expected phrase.

use super::{Rule, RuleMeta};
use crate::common_options;
use crate::diagnostic::{Category, Diagnostic, Edit, Fix, Severity, Span};
use crate::document::Document;
use crate::options::Level;
use crate::text::{match_case, Phrases};
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use serde::Deserialize;

pub static META: RuleMeta = RuleMeta {
    id: "tortured-phrase",
    category: Category::Scraped,
    default_severity: Severity::Info,
    priority: 140,
    fix: "unsafe",
    summary: "A paraphrasing tool's substitute for a standard phrase (\"choice models\")",
    explanation: "Flags phrases that paraphrasing tools produce when they disguise copied text by swapping \
words for synonyms: \"choice models\" for \"alternative models\", \"customary alliances\" for \
\"traditional alliances\", \"counterfeit consciousness\" for \"artificial intelligence\". Each entry of the \
list in lint-rules.toml gives the phrase, the expected standard phrase, and optional words that make \
the phrase legitimate when they come just before it (\"discrete choice models\"). Reported as info; \
the unsafe fix writes the standard phrase.",
    bad: "Countries may explore choice models of partnership.",
    good: "Countries may explore alternative models of partnership.",
};

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Entry {
    pub phrase: String,
    pub expected: String,
    #[serde(default)]
    pub unless_after: Vec<String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Options {
    pub enabled: Option<bool>,
    pub severity: Option<Level>,
    #[serde(default)]
    pub phrases: Vec<Entry>,
}
common_options!(Options);

pub struct TorturedPhrase {
    entries: Vec<Entry>,
    /// Built when a document first has a phrase's normalised form (most runs over clean
    /// articles never do): building it was a tenth of linting one short article.
    matcher: std::sync::OnceLock<Result<AhoCorasick, aho_corasick::BuildError>>,
    /// Every phrase normalised as the document's prose is ([`Document::normalized_prose`]),
    /// searched for together. Wherever a block has a phrase (ASCII case aside), its normalised text has
    /// the phrase's normalised form: a document whose normalised prose has none of them has no
    /// finding, and is not searched (the search was 3 % of linting a folder of articles). One
    /// pass for all the phrases (a vectorised search for a short list), not one per phrase.
    normalized: Phrases,
}

impl TorturedPhrase {
    pub fn new(options: Options) -> Result<Self, String> {
        let entries: Vec<Entry> = options.phrases.into_iter().filter(|e| !e.phrase.trim().is_empty()).collect();
        super::check_phrase_list("tortured-phrase `phrases`", entries.len(), entries.iter().map(|e| e.phrase.len()).sum())?;
        let normalized: Vec<String> = entries.iter().map(|e| crate::text::normalize_line(&e.phrase)).collect();
        let normalized = Phrases::new(&normalized).map_err(|e| format!("tortured-phrase `phrases`: {e}"))?;
        Ok(TorturedPhrase { entries, matcher: std::sync::OnceLock::new(), normalized })
    }

    fn matcher(&self) -> Option<&AhoCorasick> {
        self.matcher
            .get_or_init(|| {
                AhoCorasickBuilder::new()
                    .ascii_case_insensitive(true)
                    .match_kind(MatchKind::LeftmostLongest)
                    .build(self.entries.iter().map(|e| e.phrase.as_str()))
            })
            .as_ref()
            .ok()
    }
}

impl Rule for TorturedPhrase {
    fn meta(&self) -> &RuleMeta {
        &META
    }

    fn check(&self, doc: &Document<'_>, out: &mut Vec<Diagnostic>) {
        if !doc.evidence().is_english() {
            return; // spelling and case are English-only
        }
        // A block's normalised text is a piece of the normalised prose: a document without a
        // phrase there has none in any block.
        if !self.normalized.any_in(doc.normalized_prose()) {
            return;
        }
        let Some(matcher) = self.matcher() else { return };
        for (bi, block) in doc.blocks.iter().enumerate().filter(|(_, b)| b.kind.is_prose()) {
            if !self.normalized.any_in(doc.normalized(bi)) {
                continue;
            }
            let text = doc.text(block.content);
            for m in matcher.find_iter(text) {
                let before = text[..m.start()].chars().next_back();
                let after = text[m.end()..].chars().next();
                if before.is_some_and(char::is_alphanumeric) || after.is_some_and(char::is_alphanumeric) {
                    continue;
                }
                let entry = &self.entries[m.pattern().as_usize()];
                let previous_word = text[..m.start()].split_whitespace().next_back().unwrap_or("").to_lowercase();
                if entry.unless_after.iter().any(|w| w.eq_ignore_ascii_case(&previous_word)) {
                    continue;
                }
                let span = Span::new(block.content.start + m.start(), block.content.start + m.end());
                if doc.is_masked(span) {
                    continue;
                }
                let found = &text[m.range()];
                let expected = match_case(found, &entry.expected);
                out.push(
                    Diagnostic::new(META.id, span, format!("`{found}` looks like a paraphrase of `{expected}`"))
                        .with_severity(Severity::Info)
                        .with_help(format!("write `{expected}`"))
                        .with_fix(Fix::unsafe_(vec![Edit::replace(span, expected)])),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::diagnostic::Applicability::{Safe, Unsafe};
    use crate::rules::testing::{findings, fixed, flagged};

    const ID: &str = "tortured-phrase";

    /// A list past the automaton's comfortable size is a configuration error when the rule is
    /// built, not a failure in the middle of a run.
    #[test]
    fn an_oversized_phrase_list_is_refused_up_front() {
        let entry = |i: usize| super::Entry { phrase: format!("p{i}"), expected: "x".into(), unless_after: Vec::new() };
        let options = |n: usize| super::Options { phrases: (0..n).map(entry).collect(), ..Default::default() };
        assert!(super::TorturedPhrase::new(options(crate::rules::MAX_PHRASES + 1)).is_err());
        assert!(super::TorturedPhrase::new(options(3)).is_ok());
    }

    #[test]
    fn a_paraphraser_substitute_gets_the_standard_phrase_as_an_unsafe_fix() {
        let text = "Title Here\n\nThe lab studies counterfeit consciousness and bosom peril.\n";
        assert_eq!(flagged(ID, text), ["counterfeit consciousness", "bosom peril"]);
        assert_eq!(fixed(ID, text, Safe), text);
        assert_eq!(fixed(ID, text, Unsafe), "Title Here\n\nThe lab studies artificial intelligence and breast cancer.\n");
    }

    /// What lets the rule skip a block: a phrase anywhere in a text (ASCII case aside), whatever
    /// comes before and after it, leaves its normalised form in the text's normalised form.
    #[test]
    fn a_phrase_in_a_text_is_in_its_normalised_text() {
        use crate::text::normalize_line;
        let phrases = ["choice models", "man-made consciousness", "o'clock news", "don’t stop", "x", "-", "--a", "a--", "'b'", "Ünï cödé"];
        let sides = ["", " ", "x", "x'", "’", "—", "(", "É", "1", "'s", "’s more", "-", "' x", "ß"];
        for phrase in phrases {
            let target = normalize_line(phrase);
            for case in [phrase.to_string(), phrase.to_ascii_uppercase(), crate::text::capitalize(phrase)] {
                for before in sides {
                    for after in sides {
                        let text = format!("{before}{case}{after}");
                        assert!(normalize_line(&text).contains(&target), "{phrase:?} in {text:?}");
                    }
                }
            }
        }
    }

    /// A short list is searched by the packed searcher, a long one (or one with a phrase that
    /// normalises to nothing, which the packed searcher refuses) by the automaton: both find
    /// the same phrases.
    #[test]
    fn long_and_odd_phrase_lists_find_the_same_phrases() {
        use crate::document::{Document, Format};
        use crate::rules::Rule;
        let entry = |phrase: &str| super::Entry { phrase: phrase.into(), expected: "x".into(), unless_after: Vec::new() };
        let text = "Title Here\n\nThe lab studies bosom peril.\n\nNothing here.\n";
        let doc = Document::parse(text, "t.txt", Format::PlainText);
        let lists = [
            vec![entry("bosom peril")],
            (0..100).map(|i| entry(&format!("p{i}"))).chain([entry("bosom peril")]).collect(),
            vec![entry("--"), entry("bosom peril")],
        ];
        for phrases in lists {
            let n = phrases.len();
            let rule = super::TorturedPhrase::new(super::Options { phrases, ..Default::default() }).unwrap();
            assert_eq!(matches!(rule.normalized, crate::text::Phrases::Packed(_)), n == 1, "{n} phrases");
            let mut out = Vec::new();
            rule.check(&doc, &mut out);
            let found: Vec<&str> = out.iter().map(|d| &text[d.span.start..d.span.end]).collect();
            assert_eq!(found, ["bosom peril"], "{n} phrases");
        }
    }

    #[test]
    fn phrases_in_odd_company_are_still_found() {
        let text = "Title Here\n\nThe (Counterfeit Consciousness) debate ended. It was “man-made consciousness’s” hour.\nA BOSOM PERIL—and more.\n";
        assert_eq!(flagged(ID, text), ["Counterfeit Consciousness", "man-made consciousness", "BOSOM PERIL"]);
    }

    #[test]
    fn unless_after_words_and_partial_words_are_not_flagged() {
        for text in
            ["Title Here\n\nThey fit discrete choice models to the data.\n", "Title Here\n\nThe counterfeit consciousnesses were fine.\n"]
        {
            assert!(findings(ID, text).is_empty(), "{text:?}");
        }
    }
}
