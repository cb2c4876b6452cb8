//! An English lexicon with case knowledge, embedded in the binary (no download at run time).
//!
//! Built by `scripts/build-lexicon.py` from the SCOWL word lists (American and British, sizes
//! small/medium/large; licence in `src/lexicon/README.md`): about 134,000 words keyed by their
//! lowercase form, each with the ways English writes it and how common each way is. Rules use it
//! to tell a proper noun ("Japan": only ever capitalised) from a common word ("bank"), a word
//! that is both ("china"/"China", "bill"/"Bill", "march"/"March") from either, and a word from a
//! non-word ("Kishida" is in no lexicon, so the document's own evidence has to decide).
//!
//! A hash index over the table's lines is built at compile time (`build/indexes.rs`), so
//! nothing is parsed at start-up; a look-up is a hash, a probe or two and one key comparison,
//! with no allocation for words of up to 64 bytes.

use crate::word_table::{Aligned, Hit, WordTable};

static SOURCE: &str = include_str!("lexicon/english.tsv");

/// How common a written form is: SCOWL's size bands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Tier {
    /// In the small lists: the everyday words of English.
    Common = 1,
    /// In the medium lists.
    Usual = 2,
    /// Only in the large lists: rare or specialised ("japan", the lacquer).
    Rare = 3,
}

impl Tier {
    fn from_digit(d: u8) -> Option<Tier> {
        match d {
            b'1' => Some(Tier::Common),
            b'2' => Some(Tier::Usual),
            b'3' => Some(Tier::Rare),
            _ => None,
        }
    }
}

/// Everything the lexicon knows of one word (by its lowercase form).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Entry {
    /// Written all lowercase: "china", "bank".
    pub lower: Option<Tier>,
    /// Written capitalised: "China", "Monday".
    pub capitalized: Option<Tier>,
    /// Written with other capitals: "NATO", "iPhone".
    pub other: Option<Tier>,
    /// That other spelling, when there is one.
    pub spelling: Option<&'static str>,
}

impl Entry {
    /// Never written lowercase: a name ("Japan", "Monday", "NATO").
    pub fn proper_only(&self) -> bool {
        self.lower.is_none()
    }

    /// An everyday lowercase word (the small lists).
    pub fn common_lower(&self) -> bool {
        self.lower == Some(Tier::Common)
    }

    /// A name first: capitalised is at least as common as lowercase ("Japan" and "japan"
    /// are both in the medium lists), or lowercase is rare.
    pub fn mostly_proper(&self) -> bool {
        let name = self.capitalized.or(self.other);
        match (self.lower, name) {
            (None, Some(_)) => true,
            (Some(l), Some(n)) => l == Tier::Rare || n <= l,
            _ => false,
        }
    }
}

/// The lexicon as a [`WordTable`]: lines `key TAB LCU [TAB spelling]`, indexed at build time.
///
/// A `static`, not a `const`: a constant is built anew where it is used, and the table's text
/// and index (4 MB) were in the binary twice, different call sites reading different copies
/// (twice the memory to cache, and pages of both copies faulted in).
pub(crate) static TABLE: WordTable =
    WordTable { source: SOURCE, index: &Aligned(*include_bytes!(concat!(env!("OUT_DIR"), "/lexicon_index.bin"))), filter: &[] };

/// The same table behind a Bloom filter of its keys (256 KB, built at compile time), for
/// strings that are mostly not words: the filter answers most of them without the index. Words
/// of the text are mostly in the lexicon, and for them the filter would be one more load.
static FILTERED: WordTable = WordTable { filter: include_bytes!(concat!(env!("OUT_DIR"), "/lexicon_filter.bin")), ..TABLE };

/// An entry from the rest of its line: three tier digits, then the other spelling if any.
fn entry(rest: &'static str) -> Option<Entry> {
    let flags = rest.as_bytes().get(..3)?;
    Some(Entry {
        lower: Tier::from_digit(flags[0]),
        capitalized: Tier::from_digit(flags[1]),
        other: Tier::from_digit(flags[2]),
        spelling: rest[3..].strip_prefix('\t').map(crate::word_table::first_line),
    })
}

/// The entry for a word in any case ("Japan", "japan", "JAPAN" all find `japan`).
pub fn lookup(word: &str) -> Option<Entry> {
    RECENT.with_borrow_mut(|recent| recent.get_or(word, || TABLE.find_any_case(word).map_or_else(Packed::default, Packed::of_hit))).entry()
}

