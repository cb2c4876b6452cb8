//! `sentence-case` — a sentence, paragraph, list item or table cell starting lowercase.
//!
//! **Flags** "asymmetrical defense agreements, …" opening a paragraph, "… relations. moving
//! forward, …", "- public Sentiment:" among capitalised sibling items.
//! **Why** a lowercase start is the signature of text cut from its context or mangled by a
//! scraper.
//! **Never** on lowercase brands (iPhone, eBay), digits, URLs, code, identifiers and file names,
//! handles no dictionary knows and the document never capitalises ("mstriemer fixed…"), a tool's
//! or value's name the document writes lowercase and never capitalised, opening a sentence as
//! the subject of a verb ("public contains only…"), a name a heading opens with lowercase, name
//! particles (de, van), the continuation of a quotation or of an ellipsis, a reference list's
//! back-links, lists whose items are all lowercase (the lines of a flattened one too), a sentence
//! going on around material an extractor dropped after a colon, through a list ("either of" /
//! the items / "at your option.") or after code, a paragraph going on with one
//! an extractor cut off mid-sentence ("…a unique topic, and" / "shorter pages…"), or a word or
//! two of a flattened table on a line.
//! **Fix** (safe) capitalises the first letter.

use super::{Rule, RuleMeta};
use crate::common_options;
use crate::diagnostic::{Category, Diagnostic, Edit, Fix, Severity, Span};
use crate::document::{BlockKind, Document, Word};
use crate::options::Level;
use crate::text::{capitalize, char_before, has_inner_upper, starts_lower, starts_upper};
use serde::Deserialize;
use std::collections::HashSet;

pub static META: RuleMeta = RuleMeta {
    id: "sentence-case",
    category: Category::Capitalization,
    default_severity: Severity::Warning,
    priority: 60,
    fix: "safe",
    summary: "A sentence, paragraph, list item or table cell starts with a lowercase letter",
    explanation: "Flags a sentence that begins with a lowercase letter: at the start of a paragraph \
(\"asymmetrical defense agreements, where…\"), after a full stop (\"…relations. moving forward, it…\"), \
in a list item whose siblings are capitalised (\"- public Sentiment:\") or in a table cell of \
several words. Lowercase brands (iPhone, eBay), digits, URLs, code, identifiers and file names \
(\"pdf.js\", \"musl_writev\"), handles that are no English word and that the document never \
capitalises (\"mstriemer fixed the dialog\"), a tool's or value's name that the document writes \
lowercase elsewhere and never capitalised, opening a sentence as the subject of a verb (\"public \
contains only the final changes\"; never a function word), a name the document's title or a heading \
opens with, lowercase as there and never capitalised (\"# fancy-regex\" over \"fancy-regex is…\"), a \
paragraph after a list that the paragraph before introduced with no mark at its end, or a colon after \
a function word (\"Licensed under either of:\" / the licences / \"at your option.\"), a paragraph going on after code (\"We change \
it to this\" / the code / \"and compile it\"), name particles (de, van, von), the continuation of a \
quotation or an ellipsis, a reference list's back-links (\"^ a b\"), lists written all in \
lowercase (and short unpunctuated lines that follow another such lowercase line: a flattened \
list), a paragraph going on after one that ends with a colon (the code or quotation it \
introduced was dropped: \"and add the line.\"), a paragraph going on with one an extractor cut off \
mid-sentence (it ends with a comma, a word no sentence ends with, \"…one broad topic, and\" / \
\"shorter pages dig…\", or a sentence of one such word just begun, \"…is created. It\" / \"contains…\"; \
or without a sentence's mark before \"and\" or \"or\", or at a line break the extractor kept \
with the page markup's spaces around it, or anywhere in a page that breaks two paragraphs or more \
so: \"…at the home of Moreno\" / \"found two rifles…\") and a lowercase word or two on a line of their own \
(a flattened table's values) are left alone. \
The safe fix capitalises the first letter.",
    bad: "The talks ended. moving forward, both sides will meet again.",
    good: "The talks ended. Moving forward, both sides will meet again.",
};

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Options {
    pub enabled: Option<bool>,
    pub severity: Option<Level>,
    /// Words that may start a sentence in lowercase (brands, particles).
    #[serde(default)]
    pub allow: Vec<String>,
}
common_options!(Options);

