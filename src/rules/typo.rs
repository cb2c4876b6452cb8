//! `typo` — known misspellings, from the typos project's dictionary (~96k entries).
//!
//! **Flags** a word the dictionary lists as a misspelling ("sence" → sense, since).
//! **Why** misspellings in a published article cost credibility; a list of *known* errors is
//! precise where a full spell-checker drowns editors in names it does not know.
//! **Fix** replaces the word, keeping its case, when the dictionary gives exactly one
//! correction (a safe fix). With several ("sence" → sense, since) there is no fix, not even an
//! unsafe one: the candidates are offered in the message and help, and an editor picks.

use super::{Rule, RuleMeta};
use crate::common_options;
use crate::diagnostic::{Category, Diagnostic, Edit, Fix, Severity, Span};
use crate::document::Document;
use crate::options::Level;
use crate::text::{has_inner_upper, match_case, starts_upper};
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap, HashSet};

pub static META: RuleMeta = RuleMeta {
    id: "typo",
    category: Category::Spelling,
    default_severity: Severity::Warning,
    priority: 10,
    fix: "safe",
    summary: "A known misspelling (from the typos dictionary, plus extend-words)",
    explanation: "Flags words that a curated dictionary of common misspellings lists as wrong, such as \
\"sence\" for \"sense\" or \"since\", and suggests the correction in the word's own case. Because the \
dictionary holds only known errors, names and jargon it has never seen are left alone, and so is a \
listed word that is part of a name: a capitalised word the document uses as a name, the second \
syllable of a romanised given name (\"Seung-lok\", after a capitalised part that is no English word). Add your own \
corrections with `extend-words = { teh = \"the\" }` and silence a word with `allow = [\"word\"]`. The fix \
is safe when there is exactly one correction. With several candidates no fix is offered, not even with \
--unsafe-fixes: they are listed as suggestions and a human picks (an `extend-words` entry picks one for good).",
    bad: "The alliance has been a cornerstone sence its inception.",
    good: "The alliance has been a cornerstone since its inception.",
};

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Options {
    pub enabled: Option<bool>,
    pub severity: Option<Level>,
    /// Extra misspelling → correction pairs, checked before the dictionary.
    #[serde(default)]
    pub extend_words: BTreeMap<String, String>,
    /// Words never reported, case-insensitive.
    #[serde(default)]
    pub allow: Vec<String>,
}
common_options!(Options);

pub struct Typo {
    extend: HashMap<String, Vec<String>>,
    allow: HashSet<String>,
}

impl Typo {
    pub fn new(options: Options) -> Result<Self, String> {
        let extend = options.extend_words.into_iter().map(|(k, v)| (k.to_lowercase(), vec![v])).collect();
        let allow = options.allow.into_iter().map(|w| w.to_lowercase()).collect();
        Ok(Typo { extend, allow })
    }

    /// Corrections for one word part, or None when it is fine.
    fn corrections(&self, word: &str) -> Option<Vec<String>> {
        // The dictionary lookup needs no allocation; lowercase only when a list needs it.
        if !self.extend.is_empty() {
            let lower = word.to_lowercase();
            if let Some(fix) = self.extend.get(&lower) {
                return (!self.allow.contains(&lower)).then(|| fix.clone());
            }
        }
        let found = crate::misspellings::corrections(word)?;
        if !self.allow.is_empty() && self.allow.contains(&word.to_lowercase()) {
            return None;
        }
        Some(found.map(str::to_string).collect())
    }
}