/// A lexicon slot's byte: a spelling follows the tiers on the line (bits 0–5: the tiers, two
/// bits each, as in [`Packed::tiers`]).
const SPELLED: u8 = 1 << 6;

/// An answer of [`lookup`] in eight bytes, for the per-thread memo (whose slots then fit half a
/// cache line): the three tiers, whether there is an entry at all, and where its other
/// spelling is in the table's text.
#[derive(Clone, Copy, Default, Debug, PartialEq)]
struct Packed {
    /// Bit 7: an entry; bits 0–1, 2–3, 4–5: the lowercase, capitalised and other tiers (0 none).
    tiers: u8,
    spelling_len: u16,
    spelling_at: u32,
}

impl Packed {
    fn of(entry: Option<Entry>) -> Packed {
        let Some(e) = entry else { return Packed::default() };
        let tier = |t: Option<Tier>| t.map_or(0, |t| t as u8);
        let tiers = 0x80 | tier(e.lower) | tier(e.capitalized) << 2 | tier(e.other) << 4;
        // (a spelling is a slice of the table's text: its place there, and its length)
        let (spelling_at, spelling_len) =
            e.spelling.map_or((Some(0), 0), |s| ((s.as_ptr() as usize).checked_sub(TABLE.source.as_ptr() as usize), s.len()));
        match (spelling_at.map(u32::try_from), u16::try_from(spelling_len)) {
            (Some(Ok(spelling_at)), Ok(spelling_len)) => Packed { tiers, spelling_len, spelling_at },
            // (never for the embedded table's lines; a spelling that did not fit would be lost)
            _ => Packed { tiers, spelling_len: 0, spelling_at: 0 },
        }
    }

    /// The answer for a key found in [`TABLE`] (or [`FILTERED`], the same slots and text): its
    /// case tiers are in its slot's byte (see `build/indexes.rs`), and its line is read only for
    /// a spelling.
    fn of_hit(hit: Hit) -> Packed {
        if hit.data & SPELLED == 0 {
            return Packed { tiers: 0x80 | hit.data & 0x3F, spelling_len: 0, spelling_at: 0 };
        }
        Packed::of(TABLE.rest(hit).and_then(entry))
    }

    fn entry(self) -> Option<Entry> {
        if self.tiers & 0x80 == 0 {
            return None;
        }
        let tier = |shift: u8| Tier::from_digit(b'0' + (self.tiers >> shift & 3));
        let at = self.spelling_at as usize;
        Some(Entry {
            lower: tier(0),
            capitalized: tier(2),
            other: tier(4),
            spelling: (self.spelling_len > 0).then(|| TABLE.source.get(at..at + usize::from(self.spelling_len))).flatten(),
        })
    }
}

thread_local! {
    /// This thread's recent entries: the words of the text, looked up by several rules in each
    /// article and again in the next (4,096 slots of 32 bytes).
    static RECENT: std::cell::RefCell<crate::word_table::Recent<Packed, 4096>> =
        std::cell::RefCell::new(crate::word_table::Recent::new());
}

/// Whether the lexicon knows the word in any spelling.
pub fn is_word(word: &str) -> bool {
    lookup(word).is_some()
}

/// Whether the word, as written in lowercase, is an English word ("bank" yes, "kishida" no).
pub fn is_lowercase_word(word: &str) -> bool {
    is_commonest_word(word) || lookup(word).is_some_and(|e| e.lower.is_some())
}

/// The commonest words of English prose, about two words in five of a news article: answered
/// without a look-up in the table (whose answer for each is yes; a test checks it). The
/// language sample and the sentence splitter ask about every such word.
fn is_commonest_word(word: &str) -> bool {
    matches!(
        word,
        "of" | "to"
            | "in"
            | "is"
            | "it"
            | "on"
            | "as"
            | "he"
            | "be"
            | "by"
            | "at"
            | "an"
            | "or"
            | "we"
            | "the"
            | "and"
            | "for"
            | "was"
            | "his"
            | "but"
            | "are"
            | "not"
            | "has"
            | "had"
            | "who"
            | "its"
            | "her"
            | "she"
            | "you"
            | "can"
            | "that"
            | "with"
            | "from"
            | "have"
            | "this"
            | "they"
            | "were"
            | "been"
            | "said"
            | "will"
            | "more"
            | "also"
            | "than"
            | "when"
            | "into"
            | "which"
            | "their"
            | "would"
            | "there"
            | "about"
            | "after"
    )
}

