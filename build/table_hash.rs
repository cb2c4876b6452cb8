// The hash and the Bloom filter's bits of the embedded word tables, written once: the build
// script (`build/indexes.rs`) builds the index and filter with them and `src/word_table.rs`
// probes them, both by `include!`-ing this file, so the two sides cannot drift apart.

/// A 64-bit hash that takes the key eight bytes at a time (a byte-at-a-time hash such as FNV
/// spent a multiplication per byte of every word looked up), finished with MurmurHash3's
/// mixer, so that the index's low bits and the filter's high bits are all well spread.
#[inline]
fn hash(key: &[u8]) -> u64 {
    hash_mapped(key, |word| word)
}

/// [`hash`] of `key` with `map` applied to each eight-byte word (little-endian, the last one
/// padded with zero bytes), without building the mapped key: a word is looked up by its
/// lowercase without being copied. `map` must take a zero byte to a zero byte.
#[inline]
fn hash_mapped(key: &[u8], map: impl Fn(u64) -> u64) -> u64 {
    hash_mapped_and_bits(key, map).0
}

/// [`hash_mapped`], and every bit set in any byte of `key` (the eight-byte words or-ed): a
/// look-up learns whether a word is ASCII from the reads that hash it, with no second pass.
#[inline]
fn hash_mapped_and_bits(key: &[u8], map: impl Fn(u64) -> u64) -> (u64, u64) {
    const K: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut h = (key.len() as u64).wrapping_mul(K);
    let mut bits = 0;
    let mut chunks = key.chunks_exact(8);
    for chunk in &mut chunks {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let word = u64::from_le_bytes(word);
        bits |= word;
        h = (h ^ map(word)).wrapping_mul(K).rotate_left(31);
    }
    let tail = chunks.remainder();
    if !tail.is_empty() {
        let word = tail_word(tail);
        bits |= word;
        h = (h ^ map(word)).wrapping_mul(K).rotate_left(31);
    }
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    (h ^ (h >> 33), bits)
}

/// The one to seven bytes of `tail` as a little-endian word padded with zero bytes, from two
/// loads of four, two or one bytes that overlap (or-ing a byte in twice changes nothing): most
/// words are shorter than eight bytes, and copying a tail of any length was a call to memcpy
/// that branched on the length.
#[inline]
fn tail_word(tail: &[u8]) -> u64 {
    let n = tail.len();
    let four = |at: usize| {
        let mut b = [0u8; 4];
        b.copy_from_slice(&tail[at..at + 4]);
        u64::from(u32::from_le_bytes(b))
    };
    let two = |at: usize| u64::from(tail[at]) | u64::from(tail[at + 1]) << 8;
    match n {
        4.. => four(0) | four(n - 4) << (8 * (n - 4)),
        2.. => two(0) | two(n - 2) << (8 * (n - 2)),
        1 => u64::from(tail[0]),
        0 => 0,
    }
}

/// The two filter bits of a key's `hash` in a filter of `bits` bits (a power of two); the index
/// uses the hash's low bits. Rotated, not shifted: the second bit keeps a full range if the
/// filter ever grows past 2^20 bits.
#[inline]
fn filter_bits(hash: u64, bits: usize) -> [usize; 2] {
    [(hash >> 24) as usize & (bits - 1), hash.rotate_right(44) as usize & (bits - 1)]
}

/// The bytes of a key that its index slot holds; a longer key's rest is compared on its line.
const SLOT_KEY_BYTES: usize = 11;

/// An index slot, 16 bytes: a key's first [`SLOT_KEY_BYTES`] bytes (zero after its end), its
/// length (one byte, 1 to 255; 0 marks an empty slot), where the rest of its line starts after
/// the tab (three bytes, little-endian), and one byte the table gives the line. Read as two
/// little-endian words, the second holds the length in bits 24–31, the rest's place in bits
/// 32–55 and the byte in bits 56–63. (The build script writes the slots with it; the library
/// reads them, and its tests hold the reading to this writing.)
#[allow(dead_code)]
fn slot_bytes(key: &[u8], rest: usize, data: u8) -> [u8; 16] {
    let mut slot = [0u8; 16];
    let inline = key.len().min(SLOT_KEY_BYTES);
    slot[..inline].copy_from_slice(&key[..inline]);
    slot[SLOT_KEY_BYTES] = key.len() as u8;
    slot[12..15].copy_from_slice(&(rest as u32).to_le_bytes()[..3]);
    slot[15] = data;
    slot
}
