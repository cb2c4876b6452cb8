//! `duplicate-line` — a non-trivial line or paragraph repeated in the same document.
//!
//! **Flags** the repeat (not the original): the title repeated after a stray "News" label, a
//! paragraph pasted twice. The title also matches without its site suffix (" – Explore").
//! **Why** scrapers capture the headline twice and CMS pastes duplicate paragraphs.
//! **Never** on short lines (fewer than `min-words` words; a title repeated right under it is
//! reported however short), table separator rows, code, a refrain: a short line repeated in
//! verse (lyrics, a poem), where repeating is the form, a short line of dialogue said again
//! further on, or a how-to's step said again (a short line ending with a colon, and the line
//! going on after it), an item listed again in another section's list (a changelog's releases;
//! a section pasted twice repeats its headings too, and its items are reported) or a paragraph
//! said again under other Markdown headings (a release's thanks).
//! **Fix** deletes the repeat: safe for an exact repeat, unsafe when only the site suffix differs.

use super::boilerplate::Detector;
use super::{Rule, RuleMeta};
use crate::common_options;
use crate::diagnostic::{Category, Diagnostic, Edit, Fix, Severity};
use crate::document::{BlockKind, Document};
use crate::options::Level;
use crate::text::{normalize_line, RareRegex};
use rustc_hash::FxHashMap as HashMap;
use serde::Deserialize;
use std::sync::{Arc, LazyLock};

pub static META: RuleMeta = RuleMeta {
    id: "duplicate-line",
    category: Category::Structure,
    default_severity: Severity::Warning,
    priority: 80,
    fix: "safe/unsafe",
    summary: "A line or paragraph of four or more words repeated verbatim",
    explanation: "Flags a line or paragraph of at least `min-words` words that already appeared earlier in \
the same document, at the repeat, with the line of the first occurrence. Comparison ignores case, \
punctuation, emoji and spacing, and the title is also compared without a trailing site suffix \
(\" – Explore\", \" | Site\"), which is how scrapers usually duplicate headlines. Short lines (except a title repeated \
right under it, however short: \"Mozilla\" twice), table separators and code are ignored, and so is a refrain: in a text of verse (most lines short, most \
ending without a sentence's mark: lyrics, a poem) a short line may come back, unless it repeats the \
title right under it. So is a line of dialogue said again further on (a short quotation on a \
line of its own, \"“I would prefer not to.”\", not right under its first time), and a how-to's \
step said again further on: a short line ending with a colon, whose code or command the extractor \
dropped (\"Then edit the repository configuration:\"), and the line going on after it; and an item listed \
again in another section's list (a changelog's releases: the headings above the two lists differ, \
where a section pasted twice repeats them), or a paragraph said again under other Markdown headings (a \
release's \"Thanks to all of the contributors!\"). Page chrome the \
page repeats (\"Photo by …\" under each picture, \"Continue reading the main story\") is left to \
`boilerplate`, which deletes every copy; a repeated title is a duplicate even when it reads like chrome. \
The fix deletes the repeat: safe when the repeat is exact, unsafe \
when it differs by the site suffix.",
    bad: "Trump Sparks Controversy Over Alliance – Explore\nNews\nTrump Sparks Controversy Over Alliance",
    good: "Trump Sparks Controversy Over Alliance\nNews",
};

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Options {
    pub enabled: Option<bool>,
    pub severity: Option<Level>,
    /// Lines with fewer words are never reported.
    pub min_words: Option<usize>,
}
common_options!(Options);

static SITE_SUFFIX: LazyLock<RareRegex> = LazyLock::new(|| RareRegex::new(r"\s+[|–—-]\s+[^|–—-]{1,40}$").unwrap());

/// The most words a line of verse has, for [`is_verse`].
const VERSE_LINE_WORDS: usize = 12;

/// Whether the document is verse (lyrics, a poem): at least eight lines of body text, nearly
/// all of them short, most ending without a sentence's mark. Prose paragraphs end in one.
fn is_verse(doc: &Document<'_>) -> bool {
    let (mut lines, mut short, mut open) = (0, 0, 0);
    for (bi, block) in doc.blocks.iter().enumerate() {
        if !matches!(block.kind, BlockKind::Paragraph | BlockKind::ListItem) {
            continue;
        }
        lines += 1;
        short += usize::from(doc.normalized_words(bi) <= VERSE_LINE_WORDS);
        let text = doc.text(block.content).trim_end().trim_end_matches(['"', '”', '’', '\'', ')']);
        open += usize::from(!text.ends_with(['.', '!', '?', '…']));
    }
    lines >= 8 && short * 10 >= lines * 8 && open * 2 > lines
}

