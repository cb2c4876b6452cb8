//! `repeated-word` — the same word twice in a row ("the the").
//!
//! **Flags** an immediate repetition separated only by spaces, in the same sentence.
//! **Why** the classic copy-editing catch: the eye skips the second word.
//! **Never** on legitimate doubles from the allow-list ("had had", "that that"), on repeated
//! capitalised names (Walla Walla, Duran Duran), on a name whose second part lost its capital
//! ("Duran duran": no lowercase English word; proper-noun-case's finding) or on numbers.
//! **Fix** (safe) deletes the second occurrence.

use super::{Rule, RuleMeta};
use crate::common_options;
use crate::diagnostic::{Category, Diagnostic, Edit, Fix, Severity, Span};
use crate::document::Document;
use crate::options::Level;
use crate::text::starts_upper;

use serde::Deserialize;
use std::collections::HashSet;

pub static META: RuleMeta = RuleMeta {
    id: "repeated-word",
    category: Category::Style,
    default_severity: Severity::Warning,
    priority: 70,
    fix: "safe",
    summary: "The same word twice in a row",
    explanation: "Flags a word immediately repeated with only white space between, such as \"the the\". \
Doubles that English allows (\"had had\", \"that that\") are in the `allow` list, repeated \
capitalised names (Walla Walla) and numbers are left alone, as is a name whose second part lost its \
capital (\"Duran duran\": English has no lowercase word \"duran\"; proper-noun-case reports the case), \
and a repetition across punctuation (\"no, no\") is not flagged. The safe fix deletes the second word.",
    bad: "The pact has been the the cornerstone of regional security.",
    good: "The pact has been the cornerstone of regional security.",
};

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Options {
    pub enabled: Option<bool>,
    pub severity: Option<Level>,
    /// Words that may legitimately be doubled, lowercase.
    #[serde(default)]
    pub allow: Vec<String>,
}
common_options!(Options);

pub struct RepeatedWord {
    allow: HashSet<String>,
}

impl RepeatedWord {
    pub fn new(options: Options) -> Self {
        RepeatedWord { allow: options.allow.into_iter().map(|w| w.to_lowercase()).collect() }
    }
}

impl Rule for RepeatedWord {
    fn meta(&self) -> &RuleMeta {
        &META
    }

    fn check(&self, doc: &Document<'_>, out: &mut Vec<Diagnostic>) {
        if !doc.evidence().is_english() {
            return; // spelling and case are English-only
        }
        for (i, pair) in doc.words.windows(2).enumerate() {
            let (a, b) = (pair[0], pair[1]);
            // Cheap checks first, on the spans before the text: this runs on every pair of words.
            if a.sentence() != b.sentence() || a.span().len() != b.span().len() {
                continue;
            }
            let (ta, tb) = (doc.text(a.span()), doc.text(b.span()));
            let same = ta.eq_ignore_ascii_case(tb) || (!ta.is_ascii() && ta.to_lowercase() == tb.to_lowercase());
            if !same {
                continue;
            }
            let between = &doc.source[a.span().end..b.span().start];
            if !between.chars().all(|c| c == ' ' || c == '\t') || between.is_empty() {
                continue;
            }
            if !ta.chars().any(char::is_alphabetic) || self.allow.contains(&ta.to_lowercase()) {
                continue;
            }
            // "Walla Walla", "Duran Duran", "The The": a capitalised second word is a name.
            if starts_upper(tb) {
                continue;
            }
            // "Duran duran", "Sirhan sirhan": a name whose second part lost its capital, since
            // English has no such lowercase word. That is the name's case, which proper-noun-case
            // reports; deleting the second word would cut the name. ("The the" is repeated.)
            if starts_upper(ta) && !crate::lexicon::is_lowercase_word(tb) {
                continue;
            }
            if clause_boundary(doc, i) {
                continue;
            }
            let span = Span::new(a.span().start, b.span().end);
            out.push(
                Diagnostic::new(META.id, span, format!("`{tb}` is repeated"))
                    .with_help(format!("delete the second `{tb}`"))
                    .with_fix(Fix::safe(vec![Edit::delete(Span::new(a.span().end, b.span().end))])),
            );
        }
    }
}

/// Words that open a free relative clause, whose verb is said again as the sentence's own:
/// "whatever happens happens", "what will be will be".
const FREE_RELATIVES: &[&str] = &["what", "whatever", "whoever", "whichever", "wherever", "whenever"];

