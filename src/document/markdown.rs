//! Blocks of a Markdown file, found with pulldown-cmark. Code, HTML and front matter become
//! non-prose blocks; inline code, HTML and link destinations are masked so no rule reads them.

use super::{Block, BlockKind};
use crate::diagnostic::Span;
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
use regex::Regex;
use std::sync::LazyLock;

static ITEM_MARKER: LazyLock<Regex> =
    LazyLock::new(|| crate::text::regex(r"^[ \t]*(?:[-*+]|\d{1,9}[.)])(?:[ \t]+\[[ xX]\])?[ \t]*").unwrap());
static ATX_OPEN: LazyLock<Regex> = LazyLock::new(|| crate::text::regex(r"^ {0,3}#{1,6}[ \t]*").unwrap());
static ATX_CLOSE: LazyLock<Regex> = LazyLock::new(|| crate::text::regex(r"[ \t]+#+[ \t]*$|[ \t]*$").unwrap());

pub(super) fn blocks(source: &str, masked: &mut Vec<Span>) -> Vec<Block> {
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
        | Options::ENABLE_PLUSES_DELIMITED_METADATA_BLOCKS;
    let mut blocks: Vec<Block> = Vec::new();
    let mut group = 0;
    let mut last_was_item = false;
    // Open list items: (start of the item's text, whether its text was already emitted).
    let mut items: Vec<(usize, bool)> = Vec::new();
    let mut quote_depth = 0;
    let mut in_table_head = false;
    let push = |blocks: &mut Vec<Block>, kind, span: Span, content: Span, explicit| {
        let content = trim(source, content);
        let span = Span::new(span.start, span.start + source[span.start..span.end].trim_end().len());
        if !content.is_empty() || !kind_is_prose(kind) {
            blocks.push(Block { kind, span, content, group: 0, explicit });
        }
    };

    // A BOM is not text: parse after it and shift the offsets back.
    let bom = if source.starts_with('\u{FEFF}') { '\u{FEFF}'.len_utf8() } else { 0 };
    // The links open at the moment, and the end of the last event read.
    let mut links: Vec<Span> = Vec::new();
    let mut last_end = 0;
    for (event, range) in Parser::new_ext(&source[bom..], options).into_offset_iter() {
        let span = Span::new(range.start + bom, range.end + bom);
        // Where the innermost open link's text has got to: the end of the last event inside it
        // (a link's text starts after its `[`).
        let previous_end =
            std::mem::replace(&mut last_end, if matches!(event, Event::Start(Tag::Link { .. })) { span.start + 1 } else { span.end });
        match event {
            Event::Start(Tag::Heading { level, .. }) => {
                let text = &source[span.start..span.end];
                let content = if text.trim_start().starts_with('#') {
                    let open = ATX_OPEN.find(text).map_or(0, |m| m.end());
                    let first_line_end = text.find('\n').unwrap_or(text.len());
                    let close = ATX_CLOSE.find(&text[open..first_line_end]).map_or(first_line_end, |m| open + m.start());
                    Span::new(span.start + open, span.start + close.max(open))
                } else {
                    // Setext: the text lines above the underline.
                    let underline = text.trim_end().rfind('\n').unwrap_or(text.len());
                    Span::new(span.start, span.start + underline)
                };
                let level = level as u8;
                let kind =
                    if blocks.iter().all(|b| !b.kind.is_prose()) && level == 1 { BlockKind::Title } else { BlockKind::Heading(level) };
                push(&mut blocks, kind, span, content, true);
            }
            Event::Start(Tag::Paragraph) => {
                if let Some((_, emitted)) = items.last_mut() {
                    if !*emitted {
                        *emitted = true;
                        push(&mut blocks, BlockKind::ListItem, span, span, true);
                        continue;
                    }
                }
                let kind = if quote_depth > 0 { BlockKind::Quote } else { BlockKind::Paragraph };
                push(&mut blocks, kind, span, span, kind == BlockKind::Quote);
            }
            Event::Start(Tag::Item) => {
                let text = &source[span.start..span.end];
                let marker = ITEM_MARKER.find(text).map_or(0, |m| m.end());
                items.push((span.start + marker, false));
            }
            Event::Start(Tag::List(_)) | Event::End(TagEnd::Item) => {
                // A tight item's text ends where its nested list (or the item) begins.
                if let Some((start, emitted)) = items.last_mut() {
                    if !*emitted {
                        *emitted = true;
                        let end = span.start.max(*start);
                        let end = if matches!(event, Event::End(TagEnd::Item)) { span.end } else { end };
                        push(&mut blocks, BlockKind::ListItem, Span::new(*start, end), Span::new(*start, end), true);
                    }
                }
                if matches!(event, Event::End(TagEnd::Item)) {
                    items.pop();
                }
            }
            Event::Start(Tag::BlockQuote(_)) => quote_depth += 1,
            Event::End(TagEnd::BlockQuote(_)) => quote_depth -= 1,
            Event::Start(Tag::TableHead) => in_table_head = true,
            Event::End(TagEnd::TableHead) => in_table_head = false,
            Event::Start(Tag::TableCell) => {
                push(&mut blocks, BlockKind::TableCell { header: in_table_head }, span, span, true);
            }
            Event::Start(Tag::CodeBlock(_)) => push(&mut blocks, BlockKind::Code, span, span, true),
            Event::Start(Tag::HtmlBlock) => push(&mut blocks, BlockKind::Html, span, span, true),
            Event::Start(Tag::MetadataBlock(_)) => push(&mut blocks, BlockKind::FrontMatter, span, span, true),
            Event::Code(_) | Event::InlineHtml(_) | Event::Html(_) | Event::InlineMath(_) | Event::DisplayMath(_) => masked.push(span),
            Event::Start(Tag::Image { .. }) => masked.push(span),
            Event::Start(Tag::Link { .. }) => {
                if source[span.start..span.end].starts_with('<') {
                    masked.push(span); // autolink
                } else {
                    links.push(span);
                }
            }
            // A link's syntax is no prose: its opening `[`, and everything after its text
            // (`](destination)`, `][label]`, `]`), whatever the text holds (a badge's image).
            Event::End(TagEnd::Link) => {
                if let Some(link) = links.pop() {
                    masked.push(Span::new(link.start, link.start + 1));
                    masked.push(Span::new(previous_end.max(link.start + 1).min(link.end), link.end));
                }
            }
            _ => {}
        }
    }
    // Nested blocks arrive in document order except list items emitted at their end.
    blocks.sort_by_key(|b| (b.content.start, b.content.end));
    blocks.dedup_by_key(|b| b.content);
    for block in &mut blocks {
        if block.kind == BlockKind::ListItem {
            if !last_was_item {
                group += 1;
            }
            last_was_item = true;
        } else {
            last_was_item = false;
        }
        block.group = group;
    }
    blocks
}

