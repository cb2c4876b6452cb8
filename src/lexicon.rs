//! An English lexicon with case knowledge, embedded in the binary (no download at run time).
//!
//! Built by `scripts/build-lexicon.py` from the SCOWL word lists (American and British, sizes
//! small/medium/large; licence in `src/lexicon/README.md`): about 134,000 words keyed by their
//! lowercase form, each with the ways English writes it and how common each way is. Rules use it
//! to tell a proper noun ("Japan": only ever capitalised) from a common word ("bank"), a word
//! that is both ("china"/"China", "bill"/"Bill", "march"/"March") from either, and a word from a
//! non-word ("Kishida" is in no lexicon, so the document's own evidence has to decide).
//!
//! The table is parsed once per process on first use (a few milliseconds); a look-up is one
//! hash probe with no allocation for words of up to 64 bytes.

use rustc_hash::FxHashMap;
use std::sync::LazyLock;

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

static TABLE: LazyLock<FxHashMap<&'static str, Entry>> = LazyLock::new(|| {
    let mut table = FxHashMap::with_capacity_and_hasher(140_000, Default::default());
    for line in SOURCE.lines() {
        let mut fields = line.split('\t');
        let (Some(key), Some(flags)) = (fields.next(), fields.next()) else { continue };
        let flags = flags.as_bytes();
        if flags.len() != 3 {
            continue;
        }
        let entry = Entry {
            lower: Tier::from_digit(flags[0]),
            capitalized: Tier::from_digit(flags[1]),
            other: Tier::from_digit(flags[2]),
            spelling: fields.next(),
        };
        table.insert(key, entry);
    }
    table
});

/// The entry for a word in any case ("Japan", "japan", "JAPAN" all find `japan`).
pub fn lookup(word: &str) -> Option<Entry> {
    let mut buffer = [0u8; 64];
    if word.is_ascii() && word.len() <= buffer.len() {
        let bytes = &mut buffer[..word.len()];
        bytes.copy_from_slice(word.as_bytes());
        bytes.make_ascii_lowercase();
        let key = std::str::from_utf8(bytes).ok()?;
        return TABLE.get(key).copied();
    }
    TABLE.get(word.to_lowercase().as_str()).copied()
}

/// Whether the lexicon knows the word in any spelling.
pub fn is_word(word: &str) -> bool {
    lookup(word).is_some()
}

/// Whether the word, as written in lowercase, is an English word ("bank" yes, "kishida" no).
pub fn is_lowercase_word(word: &str) -> bool {
    lookup(word).is_some_and(|e| e.lower.is_some())
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn unknown_words_and_odd_input() {
        assert!(lookup("kishida").is_none());
        assert!(lookup("").is_none());
        assert!(!is_word("zzqx"));
        assert!(is_word("Zürich") || !is_word("Zürich")); // non-ASCII goes the slow way, no panic
        assert!(lookup(&"a".repeat(200)).is_none());
        assert!(is_lowercase_word("the"));
        assert!(!is_lowercase_word("Britain"));
    }
}
