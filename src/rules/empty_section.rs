//! `empty-section` — a heading or label with nothing under it.
//!
//! **Flags** "Sources:" followed by nothing, or only by boilerplate (a related-stories list),
//! and a heading followed directly by a heading of the same or a higher level, or by the end.
//! **Never** a heading that is one link (an entry of the page's contents); HTML that shows text
//! is content.
//! **Why** scrapers keep the label and lose what it labelled; readers see a promise unkept.
//! **Fix** (unsafe) deletes the heading or label.

use super::boilerplate::Detector;
use super::{Rule, RuleMeta};
use crate::common_options;
use crate::diagnostic::{Category, Diagnostic, Edit, Fix, Severity};
use crate::document::{BlockKind, Document};
use crate::options::Level;
use serde::Deserialize;
use std::sync::Arc;

pub static META: RuleMeta = RuleMeta {
    id: "empty-section",
    category: Category::Structure,
    default_severity: Severity::Warning,
    priority: 100,
    fix: "unsafe",
    summary: "A heading or label (\"Sources:\") with nothing under it",
    explanation: "Flags a heading, or a short label ending in a colon such as \"Sources:\", that has no \
content before the next heading of the same or a higher level or the end of the document. Content \
that is itself boilerplate (a \"Stories You Will Also Like\" list, share buttons) does not count as \
content; HTML that shows text does (\"<sup>Licensed under …</sup>\"). A heading that is one link \
(\"## [Change log](CHANGELOG.md)\") points to its section elsewhere and is never flagged. The fix deletes the heading and is unsafe: perhaps the section's text was lost and should \
be restored instead.",
    bad: "Sources:\nStories You Will Also Like\nAnother Headline Here",
    good: "Sources: Kyodo News, Reuters.",
};

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Options {
    pub enabled: Option<bool>,
    pub severity: Option<Level>,
    /// Longest label, in words, that counts as a section opener when it ends with a colon.
    pub max_label_words: Option<usize>,
}
common_options!(Options);

pub struct EmptySection {
    detector: Arc<Detector>,
    max_label_words: usize,
}

impl EmptySection {
    pub fn new(options: Options, detector: Arc<Detector>) -> Self {
        EmptySection { detector, max_label_words: options.max_label_words.unwrap_or(4) }
    }

    /// A level for a section opener, or None: headings by level, labels below every heading.
    fn opener_level(&self, doc: &Document<'_>, bi: usize) -> Option<u8> {
        let block = &doc.blocks[bi];
        match block.kind {
            // A heading that is one link points to its section elsewhere ("## [Change
            // log](CHANGELOG.md)"): an entry of the page's contents, not a section of its own.
            BlockKind::Heading(_) if is_one_link(doc.text(block.content)) => None,
            BlockKind::Heading(level) => Some(level),
            BlockKind::Paragraph => {
                let text = doc.text(block.content).trim_end_matches(['*', '_']);
                // Count words (a whole paragraph's worth) only for a line that ends in a colon.
                (text.ends_with(':') && text.split_whitespace().count() <= self.max_label_words).then_some(7)
            }
            _ => None,
        }
    }
}

impl Rule for EmptySection {
    fn meta(&self) -> &RuleMeta {
        &META
    }

