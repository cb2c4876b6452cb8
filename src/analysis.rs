//! Document-level evidence that several rules share, computed once per document on first use:
//! which words this article treats as proper nouns, and which apostrophe it prefers.

use crate::diagnostic::Span;
use crate::document::{BlockKind, Document, Shape};
use crate::text::{is_capitalized, starts_lower};

/// How one word (lowercased) is written across the document's running prose.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Usage {
    /// Capitalised in the middle of a sentence: "… with Japan …".
    pub capitalized_mid: usize,
    /// Lowercase in the middle of a sentence: "… the labour market …".
    pub lower_mid: usize,
    /// Capitalised mid-sentence in any context, names included ("Richard Gere").
    pub mentioned_mid: usize,
    /// Written lowercase anywhere: prose, headings, table cells, sentence starts.
    pub lower_any: usize,
}

#[derive(Debug, Default)]
pub struct Evidence {
    /// Each lowercased word's entry in `usages`.
    usage: WordMap<u32>,
    usages: Vec<Usage>,
    /// For each word of the document, its entry in `usages` when the build counted it under its
    /// own text (ASCII lowercase letters, two or more), else [`Evidence::NO_ENTRY`]: the rules
    /// ask about every such word, and read its entry here instead of hashing it again.
    word_usage: Vec<u32>,
    /// The capitalised spelling most used for each lowercased word.
    spelling: WordMap<String>,
    /// Possessives written with an apostrophe, by lowercased base: "trump" for "Trump’s".
    possessives: WordMap<usize>,
    pub curly_apostrophes: usize,
    pub straight_apostrophes: usize,
    /// Lowercase prose words checked against the English lexicon, and how many it knows.
    lowercase_words: usize,
    english_words: usize,
}

/// Lowercased words of one document, each with a value, the words kept in one buffer: a map that
/// allocates nothing per word (a `HashMap<String, _>` cloned a key for each distinct word of
/// every document and freed it again, a fifth of building the evidence).
#[derive(Debug)]
struct WordMap<V> {
    words: String,
    /// Each word's range in `words`, and its value.
    table: hashbrown::HashTable<(usize, usize, V)>,
}

impl<V> Default for WordMap<V> {
    fn default() -> Self {
        WordMap { words: String::new(), table: hashbrown::HashTable::new() }
    }
}

fn word_hash(word: &str) -> u64 {
    use std::hash::BuildHasher;
    rustc_hash::FxBuildHasher.hash_one(word)
}

/// Whether `words[start..end]` is `word`: bytes, not a `str` slice (whose bounds would be
/// checked for char boundaries on every probe).
#[inline]
fn is_key(words: &str, start: usize, end: usize, word: &str) -> bool {
    words.as_bytes().get(start..end).is_some_and(|key| crate::word_table::same_bytes(key, word.as_bytes()))
}

impl<V> WordMap<V> {
    /// Room for `words` words of some eight letters before it grows.
    fn with_capacity(words: usize) -> Self {
        WordMap { words: String::with_capacity(words * 8), table: hashbrown::HashTable::with_capacity(words) }
    }

    fn get(&self, word: &str) -> Option<&V> {
        self.table.find(word_hash(word), |&(s, e, _)| is_key(&self.words, s, e, word)).map(|(_, _, v)| v)
    }

    /// The value of `word`, inserted as `V::default()` the first time.
    fn get_or_default(&mut self, word: &str) -> &mut V
    where
        V: Default,
    {
        self.get_or_insert_with(word, V::default)
    }

    /// The value of `word`, inserted as `new()` the first time.
    fn get_or_insert_with(&mut self, word: &str, new: impl FnOnce() -> V) -> &mut V {
        let words = &mut self.words;
        let entry = self.table.entry(word_hash(word), |&(s, e, _)| is_key(words, s, e, word), |(s, e, _)| word_hash(&words[*s..*e]));
        match entry {
            hashbrown::hash_table::Entry::Occupied(o) => &mut o.into_mut().2,
            hashbrown::hash_table::Entry::Vacant(v) => {
                let start = words.len();
                words.push_str(word);
                &mut v.insert((start, words.len(), new())).into_mut().2
            }
        }
    }