/// Prefixes English builds new words with: "renationalise", "delist", "superteam", "polyfill".
const PREFIXES: &[&str] = &[
    "anti", "bio", "co", "counter", "cross", "de", "dis", "eco", "euro", "ex", "hyper", "inter", "mega", "micro", "mini", "mis", "multi",
    "non", "out", "over", "poly", "post", "pre", "pro", "re", "self", "semi", "sub", "super", "tele", "trans", "ultra", "un", "under",
];

/// What follows each of [`PREFIXES`] that `word` starts with, when three letters or more are
/// left: "nationalise" for "renationalise", "periodic" for "nonperiodic".
pub fn prefixed_stems(word: &str) -> impl Iterator<Item = &str> {
    PREFIXES.iter().filter(move |p| word.len() >= p.len() + 3 && word.starts_with(*p)).map(move |p| &word[p.len()..])
}

/// [`lookup`] for a string that is most likely no word: an unknown word's one-edit
/// neighbours, the halves of a compound. Same answers, faster for such strings.
pub fn lookup_unlikely(word: &str) -> Option<Entry> {
    FILTERED.find_any_case(word).and_then(|hit| Packed::of_hit(hit).entry())
}

/// [`is_lowercase_word`] for a string that is most likely no word (see [`lookup_unlikely`]).
pub fn is_lowercase_word_unlikely(word: &str) -> bool {
    lookup_unlikely(word).is_some_and(|e| e.lower.is_some())
}

/// Words with a dropped apostrophe before their "s" that spell no other word: "whats" is
/// "what's", "todays" is "today's". (Forms that are words too, "its", "lets", "hers", are left
/// out: they need grammar, not a table.)
const APOSTROPHE_DROPPED: &[(&str, &str)] = &[
    ("whats", "what's"),
    ("thats", "that's"),
    ("whos", "who's"),
    ("wheres", "where's"),
    ("heres", "here's"),
    ("theres", "there's"),
    ("hows", "how's"),
    ("whens", "when's"),
    ("shes", "she's"),
    ("hes", "he's"),
    ("everyones", "everyone's"),
    ("someones", "someone's"),
    ("nobodys", "nobody's"),
    ("todays", "today's"),
    ("tonights", "tonight's"),
    // The possessives of irregular plurals: "mens", "womens", "childrens" are no English words
    // ("peoples" is one, and "mans" a verb: not listed).
    ("mens", "men's"),
    ("womens", "women's"),
    ("childrens", "children's"),
    ("gentlemens", "gentlemen's"),
];

/// The apostrophe form of a word that is a contraction or possessive with its apostrophe
/// dropped ("Whats" → "What's"), in the word's own case; `None` for anything else.
#[inline]
pub fn apostrophe_dropped(word: &str) -> Option<String> {
    // Runs on every word: most leave at this test, without a call. Of the three-letter words
    // ending in s, among the commonest ("was", "has", "his"), only those starting with h go
    // on: "hes" is the table's one word of three letters.
    let bytes = word.as_bytes();
    if !(3..=10).contains(&bytes.len())
        || !matches!(bytes.last(), Some(b's' | b'S'))
        || (bytes.len() == 3 && !bytes[0].eq_ignore_ascii_case(&b'h'))
    {
        return None;
    }
    // (a listed word of this length starts with this letter: most words ending in s do not)
    let first = bytes[0].to_ascii_lowercase().wrapping_sub(b'a');
    if first >= 26 || DROPPED_FIRST_LETTERS[bytes.len()] & (1 << first) == 0 {
        return None;
    }
    apostrophe_dropped_listed(word)
}

/// For each length, the first letters (bit 0 for a) of the listed words of that length.
const DROPPED_FIRST_LETTERS: [u32; 11] = {
    let mut table = [0u32; 11];
    let mut i = 0;
    while i < APOSTROPHE_DROPPED.len() {
        let bare = APOSTROPHE_DROPPED[i].0.as_bytes();
        assert!(bare.len() <= 10 && bare[0].is_ascii_lowercase());
        table[bare.len()] |= 1 << (bare[0] - b'a');
        i += 1;
    }
    table
};

