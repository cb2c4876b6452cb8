//! A word table embedded in the binary: text whose lines open with a lowercase key and a tab,
//! and a hash index over the lines built at compile time (`build/indexes.rs`). A look-up is a
//! hash, a probe or two and one key comparison in place, with no allocation and nothing parsed
//! or relocated at start-up. The lexicon and the misspellings are two such tables.

// `hash` and `filter_bits`: the very code the build script indexed the tables with.
include!("../build/table_hash.rs");

/// One table: its text, its index (u32 little-endian slots, 0 empty, else a line's offset + 1)
/// and, optionally, a Bloom filter of its keys (empty: none) that answers most misses.
#[derive(Clone, Copy)]
pub(crate) struct WordTable {
    pub source: &'static str,
    pub index: &'static [u8],
    pub filter: &'static [u8],
}

impl WordTable {
    /// Whether the filter rules `hash` out (the build script set these two bits per key).
    #[inline]
    fn filtered_out(&self, hash: u64) -> bool {
        let bits = self.filter.len() * 8;
        if bits == 0 || !bits.is_power_of_two() {
            return false;
        }
        filter_bits(hash, bits).iter().any(|&bit| self.filter[bit / 8] & (1 << (bit % 8)) == 0)
    }

    /// The source from just after the tab of the line keyed by the lowercase `key`: the rest
    /// of that line and everything after it (callers stop at its newline).
    #[inline]
    pub fn get(&self, key: &str) -> Option<&'static str> {
        self.probe(hash(key.as_bytes()), key.len(), |line_key| line_key == key.as_bytes())
    }

    /// [`get`](WordTable::get) for a word in any case. An ASCII word is hashed and compared
    /// as its lowercase without being copied (keys are lowercase, so a key equal to the word
    /// ignoring ASCII case is the word's lowercase).
    #[inline]
    pub fn get_any_case(&self, word: &str) -> Option<&'static str> {
        // Whether the word is ASCII comes with the hash: its bytes or-ed have no top bit set.
        let bytes = word.as_bytes();
        let (hash, bits) = hash_mapped_and_bits(bytes, ascii_lowercase_word);
        if bits & crate::text::ASCII_HIGH_BITS == 0 {
            return self.probe(hash, bytes.len(), |line_key| line_key.eq_ignore_ascii_case(bytes));
        }
        self.get(&word.to_lowercase())
    }

    /// The rest of the line (after its tab) whose key is `len` bytes long, hashes to `hash` and
    /// satisfies `is_key`. A tab is ASCII, so the answer starts on a character boundary.
    #[inline]
    fn probe(&self, hash: u64, len: usize, is_key: impl Fn(&[u8]) -> bool) -> Option<&'static str> {
        let slots = self.index.len() / 4;
        if slots == 0 || !slots.is_power_of_two() || self.filtered_out(hash) {
            return None;
        }
        let mut slot = (hash as usize) & (slots - 1);
        for _ in 0..slots {
            let bytes: [u8; 4] = self.index[slot * 4..slot * 4 + 4].try_into().ok()?;
            let offset = u32::from_le_bytes(bytes) as usize;
            if offset == 0 {
                return None;
            }
            let line = self.source.get(offset - 1..)?.as_bytes();
            if line.get(len) == Some(&b'\t') && is_key(&line[..len]) {
                return self.source.get(offset + len..);
            }
            slot = (slot + 1) & (slots - 1);
        }
        None
    }
}

/// The ASCII lowercase of eight ASCII bytes at once: a byte from `A` to `Z` gains 0x20. For a
/// byte under 0x80, adding 0x3F sets its top bit from `A` up and adding 0x25 from `[` up, and
/// neither sum carries into the next byte.
#[inline]
fn ascii_lowercase_word(word: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    let upper = word.wrapping_add(0x3F * ONES) & !word.wrapping_add(0x25 * ONES) & (0x80 * ONES);
    word | (upper >> 2)
}

/// Whether two byte strings are equal: up to eight bytes with two overlapping loads each and
/// no call (a memcmp call, for the short words that are nearly all the keys of a document's
/// word maps, cost more than the comparison), longer ones as slices.
#[inline]
pub(crate) fn same_bytes(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && if a.len() <= 8 { tail_word(a) == tail_word(b) } else { a == b }
}