    /// The same words with new values; a word whose new value is `None` is dropped.
    fn filter_map_values<W>(self, mut f: impl FnMut(V) -> Option<W>) -> WordMap<W> {
        let mut table = hashbrown::HashTable::with_capacity(self.table.len());
        let words = self.words;
        for (s, e, v) in self.table {
            if let Some(w) = f(v) {
                table.insert_unique(word_hash(&words[s..e]), (s, e, w), |(s, e, _)| word_hash(&words[*s..*e]));
            }
        }
        WordMap { words, table }
    }
}

impl Document<'_> {
    /// Proper-noun and apostrophe evidence, computed on first use and shared by the rules.
    pub fn evidence(&self) -> &Evidence {
        self.evidence.get_or_init(|| Evidence::build(self))
    }
}

/// How far (bytes) from a word rules search the text for its name: an article's length, not a
/// whole archive, so that those searches stay linear in the length of huge files.
pub const NEAR: usize = 16 * 1024;

/// Of the other lowercase ASCII words of word `i`'s sentence, up to twelve each side: how many
/// the lexicon knows, and how many there are. A sentence in another language inside an English
/// page ("Omdat de collecties voortdurend worden…") knows few; its words are not misspelt.
pub fn english_words_around(doc: &Document<'_>, i: usize) -> (usize, usize) {
    let sentence = doc.words[i].sentence();
    let (mut known, mut seen) = (0, 0);
    let near = doc.words[i.saturating_sub(12)..(i + 13).min(doc.words.len())].iter();
    for w in near.filter(|w| w.sentence() == sentence) {
        let text = doc.text(w.span());
        if w.span().start == doc.words[i].span().start || text.len() < 2 || !text.bytes().all(|b| b.is_ascii_lowercase()) {
            continue;
        }
        seen += 1;
        known += usize::from(crate::lexicon::is_lowercase_word(text));
    }
    (known, seen)
}

/// The text within [`NEAR`] bytes of `span`, and where it starts in the document.
pub fn near<'a>(doc: &Document<'a>, span: Span) -> (usize, &'a str) {
    crate::text::around(doc.source, span.start, span.end, NEAR)
}

/// Split a word into the parts a proper noun can be: "U.S.-Japan’s" → ["U.S.", "Japan"].
/// Each part comes with its offset in the word, counting one byte per hyphen.
pub fn name_parts(word: &str) -> NameParts<'_> {
    NameParts { rest: Some(word), offset: 0, hyphens: true, apostrophes: true }
}

/// [`name_parts`] of a document's word, whose shape says whether it has a hyphen (without one
/// it is a single part, and no scan looks for one) and whether it is letters alone (then that
/// part is the word itself: no possessive to strip).
pub fn word_name_parts(word: &str, shape: Shape) -> NameParts<'_> {
    NameParts { rest: Some(word), offset: 0, hyphens: shape.has_hyphen(), apostrophes: !shape.letters() }
}

/// The iterator of [`name_parts`]: a byte scan for `-` and `‐` (this runs on every word of a
/// document, several times), unless the word is known to have neither.
#[derive(Debug, Clone)]
pub struct NameParts<'a> {
    rest: Option<&'a str>,
    offset: usize,
    hyphens: bool,
    /// Whether the word may have an apostrophe, so a part may end in a possessive.
    apostrophes: bool,
}

impl<'a> Iterator for NameParts<'a> {
    type Item = (usize, &'a str);

    // (inlined: the rules take the parts of nearly every word, most words are one part, and
    // where the build happened not to inline this call, proper-noun-case ran 10 % longer)
    #[inline]
    fn next(&mut self) -> Option<(usize, &'a str)> {
        let rest = self.rest?;
        let (part, after) = match if self.hyphens { find_hyphen(rest) } else { None } {
            Some((at, len)) => (&rest[..at], Some(&rest[at + len..])),
            None => (rest, None),
        };
        self.rest = after;
        let start = self.offset;
        // One byte per separator, whichever hyphen it was (as the parts were always counted).
        self.offset += part.len() + 1;
        Some((start, if self.apostrophes { strip_possessive(part) } else { part }))
    }
}

/// The first `-` (one byte) or `‐` (U+2010, three bytes) in `s`: where and how long.
fn find_hyphen(s: &str) -> Option<(usize, usize)> {
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'-' => return Some((i, 1)),
            0xE2 if b.get(i + 1) == Some(&0x80) && b.get(i + 2) == Some(&0x90) => return Some((i, 3)),
            _ => i += 1,
        }
    }
    None
}

