//! Sentences and words inside prose blocks.
//!
//! Sentence boundaries: `.`, `!`, `?`, `…` (with closing quotes or brackets) followed by
//! white space. Abbreviations (Mr., U.S., e.g., No.) and initials (J.) do not end a sentence.
//! A period followed by a lowercase word *does* end one unless it follows an abbreviation —
//! that is exactly the "…relations. moving forward" defect sentence-case must see.

use super::{shape, Document, Sentence, Shape, Word};
use crate::diagnostic::Span;
use crate::text::byte_masks::ByteMasks;
use crate::text::{is_closer, is_terminal};

/// Abbreviations that never end a sentence when a lowercase word follows (lowercase, no dot).
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "mx", "dr", "prof", "sr", "jr", "st", "mt", "ft", "vs", "etc", "no", "nos", "inc", "ltd", "corp", "co", "bros",
    "gen", "gov", "sen", "rep", "reps", "lt", "col", "capt", "sgt", "maj", "adm", "cmdr", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
    "sep", "sept", "oct", "nov", "dec", "approx", "dept", "est", "fig", "figs", "vol", "vols", "ch", "pp", "op", "cf", "al", "ave", "blvd",
    "rd", "hon", "rev", "messrs", "mme", "mlle", "pres", "supt", "univ", "assn", "ibid", "viz", "ca", "min", "max", "govt", "intl", "natl",
    "misc",
];

/// Abbreviations that are always followed by a name, so even a capital after them is not a
/// new sentence ("Mr. Smith").
const NAME_TITLES: &[&str] = &[
    "mr", "mrs", "ms", "mx", "dr", "prof", "st", "mt", "gen", "gov", "sen", "rep", "lt", "col", "capt", "sgt", "maj", "adm", "cmdr", "hon",
    "rev", "messrs", "mme", "mlle", "pres", "supt", "no", "nos", "vs", "fig", "figs", "vol", "ch", "pp", "op", "cf",
];

pub(super) fn segment(doc: &mut Document<'_>) {
    // About one word per six bytes of prose, and a sentence per 128: reserved once rather than
    // grown by doubling (a large file's words take megabytes, mapped, and pages never written
    // cost no memory).
    let mut sentences = Vec::with_capacity(doc.source.len() / 128 + 1);
    let mut words = Vec::with_capacity(doc.source.len() / 6 + 1);
    // One block's sentences, the buffer reused from block to block.
    let mut spans = Vec::new();
    for (bi, block) in doc.blocks.iter().enumerate() {
        if !block.kind.is_prose() {
            continue;
        }
        spans.clear();
        split_sentences(doc.source, block.content, &mut spans);
        for &span in &spans {
            let si = sentences.len();
            sentences.push(Sentence { span, block: bi });
            let mut first = true;
            for (w, shape) in tokenize(doc.source, span) {
                if doc.is_masked(w) || !Word::fits(w) {
                    first = false; // "example.com said …": the sentence began with the address
                    continue;
                }
                words.push(Word::with_shape(w, shape, bi, si, first));
                first = false;
            }
        }
    }
    doc.sentences = sentences;
    doc.words = words;
}

/// The word (letters, digits, internal dots) that ends right before byte `end`.
fn word_before(text: &str, end: usize) -> &str {
    let start = text[..end].char_indices().rev().take_while(|(_, c)| c.is_alphanumeric() || *c == '.').last().map_or(end, |(i, _)| i);
    &text[start..end]
}

/// Is the word before a period an abbreviation or an initial?
pub fn is_abbreviation(word: &str) -> bool {
    let word = word.trim_start_matches('.');
    if word.is_empty() {
        return false;
    }
    if word.contains('.') {
        // U.S, e.g, a.m, Ph.D; but a figure with a decimal point is no abbreviation: "sales
        // of $4.9bn. that is…" ends a sentence
        return !word.starts_with(|c: char| c.is_ascii_digit());
    }
    let mut chars = word.chars();
    if chars.next().is_some_and(char::is_uppercase) && chars.next().is_none() {
        return true; // an initial: J.
    }
    let lower = crate::text::Lowercase::of(word);
    ABBREVIATIONS.contains(&lower.as_str()) || UNITS.contains(&lower.as_str()) || is_unknown_short_word(word)
}