pub struct SentenceCase {
    allow: HashSet<String>,
}

impl SentenceCase {
    pub fn new(options: Options) -> Self {
        SentenceCase { allow: options.allow.into_iter().collect() }
    }

    /// `heading_openers`: the first word of each heading (see [`heading_openers`]), asked for
    /// only when needed.
    fn exempt<'d>(&self, doc: &'d Document<'_>, word: &Word, heading_openers: &dyn Fn() -> &'d HashSet<&'d str>) -> bool {
        let text = doc.text(word.span());
        if !starts_lower(text) || has_inner_upper(text) || self.allow.contains(text) {
            return true;
        }
        let head = text.split(['’', '\'', '-']).next().unwrap_or(text);
        if self.allow.contains(head) {
            return true;
        }
        // What stands between the sentence start and the word: a quotation mark or an
        // ellipsis means we are inside a quotation or a continued sentence.
        let sentence = doc.sentences[word.sentence()].span;
        let lead = &doc.source[sentence.start..word.span().start];
        // (a caret: a reference list's back-links, "^ a b Eich, Brendan")
        if lead.contains(['“', '"', '‘', '\'', '«', '…', '[', '(', '^']) || lead.contains("...") {
            return true;
        }
        // A path, handle, tag, variable or dotfile written as it must be: "/srv/media",
        // "@nasa", "#tbt", "~/notes", "$HOME", ".bashrc".
        if lead.ends_with(['/', '\\', '@', '#', '~', '$', '.', '`', '_']) {
            return true;
        }
        // A shell prompt before a command, as a page's session flattened into its prose reads:
        // "… from it. $ hg clone public review".
        if lead.trim_end() == "$" {
            return true;
        }
        // An action between asterisks, as chat and mailing lists write it: "*plonk*", "*sigh*".
        let rest = &doc.source[word.span().end..];
        if lead.ends_with('*') && rest.starts_with('*') {
            return true;
        }
        // An identifier or a file's name: "musl_writev is…", "pdf.js[edit]", "clone() must…".
        let dotted = crate::text::has_dotted_part;
        if text.contains('_') || dotted(text) || rest.starts_with(['_', '(']) || (rest.starts_with('.') && dotted(rest)) {
            return true;
        }
        if matches!(char_before(doc.source, sentence.start), Some('…')) {
            return true;
        }
        // A handle written lowercase on purpose ("mstriemer fixed the dialog", "emalysz
        // added…"): no English word, and never capitalised in the document (mid-sentence in
        // its evidence, or anywhere near: a title, a heading, a sentence start).
        // So is the name of a tool, a command or a value the text writes lowercase mid-sentence
        // too, opening a sentence as the subject of a verb ("evolve lets you push…", "public
        // contains only the final changes", "headers is the response's object"): an everyday
        // word, but no function word (those open sentences of their own: "however, …").
        let bare = text.strip_suffix("'s").or_else(|| text.strip_suffix("’s")).unwrap_or(text);
        let lower = bare.to_ascii_lowercase();
        let never_capitalised = || {
            doc.evidence().usage(&lower).mentioned_mid == 0
                && doc.evidence().spelling(&lower).is_none()
                && crate::text::whole_word_matches(crate::analysis::near(doc, word.span()).1, &capitalize(bare)).next().is_none()
        };
        let shape_ok = bare.len() >= 3 && bare.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-');
        let handle = || !bare.contains('-') && crate::lexicon::lookup(bare).is_none();
        let named_subject = || {
            !crate::lexicon::is_function_word(bare)
                && matches!(
                    first_word_after(rest),
                    "is" | "was" | "lets" | "contains" | "returns" | "holds" | "has" | "does" | "takes" | "provides"
                )
                && doc.evidence().usage(&lower).lower_mid >= 1
        };
        // A name the document's title or a heading opens with, lowercase as here ("# fancy-regex"
        // over "fancy-regex is…"): every style capitalises a heading's first word, so the
        // lowercase is the name's own.
        let opens_a_heading = || heading_openers().contains(bare);
        shape_ok && (handle() || named_subject() || opens_a_heading()) && never_capitalised()
    }
}

