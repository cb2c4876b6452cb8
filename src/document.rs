//! The document model: built once per file, read by every rule.
//!
//! A [`Document`] holds the source, a line index, the blocks (title, headings, paragraphs, list
//! items, table cells, quotes, code), the sentences and the words — all as byte spans into the
//! original text, so a rule never re-parses and every diagnostic points at exact bytes.

mod code_lines;
mod markdown;
mod plaintext;
mod segment;
mod shape;

use crate::diagnostic::Span;
use regex::Regex;
pub use shape::Shape;
use std::sync::LazyLock;

/// How the blocks of a file are found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// CommonMark, parsed with pulldown-cmark; soft-wrapped paragraphs are one block.
    Markdown,
    /// Scraped text: one paragraph or heading per line, headings inferred, light Markdown
    /// markers (`#`, `>`, `-`, `|`) understood.
    PlainText,
}

impl Format {
    /// `.md`, `.markdown` and friends are Markdown; everything else is scraped plain text.
    pub fn from_path(path: &str) -> Format {
        let lower = path.to_ascii_lowercase();
        if [".md", ".markdown", ".mdown", ".mkd", ".mdx"].iter().any(|ext| lower.ends_with(ext)) {
            Format::Markdown
        } else {
            Format::PlainText
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    /// The article's title: the first line of scraped text, or a leading `# H1`.
    Title,
    Heading(u8),
    Paragraph,
    ListItem,
    TableCell {
        header: bool,
    },
    Quote,
    Code,
    FrontMatter,
    Html,
}

impl BlockKind {
    /// Blocks whose text is prose that rules read.
    pub fn is_prose(&self) -> bool {
        !matches!(self, BlockKind::Code | BlockKind::FrontMatter | BlockKind::Html)
    }
    pub fn is_heading_like(&self) -> bool {
        matches!(self, BlockKind::Title | BlockKind::Heading(_))
    }
}

/// A block: `span` covers its markup too (`## `, `- `, `> `); `content` is the text inside.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    pub kind: BlockKind,
    pub span: Span,
    pub content: Span,
    /// Consecutive list items share a group id, so rules can compare siblings.
    pub group: usize,
    /// True for a Markdown ATX heading (`## …`), false for an inferred one.
    pub explicit: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence {
    pub span: Span,
    pub block: usize,
}

/// A word: one per word of the prose, the largest table of a document, so it is 16 bytes (it
/// was 40): its start and its block and sentence indexes are `u32`, the sentence's top bit
/// saying whether the word starts it; its length and [`Shape`] are `u16`. The pipeline lints a
/// large file in chunks of a few megabytes, so offsets fit; in a text of 4 GiB or more linted
/// whole (given to the library, or standard input and dataset records with `--max-file-size`
/// raised that far) the words past 4 GiB are not made, nor is a "word" of 64 KiB or more (see
/// [`Word::fits`]), and an index past 2^31 - 1 saturates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Word {
    start: u32,
    len: u16,
    shape: Shape,
    block: u32,
    sentence: u32,
}

impl Word {
    const START: u32 = 1 << 31;

    /// Whether a word at `span` can be stored: it ends below 4 GiB and is shorter than 64 KiB.
    pub fn fits(span: Span) -> bool {
        u32::try_from(span.end).is_ok() && u16::try_from(span.len()).is_ok()
    }

    /// The word at `span` of `source` (see [`Word::fits`]: past its limits, offsets saturate
    /// and the shape is [`Shape::UNKNOWN`]).
    pub fn new(source: &str, span: Span, block: usize, sentence: usize, sentence_start: bool) -> Word {
        let shape = if Word::fits(span) { source.get(span.start..span.end).map_or(Shape::UNKNOWN, Shape::of) } else { Shape::UNKNOWN };
        Word::with_shape(span, shape, block, sentence, sentence_start)
    }