/// Units of measure, abbreviated before a lowercase word in recipes and specifications
/// ("1 tsp. salt", "two 8 oz. cans").
const UNITS: &[&str] = &[
    "tsp", "tsps", "tbsp", "tbsps", "tbs", "oz", "lb", "lbs", "pt", "pts", "qt", "qts", "gal", "hr", "hrs", "sec", "secs", "mins", "sq",
    "yd", "yds", "mi", "km", "cm", "mm", "kg", "mg", "ml", "doz", "pkg", "cal", "kcal", "temp", "deg",
];

/// A short lowercase word that is no English word is an abbreviation ("approx.", "incl.",
/// "dept."), not a sentence end: a real sentence ends on a word. So is one with no vowel
/// ("bbl.", "pkgs."): English lists some as words, but only interjections among them end
/// sentences ("Hmm.").
fn is_unknown_short_word(word: &str) -> bool {
    const INTERJECTIONS: &[&str] = &["brr", "grr", "hmm", "hmmm", "mm", "mmm", "nth", "pfft", "psst", "pst", "shh", "tsk", "zzz"];
    (2..=5).contains(&word.len())
        && word.bytes().all(|b| b.is_ascii_lowercase())
        && (!crate::lexicon::is_lowercase_word(word)
            || (!word.bytes().any(|b| matches!(b, b'a' | b'e' | b'i' | b'o' | b'u' | b'y')) && !INTERJECTIONS.contains(&word)))
}

fn is_name_title(word: &str) -> bool {
    let single_initial = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
    // (lowercased on the stack: this is asked at nearly every sentence end)
    single_initial || NAME_TITLES.contains(&crate::text::Lowercase::of(word).as_str())
}

static ELLIPSIS: crate::text::FixedNeedle = crate::text::FixedNeedle::new("…");

/// Split a block's content into sentence spans, appended to `out`.
pub fn split_sentences(source: &str, content: Span, out: &mut Vec<Span>) {
    let text = &source[content.start..content.end];
    let bytes = text.as_bytes();
    let mut start = 0;
    let mut pos = 0;
    // Only `.`, `!`, `?` and `…` can end a sentence: memchr jumps from one to the next instead
    // of decoding every character. The next `…` is found once and kept until passed (most
    // texts have none: one search to the end).
    let mut ellipsis: Option<Option<usize>> = None;
    let mut next_mark = |pos: usize| {
        let punctuation = memchr::memchr3(b'.', b'!', b'?', &bytes[pos..]).map(|k| pos + k);
        if ellipsis.is_none_or(|e| e.is_some_and(|e| e < pos)) {
            ellipsis = Some(ELLIPSIS.find(&bytes[pos..]).map(|k| pos + k));
        }
        match (punctuation, ellipsis.flatten()) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        }
    };
    while let Some(i) = next_mark(pos) {
        let Some(c) = char_at(text, i) else { break };
        if !is_terminal(c) {
            pos = i + c.len_utf8();
            continue;
        }
        let mut end = i + c.len_utf8();
        let mut run = 1;
        let mut closed = false;
        while let Some(n) = char_at(text, end) {
            if is_terminal(n) {
                run += 1;
            } else if is_closer(n) {
                closed = true;
            } else {
                break;
            }
            end += n.len_utf8();
        }
        // The character after the run is looked at next either way.
        pos = end;
        let ws = end;
        let Some(w) = char_at(text, ws) else { break };
        if !w.is_whitespace() {
            continue;
        }
        let next_start = text[ws..].find(|ch: char| !ch.is_whitespace()).map_or(text.len(), |k| ws + k);
        let Some(next) = text[next_start..].chars().next() else { break };
        // "her film Sunrise Now! - nominated for…": a dash and a lowercase word go on with
        // the sentence the title's mark is inside of.
        if matches!(next, '-' | '–' | '—') {
            let after_dash = text[next_start + next.len_utf8()..].trim_start_matches(' ');
            if after_dash.len() < text.len() - next_start - next.len_utf8() && after_dash.starts_with(char::is_lowercase) {
                continue;
            }
        }
        let prev = word_before(text, i);
        let single_period = c == '.' && run == 1;
        let boundary = if next.is_lowercase() {
            single_period && !closed && !is_abbreviation(prev) && !prev.is_empty()
        } else {
            !(single_period && !closed && is_name_title(prev))
        };
        if boundary {
            out.push(Span::new(content.start + start, content.start + end));
            start = next_start;
        }
    }
    if start < text.len() {
        let rest = &text[start..];
        if !rest.trim().is_empty() {
            out.push(Span::new(content.start + start, content.start + start + rest.trim_end().len()));
        }
    }
}

