//! `unknown-word` — a lowercase word English does not know, one slip of the keyboard away from a
//! common word ("legisation" → legislation, "politcians" → politicians).
//!
//! **Flags** a lowercase word of seven letters or more that the lexicon does not know in any
//! spelling and the typos dictionary does not list, used once in the document, when exactly one
//! or two common English words are one edit away (a letter added, dropped, changed, or two
//! neighbours swapped).
//! **Why** the list of known misspellings (`typo`) cannot hold every slip a writer makes;
//! English itself can: a long word no dictionary knows, next to exactly one that every
//! dictionary knows, is almost always that word mistyped.
//! **Never** on capitalised words (names), words used twice (the document's own vocabulary:
//! "eurozone", "frontman"), compounds and derivations of known words ("drugmaker",
//! "renationalise", "delisted"), words with many neighbours ("toons"), words inside URLs,
//! e-mail addresses, handles or code, species names ("Homo erectus"), dialect after an apostrophe
//! ("'orrible"), sentences that are not English, or non-English documents.
//! **Fix** (unsafe) writes the one candidate; with two there is no fix, only suggestions.

use super::{Rule, RuleMeta};
use crate::common_options;
use crate::diagnostic::{Category, Diagnostic, Edit, Fix, Severity, Span};
use crate::document::Document;
use crate::lexicon::{self, Tier};
use crate::options::Level;
use serde::Deserialize;
use std::collections::HashSet;

pub static META: RuleMeta = RuleMeta {
    id: "unknown-word",
    category: Category::Spelling,
    default_severity: Severity::Warning,
    priority: 15,
    fix: "unsafe",
    summary: "A word English does not know, one edit from a common word",
    explanation: "Flags a lowercase word of at least `min-length` letters (7) that the embedded English \
lexicon (SCOWL, American and British) does not know in any spelling, when exactly one or two everyday \
words are a single edit away: one letter added, dropped or changed, or two neighbouring letters swapped \
(\"legisation\" → legislation). It complements `typo`, whose list holds only known misspellings. It stays \
quiet on what a lexicon lacks but a writer means: capitalised names, words the document uses more than \
once, compounds and derivations of known words (\"drugmaker\", \"renationalise\"), short words, words in \
URLs, addresses or code, and sentences or documents not in English. With one candidate the fix (unsafe: \
a guess a human confirms) writes it; with two they are offered as suggestions. Add words that are right \
to `allow`.",
    bad: "The new legisation takes effect in May.",
    good: "The new legislation takes effect in May.",
};

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Options {
    pub enabled: Option<bool>,
    pub severity: Option<Level>,
    /// Words never reported, case-insensitive.
    #[serde(default)]
    pub allow: Vec<String>,
    /// The shortest word checked, in letters (short words have too many neighbours).
    pub min_length: Option<usize>,
}
common_options!(Options);

/// The shortest word checked unless configured: below seven letters most non-words are one
/// edit from several words, and the guess is poor.
const MIN_LENGTH: usize = 7;
/// More candidates than this and the slip cannot be told from a word English lacks.
const MAX_CANDIDATES: usize = 2;

pub struct UnknownWord {
    allow: HashSet<String>,
    min_length: usize,
}

impl UnknownWord {
    pub fn new(options: Options) -> Result<Self, String> {
        let min_length = options.min_length.unwrap_or(MIN_LENGTH);
        if !(4..=64).contains(&min_length) {
            return Err(format!("unknown-word `min-length` must be between 4 and 64, not {min_length}"));
        }
        Ok(UnknownWord { allow: options.allow.into_iter().map(|w| w.to_lowercase()).collect(), min_length })
    }
}

/// A lowercase word English writes lowercase, in the everyday or usual lists.
fn everyday(word: &str) -> bool {
    lexicon::lookup_unlikely(word).is_some_and(|e| matches!(e.lower, Some(Tier::Common | Tier::Usual)))
}

/// The letter trigrams of the everyday words (a-z alone), between start and end marks: a bit
/// each, written by the build script (`build/indexes.rs`, `write_everyday_trigrams`).
static EVERYDAY_TRIGRAMS: &[u8; 2744] = include_bytes!(concat!(env!("OUT_DIR"), "/everyday_trigrams.bin"));