/// [`apostrophe_dropped`] past its length and last-letter test: the table.
fn apostrophe_dropped_listed(word: &str) -> Option<String> {
    let (bare, with) = APOSTROPHE_DROPPED.iter().find(|(bare, _)| bare.len() == word.len() && bare.eq_ignore_ascii_case(word))?;
    // "HES", "SHES": a short acronym in capitals, not a contraction.
    if bare.len() <= 4 && word.bytes().all(|b| b.is_ascii_uppercase()) {
        return None;
    }
    // Recase letter by letter: the apostrophe form has one more character, placed before the
    // last letters, so copy the case of the bare word's letters in order.
    let mut cased = String::with_capacity(with.len());
    let mut letters = word.chars();
    for c in with.chars() {
        if c == '\'' {
            cased.push(c);
        } else if letters.next().is_some_and(|l| l.is_uppercase()) {
            cased.push(c.to_ascii_uppercase());
        } else {
            cased.push(c);
        }
    }
    Some(cased)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each of the commonest words is one the table lists lowercase: the answer without the
    /// look-up is the look-up's.
    #[test]
    fn the_commonest_words_are_lowercase_words() {
        let mut listed = 0;
        for word in "of to in is it on as he be by at an or we the and for was his but are not has had who its her she you can that \
            with from have this they were been said will more also than when into which their would there about after"
            .split_whitespace()
        {
            assert!(is_commonest_word(word), "{word}");
            assert!(lookup(word).is_some_and(|e| e.lower.is_some()), "{word}");
            listed += 1;
        }
        assert_eq!(listed, 51);
        for word in ["", "The", "th", "thee", "japan", "Of", "ofs"] {
            assert!(!is_commonest_word(word), "{word}");
        }
    }

    /// The filter never hides a word: every key is found behind it, and strings that are no
    /// words are answered the same (mostly by the filter alone).
    #[test]
    fn the_filtered_lookup_gives_the_same_answers() {
        for line in SOURCE.lines() {
            let key = line.split_once('\t').map_or(line, |(k, _)| k);
            assert_eq!(lookup_unlikely(key), lookup(key), "{key}");
        }
        for s in ["legisation", "varirty", "qzxv", "presneted", "Legislation", "LEGISLATION", "café"] {
            assert_eq!(lookup_unlikely(s), lookup(s), "{s}");
        }
        assert!(!FILTERED.filter.is_empty());
    }

    /// The first-letter gate lets every listed word through, in any case, and answers every
    /// other word as the table alone does.
    #[test]
    fn the_dropped_apostrophe_gate_hides_no_listed_word() {
        for (bare, with) in APOSTROPHE_DROPPED {
            assert_eq!(apostrophe_dropped(bare).as_deref(), Some(*with));
            assert!(apostrophe_dropped(&crate::text::capitalize(bare)).is_some(), "{bare}");
            assert_eq!(apostrophe_dropped(&bare.to_uppercase()).is_some(), bare.len() > 4, "{bare}");
        }
        let keys = SOURCE.lines().map(|line| line.split_once('\t').map_or(line, |(k, _)| k));
        for word in keys.flat_map(|k| [k.to_string(), format!("{k}s"), crate::text::capitalize(&format!("{k}s"))]) {
            let listed = (3..=10).contains(&word.len()) && word.ends_with(['s', 'S']) && (word.len() != 3 || word.starts_with(['h', 'H']));
            assert_eq!(apostrophe_dropped(&word), listed.then(|| apostrophe_dropped_listed(&word)).flatten(), "{word}");
        }
    }

    /// The table's text is in the binary once: every reader shares one copy (as constants,
    /// the tables were built anew where used, and the lexicon was embedded twice).
    #[test]
    fn the_table_is_embedded_once() {
        let binary = std::fs::read(std::env::current_exe().unwrap()).unwrap();
        let probe = &SOURCE.as_bytes()[SOURCE.len() / 2..SOURCE.len() / 2 + 64];
        let copies = memchr::memmem::find_iter(&binary, probe).count();
        assert_eq!(copies, 1);
        // and both tables read it
        assert_eq!(TABLE.source.as_ptr(), SOURCE.as_ptr());
        assert_eq!(FILTERED.source.as_ptr(), SOURCE.as_ptr());
    }

    /// Every entry of the table survives packing for the memo, its spelling included.
    #[test]
    fn packed_entries_unpack_to_the_same_entries() {
        let mut spellings = 0;
        for line in SOURCE.lines() {
            let key = line.split('\t').next().unwrap();
            let entry = TABLE.get_any_case(key).and_then(entry);
            assert_eq!(Packed::of(entry).entry(), entry, "{key}");
            // the tiers in the key's slot are those of its line
            let hit = TABLE.find_any_case(key).unwrap();
            assert_eq!(Packed::of_hit(hit).entry(), entry, "{key}");
            assert_eq!(hit.data & SPELLED != 0, entry.is_some_and(|e| e.spelling.is_some()), "{key}");
            spellings += usize::from(entry.is_some_and(|e| e.spelling.is_some()));
        }
        assert!(spellings > 100, "{spellings}");
        assert_eq!(Packed::of(None).entry(), None);
        // eight bytes: with its key, a slot of the memo is 32 bytes, half a cache line
        assert_eq!(std::mem::size_of::<Packed>(), 8);
    }

    #[test]
    fn names_common_words_and_words_that_are_both() {
        let japan = lookup("japan").unwrap();
        assert!(japan.mostly_proper() && !japan.common_lower());
        let monday = lookup("Monday").unwrap();
        assert!(monday.proper_only());
        let bank = lookup("BANK").unwrap();
        assert!(bank.common_lower() && !bank.mostly_proper());
        let china = lookup("china").unwrap();
        assert!(china.common_lower() && china.capitalized.is_some() && !china.mostly_proper());
        assert_eq!(lookup("nato").unwrap().spelling, Some("NATO"));
        assert_eq!(lookup("iphone").unwrap().spelling, Some("iPhone"));
    }

    #[test]
    fn the_index_finds_every_word_of_the_table() {
        let mut n = 0;
        for line in SOURCE.lines() {
            let key = line.split('\t').next().unwrap();
            assert!(lookup(key).is_some(), "{key} not found");
            n += 1;
        }
        assert!(n > 100_000);
    }

    #[test]
    fn unknown_words_and_odd_input() {
        assert!(lookup("kishida").is_none());
        assert!(lookup("").is_none());
        assert!(!is_word("zzqx"));
        // non-ASCII goes the slow way (lowercased on the heap), in any case
        assert_eq!(is_word("ZÜRICH"), is_word("zürich"));
        assert!(lookup(&"a".repeat(200)).is_none());
        assert!(is_lowercase_word("the"));
        assert!(!is_lowercase_word("Britain"));
    }
}