/// A thread's recent answers from one table, for words of up to sixteen ASCII bytes, in any
/// case: a direct-mapped cache of `SLOTS` entries keyed by the word's lowercase. A table is
/// megabytes (index, filter, lines) that a look-up touches at three random places, so even the
/// everyday words of the articles one thread goes through miss the processor's caches at each
/// look-up; their answers here stay in them.
pub(crate) struct Recent<T, const SLOTS: usize> {
    slots: Box<[RecentSlot<T>]>,
}

/// One slot: aligned to 32 bytes, so that a slot of up to 32 bytes (an answer of up to 15)
/// is never split across two cache lines: a hit reads one line.
#[derive(Clone, Copy)]
#[repr(C, align(32))]
struct RecentSlot<T> {
    /// The lowercase word as two little-endian words padded with zero bytes; length 0: empty.
    key: [u64; 2],
    len: u8,
    answer: T,
}

impl<T: Copy + Default, const SLOTS: usize> Recent<T, SLOTS> {
    pub fn new() -> Self {
        const { assert!(SLOTS.is_power_of_two(), "a power of two of slots") };
        Recent { slots: vec![RecentSlot { key: [0; 2], len: 0, answer: T::default() }; SLOTS].into_boxed_slice() }
    }

    /// The answer for `word`, from the cache or else from `look_up` (then kept). `look_up`
    /// must answer the same for a word in any ASCII case.
    #[inline]
    pub fn get_or(&mut self, word: &str, look_up: impl FnOnce() -> T) -> T {
        let bytes = word.as_bytes();
        if bytes.is_empty() || bytes.len() > 16 {
            return look_up();
        }
        let (head, tail) = bytes.split_at(bytes.len().min(8));
        let key = [tail_word(head), if tail.is_empty() { 0 } else { tail_word(tail) }];
        if (key[0] | key[1]) & crate::text::ASCII_HIGH_BITS != 0 {
            return look_up();
        }
        let key = key.map(ascii_lowercase_word);
        let mixed = (key[0] ^ key[1].rotate_left(29) ^ bytes.len() as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        let slot = &mut self.slots[(mixed >> 40) as usize & (SLOTS - 1)];
        if slot.key == key && usize::from(slot.len) == bytes.len() {
            return slot.answer;
        }
        let answer = look_up();
        *slot = RecentSlot { key, len: bytes.len() as u8, answer };
        answer
    }
}

/// The first line of `rest` (as [`WordTable::get`] returns it), without its newline.
#[inline]
pub(crate) fn first_line(rest: &'static str) -> &'static str {
    &rest[..memchr::memchr(b'\n', rest.as_bytes()).unwrap_or(rest.len())]
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `same_bytes` is slice equality: for every length up to 12, equal strings and strings that
    /// differ in one byte (at each position, by each bit), and strings of different lengths.
    #[test]
    fn same_bytes_is_slice_equality() {
        for len in 0..=12usize {
            let a: Vec<u8> = (0..len).map(|i| b'a' + i as u8).collect();
            assert!(same_bytes(&a, &a.clone()));
            for at in 0..len {
                for bit in 0..8 {
                    let mut b = a.clone();
                    b[at] ^= 1 << bit;
                    assert!(!same_bytes(&a, &b), "{a:?} {b:?}");
                }
            }
            let mut longer = a.clone();
            longer.push(0);
            assert!(!same_bytes(&a, &longer));
        }
    }

    /// The cache answers what the look-up answers, for a word in any case, asks the look-up
    /// once per word while it stays cached, and never caches what it cannot key.
    #[test]
    fn recent_answers_are_the_look_ups_answers() {
        let mut recent: Recent<Option<usize>, 8> = Recent::new();
        let mut asked = 0;
        let mut ask = |recent: &mut Recent<Option<usize>, 8>, word: &str| {
            recent.get_or(word, || {
                asked += 1;
                Some(word.to_lowercase().len())
            })
        };
        assert_eq!(ask(&mut recent, "Japan"), Some(5));
        assert_eq!(ask(&mut recent, "JAPAN"), Some(5));
        assert_eq!(ask(&mut recent, "japan"), Some(5));
        for word in ["", "an", "abcdefgh", "abcdefghi", "abcdefghijklmnop", "abcdefghijklmnopq", "Zürich", "Zürich"] {
            let want = if word.is_empty() { Some(0) } else { Some(word.to_lowercase().len()) };
            assert_eq!(ask(&mut recent, word), want, "{word:?}");
        }
        // "Japan" once; every other word once, except what is never cached: the empty word,
        // seventeen bytes and non-ASCII (asked each time).
        assert_eq!(asked, 1 + 8);
        // Words that differ only past the eighth byte or in length are different keys.
        let mut lengths: Recent<usize, 64> = Recent::new();
        assert_eq!(lengths.get_or("abcdefghij", || 1), 1);
        assert_eq!(lengths.get_or("abcdefghik", || 2), 2);
        assert_eq!(lengths.get_or("abcdefgh", || 3), 3);
        assert_eq!(lengths.get_or("abcdefghij", || 4), 1);
    }

    #[test]
    fn every_key_of_both_tables_is_found_at_its_own_line() {
        for table in [crate::lexicon::TABLE, crate::misspellings::TABLE] {
            let mut n = 0;
            for line in table.source.lines() {
                let (key, rest) = line.split_once('\t').unwrap();
                assert_eq!(table.get(key).map(first_line), Some(rest), "{key}");
                // keys are lowercase, so the case-blind look-up finds each as it is
                assert_eq!(table.get_any_case(key).map(first_line), Some(rest), "{key}");
                if key.is_ascii() {
                    assert_eq!(table.get_any_case(&key.to_ascii_uppercase()).map(first_line), Some(rest), "{key}");
                }
                n += 1;
            }
            assert!(n > 50_000, "{n} lines");
        }
    }

    #[test]
    fn the_lowercase_hash_is_the_hash_of_the_lowercase() {
        for word in ["", "a", "Z", "@[`{", "Sence", "HELLO world", "ABCDEFGH", "abcdefghI", "Mc-Donald's 2024 XYZ", "\x7f~ZzAa"] {
            assert_eq!(hash_mapped(word.as_bytes(), ascii_lowercase_word), hash(word.to_ascii_lowercase().as_bytes()), "{word}");
        }
        for b in 0..0x80u8 {
            let word = u64::from_le_bytes([b, b'Q', 0x7f, b, b'a', 0, b'@', b]);
            let lower =
                u64::from_le_bytes([b.to_ascii_lowercase(), b'q', 0x7f, b.to_ascii_lowercase(), b'a', 0, b'@', b.to_ascii_lowercase()]);
            assert_eq!(ascii_lowercase_word(word), lower, "{b}");
        }
    }

    /// A tail of one to seven bytes read with overlapping loads is the tail copied into a
    /// zeroed word, and the bits or-ed over a key are its bytes or-ed.
    #[test]
    fn tail_words_and_key_bits_are_the_bytes() {
        let bytes: Vec<u8> = (0u8..=255).map(|b| b.wrapping_mul(167).wrapping_add(13)).collect();
        for start in 0..64 {
            for n in 0..=24 {
                let key = &bytes[start..start + n];
                let tail = &key[n - n % 8..];
                let mut word = [0u8; 8];
                word[..tail.len()].copy_from_slice(tail);
                assert_eq!(tail_word(tail), u64::from_le_bytes(word), "{key:?}");
                let or = key.iter().fold(0u8, |a, &b| a | b);
                let (_, bits) = hash_mapped_and_bits(key, |w| w);
                assert_eq!(bits.to_le_bytes().iter().fold(0u8, |a, &b| a | b), or, "{key:?}");
                assert_eq!(hash_mapped_and_bits(key, |w| w).0, hash(key));
            }
        }
    }

    #[test]
    fn a_missing_key_or_a_prefix_of_one_is_not_found() {
        let table = crate::misspellings::TABLE;
        assert_eq!(table.get("the"), None);
        assert_eq!(table.get(""), None);
        assert_eq!(table.get("sen"), None);
        assert_eq!(table.get_any_case("SENCE"), table.get("sence"));
        assert!(table.get("sence").is_some());
    }

    #[test]
    fn the_filter_passes_every_key_and_rules_out_most_other_words() {
        let table = crate::misspellings::TABLE;
        assert!(!table.filter.is_empty());
        assert!(table.source.lines().all(|line| !table.filtered_out(hash(line.split('\t').next().unwrap().as_bytes()))));
        // Words of the lexicon that are not misspellings: the filter answers nearly all.
        let (mut words, mut passed) = (0, 0);
        for line in crate::lexicon::TABLE.source.lines().take(20_000) {
            let key = line.split('\t').next().unwrap();
            if table.get(key).is_none() {
                words += 1;
                passed += usize::from(!table.filtered_out(hash(key.as_bytes())));
            }
        }
        assert!(passed * 100 < words * 6, "{passed} of {words} passed the filter");
    }
}
