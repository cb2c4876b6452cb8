//! `quote-mismatch` — misdirected curly quotes and unbalanced quotes or brackets.
//!
//! **Flags** a closing ” used to open a quotation (`_”If Japan is attacked…`), an opening “
//! used to close one, and, within a paragraph, a double quote or bracket with no partner.
//! **Never** on the news convention of a quotation running over several paragraphs (or list
//! items): one that opens a quote without closing it, followed by one that reopens it. Inch
//! marks (5'11"), list labels ("a)") and emoticons (":)", ":-(") are not quotes or brackets.
//! **Fix** (safe) flips a misdirected mark; unbalanced marks need a human.

use super::{Rule, RuleMeta};
use crate::common_options;
use crate::diagnostic::{Category, Diagnostic, Edit, Fix, Severity, Span};
use crate::document::{BlockKind, Document};
use crate::options::Level;
use serde::Deserialize;

pub static META: RuleMeta = RuleMeta {
    id: "quote-mismatch",
    category: Category::Punctuation,
    default_severity: Severity::Warning,
    priority: 90,
    fix: "safe",
    summary: "A misdirected curly quote, or an unbalanced quote or bracket in a paragraph",
    explanation: "Flags a closing curly quote (”) that opens a quotation, an opening one (“) that closes \
it, and a double quote or bracket left without its partner within a paragraph. A quotation that runs \
over several paragraphs or list items, the news convention where each paragraph reopens the quote and \
only the last one closes it, is recognised and left alone; inch marks (5'11\"), list labels such as \"a)\" and \
emoticons are not counted. The safe fix flips a misdirected mark; unbalanced marks are reported \
without a fix.",
    bad: "> _”If Japan is attacked, we will fight.”_",
    good: "> _“If Japan is attacked, we will fight.”_",
};

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Options {
    pub enabled: Option<bool>,
    pub severity: Option<Level>,
    /// Also check ( ) and [ ] (on by default).
    pub brackets: Option<bool>,
}
common_options!(Options);

pub struct QuoteMismatch {
    brackets: bool,
}

impl QuoteMismatch {
    pub fn new(options: Options) -> Self {
        QuoteMismatch { brackets: options.brackets.unwrap_or(true) }
    }
}

fn opens_context(before: Option<char>) -> bool {
    before.is_none_or(|c| c.is_whitespace() || matches!(c, '(' | '[' | '{' | '_' | '*' | '—' | '–' | '-' | '>'))
}

fn closes_context(after: Option<char>) -> bool {
    after.is_none_or(|c| c.is_whitespace() || matches!(c, ')' | ']' | '}' | '_' | '*' | '.' | ',' | ';' | ':' | '!' | '?' | '—' | '–'))
}

/// First character of a block's content that is not markup or white space.
fn starts_with_quote(doc: &Document<'_>, block: usize) -> bool {
    let text = doc.text(doc.blocks[block].content);
    text.trim_start_matches(['_', '*', ' ', '>']).starts_with(['“', '"', '«'])
}

impl Rule for QuoteMismatch {
    fn meta(&self) -> &RuleMeta {
        &META
    }

    fn check(&self, doc: &Document<'_>, out: &mut Vec<Diagnostic>) {
        let prose: Vec<usize> = (0..doc.blocks.len()).filter(|&i| doc.blocks[i].kind.is_prose()).collect();
        for (n, &bi) in prose.iter().enumerate() {
            let block = &doc.blocks[bi];
            let next_reopens = prose.get(n + 1).is_some_and(|&next| starts_with_quote(doc, next));
            self.check_block(doc, block.content, next_reopens, block.kind, out);
        }
    }
}

