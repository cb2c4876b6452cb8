//! Small character and word helpers shared by the document model and the rules.

pub(crate) mod byte_masks;

use std::borrow::Cow;

/// Sentence-final punctuation.
pub fn is_terminal(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…')
}

/// Marks that may close a sentence after its punctuation: quotes, brackets, emphasis.
pub fn is_closer(c: char) -> bool {
    matches!(c, '"' | '”' | '’' | '\'' | ')' | ']' | '*' | '_' | '»')
}

/// Apostrophes, straight and curly.
pub fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’')
}

/// Pictographs, flags, dingbats and their joiners: what scraped clickbait decorates titles with.
pub fn is_emoji(c: char) -> bool {
    let u = c as u32;
    matches!(u,
        0x1F000..=0x1FAFF   // pictographs, emoticons, transport, flags (regional indicators), etc.
        | 0x2600..=0x27BF   // misc symbols and dingbats (✔ ⚡ ☀)
        | 0x2B00..=0x2BFF   // arrows and stars (⭐)
        | 0x2300..=0x23FF   // technical (⌚ ⏰)
        | 0xFE0F | 0x200D) // variation selector, zero-width joiner
}

/// True when the word starts with an uppercase letter.
pub fn starts_upper(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// True when the word starts with a lowercase letter that has a capital (its titlecase, see
/// [`capitalize`]). "ºsence" does not: º (like ª and the modifier letters ᵃ ⁿ) is lowercase in
/// Unicode but has no capital, so a rule asking for one would propose a fix that changes
/// nothing. Nor does Georgian "ა", whose titlecase is itself (Georgian sentences start so).
pub fn starts_lower(word: &str) -> bool {
    use unicode_titlecase::TitleCase;
    match word.chars().next() {
        Some(c) if c.is_ascii() => c.is_ascii_lowercase(),
        Some(c) => c.is_lowercase() && c.to_titlecase().ne([c]),
        None => false,
    }
}

/// "Japan": a capital followed only by lowercase letters (and apostrophes/hyphens).
pub fn is_capitalized(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_uppercase) && chars.all(|c| !c.is_uppercase())
}

/// A word with an uppercase letter after its first character: iPhone, eBay, McDonald, NATO.
pub fn has_inner_upper(word: &str) -> bool {
    if word.is_ascii() {
        return word.bytes().skip(1).any(|b| b.is_ascii_uppercase());
    }
    word.chars().skip(1).any(char::is_uppercase)
}

/// Every letter uppercase and at least two letters: NATO, GDP.
pub fn is_all_caps(word: &str) -> bool {
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 2 && word.chars().all(|c| !c.is_alphabetic() || c.is_uppercase())
}

