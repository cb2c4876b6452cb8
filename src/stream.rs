//! Large texts in bounded memory: a text is linted in chunks of at most about [`CHUNK_SIZE`]
//! bytes, [`CHUNK_LINES`] lines and [`CHUNK_SPACES`] spaces that end at a paragraph break
//! (else a line break), so no document model is ever larger than one chunk's. A file over
//! [`STREAM_THRESHOLD`] is read chunk by chunk, never held whole; a smaller file or standard
//! input, read whole, is cut the same way ([`Chunks`] over its bytes). An article is one
//! chunk; document-level evidence (proper nouns, duplicate lines) is per chunk in a book or an
//! export: a deliberate trade for bounded memory.

use std::io::{self, Read};

pub const STREAM_THRESHOLD: u64 = 8 << 20;
pub const CHUNK_SIZE: usize = 1 << 20;
/// Most line breaks in a chunk: a text of short lines holds a block, a sentence and a word a
/// line (four million one-letter lines, 8 MB, took 338 MB linted whole). News prose has about
/// 5,000 lines a MiB and our fixtures, short paragraphs between blank lines, 25,000, so only
/// a text of far shorter lines is cut sooner than [`CHUNK_SIZE`].
pub const CHUNK_LINES: usize = 1 << 15;
/// Most spaces in a chunk: a text of one-letter words holds a word, and often a finding, every
/// two bytes (8 MB of `a a a …` took 1.2 GB linted whole). News prose has about 175,000 spaces
/// a MiB, so prose is cut by [`CHUNK_SIZE`] first.
pub const CHUNK_SPACES: usize = 1 << 18;
/// A text of at most this many bytes is linted whole whatever it holds, its lines and spaces
/// not counted (64 K lines at most, a few MB of model): every article.
pub const SMALL: usize = 128 << 10;