/// The bytes that can start a mark (`"`, a bracket, or 0xE2, which leads “ and ”), in order:
/// two SIMD searches of three bytes each (`memchr3`), each answer kept until passed. Marks are
/// rare in prose; a test of every byte of every block was more than 1 % of a run.
struct MarkStarts<'t> {
    bytes: &'t [u8],
    /// The next `"`, `(` or `)` at or after the position, and the next `[`, `]` or 0xE2
    /// (`None`: not searched yet; `Some(None)`: none left).
    round_or_straight: Option<Option<usize>>,
    square_or_curly: Option<Option<usize>>,
}

impl<'t> MarkStarts<'t> {
    fn new(bytes: &'t [u8]) -> Self {
        MarkStarts { bytes, round_or_straight: None, square_or_curly: None }
    }

    /// The first byte at or after `from` that can start a mark (`from` never decreasing from
    /// one call to the next).
    fn next(&mut self, from: usize) -> Option<usize> {
        let bytes = self.bytes;
        let search = |kept: &mut Option<Option<usize>>, [x, y, z]: [u8; 3]| {
            if kept.is_none_or(|at| at.is_some_and(|at| at < from)) {
                *kept = Some(bytes.get(from..).and_then(|rest| memchr::memchr3(x, y, z, rest)).map(|k| from + k));
            }
            kept.flatten()
        };
        let a = search(&mut self.round_or_straight, [b'"', b'(', b')']);
        let b = search(&mut self.square_or_curly, [b'[', b']', 0xE2]);
        match (a, b) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        }
    }
}