/// Capitalise the first character, keep the rest. The capital is the Unicode titlecase, which
/// is the uppercase except for ligatures and digraphs: "ﬁnally" → "Finally" (uppercase would
/// give "FInally"), "ßtraße" → "Sstraße", "ǆungla" → "ǅungla".
pub fn capitalize(word: &str) -> String {
    use unicode_titlecase::TitleCase;
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first.to_titlecase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Lowercase the first character, keep the rest.
pub fn decapitalize(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Give `replacement` the case pattern of `original`: all caps, capitalised or lowercase.
pub fn match_case(original: &str, replacement: &str) -> String {
    if is_all_caps(original) && original.chars().filter(|c| c.is_alphabetic()).count() > 1 {
        replacement.to_uppercase()
    } else if starts_upper(original) {
        capitalize(replacement)
    } else {
        replacement.to_string()
    }
}

/// A word's lowercase, [`str::to_lowercase`]'s answer, without an allocation for an ASCII word
/// of up to 32 bytes: the rules lowercase words to compare them with short lists and to look
/// them up, many times per document.
pub struct Lowercase {
    ascii: [u8; 32],
    len: usize,
    other: Option<String>,
}

impl Lowercase {
    pub fn of(word: &str) -> Lowercase {
        let mut ascii = [0u8; 32];
        if word.len() <= ascii.len() && word.is_ascii() {
            ascii[..word.len()].copy_from_slice(word.as_bytes());
            ascii[..word.len()].make_ascii_lowercase();
            Lowercase { ascii, len: word.len(), other: None }
        } else {
            Lowercase { ascii, len: 0, other: Some(word.to_lowercase()) }
        }
    }

    pub fn as_str(&self) -> &str {
        match &self.other {
            Some(other) => other,
            // ASCII bytes: always UTF-8
            None => std::str::from_utf8(&self.ascii[..self.len]).unwrap_or_default(),
        }
    }
}

/// Lowercased letters and digits of a line, single-spaced: how boilerplate and duplicate
/// detection compare lines regardless of punctuation, emoji and spacing.
pub fn normalize_line(text: &str) -> String {
    let mut out = Vec::with_capacity(text.len());
    normalize_line_into(text, &mut out);
    normalized_string(out)
}

/// What [`normalize_line_into`] wrote, as a `String`: it writes ASCII bytes and whole encoded
/// characters only, so the check never fails (were it to, the text would be kept, repaired).
pub fn normalized_string(bytes: Vec<u8>) -> String {
    String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// `char::is_alphanumeric`, answered at once for ASCII and for the General Punctuation block
/// (U+2000–U+206F: spaces, dashes, curly quotes, the ellipsis), which prose is full of and which
/// has no letter or digit. The standard library searches two Unicode tables for every other
/// character: a tenth of a microsecond for each curly apostrophe of a text.
#[inline]
pub fn is_alphanumeric(c: char) -> bool {
    quick_class(c, char::is_ascii_alphanumeric, char::is_alphanumeric)
}

/// `char::is_alphabetic`, answered at once for ASCII and the General Punctuation block (see
/// [`is_alphanumeric`]).
#[inline]
pub fn is_alphabetic(c: char) -> bool {
    quick_class(c, char::is_ascii_alphabetic, char::is_alphabetic)
}

/// A class with no member in the General Punctuation block: `ascii` answers for ASCII, that
/// block is outside it, and `unicode` answers for the rest.
#[inline]
fn quick_class(c: char, ascii: impl Fn(&char) -> bool, unicode: impl Fn(char) -> bool) -> bool {
    if c.is_ascii() {
        ascii(&c)
    } else {
        !matches!(c, '\u{2000}'..='\u{206F}') && unicode(c)
    }
}

/// For each byte: an ASCII letter or digit (one load, where `is_ascii_alphanumeric` is three
/// range tests; the scans of every byte of a document use it).
pub(crate) const ASCII_ALPHANUMERIC: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 128 {
        table[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    table
};

/// `text.split_whitespace().take(limit).count()`: the number of words, counting no further
/// than `limit`. A word starts at each character that is not white space after one that is.
/// ASCII text (nearly all) is read 64 bytes at a time from a white-space mask
/// ([`byte_masks::white_space`]): its words are the mask's starts, counted with a popcount;
/// only a non-ASCII character is decoded. The block parser and the chrome-line test count the
/// words of every line, where `split_whitespace` decoded every character.
pub fn count_words(text: &str, limit: usize) -> usize {
    let bytes = text.as_bytes();
    let (mut words, mut after_space, mut i) = (0, true, 0);
    while i < bytes.len() {
        let window = &bytes[i..bytes.len().min(i + 64)];
        let (space, non_ascii) = byte_masks::white_space(window);
        let ascii = if non_ascii == 0 { window.len() } else { non_ascii.trailing_zeros() as usize };
        if ascii > 0 {
            let bytes = u64::MAX >> (64 - ascii);
            // white space before each byte: the byte before's bit, and `after_space` for the first
            let before = (space << 1) | u64::from(after_space);
            words += (!space & before & bytes).count_ones() as usize;
            if words >= limit {
                return limit;
            }
            after_space = space >> (ascii - 1) & 1 != 0;
            i += ascii;
            continue;
        }
        let Some(c) = text[i..].chars().next() else { break };
        let is_space = c.is_whitespace();
        if after_space && !is_space {
            if words == limit {
                return limit;
            }
            words += 1;
        }
        after_space = is_space;
        i += c.len_utf8();
    }
    words
}

/// The top bit of each of eight bytes: none is set in eight ASCII bytes.
pub(crate) const ASCII_HIGH_BITS: u64 = 0x8080_8080_8080_8080;

/// [`normalize_line`], appended to `out` as bytes (what is already in `out` is left alone): one
/// buffer holds the normalised lines of a whole document. Returns the number of words written.
/// ASCII text is read 64 bytes at a time: its letters and digits found from bit masks
/// ([`ByteMasks`](byte_masks::ByteMasks)) and copied a run at a time, where a branch per
/// byte mispredicted at every word's end; a non-ASCII character is decoded.
pub fn normalize_line_into(text: &str, out: &mut Vec<u8>) -> usize {
    let start_len = out.len();
    let mut line = Normalizing { out, start_len, spaces: 0, pending_space: false };
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let window = &bytes[i..bytes.len().min(i + 64)];
        let masks = byte_masks::ByteMasks::of(window);
        // The ASCII bytes up to the first non-ASCII character.
        let ascii = if masks.non_ascii == 0 { window.len() } else { masks.non_ascii.trailing_zeros() as usize };
        if ascii > 0 {
            line.ascii_window(&window[..ascii], masks.alphanumeric(), masks.apostrophe);
            i += ascii;
            continue;
        }
        let Some(c) = text[i..].chars().next() else { break };
        i += c.len_utf8();
        if is_alphanumeric(c) {
            line.space_if_pending();
            let mut utf8 = [0u8; 4];
            for lower in c.to_lowercase() {
                line.out.extend_from_slice(lower.encode_utf8(&mut utf8).as_bytes());
            }
        } else {
            line.not_alphanumeric(is_apostrophe(c));
        }
    }
    if line.out.len() > line.start_len {
        line.spaces + 1
    } else {
        0
    }
}

/// The state of [`normalize_line_into`]: a space is owed after a run of other characters, and
/// written only before the next letter or digit (never first).
struct Normalizing<'a> {
    out: &'a mut Vec<u8>,
    start_len: usize,
    spaces: usize,
    pending_space: bool,
}

impl Normalizing<'_> {
    fn written(&self) -> bool {
        self.out.len() > self.start_len
    }

    fn space_if_pending(&mut self) {
        if self.pending_space && self.written() {
            self.out.push(b' ');
            self.spaces += 1;
        }
        self.pending_space = false;
    }

    /// A character that is no letter or digit: an apostrophe right after a letter is dropped
    /// ("don't" stays one word), anything else owes a space.
    fn not_alphanumeric(&mut self, apostrophe: bool) {
        if !(apostrophe && self.written() && !self.pending_space) {
            self.pending_space = true;
        }
    }

    /// Up to 64 ASCII bytes, whose letters and digits are the bits of `alphanumeric` and
    /// apostrophes those of `apostrophes`.
    fn ascii_window(&mut self, window: &[u8], alphanumeric: u64, apostrophes: u64) {
        // Copied to a padded buffer, so that each run is copied as one 16-byte piece (the
        // bytes after it are overwritten or cut off), and written out once.
        let mut source = [0u8; 64 + 16];
        source[..window.len()].copy_from_slice(window);
        let mut written = [0u8; 64 + 1 + 64 + 16];
        let mut w = 0;
        let n = window.len();
        let mut p = 0;
        while p < n {
            // Other characters up to the next letter or digit.
            let gap_end = (p + (alphanumeric >> p).trailing_zeros() as usize).min(n);
            if gap_end > p {
                let gap = (u64::MAX >> (64 - gap_end)) & (u64::MAX << p);
                // (after a letter, leading apostrophes are dropped; any other mark owes a space)
                let after_letter = !self.pending_space && (self.written() || w > 0);
                self.pending_space = !after_letter || gap & !apostrophes != 0;
                p = gap_end;
                if p == n {
                    break;
                }
            }
            let run_end = (p + (!alphanumeric >> p).trailing_zeros() as usize).min(n);
            if self.pending_space && (self.written() || w > 0) {
                written[w] = b' ';
                w += 1;
                self.spaces += 1;
            }
            self.pending_space = false;
            // An ASCII letter or digit is its lowercase with bit 5 set (a digit has it already).
            let mut k = p;
            while k < run_end {
                let piece =
                    u128::from_le_bytes(source[k..k + 16].try_into().unwrap_or([0; 16])) | 0x2020_2020_2020_2020_2020_2020_2020_2020;
                written[w + (k - p)..w + (k - p) + 16].copy_from_slice(&piece.to_le_bytes());
                k += 16;
            }
            w += run_end - p;
            p = run_end;
        }
        self.out.extend_from_slice(&written[..w]);
    }
}

/// Phrases searched for together, only to learn whether a text has any: a vectorised packed
/// searcher when the list is short enough for one, else an automaton. (Building an automaton
/// costs more than linting a short article spends searching, and the packed searcher skips
/// through text faster than an automaton walks it.)
pub(crate) enum Phrases {
    Packed(aho_corasick::packed::Searcher),
    Automaton(aho_corasick::AhoCorasick),
}

impl Phrases {
    pub fn new<P: AsRef<[u8]>>(phrases: &[P]) -> Result<Phrases, aho_corasick::BuildError> {
        if let Some(packed) = aho_corasick::packed::Config::new().builder().extend(phrases).build() {
            return Ok(Phrases::Packed(packed));
        }
        aho_corasick::AhoCorasickBuilder::new().match_kind(aho_corasick::MatchKind::LeftmostFirst).build(phrases).map(Phrases::Automaton)
    }

    /// Whether `text` has any of the phrases.
    pub fn any_in(&self, text: &str) -> bool {
        match self {
            Phrases::Packed(packed) => packed.find(text).is_some(),
            Phrases::Automaton(automaton) => automaton.is_match(text),
        }
    }
}

/// The index of the char boundary at or before `i`.
pub fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    if i >= s.len() {
        return s.len();
    }
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The whitespace-delimited token holding byte `at` ("https://example.com/a.B" around any of
/// its bytes). The space before may be several bytes (U+00A0, U+3000): the start is trimmed
/// back to it, never one byte past it.
pub fn token_around(text: &str, at: usize) -> &str {
    let start = text[..at].trim_end_matches(|c: char| !c.is_whitespace()).len();
    let end = text[at..].find(char::is_whitespace).map_or(text.len(), |i| at + i);
    &text[start..end]
}

/// Whether the word at `start..end` of `text` is a piece of a longer word that emphasis
/// markers split: "*ser*ializing", "**re**build", "un_believ_able" (a run of `*` or `_`
/// between it and a letter, with no space): a spelling there is the whole word's.
pub fn split_by_emphasis(text: &str, start: usize, end: usize) -> bool {
    let marks = |c: char| c == '*' || c == '_';
    let after = text[end..].trim_start_matches(marks);
    let before = text[..start].trim_end_matches(marks);
    (after.len() < text.len() - end && after.starts_with(char::is_alphanumeric))
        || (before.len() < start && before.ends_with(char::is_alphanumeric))
}

/// The text within `radius` bytes of `start..end` (cut at char boundaries), and where it
/// starts: searches for evidence near a word stay linear however long the document is.
pub fn around(source: &str, start: usize, end: usize, radius: usize) -> (usize, &str) {
    let lo = floor_char_boundary(source, start.saturating_sub(radius));
    let mut hi = end.saturating_add(radius).min(source.len());
    while !source.is_char_boundary(hi) {
        hi += 1;
    }
    (lo, &source[lo..hi])
}

/// Where `needle` stands in `haystack` as a whole word: not inside a longer word ("Blair" is
/// not found in "Blairs").
///
/// The search is memchr's SIMD `memmem` (the same non-overlapping, left-to-right matches as
/// `str::match_indices`): rules run it over a 32 KiB window for many words of a document, and the
/// standard library's two-way search was a sixth of the whole run.
pub fn whole_word_matches<'a>(haystack: &'a str, needle: &'a str) -> impl Iterator<Item = usize> + 'a {
    find_all(haystack, needle)
        .filter(move |&at| !haystack[..at].ends_with(is_alphanumeric) && !haystack[at + needle.len()..].starts_with(is_alphanumeric))
}

/// Byte offsets of the non-overlapping occurrences of `needle` in `haystack`, left to right:
/// what `haystack.match_indices(needle)` gives, found with SIMD. A match of a non-empty needle in
/// valid UTF-8 starts and ends on char boundaries, so slicing at the offsets is safe.
pub fn find_all<'a>(haystack: &'a str, needle: &'a str) -> impl Iterator<Item = usize> + 'a {
    let mut std_matches = needle.is_empty().then(|| haystack.match_indices(needle).map(|(at, _)| at));
    let mut fast = (!needle.is_empty()).then(|| memchr::memmem::find_iter(haystack.as_bytes(), needle.as_bytes()));
    std::iter::from_fn(move || match (&mut std_matches, &mut fast) {
        (Some(m), _) => m.next(),
        (_, Some(f)) => f.next(),
        _ => None,
    })
}

/// Whether `haystack` contains `needle` (SIMD search; `str::contains` for a `&str` pattern).
pub fn contains(haystack: &str, needle: &str) -> bool {
    memchr::memmem::find(haystack.as_bytes(), needle.as_bytes()).is_some()
}

/// A needle fixed at compile time, its SIMD searcher built on first use and kept: `memmem::find`
/// builds one per call, and on the short texts of the per-line and per-block tests (a quotation
/// mark, an ellipsis) building cost about as much as searching.
pub struct FixedNeedle {
    needle: &'static str,
    finder: std::sync::OnceLock<memchr::memmem::Finder<'static>>,
}

impl FixedNeedle {
    pub const fn new(needle: &'static str) -> FixedNeedle {
        FixedNeedle { needle, finder: std::sync::OnceLock::new() }
    }

    /// The byte offset of the needle's first occurrence in `haystack`.
    #[inline]
    pub fn find(&self, haystack: &[u8]) -> Option<usize> {
        self.finder.get_or_init(|| memchr::memmem::Finder::new(self.needle)).find(haystack)
    }

    #[inline]
    pub fn is_in(&self, haystack: &str) -> bool {
        self.find(haystack.as_bytes()).is_some()
    }
}

/// Whether `word` has a dot followed by a letter or digit: a file's or a site's name
/// ("pdf.js", "mocha-blanket.js", "example.com"), or an abbreviation written with dots.
pub fn has_dotted_part(word: &str) -> bool {
    word.split_once('.').is_some_and(|(_, rest)| rest.starts_with(|c: char| c.is_ascii_alphanumeric()))
}

/// Whether `word` is an initialism written with dots, each letter a capital: "U.S.", "N.Y.C.".
/// Its last dot ends no sentence.
pub fn is_initialism(word: &str) -> bool {
    word.len() >= 4
        && word.ends_with('.')
        && word.split_terminator('.').all(|l| l.chars().count() == 1 && l.starts_with(char::is_uppercase))
}

/// Whether lowercase `word` is a count of two or more in words: "two", "eleven", "forty",
/// "twenty-five". ("one" counts no plural.)
pub fn is_cardinal_word(word: &str) -> bool {
    const UNITS: &[&str] = &[
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
    ];
    const TENS: &[&str] = &["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];
    const ONE_TO_NINE: &[&str] = &["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"];
    match word.split_once('-') {
        Some((tens, unit)) => TENS.contains(&tens) && ONE_TO_NINE.contains(&unit),
        None => UNITS.contains(&word) || TENS.contains(&word),
    }
}

/// The character just before byte offset `i`.
pub fn char_before(s: &str, i: usize) -> Option<char> {
    s[..i].chars().next_back()
}

/// The character at byte offset `i`.
pub fn char_at(s: &str, i: usize) -> Option<char> {
    s.get(i..).and_then(|t| t.chars().next())
}

/// Bytes read as text. Invalid UTF-8 bytes each become one placeholder byte (U+001A), so every
/// byte offset in the text is the same offset in the file.
#[derive(Debug)]
pub struct Decoded<'a> {
    pub text: Cow<'a, str>,
    /// Offset of the first invalid byte and how many there were.
    pub invalid: Option<(usize, usize)>,
}

pub const PLACEHOLDER: char = '\u{1A}';

/// The lazy DFA cache of a built-in regex, per thread. The default (2 MiB) is for regexes that
/// meet every state of a large automaton; the built-in ones (document structure, addresses,
/// chrome lines, missing spaces) meet few and need far less, and every thread keeps one cache
/// per regex: with the default, four threads held 14 MB. Custom rules keep the default.
pub const REGEX_DFA_CACHE: usize = 192 << 10;

/// A built-in regex with a [`REGEX_DFA_CACHE`]-sized cache per thread.
pub fn regex(pattern: &str) -> Result<regex::Regex, regex::Error> {
    regex::RegexBuilder::new(pattern).dfa_size_limit(REGEX_DFA_CACHE).build()
}

/// A built-in regex asked of a few short texts a document (a title, a candidate byline, a
/// heading with a capital after an apostrophe): one forward NFA searched by the PikeVM or the
/// bounded backtracker, with no lazy DFA. `regex` compiles a forward and a reverse NFA for its
/// lazy DFA too, about three times the work; on one short article (a pre-commit hook's run)
/// compiling such patterns was a third of the time. Same syntax and answers as `regex`.
pub struct RareRegex(regex_automata::meta::Regex);

impl RareRegex {
    pub fn new(pattern: &str) -> Result<RareRegex, Box<regex_automata::meta::BuildError>> {
        let config = regex_automata::meta::Config::new().hybrid(false).dfa(false).onepass(false);
        regex_automata::meta::Regex::builder().configure(config).build(pattern).map(RareRegex).map_err(Box::new)
    }

    /// The leftmost-first match, as [`regex::Regex::find`].
    pub fn find<'h>(&self, haystack: &'h str) -> Option<Found<'h>> {
        self.0.find(haystack).map(|m| Found { haystack, range: (m.start(), m.end()) })
    }

    /// The groups of the leftmost-first match, as [`regex::Regex::captures`].
    pub fn captures<'h>(&self, haystack: &'h str) -> Option<Groups<'h>> {
        let mut caps = self.0.create_captures();
        self.0.captures(haystack, &mut caps);
        caps.is_match().then_some(Groups { haystack, caps })
    }

    /// Every successive non-overlapping match's groups, as [`regex::Regex::captures_iter`].
    pub fn captures_iter<'r, 'h>(&'r self, haystack: &'h str) -> impl Iterator<Item = Groups<'h>> + 'r
    where
        'h: 'r,
    {
        self.0.captures_iter(haystack).map(move |caps| Groups { haystack, caps })
    }
}