    /// [`Word::new`] with the shape already read (the tokenizer reads it as it scans).
    fn with_shape(span: Span, shape: Shape, block: usize, sentence: usize, sentence_start: bool) -> Word {
        let block = u32::try_from(block).unwrap_or(u32::MAX);
        let sentence = u32::try_from(sentence).unwrap_or(u32::MAX).min(Self::START - 1);
        Word {
            start: u32::try_from(span.start).unwrap_or(u32::MAX),
            len: u16::try_from(span.len()).unwrap_or(u16::MAX),
            shape,
            block,
            sentence: sentence | if sentence_start { Self::START } else { 0 },
        }
    }
    /// Its bytes in the document's source.
    pub fn span(&self) -> Span {
        let start = self.start as usize;
        Span::new(start, start + usize::from(self.len))
    }
    /// What its characters are, found when it was made.
    pub fn shape(&self) -> Shape {
        self.shape
    }
    /// The index of its block in [`Document::blocks`].
    pub fn block(&self) -> usize {
        self.block as usize
    }
    /// The index of its sentence in [`Document::sentences`].
    pub fn sentence(&self) -> usize {
        (self.sentence & !Self::START) as usize
    }
    /// First word of its sentence.
    pub fn sentence_start(&self) -> bool {
        self.sentence & Self::START != 0
    }
}

/// Data that a higher layer derives from a document (proper-noun evidence, boilerplate
/// findings), computed once on first use and kept with the document. The document stores it
/// without knowing its type, so it names nothing above itself.
#[derive(Default)]
pub struct Derived(std::cell::OnceCell<Box<dyn std::any::Any>>);

impl Derived {
    /// The value, computed by `init` on first use. One slot holds one type: every caller of a
    /// slot asks for the same `T`.
    pub fn get_or_init<T: 'static>(&self, init: impl FnOnce() -> T) -> &T {
        let value = self.0.get_or_init(|| Box::new(init()));
        match value.downcast_ref() {
            Some(v) => v,
            None => unreachable!("a Derived slot is read as one type only"),
        }
    }
}

impl std::fmt::Debug for Derived {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(if self.0.get().is_some() { "Derived(computed)" } else { "Derived(pending)" })
    }
}

/// Every block's normalised text in one buffer, with each block's range and word count.
#[derive(Debug, Default)]
struct Normalized {
    text: String,
    /// start, end, words
    blocks: Vec<(usize, usize, usize)>,
}

#[derive(Debug)]
pub struct Document<'a> {
    pub source: &'a str,
    pub path: &'a str,
    pub format: Format,
    pub blocks: Vec<Block>,
    pub sentences: Vec<Sentence>,
    pub words: Vec<Word>,
    line_starts: Vec<usize>,
    /// Proper-noun and apostrophe evidence (`analysis::Evidence`), built on first use by
    /// `Document::evidence` in analysis.rs and shared by the rules.
    pub(crate) evidence: Derived,
    normalized: std::cell::OnceCell<Normalized>,
    /// The boilerplate findings, shared by `boilerplate` and `empty-section` (one RuleSet checks
    /// a document, and both rules of a RuleSet share one detector).
    pub(crate) boilerplate: Derived,
    /// Sorted, non-overlapping spans that are not prose: URLs, e-mail addresses, inline code,
    /// HTML and comments, link destinations.
    masked: Vec<Span>,
}