fn kind_is_prose(kind: BlockKind) -> bool {
    kind.is_prose()
}

fn trim(source: &str, span: Span) -> Span {
    let text = &source[span.start..span.end];
    let start = span.start + (text.len() - text.trim_start().len());
    let end = span.end - (text.len() - text.trim_end().len());
    Span::new(start, end.max(start))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(src: &str) -> Vec<(BlockKind, String)> {
        let mut masked = Vec::new();
        blocks(src, &mut masked).into_iter().map(|b| (b.kind, src[b.content.start..b.content.end].to_string())).collect()
    }

    #[test]
    fn markdown_blocks() {
        let src = "---\ntitle: x\n---\n# The Title\n\nSome text\nwrapped here.\n\n## Section ##\n\n- item one\n- item two\n  - nested\n\n> quoted line\n\n```\ncode\n```\n\n| A | B |\n|---|---|\n| c | d |\n";
        let k = kinds(src);
        assert_eq!(k[0].0, BlockKind::FrontMatter);
        assert_eq!(k[1], (BlockKind::Title, "The Title".into()));
        assert_eq!(k[2], (BlockKind::Paragraph, "Some text\nwrapped here.".into()));
        assert_eq!(k[3], (BlockKind::Heading(2), "Section".into()));
        assert_eq!(k[4], (BlockKind::ListItem, "item one".into()));
        assert_eq!(k[5], (BlockKind::ListItem, "item two".into()));
        assert_eq!(k[6], (BlockKind::ListItem, "nested".into()));
        assert_eq!(k[7], (BlockKind::Quote, "quoted line".into()));
        assert_eq!(k[8].0, BlockKind::Code);
        assert_eq!(k[9], (BlockKind::TableCell { header: true }, "A".into()));
        assert_eq!(k[11], (BlockKind::TableCell { header: false }, "c".into()));
    }
}

#[cfg(test)]
mod bom_tests {
    use super::*;

    #[test]
    fn a_bom_does_not_hide_the_title() {
        let src = "\u{FEFF}# The Title\r\n\r\nBody text.\r\n";
        let mut masked = Vec::new();
        let blocks = blocks(src, &mut masked);
        assert_eq!(blocks[0].kind, BlockKind::Title);
        assert_eq!(&src[blocks[0].content.start..blocks[0].content.end], "The Title");
        assert_eq!(&src[blocks[1].content.start..blocks[1].content.end], "Body text.");
    }
}

#[cfg(test)]
mod link_tests {
    use super::*;

    /// The text of `src` with every masked byte replaced by `#`.
    fn unmasked(src: &str) -> String {
        let mut masked = Vec::new();
        blocks(src, &mut masked);
        src.char_indices().map(|(i, c)| if masked.iter().any(|m| m.start <= i && i < m.end) { '#' } else { c }).collect()
    }

    #[test]
    fn a_links_syntax_is_masked_and_its_text_kept() {
        assert_eq!(unmasked("See [the docs](https://x.org) now."), "See #the docs################ now.");
        // reference, collapsed (whose empty `[]` the parser leaves out of the link: a pair
        // of brackets, balanced) and shortcut links; emphasis in the text
        assert_eq!(
            unmasked("A [b][r], [c][] and [*d*].\n\n[r]: u\n[c]: u\n[*d*]: u"),
            "A #b####, #c#[] and #*d*#.\n\n[r]: u\n[c]: u\n[*d*]: u"
        );
        // a badge: an image (masked whole) inside a link, inline or by reference
        assert_eq!(unmasked("[![CI](b.svg)](c) and [![Docs](d.svg)][r]\n\n[r]: u"), "################# and ###################\n\n[r]: u");
        // brackets in a link's text are the text's
        assert_eq!(unmasked("[a [b] c](u)"), "#a [b] c####");
    }
}