/// A match (or a group's) of a [`RareRegex`].
#[derive(Clone, Copy, Debug)]
pub struct Found<'h> {
    haystack: &'h str,
    range: (usize, usize),
}

/// The groups of one match of a [`RareRegex`].
pub struct Groups<'h> {
    haystack: &'h str,
    caps: regex_automata::util::captures::Captures,
}

impl<'h> Groups<'h> {
    /// Group `i` (0 is the whole match), `None` where it took no part.
    pub fn get(&self, i: usize) -> Option<Found<'h>> {
        self.caps.get_group(i).map(|s| Found { haystack: self.haystack, range: (s.start, s.end) })
    }
}

impl<'h> Found<'h> {
    pub fn start(&self) -> usize {
        self.range.0
    }

    pub fn end(&self) -> usize {
        self.range.1
    }

    pub fn as_str(&self) -> &'h str {
        &self.haystack[self.range.0..self.range.1]
    }
}

type CachePool = regex_automata::util::pool::Pool<
    regex_automata::hybrid::dfa::Cache,
    Box<dyn Fn() -> regex_automata::hybrid::dfa::Cache + Send + Sync + std::panic::UnwindSafe + std::panic::RefUnwindSafe>,
>;

/// An aho-corasick automaton that starts as a contiguous NFA, quick to build, and becomes the
/// automaton the builder would choose (a DFA, for the rules' lists), quicker to search, once it
/// has searched enough texts to repay building that. Building the chrome phrases' DFA was a
/// sixth of linting one short article on its own (what a pre-commit hook does), while over
/// thousands of articles the DFA's faster searches win. Same patterns, same options: the same
/// matches either way.
pub struct Adaptive {
    builder: aho_corasick::AhoCorasickBuilder,
    patterns: Vec<String>,
    nfa: aho_corasick::AhoCorasick,
    chosen: std::sync::OnceLock<aho_corasick::AhoCorasick>,
    searches: std::sync::atomic::AtomicUsize,
    upgrade_after: usize,
}

