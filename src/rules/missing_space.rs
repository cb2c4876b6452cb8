//! `missing-space` — no space after sentence punctuation or a comma between words.
//!
//! **Flags** "region.As", "defense.This", "U.S.benefits", "U.S.,based", "pressures,could".
//! **Why** scrapers and careless pasting glue sentences together; readers and search engines
//! then see one nonsense word.
//! **Never** on abbreviations (U.S., e.g., Ph.D.), decimals (49.1), thousands (1,000), times
//! (10:30), URLs, e-mail addresses, domain names (News.com), ellipses or initials (J.R.R.).
//! **Fix** (safe) inserts the space.

use super::{Rule, RuleMeta};
use crate::common_options;
use crate::diagnostic::{Category, Diagnostic, Edit, Fix, Severity, Span};
use crate::document::Document;
use crate::options::Level;
use serde::Deserialize;

pub static META: RuleMeta = RuleMeta {
    id: "missing-space",
    category: Category::Punctuation,
    default_severity: Severity::Warning,
    priority: 20,
    fix: "safe",
    summary: "No space after sentence punctuation or after a comma between words",
    explanation: "Flags a period, question mark or exclamation mark glued to the next sentence \
(\"region.As\", \"security.A\"), an abbreviation glued to the next word (\"U.S.benefits\", \"U.S.,based\") \
and a comma glued between two words (\"pressures,could\"). It stays quiet on abbreviations and \
initials (U.S., Ph.D., J.R.R.), decimals and thousands (49.1, 1,000), times, ellipses, URLs, e-mail \
addresses, domain names such as News.com, and alternatives in braces (\"{eq,neq,lt}-attributes\"). The safe fix inserts the missing space.",
    bad: "It raised tensions in the region.As both sides know, pressures,could grow.",
    good: "It raised tensions in the region. As both sides know, pressures, could grow.",
};

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Options {
    pub enabled: Option<bool>,
    pub severity: Option<Level>,
    /// Flag "word,word" (on by default).
    pub commas: Option<bool>,
}
common_options!(Options);

/// Capitalised TLDs and file extensions that follow a dot without being a sentence.
const NOT_SENTENCES: &[&str] = &["Com", "Net", "Org", "Co", "Uk", "Io", "Gov", "Edu", "Js", "Pdf", "Txt", "Html", "Exe", "Ai", "Tv"];

pub struct MissingSpace {
    commas: bool,
}

impl MissingSpace {
    pub fn new(options: Options) -> Self {
        MissingSpace { commas: options.commas.unwrap_or(true) }
    }
}

/// What a missing space glued: two sentences, an abbreviation and a word, or two words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Glue {
    /// "region.As", "it.”He", "no.A " (a one-letter word: A or I).
    Sentence,
    /// "U.S.benefits", "U.S.,based".
    Abbreviation,
    /// "pressures,could".
    Comma,
}

/// Where a space is missing in `text`: the byte offset it belongs at, and what it would part.
/// The marks are sparse in prose: memchr jumps from one to the next, and only the characters
/// next to one are decoded. (This replaced three regexes; compiling them was a few percent of
/// linting a folder of short articles, and a block was searched again by each.) Letters are
/// Unicode's: `char::is_alphabetic`, `is_lowercase`, `is_uppercase`.
fn glue_points(text: &str, commas: bool) -> Vec<(usize, Glue)> {
    let mut points = Vec::new();
    // (the marks are ASCII: `i` and `i + 1` are char boundaries)
    for i in memchr::memchr3_iter(b'.', b'!', b'?', text.as_bytes()) {
        if let Some(at) = sentence_glued(text, i) {
            points.push((at, Glue::Sentence));
        } else if let Some(at) = abbreviation_glued(text, i) {
            points.push((at, Glue::Abbreviation));
        }
    }
    if commas {
        for i in memchr::memchr_iter(b',', text.as_bytes()) {
            // two letters each side: "pressures,could" (not "1,000", "a,b")
            let letters_before = text[..i].chars().rev().take(2).filter(|c| c.is_alphabetic()).count() == 2;
            if letters_before && text[i + 1..].chars().take(2).filter(|c| c.is_alphabetic()).count() == 2 {
                points.push((i + 1, Glue::Comma));
            }
        }
    }
    points
}

/// "region.As": a letter and a lowercase letter, the mark at `i`, perhaps a closing quotation
/// mark or parenthesis, then a capitalised word, or the word A or I (a capital and a lowercase
/// letter are a new sentence; "U.S. Army" has a capital before its mark).
fn sentence_glued(text: &str, i: usize) -> Option<usize> {
    let mut before = text[..i].chars().rev();
    if !(before.next()?.is_lowercase() && before.next()?.is_alphabetic()) {
        return None;
    }
    let mut at = i + 1;
    let mut after = text[at..].chars();
    let mut next = after.next()?;
    if matches!(next, '”' | '’' | ')') {
        at += next.len_utf8();
        next = after.next()?;
    }
    let then = after.next()?;
    let starts_sentence = (next.is_uppercase() && then.is_lowercase())
        || (matches!(next, 'A' | 'I') && (then.is_whitespace() || matches!(then, ',' | ';' | ':')));
    starts_sentence.then_some(at)
}