/// Letters and digits, and the placeholder of an invalid UTF-8 byte (so "caf\u{1A}" stays one
/// word, which is masked, rather than becoming the "typo" "caf").
const PLACEHOLDER_BYTE: u8 = crate::text::PLACEHOLDER as u8;

/// For each byte: an ASCII letter, digit or the placeholder (a non-ASCII byte is false).
static ASCII_WORD: [bool; 256] = {
    let mut table = crate::text::ASCII_ALPHANUMERIC;
    table[PLACEHOLDER_BYTE as usize] = true;
    table
};

fn is_word_char(c: char) -> bool {
    crate::text::is_alphanumeric(c) || c == crate::text::PLACEHOLDER
}

fn is_joiner(c: char) -> bool {
    matches!(c, '\'' | '’' | '-' | '‐' | '.')
}

/// The character at byte `i` of `text` (a char boundary), decoding only non-ASCII bytes.
#[inline]
fn char_at(text: &str, i: usize) -> Option<char> {
    let b = *text.as_bytes().get(i)?;
    if b < 0x80 {
        Some(char::from(b))
    } else {
        text[i..].chars().next()
    }
}

/// Words of a span: runs of letters and digits, joined by internal apostrophes, hyphens and
/// dots (don’t, U.S.-Japan, 49.1). A dotted abbreviation keeps its final dot (U.S.). Each
/// comes with its [`Shape`]. A word of ASCII characters is found and read from the bit masks
/// of the 64 bytes around it ([`ByteMasks`]); any other, and one the masks cannot settle, by
/// [`read_word`], a character at a time, which answers the same.
fn tokenize(source: &str, span: Span) -> Tokenizer<'_> {
    let text = &source[span.start..span.end];
    let mut tokenizer = Tokenizer { text, offset: span.start, pos: 0, window: 0, masks: ByteMasks::default(), word: 0, stop: 0 };
    tokenizer.move_window(0);
    tokenizer
}

struct Tokenizer<'a> {
    text: &'a str,
    /// Where `text` starts in the source.
    offset: usize,
    /// Where the next word may start.
    pos: usize,
    /// The first of the 64 bytes that `masks` describe.
    window: usize,
    masks: ByteMasks,
    /// The masks' word bytes, and the bytes that may go on with a word or need decoding.
    word: u64,
    stop: u64,
}

/// What the masks say of a word that starts with an ASCII word character.
enum Read {
    /// It ends here and has this shape.
    Word(usize, Shape),
    /// It may go on past the window's 64 bytes.
    Crossing,
    /// A non-ASCII character decides where it ends.
    Unsure,
}

impl Iterator for Tokenizer<'_> {
    type Item = (Span, Shape);

    fn next(&mut self) -> Option<(Span, Shape)> {
        let bytes = self.text.as_bytes();
        while self.pos < bytes.len() {
            if self.pos >= self.window + 64 {
                self.move_window(self.pos);
            }
            let found = (self.word | self.masks.non_ascii) >> (self.pos - self.window);
            if found == 0 {
                self.pos = self.window + 64;
                continue;
            }
            // (a byte past the text's end has no bit: `start` is inside it)
            let start = self.pos + found.trailing_zeros() as usize;
            let read = if bytes[start].is_ascii() { self.plain_word(start).or_else(|| self.ascii_word(start)) } else { None };
            let (end, shape) = match read {
                Some(word) => word,
                None => {
                    let c = char_at(self.text, start)?;
                    if !is_word_char(c) {
                        self.pos = start + c.len_utf8();
                        continue;
                    }
                    read_word(self.text, start)
                }
            };
            self.pos = end;
            return Some((Span::new(self.offset + start, self.offset + end), shape));
        }
        None
    }
}