/// Countries, the nations of the United Kingdom, the continents and a few large territories,
/// by their one-word short names (the last word of "South Korea", "Saudi Arabia"): places that
/// are never a first name before a surname, so "Irelands Ryanair" and "South Koreas Samsung"
/// are possessives.
const COUNTRIES: &[&str] = &[
    "Afghanistan",
    "Africa",
    "Albania",
    "Algeria",
    "America",
    "Andorra",
    "Angola",
    "Antarctica",
    "Arabia",
    "Argentina",
    "Armenia",
    "Asia",
    "Australia",
    "Austria",
    "Azerbaijan",
    "Bahrain",
    "Bangladesh",
    "Barbados",
    "Belarus",
    "Belgium",
    "Belize",
    "Benin",
    "Bhutan",
    "Bolivia",
    "Bosnia",
    "Botswana",
    "Brazil",
    "Britain",
    "Brunei",
    "Bulgaria",
    "Burundi",
    "Cambodia",
    "Cameroon",
    "Canada",
    "Chile",
    "China",
    "Colombia",
    "Congo",
    "Croatia",
    "Cuba",
    "Cyprus",
    "Czechia",
    "Denmark",
    "Djibouti",
    "Ecuador",
    "Egypt",
    "England",
    "Eritrea",
    "Estonia",
    "Ethiopia",
    "Europe",
    "Fiji",
    "Finland",
    "France",
    "Gabon",
    "Gambia",
    "Germany",
    "Ghana",
    "Greece",
    "Greenland",
    "Guatemala",
    "Guinea",
    "Guyana",
    "Haiti",
    "Honduras",
    "Hungary",
    "Iceland",
    "India",
    "Indonesia",
    "Iran",
    "Iraq",
    "Ireland",
    "Israel",
    "Italy",
    "Jamaica",
    "Japan",
    "Kazakhstan",
    "Kenya",
    "Korea",
    "Kosovo",
    "Kuwait",
    "Kyrgyzstan",
    "Lanka",
    "Laos",
    "Latvia",
    "Lebanon",
    "Leone",
    "Lesotho",
    "Liberia",
    "Libya",
    "Liechtenstein",
    "Lithuania",
    "Luxembourg",
    "Madagascar",
    "Malawi",
    "Malaysia",
    "Mali",
    "Malta",
    "Mauritania",
    "Mauritius",
    "Mexico",
    "Moldova",
    "Monaco",
    "Mongolia",
    "Montenegro",
    "Morocco",
    "Mozambique",
    "Myanmar",
    "Namibia",
    "Nepal",
    "Nicaragua",
    "Niger",
    "Nigeria",
    "Norway",
    "Oman",
    "Pakistan",
    "Palestine",
    "Panama",
    "Paraguay",
    "Peru",
    "Poland",
    "Portugal",
    "Qatar",
    "Rica",
    "Romania",
    "Russia",
    "Rwanda",
    "Samoa",
    "Scotland",
    "Senegal",
    "Serbia",
    "Singapore",
    "Slovakia",
    "Slovenia",
    "Somalia",
    "Spain",
    "Sudan",
    "Suriname",
    "Sweden",
    "Switzerland",
    "Syria",
    "Taiwan",
    "Tajikistan",
    "Tanzania",
    "Thailand",
    "Tibet",
    "Togo",
    "Tonga",
    "Tunisia",
    "Turkey",
    "Turkmenistan",
    "Uganda",
    "Ukraine",
    "Uruguay",
    "Uzbekistan",
    "Venezuela",
    "Vietnam",
    "Yemen",
    "Zambia",
    "Zealand",
    "Zimbabwe",
];