/// The first word of each heading and title: worked out once per document, as a sentence
/// start asks whether a heading opens with it (a scan of the blocks for each made a long
/// file with many lowercase sentence starts quadratic).
fn heading_openers<'d>(doc: &'d Document<'_>) -> HashSet<&'d str> {
    (0..doc.blocks.len())
        .filter(|&b| doc.blocks[b].kind.is_heading_like())
        .filter_map(|b| doc.words_in_block(b).first().map(|w| doc.text(w.span())))
        .collect()
}

impl Rule for SentenceCase {
    fn meta(&self) -> &RuleMeta {
        &META
    }

    fn check(&self, doc: &Document<'_>, out: &mut Vec<Diagnostic>) {
        if !doc.evidence().is_english() {
            return; // spelling and case are English-only
        }
        let lowercase_lists = lowercase_lists(doc);
        // (worked out at the first paragraph that needs it: most documents have none)
        let breaks_once = std::cell::OnceCell::new();
        let breaks_mid_sentence = || *breaks_once.get_or_init(|| breaks_paragraphs_mid_sentence(doc));
        let (table_of, lowercase_tables) = lowercase_tables(doc);
        let openers_once = std::cell::OnceCell::new();
        let openers = || openers_once.get_or_init(|| heading_openers(doc));
        for (bi, block) in doc.blocks.iter().enumerate() {
            let words = doc.words_in_block(bi);
            // A short cell or item in lowercase with no sentence punctuation is a label or a
            // value ("tsp", "n/a", "extra virgin"), not a sentence; "local Opinion Poll" among
            // capitalised words is a heading that lost its capital.
            let label = words.len() < 4
                && !doc.text(block.content).trim_end().ends_with(['.', '!', '?'])
                && words.iter().skip(1).all(|w| !crate::text::starts_upper(doc.text(w.span())));
            match block.kind {
                // A lowercase word or two on a line of their own: a flattened table's value
                // ("started", "next") or what is left of a sentence whose code or quotation the
                // extractor dropped ("and add").
                BlockKind::Paragraph if label && words.first().is_some_and(|w| starts_lower(doc.text(w.span()))) => continue,
                BlockKind::Paragraph | BlockKind::Quote => {}
                BlockKind::ListItem | BlockKind::TableCell { .. } if label => continue,
                BlockKind::ListItem if lowercase_lists.contains(&block.group) => continue,
                BlockKind::ListItem => {}
                BlockKind::TableCell { .. } if words.len() < 2 || lowercase_tables.contains(&table_of[bi]) => continue,
                BlockKind::TableCell { .. } => {}
                _ => continue,
            }
            // A paragraph after one that ends with a colon, or one that ends with a colon itself
            // and is short ("and here:", "and pull that into the repository:"), goes on with a
            // sentence around material the text introduced and the extractor dropped: a block
            // of code, a quotation, an embedded post.
            // So does a short line with no sentence punctuation after another such line that
            // starts lowercase too: the items of a flattened list, written lowercase as a style
            // ("it's native (no installation)" / "it can be used programmatically").
            // (asked only of a lowercase first word: most paragraphs start with a capital)
            let continues = || {
                block.kind == BlockKind::Paragraph && {
                    let content = doc.text(block.content).trim_end();
                    let previous = bi.checked_sub(1).filter(|&p| doc.blocks[p].kind.is_prose());
                    let after_colon = previous.is_some_and(|p| doc.introduces_material(p));
                    let list_line = |b: usize, text: &str| {
                        let words = doc.words_in_block(b);
                        doc.blocks[b].kind == BlockKind::Paragraph
                            && !text.ends_with(['.', '!', '?', ':'])
                            && words.len() <= LIST_LINE_WORDS
                            && words.first().is_some_and(|w| starts_lower(doc.text(w.span())))
                    };
                    let in_a_list =
                        list_line(bi, content) && previous.is_some_and(|p| list_line(p, doc.text(doc.blocks[p].content).trim_end()));
                    // (code shown mid-sentence: "we change it to this:" / the code / "and compile it")
                    let after_code = bi.checked_sub(1).is_some_and(|p| doc.blocks[p].kind == BlockKind::Code);
                    after_colon
                        || after_code
                        || (content.ends_with(':') && words.len() <= 12)
                        || in_a_list
                        || previous.is_some_and(|p| ends_a_list_its_sentence_runs_through(doc, p))
                        || previous.is_some_and(|p| {
                            cut_off(doc, p, bi, words.first().map_or("", |w| doc.text(w.span())))
                                || (stops_on_a_word(doc, p, true) && breaks_mid_sentence())
                        })
                }
            };
            for word in words.iter().filter(|w| w.sentence_start()) {
                if self.exempt(doc, word, &openers) || (words.first() == Some(word) && continues()) {
                    continue;
                }
                let text = doc.text(word.span());
                let first = text.chars().next().map_or(0, char::len_utf8);
                let first_span = Span::new(word.span().start, word.span().start + first);
                let fixed = capitalize(&text[..first]);
                let where_ = match block.kind {
                    BlockKind::ListItem => "list item",
                    BlockKind::TableCell { .. } => "table cell",
                    _ if words.first() == Some(word) => "paragraph",
                    _ => "sentence",
                };
                out.push(
                    Diagnostic::new(META.id, word.span(), format!("{where_} starts with a lowercase letter: `{text}`"))
                        .with_help(format!("capitalise it: `{}`", capitalize(text)))
                        .with_fix(Fix::safe(vec![Edit::replace(first_span, fixed)])),
                );
            }
        }
    }
}