/// Word boundaries are ASCII (`(?-u:\b)`): addresses are ASCII, and a Unicode `\b` would force
/// the regex engine off its DFA onto the PikeVM — this one regex was half the run time. Each
/// pattern runs only when a cheap substring test says it can match.
static MARKED: LazyLock<Regex> = LazyLock::new(|| {
    crate::text::regex(
        r"(?xi)
        (?:https?|ftp)://[^\s<>\x22]+            # URLs with a scheme
        | (?-u:\b)www\.[^\s<>\x22]+             # bare www. addresses
        | <!--.*?-->                              # HTML comments (one line)
        | `[^`\n]+`                               # inline code
        ",
    )
    .expect("built-in regex")
});

const TLDS: &str = "com|org|net|edu|gov|io|co|uk|de|fr|jp|info|biz|ly|me|tv|us|ca|au";

static ADDRESSES: LazyLock<Regex> = LazyLock::new(|| {
    crate::text::regex(&format!(
        r"(?xi)
        (?-u:\b)[a-z0-9._%+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)+(?-u:\b)     # e-mail addresses
        | (?-u:\b)[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:{TLDS})(?-u:\b)        # domains
        "
    ))
    .expect("built-in regex")
});

/// "@" or ".com", ".org", …: without one of these no address can match.
static ADDRESS_HINTS: LazyLock<aho_corasick::AhoCorasick> = LazyLock::new(|| {
    let hints = std::iter::once("@".to_string()).chain(TLDS.split('|').map(|t| format!(".{t}")));
    aho_corasick::AhoCorasick::builder().ascii_case_insensitive(true).build(hints).expect("built-in patterns")
});

/// Without one of these no URL, code span or comment of [`MARKED`] is there (searched with
/// SIMD finders built once: `str::contains` scanned each article six times a byte at a time).
static MARKED_HINTS: [crate::text::FixedNeedle; 6] = [
    crate::text::FixedNeedle::new("://"),
    crate::text::FixedNeedle::new("www."),
    crate::text::FixedNeedle::new("WWW."),
    crate::text::FixedNeedle::new("Www."),
    crate::text::FixedNeedle::new("`"),
    crate::text::FixedNeedle::new("<!--"),
];

/// Spans of URLs, addresses, HTML comments and inline code in `source`.
fn marked_spans(source: &str) -> Vec<Span> {
    let mut spans = Vec::new();
    if MARKED_HINTS.iter().any(|hint| hint.is_in(source)) {
        // A code span is one backtick each side: a run of two is TeX's opening quotation mark
        // (``like this''), whose next run would close "code" over whole sentences.
        let tex_quote = |m: &regex::Match<'_>| {
            m.as_str().starts_with('`') && (source[..m.start()].ends_with('`') || source[m.end()..].starts_with('`'))
        };
        spans.extend(MARKED.find_iter(source).filter(|m| !tex_quote(m)).map(|m| Span::new(m.start(), m.start() + url_end(m.as_str()))));
    }
    if ADDRESS_HINTS.is_match(source) {
        spans.extend(ADDRESSES.find_iter(source).map(|m| Span::new(m.start(), m.end())));
    }
    spans
}

/// Where an address found by [`MARKED`] ends: without the punctuation of the sentence around
/// it ("see www.example.com.", "(at www.example.com)"), keeping a bracket the address opened
/// itself ("…/wiki/Mercury_(planet)"), and before the first bracket it closes without having
/// opened it: Markdown runs a link's syntax on after its address, as in a badge
/// ("[![build](https://…/badge.svg)](https://…)"), whose `](` is the link's, not the address's.
/// Code and comments end where they end.
fn url_end(found: &str) -> usize {
    if found.starts_with(['`', '<']) {
        return found.len();
    }
    let (mut parens, mut brackets) = (0usize, 0usize);
    let mut end = found.len();
    for (i, b) in found.bytes().enumerate() {
        let depth = match b {
            b'(' | b')' => &mut parens,
            b'[' | b']' => &mut brackets,
            _ => continue,
        };
        if matches!(b, b'(' | b'[') {
            *depth += 1;
        } else if *depth == 0 {
            end = i;
            break;
        } else {
            *depth -= 1;
        }
    }
    // (a bracket left at the end is one the address opened: the scan above cut at the others)
    found[..end].trim_end_matches(['.', ',', ';', ':', '!', '?', '\'', '*']).len()
}

