//! Blocks of scraped plain text: one paragraph or heading per line, blank lines optional,
//! headings without markup. Light Markdown markers (`#`, `>`, `-`, `1)`, `|`, fences) are
//! understood because scrapers leave them behind.

use super::{Block, BlockKind};
use crate::diagnostic::Span;
use crate::text::count_words;

/// Where the list marker opening `line` ends, with the blanks after it: up to 8 blanks, a
/// bullet or 1 to 3 digits with `.` or `)`, then at least one blank. (Written out rather than
/// a regex: compiling one was a twentieth of linting a short article on its own.)
fn list_marker_end(line: &str) -> Option<usize> {
    let blank = |b: &u8| matches!(b, b' ' | b'\t');
    let indent = line.bytes().take_while(blank).count();
    if indent > 8 {
        return None;
    }
    let rest = &line[indent..];
    let marker = match rest.chars().next()? {
        c @ ('-' | '*' | '+' | '•' | '–' | '—' | '▪' | '◦') => c.len_utf8(),
        _ => {
            let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
            if !(1..=3).contains(&digits) || !matches!(rest.as_bytes().get(digits), Some(b'.' | b')')) {
                return None;
            }
            digits + 1
        }
    };
    let gap = rest[marker..].bytes().take_while(blank).count();
    (gap > 0).then_some(indent + marker + gap)
}