/// At least two characters, all lowercase (ASCII without decoding).
fn is_lower_word(s: &str) -> bool {
    if s.is_ascii() {
        s.len() >= 2 && s.bytes().all(|b| b.is_ascii_lowercase())
    } else {
        s.chars().count() >= 2 && s.chars().all(char::is_lowercase)
    }
}

/// At least two characters, all letters (ASCII without decoding).
fn is_letters(s: &str) -> bool {
    if s.is_ascii() {
        s.len() >= 2 && s.bytes().all(|b| b.is_ascii_alphabetic())
    } else {
        s.chars().count() >= 2 && s.chars().all(char::is_alphabetic)
    }
}

/// A word's capitalised forms in one document and how often each is written, borrowed from the
/// text. Nearly every word has one form, kept inline: no allocation per distinct word.
#[derive(Debug, Default)]
struct Forms<'a> {
    first: Option<(&'a str, usize)>,
    more: Vec<(&'a str, usize)>,
}

impl<'a> Forms<'a> {
    fn add(&mut self, form: &'a str) {
        match &mut self.first {
            None => self.first = Some((form, 1)),
            Some((first, n)) if *first == form => *n += 1,
            Some(_) => match self.more.iter_mut().find(|(f, _)| *f == form) {
                Some((_, n)) => *n += 1,
                None => self.more.push((form, 1)),
            },
        }
    }

    /// The most used form; between equals the first in string order (forms are distinct, so
    /// the order they were seen in does not matter).
    fn most_used(&self) -> Option<&'a str> {
        self.first.iter().chain(&self.more).max_by(|a, b| a.1.cmp(&b.1).then_with(|| b.0.cmp(a.0))).map(|&(s, _)| s)
    }
}

/// "Japan’s" → "Japan"; "Trumps" stays.
pub fn strip_possessive(word: &str) -> &str {
    // Every suffix ends in s, S, ' or ’ (whose last byte is 0x99): most words leave here.
    if !matches!(word.as_bytes().last(), Some(b's' | b'S' | b'\'' | 0x99)) {
        return word;
    }
    for suffix in ["’s", "'s", "’S", "'S", "’", "'"] {
        if let Some(base) = word.strip_suffix(suffix) {
            return base;
        }
    }
    word
}