impl Adaptive {
    /// The automaton of `patterns` as `builder` says, searched `upgrade_after` times as a
    /// contiguous NFA first (about the DFA's cost to build over what it saves a search).
    pub fn new(
        builder: &aho_corasick::AhoCorasickBuilder,
        patterns: Vec<String>,
        upgrade_after: usize,
    ) -> Result<Adaptive, aho_corasick::BuildError> {
        let nfa = builder.clone().kind(Some(aho_corasick::AhoCorasickKind::ContiguousNFA)).build(&patterns)?;
        Ok(Adaptive {
            builder: builder.clone(),
            patterns,
            nfa,
            chosen: std::sync::OnceLock::new(),
            searches: std::sync::atomic::AtomicUsize::new(0),
            upgrade_after,
        })
    }

    /// The automaton for one more search.
    #[inline]
    pub fn get(&self) -> &aho_corasick::AhoCorasick {
        if let Some(chosen) = self.chosen.get() {
            return chosen;
        }
        if self.searches.fetch_add(1, std::sync::atomic::Ordering::Relaxed) < self.upgrade_after {
            return &self.nfa;
        }
        // (the builder built these patterns once already: its choice builds too, or the NFA stays)
        self.chosen.get_or_init(|| self.builder.clone().kind(None).build(&self.patterns).unwrap_or_else(|_| self.nfa.clone()))
    }