/// Whether `text` is one quotation: it opens with a quotation mark and closes with one, perhaps
/// before its sentence's mark.
fn is_quotation(text: &str) -> bool {
    let text = text.trim();
    text.starts_with(['"', '“']) && text.trim_end_matches(['.', '!', '?', ',']).ends_with(['"', '”'])
}

pub struct DuplicateLine {
    min_words: usize,
    detector: Arc<Detector>,
}

impl DuplicateLine {
    pub fn new(options: Options, detector: Arc<Detector>) -> Self {
        DuplicateLine { min_words: options.min_words.unwrap_or(4).max(1), detector }
    }
}

impl Rule for DuplicateLine {
    fn meta(&self) -> &RuleMeta {
        &META
    }

    fn prepare(&self, doc: &Document<'_>) -> Option<&'static str> {
        self.detector.scan(doc);
        Some(super::boilerplate::SCAN)
    }

    fn check(&self, doc: &Document<'_>, out: &mut Vec<Diagnostic>) {
        // normalised text → (first block, exact?)
        // Keys borrow the document's normalised lines; only a title's stripped form is owned.
        // (sized for an article's blocks at once, where growing it rehashed every key again; a
        // long text of short lines, which never reach the map, is not given a table the size of
        // its lines)
        let mut seen: HashMap<std::borrow::Cow<'_, str>, (usize, bool)> =
            HashMap::with_capacity_and_hasher(doc.blocks.len().min(1 << 12), Default::default());
        // (worked out at the first repeat: most documents have none)
        let mut verse: Option<bool> = None;
        // The block a step said again ended, if the last block was one (see `step_again`).
        let mut after_step_again: Option<usize> = None;
        // Which blocks boilerplate deletes as chrome (worked out at the first repeat).
        let mut chrome_blocks: Option<Vec<bool>> = None;
        let mut sections: Option<Sections> = None;
        for (bi, block) in doc.blocks.iter().enumerate() {
            if !block.kind.is_prose() || matches!(block.kind, BlockKind::TableCell { .. }) {
                continue;
            }
            let text = doc.text(block.content);
            let key = doc.normalized(bi);
            // A title repeated right under it is the scraper's duplicate however short it is
            // ("Mozilla", "Test video"); elsewhere a short line repeats by design.
            let title_repeated = bi >= 1 && doc.blocks[bi - 1].kind == BlockKind::Title && !key.is_empty() && doc.normalized(bi - 1) == key;
            // (an empty line counts as one word, as `split(' ')` counted it)
            if doc.normalized_words(bi).max(1) < self.min_words && !title_repeated {
                continue;
            }
            if title_repeated {
                // (a title shorter than `min-words` was never recorded)
                seen.entry(key.into()).or_insert((bi - 1, true));
            }
            if let Some(&(first, exact)) = seen.get(key) {
                // A heading repeating a list item is a table of contents (boilerplate's business).
                let toc = matches!(
                    (doc.blocks[first].kind, block.kind),
                    (BlockKind::ListItem, BlockKind::Heading(_)) | (BlockKind::Heading(_), BlockKind::ListItem)
                );
                // A song's or a poem's refrain: a short line repeated in a text of verse, even
                // one the title repeats ("Calling Me Home"), though not right under the title.
                let refrain = (doc.blocks[first].kind != BlockKind::Title || bi > first + 2)
                    && doc.normalized_words(bi) <= VERSE_LINE_WORDS
                    && *verse.get_or_insert_with(|| is_verse(doc));
                // A line of dialogue said again later in the story ("“I would prefer not to.”"):
                // a short quotation of its own, away from its first time. A scraper's copy
                // stands right under its original, or is page chrome.
                let short_away = bi > first + 1 && doc.normalized_words(bi) <= VERSE_LINE_WORDS;
                let said_again = short_away && is_quotation(text);
                // A how-to's step said again further on, introducing code or a command the
                // extractor dropped ("Then edit the repository configuration:"), and the line
                // that goes on with it ("and add the same text."): the steps repeat, not a copy.
                let step_again = short_away && doc.introduces_material(bi);
                let step_goes_on =
                    short_away && after_step_again.is_some_and(|b| b + 1 == bi) && first >= 1 && doc.introduces_material(first - 1);
                after_step_again = step_again.then_some(bi);
                // Chrome a page repeats ("Photo by Ann Lee" under each picture) is boilerplate's
                // finding, which deletes the line (not a line that only holds a chrome phrase:
                // a title repeated with its "See More Articles" is still a repeat, and so is a
                // title that reads like chrome, "About This Site").
                let mut chrome = || {
                    doc.blocks[first].kind != BlockKind::Title
                        && chrome_blocks.get_or_insert_with(|| {
                            let mut chrome = vec![false; doc.blocks.len()];
                            for f in self.detector.scan(doc).iter().filter(|f| !f.info && f.fixable) {
                                f.blocks.clone().for_each(|b| chrome[b] = true);
                            }
                            chrome
                        })[bi]
                };
                // An item listed again in another section's list: a changelog's releases, a
                // feature table per version ("- Support for Python 3.13" under two releases). A
                // section pasted twice repeats its heading too, so the headings must differ.
                // So is a paragraph said again under another section's Markdown headings ("Thanks
                // to all of the contributors for this release!" under each release): a writer's
                // formula, where an inferred heading of scraped text could be a copy's.
                let mut path = |b: usize, explicit: bool| sections.get_or_insert_with(|| Sections::of(doc)).path(doc, b, explicit);
                let listed_again = match (doc.blocks[first].kind, block.kind) {
                    (BlockKind::ListItem, BlockKind::ListItem) => {
                        doc.blocks[first].group != block.group && path(first, false) != path(bi, false)
                    }
                    (BlockKind::Paragraph, BlockKind::Paragraph) => {
                        let (a, b) = (path(first, true), path(bi, true));
                        !a.is_empty() && !b.is_empty() && a != b
                    }
                    _ => false,
                };
                if toc || refrain || said_again || step_again || step_goes_on || listed_again || chrome() {
                    continue;
                }
                let line = doc.line_of(doc.blocks[first].span.start) + 1;
                let removal = doc.block_removal_span(block.span);
                let edit = vec![Edit::delete(removal)];
                out.push(
                    Diagnostic::new(META.id, block.span, format!("this repeats line {line}"))
                        .with_help("delete the repeat")
                        .with_fix(if exact { Fix::safe(edit) } else { Fix::unsafe_(edit) }),
                );
                continue;
            }
            seen.insert(key.into(), (bi, true));
            if block.kind == BlockKind::Title {
                // (the regex, compiled on first need, needs one of its separators)
                if let Some(m) = text.contains(['|', '–', '—', '-']).then(|| SITE_SUFFIX.find(text)).flatten() {
                    let stripped = normalize_line(&text[..m.start()]);
                    if stripped.split(' ').count() >= self.min_words {
                        seen.entry(stripped.into()).or_insert((bi, false));
                    }
                }
            }
        }
    }
}

/// The headings each block stands under, worked out once per document: a walk back to the
/// start from every repeated block made a long file with many repeats quadratic.
struct Sections {
    /// Per block: the nearest heading before it, Markdown's headings only (`[0]`) or any
    /// (`[1]`); per heading: the nearest heading before it of a higher level. NONE: none.
    nearest: [Vec<usize>; 2],
    parent: [Vec<usize>; 2],
}

impl Sections {
    const NONE: usize = usize::MAX;

