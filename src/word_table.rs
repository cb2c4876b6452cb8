//! A word table embedded in the binary: text whose lines open with a lowercase key and a tab,
//! and a hash index over the lines built at compile time (`build/indexes.rs`), whose 16-byte
//! slots hold each key's first eleven bytes, its length, where its line goes on and one byte of
//! the line's data. A look-up is a hash and a probe or two compared in the slots (the line is
//! read for a key longer than eleven bytes, or for the rest of it), with no allocation and
//! nothing parsed or relocated at start-up. The lexicon, the misspellings and the clickbait
//! model are such tables.

// `hash`, `filter_bits` and `slot_bytes`: the very code the build script indexed the tables with.
include!("../build/table_hash.rs");

/// One table: its text, its index (16-byte slots, see `build/indexes.rs`) and, optionally, a
/// Bloom filter of its keys (empty: none) that answers most misses.
#[derive(Clone, Copy)]
pub(crate) struct WordTable {
    pub source: &'static str,
    pub index: &'static Aligned<[u8]>,
    pub filter: &'static [u8],
}

/// Bytes on a cache line's boundary: an embedded index's 16-byte slots, each then on one line.
/// (`include_bytes!` gives no alignment: `&Aligned(*include_bytes!(…))` does.)
#[repr(C, align(64))]
pub(crate) struct Aligned<B: ?Sized>(pub B);

/// A key found: where the rest of its line starts in the table's text (after the tab), and the
/// byte its slot keeps for the line (the lexicon's case tiers).
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Hit {
    pub rest: usize,
    pub data: u8,
}

/// A slot's second eight bytes (see `slot_bytes`) as its length byte (0: an empty slot), where
/// the rest of its key's line starts, and its data byte.
#[inline]
fn slot_fields(second: u64) -> (u8, usize, u8) {
    ((second >> 24) as u8, (second >> 32) as usize & 0xFF_FFFF, (second >> 56) as u8)
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
        self.find(key).and_then(|hit| self.rest(hit))
    }

    /// [`get`](WordTable::get) for a word in any case.
    #[inline]
    pub fn get_any_case(&self, word: &str) -> Option<&'static str> {
        self.find_any_case(word).and_then(|hit| self.rest(hit))
    }

    /// The rest of a found key's line (and everything after it).
    #[inline]
    pub fn rest(&self, hit: Hit) -> Option<&'static str> {
        self.source.get(hit.rest..)
    }

    /// The slot of the lowercase `key`.
    #[inline]
    pub fn find(&self, key: &str) -> Option<Hit> {
        let bytes = key.as_bytes();
        self.probe(hash(bytes), bytes, |word| word, |line_key| line_key == bytes)
    }

    /// [`find`](WordTable::find) for a word in any case. An ASCII word is hashed and compared
    /// as its lowercase without being copied (keys are lowercase, so a key equal to the word
    /// ignoring ASCII case is the word's lowercase).
    #[inline]
    pub fn find_any_case(&self, word: &str) -> Option<Hit> {
        // Whether the word is ASCII comes with the hash: its bytes or-ed have no top bit set.
        let bytes = word.as_bytes();
        let (hash, bits) = hash_mapped_and_bits(bytes, ascii_lowercase_word);
        if bits & crate::text::ASCII_HIGH_BITS == 0 {
            return self.probe(hash, bytes, ascii_lowercase_word, |line_key| line_key.eq_ignore_ascii_case(bytes));
        }
        self.find(&word.to_lowercase())
    }

    /// The slot of the key that hashes to `hash` and is `word` with `map` applied to each eight
    /// bytes: its first eleven bytes and length compared in the slot (see [`inline_key`]), the
    /// rest by `is_key` on its line.
    #[inline]
    fn probe(&self, hash: u64, word: &[u8], map: impl Fn(u64) -> u64, is_key: impl Fn(&[u8]) -> bool) -> Option<Hit> {
        let slots = self.index.0.len() / 16;
        let len = word.len();
        // (keys are 1 to 255 bytes long)
        if !(1..=255).contains(&len) || slots == 0 || !slots.is_power_of_two() || self.filtered_out(hash) {
            return None;
        }
        let inline = inline_key(word, map);
        let mut slot = (hash as usize) & (slots - 1);
        for _ in 0..slots {
            let bytes: &[u8; 16] = self.index.0.get(slot * 16..slot * 16 + 16)?.try_into().ok()?;
            let first = u64::from_le_bytes(bytes[..8].try_into().ok()?);
            let second = u64::from_le_bytes(bytes[8..].try_into().ok()?);
            let (length, rest, data) = slot_fields(second);
            if length == 0 {
                return None;
            }
            if first == inline[0] && second as u32 == inline[1] as u32 {
                let whole = len <= SLOT_KEY_BYTES
                    || self.source.as_bytes().get(rest.wrapping_sub(len + 1)..rest.wrapping_sub(1)).is_some_and(&is_key);
                if whole {
                    return Some(Hit { rest, data });
                }
            }
            slot = (slot + 1) & (slots - 1);
        }
        None
    }
}

