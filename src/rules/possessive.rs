//! `possessive` — a known proper noun with a bare "s" where a possessive is meant.
//!
//! **Flags** "Trumps Criticism of Japan Security Pact", "Britains economy", "Mr Koks report".
//! **Why** a dropped apostrophe turns a name into a verb or a plural.
//! **Never** on verbs ("he trumps": lowercase), plurals after a determiner or number ("the
//! Kennedys", "two Germanys"), a name followed by a verb or preposition, a bare form that is a
//! word or name of its own ("Americans", "Oscars"), or a first name and surname ("Julia
//! Roberts"). The name must be known: mentioned on its own here, or a name to the lexicon.
//! **Fix** (unsafe) writes "Trump’s" with the document's own apostrophe.

use super::{Rule, RuleMeta};
use crate::analysis::near;
use crate::common_options;
use crate::diagnostic::{Category, Diagnostic, Edit, Fix, Severity};
use crate::document::Document;
use crate::lexicon;
use crate::options::Level;
use crate::text::{is_all_caps, is_capitalized, starts_lower, starts_upper, whole_word_matches};
use rustc_hash::FxHashMap as HashMap;
use serde::Deserialize;

pub static META: RuleMeta = RuleMeta {
    id: "possessive",
    category: Category::Punctuation,
    default_severity: Severity::Warning,
    priority: 40,
    fix: "unsafe",
    summary: "A name with a bare s where a possessive is meant",
    explanation: "Flags a name written with a bare s before a noun (\"Trumps Criticism of Japan Security \
Pact\", \"Britains economy\", \"Mr Koks recommendations\") and suggests the possessive with the \
document's own apostrophe (’ or '). The name must be one the document mentions on its own (or writes \
with an apostrophe), or one English only capitalises (the embedded lexicon); the bare form must not be \
a word or name of its own (\"Americans\", \"Oscars\", \"Jones\"). It stays quiet on verbs (\"he \
trumps\"), plurals after a determiner or number (\"the Kennedys\", \"two Smiths\"), a bare s followed \
by a verb, preposition or punctuation, a first name and surname (\"Julia Roberts\", \"Andreas \
Adriano\"), and non-English documents. It also flags words that only an apostrophe separates from \
a word (\"Whats\", \"todays\"), a day's event after a cue (\"last Saturdays show\") and a bare s \
where the document writes the same words with the apostrophe elsewhere.",
    bad: "Exploring the Future of Alliances in Light of Trumps Remarks",
    good: "Exploring the Future of Alliances in Light of Trump’s Remarks",
};

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Options {
    pub enabled: Option<bool>,
    pub severity: Option<Level>,
    /// Mid-sentence capitalised uses of the name needed as evidence.
    pub min_evidence: Option<usize>,
}
common_options!(Options);

/// Words before a plural, not a possessive: "the Kennedys", "two Germanys".
const PLURAL_CUES: &[&str] = &[
    "the",
    "these",
    "those",
    "both",
    "all",
    "two",
    "three",
    "four",
    "several",
    "many",
    "some",
    "few",
    "other",
    "more",
    "most",
    "such",
    "no",
    "their",
    "our",
    "her",
    "his",
    "its",
    "my",
    "your",
    "two",
    "various",
    "million",
    "millions",
    "thousand",
    "thousands",
    "hundred",
    "hundreds",
    "billion",
    "dozen",
    "dozens",
];
/// Titles before a surname: "Mr Koks" can only be "Mr Kok’s".
const HONORIFICS: &[&str] =
    &["Mr", "Mrs", "Ms", "Dr", "Mr.", "Mrs.", "Ms.", "Dr.", "Sir", "Dame", "Lord", "Lady", "Prof", "Professor", "President", "Judge"];

/// Words after a plural subject or a name used as a verb: "the Smiths are", "Trumps said".
const NOT_A_NOUN_AFTER: &[&str] = &[
    "are",
    "were",
    "have",
    "had",
    "has",
    "do",
    "did",
    "say",
    "said",
    "and",
    "or",
    "who",
    "which",
    "that",
    "is",
    "was",
    "will",
    "would",
    "can",
    "could",
    "may",
    "might",
    "should",
    "of",
    "in",
    "on",
    "at",
    "to",
    "for",
    "with",
    "by",
    "from",
    "as",
    "than",
    "but",
    "if",
    "when",
    "while",
    "because",
    "family",
    "themselves",
    "more",
    "less",
    "now",
    "also",
    "still",
    "too",
    "all",
    "both",
    "each",
    // irregular past tenses: "ordinary Argentines took to the streets"
    "took",
    "went",
    "made",
    "came",
    "gave",
    "got",
    "saw",
    "told",
    "found",
    "left",
    "held",
    "won",
    "lost",
    "began",
    "ran",
    "felt",
    "kept",
    "brought",
    "thought",
    "met",
    "paid",
    "sent",
    "spent",
    "stood",
    "sold",
    "fell",
    "rose",
    "led",
    "became",
    "knew",
    "grew",
    "drew",
    "threw",
    "wrote",
    "spoke",
    "chose",
    "broke",
    "beat",
    "hit",
    "put",
    "set",
    "cut",
    "let",
    "shut",
];