/// Whether every trigram of `word` (a-z alone) that starts from one letter before `at` to two
/// after it, counting the start and end marks, is an everyday word's: false rules the word out
/// as an everyday word. The table is under 3 KB, so the test stays in the processor's nearest
/// cache where a look-up reads the lexicon's filter at a random place; the one-edit neighbours
/// of an unknown word change the letters at `at`, and most of them are ruled out here.
fn trigrams_everyday(word: &[u8], at: usize) -> bool {
    // The marked word's letter `k`: 26 before the word, 27 after it; `UNKNOWN` for a byte that
    // is no letter (no everyday word of letters alone has it: the test cannot tell).
    const UNKNOWN: usize = usize::MAX;
    let letter = |k: usize| match k.checked_sub(1) {
        None => 26,
        Some(k) => word.get(k).map_or(27, |&b| if b.is_ascii_lowercase() { usize::from(b - b'a') } else { UNKNOWN }),
    };
    let first = at.saturating_sub(1);
    // (each trigram's first two letters are the previous one's last two)
    let (mut a, mut b) = (letter(first), letter(first + 1));
    for t in first..=(at + 2).min(word.len().saturating_sub(1)) {
        let c = letter(t + 2);
        if a != UNKNOWN && b != UNKNOWN && c != UNKNOWN {
            let bit = (a * 28 + b) * 28 + c;
            if EVERYDAY_TRIGRAMS[bit / 8] & (1 << (bit % 8)) == 0 {
                return false;
            }
        }
        (a, b) = (b, c);
    }
    true
}

/// Endings English builds new words with, longest first: "delisting", "rebranded", "clunkiness".
const SUFFIXES: &[&str] = &[
    "isations", "izations", "isation", "ization", "ations", "ation", "ments", "ment", "nesses", "ness", "ships", "ship", "ables", "able",
    "ists", "ist", "isms", "ism", "less", "ful", "ings", "ing", "ers", "er", "est", "ed", "es", "ly", "s", "y", "d",
];

/// Whether English builds `word` from words it knows: two words run together ("frontman",
/// "drugmaker"), a prefix and a word ("renationalise"), or a word and an ending ("delisted",
/// "rebalancing"; also with a final e dropped or a consonant doubled). Such a word is new
/// vocabulary, not a slip.
fn built_from_known_words(word: &str) -> bool {
    let n = word.len();
    // two words: the first at least two letters ("uplights"), the second at least three
    if (2..n.saturating_sub(2)).any(|i| lexicon::is_lowercase_word_unlikely(&word[..i]) && lexicon::is_lowercase_word_unlikely(&word[i..]))
    {
        return true;
    }
    if lexicon::prefixed_stems(word).any(known_stem) {
        return true;
    }
    SUFFIXES.iter().any(|s| word.len() >= s.len() + 4 && word.ends_with(s) && known_stem(&word[..word.len() - s.len()]))
}

/// Whether `word` is one letter before a word of five letters or more that does not open with
/// that letter: a name of technology ("iframes", "pthreads", "ecommerce") or a handle
/// ("sfoster"). A slip of the keyboard doubles the first letter ("eearly") instead.
fn letter_before_a_word(word: &str) -> bool {
    let b = word.as_bytes();
    b.len() >= 6 && b[0] != b[1] && lexicon::is_lowercase_word_unlikely(&word[1..])
}

/// A stem English knows as it stands, with a final e restored ("rebalanc" + "ing"), a final y
/// turned i restored ("clunki" + "ness"), or a doubled final consonant undone ("shopp" + "ing").
fn known_stem(stem: &str) -> bool {
    if lexicon::is_lowercase_word_unlikely(stem) {
        return true;
    }
    let mut with_e = String::with_capacity(stem.len() + 1);
    with_e.push_str(stem);
    with_e.push('e');
    if lexicon::is_lowercase_word_unlikely(&with_e) {
        return true;
    }
    // "clunki" + "ness": a final y turned i
    if let Some(base) = stem.strip_suffix('i') {
        with_e.clear();
        with_e.push_str(base);
        with_e.push('y');
        if lexicon::is_lowercase_word_unlikely(&with_e) {
            return true;
        }
    }
    let b = stem.as_bytes();
    b.len() >= 4 && b[b.len() - 1] == b[b.len() - 2] && lexicon::is_lowercase_word_unlikely(&stem[..stem.len() - 1])
}