impl Tokenizer<'_> {
    fn move_window(&mut self, to: usize) {
        self.window = to;
        self.masks = ByteMasks::of(&self.text.as_bytes()[to..]);
        self.word = self.masks.word();
        self.stop = self.masks.joiner() | self.masks.non_ascii;
    }

    /// The commonest word: ASCII word bytes up to a byte inside the window that neither joins
    /// nor is non-ASCII.
    #[inline]
    fn plain_word(&self, start: usize) -> Option<(usize, Shape)> {
        let first = start - self.window;
        let end = self.run_end(first);
        if end >= 64 || self.stop >> end & 1 != 0 {
            return None;
        }
        Some((self.window + end, Shape::of_masks(&self.masks, first as u32, bytes_between(first, end))))
    }

    /// The end of the run of word bytes from byte `i` of the window (under 64): 64 when it
    /// reaches the window's end.
    #[inline]
    fn run_end(&self, i: usize) -> usize {
        (i + (!self.word >> i).trailing_zeros() as usize).min(64)
    }

    /// The end and shape of the ASCII word at `start`, from the masks (the window moved to the
    /// word when it runs past it); None when a non-ASCII character or a word of more than 63
    /// bytes leaves it to [`read_word`].
    fn ascii_word(&mut self, start: usize) -> Option<(usize, Shape)> {
        match self.read(start) {
            Read::Word(end, shape) => Some((end, shape)),
            Read::Crossing if self.window < start => {
                self.move_window(start);
                match self.read(start) {
                    Read::Word(end, shape) => Some((end, shape)),
                    Read::Crossing | Read::Unsure => None,
                }
            }
            Read::Crossing | Read::Unsure => None,
        }
    }

    /// [`read_word`]'s steps for a word that opens with an ASCII word character, on the masks:
    /// a run of word bytes, and another after each joiner followed by a letter or digit.
    fn read(&self, start: usize) -> Read {
        let bytes = self.text.as_bytes();
        let masks = &self.masks;
        let (alphanumeric, joiner) = (masks.alphanumeric(), masks.joiner());
        // Whether byte `i` of the window is in `mask`; whether it lies past the window but
        // inside the text (only a byte past the text's end is known to be nothing).
        let is = |mask: u64, i: usize| i < 64 && mask >> i & 1 != 0;
        let past = |i: usize| i >= 64 && self.window + i < bytes.len();
        let run_end = |i: usize| if i >= 64 { i } else { self.run_end(i) };
        let first = start - self.window;
        let mut end = run_end(first);
        let mut dotted = false;
        loop {
            if past(end) {
                return Read::Crossing;
            }
            if is(masks.non_ascii, end) {
                return Read::Unsure;
            }
            if !is(joiner, end) {
                break;
            }
            let next = end + 1;
            if past(next) {
                return Read::Crossing;
            }
            if is(alphanumeric, next) {
                dotted |= is(masks.dot, end);
                end = run_end(next);
                continue;
            }
            if is(masks.non_ascii, next) {
                return Read::Unsure;
            }
            if is(masks.dot, end) && is(masks.hyphen, next) {
                // U.S.-Japan
                let after = end + 2;
                if past(after) {
                    return Read::Crossing;
                }
                if is(alphanumeric, after) {
                    end = run_end(after);
                    continue;
                }
                if is(masks.non_ascii, after) {
                    return Read::Unsure;
                }
            }
            break;
        }
        // (`end` is at most 64: the window's or the text's end)
        if dotted && bytes.get(self.window + end) == Some(&b'.') && is_dotted_abbreviation(&self.text[start..self.window + end]) {
            if end >= 64 {
                return Read::Crossing;
            }
            end += 1; // U.S.
        }
        Read::Word(self.window + end, Shape::of_masks(masks, first as u32, bytes_between(first, end)))
    }
}

/// The bits from `first` up to `end` (at most 64), as a mask.
#[inline]
fn bytes_between(first: usize, end: usize) -> u64 {
    (u64::MAX >> (64 - end)) & (u64::MAX << first)
}