pub struct Possessive {
    min_evidence: usize,
}

impl Possessive {
    pub fn new(options: Options) -> Self {
        Possessive { min_evidence: options.min_evidence.unwrap_or(2).max(1) }
    }
}

impl Rule for Possessive {
    fn meta(&self) -> &RuleMeta {
        &META
    }

    fn check(&self, doc: &Document<'_>, out: &mut Vec<Diagnostic>) {
        if !doc.evidence().is_english() {
            return; // spelling and case are English-only
        }
        let evidence = doc.evidence();
        let mut counts: Option<HashMap<&str, usize>> = None;
        for (i, word) in doc.words.iter().enumerate() {
            let text = doc.text(word.span);
            if let Some(with) = lexicon::apostrophe_dropped(text) {
                // "Whats in a name", "Todays ruling": no other word is spelt so.
                let fixed = with.replace('\'', &evidence.apostrophe().to_string());
                out.push(
                    Diagnostic::new(META.id, word.span, format!("`{text}` is missing its apostrophe"))
                        .with_help(format!("write `{fixed}`"))
                        .with_fix(Fix::unsafe_(vec![Edit::replace(word.span, fixed)])),
                );
                continue;
            }
            let Some(base) = text.strip_suffix('s') else { continue };
            if !is_capitalized(text) || base.chars().count() < 3 || !base.chars().all(char::is_alphabetic) {
                continue;
            }
            // "Elviss" is "Elvis’s" without its apostrophe; "Boss" and "Ross" are words.
            if base.ends_with(['s', 'S']) && (!text.ends_with("ss") || lexicon::is_word(text) || !mentions_word(doc, word.span, base)) {
                continue;
            }
            // The context first (cheap): a noun next, no plural cue or first name before.
            let prev = i.checked_sub(1).map(|p| doc.words[p]).filter(|p| p.block() == word.block());
            let next = doc.words.get(i + 1).filter(|n| n.block() == word.block() && n.sentence() == word.sentence());
            let Some(next) = next else { continue };
            let next_text = doc.text(next.span);
            // The full name written without the s elsewhere ("Mike Leigh" for "Mike Leighs
            // Vera Drake", "BBC Two" for "BBC Twos offering") proves the possessive, whatever
            // the capitals around it say.
            let prev = prev.filter(|p| p.sentence() == word.sentence() && doc.source[p.span.end..word.span.start].trim().is_empty());
            let full_name_elsewhere = prev.is_some_and(|p| {
                let p_text = doc.text(p.span);
                starts_upper(p_text) && !PLURAL_CUES.contains(&p_text.to_lowercase().as_str()) && {
                    let pair = format!("{p_text} {base}");
                    mentions_word(doc, word.span, &pair)
                }
            });
            // A year may follow a known full name: "Frank Capras 1946 movie".
            let year_next = full_name_elsewhere && next_text.len() == 4 && next_text.chars().all(|c| c.is_ascii_digit());
            if !(next_text.starts_with(char::is_alphabetic) || year_next) || NOT_A_NOUN_AFTER.contains(&next_text.to_lowercase().as_str()) {
                continue;
            }
            if !doc.source[word.span.end..next.span.start].trim().is_empty() {
                continue; // punctuation between: "…of the Trumps, who…"
            }
            // The same words written with the apostrophe elsewhere ("The Hitchhiker’s Guide"
            // for "The Hitchhikers Guide") settle it.
            let apostrophe_elsewhere = ["'", "’"].iter().any(|a| mentions_word(doc, word.span, &format!("{base}{a}s {next_text}")));
            // "last Saturdays show", "for Sundays final": a day's, not days.
            let day_before_noun = WEEKDAYS.contains(&base)
                && prev.is_some_and(|p| DAY_CUES.contains(&doc.text(p.span).to_lowercase().as_str()))
                && starts_lower(next_text);
            if apostrophe_elsewhere || day_before_noun {
                push_missing(out, word.span, text, base, evidence.apostrophe());
                continue;
            }
            let base_entry = lexicon::lookup(base);
            let bare_entry = lexicon::lookup(text);
            // A place or other name English only capitalises, whose bare form is no word at all
            // ("Irelands", "Australias"): a possessive even before another name.
            let plain_name = base_entry.is_some_and(|e| e.proper_only()) && bare_entry.is_none();
            // In running prose a name next makes one name with this word ("Andreas Adriano",
            // "Highfields Capital Management", but not "Mozarts Requiem"); headings capitalise
            // every noun, so there it proves nothing.
            let heading = doc.blocks[word.block()].kind.is_heading_like();
            let capital_after_next =
                doc.words.get(i + 2).is_some_and(|w| w.sentence() == word.sentence() && starts_upper(doc.text(w.span)));
            let next_is_name = !lexicon::lookup(next_text).is_some_and(|e| e.common_lower()) || capital_after_next;
            // Before an unknown word it may be a first name and surname ("Andreas Adriano"), unless
            // the document names the place or person alone too.
            let before_name_ok = full_name_elsewhere
                || (plain_name && (lexicon::is_word(next_text) || is_all_caps(next_text) || mentions_word(doc, word.span, base)));
            if !heading && starts_upper(next_text) && next_is_name && !before_name_ok {
                continue;
            }
            if let Some(prev) = prev {
                let p = doc.text(prev.span);
                // "two Germanys", not "By 2007, Japans" nor a year.
                let count = p.chars().all(|c| c.is_ascii_digit()) && !(p.len() == 4 && (p.starts_with("19") || p.starts_with("20")));
                let plural_cue = PLURAL_CUES.contains(&p.to_lowercase().as_str()) || count;
                let first_name = !HONORIFICS.contains(&p)
                    && starts_upper(p)
                    && !is_all_caps(p)
                    && !prev.sentence_start()
                    && !doc.blocks[word.block()].kind.is_heading_like();
                if (plural_cue || first_name) && !full_name_elsewhere {
                    continue;
                }
            }
            // The bare form must not be a word or name of its own ("Americans", "Oscars",
            // "Jones"), and the base must be a name: one the document capitalises elsewhere or
            // writes as a possessive, or one English only ever capitalises ("Britain").
            let lower = base.to_lowercase();
            let usage = evidence.usage(&lower);
            // Counted up to two: the text search runs only when the cheap counts fall short.
            let cheap = usage.mentioned_mid + evidence.possessive_uses(&lower);
            let named_here = if cheap >= 2 { cheap } else { cheap + usize::from(mentions_word(doc, word.span, base)) };
            let bare_is_name = bare_entry.and_then(|e| e.capitalized.or(e.other));
            // A rare name that happens to be the plural ("Titans", "Cairns") yields to a document
            // that names the singular again and again.
            if bare_is_name.is_some_and(|tier| tier < lexicon::Tier::Rare || named_here < 2) {
                continue;
            }
            if usage.lower_mid > 0 && usage.lower_mid >= usage.mentioned_mid {
                continue; // the base is an ordinary word in this document
            }
            let known_name = base_entry.is_some_and(|e| e.proper_only() || (e.mostly_proper() && !e.common_lower()));
            let evidence_needed = if known_name {
                0
            } else if base_entry.is_none_or(|e| e.lower.is_none()) {
                1
            } else {
                self.min_evidence // an everyday word used as a name ("Shell", "Next") needs more
            };
            if named_here < evidence_needed {
                continue;
            }
            // "Woolworths disappointed investors": a name that ends in s, then its verb. Only a
            // name this document also writes without the s can take a past tense next.
            if named_here == 0 && next_text.ends_with("ed") {
                continue;
            }
            // A name that itself ends in s and recurs bare ("Evans", "Hollands") is no typo.
            let counts = counts.get_or_insert_with(|| {
                let mut m = HashMap::default();
                for w in &doc.words {
                    *m.entry(doc.text(w.span)).or_insert(0) += 1;
                }
                m
            });
            let bare = counts.get(text).copied().unwrap_or(0);
            if bare > 1 && bare > usage.mentioned_mid + evidence.possessive_uses(&lower) {
                continue;
            }
            push_missing(out, word.span, text, base, evidence.apostrophe());
        }
    }
}

