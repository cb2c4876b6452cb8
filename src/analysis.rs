//! Document-level evidence that several rules share, computed once per document on first use:
//! which words this article treats as proper nouns, and which apostrophe it prefers.

use crate::diagnostic::Span;
use crate::document::{BlockKind, Document};
use crate::text::{is_capitalized, starts_lower};
use rustc_hash::FxHashMap as HashMap;

/// How one word (lowercased) is written across the document's running prose.
#[derive(Debug, Default, Clone, Copy)]
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
    usage: HashMap<String, Usage>,
    /// The capitalised spelling most used for each lowercased word.
    spelling: HashMap<String, String>,
    /// Possessives written with an apostrophe, by lowercased base: "trump" for "Trump’s".
    possessives: HashMap<String, usize>,
    pub curly_apostrophes: usize,
    pub straight_apostrophes: usize,
    /// Lowercase prose words checked against the English lexicon, and how many it knows.
    lowercase_words: usize,
    english_words: usize,
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

/// The text within [`NEAR`] bytes of `span`, and where it starts in the document.
pub fn near<'a>(doc: &Document<'a>, span: Span) -> (usize, &'a str) {
    crate::text::around(doc.source, span.start, span.end, NEAR)
}

/// Split a word into the parts a proper noun can be: "U.S.-Japan’s" → ["U.S.", "Japan"].
pub fn name_parts(word: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut offset = 0;
    word.split(['-', '‐']).map(move |part| {
        let start = offset;
        offset += part.len() + 1;
        let base = strip_possessive(part);
        (start, base)
    })
}

/// "Japan’s" → "Japan"; "Trumps" stays.
pub fn strip_possessive(word: &str) -> &str {
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
        let mut spellings: HashMap<String, HashMap<String, usize>> = HashMap::default();
        let mut lower = String::new();
        for (i, word) in doc.words.iter().enumerate() {
            let kind = doc.blocks[word.block()].kind;
            let text = doc.text(word.span);
            if text.ends_with("’s") {
                ev.curly_apostrophes += 1;
            } else if text.ends_with("'s") {
                ev.straight_apostrophes += 1;
            }
            let base = strip_possessive(text);
            if base.len() < text.len() {
                *ev.possessives.entry(base.to_lowercase()).or_default() += 1;
            }
            let prose = matches!(kind, BlockKind::Paragraph | BlockKind::Quote);
            // A sample of 400 words tells the language; no need to look up every word.
            if prose && ev.lowercase_words < 400 && text.len() >= 2 && text.chars().all(char::is_lowercase) {
                ev.lowercase_words += 1;
                ev.english_words += usize::from(crate::lexicon::is_lowercase_word(text));
            }
            let prose_mid = prose && !word.sentence_start();
            if !prose_mid {
                if starts_lower(text) {
                    for (_, part) in name_parts(text) {
                        if part.chars().count() >= 2 && part.chars().all(char::is_lowercase) {
                            lower.clear();
                            lower.push_str(part);
                            match ev.usage.get_mut(lower.as_str()) {
                                Some(usage) => usage.lower_any += 1,
                                None => ev.usage.entry(lower.clone()).or_default().lower_any += 1,
                            }
                        }
                    }
                }
                continue;
            }
            // After an opening quote or a colon a capital is a sentence start, not evidence.
            let before = doc.source[..word.span.start].trim_end_matches(' ');
            if before.ends_with(['“', '"', ':', '(', '‘']) {
                continue;
            }
            // Inside a multi-word name ("World Bank", "Bank of Egypt") a capital says nothing
            // about the word on its own.
            let adjacent = |j: usize| {
                doc.words.get(j).filter(|w| w.sentence() == word.sentence()).filter(|w| {
                    let (a, b) = if j < i { (w.span.end, word.span.start) } else { (word.span.end, w.span.start) };
                    doc.source[a..b].trim().is_empty()
                })
            };
            let in_name = || {
                i.checked_sub(1).and_then(adjacent).is_some_and(|w| crate::text::starts_upper(doc.text(w.span)))
                    || adjacent(i + 1).is_some_and(|w| {
                        let next = doc.text(w.span);
                        // "World Bank", "Bank of England", "Flight into Danger"
                        next == "of"
                            || crate::text::starts_upper(next)
                            || (next.len() <= 4 && adjacent(i + 2).is_some_and(|w| crate::text::starts_upper(doc.text(w.span))))
                    })
            };
            for (_, part) in name_parts(text) {
                if part.chars().count() < 2 || !part.chars().all(|c| c.is_alphabetic()) {
                    continue;
                }
                // One reused buffer; a key is allocated only the first time a word is seen.
                lower.clear();
                if part.is_ascii() {
                    lower.push_str(part);
                    lower.make_ascii_lowercase();
                } else {
                    lower.extend(part.chars().flat_map(char::to_lowercase));
                }
                let usage = match ev.usage.get_mut(lower.as_str()) {
                    Some(usage) => usage,
                    None => ev.usage.entry(lower.clone()).or_default(),
                };
                let capitalized = is_capitalized(part);
                if capitalized {
                    usage.mentioned_mid += 1;
                    if in_name() {
                        continue;
                    }
                }
                if capitalized {
                    usage.capitalized_mid += 1;
                    let forms = match spellings.get_mut(lower.as_str()) {
                        Some(forms) => forms,
                        None => spellings.entry(lower.clone()).or_default(),
                    };
                    match forms.get_mut(part) {
                        Some(n) => *n += 1,
                        None => {
                            forms.insert(part.to_string(), 1);
                        }
                    }
                } else if starts_lower(part) {
                    usage.lower_mid += 1;
                    usage.lower_any += 1;
                }
            }
        }
        ev.spelling = spellings
            .into_iter()
            .filter_map(|(k, v)| v.into_iter().max_by(|a, b| a.1.cmp(&b.1).then_with(|| b.0.cmp(&a.0))).map(|(s, _)| (k, s)))
            .collect();
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
        self.usage.get(lower).copied().unwrap_or_default()
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
