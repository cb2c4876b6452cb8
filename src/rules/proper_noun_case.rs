//! `proper-noun-case` — a proper noun this document capitalises everywhere, written lowercase.
//!
//! **Flags** "japan Defense Spending", "japan’s Role" in an article that writes "Japan" forty
//! times mid-sentence.
//! **Why** a spell-checker accepts "japan"; only the document itself knows it is a name.
//! **Never** when the lowercase form is an ordinary word used as such in the document
//! ("Labour" the party and "the labour market"; "Bush" and "bush"): any lowercase use in the
//! middle of a sentence counts as ordinary use. Sentence-initial capitals are no evidence.
//! **Fix** (safe) capitalises it as the document does: the evidence is unanimous by construction.

use super::{Rule, RuleMeta};
use crate::analysis::name_parts;
use crate::common_options;
use crate::diagnostic::{Category, Diagnostic, Edit, Fix, Severity, Span};
use crate::document::Document;
use crate::options::Level;
use serde::Deserialize;

pub static META: RuleMeta = RuleMeta {
    id: "proper-noun-case",
    category: Category::Capitalization,
    default_severity: Severity::Warning,
    priority: 30,
    fix: "safe",
    summary: "A word this document capitalises mid-sentence again and again appears lowercase",
    explanation: "Learns the document's proper nouns from its own text: a word capitalised in the middle of \
sentences several times (\"Japan\" forty times) and never written lowercase mid-sentence. It then \
flags a lowercase occurrence, typically at the start of a table cell, heading or list item \
(\"japan Defense Spending\", \"japan’s Role\"). A word that the document also uses as an ordinary \
lowercase word (\"Labour\" and \"labour market\") is never flagged, and capitals at the start of a \
sentence count for nothing. The safe fix writes the word the way the document does everywhere else.",
    bad: "Year | japan Defense Spending |",
    good: "Year | Japan Defense Spending |",
};

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Options {
    pub enabled: Option<bool>,
    pub severity: Option<Level>,
    /// Mid-sentence capitalised uses needed before a word counts as a proper noun.
    pub min_evidence: Option<usize>,
}
common_options!(Options);

pub struct ProperNounCase {
    min_evidence: usize,
}

impl ProperNounCase {
    pub fn new(options: Options) -> Self {
        ProperNounCase { min_evidence: options.min_evidence.unwrap_or(3).max(1) }
    }
}

impl Rule for ProperNounCase {
    fn meta(&self) -> &RuleMeta {
        &META
    }

    fn check(&self, doc: &Document<'_>, out: &mut Vec<Diagnostic>) {
        let evidence = doc.evidence();
        for word in &doc.words {
            let text = doc.text(word.span);
            if !text.starts_with(|c: char| c.is_lowercase()) && !text.contains(['-', '‐']) {
                continue;
            }
            for (offset, part) in name_parts(text) {
                if part.chars().count() < 2 || !part.chars().all(char::is_lowercase) {
                    continue;
                }
                let Some(spelling) = evidence.proper_noun(part, self.min_evidence) else { continue };
                let uses = evidence.usage(part).capitalized_mid;
                let start = word.span.start + offset;
                let span = Span::new(start, start + part.len());
                out.push(
                    Diagnostic::new(
                        META.id,
                        span,
                        format!("`{part}` is written `{spelling}` everywhere else in this document ({uses} times)"),
                    )
                    .with_help(format!("write `{spelling}`"))
                    .with_fix(Fix::safe(vec![Edit::replace(span, spelling.to_string())])),
                );
            }
        }
    }
}