/// "U.S.benefits", "U.S.,based": two or more capitals each with its full stop, the last at `i`,
/// not inside a word or a longer run of dots, then (after a comma, perhaps) two lowercase
/// letters.
fn abbreviation_glued(text: &str, i: usize) -> Option<usize> {
    let at = if text[i + 1..].starts_with(',') { i + 2 } else { i + 1 };
    if !text[at..].chars().take(2).all(char::is_lowercase) || text[at..].chars().nth(1).is_none() {
        return None;
    }
    // Back over "S." and "U." to the first capital of the run.
    let (mut dot, mut first, mut pairs) = (i, i, 0);
    while text.as_bytes()[dot] == b'.' {
        let Some(capital) = text[..dot].chars().next_back().filter(|c| c.is_uppercase()) else { break };
        pairs += 1;
        first = dot - capital.len_utf8();
        match first.checked_sub(1) {
            Some(d) => dot = d,
            None => break,
        }
    }
    let bounded = text[..first].chars().next_back().is_none_or(|c| !c.is_alphabetic() && c != '.');
    (pairs >= 2 && bounded).then_some(at)
}

impl Rule for MissingSpace {
    fn meta(&self) -> &RuleMeta {
        &META
    }

    fn check(&self, doc: &Document<'_>, out: &mut Vec<Diagnostic>) {
        for block in doc.blocks.iter().filter(|b| b.kind.is_prose()) {
            let text = doc.text(block.content);
            for (at, glue) in glue_points(text, self.commas) {
                if glue == Glue::Sentence {
                    let next_word = text[at..].split(|c: char| !c.is_alphabetic()).next().unwrap_or("");
                    if NOT_SENTENCES.contains(&next_word) {
                        continue;
                    }
                }
                let token = crate::text::token_around(text, at);
                if token.contains("://") || token.contains('@') || token.starts_with("www.") {
                    continue;
                }
                // A list in braces, as shells and programs write alternatives: "{eq,neq,lt}-attributes",
                // "files/{a,b}.txt", "Schema::{add,remove}".
                if glue == Glue::Comma && in_braces(text, at) {
                    continue;
                }
                let insert = block.content.start + at;
                let span = glued_words(doc.source, insert);
                // Inside an address or code ("example.com"), not after one: the mark and the
                // character after it ("MakingStarWars.net,rumors abound" is a slip).
                let mark = doc.source[..insert].chars().next_back().map_or(1, char::len_utf8);
                if doc.is_masked(Span::new(insert.saturating_sub(mark), insert + 1)) {
                    continue;
                }
                let flagged = doc.text(span);
                let what = if glue == Glue::Comma || text[..at].ends_with(',') { "comma" } else { "punctuation" };
                out.push(
                    Diagnostic::new(META.id, span, format!("missing space after {what} in `{flagged}`"))
                        .with_help("insert a space")
                        .with_fix(Fix::safe(vec![Edit::insert(insert, " ")])),
                );
            }
        }
    }
}

/// Whether byte `at` of `text` is inside braces on its line: a `{` before it that no `}` has
/// closed, and a `}` after it.
fn in_braces(text: &str, at: usize) -> bool {
    let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[at..].find('\n').map_or(text.len(), |i| at + i);
    let before = &text[line_start..at];
    before.rfind('{').is_some_and(|open| !before[open..].contains('}')) && text[at..line_end].contains('}')
}

/// The glued words around the insertion point, so the label shows "region.As" and
/// "U.S.,based", not just the punctuation.
fn glued_words(source: &str, insert: usize) -> Span {
    let back = |c: char| c.is_alphanumeric() || matches!(c, '.' | ',' | '!' | '?' | '”' | '’' | ')');
    let start = source[..insert].char_indices().rev().take_while(|(_, c)| back(*c)).last().map_or(insert, |(i, _)| i);
    let end = source[insert..].find(|c: char| !c.is_alphanumeric()).map_or(source.len(), |i| insert + i);
    Span::new(start, end)
}

#[cfg(test)]
mod tests {
    use crate::diagnostic::Applicability::Safe;
    use crate::rules::testing::{findings, fixed, flagged};

    const ID: &str = "missing-space";