    /// Whether the upgraded automaton is in use.
    #[cfg(test)]
    pub fn upgraded(&self) -> bool {
        self.chosen.get().is_some()
    }
}

/// A built-in regex asked only whether it matches (the chrome-line families, the flat-table
/// lines): a forward lazy DFA alone. A full [`regex::Regex`] also compiles the pattern
/// backwards (to find where matches start) and builds engines for captures, about twice the
/// compile work; compiling is paid once a run, and on a folder of short articles it was a
/// sixth of the CPU. The answers are the same; a pattern the lazy DFA cannot run (a Unicode
/// word boundary) gets a full regex. A pattern known at build time can come with its DFA
/// already compiled ([`MatchOnly::prebuilt`]).
pub struct MatchOnly {
    pattern: String,
    /// The DFA; `None` when the pattern needs a full regex.
    dfa: Option<Dfa>,
    /// The full regex: built at once when the DFA cannot be, else only if a DFA search ever
    /// fails (which its configuration rules out).
    full: std::sync::OnceLock<Result<regex::Regex, regex::Error>>,
}

/// The DFA of a [`MatchOnly`].
enum Dfa {
    /// Compiled here, its states filled in as searches meet them, in a cache per thread.
    Lazy(regex_automata::hybrid::dfa::DFA, CachePool),
    /// Compiled by the build script and embedded in the binary: a sparse DFA read in place.
    PrebuiltSparse(regex_automata::dfa::sparse::DFA<&'static [u8]>),
    /// Compiled by the build script and embedded in the binary: a dense DFA read in place.
    PrebuiltDense(regex_automata::dfa::dense::DFA<&'static [u32]>),
}

impl MatchOnly {
    /// The pattern with the DFA the build script compiled from it, serialised: a sparse one
    /// (`sparse`) or a dense one (`dense`, at an address aligned for `u32`). Empty bytes, or
    /// bytes whose header does not fit this build (format version, byte order, alignment),
    /// mean no DFA was built: the pattern is compiled as [`MatchOnly::new`] does. The bytes
    /// must be the DFA of this very pattern, compiled with no captures for unanchored
    /// searches; the tests compare the answers.
    ///
    /// The DFA is read without checking its transitions: checking is linear in its size, and
    /// the dozen chrome-line DFAs a run reads cost 8 M instructions, a quarter of linting one
    /// short article on its own (what a pre-commit hook does).
    ///
    /// # Safety
    ///
    /// `sparse` and `dense` must each be empty or bytes that regex-automata itself serialised
    /// (`to_bytes_*`, of the same version as the one linked here; a dense DFA without the
    /// padding before it): the build script's output, embedded with `include_bytes!`. A test
    /// reads every such file with the checking `from_bytes`.
    pub unsafe fn prebuilt(pattern: &str, sparse: &'static [u8], dense: &'static [u8]) -> Result<MatchOnly, regex::Error> {
        use regex_automata::dfa::{dense, sparse};
        let embedded = |dfa| Ok(MatchOnly { pattern: pattern.to_string(), dfa: Some(dfa), full: std::sync::OnceLock::new() });
        // SAFETY: the caller vouches that the bytes were serialised by regex-automata (see
        // above); their header (and a dense DFA's alignment) is still checked, and a mismatch
        // is an error, never a read.
        if let Ok((dfa, _)) = unsafe { sparse::DFA::from_bytes_unchecked(sparse) } {
            return embedded(Dfa::PrebuiltSparse(dfa));
        }
        // SAFETY: as above.
        if let Ok((dfa, _)) = unsafe { dense::DFA::from_bytes_unchecked(dense) } {
            return embedded(Dfa::PrebuiltDense(dfa));
        }
        MatchOnly::new(pattern)
    }

    pub fn new(pattern: &str) -> Result<MatchOnly, regex::Error> {
        use regex_automata::{hybrid::dfa, nfa::thompson};
        let built = dfa::DFA::builder()
            .configure(dfa::Config::new().cache_capacity(REGEX_DFA_CACHE))
            .thompson(thompson::Config::new().which_captures(thompson::WhichCaptures::None))
            .build(pattern);
        let full = std::sync::OnceLock::new();
        let dfa = match built {
            Ok(dfa) => {
                let for_cache = dfa.clone();
                let caches = CachePool::new(Box::new(move || for_cache.create_cache()));
                Some(Dfa::Lazy(dfa, caches))
            }
            Err(_) => {
                // errors in the pattern are reported now, as `regex` would
                let _ = full.set(Ok(regex(pattern)?));
                None
            }
        };
        Ok(MatchOnly { pattern: pattern.to_string(), dfa, full })
    }

    /// Whether the lazy DFA answers (not a full regex, as for a Unicode word boundary).
    pub fn runs_on_dfa(&self) -> bool {
        self.dfa.is_some()
    }

    /// Whether it runs on a DFA the build script compiled ([`MatchOnly::prebuilt`]).
    pub fn is_prebuilt(&self) -> bool {
        matches!(self.dfa, Some(Dfa::PrebuiltSparse(_) | Dfa::PrebuiltDense(_)))
    }

    /// Whether it runs on a dense DFA the build script compiled.
    pub fn is_prebuilt_dense(&self) -> bool {
        matches!(self.dfa, Some(Dfa::PrebuiltDense(_)))
    }

    /// Whether the pattern matches anywhere in `text`, as [`regex::Regex::is_match`] answers.
    pub fn is_match(&self, text: &str) -> bool {
        // Built never to quit (no Unicode word boundary) nor give up (no minimum of cache
        // clears), the search does not fail; if it ever did, the full regex answers.
        let input = regex_automata::Input::new(text).earliest(true);
        let found = match &self.dfa {
            Some(Dfa::Lazy(dfa, caches)) => dfa.try_search_fwd(&mut caches.get(), &input).ok(),
            Some(Dfa::PrebuiltSparse(dfa)) => regex_automata::dfa::Automaton::try_search_fwd(dfa, &input).ok(),
            Some(Dfa::PrebuiltDense(dfa)) => regex_automata::dfa::Automaton::try_search_fwd(dfa, &input).ok(),
            None => None,
        };
        if let Some(found) = found {
            return found.is_some();
        }
        self.full.get_or_init(|| regex(&self.pattern)).as_ref().is_ok_and(|r| r.is_match(text))
    }
}

pub fn decode(bytes: &[u8]) -> Decoded<'_> {
    match std::str::from_utf8(bytes) {
        Ok(text) => Decoded { text: Cow::Borrowed(text), invalid: None },
        Err(_) => {
            let mut out = String::with_capacity(bytes.len());
            let mut first = None;
            let mut count = 0;
            let mut rest = bytes;
            let mut offset = 0;
            loop {
                match std::str::from_utf8(rest) {
                    Ok(valid) => {
                        out.push_str(valid);
                        break;
                    }
                    Err(e) => {
                        let good = e.valid_up_to();
                        out.push_str(std::str::from_utf8(&rest[..good]).expect("validated prefix"));
                        let bad = e.error_len().unwrap_or(rest.len() - good);
                        first.get_or_insert(offset + good);
                        count += bad;
                        out.extend(std::iter::repeat_n(PLACEHOLDER, bad));
                        rest = &rest[good + bad..];
                        offset += good + bad;
                    }
                }
            }
            Decoded { text: Cow::Owned(out), invalid: first.map(|f| (f, count)) }
        }
    }
}

/// A NUL byte in the first 8 KiB: not text, not linted.
pub fn is_binary(bytes: &[u8]) -> bool {
    // (memchr's SIMD search: the slice's `contains` reads a word at a time)
    memchr::memchr(0, &bytes[..bytes.len().min(8192)]).is_some()
}

/// " (did you mean `x`?)" for the known id closest to `id`, when one is close enough.
pub fn did_you_mean<'a>(id: &str, known: impl IntoIterator<Item = &'a str>) -> String {
    let best = known.into_iter().map(|k| (strsim::jaro_winkler(id, k), k)).max_by(|a, b| a.0.total_cmp(&b.0));
    best.filter(|(s, _)| *s > 0.7).map(|(_, k)| format!(" (did you mean `{k}`?)")).unwrap_or_default()
}