/// Where a quotation's `>` marker ends: up to 3 spaces, `>`, and one blank if there is one.
fn quote_marker_end(line: &str) -> Option<usize> {
    let indent = line.bytes().take_while(|&b| b == b' ').count();
    if indent > 3 || line.as_bytes().get(indent) != Some(&b'>') {
        return None;
    }
    Some(indent + 1 + usize::from(matches!(line.as_bytes().get(indent + 1), Some(b' ' | b'\t'))))
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Line {
    Blank,
    Fence,
    Html,
    Atx(u8, Span),
    Quote(Span),
    List(Span),
    TableRow,
    TableSeparator,
    Text(Span),
}

pub(super) fn blocks(source: &str, line_starts: &[usize]) -> Vec<Block> {
    let lines: Vec<(Span, Line)> = classify_lines(source, line_starts);
    let wrapping = wrapping(source, &lines);
    let code = unfenced_code(source, &lines);

    // Group lines into raw blocks (code fences, merged wrapped paragraphs).
    let mut raw: Vec<(BlockKind, Span, Span, bool)> = Vec::new(); // kind, span, content, explicit
    let mut i = 0;
    while i < lines.len() {
        let (span, line) = lines[i];
        match line {
            Line::Blank | Line::TableSeparator => {}
            Line::Fence => {
                let mut j = i + 1;
                while j < lines.len() && lines[j].1 != Line::Fence {
                    j += 1;
                }
                let end = lines.get(j).map_or(lines[lines.len() - 1].0.end, |l| l.0.end);
                raw.push((BlockKind::Code, Span::new(span.start, end), Span::new(span.start, end), true));
                i = j + 1;
                continue;
            }
            Line::Html => raw.push((BlockKind::Html, span, span, true)),
            Line::Atx(level, content) => raw.push((BlockKind::Heading(level), span, content, true)),
            Line::Quote(content) => raw.push((BlockKind::Quote, span, content, true)),
            Line::List(content) => {
                let (last, end) = continued(source, &lines, &code, i, content);
                i = last;
                raw.push((BlockKind::ListItem, Span::new(span.start, end.end), Span::new(content.start, end.end), true));
            }
            Line::TableRow => {
                // Placeholder; cells are expanded below. A header row is followed by a separator.
                let header = matches!(lines.get(i + 1), Some((_, Line::TableSeparator)));
                raw.push((BlockKind::TableCell { header }, span, span, true));
            }
            Line::Text(_) if code[i] => {
                // a run of code lines, blank lines inside it included, is one block
                let mut end = span.end;
                let mut j = i + 1;
                while j < lines.len() {
                    match lines[j].1 {
                        Line::Text(_) if code[j] => end = lines[j].0.end,
                        Line::Blank => {}
                        _ => break,
                    }
                    j += 1;
                }
                while j > i + 1 && lines[j - 1].1 == Line::Blank {
                    j -= 1;
                }
                raw.push((BlockKind::Code, Span::new(span.start, end), Span::new(span.start, end), false));
                i = j;
                continue;
            }
            Line::Text(content) => {
                let mut end = content;
                let joins = |i: usize| match wrapping {
                    Wrapping::Whole => true,
                    Wrapping::Partial => {
                        let (a, b) = (lines[i].0, lines[i + 1].0);
                        (running_prose(source, a) && goes_on(source, a, b))
                            || closes_across(&source[a.start..a.end], &source[b.start..b.end])
                    }
                    Wrapping::None => false,
                };
                // (in a text wrapped in part, a line the source broke before a dash reads as a
                // list item: "…political repercussions" / "— like the curtailing of…")
                let next_line = |k: usize| match lines.get(k) {
                    Some((_, Line::Text(next))) => Some(*next),
                    Some((line, Line::List(_))) if wrapping == Wrapping::Partial => {
                        Some(trim_span(source, *line)).filter(|l| source[l.start..l.end].starts_with(['—', '–']))
                    }
                    _ => None,
                };
                while let Some(next) = next_line(i + 1).filter(|_| !code[i + 1] && joins(i)) {
                    end = next;
                    i += 1;
                }
                if wrapping != Wrapping::Whole {
                    (i, end) = continued(source, &lines, &code, i, end);
                }
                raw.push((BlockKind::Paragraph, Span::new(span.start, end.end), Span::new(content.start, end.end), false));
            }
        }
        i += 1;
    }

    infer_title_and_headings(source, &mut raw, wrapping == Wrapping::Partial);

    // Expand table rows into cells and assign list groups.
    let mut blocks = Vec::with_capacity(raw.len());
    let mut group = 0;
    let mut in_list = false;
    for (kind, span, content, explicit) in raw {
        if kind == BlockKind::ListItem {
            if !in_list {
                group += 1;
            }
            in_list = true;
        } else {
            in_list = false;
        }
        if let BlockKind::TableCell { .. } = kind {
            for cell in table_cells(source, span) {
                blocks.push(Block { kind, span: cell, content: cell, group, explicit });
            }
            continue;
        }
        blocks.push(Block { kind, span, content, group, explicit });
    }
    blocks
}

/// Which lines are source code or commands left unfenced (see `code_lines`).
/// An extractor keeps the source's line breaks inside a paragraph or list item, indented as
/// the markup was ("The Fetch API intends\n      to fix most of…"), and lines of the markup's
/// spaces alone ("reasons,\n      such as\n    \ncertain filters"): a lowercase line after an
/// unfinished one goes on with it when it is indented or comes after such lines. Returns the
/// last line joined and the content's new end.
fn continued(source: &str, lines: &[(Span, Line)], code: &[bool], mut i: usize, mut end: Span) -> (usize, Span) {
    loop {
        let unfinished = ends_mid_sentence(&source[end.start..end.end]);
        let mut j = i + 1;
        while lines.get(j).is_some_and(|(s, l)| *l == Line::Blank && s.end > s.start && source[s.start..s.end].starts_with([' ', '\t'])) {
            j += 1;
        }
        let Some(&(next_span, Line::Text(next))) = lines.get(j).filter(|_| !code[j]) else { break };
        let indented = source[next_span.start..next.start].bytes().filter(|&b| b == b' ' || b == b'\t').count() >= 2 || j > i + 1;
        if !(indented && unfinished && source[next.start..next.end].starts_with(char::is_lowercase)) {
            break;
        }
        end = next;
        i = j;
    }
    (i, end)
}

/// Blank lines are left out of the reading: code is code across them.
fn unfenced_code(source: &str, lines: &[(Span, Line)]) -> Vec<bool> {
    let kept: Vec<usize> = (0..lines.len()).filter(|&i| lines[i].1 != Line::Blank).collect();
    let text: Vec<Option<&str>> =
        kept.iter().map(|&i| if let Line::Text(c) = lines[i].1 { Some(&source[c.start..c.end]) } else { None }).collect();
    let indents: Vec<usize> =
        kept.iter().map(|&i| source[lines[i].0.start..lines[i].0.end].bytes().take_while(|&b| b == b' ' || b == b'\t').count()).collect();
    let code = super::code_lines::code_lines(&text, &indents);
    let mut out = vec![false; lines.len()];
    for (k, &i) in kept.iter().enumerate() {
        out[i] = code[k];
    }
    out
}

fn classify_lines(source: &str, line_starts: &[usize]) -> Vec<(Span, Line)> {
    let mut out = Vec::with_capacity(line_starts.len());
    let bytes = source.as_bytes();
    for (n, &start) in line_starts.iter().enumerate() {
        let mut end = line_starts.get(n + 1).map_or(source.len(), |&next| next - 1);
        if end > start && bytes[end - 1] == b'\r' {
            end -= 1;
        }
        if start > end {
            continue;
        }
        let mut start = start;
        if n == 0 && source[start..end].starts_with('\u{FEFF}') {
            start += '\u{FEFF}'.len_utf8();
        }
        let span = Span::new(start, end);
        out.push((span, classify(source, span)));
    }
    out
}

fn classify(source: &str, span: Span) -> Line {
    let text = &source[span.start..span.end];
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Line::Blank;
    }
    if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
        return Line::Fence;
    }
    if trimmed.starts_with("<!--") && trimmed.ends_with("-->") {
        return Line::Html;
    }
    // Only a line whose first character is `#` is read as a heading.
    if let Some((level, content)) = trimmed.starts_with('#').then(|| atx_heading(text)).flatten() {
        return Line::Atx(level, Span::new(span.start + content.start, span.start + content.end));
    }
    let pipes = trimmed.matches('|').count();
    if pipes >= 2 || (pipes == 1 && (trimmed.starts_with('|') || trimmed.ends_with('|'))) {
        if trimmed.chars().all(|c| matches!(c, '-' | ':' | '|' | ' ' | '\t')) {
            return Line::TableSeparator;
        }
        return Line::TableRow;
    }
    if let Some(end) = quote_marker_end(text) {
        return Line::Quote(trim_span(source, Span::new(span.start + end, span.end)));
    }
    if let Some(end) = list_marker_end(text) {
        let content = trim_span(source, Span::new(span.start + end, span.end));
        if !content.is_empty() {
            return Line::List(content);
        }
    }
    Line::Text(trim_span(source, span))
}