/// The end and shape of the word at `start` (a word character), a character at a time.
fn read_word(text: &str, start: usize) -> (usize, Shape) {
    let bytes = text.as_bytes();
    let bytes_len = bytes.len();
    // An ASCII byte is a word character when it is a letter, a digit or the placeholder: what
    // `is_word_char` says of it, without decoding (one table load per byte).
    let ascii_word = |b: u8| ASCII_WORD[usize::from(b)];
    let mut end = start + char_at(text, start).map_or(1, char::len_utf8);
    let mut dotted = false;
    // The byte classes of the word after its first byte: any of them, and all of them.
    let (mut later, mut all) = (0u8, u8::MAX);
    let mut class = |class: u8| {
        later |= class;
        all &= class;
    };
    while end < bytes_len && ascii_word(bytes[end]) {
        class(shape::class(bytes[end]));
        end += 1;
    }
    while let Some(n) = char_at(text, end) {
        if n.is_ascii() && ascii_word(n as u8) {
            class(shape::class(n as u8));
            end += 1;
        } else if is_word_char(n) {
            class(shape::NON_ASCII);
            end += n.len_utf8();
        } else if is_joiner(n) && char_at(text, end + n.len_utf8()).is_some_and(crate::text::is_alphanumeric) {
            dotted |= n == '.';
            class(if n.is_ascii() { shape::class(n as u8) } else { shape::NON_ASCII });
            end += n.len_utf8();
        } else if n == '.' && text[end + 1..].starts_with('-') && char_at(text, end + 2).is_some_and(crate::text::is_alphanumeric) {
            class(shape::class(b'.'));
            class(shape::class(b'-'));
            end += 2; // U.S.-Japan
        } else {
            break;
        }
    }
    if dotted && text[end..].starts_with('.') && is_dotted_abbreviation(&text[start..end]) {
        class(shape::class(b'.'));
        end += 1;
    }
    let shape = Shape::from_classes(shape::class(bytes[start]), later, all).unwrap_or_else(|| Shape::of(&text[start..end]));
    (end, shape)
}