/// Capitals and large cities, by their one-word names, that are no first name and no everyday
/// word: places, so "Berlins top prize" and "Londons mayor" are possessives even where English
/// also knows the bare form as a surname ("Berlins"). Used by `possessive` beside [`COUNTRIES`].
const CITIES: &[&str] = &[
    "Amsterdam",
    "Atlanta",
    "Auckland",
    "Baghdad",
    "Bangkok",
    "Barcelona",
    "Beijing",
    "Beirut",
    "Belfast",
    "Belgrade",
    "Berlin",
    "Birmingham",
    "Bogota",
    "Boston",
    "Brasilia",
    "Bucharest",
    "Budapest",
    "Cairo",
    "Canberra",
    "Caracas",
    "Cardiff",
    "Chicago",
    "Colombo",
    "Copenhagen",
    "Damascus",
    "Delhi",
    "Detroit",
    "Dhaka",
    "Dubai",
    "Dublin",
    "Edinburgh",
    "Frankfurt",
    "Geneva",
    "Glasgow",
    "Hamburg",
    "Hanoi",
    "Harare",
    "Havana",
    "Helsinki",
    "Hollywood",
    "Islamabad",
    "Istanbul",
    "Jakarta",
    "Jerusalem",
    "Johannesburg",
    "Kabul",
    "Karachi",
    "Kathmandu",
    "Khartoum",
    "Kiev",
    "Kinshasa",
    "Kyiv",
    "Lahore",
    "Lisbon",
    "Liverpool",
    "London",
    "Madrid",
    "Manchester",
    "Manila",
    "Melbourne",
    "Miami",
    "Milan",
    "Minsk",
    "Montreal",
    "Moscow",
    "Mumbai",
    "Munich",
    "Nairobi",
    "Oslo",
    "Ottawa",
    "Prague",
    "Pretoria",
    "Pyongyang",
    "Riyadh",
    "Rome",
    "Seattle",
    "Seoul",
    "Shanghai",
    "Stockholm",
    "Taipei",
    "Tehran",
    "Tokyo",
    "Toronto",
    "Tripoli",
    "Vancouver",
    "Vienna",
    "Warsaw",
    "Zagreb",
    "Zurich",
];