/// How a plain text is hard-wrapped, if it is.
#[derive(Clone, Copy, PartialEq, Debug)]
enum Wrapping {
    /// A paragraph a line (scraped text), or blank lines between one-line paragraphs.
    None,
    /// Every line narrow, paragraphs running over several lines: consecutive lines are joined.
    Whole,
    /// Paragraphs apart by blank lines, some of them with the page source's line breaks kept
    /// inside (an extractor keeps them in some paragraphs and gives others one long line
    /// each, the source's lines of any width): a line of running prose that stops mid-sentence
    /// goes on with the next (see [`goes_on`]).
    Partial,
}

/// Hard-wrapped text is joined into paragraphs, so a continuation line starting lowercase is
/// not a new sentence. The evidence is lines that stop mid-sentence and continue in lowercase on
/// the next line; scraped one-paragraph-per-line text almost never has them. A text with wider
/// lines too is wrapped in part only when blank lines set its paragraphs apart (in scraped text,
/// a paragraph a line, a title-case heading before a lowercase slip is no broken line either:
/// only lines of running prose count).
fn wrapping(source: &str, lines: &[(Span, Line)]) -> Wrapping {
    let text = |s: &Span| &source[s.start..s.end];
    let continues = |a: &Span, b: &Span| ends_mid_sentence(text(a)) && text(b).trim_start().starts_with(char::is_lowercase);
    let text_pairs = || {
        lines.windows(2).filter_map(|w| match (&w[0], &w[1]) {
            ((a_line, Line::Text(a)), (_, Line::Text(b))) => Some((a_line, a, b)),
            _ => None,
        })
    };
    // Over the pairs whose first line `counts`: whether they show wrapping.
    let evident = |counts: &dyn Fn(&Span) -> bool| {
        let (pairs, continuations) =
            text_pairs().filter(|(a_line, ..)| counts(a_line)).fold((0, 0), |(p, c), (_, a, b)| (p + 1, c + usize::from(continues(a, b))));
        continuations >= 2 && continuations * 5 >= pairs
    };
    let max_width = lines.iter().filter(|(_, l)| matches!(l, Line::Text(_))).map(|(s, _)| text(s).chars().count()).max().unwrap_or(0);
    if max_width <= 100 {
        return if evident(&|_| true) { Wrapping::Whole } else { Wrapping::None };
    }
    let set_apart = lines.iter().filter(|(_, l)| *l == Line::Blank).nth(1).is_some();
    if set_apart && evident(&|a_line| running_prose(source, *a_line)) {
        Wrapping::Partial
    } else {
        Wrapping::None
    }
}