/// U.S, e.g, Ph.D: every dot-separated part is one or two letters.
fn is_dotted_abbreviation(word: &str) -> bool {
    word.split('.').all(|p| (1..=2).contains(&p.chars().count()) && p.chars().all(char::is_alphabetic))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_byte_table_says_what_is_word_char_says_of_ascii() {
        for b in 0..=u8::MAX {
            assert_eq!(ASCII_WORD[usize::from(b)], b.is_ascii() && is_word_char(char::from(b)), "{b}");
        }
    }

    fn sentences(text: &str) -> Vec<&str> {
        let mut spans = Vec::new();
        split_sentences(text, Span::new(0, text.len()), &mut spans);
        spans.into_iter().map(|s| &text[s.start..s.end]).collect()
    }

    #[test]
    fn abbreviations_do_not_split() {
        assert_eq!(
            sentences("The U.S. may act. Mr. Smith agreed, e.g. today."),
            vec!["The U.S. may act.", "Mr. Smith agreed, e.g. today."]
        );
    }

    #[test]
    fn units_and_unknown_short_words_are_abbreviations() {
        assert_eq!(sentences("Add 1 tsp. salt and two 8 oz. cans. Stir."), vec!["Add 1 tsp. salt and two 8 oz. cans.", "Stir."]);
        assert_eq!(
            sentences("Bake for approx. twenty minutes with 2 pkts. yeast."),
            vec!["Bake for approx. twenty minutes with 2 pkts. yeast."]
        );
        // a word with no vowel is an abbreviation, unless an interjection
        assert_eq!(
            sentences("About 392,000 bbl. were burned. Hmm. then it stopped."),
            vec!["About 392,000 bbl. were burned.", "Hmm.", "then it stopped."]
        );
        // A real word before the period ends the sentence even when the next starts lowercase.
        assert_eq!(sentences("It rained. then it stopped."), vec!["It rained.", "then it stopped."]);
    }

    #[test]
    fn a_figure_with_a_decimal_point_ends_a_sentence() {
        assert_eq!(sentences("Sales rose to $4.9bn. its profits fell."), vec!["Sales rose to $4.9bn.", "its profits fell."]);
        assert_eq!(sentences("Prices rose 2.5. then they fell."), vec!["Prices rose 2.5.", "then they fell."]);
        // letters with dots stay abbreviations
        assert_eq!(sentences("He joined at 9 a.m. today."), vec!["He joined at 9 a.m. today."]);
    }

    #[test]
    fn lowercase_after_period_is_a_new_sentence() {
        assert_eq!(sentences("It ended. moving forward, we go."), vec!["It ended.", "moving forward, we go."]);
    }

    #[test]
    fn a_dash_and_a_lowercase_word_go_on_with_the_sentence() {
        assert_eq!(
            sentences("Her film Sunrise Now! - nominated for an award - was a hit. It ran long."),
            vec!["Her film Sunrise Now! - nominated for an award - was a hit.", "It ran long."]
        );
        assert_eq!(sentences("Is it over? - Yes, it is."), vec!["Is it over?", "- Yes, it is."]);
    }

    #[test]
    fn quotes_and_ellipses() {
        assert_eq!(sentences("“Is it?” she asked. Yes… and no."), vec!["“Is it?” she asked.", "Yes… and no."]);
        assert_eq!(sentences("Wait... what now"), vec!["Wait... what now"]);
    }

    #[test]
    fn words_keep_internal_marks() {
        let text = "U.S.-Japan don’t 49.1 pressures,could U.S. end";
        let words: Vec<&str> = tokenize(text, Span::new(0, text.len())).map(|(s, _)| &text[s.start..s.end]).collect();
        assert_eq!(words, vec!["U.S.-Japan", "don’t", "49.1", "pressures", "could", "U.S.", "end"]);
    }

    /// The tokenizer a character at a time: [`read_word`] at each word character.
    fn tokenize_by_chars(text: &str) -> Vec<(Span, Shape)> {
        let mut words = vec![];
        let mut pos = 0;
        while let Some(c) = char_at(text, pos) {
            if is_word_char(c) {
                let (end, shape) = read_word(text, pos);
                words.push((Span::new(pos, end), shape));
                pos = end;
            } else {
                pos += c.len_utf8();
            }
        }
        words
    }

    /// The masks find the words and shapes that reading a character at a time finds: texts
    /// made of pieces of words, joiners, non-ASCII letters and marks, spaces and the
    /// placeholder, in every order, so that each falls at every place of a 64-byte window.
    #[test]
    fn the_masks_find_what_reading_by_characters_finds() {
        const PIECES: &[&str] = &[
            "a", "Z", "7", "word", "Capital", "MiXed", "1999", " ", "  ", "\n", "-", ".", "'", ".-", "..", "’", "‐", "é", "Élan", "東",
            "\u{1A}", ",", "“", "U.S.", "e.g.", "x²", "—", "'s", "-9", "A.B.C", "ß",
        ];
        let mut random = crate::text::TestRandom(0x2545_f491_4f6c_dd1d);
        let mut next = |n: usize| random.below(n);
        for round in 0..20_000 {
            let mut text = String::new();
            for _ in 0..1 + next(if round % 10 == 0 { 120 } else { 40 }) {
                text.push_str(PIECES[next(PIECES.len())]);
            }
            let got: Vec<(Span, Shape)> = tokenize(&text, Span::new(0, text.len())).collect();
            assert_eq!(got, tokenize_by_chars(&text), "{text:?}");
        }
        // long words, and a word at each place around the window's end
        for len in [1, 62, 63, 64, 65, 200] {
            for before in 0..70 {
                let text = format!("{}{} end", " ".repeat(before), "w".repeat(len));
                let got: Vec<(Span, Shape)> = tokenize(&text, Span::new(0, text.len())).collect();
                assert_eq!(got, tokenize_by_chars(&text), "{text:?}");
            }
        }
        // a span inside a source: spans are the source's
        let source = "xx Tokyo’s U.S.-Japan talks yy";
        let words: Vec<&str> = tokenize(source, Span::new(3, source.len() - 3)).map(|(s, _)| &source[s.start..s.end]).collect();
        assert_eq!(words, vec!["Tokyo’s", "U.S.-Japan", "talks"]);
    }

    /// The shape read while scanning is the shape of the word read afterwards, for words with
    /// every joiner, a final abbreviation dot, the placeholder and non-ASCII letters.
    #[test]
    fn the_tokenizer_reads_each_words_shape() {
        let text = "U.S.-Japan don’t it's 49.1 e.g. co-op co‐op MiXed ALL lower Élan naïve caf\u{1A} x-Y end. A.B.C. Ph.D. o'Neil";
        let mut n = 0;
        for (span, shape) in tokenize(text, Span::new(0, text.len())) {
            assert_eq!(shape, Shape::of(&text[span.start..span.end]), "{}", &text[span.start..span.end]);
            n += 1;
        }
        assert_eq!(n, 18);
    }
}