impl QuoteMismatch {
    fn check_block(&self, doc: &Document<'_>, content: Span, next_reopens: bool, kind: BlockKind, out: &mut Vec<Diagnostic>) {
        let text = doc.text(content);
        let mut open_curly: Vec<usize> = Vec::new();
        let mut stray_close: Option<usize> = None;
        let mut straight: Vec<usize> = Vec::new();
        let mut stray_straight: Option<usize> = None;
        let mut brackets: Vec<(char, usize)> = Vec::new();
        // Jump from one byte that can start a mark to the next (0xE2 leads “ and ”) rather
        // than decoding every character; `prev` and `next` are the characters around the mark.
        let bytes = text.as_bytes();
        let mut pos = 0;
        let mut starts = MarkStarts::new(bytes);
        while let Some(i) = starts.next(pos) {
            let Some(c) = text[i..].chars().next() else { break };
            pos = i + c.len_utf8();
            let at = content.start + i;
            let span = Span::new(at, at + c.len_utf8());
            let mark = matches!(c, '“' | '”' | '"' | '(' | ')' | '[' | ']');
            if !mark || doc.is_masked(span) {
                continue;
            }
            let prev = text[..i].chars().next_back();
            let next = text[pos..].chars().next();
            match c {
                '”' if opens_context(prev) && next.is_some_and(|n| n.is_alphanumeric()) => {
                    out.push(
                        Diagnostic::new(META.id, span, "closing quote ” used to open a quotation")
                            .with_help("use an opening quote: “")
                            .with_fix(Fix::safe(vec![Edit::replace(span, "“")])),
                    );
                    open_curly.push(at);
                }
                '“' if prev.is_some_and(|p| p.is_alphanumeric() || matches!(p, '.' | ',' | '!' | '?')) && closes_context(next) => {
                    out.push(
                        Diagnostic::new(META.id, span, "opening quote “ used to close a quotation")
                            .with_help("use a closing quote: ”")
                            .with_fix(Fix::safe(vec![Edit::replace(span, "”")])),
                    );
                    if open_curly.pop().is_none() && straight.pop().is_none() {
                        stray_close.get_or_insert(at);
                    }
                }
                '“' => {
                    // Reopening after a sentence end continues a quotation whose paragraph
                    // break was lost: the earlier quote closed implicitly.
                    if !open_curly.is_empty() && sentence_ended_before(text, i) {
                        open_curly.pop();
                    }
                    open_curly.push(at);
                }
                '”' => {
                    // (a straight opening quote closed by a curly one is a quotation all the
                    // same: two styles mixed, not a quote left open)
                    let unmatched = open_curly.pop().is_none() && straight.pop().is_none();
                    if unmatched {
                        stray_close.get_or_insert(at);
                    }
                }
                '"' => {
                    let opening = opens_context(prev) && next.is_some_and(|n| !n.is_whitespace());
                    let closing = prev.is_some_and(|p| !p.is_whitespace()) && closes_context(next);
                    if prev.is_some_and(|p| p.is_ascii_digit()) && straight.is_empty() {
                        // an inch mark: 5'11"
                    } else if opening && !closing {
                        if !straight.is_empty() && sentence_ended_before(text, i) {
                            straight.pop();
                        }
                        straight.push(at);
                    } else if closing && !opening {
                        if straight.pop().is_none() && open_curly.pop().is_none() {
                            stray_straight.get_or_insert(at);
                        }
                    } else if straight.pop().is_none() {
                        straight.push(at);
                    }
                }
                '(' if self.brackets && is_frown(text, i) => {}
                '(' | '[' if self.brackets => brackets.push((c, at)),
                ')' | ']' if self.brackets => {
                    let want = if c == ')' { '(' } else { '[' };
                    match brackets.last() {
                        Some(&(open, _)) if open == want => {
                            brackets.pop();
                        }
                        // "[0, 0x800)", "(0, 1]": a half-open interval closes what it opened
                        Some(&(_, open_at)) if is_interval(&text[open_at - content.start + 1..i]) => {
                            brackets.pop();
                        }
                        _ if is_label_or_emoticon(text, i, brackets.iter().any(|&(open, _)| open == '(')) => {}
                        _ => out.push(Diagnostic::new(META.id, span, format!("`{c}` has no opening `{want}`"))),
                    }
                }
                _ => {}
            }
        }
        let continues = next_reopens && matches!(kind, BlockKind::Paragraph | BlockKind::Quote | BlockKind::ListItem);
        if let Some(&at) = open_curly.first() {
            if !continues {
                out.push(
                    Diagnostic::new(META.id, Span::new(at, at + '“'.len_utf8()), "quotation opened here is never closed in this paragraph")
                        .with_help("add the closing ”"),
                );
            }
        }
        if let Some(at) = stray_close {
            out.push(
                Diagnostic::new(META.id, Span::new(at, at + '”'.len_utf8()), "closing quote ” has no opening quote in this paragraph")
                    .with_help("add the opening “"),
            );
        }
        if let Some(&at) = straight.first().filter(|_| !continues) {
            out.push(
                Diagnostic::new(META.id, Span::new(at, at + 1), "quotation opened here is never closed in this paragraph")
                    .with_help("add the closing \""),
            );
        }
        if let Some(at) = stray_straight {
            out.push(
                Diagnostic::new(META.id, Span::new(at, at + 1), "closing quote has no opening quote in this paragraph")
                    .with_help("add the opening \""),
            );
        }
        for (c, at) in brackets {
            out.push(Diagnostic::new(META.id, Span::new(at, at + 1), format!("`{c}` is never closed in this paragraph")));
        }
    }
}

/// Does the text before byte `i` end a sentence (". " before a new quotation)?
fn sentence_ended_before(text: &str, i: usize) -> bool {
    let before = text[..i].trim_end();
    before.len() < text[..i].len() && before.ends_with(['.', '!', '?', '…', ':'])
}

/// ":(", ":-(", ";(", ":'(" and "&lt;(" (an escaped "<(") end an emoticon, not open a bracket: a `(`
/// right after an emoticon's eyes or nose, with white space or nothing after it.
fn is_frown(text: &str, open_at: usize) -> bool {
    let before = &text[..open_at];
    let face = before.ends_with([':', ';', '=', '<']) || [":-", ":'", ";-"].iter().any(|nose| before.ends_with(nose));
    face && text[open_at + 1..].chars().next().is_none_or(char::is_whitespace)
}