/// Report `text` as `base` + apostrophe + s with its apostrophe dropped.
fn push_missing(out: &mut Vec<Diagnostic>, span: crate::diagnostic::Span, text: &str, base: &str, apostrophe: char) {
    let fixed = format!("{base}{apostrophe}s");
    out.push(
        Diagnostic::new(META.id, span, format!("`{text}` looks like a possessive missing its apostrophe"))
            .with_help(format!("write `{fixed}`"))
            .with_fix(Fix::unsafe_(vec![Edit::replace(span, fixed)])),
    );
}

const WEEKDAYS: &[&str] = &["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
/// Words before a day's name that make "Saturdays show" one day's show, not every Saturday.
const DAY_CUES: &[&str] = &["last", "next", "this", "for", "at", "of", "since", "until", "before", "after", "from", "by"];

/// Whether `word` occurs near the finding as a word of its own ("Blair", not inside "Blairs").
fn mentions_word(doc: &Document<'_>, span: crate::diagnostic::Span, word: &str) -> bool {
    whole_word_matches(near(doc, span).1, word).next().is_some()
}

#[cfg(test)]
mod tests {
    use crate::diagnostic::Applicability::Unsafe;
    use crate::rules::testing::{fixed, flagged};

    /// The words flagged in `text` and the text with every fix (unsafe ones too) applied.
    fn check(text: &str) -> (Vec<String>, String) {
        (flagged("possessive", text), fixed("possessive", text, Unsafe))
    }

    #[test]
    fn a_name_english_knows_with_a_bare_s_before_a_noun() {
        let (flagged, fixed) = check("Growth\n\nAnalysts said Britains economy grew faster than expected.\n");
        assert_eq!(flagged, ["Britains"]);
        assert_eq!(fixed, "Growth\n\nAnalysts said Britain’s economy grew faster than expected.\n");
    }

    #[test]
    fn the_documents_own_apostrophe_is_used() {
        let (_, fixed) = check("Budget\n\nMr Hallan's plan was cut. Unions criticised Mr Hallans decision on Monday.\n");
        assert!(fixed.contains("Mr Hallan's decision"), "{fixed}");
    }

    #[test]
    fn a_surname_after_a_title_is_no_first_name() {
        let text = "Report\n\nThe report by Mr Kok was published. Ministers will adopt Mr Koks recommendations next year.\n";
        assert_eq!(check(text).0, ["Koks"]);
    }

    #[test]
    fn ss_is_the_possessive_of_a_name_ending_in_s() {
        let (flagged, fixed) = check("Auction\n\nA guitar owned by Elvis was sold. Collectors bid for Elviss guitar all night.\n");
        assert_eq!(flagged, ["Elviss"]);
        assert!(fixed.contains("Elvis’s guitar"));
        assert!(check("Press\n\nThe Press office said Boss fans queued.\n").0.is_empty());
    }

    #[test]
    fn plurals_surnames_and_names_of_their_own_are_left_alone() {
        for text in [
            "Awards\n\nThe Oscars ceremony starts at eight, and Americans living abroad can watch it online.\n",
            "Awards\n\nBoth Kennedys attended, and two Smiths from one family won prizes.\n",
            "Cinema\n\nActress Julia Roberts film opens on Friday.\n",
            "Trade\n\nAccording to Andreas Adriano of the trade magazine, prices rose.\n",
            "Retail\n\nShares fell after Woolworths disappointed investors with its figures.\n",
            "Retail\n\nOrdinary Canadians queued at the border on Monday.\n",
        ] {
            assert!(check(text).0.is_empty(), "{text}");
        }
    }

    #[test]
    fn a_name_unknown_to_english_and_to_the_document_is_no_evidence() {
        assert!(check("Firms\n\nAnalysts said Skarvelds profits fell.\n").0.is_empty());
        assert_eq!(check("Firms\n\nSkarveld cut routes. Analysts said Skarvelds profits fell.\n").0, ["Skarvelds"]);
    }

    #[test]
    fn a_dropped_apostrophe_in_words_spelt_no_other_way() {
        let (flagged, fixed) = check("Court\n\nWhats next is unclear. Campaigners said todays ruling was a setback.\n");
        assert_eq!(flagged, ["Whats", "todays"]);
        assert!(fixed.contains("What’s next") && fixed.contains("today’s ruling"), "{fixed}");
    }

    #[test]
    fn a_days_event_after_a_cue_but_not_every_such_day() {
        assert_eq!(check("Music\n\nAll tickets for Saturdays concert were sold.\n").0, ["Saturdays"]);
        assert!(check("Music\n\nThe market opens on Saturdays and Sundays.\n").0.is_empty());
    }

    #[test]
    fn a_full_name_written_elsewhere_proves_the_possessive() {
        let text = "Film\n\nThe director Frank Capra made it. Critics still praise Frank Capras 1946 film.\n";
        assert_eq!(check(text).0, ["Capras"]);
        let text = "Film\n\nMike Leigh won. Mike Leighs Vera Drake is among the nominees.\n";
        assert_eq!(check(text).0, ["Leighs"]);
    }

    #[test]
    fn a_place_before_another_name_unless_it_may_be_a_first_name() {
        assert_eq!(check("Music\n\nOn stage was Britains Rod Stewart.\n").0, ["Britains"]);
        assert!(check("Trade\n\nAccording to Andreas Adriano of the trade magazine, prices rose.\n").0.is_empty());
        // "By 2007, Japans …": a year before a comma is no count of Japans.
        assert_eq!(check("Ageing\n\nBy 2007, Japans population is expected to peak.\n").0, ["Japans"]);
    }
}
