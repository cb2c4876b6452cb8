//! What each of 64 bytes of text is, one bit per byte: the tokenizer finds where a word starts
//! and ends with a count of zero bits and reads its shape from a few masks, the normaliser
//! copies runs of letters, and `count_words` counts word starts, where each branched on every
//! byte and mispredicted the exit at every word's end. SSE2 (part of x86-64's baseline) reads
//! sixteen bytes at a time; elsewhere a byte-at-a-time builder, which the tests hold SSE2's to.

/// Facts about up to 64 consecutive bytes: bit `i` of each mask is byte `i`. A byte past the
/// end of the text has no bit set anywhere.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct ByteMasks {
    pub digit: u64,
    pub upper: u64,
    pub lower: u64,
    /// The placeholder of an invalid UTF-8 byte, a word character that is no letter.
    pub placeholder: u64,
    pub hyphen: u64,
    pub dot: u64,
    pub apostrophe: u64,
    /// A byte of a non-ASCII character (its top bit set).
    pub non_ascii: u64,
}

const PLACEHOLDER: u8 = super::PLACEHOLDER as u8;

impl ByteMasks {
    /// The masks of the first 64 bytes of `bytes` (fewer when it is shorter).
    #[inline]
    pub fn of(bytes: &[u8]) -> ByteMasks {
        on_chunk(bytes, Self::of_chunk)
    }

    /// ASCII letters and digits.
    #[inline]
    pub fn alphanumeric(&self) -> u64 {
        self.digit | self.upper | self.lower
    }

    /// What the tokenizer takes into a word without looking further: letters, digits and the
    /// placeholder.
    #[inline]
    pub fn word(&self) -> u64 {
        self.alphanumeric() | self.placeholder
    }

    /// The marks that join two runs of letters or digits into one word (don't, co-op, 49.1).
    #[inline]
    pub fn joiner(&self) -> u64 {
        self.hyphen | self.dot | self.apostrophe
    }

    #[cfg(target_arch = "x86_64")]
    #[inline]
    fn of_chunk(chunk: &[u8; 64]) -> ByteMasks {
        // SAFETY: SSE2 is part of x86-64's baseline: every x86-64 processor has it.
        unsafe { Self::of_chunk_sse2(chunk) }
    }

    /// Sixteen bytes at a time.
    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "sse2")]
    fn of_chunk_sse2(chunk: &[u8; 64]) -> ByteMasks {
        use sse2::{bits, is, within};
        use std::arch::x86_64::{__m128i, _mm_loadu_si128};
        let mut masks = ByteMasks::default();
        for (lane, bytes) in chunk.chunks_exact(16).enumerate() {
            // SAFETY: `bytes` is 16 bytes long, and the load has no alignment requirement.
            let v = unsafe { _mm_loadu_si128(bytes.as_ptr().cast::<__m128i>()) };
            let at = lane * 16;
            masks.digit |= within(v, b'0', b'9') << at;
            masks.upper |= within(v, b'A', b'Z') << at;
            masks.lower |= within(v, b'a', b'z') << at;
            masks.placeholder |= is(v, PLACEHOLDER) << at;
            masks.hyphen |= is(v, b'-') << at;
            masks.dot |= is(v, b'.') << at;
            masks.apostrophe |= is(v, b'\'') << at;
            masks.non_ascii |= bits(v) << at;
        }
        masks
    }

    #[cfg(not(target_arch = "x86_64"))]
    #[inline]
    fn of_chunk(chunk: &[u8; 64]) -> ByteMasks {
        Self::of_chunk_bytewise(chunk)
    }

    /// One byte at a time: the other processors' way, and what the tests hold SSE2's to.
    #[cfg_attr(target_arch = "x86_64", allow(dead_code))]
    fn of_chunk_bytewise(chunk: &[u8; 64]) -> ByteMasks {
        let mut masks = ByteMasks::default();
        for (i, &b) in chunk.iter().enumerate() {
            let bit = 1u64 << i;
            let set = |mask: &mut u64, on: bool| *mask |= if on { bit } else { 0 };
            set(&mut masks.digit, b.is_ascii_digit());
            set(&mut masks.upper, b.is_ascii_uppercase());
            set(&mut masks.lower, b.is_ascii_lowercase());
            set(&mut masks.placeholder, b == PLACEHOLDER);
            set(&mut masks.hyphen, b == b'-');
            set(&mut masks.dot, b == b'.');
            set(&mut masks.apostrophe, b == b'\'');
            set(&mut masks.non_ascii, !b.is_ascii());
        }
        masks
    }
}

/// The white space (`char::is_whitespace` of an ASCII byte: tab to carriage return, and
/// space) and the non-ASCII bytes of up to 64 bytes, one bit per byte: all that counting words
/// needs, without the other masks.
pub(crate) fn white_space(bytes: &[u8]) -> (u64, u64) {
    on_chunk(bytes, white_space_of_chunk)
}