/// What a half-open interval holds between its brackets ("[0, 0x800)", "(0, 1]", "[a, b)",
/// "[1, ∞)"): two endpoints and a comma, each a number or a name of one or two characters
/// (no words of prose: "(see [2, below)" is a slip).
fn is_interval(inside: &str) -> bool {
    let Some((low, high)) = inside.split_once(',') else { return false };
    let endpoint = |e: &str| {
        let e = e.trim().trim_start_matches(['-', '+', '−']);
        let number = e.starts_with(|c: char| c.is_ascii_digit())
            && e.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_'))
            && e.len() <= 24;
        let name = (1..=2).contains(&e.chars().count()) && e.chars().all(char::is_alphanumeric);
        number || name || e == "∞"
    };
    !high.contains(',') && endpoint(low) && endpoint(high)
}

/// "a)" "1)" "ii)" list labels and ":)" emoticons are not brackets; a label only where no `(`
/// is still open (`paren_open`), as "(see note a)" closes one.
fn is_label_or_emoticon(text: &str, close_at: usize, paren_open: bool) -> bool {
    let before = &text[..close_at];
    if before.ends_with([':', ';', '=']) || before.ends_with(":-") || before.ends_with(";-") {
        return true;
    }
    let word = before.rsplit(|c: char| c.is_whitespace() || c == '(').next().unwrap_or("");
    // (emphasis may wrap a label: "**2)** Security")
    let word = word.trim_start_matches(['*', '_']);
    let label = (1..=3).contains(&word.chars().count()) && word.chars().all(|c| c.is_alphanumeric());
    let lead = before[..before.len() - word.len()].trim_end_matches(['*', '_']);
    let at_start = lead.is_empty() || lead.ends_with(char::is_whitespace);
    label && at_start && !paren_open
}

#[cfg(test)]
mod tests {
    use crate::diagnostic::Applicability::Safe;
    use crate::rules::testing::{findings, fixed, flagged};

    const ID: &str = "quote-mismatch";

    #[test]
    fn a_frowning_face_opens_no_bracket() {
        for text in [
            "Title Here\n\nThe band lost again :( and fans left.\n",
            "Title Here\n\nThe public is consistently dull :-(\n",
            "Title Here\n\nWe missed the final :'( so sad.\n",
            "Title Here\n\nNobody came &lt;(\n",
        ] {
            assert!(findings(ID, text).is_empty(), "{text:?}");
        }
        // A bracket after a colon that goes on with words is still a bracket.
        assert_eq!(flagged(ID, "Title Here\n\nThe list:(first the budget and then the vote.\n"), ["("]);
    }

    #[test]
    fn a_half_open_interval_closes_what_it_opened() {
        for text in [
            "Ranges\n\nThe code points in [0, 0x800) take two bytes.\n",
            "Ranges\n\nPick a value in (0, 1] at random.\n",
            "Ranges\n\nFor every x in [a, b) the sum converges.\n",
            "Ranges\n\nThe bound holds on [-1.5, ∞) as shown.\n",
        ] {
            assert!(findings(ID, text).is_empty(), "{text:?}");
        }
        // words inside are prose: the bracket is a slip
        assert_eq!(flagged(ID, "Ranges\n\nThe vote (held on Monday, in the end] passed.\n"), ["(", "]"]);
        // three endpoints are no interval (the `3)` reads as a list label)
        assert_eq!(flagged(ID, "Ranges\n\nThe points [1, 2, 3) were kept.\n"), ["["]);
    }