/// Prepositions after which a pronoun is an object and the sentence may go on with a new
/// clause, its subject the same pronoun: "when we look back on it it will be".
const OBJECT_BEFORE: &[&str] = &["on", "at", "of", "about", "with", "for", "to", "from", "into", "in", "by", "like", "over"];

/// Auxiliaries and modals that open a clause's verb after its subject.
const AUXILIARIES: &[&str] =
    &["is", "was", "will", "would", "can", "could", "may", "might", "should", "must", "has", "had", "does", "did", "seems"];

/// Whether the words `i` and `i + 1`, the same word, each belong to another clause: a free
/// relative and the sentence's verb ("whatever happens happens"), or a pronoun that ends one
/// clause as an object and opens the next as a subject, a comma left out ("look back on it it
/// will be significant"). A slip doubles the word inside one phrase.
fn clause_boundary(doc: &Document<'_>, i: usize) -> bool {
    let word = |k: usize| {
        doc.words.get(k).filter(|w| w.sentence() == doc.words[i].sentence()).map(|w| crate::text::Lowercase::of(doc.text(w.span())))
    };
    let Some(before) = i.checked_sub(1).and_then(word) else { return false };
    if FREE_RELATIVES.contains(&before.as_str()) {
        return true;
    }
    let pronoun = crate::text::Lowercase::of(doc.text(doc.words[i].span()));
    matches!(pronoun.as_str(), "it" | "that" | "this" | "you" | "her")
        && OBJECT_BEFORE.contains(&before.as_str())
        && word(i + 2).is_some_and(|after| AUXILIARIES.contains(&after.as_str()))
}

#[cfg(test)]
mod tests {
    use crate::diagnostic::Applicability::Safe;
    use crate::rules::testing::{findings, fixed};

    const ID: &str = "repeated-word";

    #[test]
    fn a_doubled_word_is_deleted_once() {
        let text = "Title Here\n\nThe council voted on the the budget.\n";
        assert_eq!(findings(ID, text).len(), 1);
        assert_eq!(fixed(ID, text, Safe), "Title Here\n\nThe council voted on the budget.\n");
    }

    #[test]
    fn allowed_doubles_names_numbers_and_sentence_breaks_are_not_flagged() {
        for text in [
            "Title Here\n\nShe had had enough of it.\n",
            "Title Here\n\nHe said that that was final.\n",
            "Title Here\n\nThey toured Walla Walla last week.\n",
            "Title Here\n\nThe score was 2 2 at half time.\n",
            "Title Here\n\nIt ended. Ended for good.\n",
        ] {
            assert!(findings(ID, text).is_empty(), "{text:?}");
        }
    }

    // Found by cargo mutants: the separator and non-ASCII case folding had no test.
    #[test]
    fn only_spaces_or_tabs_may_separate_the_repeat() {
        assert_eq!(fixed(ID, "Title Here\n\nThey voted on\ton Monday.\n", Safe), "Title Here\n\nThey voted on Monday.\n");
        assert!(findings(ID, "Title Here\n\nIt was a red, red wine.\n").is_empty());
    }

    #[test]
    fn non_ascii_words_compare_without_case() {
        assert_eq!(findings(ID, "Title Here\n\nA naïve naÏve plan.\n").len(), 1);
        assert!(findings(ID, "Title Here\n\nA naïve naëve plan.\n").is_empty());
    }

    #[test]
    fn a_name_with_its_second_part_lowercase_is_no_repetition() {
        // No lowercase English word "halvorsen": the name's case (proper-noun-case), not a
        // word to delete. A lowercase word after its capitalised self is still repeated.
        assert!(findings(ID, "Title Here\n\nThe band Halvorsen halvorsen played on Monday.\n").is_empty());
        assert_eq!(fixed(ID, "Title Here\n\nThe the band played on Monday.\n", Safe), "Title Here\n\nThe band played on Monday.\n");
    }

    #[test]
    fn capitalised_doubles_read_as_names_even_at_a_sentence_start() {
        // "The The" (a band) and "Walla Walla" look alike to the rule: both are left alone.
        let text = "Title Here\n\nThe The played on Monday.\n";
        assert!(findings(ID, text).is_empty());
    }

    #[test]
    fn a_word_ending_one_clause_and_opening_the_next_is_no_repetition() {
        for text in
            ["Title Here\n\nWhen we look back on it it will seem small.\n", "Title Here\n\nWhatever happens happens after the vote.\n"]
        {
            assert!(findings(ID, text).is_empty(), "{text:?}");
        }
        // inside one clause the double is a slip
        assert_eq!(fixed(ID, "Title Here\n\nI think it it is over.\n", Safe), "Title Here\n\nI think it is over.\n");
    }
}