thread_local! {
    /// The candidates of the unknown words this thread met lately, by word. A word the lexicon
    /// lacks recurs from article to article (a field's or a site's own vocabulary,
    /// "cybersecurity", "renminbi"), and finding its candidates is some 450 look-ups.
    static RECENT: std::cell::RefCell<std::collections::HashMap<String, Vec<String>>> = Default::default();
}

/// How many words [`RECENT`] holds before it starts again (well under a megabyte).
const RECENT_WORDS: usize = 4096;

/// [`candidates`] of `word` up to [`MAX_CANDIDATES`], from this thread's recent answers when
/// it has met the word (the answer depends on the word alone).
fn recent_candidates(word: &str) -> Vec<String> {
    RECENT.with_borrow_mut(|recent| {
        if let Some(found) = recent.get(word) {
            return found.clone();
        }
        let found = candidates(word, MAX_CANDIDATES);
        if recent.len() >= RECENT_WORDS {
            recent.clear();
        }
        recent.insert(word.to_string(), found.clone());
        found
    })
}

/// The everyday words one edit from `word` (ASCII lowercase), sorted; stops past `limit`.
fn candidates(word: &str, limit: usize) -> Vec<String> {
    let bytes = word.as_bytes();
    let mut found: Vec<String> = Vec::new();
    let mut buf: Vec<u8> = Vec::with_capacity(bytes.len() + 1);
    // The substitutions and insertions at one position differ in one byte: each layout is
    // written once per position and only that byte changes (a copy per candidate was most
    // of the time spent on an unknown word, some 450 candidates for eight letters).
    let mut substituted: Vec<u8> = bytes.to_vec();
    let mut inserted: Vec<u8> = Vec::with_capacity(bytes.len() + 1);
    let consider = |buf: &[u8], at: usize, found: &mut Vec<String>| {
        if !trigrams_everyday(buf, at) {
            return;
        }
        if let Ok(s) = std::str::from_utf8(buf) {
            if s != word && !found.iter().any(|f| f == s) && everyday(s) {
                found.push(s.to_string());
            }
        }
    };
    for i in 0..=bytes.len() {
        if found.len() > limit {
            break;
        }
        // deletion
        if i < bytes.len() {
            buf.clear();
            buf.extend_from_slice(&bytes[..i]);
            buf.extend_from_slice(&bytes[i + 1..]);
            consider(&buf, i, &mut found);
        }
        // transposition
        if i + 1 < bytes.len() {
            buf.clear();
            buf.extend_from_slice(bytes);
            buf.swap(i, i + 1);
            consider(&buf, i, &mut found);
        }
        inserted.clear();
        inserted.extend_from_slice(&bytes[..i]);
        inserted.push(b'a');
        inserted.extend_from_slice(&bytes[i..]);
        for c in b'a'..=b'z' {
            // substitution
            if i < bytes.len() && bytes[i] != c {
                substituted[i] = c;
                consider(&substituted, i, &mut found);
            }
            // insertion
            inserted[i] = c;
            consider(&inserted, i, &mut found);
        }
        if i < bytes.len() {
            substituted[i] = bytes[i];
        }
    }
    found.sort();
    found
}

/// Whether `word` is `candidate` with the commonest slips of the keyboard: two neighbouring
/// letters swapped ("artisitc"), or a letter doubled or undoubled ("repairring", "apalling").
/// Such a word is a slip even when it happens to split into two words ("repair" + "ring").
fn keyboard_slip(word: &str, candidate: &str) -> bool {
    let (w, c) = (word.as_bytes(), candidate.as_bytes());
    let common = w.iter().zip(c).take_while(|(a, b)| a == b).count();
    if w.len() == c.len() {
        return common + 1 < w.len() && w[common] == c[common + 1] && w[common + 1] == c[common] && w[common + 2..] == c[common + 2..];
    }
    // the longer has one letter more, at `common` (the first difference), repeating the letter
    // before it: "repairring", "appalling" (a repeat after it would have differed earlier)
    let (long, short) = if w.len() > c.len() { (w, c) } else { (c, w) };
    long.len() == short.len() + 1 && long[common + 1..] == short[common..] && common > 0 && long[common - 1] == long[common]
}