/// `scan` of the first 64 bytes of `bytes`, read in place, or copied after zero bytes when
/// fewer: a zero byte is in no mask, so padding the text's end with them adds nothing.
#[inline]
fn on_chunk<T>(bytes: &[u8], scan: impl Fn(&[u8; 64]) -> T) -> T {
    match bytes.first_chunk::<64>() {
        Some(chunk) => scan(chunk),
        None => {
            let mut chunk = [0u8; 64];
            chunk[..bytes.len().min(64)].copy_from_slice(bytes);
            scan(&chunk)
        }
    }
}

#[cfg(target_arch = "x86_64")]
#[inline]
fn white_space_of_chunk(chunk: &[u8; 64]) -> (u64, u64) {
    // SAFETY: SSE2 is part of x86-64's baseline: every x86-64 processor has it.
    unsafe { white_space_sse2(chunk) }
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "sse2")]
fn white_space_sse2(chunk: &[u8; 64]) -> (u64, u64) {
    use sse2::{bits, is, within};
    use std::arch::x86_64::{__m128i, _mm_loadu_si128};
    let (mut space, mut non_ascii) = (0, 0);
    for (lane, bytes) in chunk.chunks_exact(16).enumerate() {
        // SAFETY: `bytes` is 16 bytes long, and the load has no alignment requirement.
        let v = unsafe { _mm_loadu_si128(bytes.as_ptr().cast::<__m128i>()) };
        space |= (within(v, b'\t', b'\r') | is(v, b' ')) << (lane * 16);
        non_ascii |= bits(v) << (lane * 16);
    }
    (space, non_ascii)
}

/// The byte tests of sixteen bytes, each a mask of 16 bits (functions, not closures, each
/// with the target feature, so that calling the intrinsics in them is safe).
#[cfg(target_arch = "x86_64")]
mod sse2 {
    use std::arch::x86_64::{__m128i, _mm_add_epi8, _mm_cmpeq_epi8, _mm_cmplt_epi8, _mm_movemask_epi8, _mm_set1_epi8};

    /// The top bit of each byte.
    #[inline]
    #[target_feature(enable = "sse2")]
    pub fn bits(m: __m128i) -> u64 {
        u64::from(_mm_movemask_epi8(m) as u16)
    }

    /// The bytes equal to `b`.
    #[inline]
    #[target_feature(enable = "sse2")]
    pub fn is(v: __m128i, b: u8) -> u64 {
        bits(_mm_cmpeq_epi8(v, _mm_set1_epi8(b as i8)))
    }

    /// The bytes in `lo..=hi`: shifted so that `lo` is the least signed byte, then one signed
    /// comparison.
    #[inline]
    #[target_feature(enable = "sse2")]
    pub fn within(v: __m128i, lo: u8, hi: u8) -> u64 {
        let shifted = _mm_add_epi8(v, _mm_set1_epi8(0x80u8.wrapping_sub(lo) as i8));
        bits(_mm_cmplt_epi8(shifted, _mm_set1_epi8(0x80u8.wrapping_add(hi - lo + 1) as i8)))
    }
}

#[cfg(not(target_arch = "x86_64"))]
#[inline]
fn white_space_of_chunk(chunk: &[u8; 64]) -> (u64, u64) {
    white_space_bytewise(chunk)
}

#[cfg_attr(target_arch = "x86_64", allow(dead_code))]
fn white_space_bytewise(chunk: &[u8; 64]) -> (u64, u64) {
    let (mut space, mut non_ascii) = (0, 0);
    for (i, &b) in chunk.iter().enumerate() {
        space |= u64::from(matches!(b, b'\t'..=b'\r' | b' ')) << i;
        non_ascii |= u64::from(!b.is_ascii()) << i;
    }
    (space, non_ascii)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every byte value at every position of a chunk, and a text shorter than a chunk.
    #[test]
    fn the_masks_say_what_each_byte_is() {
        for shift in 0..=u8::MAX {
            let chunk: [u8; 64] = std::array::from_fn(|i| (i as u8).wrapping_mul(37).wrapping_add(shift));
            assert_eq!(ByteMasks::of(&chunk), ByteMasks::of_chunk_bytewise(&chunk), "{shift}");
        }
        let masks = ByteMasks::of(b"a-Z9.'\x1a\xc3\xa9");
        assert_eq!(masks.lower, 1);
        assert_eq!(masks.hyphen, 1 << 1);
        assert_eq!(masks.upper, 1 << 2);
        assert_eq!(masks.digit, 1 << 3);
        assert_eq!(masks.dot, 1 << 4);
        assert_eq!(masks.apostrophe, 1 << 5);
        assert_eq!(masks.placeholder, 1 << 6);
        assert_eq!(masks.non_ascii, 0b11 << 7);
        assert_eq!(masks.word(), 0b100_1101);
        assert_eq!(masks.joiner(), 0b11_0010);
    }

    /// The white space of every byte value at every position, and of a short text.
    #[test]
    fn the_white_space_mask_says_what_each_byte_is() {
        for shift in 0..=u8::MAX {
            let chunk: [u8; 64] = std::array::from_fn(|i| (i as u8).wrapping_mul(37).wrapping_add(shift));
            assert_eq!(white_space(&chunk), white_space_bytewise(&chunk), "{shift}");
        }
        assert_eq!(white_space(b"a b\t\r\n\x0b\x0c\x08\x0e\xc3\xa9"), (0b1111_1010, 0b11 << 10));
    }
}
