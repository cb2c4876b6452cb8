//! `emphasis-in-heading` — a Markdown heading whose whole text is bold or italic.
//!
//! **Flags** `## **Trump’s Complaints: Is the U.S. Getting a Raw Deal?**`.
//! **Why** a heading is already emphasised; wrapping it in `**` is redundant markup that
//! renders inconsistently and pollutes tables of contents and anchors.
//! **Fix** (safe) strips the emphasis markers.

use super::{Rule, RuleMeta};
use crate::common_options;
use crate::diagnostic::{Category, Diagnostic, Edit, Fix, Severity, Span};
use crate::document::Document;
use crate::options::Level;
use serde::Deserialize;

pub static META: RuleMeta = RuleMeta {
    id: "emphasis-in-heading",
    category: Category::Style,
    default_severity: Severity::Info,
    priority: 110,
    fix: "safe",
    summary: "A Markdown heading whose whole text is wrapped in bold or italic",
    explanation: "Flags a Markdown heading whose entire text is wrapped in emphasis, such as \
`## **Trump’s Complaints**`. Headings are already emphasised by their level; the extra markup is \
redundant, renders differently across sites and leaks into tables of contents. Emphasis on part of a \
heading is left alone. The safe fix removes the surrounding markers.",
    bad: "## **Is the Alliance Fair?**",
    good: "## Is the Alliance Fair?",
};

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Options {
    pub enabled: Option<bool>,
    pub severity: Option<Level>,
}
common_options!(Options);

pub struct EmphasisInHeading;

impl EmphasisInHeading {
    pub fn new(_options: Options) -> Self {
        EmphasisInHeading
    }
}

/// The marker wrapping the whole text, if any: `**`, `__`, `*` or `_`.
fn wrapping_marker(text: &str) -> Option<&'static str> {
    ["***", "**", "__", "*", "_"].into_iter().find(|m| {
        text.len() > 2 * m.len()
            && text.starts_with(m)
            && text.ends_with(m)
            && !text[m.len()..text.len() - m.len()].contains(m)
            && !text[m.len()..].starts_with(char::is_whitespace)
    })
}

impl Rule for EmphasisInHeading {
    fn meta(&self) -> &RuleMeta {
        &META
    }

    fn check(&self, doc: &Document<'_>, out: &mut Vec<Diagnostic>) {
        for block in &doc.blocks {
            if !block.kind.is_heading_like() || !block.explicit {
                continue;
            }
            let text = doc.text(block.content);
            let Some(marker) = wrapping_marker(text) else { continue };
            let open = Span::new(block.content.start, block.content.start + marker.len());
            let close = Span::new(block.content.end - marker.len(), block.content.end);
            out.push(
                Diagnostic::new(META.id, block.content, format!("the whole heading is wrapped in `{marker}`"))
                    .with_severity(Severity::Info)
                    .with_help("remove the emphasis; the heading level already stands out")
                    .with_fix(Fix::safe(vec![Edit::delete(open), Edit::delete(close)])),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::diagnostic::Applicability::Safe;
    use crate::rules::testing::{findings, fixed};

    const ID: &str = "emphasis-in-heading";

    #[test]
    fn a_wholly_bold_heading_loses_its_markers() {
        let text = "# A Title\n\n## **Is the Deal Fair?**\n\nText.\n";
        assert_eq!(findings(ID, text).len(), 1);
        assert_eq!(fixed(ID, text, Safe), "# A Title\n\n## Is the Deal Fair?\n\nText.\n");
    }

    #[test]
    fn italic_heading_too_but_partial_emphasis_and_body_text_are_fine() {
        assert_eq!(fixed(ID, "# A Title\n\n## *Quiet Week*\n\nText.\n", Safe), "# A Title\n\n## Quiet Week\n\nText.\n");
        for text in ["# A Title\n\n## The **Big** Vote\n\nText.\n", "# A Title\n\n**A bold paragraph.**\n"] {
            assert!(findings(ID, text).is_empty(), "{text:?}");
        }
    }
}