impl Typo {
    /// A capitalised "misspelling" mid-sentence is usually a name the dictionary does not know
    /// (Richard Gere, Aer Lingus, Humber): next to another capitalised word, used repeatedly,
    /// or differing from its correction in the first letter.
    fn likely_name(&self, doc: &Document<'_>, i: usize, w: &str, fixes: &[String]) -> bool {
        if self.extend.contains_key(&w.to_lowercase()) {
            return false;
        }
        let word = doc.words[i];
        let whole = doc.text(word.span());
        // Part of a capitalised compound: Winn-Dixie, France-Presse.
        let compound = whole.len() > w.len() && whole.split(['-', '‐']).filter(|p| starts_upper(p)).count() >= 2;
        // Written capitalised mid-sentence elsewhere in the document, names included.
        let mentioned = doc.evidence().usage(&w.to_lowercase()).mentioned_mid >= 1;
        if compound || mentioned {
            return true;
        }
        // A name English knows and never writes lowercase ("Damon", "Matt Damon Or Ben
        // Affleck" in a title), wherever it stands.
        if crate::lexicon::lookup(w).is_some_and(|e| e.proper_only()) {
            return true;
        }
        if word.sentence_start() || doc.blocks[word.block()].kind.is_heading_like() {
            // where any word is capitalised, a name only when written with the word after it
            // again near it: "Aer Lingus: end in sight…" beside "with IAG Aer Lingus" (the
            // window keeps a huge file's repeated slip from searching the whole file each time)
            let next =
                doc.words.get(i + 1).filter(|n| n.sentence() == word.sentence() && doc.source[word.span().end..n.span().start] == *" ");
            return next.is_some_and(|n| {
                let pair = &doc.source[word.span().start..n.span().end];
                starts_upper(doc.text(n.span())) && crate::text::find_all(crate::analysis::near(doc, word.span()).1, pair).nth(1).is_some()
            });
        }
        let neighbour_capitalised = [i.wrapping_sub(1), i + 1].into_iter().filter_map(|j| doc.words.get(j)).any(|n| {
            n.sentence() == word.sentence() && {
                let (a, b) =
                    if n.span().end <= word.span().start { (n.span().end, word.span().start) } else { (word.span().end, n.span().start) };
                doc.source[a..b].chars().all(|c| c.is_whitespace() || c == '-' || c == ',') && starts_upper(doc.text(n.span()))
            }
        });
        let first_letter_differs = fixes
            .iter()
            .all(|f| f.chars().next().map(|c| c.to_lowercase().to_string()) != w.chars().next().map(|c| c.to_lowercase().to_string()));
        neighbour_capitalised || first_letter_differs
    }
}

/// The alphabetic parts of a word, as checked: "U.S.-Japan" → U, S, Japan; "Trump’s" → Trump;
/// a contraction ("don't") stays whole.
/// Calls `f` with each part (no allocation: this runs on every word).
fn parts(text: &str, base: usize, mut f: impl FnMut(Span)) {
    if text.is_ascii() {
        // The same steps on bytes: nearly every word is ASCII, where the only apostrophe is '.
        let bytes = text.as_bytes();
        let run_end = |from: usize| bytes[from..].iter().position(|b| !b.is_ascii_alphabetic()).map_or(bytes.len(), |i| from + i);
        let mut pos = 0;
        while let Some(offset) = bytes[pos..].iter().position(u8::is_ascii_alphabetic) {
            let start = pos + offset;
            let mut end = run_end(start);
            pos = end;
            if bytes.get(end) == Some(&b'\'') {
                let after = end + 1;
                let tail_end = run_end(after);
                if tail_end > after {
                    if !text[after..tail_end].eq_ignore_ascii_case("s") {
                        end = tail_end; // don't, we'll
                    }
                    pos = tail_end;
                }
            }
            f(Span::new(base + start, base + end));
        }
        return;
    }
    let run_end = |from: usize| text[from..].find(|c: char| !crate::text::is_alphabetic(c)).map_or(text.len(), |i| from + i);
    let mut pos = 0;
    while let Some(offset) = text[pos..].find(crate::text::is_alphabetic) {
        let start = pos + offset;
        let mut end = run_end(start);
        pos = end;
        if let Some(mark) = text[end..].chars().next().filter(|&c| crate::text::is_apostrophe(c)) {
            let after = end + mark.len_utf8();
            let tail_end = run_end(after);
            if tail_end > after {
                if !text[after..tail_end].eq_ignore_ascii_case("s") {
                    end = tail_end; // don't, we'll
                }
                pos = tail_end;
            }
        }
        f(Span::new(base + start, base + end));
    }
}