/// Whether `line` stops without a sentence's or a label's mark (closing quotes and emoji aside).
fn ends_mid_sentence(line: &str) -> bool {
    !matches!(last_significant(line), Some('.' | '!' | '?' | ':' | '…') | None)
}

/// Whether the line at `a` goes on with the line at `b` in a text wrapped in part: it stops
/// mid-sentence, and the next line starts lowercase or with a dash, or it stops on a function
/// word, or it reads as running prose ("…in the" / "North African nation"; "…available in
/// Firefox 39 (currently" / "Nightly)"; not a heading's "…Code Covered" / "So finally…").
fn goes_on(source: &str, a: Span, b: Span) -> bool {
    let (a, b) = (&source[a.start..a.end], source[b.start..b.end].trim_start());
    let last = a.rsplit(' ').next().unwrap_or("");
    ends_mid_sentence(a)
        && (b.starts_with(char::is_lowercase) || b.starts_with(['—', '–']) || crate::lexicon::is_function_word(last) || mostly_lowercase(a))
}

/// Whether `a` leaves a bracket or a double quotation open that `b` closes before it opens
/// another: one paragraph the source broke ("“We’re at a time where vendors sell poison." /
/// "Some do it unknowingly,” she said."; "(Credit:" / "Ann Lee/CNET)").
fn closes_across(a: &str, b: &str) -> bool {
    let open_in = |line: &str, open: char, close: char| {
        let mut depth = 0i32;
        for c in line.chars() {
            if c == open {
                depth += 1;
            } else if c == close {
                depth = (depth - 1).max(0);
            }
        }
        depth > 0
    };
    let closes_first = |line: &str, open: char, close: char| line.find(close).is_some_and(|c| line.find(open).is_none_or(|o| c < o));
    [('(', ')'), ('[', ']'), ('“', '”')].iter().any(|&(open, close)| open_in(a, open, close) && closes_first(b, open, close))
        || (a.matches('"').count() % 2 == 1 && b.matches('"').count() % 2 == 1)
}

/// Whether the line at `span` can be a line of a paragraph the source broke: it has a lowercase
/// word of four letters or more (running prose, not a title-case heading).
fn running_prose(source: &str, span: Span) -> bool {
    source[span.start..span.end].split(' ').any(|w| w.starts_with(char::is_lowercase) && w.chars().nth(3).is_some())
}

/// Whether half or more of the words of four letters or more in `line`, three at least, start
/// lowercase, as in a line of running prose ("the Fetch API is available in Firefox"), not in a
/// title-case heading ("Get your Frontend JavaScript Code Covered") nor in a lone word or two.
fn mostly_lowercase(line: &str) -> bool {
    let (mut long, mut lower) = (0, 0);
    for word in line.split(' ').map(|w| w.trim_start_matches(|c: char| !c.is_alphanumeric())).filter(|w| w.chars().nth(3).is_some()) {
        long += 1;
        lower += usize::from(word.starts_with(char::is_lowercase));
    }
    lower * 2 >= long && long >= 3
}

