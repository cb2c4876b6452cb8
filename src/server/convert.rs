//! Byte offsets (what copydesk's spans are) ↔ LSP positions (line and column, the column
//! counted in the negotiated encoding: UTF-8 bytes, UTF-16 code units or characters), and
//! file URIs ↔ paths. Every conversion clamps: a position past the end of a line or of the
//! text, or inside a character, maps to the nearest valid offset, never a panic.

use crate::diagnostic::Span;
use lsp_types::{Position, PositionEncodingKind, Range, Uri};
use std::path::{Path, PathBuf};
use std::str::FromStr;

/// How a column counts: the encoding negotiated at `initialize`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Utf16,
    Utf32,
}

impl Encoding {
    /// The best encoding among those the client offers (`general.positionEncodings`): UTF-8
    /// (no conversion at all), else UTF-16, which every client must support.
    pub fn negotiate(offered: Option<&[PositionEncodingKind]>) -> Encoding {
        match offered {
            Some(kinds) if kinds.contains(&PositionEncodingKind::UTF8) => Encoding::Utf8,
            _ => Encoding::Utf16,
        }
    }

    pub fn kind(self) -> PositionEncodingKind {
        match self {
            Encoding::Utf8 => PositionEncodingKind::UTF8,
            Encoding::Utf16 => PositionEncodingKind::UTF16,
            Encoding::Utf32 => PositionEncodingKind::UTF32,
        }
    }

    fn width(self, c: char) -> usize {
        match self {
            Encoding::Utf8 => c.len_utf8(),
            Encoding::Utf16 => c.len_utf16(),
            Encoding::Utf32 => 1,
        }
    }
}

/// Where each line of a text starts. Lines end at `\n` (a `\r` before it is part of the
/// line's content: no span copydesk reports starts or ends between the two).
pub struct LineIndex<'a> {
    text: &'a str,
    starts: Vec<usize>,
    encoding: Encoding,
}

