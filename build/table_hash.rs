// The hash and the Bloom filter's bits of the embedded word tables, written once: the build
// script (`build/indexes.rs`) builds the index and filter with them and `src/word_table.rs`
// probes them, both by `include!`-ing this file, so the two sides cannot drift apart.

/// FNV-1a, 64 bits.
#[inline]
fn hash(key: &[u8]) -> u64 {
    hash_mapped(key, |b| b)
}

/// [`hash`] of `key` with `map` applied to each byte, without building the mapped key: a word
/// is looked up by its lowercase without being copied.
#[inline]
fn hash_mapped(key: &[u8], map: impl Fn(u8) -> u8) -> u64 {
    key.iter().fold(0xcbf2_9ce4_8422_2325u64, |h, &b| (h ^ u64::from(map(b))).wrapping_mul(0x0000_0100_0000_01b3))
}

/// The two filter bits of a key's `hash` in a filter of `bits` bits (a power of two); the index
/// uses the hash's low bits. Rotated, not shifted: the second bit keeps a full range if the
/// filter ever grows past 2^20 bits.
#[inline]
fn filter_bits(hash: u64, bits: usize) -> [usize; 2] {
    [(hash >> 24) as usize & (bits - 1), hash.rotate_right(44) as usize & (bits - 1)]
}