/// Whether everything `reader` gives is UTF-8, read 64 KiB at a time (a character cut by the
/// end of a read is carried into the next one): the check of a huge file before it is fixed.
pub fn is_utf8(mut reader: impl Read) -> io::Result<bool> {
    let mut buf = vec![0u8; 64 << 10];
    let mut carried = 0;
    loop {
        let n = match reader.read(&mut buf[carried..]) {
            Ok(n) => n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if n == 0 {
            return Ok(carried == 0);
        }
        let filled = carried + n;
        carried = match std::str::from_utf8(&buf[..filled]) {
            Ok(_) => 0,
            // an incomplete character at the end (three bytes at most): kept for the next read
            Err(e) if e.error_len().is_none() => {
                buf.copy_within(e.valid_up_to()..filled, 0);
                filled - e.valid_up_to()
            }
            Err(_) => return Ok(false),
        };
    }
}

pub struct Chunks<R> {
    reader: R,
    carry: Vec<u8>,
    size: usize,
    eof: bool,
    error: Option<io::Error>,
}

impl<R: Read> Chunks<R> {
    pub fn new(reader: R, size: usize) -> Self {
        Chunks { reader, carry: Vec::new(), size: size.max(64), eof: false, error: None }
    }
}

/// Where to end a chunk: after the last blank line in its second half (`\n\n`, or `\n\r\n` in
/// a text with CRLF line ends, which had no `\n\n` and was cut after any line), else after the
/// last newline (the reader makes sure there is one), else (never reached) at a UTF-8
/// character boundary.
fn cut_point(buf: &[u8]) -> usize {
    let half = buf.len() / 2;
    let lf = memchr::memmem::rfind(&buf[half..], b"\n\n").map(|i| i + 2);
    let crlf = memchr::memmem::rfind(&buf[half..], b"\n\r\n").map(|i| i + 3);
    if let Some(end) = lf.max(crlf) {
        return half + end;
    }
    if let Some(i) = memchr::memrchr(b'\n', buf) {
        return i + 1;
    }
    let mut i = buf.len();
    while i > 0 && i > buf.len().saturating_sub(4) && (buf[i - 1] & 0xC0) == 0x80 {
        i -= 1;
    }
    // Step back over the lead byte of an incomplete multi-byte character.
    if i > 0 && buf[i - 1] >= 0xC0 {
        i -= 1;
    }
    if i == 0 {
        buf.len()
    } else {
        i
    }
}

/// Whether a text held in memory is more than one chunk: over [`SMALL`], and over a chunk's
/// bytes, lines or spaces.
pub fn needs_chunks(text: &[u8]) -> bool {
    text.len() > SMALL && Chunks::new(text, CHUNK_SIZE).nth(1).is_some()
}

/// The length of the longest prefix of `buf` with at most [`CHUNK_LINES`] line breaks and
/// [`CHUNK_SPACES`] spaces (counted a block at a time, byte by byte only in the block where a
/// cap is passed).
fn capped(buf: &[u8]) -> usize {
    const BLOCK: usize = 16 * 255;
    let (mut lines, mut spaces) = (0, 0);
    for (k, block) in buf.chunks(BLOCK).enumerate() {
        let (more_lines, more_spaces) = lines_and_spaces(block);
        if lines + more_lines > CHUNK_LINES || spaces + more_spaces > CHUNK_SPACES {
            for (i, &b) in block.iter().enumerate() {
                lines += usize::from(b == b'\n');
                spaces += usize::from(b == b' ');
                if lines > CHUNK_LINES || spaces > CHUNK_SPACES {
                    return k * BLOCK + i;
                }
            }
        }
        lines += more_lines;
        spaces += more_spaces;
    }
    buf.len()
}

/// The line breaks and the spaces in `bytes`, counted in byte-wide sums 255 bytes at a time
/// (none can overflow), which the compiler turns into sixteen-byte compares: counted into
/// `usize`, the sums took four bytes a step and were a twentieth of linting a 2 MiB file.
fn lines_and_spaces(bytes: &[u8]) -> (usize, usize) {
    let (mut lines, mut spaces) = (0, 0);
    for part in bytes.chunks(255) {
        let (mut l, mut s) = (0u8, 0u8);
        for &b in part {
            l += u8::from(b == b'\n');
            s += u8::from(b == b' ');
        }
        lines += usize::from(l);
        spaces += usize::from(s);
    }
    (lines, spaces)
}

/// Where the chunk read into `buf` ends, if before its end: within the line and space caps
/// when a line break lies within them, else right after the one line that passes them alone;
/// otherwise, unless `buf` is the rest of the text, at [`cut_point`].
fn cut(buf: &[u8], rest_of_text: bool) -> Option<usize> {
    let cap = capped(buf);
    if cap < buf.len() {
        if buf[..cap].contains(&b'\n') {
            return Some(cut_point(&buf[..cap]));
        }
        if let Some(at) = memchr::memchr(b'\n', &buf[cap..]).map(|i| cap + i + 1).filter(|&at| at < buf.len()) {
            return Some(at);
        }
    }
    (!rest_of_text).then(|| cut_point(buf))
}

impl<R: Read> Iterator for Chunks<R> {
    type Item = io::Result<Vec<u8>>;

    fn next(&mut self) -> Option<Self::Item> {
        let mut buf = std::mem::take(&mut self.carry);
        // Read a chunk's worth; a chunk with no line break yet (one enormous line) keeps
        // growing until one comes, so no chunk ever ends inside a line or a sentence.
        let (mut goal, mut scanned) = (self.size, 0);
        loop {
            self.fill(&mut buf, goal);
            if let Some(e) = self.error.take() {
                return Some(Err(e));
            }
            if self.eof || buf[scanned..].contains(&b'\n') {
                break;
            }
            scanned = buf.len();
            goal = buf.len() + self.size;
        }
        if buf.is_empty() {
            return None;
        }
        if let Some(at) = cut(&buf, self.eof) {
            self.carry = buf.split_off(at);
        }
        Some(Ok(buf))
    }
}

impl<R: Read> Chunks<R> {
    fn fill(&mut self, buf: &mut Vec<u8>, goal: usize) {
        while buf.len() < goal && !self.eof {
            let want = (goal - buf.len()) as u64;
            match (&mut self.reader).take(want).read_to_end(buf) {
                Ok(0) => self.eof = true,
                Ok(_) => {}
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => {
                    self.error = Some(e);
                    return;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A reader that gives at most `step` bytes a read: characters cut across reads.
    struct Trickle<'a>(&'a [u8], usize);

    impl Read for Trickle<'_> {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            let n = self.1.min(buf.len()).min(self.0.len());
            buf[..n].copy_from_slice(&self.0[..n]);
            self.0 = &self.0[n..];
            Ok(n)
        }
    }

    #[test]
    fn utf8_is_checked_across_reads() {
        let text = "naïve café – 東京 🎉 end".repeat(5_000);
        for step in [1, 2, 3, 5, 64 << 10] {
            assert!(is_utf8(Trickle(text.as_bytes(), step)).unwrap(), "step {step}");
            let mut bad = text.as_bytes().to_vec();
            bad.insert(bad.len() / 2, 0xFF);
            assert!(!is_utf8(Trickle(&bad, step)).unwrap(), "a bad byte, step {step}");
            // a character cut short by the end of the input
            let cut = &text.as_bytes()[..text.len() - " end".len() - 1];
            assert!(!is_utf8(Trickle(cut, step)).unwrap(), "a cut character, step {step}");
        }
        assert!(is_utf8(&b""[..]).unwrap());
    }

    /// The chunks of `text` at `size`, checked to hold every byte of it in order.
    fn chunked(text: &str, size: usize) -> Vec<Vec<u8>> {
        let chunks: Vec<Vec<u8>> = Chunks::new(text.as_bytes(), size).map(|c| c.unwrap()).collect();
        assert_eq!(chunks.concat(), text.as_bytes(), "the chunks are the text");
        chunks
    }

    /// Prose with CRLF line ends is cut at its blank lines, as prose with LF ends is.
    #[test]
    fn crlf_prose_is_cut_at_a_blank_line() {
        let text = "A line of a paragraph that goes on,\r\nand ends here.\r\n\r\n".repeat(40);
        // (1,040 bytes end inside a paragraph, after its first line)
        let chunks = chunked(&text, 1040);
        assert!(chunks.len() > 2);
        for c in &chunks[..chunks.len() - 1] {
            assert!(c.ends_with(b"here.\r\n\r\n"), "{:?}", String::from_utf8_lossy(&c[c.len() - 20..]));
        }
    }

    #[test]
    fn chunks_cover_the_input_and_end_at_line_breaks() {
        let text = "Para one line.\nStill para one.\n\nPara two is here.\nMore.\n\nLast ü line without newline".repeat(50);
        let chunks = chunked(&text, 100);
        assert!(chunks.len() > 10);
        for c in &chunks[..chunks.len() - 1] {
            assert_eq!(c.last(), Some(&b'\n'));
            assert!(std::str::from_utf8(c).is_ok());
        }
    }

    /// A text of short lines or of short words is cut by its lines or its spaces, long before
    /// a MiB, at a line break; prose and a line with more spaces than a chunk holds are not.
    #[test]
    fn dense_text_is_cut_by_its_lines_and_spaces() {
        let chunks_of = |text: &str| chunked(text, CHUNK_SIZE);
        let count = |c: &[u8], b: u8| c.iter().filter(|&&x| x == b).count();
        for (text, by_lines) in [("a\n".repeat(100_000), true), (format!("{}\n\n", "a ".repeat(40)).repeat(20_000), false)] {
            let chunks = chunks_of(&text);
            assert!(chunks.len() >= 3, "{} chunks", chunks.len());
            for c in &chunks {
                assert!(count(c, b'\n') <= CHUNK_LINES && count(c, b' ') <= CHUNK_SPACES);
                assert_eq!(c.last(), Some(&b'\n'));
            }
            // each chunk but the last is full to within a line of the cap that cut it
            let full = |c: &Vec<u8>| if by_lines { count(c, b'\n') + 2 > CHUNK_LINES } else { count(c, b' ') + 41 > CHUNK_SPACES };
            assert!(chunks[..chunks.len() - 1].iter().all(full));
        }
        // prose, 175,000 spaces and 5,000 lines a MiB, is cut by its bytes
        let prose = "The council met on Monday to discuss the harbour budget and the ferry.\n".repeat(30_000);
        let chunks = chunks_of(&prose);
        assert_eq!(chunks.len(), 3);
        assert!(chunks[0].len() > CHUNK_SIZE / 2);
        // one line of more spaces than a chunk may hold is one chunk, alone: no line is ever cut
        let long = format!("{}\n", "w ".repeat(CHUNK_SPACES + 10));
        let text = format!("{long}{}", "a b\n".repeat(1000));
        let chunks = chunks_of(&text);
        assert_eq!(chunks[0], long.as_bytes());
        assert!(chunks.iter().all(|c| c.last() == Some(&b'\n')));
    }

    /// The byte-wide sums count as a count of each byte does, across their 255-byte parts.
    #[test]
    fn lines_and_spaces_are_counted_exactly() {
        let mut random = crate::text::TestRandom(0x9e37_79b9_7f4a_7c15);
        for len in [0, 1, 254, 255, 256, 510, 511, 4080, 4081, 10_000] {
            let bytes: Vec<u8> = (0..len).map(|_| [b'\n', b' ', b'a', 0xC3][random.below(4)]).collect();
            let count = |x: u8| bytes.iter().filter(|&&b| b == x).count();
            assert_eq!(lines_and_spaces(&bytes), (count(b'\n'), count(b' ')), "{len}");
        }
        assert_eq!(lines_and_spaces(&[b' '; 1000]), (0, 1000));
    }

    #[test]
    fn one_enormous_line_is_never_cut() {
        // Cutting inside a line split sentences and words ("The" became "ThE" after fixes).
        let text = format!("Short line.\n{}\nNext line.\n{}", "ééééé ".repeat(100), "x".repeat(300));
        let chunks = chunked(&text, 65);
        for c in &chunks[..chunks.len() - 1] {
            assert_eq!(c.last(), Some(&b'\n'), "{:?}", String::from_utf8_lossy(c));
        }
        assert!(chunks.iter().any(|c| c.len() > 600), "the long line is one chunk");
    }
}
