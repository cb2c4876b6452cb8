//! Huge files in bounded memory: a file over [`STREAM_THRESHOLD`] is read and linted in chunks
//! of about [`CHUNK_SIZE`] that end at a paragraph break (else a line break), so neither the
//! file nor its document model is ever held whole. Document-level evidence (proper nouns,
//! duplicate lines) is then per chunk: a deliberate trade for a 100 MB export.

use std::io::{self, Read};

pub const STREAM_THRESHOLD: u64 = 8 << 20;
pub const CHUNK_SIZE: usize = 1 << 20;

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

/// Where to end a chunk: after the last blank line in its second half, else after the last
/// newline (the reader makes sure there is one), else (never reached) at a UTF-8 character
/// boundary.
fn cut_point(buf: &[u8]) -> usize {
    let half = buf.len() / 2;
    if let Some(i) = buf[half..].windows(2).rposition(|w| w == b"\n\n") {
        return half + i + 2;
    }
    if let Some(i) = buf.iter().rposition(|&b| b == b'\n') {
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
        if !self.eof {
            let cut = cut_point(&buf);
            self.carry = buf.split_off(cut);
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

    #[test]
    fn chunks_cover_the_input_and_end_at_line_breaks() {
        let text = "Para one line.\nStill para one.\n\nPara two is here.\nMore.\n\nLast ü line without newline".repeat(50);
        let chunks: Vec<Vec<u8>> = Chunks::new(text.as_bytes(), 100).map(|c| c.unwrap()).collect();
        assert!(chunks.len() > 10);
        assert_eq!(chunks.concat(), text.as_bytes());
        for c in &chunks[..chunks.len() - 1] {
            assert_eq!(c.last(), Some(&b'\n'));
            assert!(std::str::from_utf8(c).is_ok());
        }
    }

    #[test]
    fn one_enormous_line_is_never_cut() {
        // Cutting inside a line split sentences and words ("The" became "ThE" after fixes).
        let text = format!("Short line.\n{}\nNext line.\n{}", "ééééé ".repeat(100), "x".repeat(300));
        let chunks: Vec<Vec<u8>> = Chunks::new(text.as_bytes(), 65).map(|c| c.unwrap()).collect();
        assert_eq!(chunks.concat(), text.as_bytes());
        for c in &chunks[..chunks.len() - 1] {
            assert_eq!(c.last(), Some(&b'\n'), "{:?}", String::from_utf8_lossy(c));
        }
        assert!(chunks.iter().any(|c| c.len() > 600), "the long line is one chunk");
    }
}