    #[test]
    fn glued_sentences_and_commas_get_a_space() {
        let text = "Title Here\n\nPrices rose in the region.As expected, demand fell.\nThe pressures,could grow.\n";
        assert_eq!(findings(ID, text).len(), 2);
        assert_eq!(
            fixed(ID, text, Safe),
            "Title Here\n\nPrices rose in the region. As expected, demand fell.\nThe pressures, could grow.\n"
        );
    }

    #[test]
    fn abbreviations_numbers_and_addresses_are_left_alone() {
        let text = "Title Here\n\nThe U.S. economy grew 49.1 percent to 1,000 jobs at 10:30 on News.com, e.g. J.R.R. Tolkien... see www.example.com.\n";
        assert_eq!(flagged(ID, text), Vec::<String>::new());
        // after an address, not inside it, a comma wants its space
        let text = "Title Here\n\nAccording to fan site HarbourNews.net,rumors abound.\n";
        assert_eq!(flagged(ID, text), ["HarbourNews.net,rumors"]);
        // alternatives in braces are a notation; a comma outside them is still glued
        let text = "Title Here\n\nThe {eq,neq,lt}-attributes take one name, and files/{old,new}.txt both stay.\n";
        assert_eq!(flagged(ID, text), Vec::<String>::new());
        let text = "Title Here\n\nThe {eq} attribute takes one name,and the rest stay.\n";
        assert_eq!(flagged(ID, text), ["name,and"]);
    }

    /// The three regexes the matchers replaced; each group 1 ends where the space belongs.
    const REFERENCE: [&str; 3] =
        [r"(\p{L}\p{Ll}[.!?][”’)]?)(?:\p{Lu}\p{Ll}|[AI][\s,;:])", r"(?:^|[^\p{L}.])((?:\p{Lu}\.){2,},?)\p{Ll}{2}", r"(\p{L}{2},)\p{L}{2}"];

    /// The matchers find what the regexes find from every starting point, on texts made of the
    /// characters they look at (every one of up to three, 50,000 longer ones, and the examples
    /// in prose): the regexes' own search skips a match that overlaps the one before it
    /// ("ab,cd,ef"), the matchers do not.
    #[test]
    fn the_matchers_find_what_the_regexes_find() {
        let alphabet = ["a", "é", "ß", "A", "É", "I", "S", "U", ".", "!", "?", ",", "”", "’", ")", " ", "1"];
        let mut texts = vec![String::new()];
        for _ in 0..3 {
            let longer: Vec<String> = texts.iter().flat_map(|t| alphabet.iter().map(move |c| format!("{t}{c}"))).collect();
            texts.extend(longer);
        }
        // and 50,000 longer ones, drawn by a fixed generator (a match takes five characters)
        let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut draw = |n: usize| {
            state = state.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
            (state >> 33) as usize % n
        };
        for _ in 0..50_000 {
            let len = 5 + draw(6);
            texts.push((0..len).map(|_| alphabet[draw(alphabet.len())]).collect());
        }
        texts.extend(
            [
                "region.As",
                "U.S.benefits",
                "U.S.,based",
                "word,word",
                "it.” He",
                "no.A ",
                "in a.I,",
                "x.U.S.based",
                "aU.S.based",
                "ab,cd,ef",
            ]
            .map(|t| format!("The {t} end")),
        );
        let regexes: Vec<regex::Regex> = REFERENCE.iter().map(|r| regex::Regex::new(r).unwrap()).collect();
        let mut found = 0;
        for text in &texts {
            let mut expected: Vec<usize> = Vec::new();
            for re in &regexes {
                for start in (0..=text.len()).filter(|&i| text.is_char_boundary(i)) {
                    if let Some(c) = re.captures_at(text, start) {
                        expected.push(c.get(1).unwrap().end());
                    }
                }
            }
            expected.sort_unstable();
            expected.dedup();
            let mut got: Vec<usize> = super::glue_points(text, true).into_iter().map(|(at, _)| at).collect();
            got.sort_unstable();
            assert_eq!(got, expected, "{text:?}");
            found += got.len();
        }
        assert!(found > 500, "{found}");
    }

    #[test]
    fn each_kind_of_glue_is_named_and_commas_can_be_left_alone() {
        use super::Glue::*;
        assert_eq!(super::glue_points("The U.S. Army and the E.U. Commission met. Prices, he said, rose.", true), []);
        assert_eq!(super::glue_points("rose in the region.As expected", true), [(19, Sentence)]);
        assert_eq!(super::glue_points("the U.S.benefits", true), [(8, Abbreviation)]);
        assert_eq!(super::glue_points("the U.S.,based", true), [(9, Abbreviation)]);
        assert_eq!(super::glue_points("pressures,could", true), [(10, Comma)]);
        assert_eq!(super::glue_points("pressures,could", false), []);
        let text = "Title Here\n\nColours were red,green,blue.\n";
        assert_eq!(fixed(ID, text, Safe), "Title Here\n\nColours were red, green, blue.\n");
    }
}