impl Rule for Typo {
    fn meta(&self) -> &RuleMeta {
        &META
    }

    fn check(&self, doc: &Document<'_>, out: &mut Vec<Diagnostic>) {
        let evidence = doc.evidence();
        if !evidence.is_english() {
            return; // spelling and case are English-only
        }
        // The words already found correct, by their number in the evidence: a word of an
        // article recurs (about three times on average), and its dictionary look-up is a
        // random read in megabytes of table; the answer for the word is the same each time.
        let mut correct = vec![false; evidence.distinct_words()];
        for (i, word) in doc.words.iter().enumerate() {
            let shape = word.shape();
            if shape.has_digit() {
                continue;
            }
            let distinct = evidence.distinct_word(i).filter(|_| shape.letters());
            if distinct.is_some_and(|d| correct[d]) {
                continue;
            }
            let text = doc.text(word.span());
            let mut check_part = |part: Span| {
                let w = doc.text(part);
                // Acronyms (BASF, SME) and camel-cased brands are not words to spell-check.
                // (An ASCII part's length is its count of characters; a part that is the whole
                // word has the word's shape.)
                let whole = part == word.span();
                let (ascii, inner_upper) = if whole { (shape.ascii(), shape.inner_upper()) } else { (w.is_ascii(), has_inner_upper(w)) };
                if (if ascii { w.len() } else { w.chars().count() }) < 3 || inner_upper {
                    return;
                }
                // A short prefix of a hyphenated compound: mis-steps, co-op.
                if w.len() <= 3 && doc.source[part.end..].starts_with(['-', '‐']) {
                    return;
                }
                let Some(fixes) = self.corrections(w) else {
                    if let Some(d) = distinct {
                        correct[d] = true;
                    }
                    return;
                };
                // "Whats", "Todays": an apostrophe dropped, reported by `possessive`.
                if crate::lexicon::apostrophe_dropped(w).is_some() {
                    return;
                }
                // A piece of a word that emphasis splits: "*ser*ializing".
                if crate::text::split_by_emphasis(doc.source, part.start, part.end) {
                    return;
                }
                // The plural of a compound whose last word takes the s: "know-it-alls", "cure-alls".
                if doc.source[..part.start].ends_with(['-', '‐']) && w.strip_suffix('s').is_some_and(crate::lexicon::is_lowercase_word) {
                    return;
                }
                if starts_upper(w) && self.likely_name(doc, i, w, &fixes) {
                    return;
                }
                // The second syllable of a romanised given name, after a capitalised first that
                // is no English word: "Seung-lok", "Jae-in" (but "Anti-corupption" is checked).
                let head = doc.source[word.span().start..part.start].strip_suffix(['-', '‐']).unwrap_or("");
                if starts_upper(head) && !head.contains(['-', '‐']) && crate::lexicon::lookup_unlikely(head).is_none() {
                    return;
                }
                // A sentence in another language inside an English page: "als", "materiaal"
                // are Dutch, not slips. (Asked only of a listed misspelling: few words are.)
                let (known, seen) = crate::analysis::english_words_around(doc, i);
                if seen >= 3 && known * 3 < seen * 2 {
                    return;
                }
                let fixes: Vec<String> = fixes.iter().map(|f| match_case(w, f)).collect();
                let list = fixes.iter().map(|f| format!("`{f}`")).collect::<Vec<_>>().join(" or ");
                let mut d = Diagnostic::new(META.id, part, format!("`{w}` is a misspelling of {list}"));
                d.help = Some(if fixes.len() == 1 { format!("write `{}`", fixes[0]) } else { format!("did you mean {list}?") }.into());
                // Several candidates: suggestions only; no rule here can pick one reliably.
                if let [only] = fixes.as_slice() {
                    d.fix = Some(Fix::safe(vec![Edit::replace(part, only.clone())]));
                }
                out.push(d);
            };
            // A word of letters alone is its own only part (most words): no need to split it.
            if shape.letters() {
                check_part(word.span());
            } else {
                parts(text, word.span().start, check_part);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_split_compounds_and_possessives() {
        let text = "U.S.-Japan’s don't";
        let mut got: Vec<&str> = Vec::new();
        parts(text, 0, |s| got.push(&text[s.start..s.end]));
        assert_eq!(got, vec!["U", "S", "Japan", "don't"]);
    }

    #[test]
    fn a_name_opening_a_sentence_is_the_name_written_again_elsewhere() {
        let flagged = |text: &str| crate::rules::testing::flagged("typo", text);
        let text = "Airline Talks\n\n- Aer Lingus: end in sight to talks with the owner of Aer Lingus, the carrier.\n";
        assert!(flagged(text).is_empty());
        // written once, the pair is no evidence
        assert_eq!(flagged("Airline Talks\n\nAer Lingus talks ended.\n"), ["Aer"]);
    }

    #[test]
    fn the_second_syllable_of_a_romanised_name_is_no_misspelling() {
        let flagged = |text: &str| crate::rules::testing::flagged("typo", text);
        assert!(flagged("Title Here\n\nThe champion Kang Seung-lok won the final.\n").is_empty());
        // a capitalised English word before the hyphen makes a compound to spell-check
        assert_eq!(flagged("Title Here\n\nThe Anti-goverment League met.\n"), ["goverment"]);
        assert_eq!(flagged("Title Here\n\nThe seung-lok plan failed.\n"), ["lok"]);
    }

    #[test]
    fn the_plural_of_a_compound_is_no_misspelling() {
        assert!(crate::rules::testing::flagged("typo", "Critics\n\nThe room was full of know-it-alls and cure-alls.\n").is_empty());
        assert_eq!(crate::rules::testing::flagged("typo", "Critics\n\nThe room was full of alls.\n"), ["alls"]);
    }

    #[test]
    fn a_piece_of_a_word_that_emphasis_splits_is_no_misspelling() {
        let flagged = |text: &str| crate::rules::testing::flagged("typo", text);
        assert!(flagged("Serde\n\nA framework for *ser*ializing and *de*serializing data.\n").is_empty());
        assert!(flagged("Serde\n\nA framework for **ser**ializing data.\n").is_empty());
        // emphasis around a whole word, or a space after it, leaves the word to check
        assert_eq!(flagged("Serde\n\nA framework for *recieve* and more.\n"), ["recieve"]);
        assert_eq!(flagged("Serde\n\nA framework for *recieve* data.\n"), ["recieve"]);
    }

    #[test]
    fn a_sentence_in_another_language_is_not_misspelt() {
        let text = "Photo licence\n\nThe agency sells pictures to papers around the world. Omdat de collecties voortdurend \
                    worden bijgewerkt, kan het bureau niet garanderen dat het materiaal beschikbaar is. The agency said \
                    it would recieve more orders this year.\n";
        assert_eq!(crate::rules::testing::flagged("typo", text), ["recieve"]);
    }

    #[test]
    fn a_name_english_only_capitalises_is_no_misspelling_even_in_a_title() {
        // "damon" is listed (for "daemon"); English writes "Damon" only as a name
        let text = "Are You More Matt Damon Or Ben Affleck\n\nThe quiz asks readers which actor they are.\n";
        assert!(crate::rules::testing::flagged("typo", text).is_empty());
        // a listed misspelling in a title is still one
        let text = "The Goverment Plans Ahead\n\nThe quiz asks readers which actor they are.\n";
        assert_eq!(crate::rules::testing::flagged("typo", text), ["Goverment"]);
    }

    #[test]
    fn finds_sence_with_two_corrections() {
        let t = Typo::new(Options::default()).unwrap();
        assert_eq!(t.corrections("sence").unwrap(), vec!["sense", "since"]);
        assert!(t.corrections("sense").is_none());
    }
}
