//! What a word's characters are ([`Shape`]), found once, while the tokenizer reads the word.

/// What a word's characters are, found once when the word is made (the tokenizer reads them
/// anyway), so that the rules, which look at every word, test a bit where each used to scan
/// the word's bytes again: a loop per word and rule whose exit the processor mispredicts.
/// Each fact is about the whole word, exactly as the function named beside it says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shape(u16);

impl Shape {
    const ASCII: u16 = 1;
    const DIGIT: u16 = 1 << 1;
    const HYPHEN: u16 = 1 << 2;
    const LETTERS: u16 = 1 << 3;
    const LOWERCASE: u16 = 1 << 4;
    const STARTS_LOWER: u16 = 1 << 5;
    const STARTS_UPPER: u16 = 1 << 6;
    const INNER_UPPER: u16 = 1 << 7;
    /// Nothing known: a word past [`Word::fits`](super::Word::fits)'s limits, which no rule
    /// sees.
    pub const UNKNOWN: Shape = Shape(0);

    /// The shape of `word`: an ASCII word from its byte classes, any other with the functions
    /// the facts are named after.
    pub fn of(word: &str) -> Shape {
        let Some((&first, rest)) = word.as_bytes().split_first() else { return Shape::UNKNOWN };
        let (mut later, mut all) = (0u8, u8::MAX);
        for &b in rest {
            later |= class(b);
            all &= class(b);
        }
        Shape::from_classes(class(first), later, all).unwrap_or_else(|| Shape::of_unicode(word))
    }

    /// The shape of an ASCII word from the [`class`]es of its first byte, of any later byte
    /// (or-ed) and of every later byte (and-ed; `u8::MAX` for none). `None` when a byte is not
    /// ASCII: then [`Shape::of`] reads the word's characters.
    pub(super) fn from_classes(first: u8, later: u8, all_later: u8) -> Option<Shape> {
        if (first | later) & NON_ASCII != 0 {
            return None;
        }
        let (any, all) = (first | later, first & all_later);
        let bit = |on: bool, flag: u16| if on { flag } else { 0 };
        Some(Shape(
            Self::ASCII
                | bit(any & DIGIT != 0, Self::DIGIT)
                | bit(any & HYPHEN != 0, Self::HYPHEN)
                | bit(all & LETTER != 0, Self::LETTERS)
                | bit(all & LOWER != 0, Self::LOWERCASE)
                | bit(first & LOWER != 0, Self::STARTS_LOWER)
                | bit(first & UPPER != 0, Self::STARTS_UPPER)
                | bit(later & UPPER != 0, Self::INNER_UPPER),
        ))
    }

    /// The shape of an ASCII word whose bytes are the bits `word` of `masks`, its first byte
    /// bit `first`: each fact a test of the masks, where [`Shape::from_classes`] folds a
    /// class per byte.
    #[inline]
    pub(super) fn of_masks(masks: &crate::text::byte_masks::ByteMasks, first: u32, word: u64) -> Shape {
        let bit = |on: bool, flag: u16| if on { flag } else { 0 };
        let letters = masks.upper | masks.lower;
        Shape(
            Self::ASCII
                | bit(masks.digit & word != 0, Self::DIGIT)
                | bit(masks.hyphen & word != 0, Self::HYPHEN)
                | bit(letters & word == word, Self::LETTERS)
                | bit(masks.lower & word == word, Self::LOWERCASE)
                | bit(masks.lower >> first & 1 != 0, Self::STARTS_LOWER)
                | bit(masks.upper >> first & 1 != 0, Self::STARTS_UPPER)
                | bit(masks.upper & word & !(1 << first) != 0, Self::INNER_UPPER),
        )
    }

    fn of_unicode(word: &str) -> Shape {
        let bit = |on: bool, flag: u16| if on { flag } else { 0 };
        Shape(
            bit(word.bytes().any(|b| b.is_ascii_digit()), Self::DIGIT)
                | bit(word.contains(['-', '‐']), Self::HYPHEN)
                | bit(word.chars().all(crate::text::is_alphabetic), Self::LETTERS)
                | bit(word.chars().all(char::is_lowercase), Self::LOWERCASE)
                | bit(crate::text::starts_lower(word), Self::STARTS_LOWER)
                | bit(crate::text::starts_upper(word), Self::STARTS_UPPER)
                | bit(crate::text::has_inner_upper(word), Self::INNER_UPPER),
        )
    }