    /// The two searches find each byte that can start a mark (`"`, a bracket, or 0xE2, which
    /// leads “ and ”), in order, wherever the search resumes: at every mark, between marks and
    /// past the last; with each mark alone in the text too.
    #[test]
    fn the_searches_find_every_mark_start_in_order() {
        let can_start_mark = |b: u8| matches!(b, b'"' | b'(' | b')' | b'[' | b']' | 0xE2);
        let sample: Vec<u8> = "ab(c\"d]e“f”g[h)i jk((".bytes().collect();
        for len in 0..=60 {
            let text: Vec<u8> = sample.iter().copied().cycle().take(len).collect();
            for only in [None, Some(b'"'), Some(b'('), Some(b')'), Some(b'['), Some(b']'), Some(0xE2)] {
                // the text with only this mark kept (the others made letters)
                let text: Vec<u8> =
                    text.iter().map(|&b| if only.is_none_or(|m| m == b) || !can_start_mark(b) { b } else { b'x' }).collect();
                for from in 0..=text.len() + 1 {
                    let expected = text.get(from..).and_then(|rest| rest.iter().position(|&b| can_start_mark(b))).map(|k| from + k);
                    // fresh, and after an earlier answer was kept
                    assert_eq!(super::MarkStarts::new(&text).next(from), expected, "{len} {from} {only:?}");
                    let mut starts = super::MarkStarts::new(&text);
                    let _ = starts.next(from / 2);
                    assert_eq!(starts.next(from), expected, "{len} {from} {only:?} resumed");
                }
            }
        }
        assert_eq!(super::MarkStarts::new(b"").next(0), None);
        for mark in ['“', '”', '"', '(', ')', '[', ']'] {
            assert!(can_start_mark(mark.to_string().as_bytes()[0]), "{mark}");
        }
    }

    #[test]
    fn a_misdirected_opening_quote_is_flipped() {
        let text = "Title Here\n\nShe said ”we will win” on Monday.\n";
        assert_eq!(findings(ID, text).len(), 1);
        assert_eq!(fixed(ID, text, Safe), "Title Here\n\nShe said “we will win” on Monday.\n");
    }

    #[test]
    fn an_unbalanced_bracket_is_flagged_without_a_fix() {
        let text = "Title Here\n\nThe plan (announced Monday was cheap.\n";
        assert_eq!(flagged(ID, text), ["("]);
        assert_eq!(fixed(ID, text, Safe), text);
    }

    #[test]
    fn a_quotation_in_two_quote_styles_is_closed() {
        for text in [
            "Hotels\n\nOwners struggle. \"Minibars always lose money,” Sharon said.\n",
            "Dinner\n\n“At least we have soup tonight,\" was his only comment.\n",
        ] {
            assert!(crate::rules::testing::flagged(super::META.id, text).is_empty(), "{text}");
        }
        // a misdirected quote after a straight opening one is the one defect
        let text = "Hotels\n\nOwners struggle. \"Minibars always lose money,“ Sharon said.\n";
        assert_eq!(crate::rules::testing::flagged(super::META.id, text), ["“"]);
    }

    #[test]
    fn multi_paragraph_quotes_inches_and_list_labels_are_fine() {
        for text in [
            "Title Here\n\n“The first paragraph of a long quote.\n\n“The second one ends it.”\n",
            // a quotation over the items of a list, each reopening it
            "Title Here\n\n• \"The first point of the talking points.\n\n• \"The second one ends them.\"\n",
            "Title Here\n\nHe is 5'11\" tall.\n",
            "Title Here\n\nThe options are a) cheap and b) fast.\n",
            // labels after a bracket that closed earlier in the paragraph
            "Title Here\n\nThe menu (the old one) is long, so either A) patch it or B) leave it.\n",
            "Title Here\n\nShe said “yes” and left.\n",
            // a label that emphasis wraps
            "# Tips\n\n**2) security** comes next.\n\n_b)_ keep the keys apart.\n",
        ] {
            assert!(findings(ID, text).is_empty(), "{text:?}");
        }
        // a bracket glued to a word inside emphasis is still a bracket
        assert_eq!(crate::rules::testing::flagged(ID, "# Tips\n\nThe **plan)** was cheap.\n"), [")"]);
    }
}