    fn prepare(&self, doc: &Document<'_>) -> Option<&'static str> {
        self.detector.scan(doc);
        Some(super::boilerplate::SCAN)
    }

    fn check(&self, doc: &Document<'_>, out: &mut Vec<Diagnostic>) {
        let chrome = self.detector.boilerplate_blocks(doc);
        // Content: prose, code, and HTML that shows text ("<sup>Licensed under …</sup>"; not a
        // bare "<br>" or a comment).
        let content = |i: usize| match doc.blocks[i].kind {
            BlockKind::Code => true,
            BlockKind::Html => shows_text(doc.text(doc.blocks[i].content)),
            kind => kind.is_prose(),
        };
        let prose: Vec<usize> = (0..doc.blocks.len()).filter(|&i| content(i)).collect();
        for (n, &bi) in prose.iter().enumerate() {
            if chrome.contains(&bi) {
                continue;
            }
            let Some(level) = self.opener_level(doc, bi) else { continue };
            let next = prose[n + 1..].iter().copied().find(|j| !chrome.contains(j));
            let empty = match next {
                None => true,
                Some(j) => match doc.blocks[j].kind {
                    // Two inferred headings in a row ("Frequently Asked Questions" then a question)
                    // are a heading and its first entry.
                    BlockKind::Heading(_) if !doc.blocks[bi].explicit && !doc.blocks[j].explicit => false,
                    BlockKind::Heading(l) => l <= level,
                    BlockKind::Title => true,
                    _ => level == 7 && self.opener_level(doc, j) == Some(7),
                },
            };
            if !empty {
                continue;
            }
            let block = &doc.blocks[bi];
            let text = doc.text(block.content);
            let what = if level == 7 { "label" } else { "heading" };
            out.push(
                Diagnostic::new(META.id, block.span, format!("{what} `{text}` has nothing under it"))
                    .with_help("add the missing content or delete the heading")
                    .with_fix(Fix::unsafe_(vec![Edit::delete(doc.block_removal_span(block.span))])),
            );
        }
    }
}

/// Whether `text` is one Markdown link and nothing else: "[Change log](CHANGELOG.md)".
fn is_one_link(text: &str) -> bool {
    let Some(rest) = text.trim().strip_prefix('[') else { return false };
    rest.split_once("](")
        .is_some_and(|(label, target)| !label.contains(']') && target.ends_with(')') && !target[..target.len() - 1].contains([')', ' ']))
}

/// Whether an HTML block shows any text: a letter or digit outside its tags and comments.
fn shows_text(html: &str) -> bool {
    let mut rest = html;
    while let Some(at) = rest.find(|c: char| c == '<' || c.is_alphanumeric()) {
        if !rest[at..].starts_with('<') {
            return true;
        }
        let close = if rest[at..].starts_with("<!--") { "-->" } else { ">" };
        match rest[at..].find(close) {
            Some(end) => rest = &rest[at + end + close.len()..],
            None => return false,
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use crate::diagnostic::Applicability::{Safe, Unsafe};
    use crate::rules::testing::{findings, fixed};

    const ID: &str = "empty-section";

    #[test]
    fn a_heading_followed_by_a_sibling_heading_is_deleted_by_the_unsafe_fix() {
        let text = "# A Title\n\n## Background\n\n## Reaction\n\nPeople cheered.\n";
        assert_eq!(findings(ID, text).len(), 1);
        assert_eq!(fixed(ID, text, Safe), text);
        // Today the deletion leaves the blank line before the heading and the one after it.
        assert_eq!(fixed(ID, text, Unsafe), "# A Title\n\n\n## Reaction\n\nPeople cheered.\n");
    }

    #[test]
    fn a_label_with_nothing_after_it_is_flagged() {
        let text = "Title Here\n\nThe council met on Monday.\n\nSources:\n";
        assert_eq!(findings(ID, text).len(), 1);
    }

    #[test]
    fn sections_with_content_and_subsections_are_not_empty() {
        for text in [
            "# A Title\n\n## Background\n\nIt began in May.\n\n## Reaction\n\nPeople cheered.\n",
            "# A Title\n\n## Background\n\n### Early years\n\nIt began in May.\n",
            "Title Here\n\nSources:\nThe city budget office.\n",
            // content in HTML; a heading that is one link to its section elsewhere
            "# A Title\n\n## Licence\n\n<sup>\nFree to share <a href=\"L\">under the licence</a>.\n</sup>\n\n## Reaction\n\nPeople cheered.\n",
            "# A Title\n\n## [Change log](CHANGES.md)\n\n## Reaction\n\nPeople cheered.\n",
        ] {
            assert!(findings(ID, text).is_empty(), "{text:?}");
        }
        // HTML that shows no text is no content
        let text = "# A Title\n\n## Licence\n\n<br>\n\n<!-- to do -->\n\n## Reaction\n\nPeople cheered.\n";
        assert_eq!(findings(ID, text).len(), 1);
    }

    #[test]
    fn html_shows_text_outside_its_tags_and_comments() {
        assert!(super::shows_text("<sup>\nLicensed under <a href=\"x\">MIT</a>\n</sup>"));
        assert!(!super::shows_text("<br>\n<hr/>"));
        assert!(!super::shows_text("<!-- a comment with words -->\n<p align=\"center\"></p>"));
        assert!(!super::shows_text("<div unclosed"));
        assert!(super::is_one_link("[Change log](CHANGELOG.md)"));
        assert!(!super::is_one_link("[Change log](CHANGELOG.md) and more"));
        assert!(!super::is_one_link("Change log"));
    }
}