    fn has(self, flag: u16) -> bool {
        self.0 & flag != 0
    }
    /// Every byte ASCII (`str::is_ascii`).
    pub fn ascii(self) -> bool {
        self.has(Self::ASCII)
    }
    /// An ASCII digit somewhere (`u8::is_ascii_digit`).
    pub fn has_digit(self) -> bool {
        self.has(Self::DIGIT)
    }
    /// A `-` or `‐` somewhere: more than one [`name_parts`](crate::analysis::name_parts).
    pub fn has_hyphen(self) -> bool {
        self.has(Self::HYPHEN)
    }
    /// Letters only (`char::is_alphabetic`): no apostrophe, hyphen, dot or digit, so the
    /// word is its own only part.
    pub fn letters(self) -> bool {
        self.has(Self::LETTERS)
    }
    /// Every character lowercase (`char::is_lowercase`).
    pub fn lowercase(self) -> bool {
        self.has(Self::LOWERCASE)
    }
    /// [`crate::text::starts_lower`].
    pub fn starts_lower(self) -> bool {
        self.has(Self::STARTS_LOWER)
    }
    /// [`crate::text::starts_upper`].
    pub fn starts_upper(self) -> bool {
        self.has(Self::STARTS_UPPER)
    }
    /// [`crate::text::has_inner_upper`].
    pub fn inner_upper(self) -> bool {
        self.has(Self::INNER_UPPER)
    }
    /// [`crate::text::is_capitalized`]: an uppercase first character and none after it.
    pub fn capitalized(self) -> bool {
        self.starts_upper() && !self.inner_upper()
    }
}

const DIGIT: u8 = 1;
const HYPHEN: u8 = 1 << 1;
const LETTER: u8 = 1 << 2;
const LOWER: u8 = 1 << 3;
const UPPER: u8 = 1 << 4;
/// The class of every byte of a non-ASCII character.
pub(super) const NON_ASCII: u8 = 1 << 5;

/// For each byte, the classes a shape is read from: digit, hyphen, letter, lowercase,
/// uppercase, or a byte of a non-ASCII character.
static BYTE_CLASS: [u8; 256] = {
    let mut table = [NON_ASCII; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        table[b] = if c.is_ascii_digit() {
            DIGIT
        } else if c == b'-' {
            HYPHEN
        } else if c.is_ascii_lowercase() {
            LETTER | LOWER
        } else if c.is_ascii_uppercase() {
            LETTER | UPPER
        } else {
            0
        };
        b += 1;
    }
    table
};

/// The class of one byte (a table load).
#[inline]
pub(super) fn class(b: u8) -> u8 {
    BYTE_CLASS[usize::from(b)]
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each fact of a word's shape is what the function it is named after says of the word,
    /// for every ASCII word of up to three characters and for words with other characters.
    #[test]
    fn a_shape_says_what_the_functions_say() {
        let mut words: Vec<String> = vec![];
        let chars: Vec<char> = (0x20u8..0x7f).map(char::from).collect();
        for &a in &chars {
            words.push(a.to_string());
            for &b in &chars {
                words.push(format!("{a}{b}"));
                for c in ['a', 'Z', '-', '9', '\'', '.'] {
                    words.push(format!("{a}{b}{c}"));
                }
            }
        }
        for w in [
            "Japan’s",
            "naïve",
            "Ümlaut",
            "ºsence",
            "straße",
            "co‐op",
            "U.S.-Japan",
            "mIßstand",
            "ΣΊΣΥΦΟΣ",
            "ǅemal",
            "東京",
            "x²",
            "ﬁnally",
            "école-Normale",
        ] {
            words.push(w.to_string());
        }
        for w in &words {
            let s = Shape::of(w);
            let all = |f: fn(char) -> bool| w.chars().all(f);
            assert_eq!(s.ascii(), w.is_ascii(), "{w:?}");
            assert_eq!(s.has_digit(), w.bytes().any(|b| b.is_ascii_digit()), "{w:?}");
            assert_eq!(s.has_hyphen(), w.contains(['-', '‐']), "{w:?}");
            assert_eq!(s.letters(), all(char::is_alphabetic), "{w:?}");
            assert_eq!(s.lowercase(), all(char::is_lowercase), "{w:?}");
            assert_eq!(s.starts_lower(), crate::text::starts_lower(w), "{w:?}");
            assert_eq!(s.starts_upper(), crate::text::starts_upper(w), "{w:?}");
            assert_eq!(s.inner_upper(), crate::text::has_inner_upper(w), "{w:?}");
            assert_eq!(s.capitalized(), crate::text::is_capitalized(w), "{w:?}");
        }
        assert_eq!(Shape::of(""), Shape::UNKNOWN);
    }
}