/// A key's first [`SLOT_KEY_BYTES`] bytes, each eight `map`ped, and its length, as a slot's
/// first twelve bytes hold them (see `slot_bytes`): the first eight as a little-endian word,
/// then the next three (zero after the key's end) with the length in the byte after them.
#[inline]
fn inline_key(bytes: &[u8], map: impl Fn(u64) -> u64) -> [u64; 2] {
    let n = bytes.len().min(SLOT_KEY_BYTES);
    let (head, tail) = bytes[..n].split_at(n.min(8));
    let first = match <[u8; 8]>::try_from(head) {
        Ok(eight) => u64::from_le_bytes(eight),
        Err(_) => tail_word(head),
    };
    [map(first), map(tail_word(tail)) | (bytes.len().min(255) as u64) << 24]
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
        assert_eq!(table.get(&"a".repeat(300)), None);
    }

    /// A key is its slot's eleven bytes and length, and its line's bytes after them: words that
    /// share a long key's first eleven bytes, or its length too, are other words.
    #[test]
    fn a_long_key_is_compared_past_its_slot() {
        let table = crate::lexicon::TABLE;
        let keys: std::collections::HashSet<&str> = table.source.lines().map(|l| l.split('\t').next().unwrap()).collect();
        let long: Vec<&str> = keys.iter().copied().filter(|k| k.len() > 12 && k.is_ascii()).take(2_000).collect();
        assert_eq!(long.len(), 2_000);
        for key in long {
            assert!(table.find_any_case(&key.to_ascii_uppercase()).is_some(), "{key}");
            // the same first eleven bytes and length, another last byte
            let last = key.as_bytes()[key.len() - 1];
            let other = format!("{}{}", &key[..key.len() - 1], if last == b'q' { 'x' } else { 'q' });
            assert_eq!(table.find_any_case(&other).is_some(), keys.contains(other.as_str()), "{other}");
            // even probed from the key's own slot (as a word that shared its hash would be)
            let from_key = table.probe(hash(key.as_bytes()), other.as_bytes(), |w| w, |line_key| line_key == other.as_bytes());
            assert_eq!(from_key, None, "{other}");
            // a byte fewer, a byte more
            let shorter = &key[..key.len() - 1];
            assert_eq!(table.find(shorter).is_some(), keys.contains(shorter), "{shorter}");
            let longer = format!("{key}s");
            assert_eq!(table.find(&longer).is_some(), keys.contains(longer.as_str()), "{longer}");
        }
    }

    /// A word's inline key and a slot's fields read back what the build script's `slot_bytes`
    /// wrote: keys of every length from 1 to 255 (and one past the eleven kept bytes of each).
    #[test]
    fn slots_read_back_what_the_build_script_writes() {
        for len in 1..=255usize {
            let key: Vec<u8> = (0..len).map(|i| b'a' + (i * 7 % 26) as u8).collect();
            let (rest, data) = (len * 4_099 % (1 << 24), (len * 37) as u8);
            let slot = slot_bytes(&key, rest, data);
            let first = u64::from_le_bytes(slot[..8].try_into().unwrap());
            let second = u64::from_le_bytes(slot[8..].try_into().unwrap());
            let inline = inline_key(&key, |w| w);
            assert_eq!(first, inline[0], "{len}");
            assert_eq!(second as u32, inline[1] as u32, "{len}");
            assert_eq!(slot_fields(second), (len as u8, rest, data), "{len}");
            // an uppercase word's inline key, lowercased, is the lowercase key's
            assert_eq!(inline_key(&key.to_ascii_uppercase(), ascii_lowercase_word), inline, "{len}");
        }
    }

    /// The indexes are on cache-line boundaries, so that no 16-byte slot spans two lines.
    #[test]
    fn the_slots_are_aligned() {
        for table in [crate::lexicon::TABLE, crate::misspellings::TABLE] {
            assert_eq!(table.index.0.as_ptr() as usize % 64, 0);
            assert_eq!(table.index.0.len() % 16, 0);
            assert!((table.index.0.len() / 16).is_power_of_two());
        }
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