impl Evidence {
    pub fn build(doc: &Document<'_>) -> Evidence {
        let mut ev = Evidence::default();
        // Sized for the distinct words of an article, so the map, its letters and the usages
        // rarely grow: a news article of a few hundred words has about 0.6 distinct lowercase
        // words a word, of some six letters each (news-clean's median; a third of the words,
        // the estimate before, regrew the map in two articles of three). A long text repeats
        // its vocabulary (distinct words grow far slower than words), so the estimate stops at
        // 4,096 and a larger document grows the map as it needs.
        let distinct = (doc.words.len() / 2).min(1 << 12);
        ev.usage = WordMap::with_capacity(distinct);
        ev.usages.reserve(distinct);
        // Each lowercased word's capitalised forms and how often each is written.
        // (news capitalises about one distinct word in five mid-sentence)
        let mut spellings: WordMap<Forms<'_>> = WordMap::with_capacity(distinct / 4);
        let mut lower = String::with_capacity(64);
        ev.word_usage = vec![Self::NO_ENTRY; doc.words.len()];
        // Whether the last block asked about is written in title case (block, answer).
        let mut title_cased = (usize::MAX, false);
        for (i, word) in doc.words.iter().enumerate() {
            let kind = doc.blocks[word.block()].kind;
            let text = doc.text(word.span());
            let shape = word.shape();
            // A word of letters alone is its own only name part, with the word's shape.
            let letters = shape.letters();
            // (a word of letters alone has no apostrophe)
            if !letters && text.ends_with("’s") {
                ev.curly_apostrophes += 1;
            } else if !letters && text.ends_with("'s") {
                ev.straight_apostrophes += 1;
            }
            let base = if letters { text } else { strip_possessive(text) };
            if base.len() < text.len() {
                // (as `str::to_lowercase`, which the rules' queries use: a final Σ is ς)
                lower.clear();
                if base.is_ascii() {
                    lower.push_str(base);
                    lower.make_ascii_lowercase();
                } else {
                    lower.push_str(&base.to_lowercase());
                }
                *ev.possessives.get_or_default(&lower) += 1;
            }
            let prose = matches!(kind, BlockKind::Paragraph | BlockKind::Quote);
            // A sample of 100 words tells the language; no need to look up every word. Once 60
            // are English the answer is yes whatever the rest of the sample (60 of at most 100 is
            // the 6 in 10 `is_english` asks for), so the look-ups stop there too. (A sample of
            // 400 looked up 240 words of every English article, 2 % of linting news-clean, and
            // gave the same answers on every corpus measured.)
            if prose && ev.lowercase_words < 100 && ev.english_words < 60 && text.len() >= 2 && shape.lowercase() {
                ev.lowercase_words += 1;
                ev.english_words += usize::from(crate::lexicon::is_lowercase_word(text));
            }
            let prose_mid = prose && !word.sentence_start();
            // (for a word of letters alone: two characters or more)
            let two_chars = if shape.ascii() { text.len() >= 2 } else { text.chars().nth(1).is_some() };
            if !prose_mid {
                if letters {
                    if shape.starts_lower() && shape.lowercase() && two_chars {
                        let entry = ev.entry(text);
                        ev.usages[entry as usize].lower_any += 1;
                        if shape.ascii() {
                            ev.word_usage[i] = entry;
                        }
                    }
                } else if shape.starts_lower() {
                    for (_, part) in name_parts(text) {
                        if is_lower_word(part) {
                            lower.clear();
                            lower.push_str(part);
                            let entry = ev.entry(&lower);
                            ev.usages[entry as usize].lower_any += 1;
                        }
                    }
                }
                continue;
            }
            // After an opening quote or a colon a capital is a sentence start, not evidence.
            let before = doc.source[..word.span().start].trim_end_matches(' ');
            if before.ends_with(['“', '"', ':', '(', '‘']) {
                continue;
            }
            // Inside a multi-word name ("World Bank", "Bank of Egypt") a capital says nothing
            // about the word on its own.
            // The word `j` when only spaces part it from word `k` in one sentence.
            let adjacent_to = |k: usize| {
                move |j: usize| {
                    doc.words.get(j).filter(|w| w.sentence() == doc.words[k].sentence()).filter(|w| {
                        let (a, b) =
                            if j < k { (w.span().end, doc.words[k].span().start) } else { (doc.words[k].span().end, w.span().start) };
                        doc.source[a..b].trim().is_empty()
                    })
                }
            };
            let adjacent = adjacent_to(i);
            let in_name = || {
                i.checked_sub(1).and_then(adjacent).is_some_and(|w| {
                    let prev = doc.text(w.span());
                    crate::text::starts_upper(prev)
                        // the last word of "Institute of Technology", "Board of Directors"
                        || (matches!(prev, "of" | "for")
                            && i.checked_sub(2)
                                .and_then(adjacent_to(i - 1))
                                .is_some_and(|w| !w.sentence_start() && crate::text::starts_upper(doc.text(w.span()))))
                        // "Pictures of the Week", "Day of the Dead", "Bank of the West"
                        || (prev == "the"
                            && i.checked_sub(2).and_then(adjacent_to(i - 1)).is_some_and(|w| doc.text(w.span()) == "of")
                            && i.checked_sub(3)
                                .and_then(adjacent_to(i - 2))
                                .is_some_and(|w| !w.sentence_start() && crate::text::starts_upper(doc.text(w.span()))))
                }) || adjacent(i + 1).is_some_and(|w| {
                    let next = doc.text(w.span());
                    // "World Bank", "Bank of England", "Flight into Danger"; a label before its
                    // number ("Bug 1553982", "Room 101") names that one thing, not the word
                    next == "of"
                        || crate::text::starts_upper(next)
                        || next.starts_with(|c: char| c.is_ascii_digit())
                        || (next.len() <= 4 && adjacent(i + 2).is_some_and(|w| crate::text::starts_upper(doc.text(w.span()))))
                })
            };
            // Two capitalised parts of one word make a name ("X-Parasites", "Coca-Cola"): like
            // a word beside another capitalised one, neither says anything on its own.
            let capitals_inside = !letters && word_name_parts(text, shape).filter(|(_, p)| is_capitalized(p)).nth(1).is_some();
            for (_, part) in word_name_parts(text, shape) {
                // is_letters, is_capitalized and starts_lower of the part: for a word of
                // letters alone, the part is the word, and its shape says them.
                let (letters_only, capitalized, lower_start) = if letters {
                    (two_chars, shape.capitalized(), shape.starts_lower())
                } else {
                    (is_letters(part), is_capitalized(part), starts_lower(part))
                };
                if !letters_only {
                    continue;
                }
                // One reused buffer; a key is allocated only the first time a word is seen. An
                // ASCII word of lowercase letters is its own key.
                let key = if letters && shape.ascii() && shape.lowercase() {
                    part
                } else {
                    lower.clear();
                    if part.is_ascii() {
                        lower.push_str(part);
                        lower.make_ascii_lowercase();
                    } else {
                        lower.extend(part.chars().flat_map(char::to_lowercase));
                    }
                    &lower
                };
                let entry = ev.entry(key);
                if letters && shape.ascii() && shape.lowercase() {
                    // (the key is the word itself)
                    ev.word_usage[i] = entry;
                }
                // A title-case line capitalises every word ("United States to Lift Sudan
                // Sanctions" as a paragraph, a page's headline repeated in its text): a mention,
                // but no evidence of how the word is written on its own.
                let mut title_case_line = || {
                    if title_cased.0 != word.block() {
                        title_cased = (word.block(), doc.is_title_cased(word.block()));
                    }
                    title_cased.1
                };
                let usage = &mut ev.usages[entry as usize];
                if capitalized {
                    usage.mentioned_mid += 1;
                    if capitals_inside || in_name() || title_case_line() {
                        continue;
                    }
                }
                if capitalized {
                    usage.capitalized_mid += 1;
                    spellings.get_or_default(key).add(part);
                } else if lower_start {
                    usage.lower_mid += 1;
                    usage.lower_any += 1;
                }
            }
        }
        // Code writes names lowercase ("cd bob", "<html>"): a word the document's code writes
        // so is, like any lowercase use, no name that must be capitalised.
        for block in doc.blocks.iter().filter(|b| b.kind == BlockKind::Code) {
            for token in doc.text(block.content).split(|c: char| !c.is_ascii_alphabetic()) {
                if token.len() >= 2 && token.bytes().all(|b| b.is_ascii_lowercase()) {
                    let entry = ev.entry(token);
                    ev.usages[entry as usize].lower_any += 1;
                }
            }
        }
        ev.spelling = spellings.filter_map_values(|forms| forms.most_used().map(str::to_string));
        ev
    }