    fn of(doc: &Document<'_>) -> Sections {
        let n = doc.blocks.len();
        let mut nearest = [vec![Self::NONE; n], vec![Self::NONE; n]];
        let mut parent = [vec![Self::NONE; n], vec![Self::NONE; n]];
        for (k, explicit) in [true, false].into_iter().enumerate() {
            // The headings before this block by rising level: each one's parent is the top of
            // the stack once every heading of its level or lower is popped.
            let mut open: Vec<(u8, usize)> = Vec::new();
            let mut last = Self::NONE;
            for (b, block) in doc.blocks.iter().enumerate() {
                nearest[k][b] = last;
                if let BlockKind::Heading(level) = block.kind {
                    if block.explicit || !explicit {
                        while open.last().is_some_and(|&(l, _)| l >= level) {
                            open.pop();
                        }
                        parent[k][b] = open.last().map_or(Self::NONE, |&(_, h)| h);
                        open.push((level, b));
                        last = b;
                    }
                }
            }
        }
        Sections { nearest, parent }
    }

    /// The headings block `bi` stands under, innermost first, by their text: the nearest
    /// heading before it, then the nearest of a higher level before that, and so on ("Fixed"
    /// under "3.2.0" is another section than "Fixed" under "3.3.0"). `explicit`: Markdown's
    /// headings only, not those inferred from short lines.
    fn path<'d>(&self, doc: &'d Document<'_>, bi: usize, explicit: bool) -> Vec<&'d str> {
        let k = usize::from(!explicit);
        let mut path = Vec::new();
        let mut h = self.nearest[k][bi];
        while h != Self::NONE {
            path.push(doc.normalized(h));
            h = self.parent[k][h];
        }
        path
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::flagged;

    /// The walk back from a block that `Sections` replaces, as it was.
    fn walked_path<'d>(doc: &'d crate::document::Document<'_>, bi: usize, explicit: bool) -> Vec<&'d str> {
        let mut path = Vec::new();
        let mut above = u8::MAX;
        for b in (0..bi).rev() {
            if let crate::document::BlockKind::Heading(level) = doc.blocks[b].kind {
                if level < above && (doc.blocks[b].explicit || !explicit) {
                    path.push(doc.normalized(b));
                    above = level;
                }
            }
        }
        path
    }

    #[test]
    fn each_blocks_headings_are_those_a_walk_back_finds() {
        let text = "# Release notes\n\nIntro.\n\n## 3.3.0\n\n### Fixed\n\n- a crash\n\n### Added\n\n- a flag\n\n\
                    ## 3.2.0\n\nSome words here.\n\n#### Deep\n\nMore words.\n\n### Fixed\n\n- a crash\n\n\
                    # Appendix\n\nShort Line Heading\n\nThe last paragraph of the notes.\n";
        for (text, path) in
            [(text, "notes.md"), ("Budget Talks\n\nMinisters Meet\n\nThey met today.\n\nMore Talks\n\nThey met again.\n", "a.txt")]
        {
            let doc = crate::document::Document::parse(text, path, crate::document::Format::from_path(path));
            let sections = super::Sections::of(&doc);
            for bi in 0..doc.blocks.len() {
                for explicit in [true, false] {
                    assert_eq!(sections.path(&doc, bi, explicit), walked_path(&doc, bi, explicit), "block {bi}, explicit {explicit}");
                }
            }
        }
    }

    #[test]
    fn a_line_of_dialogue_said_again_later_is_no_duplicate() {
        let text = "The Clerk\n\nI asked him to copy the letters before noon.\n\n“I would prefer not to.”\n\nI was \
                    stunned, and went back to my desk to think.\n\n“I would prefer not to.”\n";
        assert!(flagged("duplicate-line", text).is_empty());
        // right under its first time, or not a quotation, it is a copy
        let text = "The Clerk\n\nI asked him to copy the letters before noon.\n\n“I would prefer not to.”\n\n“I would \
                    prefer not to.”\n";
        assert_eq!(flagged("duplicate-line", text).len(), 1);
        let text = "The Clerk\n\nHe said he would prefer not to.\n\nI went back to my desk.\n\nHe said he would prefer not to.\n";
        assert_eq!(flagged("duplicate-line", text).len(), 1);
    }

    #[test]
    fn a_how_tos_step_said_again_later_is_no_duplicate() {
        let text = "Sharing changes\n\nAlice clones the repository and makes her first change.\n\nThen edit the \
                    repository configuration:\n\nand add the same text.\n\nBob clones it too, and he pushes a fix to \
                    the shared server.\n\nThen edit the repository configuration:\n\nand add the same text.\n";
        assert!(flagged("duplicate-line", text).is_empty(), "{:?}", flagged("duplicate-line", text));
        // right under its first time it is a copy; a line that follows no step is one too
        let text = "Sharing changes\n\nAlice clones the repository and makes her first change.\n\nThen edit the \
                    repository configuration:\n\nThen edit the repository configuration:\n\nBob clones it too, and he \
                    pushes a fix.\n\nBob clones it too, and he pushes a fix.\n";
        assert_eq!(flagged("duplicate-line", text).len(), 2);
    }

    /// Chrome a page repeats is boilerplate's finding alone, which deletes each line; a title
    /// that reads like chrome, repeated under it, is still the scraper's duplicate.
    #[test]
    fn chrome_repeated_is_boilerplate_and_a_repeated_title_a_duplicate() {
        let text = "Inside the Night Market

The stalls open at dusk and close long after midnight.

Photo by Ana \
                    Ruiz

By ten the lanes are full of families and students.

Photo by Ana Ruiz
";
        assert!(flagged("duplicate-line", text).is_empty());
        assert_eq!(flagged("boilerplate", text), ["Photo by Ana Ruiz", "Photo by Ana Ruiz"]);
        let text = "About This Site

About This Site

The site has been written by one person since 2002, about design.
";
        assert_eq!(flagged("duplicate-line", text), ["About This Site"]);
    }

    #[test]
    fn a_short_title_repeated_right_under_it_is_a_duplicate() {
        let text = "Field notes\n\nField Notes\n\nThe survey team walked the river path on Monday and counted birds.\n";
        assert_eq!(flagged("duplicate-line", text), ["Field Notes"]);
        // further down, a short line that happens to match the title is a heading of its own
        let text = "Field notes\n\nThe survey team walked the river path on Monday and counted birds.\n\nField notes\n\nMore.\n";
        assert!(flagged("duplicate-line", text).is_empty());
    }

    #[test]
    fn an_item_listed_again_in_another_section_is_no_duplicate() {
        let item = "- The harbour timetable now lists the winter crossings";
        let text = format!("# Changes\n\n## 2.0\n\n### Fixed\n\n{item}\n- Fares\n\n## 1.9\n\n### Fixed\n\n{item}\n- Maps\n");
        assert!(flagged("duplicate-line", &text).is_empty(), "{:?}", flagged("duplicate-line", &text));
        // a section pasted twice repeats its headings too: its items are duplicates
        let text = format!("# Changes\n\n## 2.0\n\n{item}\n- Fares\n\n## 2.0\n\n{item}\n- Fares\n");
        assert_eq!(flagged("duplicate-line", &text), [&item[2..]]);
        // a writer's formula under each Markdown section; not a paragraph scraped twice
        let thanks = "Thanks to everyone who sent in a fix for this release!";
        let text = format!("# Changes\n\n## 2.0\n\nFares fell.\n\n{thanks}\n\n## 1.9\n\nMaps came.\n\n{thanks}\n");
        assert!(flagged("duplicate-line", &text).is_empty());
        let text = format!("Changes\n\nFares fell on Monday across the network.\n\n{thanks}\n\nMaps came.\n\n{thanks}\n");
        assert_eq!(flagged("duplicate-line", &text), [thanks]);
    }

    #[test]
    fn a_refrain_in_verse_is_no_duplicate() {
        let verse = "Song\n\nThe ferry leaves at seven\n\nI folded up your letter\n\nOh the lights are calling me home\n\n\
                     And I won't walk alone\n\nThe baker keeps a candle\n\nI count the boats on Sunday\n\n\
                     Oh the lights are calling me home\n\nAnd I won't walk alone\n";
        assert!(flagged("duplicate-line", verse).is_empty());
        // the same line pasted twice into prose is a defect
        let prose = "Vote\n\nThe council voted seven to two on Tuesday evening after a long debate.\n\n\
                     Oh the lights are calling me home\n\nTraders said they had not been consulted.\n\n\
                     Oh the lights are calling me home\n";
        assert_eq!(flagged("duplicate-line", prose), ["Oh the lights are calling me home"]);
        // a title repeated right under it is a scraper's duplicate, in verse too; the refrain
        // the title names is not
        let titled = format!("Oh the lights are calling me home{}", &verse[4..]);
        assert!(flagged("duplicate-line", &titled).is_empty());
        let doubled = format!("The ferry leaves at seven\n{verse}");
        assert_eq!(flagged("duplicate-line", &doubled), ["The ferry leaves at seven"]);
    }
}
