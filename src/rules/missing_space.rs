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
use regex::Regex;
use serde::Deserialize;
use std::sync::LazyLock;

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
addresses and domain names such as News.com. The safe fix inserts the missing space.",
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

/// Each pattern's group 1 ends exactly where the space belongs. Each is compiled the first time
/// [`can_match`] says it can match (most texts never need one: 2 ms each at start-up).
static PATTERNS: [LazyLock<Regex>; 3] = [
    // word.Next / word?Next / word.”Next / word.A (a one-letter word: A or I)
    LazyLock::new(|| crate::text::regex(r"(\p{L}\p{Ll}[.!?][”’)]?)(?:\p{Lu}\p{Ll}|[AI][\s,;:])").unwrap()),
    // U.S.benefits / U.S.,based
    LazyLock::new(|| crate::text::regex(r"(?:^|[^\p{L}.])((?:\p{Lu}\.){2,},?)\p{Ll}{2}").unwrap()),
    // word,word
    LazyLock::new(|| crate::text::regex(r"(\p{L}{2},)\p{L}{2}").unwrap()),
];

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

/// Which of the [`PATTERNS`] can match in `text`, from the characters around each mark
/// (memchr finds the marks; only the characters next to one are decoded):
/// - 0 needs a lowercase letter, then `.`, `!` or `?`, then an uppercase letter, directly or
///   after one of `”’)` ("U.S. officials" has an uppercase letter before its marks);
/// - 1 an uppercase letter, then `.`, then a comma or a lowercase letter;
/// - 2 a letter, then a comma, then a letter.
///
/// (`char::is_uppercase`, `is_lowercase` and `is_alphabetic` hold for every character of
/// `\p{Lu}`, `\p{Ll}` and `\p{L}`.) Each test is implied by a match of its pattern, so a
/// pattern whose test fails cannot match, and only the patterns that can match run: ".” He
/// said", "U.S. Army" and "said,” she" need none.
fn can_match(text: &str) -> [bool; 3] {
    let mut can = [false; 3];
    let bytes = text.as_bytes();
    let before = |i: usize| crate::text::char_before(text, i);
    // The marks are sparse in prose: memchr jumps from one to the next. They are ASCII, so
    // `i` and `i + 1` are char boundaries.
    for i in memchr::memchr3_iter(b'.', b'!', b'?', bytes) {
        let mut after = text[i + 1..].chars();
        let Some(next) = after.next() else { continue };
        if !can[0] && before(i).is_some_and(char::is_lowercase) {
            can[0] = next.is_uppercase() || (matches!(next, '”' | '’' | ')') && after.next().is_some_and(char::is_uppercase));
        }
        can[1] |= bytes[i] == b'.' && (next == ',' || next.is_lowercase()) && before(i).is_some_and(char::is_uppercase);
    }
    for i in memchr::memchr_iter(b',', bytes) {
        can[2] |= text[i + 1..].chars().next().is_some_and(char::is_alphabetic) && before(i).is_some_and(char::is_alphabetic);
    }
    can
}

impl Rule for MissingSpace {
    fn meta(&self) -> &RuleMeta {
        &META
    }

    fn check(&self, doc: &Document<'_>, out: &mut Vec<Diagnostic>) {
        for block in doc.blocks.iter().filter(|b| b.kind.is_prose()) {
            let text = doc.text(block.content);
            // The common case: every mark is followed by a space or a digit, and no pattern runs.
            let can = can_match(text);
            for (n, re) in PATTERNS.iter().enumerate() {
                if !can[n] || (n == 2 && !self.commas) {
                    continue;
                }
                for caps in re.captures_iter(text) {
                    let glued = caps.get(1).expect("group 1");
                    let at = glued.end();
                    let next_word: String = text[at..].chars().take_while(|c| c.is_alphabetic()).collect();
                    if n == 0 && NOT_SENTENCES.contains(&next_word.as_str()) {
                        continue;
                    }
                    let token = crate::text::token_around(text, at);
                    if token.contains("://") || token.contains('@') || token.starts_with("www.") {
                        continue;
                    }
                    let insert = block.content.start + at;
                    let span = glued_words(doc.source, insert);
                    if doc.is_masked(span) {
                        continue;
                    }
                    let flagged = doc.text(span);
                    let mark = &text[glued.start()..at].trim_start_matches(|c: char| c.is_alphabetic());
                    let what = if mark.ends_with(',') { "comma" } else { "punctuation" };
                    out.push(
                        Diagnostic::new(META.id, span, format!("missing space after {what} in `{flagged}`"))
                            .with_help("insert a space")
                            .with_fix(Fix::safe(vec![Edit::insert(insert, " ")])),
                    );
                }
            }
        }
    }
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
    }

    /// The gate never says no where a pattern matches: every pattern is tried on texts built
    /// from the characters each test looks at, in every order up to four characters.
    #[test]
    fn a_pattern_matches_only_where_the_gate_lets_it_run() {
        let alphabet = ["a", "é", "ß", "A", "É", "I", ".", "!", "?", ",", "”", "’", ")", " ", "1", "ª"];
        let mut texts = vec![String::new()];
        for _ in 0..4 {
            let longer: Vec<String> = texts.iter().flat_map(|t| alphabet.iter().map(move |c| format!("{t}{c}"))).collect();
            texts.extend(longer);
        }
        // and the examples of the patterns' comments, with prose around them
        texts.extend(
            ["region.As", "U.S.benefits", "U.S.,based", "word,word", "it.” He", "no.A ", "in a.I,"].map(|t| format!("The {t} end")),
        );
        let (mut ran, mut gated) = (0, 0);
        for text in &texts {
            let can = super::can_match(text);
            for (n, re) in super::PATTERNS.iter().enumerate() {
                assert!(can[n] || !re.is_match(text), "pattern {n} matches {text:?}, which its gate rules out");
                ran += usize::from(can[n]);
                gated += usize::from(!can[n]);
            }
        }
        // the gate rules most texts out (a gate that always says yes would pass the test above)
        assert!(gated > ran * 4, "{gated} gated, {ran} ran");
    }

    #[test]
    fn an_abbreviation_before_a_capital_needs_no_pattern() {
        assert_eq!(super::can_match("The U.S. Army and the E.U. Commission met. Prices, he said, rose."), [false; 3]);
        assert_eq!(super::can_match("rose in the region.As expected"), [true, false, false]);
        assert_eq!(super::can_match("the U.S.benefits"), [false, true, false]);
        assert_eq!(super::can_match("pressures,could"), [false, false, true]);
    }
}