/// A small pseudo-random generator (xorshift64) for the tests that compare a fast scan with a
/// simple one on generated texts: the same texts on every run.
#[cfg(test)]
pub(crate) struct TestRandom(pub u64);

#[cfg(test)]
impl TestRandom {
    /// A number below `n`.
    pub fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }
}

#[cfg(test)]
mod tests {

    /// For each ASCII byte, what the normaliser by characters writes for it: a letter or digit as its lowercase,
    /// anything else as 0 (white space, punctuation).
    const NORMALIZED_ASCII: [u8; 128] = {
        let mut table = [0u8; 128];
        let mut b = 0;
        while b < 128 {
            if (b as u8).is_ascii_alphanumeric() {
                table[b] = (b as u8).to_ascii_lowercase();
            }
            b += 1;
        }
        table
    };

    /// The normaliser a character at a time, as it was written first: what the tests hold
    /// [`normalize_line_into`] to.
    fn normalize_line_into_by_chars(text: &str, out: &mut Vec<u8>) -> usize {
        let start = out.len();
        let mut spaces = 0;
        let mut pending_space = false;
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            // ASCII (nearly all of an English text) without decoding; the same steps as below.
            let b = bytes[i];
            if b < 0x80 {
                i += 1;
                let lower = NORMALIZED_ASCII[usize::from(b)];
                if lower != 0 {
                    if pending_space && out.len() > start {
                        out.push(b' ');
                        spaces += 1;
                    }
                    pending_space = false;
                    out.push(lower);
                } else if b == b'\'' && out.len() > start && !pending_space {
                    // keep "don't" as one token but drop the mark
                } else {
                    pending_space = true;
                }
                continue;
            }
            let Some(c) = text[i..].chars().next() else { break };
            i += c.len_utf8();
            if is_alphanumeric(c) {
                if pending_space && out.len() > start {
                    out.push(b' ');
                    spaces += 1;
                }
                pending_space = false;
                let mut utf8 = [0u8; 4];
                for lower in c.to_lowercase() {
                    out.extend_from_slice(lower.encode_utf8(&mut utf8).as_bytes());
                }
            } else if is_apostrophe(c) && out.len() > start && !pending_space {
                // keep "don't" as one token but drop the mark
            } else {
                pending_space = true;
            }
        }
        if out.len() > start {
            spaces + 1
        } else {
            0
        }
    }

    /// The normaliser reads 64 bytes at a time and copies runs 16 bytes at a time; it writes
    /// what reading a character at a time writes, for texts of every kind of piece (letters
    /// of both cases, digits, apostrophes straight and curly, marks, spaces, non-ASCII
    /// letters and symbols, runs longer than 16 and 64 bytes) at every place of a window, and
    /// after what a buffer already holds.
    #[test]
    fn the_normaliser_writes_what_reading_by_characters_writes() {
        const PIECES: &[&str] = &[
            "a",
            "Z",
            "7",
            "word",
            "MiXed",
            " ",
            "  ",
            "'",
            "''",
            "’",
            "-",
            ".",
            ",",
            "\n",
            "é",
            "Ünïcode",
            "東京",
            "😀",
            "İ",
            "ß",
            "K",
            "\u{1A}",
            "don't",
            "x'",
            "'y",
            "abcdefghijklmnopqrstuvwxyz",
            "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789",
        ];
        let mut random = TestRandom(0x9e37_79b9_7f4a_7c15);
        let mut next = |n: usize| random.below(n);
        for round in 0..20_000 {
            let mut text = String::new();
            for _ in 0..next(if round % 10 == 0 { 80 } else { 25 }) {
                text.push_str(PIECES[next(PIECES.len())]);
            }
            let held = if round % 3 == 0 { b"held ".to_vec() } else { Vec::new() };
            let (mut fast, mut slow) = (held.clone(), held);
            assert_eq!(normalize_line_into(&text, &mut fast), normalize_line_into_by_chars(&text, &mut slow), "{text:?}");
            assert_eq!(fast, slow, "{text:?}");
        }
        for len in [15, 16, 17, 63, 64, 65, 130] {
            for before in 0..66 {
                let text = format!("{}{}'s, end", " ".repeat(before), "Ab".repeat(len).get(..len).unwrap_or_default());
                let (mut fast, mut slow) = (Vec::new(), Vec::new());
                assert_eq!(normalize_line_into(&text, &mut fast), normalize_line_into_by_chars(&text, &mut slow), "{text:?}");
                assert_eq!(fast, slow, "{text:?}");
            }
        }
    }

    /// The quick letter and digit tests answer as the standard library's for every character.
    #[test]
    fn the_quick_letter_tests_are_the_standard_librarys() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(is_alphanumeric(c), c.is_alphanumeric(), "{c:?}");
            assert_eq!(is_alphabetic(c), c.is_alphabetic(), "{c:?}");
        }
    }

    #[test]
    fn emphasis_inside_a_word_splits_it_into_pieces() {
        let split = |text: &str, word: &str| {
            let start = text.find(word).unwrap();
            super::split_by_emphasis(text, start, start + word.len())
        };
        assert!(split("for *ser*ializing data", "ser"));
        assert!(split("for *ser*ializing data", "ializing"));
        assert!(split("the **re**build", "build"));
        assert!(!split("for *serializing* data", "serializing"));
        assert!(!split("a * b", "b"));
        assert!(!split("plain words here", "words"));
        // at the very start and end of the text
        assert!(!split("*word*", "word"));
        assert!(split("x*word", "word"));
    }
    use super::*;

    /// The adaptive automaton finds what the builder's own automaton finds, as an NFA and once
    /// upgraded, for unanchored and anchored searches.
    #[test]
    fn initialisms_are_capitals_with_dots() {
        for w in ["U.S.", "N.Y.C.", "U.K."] {
            assert!(is_initialism(w), "{w}");
        }
        for w in ["Inc.", "U.S", "us.", "a.m.", "end.", "A."] {
            assert!(!is_initialism(w), "{w}");
        }
    }

    #[test]
    fn adaptive_automata_match_as_the_builders_choice() {
        use aho_corasick::{AhoCorasickBuilder, Anchored, Input, MatchKind, StartKind};
        let patterns: Vec<String> = ["share this", "sign up", "share", "read more", "Ünicode", "ead"].map(String::from).to_vec();
        let texts = ["Share this article", "please SIGN UP now", "nothing here", "read more: x", "sharing", "ünicode Ünicode", ""];
        let kinds = [
            (MatchKind::LeftmostLongest, StartKind::Unanchored),
            (MatchKind::LeftmostLongest, StartKind::Anchored),
            (MatchKind::Standard, StartKind::Unanchored),
        ];
        for (kind, start) in kinds {
            let mut builder = AhoCorasickBuilder::new();
            builder.ascii_case_insensitive(true).match_kind(kind).start_kind(start);
            let direct = builder.build(&patterns).unwrap();
            let adaptive = Adaptive::new(&builder, patterns.clone(), 100).unwrap();
            let anchored = if start == StartKind::Anchored { Anchored::Yes } else { Anchored::No };
            // (a standard automaton's matches as the gate words ask for them: overlapping)
            let found = |ac: &aho_corasick::AhoCorasick| -> Vec<Vec<(usize, usize, usize)>> {
                texts
                    .iter()
                    .map(|t| {
                        let input = Input::new(t).anchored(anchored);
                        let matches: Vec<_> = if kind == MatchKind::Standard {
                            ac.find_overlapping_iter(input).collect()
                        } else {
                            ac.find_iter(input).collect()
                        };
                        matches.iter().map(|m| (m.pattern().as_usize(), m.start(), m.end())).collect()
                    })
                    .collect()
            };
            let want = found(&direct);
            assert_eq!(found(adaptive.get()), want);
            assert!(!adaptive.upgraded());
            for _ in 0..100 {
                adaptive.get();
            }
            assert_eq!(found(adaptive.get()), want);
            assert!(adaptive.upgraded());
            assert!(want.iter().any(|m| !m.is_empty()));
        }
    }

    #[test]
    fn lowercase_is_to_lowercase() {
        let long = "A".repeat(40);
        for word in [
            "",
            "A",
            "Hello",
            "MIXED42-Case's",
            "ÉCOLE",
            "İstanbul",
            "ǅ",
            "ΣΑΣ",
            long.as_str(),
            "abcdefghijklmnopqrstuvwxyzABCDEF",
            "abcdefghijklmnopqrstuvwxyzABCDEFG",
        ] {
            assert_eq!(Lowercase::of(word).as_str(), word.to_lowercase(), "{word:?}");
        }
    }

    /// The count is split_whitespace's, limit and all: on every arrangement of up to four
    /// pieces (words, each kind of white space, non-ASCII letters and spaces), on every 8-byte
    /// window of spaces and letters (read eight bytes at once), and on long mixed texts.
    #[test]
    fn count_words_counts_as_split_whitespace() {
        let pieces = ["a", "bc", " ", "  ", "\t", "\n", "\x0B", "\x0C", "\r", "x.y", "\u{a0}", "é", "\u{2003}"];
        let mut texts = vec![String::new()];
        for _ in 0..4 {
            let longer: Vec<String> = texts.iter().flat_map(|t| pieces.iter().map(move |p| format!("{t}{p}"))).collect();
            texts.extend(longer);
        }
        texts.push("word ".repeat(100));
        texts.push(format!("{}{}", " ".repeat(63), "a b".repeat(50)));
        // longer texts, read 64 bytes at a time: every 16-byte run of white space and letters,
        // and pseudo-random mixes with non-ASCII pieces across windows
        for bits in 0..=u16::MAX {
            let text: String = (0..16).map(|k| if bits >> k & 1 == 1 { ' ' } else { 'x' }).collect();
            texts.push(text.clone());
            texts.push(format!("é{text}\t"));
        }
        let mut seed = 7u64;
        for _ in 0..2000 {
            let mut text = String::new();
            for _ in 0..40 {
                seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
                text.push_str(pieces[(seed >> 33) as usize % pieces.len()]);
            }
            texts.push(text);
        }
        for text in &texts {
            for limit in [0, 1, 2, 3, 15, 41, 81] {
                assert_eq!(count_words(text, limit), text.split_whitespace().take(limit).count(), "{text:?} {limit}");
            }
        }
    }

    #[test]
    fn the_byte_table_is_is_ascii_alphanumeric() {
        for b in 0..=u8::MAX {
            assert_eq!(ASCII_ALPHANUMERIC[usize::from(b)], b.is_ascii_alphanumeric(), "{b}");
        }
    }

    #[test]
    fn case_helpers() {
        assert!(is_capitalized("Japan"));
        assert!(!is_capitalized("NATO"));
        assert!(has_inner_upper("iPhone"));
        assert!(is_all_caps("GDP"));
        assert!(!is_all_caps("A"));
        assert_eq!(match_case("Sence", "since"), "Since");
        assert_eq!(match_case("SENCE", "since"), "SINCE");
        assert_eq!(capitalize("über"), "Über");
        // titlecase, not uppercase, for ligatures and digraphs
        assert_eq!(capitalize("ﬁnally"), "Finally");
        assert_eq!(capitalize("ǆungla"), "ǅungla");
        assert_eq!(capitalize("ßtraße"), "Sstraße");
        assert_eq!(capitalize(""), "");
    }

    /// A [`RareRegex`] finds and captures what the full regex does (leftmost-first, Unicode
    /// classes and word boundaries, groups that took no part), on the patterns it serves.
    #[test]
    fn rare_regex_answers_as_the_full_regex() {
        let patterns = [
            r"\b\p{L}*\p{Ll}\p{L}*['’](S|T|D|M|LL|Ll|RE|Re|VE|Ve)\b",
            r"\s+[|–—-]\s+[^|–—-]{1,40}$",
            r"^(?i:by)\s+(\p{Lu}\p{Ll}*)((?:\s+\p{Lu}\p{Ll}*)*)(\s*,\s*\w+)?$",
            r"(?:\s+\|\s+[^|]{2,}|\s+[–—]\s+\p{Lu}[\p{L}.&']*)\s*$",
        ];
        let texts = [
            "",
            "What’S The Story? Don'T Look, It'S Late",
            "ÉTÉ'S and été'S",
            "Budget approved - Daily News",
            "A well-known title | Site | Section",
            "By Ann Lee",
            "by Émile Zola, Paris",
            "BY ann lee",
            "Storm hits the coast — Évening Post ",
        ];
        for pattern in patterns {
            let (rare, full) = (RareRegex::new(pattern).unwrap(), regex(pattern).unwrap());
            for text in texts {
                assert_eq!(
                    rare.find(text).map(|m| (m.start(), m.as_str())),
                    full.find(text).map(|m| (m.start(), m.as_str())),
                    "{pattern} {text:?}"
                );
                let groups = |c: Groups<'_>| (0..4).map(|i| c.get(i).map(|m| (m.start(), m.end()))).collect::<Vec<_>>();
                let full_groups = |c: regex::Captures<'_>| (0..4).map(|i| c.get(i).map(|m| (m.start(), m.end()))).collect::<Vec<_>>();
                assert_eq!(rare.captures(text).map(groups), full.captures(text).map(full_groups), "{pattern} {text:?}");
                let all: Vec<_> = rare.captures_iter(text).map(groups).collect();
                let full_all: Vec<_> = full.captures_iter(text).map(full_groups).collect();
                assert_eq!(all, full_all, "{pattern} {text:?}");
            }
        }
    }

    /// A [`MatchOnly`] answers as the full regex does: anchors, case folding, classes, ASCII
    /// and Unicode word boundaries (the last run by the full regex).
    #[test]
    fn match_only_answers_as_the_full_regex() {
        let patterns = [
            r"^\W*(?i:photo|image)s?\s+(?i:by)\s+\p{Lu}",
            r"(?i:(?-u:\b)we use cookies)",
            r"\bcafé\b",
            r"\s+[|–—-]\s+[^|–—-]{1,40}$",
            r"^$",
            r"(?i)ſtraße",
        ];
        let texts = [
            "",
            "Photo by Ann Lee",
            "• IMAGES BY ann",
            "We use cookies.",
            "awe use cookies",
            "un café noir",
            "cafés",
            "Title | Site",
            "STRASSE",
            "ſtraße",
            "x",
        ];
        for pattern in patterns {
            let (full, only) = (regex(pattern).unwrap(), MatchOnly::new(pattern).unwrap());
            assert_eq!(only.runs_on_dfa(), !pattern.contains(r"\bcafé"), "{pattern:?}");
            for text in texts {
                assert_eq!(only.is_match(text), full.is_match(text), "{pattern:?} on {text:?}");
            }
        }
        assert!(MatchOnly::new(r"(unclosed").is_err());
    }

    #[test]
    fn only_a_letter_with_a_capital_starts_lowercase() {
        assert!(starts_lower("sence") && starts_lower("über") && starts_lower("ǆungla"));
        // lowercase in Unicode, but no capital to give them
        assert!(!starts_lower("ºsence") && !starts_lower("ªb") && !starts_lower("ᵃb") && !starts_lower("აბ"));
        assert!(!starts_lower("Sence") && !starts_lower("1st") && !starts_lower(""));
    }

    #[test]
    fn the_token_around_a_byte_ends_at_any_space() {
        let text = "see\u{a0}example.com/a.B\u{3000}now and then";
        let at = text.find("com").unwrap();
        assert_eq!(token_around(text, at), "example.com/a.B");
        assert_eq!(token_around(text, text.find("and").unwrap()), "and");
        assert_eq!(token_around(text, 0), "see");
        assert_eq!(token_around("", 0), "");
    }

    #[test]
    fn normalize_drops_punctuation_and_emoji() {
        assert_eq!(normalize_line("  Let us know in the comments 👇🔥"), "let us know in the comments");
        assert_eq!(normalize_line("Share."), "share");
        assert_eq!(normalize_line("Don’t  stop!"), "dont stop");
    }

    /// The normaliser's ASCII fast path gives what the plain character rule gives.
    #[test]
    fn normalize_matches_the_character_rule() {
        fn reference(text: &str) -> String {
            let mut out = String::new();
            let mut pending_space = false;
            for c in text.chars() {
                if c.is_alphanumeric() {
                    if pending_space && !out.is_empty() {
                        out.push(' ');
                    }
                    pending_space = false;
                    out.extend(c.to_lowercase());
                } else if is_apostrophe(c) && !out.is_empty() && !pending_space {
                } else {
                    pending_space = true;
                }
            }
            out
        }
        for text in
            ["", " ", "ABC def", "Ünïcode MIXED42 ok", "it's 'quoted' ’tis", "a—b…c", "x\u{a0}Y", "ÉCOLE's café", "9/11 & CO.", "ǅ İ"]
        {
            let mut out = b"kept|".to_vec();
            let words = normalize_line_into(text, &mut out);
            let expected = reference(text);
            assert_eq!(normalized_string(out), format!("kept|{expected}"), "{text:?}");
            assert_eq!(words, if expected.is_empty() { 0 } else { expected.split(' ').count() }, "{text:?}");
        }
    }

    #[test]
    fn counts_in_words() {
        for word in ["two", "eleven", "nineteen", "forty", "twenty-five", "ninety-nine"] {
            assert!(is_cardinal_word(word), "{word}");
        }
        for word in ["one", "twenty-", "forty-ten", "hundredth", "tens", "Two"] {
            assert!(!is_cardinal_word(word), "{word}");
        }
    }
}