    /// Whether the document is in English: most of its lowercase prose words are English
    /// words. Spelling and capitalisation rules know only English; a French or German article
    /// gets the language-neutral rules alone. Short texts (under 20 such words) count as English.
    pub fn is_english(&self) -> bool {
        self.lowercase_words < 20 || self.english_words * 10 >= self.lowercase_words * 6
    }

    /// How the document writes a word, by its lowercase form.
    pub fn usage(&self, lower: &str) -> Usage {
        self.usage.get(lower).map_or_else(Usage::default, |&entry| self.usages[entry as usize])
    }

    /// [`Evidence::usage`] of the document's word `index`, whose text is `text`: read from the
    /// word's own entry when the build recorded one, else looked up.
    pub fn word_usage(&self, index: usize, text: &str) -> Usage {
        match self.word_usage.get(index) {
            Some(&entry) if entry != Self::NO_ENTRY => self.usages[entry as usize],
            _ => self.usage(text),
        }
    }

    /// The number of the distinct word that the document's word `index` is, when the build
    /// gave it one (an ASCII word of lowercase letters: most words), from 0 to
    /// [`distinct_words`](Evidence::distinct_words): a rule that asks the same of every
    /// occurrence of a word asks once and keeps the answer by this number.
    pub fn distinct_word(&self, index: usize) -> Option<usize> {
        self.word_usage.get(index).filter(|&&entry| entry != Self::NO_ENTRY).map(|&entry| entry as usize)
    }