/// The first line is the title when it reads like one; a short line without sentence-final
/// punctuation followed by body text is a heading.
/// In a text wrapped in part (`set_apart`), where blank lines set paragraphs and headings apart,
/// a line with text right above and right below it is a line of a paragraph, however it reads
/// ("…as quickly as possible." / "They also work with the European Monitoring Centre for Drugs
/// and Drug" / "Addiction’s early warning system…").
fn infer_title_and_headings(source: &str, raw: &mut [(BlockKind, Span, Span, bool)], set_apart: bool) {
    let first_prose = raw.iter().position(|(k, ..)| k.is_prose());
    if let Some(i) = first_prose {
        let (kind, _, content, _) = raw[i];
        let text = &source[content.start..content.end];
        match kind {
            BlockKind::Heading(1) => raw[i].0 = BlockKind::Title,
            BlockKind::Paragraph if looks_like_title(text) => raw[i].0 = BlockKind::Title,
            _ => {}
        }
    }
    for i in 0..raw.len() {
        if raw[i].0 != BlockKind::Paragraph {
            continue;
        }
        let text = &source[raw[i].2.start..raw[i].2.end];
        if !looks_like_heading(text) {
            continue;
        }
        let one_break = |from: usize, to: usize| source[from..to].bytes().filter(|&b| b == b'\n').count() == 1;
        let inside_a_paragraph = set_apart
            && i >= 1
            && one_break(raw[i - 1].1.end, raw[i].1.start)
            && raw.get(i + 1).is_some_and(|next| one_break(raw[i].1.end, next.1.start));
        if inside_a_paragraph {
            continue;
        }
        let next_is_body = raw[i + 1..].iter().find(|(k, ..)| *k != BlockKind::Html).is_some_and(|(kind, _, content, _)| match kind {
            BlockKind::Paragraph => is_body_text(&source[content.start..content.end]),
            BlockKind::ListItem | BlockKind::TableCell { .. } | BlockKind::Quote | BlockKind::Code => true,
            _ => false,
        });
        if next_is_body {
            raw[i].0 = BlockKind::Heading(2);
        }
    }
}

/// Words of a line, counted up to `limit`: each caller compares the count with a number below
/// its limit, and a paragraph may be thousands of words long.
/// The last character that carries meaning: skips closing quotes, emphasis, emoji, spaces.
fn last_significant(text: &str) -> Option<char> {
    text.chars().rev().find(|&c| !c.is_whitespace() && !crate::text::is_closer(c) && !crate::text::is_emoji(c))
}

fn looks_like_title(text: &str) -> bool {
    let words = count_words(text, 41);
    // (an initialism's last dot ends no sentence: "… Underneath N.Y.C.")
    let ends_with_period =
        last_significant(text) == Some('.') && !crate::text::is_initialism(text.trim_end().rsplit(' ').next().unwrap_or(""));
    words <= 40 && (!ends_with_period || words <= 12) && text.chars().any(char::is_alphabetic)
}

fn looks_like_heading(text: &str) -> bool {
    let words = count_words(text, 15);
    if words == 0 || words > 14 || text.chars().count() > 120 {
        return false;
    }
    if matches!(last_significant(text), Some('.' | ',' | ';' | ':' | '…') | None) {
        return false;
    }
    match text.chars().find(|c| c.is_alphanumeric()) {
        Some(c) => c.is_uppercase() || c.is_ascii_digit(),
        None => false,
    }
}

fn is_body_text(text: &str) -> bool {
    count_words(text, 15) > 14 || matches!(last_significant(text), Some('.' | '!' | '?' | ':' | '…'))
}