/// The closed-class words of English and its commonest adverbs ("now", "then", "here"): a
/// title of a work capitalises them ("Now and Then"), yet none of them is ever a name written
/// lowercase. Kept sorted (no repeats; [`is_function_word`] asks a hash set of them).
const FUNCTION_WORDS: &[&str] = &[
    "a",
    "about",
    "above",
    "after",
    "again",
    "against",
    "ago",
    "all",
    "almost",
    "along",
    "already",
    "also",
    "although",
    "always",
    "am",
    "among",
    "an",
    "and",
    "another",
    "any",
    "anyone",
    "anything",
    "are",
    "around",
    "as",
    "at",
    "away",
    "be",
    "because",
    "been",
    "before",
    "behind",
    "being",
    "below",
    "beneath",
    "beside",
    "besides",
    "between",
    "beyond",
    "both",
    "but",
    "by",
    "can",
    "could",
    "did",
    "do",
    "does",
    "doing",
    "down",
    "during",
    "each",
    "either",
    "else",
    "enough",
    "even",
    "ever",
    "every",
    "everyone",
    "everything",
    "few",
    "for",
    "from",
    "had",
    "has",
    "have",
    "having",
    "he",
    "her",
    "here",
    "hers",
    "herself",
    "him",
    "himself",
    "his",
    "how",
    "however",
    "i",
    "if",
    "in",
    "inside",
    "into",
    "is",
    "it",
    "its",
    "itself",
    "just",
    "least",
    "less",
    "many",
    "may",
    "me",
    "might",
    "mine",
    "more",
    "most",
    "much",
    "must",
    "my",
    "myself",
    "near",
    "neither",
    "never",
    "no",
    "nobody",
    "none",
    "nor",
    "not",
    "nothing",
    "now",
    "of",
    "off",
    "often",
    "on",
    "once",
    "only",
    "onto",
    "or",
    "other",
    "others",
    "ought",
    "our",
    "ours",
    "ourselves",
    "out",
    "over",
    "own",
    "perhaps",
    "quite",
    "rather",
    "same",
    "several",
    "shall",
    "she",
    "should",
    "since",
    "so",
    "some",
    "someone",
    "something",
    "sometimes",
    "soon",
    "still",
    "such",
    "than",
    "that",
    "the",
    "their",
    "theirs",
    "them",
    "themselves",
    "then",
    "there",
    "therefore",
    "these",
    "they",
    "this",
    "those",
    "though",
    "through",
    "throughout",
    "thus",
    "till",
    "to",
    "too",
    "toward",
    "towards",
    "under",
    "unless",
    "until",
    "up",
    "upon",
    "us",
    "very",
    "via",
    "was",
    "we",
    "were",
    "what",
    "whatever",
    "when",
    "whenever",
    "where",
    "whereas",
    "wherever",
    "whether",
    "which",
    "while",
    "who",
    "whoever",
    "whom",
    "whose",
    "why",
    "will",
    "with",
    "within",
    "without",
    "would",
    "yet",
    "you",
    "your",
    "yours",
    "yourself",
];

/// The adjectives of nations and peoples, which English capitalises in every style ("French",
/// "Chinese"), as written; kept sorted (no repeats).
const DEMONYMS: &[&str] = &[
    "Afghan",
    "African",
    "Albanian",
    "Algerian",
    "American",
    "Arab",
    "Arabic",
    "Argentine",
    "Argentinian",
    "Asian",
    "Australian",
    "Austrian",
    "Bangladeshi",
    "Belgian",
    "Bosnian",
    "Brazilian",
    "British",
    "Bulgarian",
    "Burmese",
    "Cambodian",
    "Canadian",
    "Chilean",
    "Chinese",
    "Colombian",
    "Congolese",
    "Croatian",
    "Cuban",
    "Czech",
    "Danish",
    "Dutch",
    "Egyptian",
    "Emirati",
    "English",
    "Ethiopian",
    "European",
    "Filipino",
    "Finnish",
    "French",
    "German",
    "Ghanaian",
    "Greek",
    "Haitian",
    "Hungarian",
    "Icelandic",
    "Indian",
    "Indonesian",
    "Iranian",
    "Iraqi",
    "Irish",
    "Israeli",
    "Italian",
    "Jamaican",
    "Japanese",
    "Jordanian",
    "Kenyan",
    "Korean",
    "Kurdish",
    "Kuwaiti",
    "Lankan",
    "Lebanese",
    "Libyan",
    "Malaysian",
    "Mexican",
    "Mongolian",
    "Moroccan",
    "Nepalese",
    "Nigerian",
    "Norwegian",
    "Pakistani",
    "Palestinian",
    "Peruvian",
    "Polish",
    "Portuguese",
    "Qatari",
    "Romanian",
    "Russian",
    "Rwandan",
    "Saudi",
    "Scottish",
    "Serbian",
    "Singaporean",
    "Somali",
    "Spanish",
    "Sudanese",
    "Swedish",
    "Swiss",
    "Syrian",
    "Taiwanese",
    "Thai",
    "Tibetan",
    "Tunisian",
    "Turkish",
    "Ugandan",
    "Ukrainian",
    "Venezuelan",
    "Vietnamese",
    "Welsh",
    "Yemeni",
    "Zambian",
    "Zimbabwean",
];