impl<'a> Document<'a> {
    /// Parse `source` (any text; a BOM and CRLF line endings are understood) into blocks,
    /// sentences and words.
    pub fn parse(source: &'a str, path: &'a str, format: Format) -> Document<'a> {
        let line_starts = line_starts(source);
        let mut masked = marked_spans(source);
        // Bytes that were not UTF-8 (read as placeholders) are not prose either. (The
        // placeholder is ASCII: memchr's SIMD search finds it, where `str::contains` read a
        // word at a time.)
        if memchr::memchr(crate::text::PLACEHOLDER as u8, source.as_bytes()).is_some() {
            masked.extend(source.match_indices(crate::text::PLACEHOLDER).map(|(i, _)| Span::new(i, i + 1)));
        }
        let blocks = match format {
            Format::Markdown => markdown::blocks(source, &mut masked),
            Format::PlainText => plaintext::blocks(source, &line_starts),
        };
        for block in &blocks {
            if !block.kind.is_prose() {
                masked.push(block.span);
            }
        }
        let masked = merge_spans(masked);
        let mut doc = Document {
            source,
            path,
            format,
            blocks,
            sentences: Vec::new(),
            words: Vec::new(),
            line_starts,
            evidence: Default::default(),
            normalized: Default::default(),
            boilerplate: Default::default(),
            masked,
        };
        segment::segment(&mut doc);
        doc
    }

    /// A block's content as boilerplate and duplicate detection compare it: lowercase letters
    /// and digits, single-spaced (see [`crate::text::normalize_line`]). Computed once.
    pub fn normalized(&self, block: usize) -> &str {
        let all = self.all_normalized();
        let (start, end, _) = all.blocks[block];
        &all.text[start..end]
    }

    /// [`Document::normalized`] of every prose block, one after the other (with nothing between
    /// them): where a rule can rule out a phrase for the whole document at once.
    pub fn normalized_prose(&self) -> &str {
        &self.all_normalized().text
    }

    /// The number of words of [`Document::normalized`] (0 when it is empty), counted once.
    pub fn normalized_words(&self, block: usize) -> usize {
        self.all_normalized().blocks[block].2
    }

    fn all_normalized(&self) -> &Normalized {
        self.normalized.get_or_init(|| {
            let mut text = Vec::with_capacity(self.source.len());
            let mut blocks = Vec::with_capacity(self.blocks.len());
            for b in &self.blocks {
                let start = text.len();
                let words = if b.kind.is_prose() { crate::text::normalize_line_into(self.text(b.content), &mut text) } else { 0 };
                blocks.push((start, text.len(), words));
            }
            Normalized { text: crate::text::normalized_string(text), blocks }
        })
    }

    /// The text of a span.
    pub fn text(&self, span: Span) -> &'a str {
        &self.source[span.start..span.end]
    }

    /// 0-based line index of a byte offset.
    pub fn line_of(&self, offset: usize) -> usize {
        self.line_starts.partition_point(|&s| s <= offset).saturating_sub(1)
    }

    /// 1-based line and 1-based column in characters, as editors and SARIF count them.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        line_col(self.source, &self.line_starts, offset)
    }

    /// Byte span of a 0-based line, without its line ending.
    pub fn line_span(&self, line: usize) -> Span {
        let start = self.line_starts[line];
        let mut end = self.line_starts.get(line + 1).copied().unwrap_or(self.source.len());
        let bytes = self.source.as_bytes();
        if end > start && bytes[end - 1] == b'\n' {
            end -= 1;
        }
        if end > start && bytes[end - 1] == b'\r' {
            end -= 1;
        }
        Span::new(start, end)
    }

    pub fn line_count(&self) -> usize {
        self.line_starts.len()
    }

    /// Whether any byte of `span` lies in a URL, code, HTML or other non-prose region.
    pub fn is_masked(&self, span: Span) -> bool {
        let i = self.masked.partition_point(|m| m.end <= span.start);
        self.masked.get(i).is_some_and(|m| m.start < span.end.max(span.start + 1))
    }

    pub fn masked_spans(&self) -> &[Span] {
        &self.masked
    }

    /// The block holding byte `at`, if any (blocks are in source order and do not overlap).
    pub fn block_at(&self, at: usize) -> Option<usize> {
        let i = self.blocks.partition_point(|b| b.span.start <= at);
        i.checked_sub(1).filter(|&b| at < self.blocks[b].span.end)
    }

    /// Whether block `b` is written in title case, where every word is capitalised and a
    /// capital says nothing of a name: a title or heading, or a short line without a
    /// sentence's end whose longer words (four letters or more, at least three) nearly all
    /// start with a capital ("As Debt Rises, the Government Will Spend More on the Military"
    /// repeated as a paragraph).
    pub fn is_title_cased(&self, b: usize) -> bool {
        let block = &self.blocks[b];
        if block.kind.is_heading_like() {
            return true;
        }
        let words = self.words_in_block(b);
        if words.len() > 20 || self.text(block.content).trim_end().ends_with(['.', '!', '?']) {
            return false;
        }
        let long = words.iter().filter(|w| w.span().len() >= 4);
        let (capitalised, all) = long.fold((0, 0), |(c, n), w| (c + usize::from(crate::text::starts_upper(self.text(w.span()))), n + 1));
        all >= 3 && capitalised * 4 >= all * 3
    }

    /// Whether block `b` is prose ending with a colon: it introduces what follows, a quotation,
    /// code or a command, which an extractor may have dropped ("Then edit the configuration:").
    pub fn introduces_material(&self, b: usize) -> bool {
        self.blocks[b].kind.is_prose() && self.text(self.blocks[b].content).trim_end().ends_with(':')
    }

    /// The words of one block, in order.
    pub fn words_in_block(&self, block: usize) -> &[Word] {
        let lo = self.words.partition_point(|w| w.block() < block);
        let hi = self.words.partition_point(|w| w.block() <= block);
        &self.words[lo..hi]
    }

    /// The sentences of one block, in order.
    pub fn sentences_in_block(&self, block: usize) -> &[Sentence] {
        let lo = self.sentences.partition_point(|s| s.block < block);
        let hi = self.sentences.partition_point(|s| s.block <= block);
        &self.sentences[lo..hi]
    }

    /// The span to delete to remove a whole block with its line ending(s), leaving the rest of
    /// the file well formed.
    pub fn block_removal_span(&self, span: Span) -> Span {
        let first = self.line_of(span.start);
        let last = self.line_of(span.end.saturating_sub(1).max(span.start));
        let mut start = self.line_starts[first];
        if start == 0 && self.source.starts_with('\u{FEFF}') {
            start = '\u{FEFF}'.len_utf8(); // the BOM stays
        }
        match self.line_starts.get(last + 1) {
            // The line ends with a newline: remove the line and its newline.
            Some(&next) => Span::new(start, next),
            // The last line of a file without a final newline: remove the newline before it.
            None if first > 0 => Span::new(self.line_span(first - 1).end, self.source.len()),
            None => Span::new(start, self.source.len()),
        }
    }
}