/// An ATX heading line (`## Title ##`): its level and its content's byte range in `line`.
/// What `^ {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$` captures, read byte by byte: that
/// regex ran on every line opening with `#` (the seeds' headings) through a backtracker.
fn atx_heading(line: &str) -> Option<(u8, std::ops::Range<usize>)> {
    let bytes = line.as_bytes();
    let indent = bytes.iter().take_while(|&&b| b == b' ').count();
    let hashes = bytes[indent..].iter().take_while(|&&b| b == b'#').count();
    if indent > 3 || !(1..=6).contains(&hashes) || bytes.contains(&b'\n') {
        return None;
    }
    let is_blank = |b: &u8| matches!(b, b' ' | b'\t');
    let gap = bytes[indent + hashes..].iter().take_while(|b| is_blank(b)).count();
    if gap == 0 {
        return None;
    }
    let start = indent + hashes + gap;
    // The longest suffix that is blanks, or blanks, hashes and blanks, is not content.
    let trailing = |end: usize, pred: &dyn Fn(&u8) -> bool| bytes[start..end].iter().rev().take_while(|b| pred(b)).count();
    let mut end = line.len() - trailing(line.len(), &is_blank);
    let closing = trailing(end, &|b| *b == b'#');
    if closing > 0 {
        let blanks = trailing(end - closing, &is_blank);
        if blanks > 0 {
            end -= closing + blanks;
        }
    }
    Some((hashes as u8, start..end))
}

fn trim_span(source: &str, span: Span) -> Span {
    let text = &source[span.start..span.end];
    let start = span.start + (text.len() - text.trim_start().len());
    let end = span.end - (text.len() - text.trim_end().len());
    Span::new(start, end.max(start))
}