    /// How the document writes the distinct word numbered `distinct` (a number
    /// [`distinct_word`](Evidence::distinct_word) gave).
    pub fn distinct_usage(&self, distinct: usize) -> Usage {
        self.usages.get(distinct).copied().unwrap_or_default()
    }

    /// How many numbers [`distinct_word`](Evidence::distinct_word) gives.
    pub fn distinct_words(&self) -> usize {
        self.usages.len()
    }

    /// A word without an entry of its own in [`Evidence::word_usage`].
    const NO_ENTRY: u32 = u32::MAX;

    /// The entry of lowercase `word` in `usages`, made the first time.
    fn entry(&mut self, word: &str) -> u32 {
        let usages = &mut self.usages;
        *self.usage.get_or_insert_with(word, || {
            usages.push(Usage::default());
            // (a document's words start at u32 offsets: fewer entries than that)
            u32::try_from(usages.len() - 1).unwrap_or(u32::MAX - 1)
        })
    }

    /// A word this document treats as a proper noun: capitalised mid-sentence at least
    /// `min_evidence` times and never written lowercase mid-sentence.
    pub fn proper_noun(&self, lower: &str, min_evidence: usize) -> Option<&str> {
        let usage = self.usage(lower);
        if usage.capitalized_mid >= min_evidence && usage.lower_mid == 0 {
            self.spelling.get(lower).map(String::as_str)
        } else {
            None
        }
    }

    /// How often the document writes `lower` with a possessive apostrophe ("Trump’s").
    pub fn possessive_uses(&self, lower: &str) -> usize {
        self.possessives.get(lower).copied().unwrap_or(0)
    }

    /// The capitalised spelling the document uses most for a word ("Japan" for `japan`).
    pub fn spelling(&self, lower: &str) -> Option<&str> {
        self.spelling.get(lower).map(String::as_str)
    }