/// Whether block `last` is the last item of a list that a sentence runs through: the
/// paragraph before the list introduces it with no mark at its end (a word or a comma), or a
/// colon after a function word, so the paragraph after it goes on with that sentence ("Licensed under either of" / the licences / "at your
/// option.").
fn ends_a_list_its_sentence_runs_through(doc: &Document<'_>, last: usize) -> bool {
    let block = &doc.blocks[last];
    if block.kind != BlockKind::ListItem {
        return false;
    }
    let first = (0..last).rev().take_while(|&b| doc.blocks[b].kind == BlockKind::ListItem && doc.blocks[b].group == block.group).last();
    let intro = first.unwrap_or(last).checked_sub(1).map(|b| &doc.blocks[b]);
    // A colon after a clause ends the lead-in: what follows the list is a sentence of its own
    // ("The details come to us from Reuters:" / the measures / "the government also
    // promised…"); after a function word the clause is unfinished ("either of:").
    intro.is_some_and(|b| {
        let text = doc.text(b.content).trim_end();
        let unfinished = text.strip_suffix(':').is_some_and(|lead| {
            let last = lead.trim_end().rsplit(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
            crate::lexicon::is_function_word(&last.to_ascii_lowercase())
        });
        b.kind == BlockKind::Paragraph && (text.ends_with(|c: char| c.is_alphanumeric() || c == ',') || unfinished)
    })
}

/// The word after one space at the start of `text`, or "" ("evolve lets you" → "lets").
fn first_word_after(text: &str) -> &str {
    text.strip_prefix(' ').map_or("", |rest| rest.split([' ', ',', '.', ';', ':']).next().unwrap_or(""))
}

/// Whether block `b` stops mid-sentence, so the paragraph after it (block `next`), opening with `first`, goes on
/// with it: an extractor split it ("…one broad topic, and" / "shorter pages…"). It ends with a
/// comma or a word no sentence or heading ends with ("and", "the", "of", "about"), or with a
/// sentence of one such word just begun ("…is created. It" / "contains the text"); on a word
/// without a sentence's mark, before a conjunction ("…the obvious add function" / "and one
/// more, _start", code dropped between); or on such a word at a line break the page's markup
/// made, which the extractor kept with the markup's spaces around it ("…looking stunning in new "
/// / "make-up photos."; "…has taken" / " to her page"). (A paragraph that ends on a word
/// without its full stop is no evidence alone: edited news drops one now and then, and the next
/// paragraph is a sentence of its own.)
fn cut_off(doc: &Document<'_>, b: usize, next: usize, first: &str) -> bool {
    /// Words that need a word after them: articles, conjunctions, possessives, prepositions
    /// that take an object.
    const NEVER_LAST: &[&str] = &[
        "a", "about", "an", "and", "as", "at", "because", "between", "but", "by", "for", "from", "his", "if", "into", "its", "my", "nor",
        "of", "or", "our", "than", "that", "the", "their", "through", "to", "whose", "with", "your",
    ];
    let block = &doc.blocks[b];
    let text = doc.text(block.content).trim_end();
    if block.kind == BlockKind::Title {
        return false;
    }
    let last = text.rsplit(' ').next().unwrap_or("");
    let sentence_just_begun = || {
        starts_upper(last)
            && crate::lexicon::is_function_word(&last.to_ascii_lowercase())
            && text.rsplit(' ').nth(1).is_some_and(|w| w.ends_with(['.', '!', '?']))
    };
    let unfinished = text.ends_with(|c: char| c.is_alphanumeric());
    // one line break, with the markup's spaces before or after it
    let markup_break = || {
        let gap = doc.source.get(block.content.end..doc.blocks[next].content.start).unwrap_or("");
        gap.bytes().filter(|&b| b == b'\n').count() == 1 && (gap.starts_with([' ', '\t']) || gap.ends_with([' ', '\t']))
    };
    text.ends_with(',')
        || NEVER_LAST.contains(&last)
        || (unfinished && (matches!(first, "and" | "or" | "nor") || sentence_just_begun() || markup_break()))
}

/// Whether block `b`, a paragraph or a line read as a heading, stops on a word without a
/// sentence's mark.
fn stops_on_a_word(doc: &Document<'_>, b: usize, headings: bool) -> bool {
    let block = &doc.blocks[b];
    (block.kind == BlockKind::Paragraph || (headings && matches!(block.kind, BlockKind::Heading(_)) && !block.explicit))
        && doc.text(block.content).trim_end().ends_with(char::is_alphanumeric)
}

/// A page whose markup breaks paragraphs mid-sentence does so again and again ("…at the home of
/// Morales" / "netted two handguns…"; "…his first public" / "speech as director…"): two or more
/// paragraphs that stop on a word without a sentence's mark, each before one that starts
/// lowercase, make every such break a cut, after a line read as a heading too. (Once is no
/// evidence: edited news drops a full stop now and then.)
fn breaks_paragraphs_mid_sentence(doc: &Document<'_>) -> bool {
    let starts_lowercase = |b: usize| doc.words_in_block(b).first().is_some_and(|w| starts_lower(doc.text(w.span())));
    (1..doc.blocks.len())
        .filter(|&b| doc.blocks[b].kind == BlockKind::Paragraph && stops_on_a_word(doc, b - 1, false) && starts_lowercase(b))
        .nth(1)
        .is_some()
}

/// The most words a line of a flattened list has.
const LIST_LINE_WORDS: usize = 15;

/// Table parts (header or body of each table) whose phrase cells are written in lowercase as a
/// style: more multi-word cells start lowercase than uppercase. Returns each block's table
/// part and the lowercase parts.
/// A table and whether the part is its header row.
type TablePart = (usize, bool);

fn lowercase_tables(doc: &Document<'_>) -> (Vec<TablePart>, HashSet<TablePart>) {
    let mut table_of = vec![(0, false); doc.blocks.len()];
    let mut counts: std::collections::HashMap<(usize, bool), (usize, usize)> = std::collections::HashMap::new();
    let mut table = 0;
    let mut previous_was_cell = false;
    for (bi, block) in doc.blocks.iter().enumerate() {
        let is_cell = matches!(block.kind, BlockKind::TableCell { .. });
        if is_cell && !previous_was_cell {
            table += 1;
        }
        previous_was_cell = is_cell;
        let header = matches!(block.kind, BlockKind::TableCell { header: true });
        table_of[bi] = (table, header);
        let words = doc.words_in_block(bi);
        if !is_cell || words.len() < 2 {
            continue;
        }
        let first = doc.text(words[0].span());
        let entry = counts.entry((table, header)).or_default();
        if starts_upper(first) {
            entry.0 += 1;
        } else if starts_lower(first) {
            entry.1 += 1;
        }
    }
    let lowercase = counts.into_iter().filter(|(_, (upper, lower))| lower > upper).map(|(t, _)| t).collect();
    (table_of, lowercase)
}

/// Lists written deliberately in lowercase: at least as many items start lowercase as
/// uppercase. Returned as list group ids.
fn lowercase_lists(doc: &Document<'_>) -> HashSet<usize> {
    let mut counts: std::collections::HashMap<usize, (usize, usize)> = std::collections::HashMap::new();
    for (bi, block) in doc.blocks.iter().enumerate() {
        if block.kind != BlockKind::ListItem {
            continue;
        }
        if let Some(w) = doc.words_in_block(bi).first() {
            let t = doc.text(w.span());
            let entry = counts.entry(block.group).or_default();
            if starts_upper(t) {
                entry.0 += 1;
            } else if starts_lower(t) {
                entry.1 += 1;
            }
        }
    }
    counts.into_iter().filter(|(_, (upper, lower))| lower >= upper).map(|(g, _)| g).collect()
}

#[cfg(test)]
mod tests {
    use crate::diagnostic::Applicability::Safe;
    use crate::rules::testing::{fixed, flagged};

    const ID: &str = "sentence-case";

    #[test]
    fn a_lowercase_sentence_start_is_capitalised() {
        let text = "Title Here\n\nThe vote was close. the motion passed by two votes.\n";
        assert_eq!(flagged(ID, text), vec!["the"]);
        assert_eq!(fixed(ID, text, Safe), "Title Here\n\nThe vote was close. The motion passed by two votes.\n");
        // A ligature from a PDF gets its titlecase, not "FInally".
        let text = "Title Here\n\nThe vote was close. ﬁnally the motion passed.\n";
        assert_eq!(fixed(ID, text, Safe), "Title Here\n\nThe vote was close. Finally the motion passed.\n");
        // a name English does not know, capitalised elsewhere in the document
        let text = "Title Here\n\nThe minister met Mr Kishida on Monday. kishida said the talks went well.\n";
        assert_eq!(flagged(ID, text), vec!["kishida"]);
        // or in the title only
        let text = "Kishida Visits Seoul\n\nkishida said the talks went well.\n";
        assert_eq!(flagged(ID, text), vec!["kishida"]);
    }

    #[test]
    fn quotations_continuations_and_brand_names_are_left_alone() {
        for text in [
            "Title Here\n\nHe paused. \"and then it rained,\" he said.\n",
            "Title Here\n\nThe list went on... and on.\n",
            "Title Here\n\nThe phone sold well. iPhone sales rose again.\n",
            // º is lowercase in Unicode but has no capital: there is nothing to fix
            "Title Here\n\nThe vote was close. ºsence of it.\n",
        ] {
            assert!(flagged(ID, text).is_empty(), "{text:?}");
        }
    }

    #[test]
    fn a_sentence_around_dropped_material_and_a_flattened_value_are_left_alone() {
        for text in [
            // the code or quotation the colon introduced is gone
            "Title Here\n\nFirst, open the settings file:\n\nand add the line.\n",
            "Title Here\n\nThe critics had a point, as one reviewer wrote here:\n\nand here:\n\nIt was not enough.\n",
            // a table's values on lines of their own
            "Title Here\n\nThe job moves through these states.\n\nState\n\nstarted\n\ncompleted\n",
            // a paragraph an extractor split mid-sentence
            "Title Here\n\nEach guide covers one broad topic, and\n\nshorter pages dig into the details.\n",
            "Title Here\n\nThe tool is a service run by one of\n\nthe team that wrote the library.\n",
            "Title Here\n\nThe module contains the obvious add function\n\nand one more function, its start.\n",
            "Title Here\n\nThe reader turns each page into a list of words with\n\nthe place of each in the tree.\n",
            "Title Here\n\nThe operations ranged from reading his letters to\n\nsearching the bins outside his flat.\n",
            // a page that breaks its paragraphs mid-sentence again and again
            "Title Here\n\nA week after the meeting was called off, a police raid at the home of Moreno\n\nfound two rifles \
             and a bag of cash.\n\nHe spoke alongside the minister at a conference on security held in Vienna in \
             2003\n\nand again a year later.\n\nHis first public\n\nspeech as director was a bitter one.\n",
            // a sentence just begun: "It" / "contains"
            "Title Here\n\nFor each token a special object is created. It\n\ncontains the token itself.\n",
            // line breaks of the page's markup, kept with its spaces around them
            "Title Here\n\nThe pictures, which went online on Monday, show the singer looking relaxed in new \nstudio photos.\n",
            "Title Here\n\nThe actress, who won an award in 2008, has taken\n to her page to share the pictures.\n",
        ] {
            assert!(flagged(ID, text).is_empty(), "{text}: {:?}", flagged(ID, text));
        }
        // a sentence that ends is no label, and a long paragraph ending with a colon is one
        // of its own
        let text = "Title Here\n\nThe vote was close.\n\nthe motion passed.\n\nthe minister, who spoke after the vote in \
                    the chamber on Monday night, said this:\n";
        assert_eq!(flagged(ID, text), ["the", "the"]);
        // a short line without a sentence's end is a heading or label, and a paragraph without
        // its full stop a sentence: neither is cut off
        let text = "Title Here\n\nThe vote was close.\n\nWhat happens next\n\nthe motion passed.\n";
        assert_eq!(flagged(ID, text), ["the"]);
        let text = "Title Here\n\nThe deficit widened by more than expected in October, figures have shown\n\nthe \
                    shortfall was $55bn.\n";
        assert_eq!(flagged(ID, text), ["the"]);
        // a conjunction after a paragraph that ends with its full stop opens a sentence
        let text = "Title Here\n\nThe deficit widened in October.\n\nand the shortfall was $55bn.\n";
        assert_eq!(flagged(ID, text), ["and"]);
        // a capitalised word that ends a sentence ("Now."), a paragraph break after the
        // markup's spaces, and a paragraph after a finished one are no cut
        let text = "Title Here\n\nThe vote was held in October. It\n\nThe motion passed. \n\nthe minister left.\n";
        assert_eq!(flagged(ID, text), ["the"]);
        // one paragraph that stops without its full stop is no evidence
        let text = "Title Here\n\nA week after the meeting was called off, a police raid at the home of Moreno\n\nfound two \
                    rifles.\n\nHe left.\n";
        assert_eq!(flagged(ID, text), ["found"]);
        let text = "Title Here\n\nThe vote was held in October \nthe motion passed.\n";
        assert_eq!(flagged(ID, text), Vec::<&str>::new());
        let text = "Title Here\n\nThe vote was held in October. \nthe motion passed.\n";
        assert_eq!(flagged(ID, text), ["the"]);
    }

    #[test]
    fn the_lowercase_lines_of_a_flattened_list_are_left_alone() {
        let text = "Title Here\n\nA profile reads like this.\n\nthe x-axis shows the population\n\nthe y-axis shows \
                    stack depth\n\nWhat does it mean?\n";
        assert_eq!(flagged(ID, text), ["the"], "the first line follows a sentence");
        // one lowercase line among capitalised ones, or a line that is a sentence, is flagged
        let text = "Title Here\n\nThe x-axis shows the population.\n\nthe y-axis shows stack depth\n\nthe figures \
                    are plain.\n\nthe chart was drawn by hand\n";
        assert_eq!(flagged(ID, text), ["the", "the", "the"]);
    }

    #[test]
    fn a_sentence_running_through_a_list_goes_on_after_it() {
        // the paragraph before the list introduces it without ending a sentence
        let text = "# Ferry passes\n\nA pass is sold for either of\n\n- the inner harbour, or\n- the outer islands\n\nat the \
                    same price.\n";
        assert!(flagged(ID, text).is_empty(), "{:?}", flagged(ID, text));
        // a list after a finished sentence or a lead-in with a colon: the paragraph after it
        // starts a sentence of its own
        for text in [
            "# Ferry passes\n\nTwo passes are sold.\n\n- the inner harbour pass\n- the outer islands pass\n\nboth cost the same.\n",
            "# Ferry passes\n\nTwo passes are sold:\n\n- the inner harbour pass\n- the outer islands pass\n\nboth cost the same.\n",
        ] {
            assert_eq!(flagged(ID, text), ["both"], "{text}");
        }
        // a colon after a function word leaves the lead-in unfinished
        let text = "# Ferry passes\n\nA pass is sold for either of:\n\n- the inner harbour, or\n- the outer islands\n\nat the \
                    same price.\n";
        assert!(flagged(ID, text).is_empty(), "{:?}", flagged(ID, text));
    }

    #[test]
    fn a_sentence_going_on_after_code_is_left_alone() {
        let text = "# Tracing calls\n\nWe change the call to this\n\n```\nrun(x ** 2)\n```\n\nand compile it again.\n";
        assert!(flagged(ID, text).is_empty(), "{:?}", flagged(ID, text));
    }

    #[test]
    fn a_name_a_heading_writes_lowercase_is_left_as_written() {
        // every style capitalises a heading's first word: lowercase there, it is the name's own
        let text = "# fair-copy\n\nfair-copy is a small tool for marking up quotations.\n\n## Use\n\nRun it on a folder.\n";
        assert!(flagged(ID, text).is_empty(), "{:?}", flagged(ID, text));
        // but not a word the text capitalises elsewhere
        let text = "# fair-copy\n\nfair-copy is a small tool. Fair-copy was written in a week.\n";
        assert_eq!(flagged(ID, text), ["fair-copy"]);
    }

    #[test]
    fn an_everyday_word_or_a_function_word_opening_a_sentence_is_flagged() {
        // no verb after it, or a function word, or written capitalised elsewhere
        for text in [
            "Title Here\n\nThe talks ended, moving the date. moving forward, both sides will meet.\n",
            "Title Here\n\nThe plan, however, failed. however is the word she used.\n",
            "Title Here\n\nPublic money was spent on the public park. public is what it was called.\n",
        ] {
            assert_eq!(flagged(ID, text).len(), 1, "{text}");
        }
    }

    #[test]
    fn a_sentence_opening_with_a_path_handle_or_tag_is_left_as_written() {
        for text in [
            "Title Here\n\nThe wizard asks for a folder, e.g. /srv/media/movies. It then scans it.\n",
            "Title Here\n\nThe agency posted the photo. @nasa later deleted it.\n",
            "Title Here\n\nThe trend spread fast. #tbt posts doubled.\n",
            "Title Here\n\nEdit the file. ~/notes holds the rest.\n",
            // a handle written lowercase throughout
            "Title Here\n\nThe team shipped the release.\n\nmstriemer fixed the print dialog. Thanks to mstriemer for it.\n",
            // a tool's or a value's name the text writes lowercase, as the subject of a verb
            "Title Here\n\nBob pushes to the public repository. public contains only the final changes.\n",
            // identifiers, file names and a reference list's back-links
            "Title Here\n\nThe runtime calls it. _start is part of the spec.\n",
            "Title Here\n\nmusl_writev is an implementation of the syscall.\n",
            "Title Here\n\npdf.js renders the document in the browser.\n",
            "Title Here\n\nIt returns a copy. clone() must be called first.\n",
            // a shell session flattened into the prose, prompt and command
            "Title Here\n\nThen clone it. $ hg clone public review updating to branch default. $ cd ../bob\n",
            // an action between asterisks
            "Title Here\n\nIt plays almost nothing, so it is useless. *plonk* Someone else wrote back.\n",
            "Title Here\n\n- ^ a b Eich, Brendan (21 June 2011). \"New engine\". Retrieved 2012.\n- ^ Smith, Ann. \"Notes\".\n",
        ] {
            assert!(flagged(ID, text).is_empty(), "{text:?}");
        }
    }
}