/// One of the short fixed lists below as a hash set, built on first use. The rules ask them of
/// most capitalised words; a binary search compared strings eight times a question (about 350
/// instructions), a hash and one comparison answer the same.
type WordSet = std::sync::LazyLock<std::collections::HashSet<&'static str, rustc_hash::FxBuildHasher>>;

static FUNCTION_WORD_SET: WordSet = WordSet::new(|| FUNCTION_WORDS.iter().copied().collect());
static COUNTRY_SET: WordSet = WordSet::new(|| COUNTRIES.iter().copied().collect());
static CITY_SET: WordSet = WordSet::new(|| CITIES.iter().copied().collect());
/// The demonyms lowercased (the list is ASCII).
static DEMONYM_SET: std::sync::LazyLock<std::collections::HashSet<String, rustc_hash::FxBuildHasher>> =
    std::sync::LazyLock::new(|| DEMONYMS.iter().map(|d| d.to_ascii_lowercase()).collect());

/// Whether `word` (lowercase) is one of English's function words or commonest adverbs.
pub fn is_function_word(word: &str) -> bool {
    FUNCTION_WORD_SET.contains(word)
}

/// Whether `word`, in any case, is one of [`DEMONYMS`] ("french" too: the rules ask about
/// lowercase words, and compare without making the capitalised form). The list is ASCII, so a
/// word that is not is none of them, and an ASCII word is compared lowercased.
pub fn is_demonym(word: &str) -> bool {
    word.is_ascii() && DEMONYM_SET.contains(crate::text::Lowercase::of(word).as_str())
}

/// Whether `word` (as written) is one of [`CITIES`].
pub fn is_city(word: &str) -> bool {
    CITY_SET.contains(word)
}

/// Whether `word` (as written) is one of [`COUNTRIES`].
pub fn is_country(word: &str) -> bool {
    COUNTRY_SET.contains(word)
}

#[cfg(test)]
mod country_tests {
    /// The hash sets answer as a binary search of their lists did, for every entry and for
    /// every entry recased or with a letter more or less.
    #[test]
    fn the_sets_answer_as_a_search_of_their_lists() {
        let fold = |w: &str| w.to_ascii_lowercase();
        let check = |list: &[&str], asks: fn(&str) -> bool, any_case: bool| {
            for entry in list {
                let upper = entry.to_uppercase();
                let lower = entry.to_lowercase();
                let title = crate::text::capitalize(entry);
                let shorter = &entry[..entry.len() - 1];
                let longer = format!("{entry}s");
                for probe in [*entry, &upper, &lower, &title, shorter, &longer, "", "\u{212A}"] {
                    let searched = if any_case {
                        list.binary_search_by(|d| fold(d).cmp(&fold(probe))).is_ok()
                    } else {
                        list.binary_search(&probe).is_ok()
                    };
                    assert_eq!(asks(probe), searched, "{probe:?}");
                }
            }
        };
        check(super::FUNCTION_WORDS, super::is_function_word, false);
        check(super::COUNTRIES, super::is_country, false);
        check(super::CITIES, super::is_city, false);
        check(super::DEMONYMS, super::is_demonym, true);
    }

    #[test]
    fn the_country_list_is_sorted_and_names_places() {
        assert!(super::COUNTRIES.windows(2).all(|w| w[0] < w[1]), "sorted, with no repeats");
        assert!(super::is_country("Ireland") && super::is_country("Zealand"));
        assert!(!super::is_country("ireland") && !super::is_country("Andrea"));
        assert!(super::DEMONYMS.windows(2).all(|w| w[0] < w[1]), "sorted, with no repeats");
        assert!(super::is_demonym("French") && super::is_demonym("french") && !super::is_demonym("France"));
        assert!(super::CITIES.windows(2).all(|w| w[0] < w[1]), "sorted, with no repeats");
        assert!(super::is_city("Berlin") && !super::is_city("Reading") && !super::is_country("Berlin"));
        assert!(super::FUNCTION_WORDS.windows(2).all(|w| w[0] < w[1]), "sorted, with no repeats");
        assert!(super::is_function_word("now") && super::is_function_word("the") && !super::is_function_word("page"));
    }
}