/// Whether `word` (ASCII lowercase) is an everyday word with a keyboard slip (see
/// [`keyboard_slip`]): every one-edit neighbour [`candidates`] could find that is such a slip of
/// `word` is a deletion, a swap of two neighbouring letters or a letter doubled, some three
/// strings a letter where [`candidates`] tries some 450 for an eight-letter word.
fn slip_of_an_everyday_word(word: &str) -> bool {
    let bytes = word.as_bytes();
    let mut buf: Vec<u8> = Vec::with_capacity(bytes.len() + 1);
    // (the slip test first: it reads no table)
    let undone = |buf: &[u8]| std::str::from_utf8(buf).is_ok_and(|s| s != word && keyboard_slip(word, s) && everyday(s));
    for i in 0..bytes.len() {
        buf.clear();
        buf.extend_from_slice(&bytes[..i]);
        buf.extend_from_slice(&bytes[i + 1..]);
        if undone(&buf) {
            return true;
        }
        if i + 1 < bytes.len() {
            buf.clear();
            buf.extend_from_slice(bytes);
            buf.swap(i, i + 1);
            if undone(&buf) {
                return true;
            }
        }
        buf.clear();
        buf.extend_from_slice(&bytes[..=i]);
        buf.extend_from_slice(&bytes[i..]);
        if undone(&buf) {
            return true;
        }
    }
    false
}

/// A character that joins a word to its neighbour: a letter or digit, a hyphen (also the
/// non-breaking one), a soft hyphen or a zero-width character that extraction left in.
fn glued(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '-' | '‐' | '‑' | '\u{ad}' | '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}')
}

/// Whether the word at `span` sits in a URL, an address, a handle, a path or code: its
/// whitespace-delimited token holds `/`, `@`, `#`, `_`, `\`, `=`, `<`, `>`, `{`, `}`, `|`, a
/// backtick or a letter right after a dot ("example.com").
fn in_machine_text(source: &str, span: Span) -> bool {
    // (a word holds no whitespace: the token around its first byte is the one around it all)
    let token = crate::text::token_around(source, span.start);
    token.contains(['/', '@', '#', '_', '\\', '=', '<', '>', '{', '}', '|', '`'])
        || token.as_bytes().windows(2).any(|w| w[0] == b'.' && w[1].is_ascii_alphabetic())
}

/// Whether the sentence around word `i` reads as English: two or more of its other lowercase
/// words, and two in three of them, are English words. A line in another language inside an
/// English page is not spelt wrong, nor a list of tool names ("layman, gentoolkit, esearch").
fn english_around(doc: &Document<'_>, i: usize) -> bool {
    let (known, seen) = crate::analysis::english_words_around(doc, i);
    known >= 2 && known * 3 >= seen * 2
}

/// Latin endings of the second word of a scientific name ("Homo erectus", "Quercus robur" is
/// not caught, "Canis lupus" is).
const LATIN_ENDINGS: &[&str] = &["us", "um", "ae", "ii", "is", "ensis", "oides"];

/// A species name after its genus: a Latin-looking word right after a capitalised one.
fn species_name(doc: &Document<'_>, i: usize) -> bool {
    let word = doc.words[i];
    let text = doc.text(word.span());
    i > 0
        && LATIN_ENDINGS.iter().any(|e| text.ends_with(e))
        && doc.words.get(i - 1).is_some_and(|prev| {
            let genus = doc.text(prev.span());
            // a genus is no everyday word: "The tremendus effort" is a slip after "The"
            prev.sentence() == word.sentence()
                && doc.source[prev.span().end..word.span().start] == *" "
                && crate::text::starts_upper(genus)
                && !lexicon::lookup(genus).is_some_and(|e| e.common_lower())
        })
}

impl Rule for UnknownWord {
    fn meta(&self) -> &RuleMeta {
        &META
    }