impl<'a> LineIndex<'a> {
    pub fn new(text: &'a str, encoding: Encoding) -> LineIndex<'a> {
        LineIndex { text, starts: crate::document::line_starts(text), encoding }
    }

    /// The position of byte `offset` (clamped to the text and down to a character boundary).
    pub fn position(&self, offset: usize) -> Position {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.starts.partition_point(|&s| s <= offset) - 1;
        let start = self.starts[line];
        let column = match self.encoding {
            Encoding::Utf8 => offset - start,
            e => self.text[start..offset].chars().map(|c| e.width(c)).sum(),
        };
        Position::new(saturate(line), saturate(column))
    }

    pub fn range(&self, span: Span) -> Range {
        Range::new(self.position(span.start), self.position(span.end))
    }

    /// The byte offset of `position`: a line past the end is the end of the text; a column past
    /// the end of its line is the end of the line (before its `\n`); a column inside a
    /// character (half a surrogate pair, a byte inside a UTF-8 sequence) is that character's start.
    pub fn offset(&self, position: Position) -> usize {
        let line = position.line as usize;
        let Some(&start) = self.starts.get(line) else { return self.text.len() };
        let end = self.starts.get(line + 1).map_or(self.text.len(), |&next| next - 1);
        let content = &self.text[start..end];
        let want = position.character as usize;
        let mut counted = 0;
        for (i, c) in content.char_indices() {
            let w = self.encoding.width(c);
            if counted + w > want {
                return start + i;
            }
            counted += w;
        }
        end
    }

    pub fn span(&self, range: Range) -> Span {
        let (a, b) = (self.offset(range.start), self.offset(range.end));
        Span::new(a.min(b), a.max(b))
    }
}

fn saturate(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// The local path of a `file:` URI (percent-decoded), or `None` for any other scheme
/// (`untitled:`, remote file systems).
pub fn uri_to_path(uri: &Uri) -> Option<PathBuf> {
    let s = uri.as_str();
    let rest = s.strip_prefix("file://").or_else(|| s.strip_prefix("FILE://"))?;
    // file:///path, or file://localhost/path; another host is not a local file.
    let path = match rest.find('/') {
        Some(0) => rest,
        Some(i) if rest[..i].eq_ignore_ascii_case("localhost") => &rest[i..],
        _ => return None,
    };
    let path = path.split(['?', '#']).next().unwrap_or(path);
    let decoded = percent_encoding::percent_decode_str(path).decode_utf8().ok()?;
    // file:///C:/dir on Windows is the path C:/dir.
    let bytes = decoded.as_bytes();
    let windows = bytes.len() >= 3 && bytes[0] == b'/' && bytes[1].is_ascii_alphabetic() && bytes[2] == b':';
    Some(PathBuf::from(if windows && cfg!(windows) { &decoded[1..] } else { &decoded[..] }))
}

/// Characters kept as they are in a path URI: unreserved ones, `/` and `:`.
const PATH: &percent_encoding::AsciiSet =
    &percent_encoding::NON_ALPHANUMERIC.remove(b'/').remove(b'-').remove(b'.').remove(b'_').remove(b'~');

/// The `file:` URI of an absolute path.
pub fn path_to_uri(path: &Path) -> Option<Uri> {
    let s = path.to_str()?.replace('\\', "/");
    let s = if s.starts_with('/') { s } else { format!("/{s}") };
    let encoded = percent_encoding::utf8_percent_encode(&s, PATH).to_string();
    // Keep a Windows drive letter's colon readable: file:///C:/dir.
    let encoded = encoded.replacen("%3A", ":", usize::from(s.as_bytes().get(2) == Some(&b':')));
    Uri::from_str(&format!("file://{encoded}")).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(line: u32, character: u32) -> Position {
        Position::new(line, character)
    }

    #[test]
    fn utf16_counts_surrogate_pairs_and_cjk() {
        // 😀 is 4 bytes, 2 UTF-16 units, 1 char; 東京 is 6 bytes, 2 units.
        let text = "Title\n😀 東京 sence here\n";
        let at = text.find("sence").unwrap();
        let span = Span::new(at, at + "sence".len());
        let utf16 = LineIndex::new(text, Encoding::Utf16);
        assert_eq!(utf16.range(span), Range::new(p(1, 6), p(1, 11)));
        let utf8 = LineIndex::new(text, Encoding::Utf8);
        assert_eq!(utf8.range(span), Range::new(p(1, 12), p(1, 17)));
        let utf32 = LineIndex::new(text, Encoding::Utf32);
        assert_eq!(utf32.range(span), Range::new(p(1, 5), p(1, 10)));
        // And back.
        for index in [&utf16, &utf8, &utf32] {
            assert_eq!(index.span(index.range(span)), span);
        }
    }

    #[test]
    fn a_span_that_covers_the_emoji_itself() {
        let text = "a😀b";
        let index = LineIndex::new(text, Encoding::Utf16);
        assert_eq!(index.range(Span::new(1, 5)), Range::new(p(0, 1), p(0, 3)));
        assert_eq!(index.offset(p(0, 3)), 5);
    }

    #[test]
    fn out_of_range_positions_clamp() {
        let text = "ab\r\n😀c\n";
        let index = LineIndex::new(text, Encoding::Utf16);
        // Past the end of a line: before its \n (the \r is content).
        assert_eq!(index.offset(p(0, 99)), 3);
        // Half a surrogate pair: the emoji's start.
        assert_eq!(index.offset(p(1, 1)), 4);
        // Past the last line: the end.
        assert_eq!(index.offset(p(9, 0)), text.len());
        // A byte offset inside a character or past the end.
        assert_eq!(index.position(6), p(1, 0));
        assert_eq!(index.position(999), p(2, 0));
        assert_eq!(LineIndex::new("", Encoding::Utf8).position(3), p(0, 0));
    }

    #[test]
    fn negotiation_prefers_utf8_only_when_offered() {
        assert_eq!(Encoding::negotiate(None), Encoding::Utf16);
        assert_eq!(Encoding::negotiate(Some(&[PositionEncodingKind::UTF16])), Encoding::Utf16);
        assert_eq!(Encoding::negotiate(Some(&[PositionEncodingKind::UTF16, PositionEncodingKind::UTF8])), Encoding::Utf8);
    }

    #[test]
    fn file_uris_round_trip() {
        let path = Path::new("/tmp/news desk/東京 #1.md");
        let uri = path_to_uri(path).unwrap();
        assert_eq!(uri.as_str(), "file:///tmp/news%20desk/%E6%9D%B1%E4%BA%AC%20%231.md");
        assert_eq!(uri_to_path(&uri).unwrap(), path);
        let localhost = Uri::from_str("file://localhost/a/b.txt").unwrap();
        assert_eq!(uri_to_path(&localhost).unwrap(), Path::new("/a/b.txt"));
        assert_eq!(uri_to_path(&Uri::from_str("untitled:Untitled-1").unwrap()), None);
        assert_eq!(uri_to_path(&Uri::from_str("file://server/share/a.md").unwrap()), None);
    }
}