/// Byte offsets where each line starts; line 0 starts at 0.
pub fn line_starts(source: &str) -> Vec<usize> {
    // Counted first (memchr counts without stopping at each line): one allocation of the right
    // size, where growing by doubling copied the starts over again.
    let newlines = memchr::memchr_iter(b'\n', source.as_bytes());
    let mut starts = Vec::with_capacity(newlines.clone().count() + 1);
    starts.push(0);
    starts.extend(newlines.map(|i| i + 1));
    starts
}

/// 1-based (line, column) of `offset`, the column counted in characters.
pub fn line_col(source: &str, line_starts: &[usize], offset: usize) -> (usize, usize) {
    let offset = crate::text::floor_char_boundary(source, offset.min(source.len()));
    let line = line_starts.partition_point(|&s| s <= offset).saturating_sub(1);
    // A BOM is not a column editors count.
    let start = if line == 0 && source.starts_with('\u{FEFF}') { '\u{FEFF}'.len_utf8().min(offset) } else { line_starts[line] };
    let column = source[start..offset].chars().count() + 1;
    (line + 1, column)
}

fn merge_spans(mut spans: Vec<Span>) -> Vec<Span> {
    spans.sort();
    let mut out: Vec<Span> = Vec::with_capacity(spans.len());
    for s in spans {
        match out.last_mut() {
            Some(last) if s.start <= last.end => last.end = last.end.max(s.end),
            _ => out.push(s),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_document_gives_each_word_its_shape() {
        let src = "Title\n\nThe U.S.-Japan talks’ sence, 2024.\n";
        let doc = Document::parse(src, "t.txt", Format::PlainText);
        assert!(doc.words.iter().all(|w| w.shape() == Shape::of(doc.text(w.span()))));
        assert_eq!(doc.words.len(), 6);
    }

    #[test]
    fn line_columns_count_characters() {
        let src = "ab\r\n“c” d\n";
        let doc = Document::parse(src, "t.txt", Format::PlainText);
        assert_eq!(doc.line_col(0), (1, 1));
        let d = src.find('d').unwrap();
        assert_eq!(doc.line_col(d), (2, 5));
        assert_eq!(doc.line_span(0), Span::new(0, 2));
    }

    #[test]
    fn a_bom_is_not_a_column() {
        let src = "\u{FEFF}Title sence\n";
        let doc = Document::parse(src, "t.txt", Format::PlainText);
        assert_eq!(doc.line_col(src.find("sence").unwrap()), (1, 7));
        assert_eq!(doc.line_col(src.find("Title").unwrap()), (1, 1));
    }

    #[test]
    fn title_cased_blocks() {
        let src = "A Title Here\n\nAs Debt Rises, the Government Will Spend More on the Military\n\nThe government \
                   will spend more on the Military than on Schools.\n\nNotes From the Editorial Board";
        let doc = Document::parse(src, "t.txt", Format::PlainText);
        let title_cased: Vec<bool> = (0..doc.blocks.len()).map(|b| doc.is_title_cased(b)).collect();
        assert_eq!(title_cased, [true, true, false, true]);
        assert_eq!(doc.block_at(src.find("Debt").unwrap()), Some(1));
        assert_eq!(doc.block_at(src.find("\n\nAs").unwrap()), None);
    }

    #[test]
    fn urls_and_code_are_masked() {
        let src = "See https://example.com/a.b and `x.y` now.";
        let doc = Document::parse(src, "t.txt", Format::PlainText);
        let url = src.find("https").unwrap();
        assert!(doc.is_masked(Span::new(url + 3, url + 4)));
        assert!(!doc.is_masked(Span::new(0, 3)));
        assert!(doc.words.iter().all(|w| doc.text(w.span()) != "example"));
        assert!(doc.is_masked(Span::new(src.find("x.y").unwrap(), src.find("x.y").unwrap() + 1)));
        // the sentence's punctuation after an address is the sentence's
        let src = "Canonical (www.example.com) is used. See https://en.wikipedia.org/wiki/Mercury_(planet).";
        let doc = Document::parse(src, "t.txt", Format::PlainText);
        let close = src.find(')').unwrap();
        assert!(!doc.is_masked(Span::new(close, close + 1)));
        let planet = src.find("planet)").unwrap() + 6;
        assert!(doc.is_masked(Span::new(planet, planet + 1)));
        assert!(!doc.is_masked(Span::new(src.len() - 1, src.len())));
        // a Markdown link's brackets after an address are the link's (a badge's image inside a
        // link, whose `](` the address would otherwise run on through), also in a text file
        let src = "[![CI](https://ci.example.org/badge.svg?branch=main)](https://ci.example.org/runs) and more.\n";
        let doc = Document::parse(src, "t.txt", Format::PlainText);
        let link_close = src.find(")](").unwrap() + 1;
        assert!(!doc.is_masked(Span::new(link_close, link_close + 1)), "{:?}", doc.masked_spans());
        assert!(!doc.is_masked(Span::new(0, 1)));
        // TeX's quotation marks are no code: the words between them stay prose
        let src = "He wrote ``no GUI at all?'' (and more). I mean, ``lack of one.''";
        let doc = Document::parse(src, "t.txt", Format::PlainText);
        assert!(doc.masked_spans().is_empty(), "{:?}", doc.masked_spans());
    }
}