fn table_cells(source: &str, row: Span) -> Vec<Span> {
    let text = &source[row.start..row.end];
    let mut cells = Vec::new();
    let mut start = 0;
    for (i, c) in text.char_indices().chain(std::iter::once((text.len(), '|'))) {
        if c == '|' {
            let cell = trim_span(source, Span::new(row.start + start, row.start + i));
            if !cell.is_empty() {
                cells.push(cell);
            }
            start = i + 1;
        }
    }
    cells
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{line_starts, BlockKind::*};

    fn kinds(src: &str) -> Vec<(BlockKind, String)> {
        blocks(src, &line_starts(src)).into_iter().map(|b| (b.kind, src[b.content.start..b.content.end].to_string())).collect()
    }

    /// The list and quotation markers are read as the regexes they replaced read them, for
    /// every line of up to six characters over an alphabet of their edge cases.
    #[test]
    fn markers_are_read_as_the_regexes_read_them() {
        let list = regex::Regex::new(r"^[ \t]{0,8}(?:[-*+•–—▪◦]|\d{1,3}[.)])[ \t]+").unwrap();
        let quote = regex::Regex::new(r"^ {0,3}>[ \t]?").unwrap();
        let alphabet = [" ", "\t", "-", "•", "1", ".", ")", ">", "a"];
        let mut last = vec![String::new()];
        let mut checked = 0;
        for _ in 0..6 {
            last = last.iter().flat_map(|l| alphabet.iter().map(move |c| format!("{l}{c}"))).collect();
            for line in &last {
                assert_eq!(list_marker_end(line), list.find(line).map(|m| m.end()), "{line:?}");
                assert_eq!(quote_marker_end(line), quote.find(line).map(|m| m.end()), "{line:?}");
                checked += 1;
            }
        }
        for line in ["         - nine blanks", "        - eight", "1234. four digits", "123) three", "12.", "—\tdash", "▪ x", "◦x"] {
            assert_eq!(list_marker_end(line), list.find(line).map(|m| m.end()), "{line:?}");
        }
        assert!(checked > 500_000);
    }

    /// The byte reading of an ATX heading captures what the regex it replaced captured, for
    /// every line of up to seven characters over an alphabet of its edge cases.
    #[test]
    fn atx_headings_are_read_as_the_regex_read_them() {
        let regex = regex::Regex::new(r"^ {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$").unwrap();
        let alphabet = [" ", "\t", "#", "a", "é", "\r"];
        let mut lines = vec![String::new()];
        let mut last = lines.clone();
        for _ in 0..7 {
            last = last.iter().flat_map(|l| alphabet.iter().map(move |c| format!("{l}{c}"))).collect();
            lines.extend(last.iter().cloned());
        }
        for extra in ["#######  x", "   ### Title ###   ", "    # four spaces", "# a ## b ##", "## ##", "# #", "#\tTabbed\t#"] {
            lines.push(extra.to_string());
        }
        assert!(lines.len() > 100_000, "{}", lines.len());
        for line in &lines {
            let want = regex.captures(line).map(|c| (c[1].len() as u8, c.get(2).unwrap().range()));
            assert_eq!(atx_heading(line), want, "{line:?}");
        }
    }

    #[test]
    fn a_long_title_ending_with_an_initialism_is_a_title() {
        let long = "Manhole Fires and Burst Pipes: How Winter Wreaks Havoc on the Streets Underneath";
        assert_eq!(kinds(&format!("{long} N.Y.C.\nThe city said so.\n"))[0].0, Title);
        // a long first line that ends a sentence is the first paragraph
        assert_eq!(kinds(&format!("{long} the city every year.\nThe city said so.\n"))[0].0, Paragraph);
    }

    #[test]
    fn title_headings_lists_and_tables() {
        let src = "Big News Today\nFirst paragraph is here.\nFinal Thoughts\nIt ends.\n- one item\n1) two\nA | B |\n---|---|\nx | y |\n";
        let k = kinds(src);
        assert_eq!(k[0], (Title, "Big News Today".into()));
        assert_eq!(k[2], (Heading(2), "Final Thoughts".into()));
        assert_eq!(k[4], (ListItem, "one item".into()));
        assert_eq!(k[5], (ListItem, "two".into()));
        assert_eq!(k[6], (TableCell { header: true }, "A".into()));
        assert_eq!(k[8], (TableCell { header: false }, "x".into()));
    }

    #[test]
    fn short_lines_before_short_lines_are_not_headings() {
        let k = kinds("Title\nBody text here.\nRelated\nOne Story Here\nAnother Story\n");
        assert_eq!(k[2].0, Paragraph);
        assert_eq!(k[4].0, Paragraph);
    }

    #[test]
    fn fenced_code_is_one_block() {
        let k = kinds("Title\n```\nlet x = y.z;\n```\nAfter.\n");
        assert_eq!(k[1].0, Code);
        assert_eq!(k[2].0, Paragraph);
    }

    #[test]
    fn unfenced_code_is_one_block() {
        let k = kinds("Title\n\nRun it like this:\n\nnpm install copydesk --save\n\nconsole.log(data.text);\n\nThen it works.\n");
        assert_eq!(k[1].0, Paragraph);
        assert_eq!(k[2], (Code, "npm install copydesk --save\n\nconsole.log(data.text);".into()));
        assert_eq!(k[3].0, Paragraph);
    }

    #[test]
    fn indented_continuation_lines_are_joined() {
        let long = "A paragraph on one line, as scrapers write them, runs well past any width a hard-wrapped text keeps.";
        let k = kinds(&format!("Title\n\n{long}\nThe API intends\n      to fix these problems.\n  the end is near.\nNext one\n"));
        assert_eq!(k[2], (Paragraph, "The API intends\n      to fix these problems.".into()));
        assert_eq!(k[3], (Paragraph, "the end is near.".into()));
        assert_eq!(k.len(), 5);
        // across lines of spaces alone, not across an empty line
        let k = kinds(&format!("Title\n\n{long}\nThey map to HTTP but have\n      \ncertain filters.\nIt has\n\nthe end.\n"));
        assert_eq!(k[2], (Paragraph, "They map to HTTP but have\n      \ncertain filters.".into()));
        assert_eq!(k[4], (Paragraph, "the end.".into()));
        // a list item's too
        let k = kinds(&format!("Title\n\n{long}\n   *  GET a folder: retrieve the names of the\n      documents it holds\n"));
        assert_eq!(k[2], (ListItem, "GET a folder: retrieve the names of the\n      documents it holds".into()));
    }

    /// An extractor keeps the page source's line breaks in some paragraphs and gives others one
    /// long line: with blank lines between paragraphs, a line of running prose that stops
    /// mid-sentence goes on with the next when that starts lowercase or a dash, or when it stops
    /// on a function word.
    #[test]
    fn paragraphs_the_source_broke_are_joined_in_a_text_wrapped_in_part() {
        let long = "A paragraph given on one line, as extractors give most of them, runs well past any width a wrapped text keeps.";
        let src = format!(
            "Title\n\n{long}\n\nGunmen opened fire on visitors at\nthe museum on Wednesday, killing 19 people in the\nNorth \
             African nation.\n\nThe attack could have political repercussions\n— like the curtailing of rights, or even less\n\
             transparency.\n\nThe museum, which holds one of the finest collections of mosaics, had\nreopened in May.\n\n\
             Background To The Attack\nthe museum had reopened.\n"
        );
        let k = kinds(&src);
        assert_eq!(k[2].1, "Gunmen opened fire on visitors at\nthe museum on Wednesday, killing 19 people in the\nNorth African nation.");
        assert_eq!(k[3].1, "The attack could have political repercussions\n— like the curtailing of rights, or even less\ntransparency.");
        // a title-case heading is no broken line: the slip after it stays a paragraph of its own
        assert_eq!(k[4].1, "The museum, which holds one of the finest collections of mosaics, had\nreopened in May.");
        assert_eq!(k[5].1, "Background To The Attack");
        assert_eq!(k[6].1, "the museum had reopened.");
        // a line of running prose goes on before a capital too; a lone word does not
        let src = format!(
            "Title\n\n{long}\n\nThe API is available in Firefox 39 and in the current\nbuilds of Chrome, currently\nNightly \
             ones.\n\nThe type is a response\nthat is severely\nrestricted\nThe error type follows.\n"
        );
        let k = kinds(&src);
        assert_eq!(k[2].1, "The API is available in Firefox 39 and in the current\nbuilds of Chrome, currently\nNightly ones.");
        assert_eq!(k[3].1, "The type is a response\nthat is severely\nrestricted");
        // a quotation or a bracket the line leaves open and the next closes
        let src = format!(
            "Title\n\n{long}\n\nGunmen opened fire on visitors at\nthe museum.\n\nThe rain kept falling on the\nnorth \
             side.\n\n“Vendors are selling poison.\nSome do it unknowingly,” she said.\n\nThe patch uses an algorithm(by\nColin \
             Percival) to shrink updates.\n\n“Vendors sell poison.”\nSome do it unknowingly.\n"
        );
        let k = kinds(&src);
        assert_eq!(k[4].1, "“Vendors are selling poison.\nSome do it unknowingly,” she said.");
        assert_eq!(k[5].1, "The patch uses an algorithm(by\nColin Percival) to shrink updates.");
        assert_eq!(k[6].1, "“Vendors sell poison.”");
        // a line with text right above and below is no heading there, however it reads
        let src = format!(
            "Title\n\n{long}\n\nGunmen opened fire on visitors at\nthe museum.\n\nThe rain kept falling on the\nnorth \
             side.\n\nThe lab tests pills sent from abroad.\nThey also work with the European Monitoring Centre for Drugs\nAnd \
             Addiction, which warns of bad batches.\n\nWhat Comes Next\n\nThe lab will open a second site.\n"
        );
        let k = kinds(&src);
        assert!(k.iter().all(|(kind, text)| *kind != Heading(2) || text == "What Comes Next"), "{k:?}");
        assert!(k.iter().any(|(kind, text)| *kind == Heading(2) && text == "What Comes Next"), "{k:?}");
        // without blank lines (a paragraph a line, as scraped text comes) nothing is joined
        let src = format!("Title\n{long}\nGunmen opened fire on visitors at\nthe museum.\nShots were heard in the\nnext street.\n");
        assert_eq!(kinds(&src).len(), 6);
    }

    #[test]
    fn hard_wrapped_paragraphs_are_joined() {
        let line = "this is a line of hard wrapped text that goes on for a while";
        let src = format!("Title\n\n{l}\n{l}\n{l}\n\n{l}\n{l}\n{l}\n", l = line);
        let k = kinds(&src);
        assert_eq!(k.len(), 3);
    }
}