    fn check(&self, doc: &Document<'_>, out: &mut Vec<Diagnostic>) {
        // (read once: each `doc.evidence()` is a dynamic type check)
        let evidence = doc.evidence();
        if !evidence.is_english() {
            return; // spelling is English-only
        }
        for (i, word) in doc.words.iter().enumerate() {
            // Cheap checks first: this runs on every word. (ASCII and lowercase: a-z alone.)
            let shape = word.shape();
            if word.span().len() < self.min_length || !(shape.ascii() && shape.lowercase()) {
                continue;
            }
            let text = doc.text(word.span());
            // The document's own count first: its map is small and hot, the lexicon's index is
            // megabytes away in memory, and most long words recur.
            let usage = evidence.word_usage(i, text);
            if usage.lower_any + usage.mentioned_mid > 1 || !doc.blocks[word.block()].kind.is_prose() {
                continue;
            }
            if lexicon::lookup(text).is_some() || crate::misspellings::corrections(text).is_some() || self.allow.contains(text) {
                continue;
            }
            // A letter glued to the word ("communiqu" before a lost "é", "café" without its
            // accent), a hyphen or an invisible break (soft hyphen, zero-width space): a
            // fragment, not a word. So is a word cut off by an ellipsis ("the governmen…").
            let before = doc.source[..word.span().start].chars().next_back();
            let rest = &doc.source[word.span().end..];
            let after = rest.chars().next();
            if before.is_some_and(glued)
                || after.is_some_and(glued)
                || rest.starts_with('…')
                || rest.starts_with("..")
                || crate::text::split_by_emphasis(doc.source, word.span().start, word.span().end)
            {
                continue;
            }
            if in_machine_text(doc.source, word.span()) || !english_around(doc, i) || species_name(doc, i) {
                continue;
            }
            // A word English builds from words it knows is new vocabulary, not a slip, unless
            // undoing a keyboard slip makes it an everyday word: only those few neighbours are
            // tried for it, not all of them (three in four words here leave at this test). A
            // built word that stays has such a neighbour among its candidates (a test holds the
            // few neighbours to all of them), so they need not be searched for it again.
            let built = built_from_known_words(text) || letter_before_a_word(text);
            if built && !slip_of_an_everyday_word(text) {
                continue;
            }
            let found = recent_candidates(text);
            if found.is_empty() || found.len() > MAX_CANDIDATES {
                continue;
            }
            // "It's 'orrible", "nothin'": an apostrophe standing for dropped letters is dialect,
            // not a slip (a quotation mark around a word is no such apostrophe: 'legisation').
            if (before.is_some_and(crate::text::is_apostrophe) && found.iter().all(|f| f.ends_with(text)))
                || (after.is_some_and(crate::text::is_apostrophe) && found.iter().all(|f| f.starts_with(text)))
            {
                continue;
            }
            let list = found.iter().map(|f| format!("`{f}`")).collect::<Vec<_>>().join(" or ");
            let mut d = Diagnostic::new(META.id, word.span(), format!("`{text}` is not an English word; did you mean {list}?"));
            d = d.with_help(match found.as_slice() {
                [only] => format!("write `{only}`, or add `{text}` to `allow` if it is right"),
                _ => format!("write {list}, or add `{text}` to `allow` if it is right"),
            });
            if let [only] = found.as_slice() {
                d.fix = Some(Fix::unsafe_(vec![Edit::replace(word.span(), only.clone())]));
            }
            out.push(d);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Applicability::{Safe, Unsafe};
    use crate::rules::testing::{findings, fixed, flagged};

    const ID: &str = "unknown-word";

    fn article(sentence: &str) -> String {
        format!("Council Approves New Budget\n\nThe council met on Monday to discuss the plan for the coming year. {sentence} Members will vote again next month after a public consultation.\n")
    }

    #[test]
    fn a_slip_with_one_candidate_is_fixed_only_as_unsafe() {
        let text = article("The new legisation takes effect in May.");
        assert_eq!(flagged(ID, &text), vec!["legisation"]);
        assert_eq!(fixed(ID, &text, Safe), text, "a guess is never a safe fix");
        assert_eq!(fixed(ID, &text, Unsafe), article("The new legislation takes effect in May."));
    }

    #[test]
    fn each_kind_of_edit_is_found() {
        for (slip, word) in
            [("politcians", "politicians"), ("presneted", "presented"), ("croooner", "crooner"), ("conterfeit", "counterfeit")]
        {
            let text = article(&format!("They spoke of the {slip} at length."));
            let found = findings(ID, &text);
            assert_eq!(found.len(), 1, "{slip}");
            assert!(found[0].message.contains(&format!("`{word}`")), "{slip}: {}", found[0].message);
        }
    }

    #[test]
    fn two_candidates_are_suggestions_without_a_fix() {
        let found = findings(ID, &article("He was beloned by the whole town."));
        assert_eq!(found.len(), 1);
        assert!(found[0].fix.is_none());
        assert!(found[0].message.contains("`belonged`") && found[0].message.contains("`beloved`"), "{}", found[0].message);
    }

    #[test]
    fn known_words_names_short_words_and_repeated_words_are_left_alone() {
        for sentence in [
            "The legislation takes effect in May.",
            "Analysts at Kzwiatkowski expect growth.",
            "The sence of it was clear.",
            "The eurozone grew while the eurozone debt fell.",
            "Officials said the plany was late.",
            "Critics called it 'orrible and worse.",
            "The teaser read: the governmen… and stopped there.",
            "The teaser read: the governmen... and stopped there.",
            "The word environ\u{ad}mental was split by a soft hyphen.",
            "They found a skull of Homo erectus in the cave.",
            "Tools: layman, gentoolkit, CoreBuilder, esearch.",
        ] {
            assert!(findings(ID, &article(sentence)).is_empty(), "{sentence}");
        }
    }

    #[test]
    fn compounds_and_derivations_of_known_words_are_new_vocabulary() {
        for word in
            ["frontman", "drugmaker", "renationalise", "delisting", "bandmates", "uplights", "rebranded", "shockwaves", "clunkiness"]
        {
            assert!(built_from_known_words(word), "{word}");
        }
        for word in ["legisation", "politcians", "presneted", "apalling", "grearest"] {
            assert!(!built_from_known_words(word), "{word}");
        }
        for word in ["iframes", "pthreads", "ecommerce", "sfoster"] {
            assert!(letter_before_a_word(word), "{word}");
        }
        // a doubled first letter is a slip
        for word in ["eearly", "tthreads", "legisation"] {
            assert!(!letter_before_a_word(word), "{word}");
        }
        assert!(findings(ID, &article("Pages that embed iframes load slowly.")).is_empty());
        // a letter before a word ("a" + "palling") one keyboard slip from another is the slip
        assert_eq!(findings(ID, &article("The delays were apalling for everyone.")).len(), 1);
    }

    #[test]
    fn machine_text_fragments_and_foreign_sentences_are_not_prose() {
        for sentence in [
            "See www.legisation.org for details.",
            "Write to info@legisation.com today.",
            "Follow #legisation on the site.",
            "The file is in /srv/legisation now.",
            "It was a communiqué-like legisation-style note.",
            "El gobierno aprobó la legisation nueva ayer por la tarde.",
        ] {
            assert!(findings(ID, &article(sentence)).is_empty(), "{sentence}");
        }
    }

    /// The few neighbours tried for a keyboard slip answer as all the neighbours would: on
    /// everyday words with a slip made in them (a swap, a letter doubled or dropped, another
    /// letter put in, taken out or changed) and on the words themselves.
    #[test]
    fn the_slip_neighbours_answer_as_all_the_neighbours() {
        let mut tried = 0;
        let (mut slips, mut others) = (0, 0);
        for (n, line) in crate::lexicon::TABLE.source.lines().enumerate().filter(|(n, _)| n % 97 == 0) {
            let key = line.split('\t').next().unwrap();
            if key.len() < 4 || !key.bytes().all(|b| b.is_ascii_lowercase()) {
                continue;
            }
            let b = key.as_bytes();
            let at = n % (b.len() - 1);
            let mut variants = vec![key.to_string()];
            let mut swapped = b.to_vec();
            swapped.swap(at, at + 1);
            let mut doubled = b.to_vec();
            doubled.insert(at, b[at]);
            let mut dropped = b.to_vec();
            dropped.remove(at);
            let mut changed = b.to_vec();
            changed[at] = b'a' + (n % 26) as u8;
            let mut put_in = b.to_vec();
            put_in.insert(at, b'a' + (n / 26 % 26) as u8);
            for v in [swapped, doubled, dropped, changed, put_in] {
                variants.push(String::from_utf8(v).unwrap());
            }
            for v in variants {
                let all = candidates(&v, usize::MAX).iter().any(|f| keyboard_slip(&v, f));
                assert_eq!(slip_of_an_everyday_word(&v), all, "{v}");
                (slips, others) = if all { (slips + 1, others) } else { (slips, others + 1) };
                tried += 1;
            }
        }
        assert!(tried > 5_000 && slips > 500 && others > 500, "{tried} {slips} {others}");
    }

    /// The trigram test never rules out an everyday word: every such word of the lexicon, at
    /// every position, passes it; and it does rule out strings no English word is made of.
    #[test]
    fn trigrams_never_rule_out_an_everyday_word() {
        let mut words = 0;
        for line in crate::lexicon::TABLE.source.lines() {
            let key = line.split('\t').next().unwrap();
            if key.bytes().all(|b| b.is_ascii_lowercase()) && everyday(key) {
                for at in 0..=key.len() {
                    assert!(trigrams_everyday(key.as_bytes(), at), "{key} at {at}");
                }
                words += 1;
            }
        }
        assert!(words > 30_000, "{words}");
        assert!(!trigrams_everyday(b"qxzt", 1));
        assert!(!trigrams_everyday(b"legisxation", 5));
        // a byte that is no letter cannot be judged
        assert!(trigrams_everyday(b"don't", 3));
    }

    /// A word met again gets the answer it got the first time, and the memo starts again when
    /// full rather than growing.
    #[test]
    fn recent_candidates_are_the_candidates() {
        for word in ["legisation", "varirty", "zzzzzzzz", "toons", "legisation", "toons"] {
            assert_eq!(recent_candidates(word), candidates(word, MAX_CANDIDATES), "{word}");
        }
        for n in 0..RECENT_WORDS + 10 {
            recent_candidates(&format!("qq{n}"));
        }
        assert!(RECENT.with_borrow(|recent| recent.len()) <= RECENT_WORDS);
        assert_eq!(recent_candidates("legisation"), vec!["legislation"]);
    }

    #[test]
    fn candidates_are_everyday_words_one_edit_away() {
        assert_eq!(candidates("legisation", 2), vec!["legislation"]);
        assert_eq!(candidates("varirty", 2), vec!["variety"]);
        assert!(candidates("zzzzzzzz", 2).is_empty());
        assert!(candidates("toons", 2).len() > 2, "a short word has many neighbours");
    }

    #[test]
    fn a_swap_or_a_doubled_letter_is_a_slip_even_inside_two_words() {
        assert!(keyboard_slip("repairring", "repairing"));
        assert!(keyboard_slip("apalling", "appalling"));
        assert!(keyboard_slip("artisitc", "artistic"));
        assert!(!keyboard_slip("hopever", "however"));
        assert!(!keyboard_slip("uplights", "uprights"));
        assert!(!keyboard_slip("legisation", "legislation"));
        assert_eq!(flagged(ID, &article("Crews were repairring the bridge.")), vec!["repairring"]);
        assert!(findings(ID, &article("New uplights were fitted in the hall.")).is_empty());
    }

    #[test]
    fn a_slip_in_quotation_marks_or_after_a_capitalised_word_is_still_a_slip() {
        assert_eq!(flagged(ID, &article("Critics called the new rules 'legisation' in jest.")), vec!["legisation"]);
        assert_eq!(flagged(ID, &article("The tremendus effort was praised in March.")), vec!["tremendus"]);
    }

    #[test]
    fn a_multi_byte_space_before_the_word_is_no_panic() {
        for space in ['\u{a0}', '\u{2009}', '\u{202f}', '\u{3000}'] {
            let text = article(&format!("The new{space}legisation takes effect in May."));
            assert_eq!(flagged(ID, &text), vec!["legisation"], "{space:?}");
        }
    }

    #[test]
    fn min_length_is_checked() {
        assert!(UnknownWord::new(Options { min_length: Some(2), ..Options::default() }).is_err());
        assert!(UnknownWord::new(Options { min_length: Some(5), ..Options::default() }).is_ok());
    }
}