    /// The apostrophe this document uses in possessives: ’ unless ' is more common.
    pub fn apostrophe(&self) -> char {
        if self.straight_apostrophes > self.curly_apostrophes {
            '\''
        } else {
            '’'
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A word's own entry is the entry its text is looked up under, on every word of the
    /// fixtures (Markdown and plain text) and of a made-up text with every kind of word.
    #[test]
    fn a_words_own_usage_entry_is_its_texts() {
        let mut texts = crate::rules::testing::fixture_texts();
        texts.push((
            crate::document::Format::PlainText,
            "Title\n\nThe japan Talks: “Japan said” japan, (tokyo) and café. Café and naïve x-ray x.\nthe end of japan\n".to_string(),
        ));
        let mut own = 0;
        for (format, text) in &texts {
            let doc = Document::parse(text, "t", *format);
            let ev = Evidence::build(&doc);
            for (i, word) in doc.words.iter().enumerate() {
                let text = doc.text(word.span());
                if ev.word_usage[i] != Evidence::NO_ENTRY {
                    own += 1;
                    assert_eq!(ev.word_usage(i, text), ev.usage(text), "{text}");
                }
                if word.shape().ascii() && word.shape().lowercase() {
                    assert_eq!(ev.word_usage(i, text), ev.usage(text), "{text}");
                }
            }
        }
        assert!(own > 1000, "{own} words with an entry of their own");
    }

    /// A capital inside "X of the Y" or on a line written in title case is a mention, not
    /// evidence that the word alone is a name.
    #[test]
    fn names_of_the_form_x_of_the_y_and_title_case_lines_are_no_evidence() {
        let usage = |text: &str, word: &str| Evidence::build(&Document::parse(text, "t", crate::document::Format::PlainText)).usage(word);
        let text = "Features\n\nSee the Pictures of the Week. Read the Cartoons of the Week today. The week was long.\n";
        let week = usage(text, "week");
        assert_eq!((week.capitalized_mid, week.mentioned_mid), (0, 2));
        // a capital after "the" alone still counts
        assert_eq!(usage("Features\n\nHe saw the Week on sale in town.\n", "week").capitalized_mid, 1);
        let markdown =
            |text: &str, word: &str| Evidence::build(&Document::parse(text, "t.md", crate::document::Format::Markdown)).usage(word);
        let text = "# Sanctions\n\nUnited States to Lift Sudan Sanctions\n\nThe move will lift trade curbs on the country.\n";
        let lift = markdown(text, "lift");
        assert_eq!((lift.capitalized_mid, lift.mentioned_mid, lift.lower_mid), (0, 1, 1));
        // the same capital in a sentence of prose is evidence
        let text = "Sanctions\n\nShe said the Lift would open soon, and it did open in June this year.\n";
        assert_eq!(usage(text, "lift").capitalized_mid, 1);
    }

    /// The language is told from a sample of the prose's lowercase words: a long French or
    /// German article is not English, a long or short English one is, and so is a text too
    /// short to tell.
    #[test]
    fn the_language_is_told_from_a_sample_of_words() {
        let english = |text: &str| Evidence::build(&Document::parse(text, "t", crate::document::Format::PlainText)).is_english();
        let french = "la ville a décidé mardi de fermer la piscine municipale pendant trois mois pour des travaux de \
                      rénovation qui devaient commencer depuis longtemps selon les habitants du quartier ";
        let german = "die stadt hat am dienstag beschlossen das städtische schwimmbad wegen dringender arbeiten für \
                      drei monate zu schließen was die anwohner seit langem gefordert hatten ";
        let english_text = "the city decided on tuesday to close the municipal pool for three months of repairs that \
                            residents of the district had been asking for since the roof began to leak ";
        for (text, is) in [(french, false), (german, false), (english_text, true)] {
            assert_eq!(english(&format!("Title\n\n{}\n", text.repeat(8))), is, "{text}");
        }
        assert!(english(&format!("Title\n\n{}\n", &french[..60])), "too short to tell");
        // English prose quoting a French sentence is English
        assert!(english(&format!("Title\n\n{}{}\n", english_text.repeat(6), french)));
    }

    /// The byte-scanning `name_parts` gives what a plain split on both hyphens gave.
    #[test]
    fn the_last_word_of_a_name_shaped_x_of_y_is_no_evidence_on_its_own() {
        let text = "Title\n\nShe studied at the Institute of Technology and sat on the Board of Directors. \
                    Science and technology met, said the directors. Tokyo is in Japan.\n";
        let doc = Document::parse(text, "t", crate::document::Format::PlainText);
        let ev = doc.evidence();
        for word in ["technology", "directors"] {
            let usage = ev.usage(word);
            assert_eq!((usage.mentioned_mid, usage.capitalized_mid), (1, 0), "{word}");
        }
        assert_eq!(ev.usage("japan").capitalized_mid, 1);
    }

    #[test]
    fn name_parts_match_a_split_on_hyphens() {
        fn reference(word: &str) -> Vec<(usize, &str)> {
            let mut offset = 0;
            word.split(['-', '‐'])
                .map(|part| {
                    let start = offset;
                    offset += part.len() + 1;
                    (start, strip_possessive(part))
                })
                .collect::<Vec<_>>()
        }
        for word in ["", "-", "a-", "-a", "‐", "U.S.-Japan’s", "Winn-Dixie", "co‐op", "a--b", "x‐y-z’", "Trump's", "naïve-ish", "€-"]
        {
            assert_eq!(name_parts(word).collect::<Vec<_>>(), reference(word), "{word}");
        }
        assert_eq!(strip_possessive("Japan’s"), "Japan");
        assert_eq!(strip_possessive("Trumps"), "Trumps");
        assert_eq!(strip_possessive("Jones’"), "Jones");
    }
}
