//! `boilerplate` — page chrome scraped along with the article.
//!
//! **Flags** share prompts ("Share.", "Share this article"), navigation ("Exit mobile
//! version", a lone "News" label under the title), related-content blocks ("Stories You Will
//! Also Like" and the headlines under it, as one finding), engagement prompts ("Let us know in
//! the comments 👇🔥", a call to action or site suffix in the title), newsletter, paywall,
//! cookie, copyright and advertisement lines, first-person author bios at the end, and — as
//! info, since they are judgement calls — table-of-contents residue and flattened tables.
//! **How** phrase lists (lint-rules.toml) are matched all at once with aho-corasick, and only
//! where chrome lives: whole short lines, short blocks, the title, the last blocks.
//! **Fix** (safe) deletes the line or block.

use super::{Rule, RuleMeta};
use crate::common_options;
use crate::diagnostic::{Category, Diagnostic, Edit, Fix, Severity, Span};
use crate::document::{BlockKind, Document};
use crate::options::Level;
use crate::text::normalize_line;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use regex::Regex;
use serde::Deserialize;
use std::collections::HashSet;
use std::sync::{Arc, LazyLock};

pub static META: RuleMeta = RuleMeta {
    id: "boilerplate",
    category: Category::Scraped,
    default_severity: Severity::Warning,
    priority: 120,
    fix: "safe",
    summary: "Page chrome scraped with the article: share prompts, navigation, related links, bios",
    explanation: "Flags lines and blocks that belong to the web page, not the article: share and social \
prompts (\"Share.\", \"Share on Facebook\"), mobile and navigation chrome (\"Exit mobile version\", a lone \
category label such as \"News\" under the title), related-content blocks (\"Stories You Will Also Like\" \
with the headlines under it, reported as one block), engagement prompts (\"Let us know in the comments\", \
a call to action or a \" – Site\" suffix in the title), newsletter, paywall, cookie, copyright and \
advertisement lines, and a first-person author bio at the end. Table-of-contents residue and \
flattened tables are reported as info. Phrases are matched only where chrome lives (whole short \
lines, short blocks, the title, the last blocks), so ordinary sentences that mention sharing or \
comments are left alone. The safe fix deletes the line or block.",
    bad: "…the end of the article.\nShare.\nExit mobile version",
    good: "…the end of the article.",
};

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Options {
    pub enabled: Option<bool>,
    pub severity: Option<Level>,
    /// Whole lines that are chrome, compared without case, punctuation or emoji.
    #[serde(default)]
    pub lines: Vec<String>,
    #[serde(default)]
    pub extend_lines: Vec<String>,
    /// Phrases that make a short block (or the title, from the phrase on) chrome.
    #[serde(default)]
    pub phrases: Vec<String>,
    #[serde(default)]
    pub extend_phrases: Vec<String>,
    /// Headers of related-content lists; the headlines under them are part of the finding.
    #[serde(default)]
    pub related_headers: Vec<String>,
    /// Headers of table-of-contents residue.
    #[serde(default)]
    pub toc_headers: Vec<String>,
    /// Section names that are chrome when they stand alone right under the title.
    #[serde(default)]
    pub category_labels: Vec<String>,
    /// Job titles that mark an author bio ("As the News Editor at …").
    #[serde(default)]
    pub bio_roles: Vec<String>,
    /// Longest block, in words, in which a phrase marks the whole block as chrome.
    pub max_block_words: Option<usize>,
}
common_options!(Options);

/// One piece of chrome: what it covers and how to delete it.
#[derive(Debug, Clone)]
pub struct Finding {
    pub span: Span,
    pub removal: Span,
    pub message: String,
    pub info: bool,
    pub blocks: std::ops::Range<usize>,
}

static FLAT_TABLE_HEADER: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^(?:No\.?|#|S\.?No\.?)\s+\p{Lu}[\p{L} ]{2,40}$").unwrap());
static FLAT_TABLE_ROW: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^\d{1,2}\s+\p{Lu}").unwrap());
static TITLE_SUFFIX: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:\s+\|\s+[^|]{2,40}|\s+[–—]\s+\p{Lu}[\p{L}.&']*(?:\s\p{Lu}[\p{L}.&']*)?|\s+-\s+\p{Lu}[\p{L}.&']*)\s*$").unwrap()
});

/// The compiled phrase lists, shared by `boilerplate` and `empty-section`.
pub struct Detector {
    lines: HashSet<String>,
    phrases: AhoCorasick,
    related: HashSet<String>,
    toc: HashSet<String>,
    categories: HashSet<String>,
    bio: Regex,
    max_block_words: usize,
}

fn with_apostrophe_variants(list: impl IntoIterator<Item = String>) -> Vec<String> {
    let mut out = Vec::new();
    for p in list {
        if p.contains('\'') {
            out.push(p.replace('\'', "’"));
        }
        out.push(p);
    }
    out
}

impl Detector {
    pub fn new(options: &Options) -> Result<Detector, String> {
        let normalized = |v: &[String]| v.iter().map(|s| normalize_line(s)).filter(|s| !s.is_empty()).collect::<HashSet<_>>();
        let mut lines = normalized(&options.lines);
        lines.extend(normalized(&options.extend_lines));
        let phrases =
            with_apostrophe_variants(options.phrases.iter().chain(&options.extend_phrases).filter(|p| !p.trim().is_empty()).cloned());
        let phrases = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .build(&phrases)
            .map_err(|e| format!("boilerplate `phrases`: {e}"))?;
        let roles: Vec<String> = options.bio_roles.iter().map(|r| regex::escape(r.trim())).filter(|r| !r.is_empty()).collect();
        let roles = if roles.is_empty() { "editor|writer|journalist|reporter".to_string() } else { roles.join("|") };
        let bio = Regex::new(&format!(
            r"(?i)^(?:about the author\b|as (?:the|a|an|your) (?:[\w-]+ ){{0,4}}(?:{roles})\b|[\p{{Lu}}][\p{{L}}.'-]+(?: [\p{{Lu}}][\p{{L}}.'-]+){{0,3}} is an? (?:[\w-]+ ){{0,3}}(?:{roles})\b)"
        ))
        .map_err(|e| format!("boilerplate `bio-roles`: {e}"))?;
        Ok(Detector {
            lines,
            phrases,
            related: normalized(&options.related_headers),
            toc: normalized(&options.toc_headers),
            categories: normalized(&options.category_labels),
            bio,
            max_block_words: options.max_block_words.unwrap_or(25),
        })
    }

    /// The first listed phrase in `text` on word boundaries.
    fn phrase_in(&self, text: &str) -> Option<aho_corasick::Match> {
        self.phrases.find_iter(text).find(|m| {
            let before = text[..m.start()].chars().next_back();
            let after = text[m.end()..].chars().next();
            !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
        })
    }

    /// Indices of blocks that are chrome.
    pub fn boilerplate_blocks(&self, doc: &Document<'_>) -> HashSet<usize> {
        self.scan(doc).iter().filter(|f| !f.info).flat_map(|f| f.blocks.clone()).collect()
    }

    /// The findings for `doc`, computed once per document.
    pub fn scan<'d>(&self, doc: &'d Document<'_>) -> &'d [Finding] {
        doc.boilerplate.get_or_init(|| self.scan_uncached(doc))
    }

    fn scan_uncached(&self, doc: &Document<'_>) -> Vec<Finding> {
        let prose: Vec<usize> = (0..doc.blocks.len())
            .filter(|&i| doc.blocks[i].kind.is_prose() && !matches!(doc.blocks[i].kind, BlockKind::TableCell { .. }))
            .collect();
        let mut out = Vec::new();
        let whole = |from: usize, to: usize, message: String, info: bool| {
            let span = Span::new(doc.blocks[prose[from]].span.start, doc.blocks[prose[to]].span.end);
            Finding { span, removal: doc.block_removal_span(span), message, info, blocks: prose[from]..prose[to] + 1 }
        };
        let mut i = 0;
        while i < prose.len() {
            let bi = prose[i];
            let block = &doc.blocks[bi];
            let text = doc.text(block.content);
            let norm = doc.normalized(bi);
            let words = if norm.is_empty() { 0 } else { norm.split(' ').count() };
            if block.kind == BlockKind::Title {
                self.scan_title(doc, bi, &mut out);
                i += 1;
                continue;
            }
            if self.related.contains(norm) {
                let mut j = i + 1;
                while j < prose.len() && j - i <= 20 && is_headline_like(doc, prose[j]) {
                    j += 1;
                }
                let count = j - i - 1;
                let message = if count > 0 {
                    format!("related-content block: `{text}` and {count} headline(s)")
                } else {
                    format!("related-content header `{text}`")
                };
                out.push(whole(i, j - 1, message, false));
                i = j;
                continue;
            }
            if self.toc.contains(norm) {
                let mut j = i + 1;
                while j < prose.len() && doc.blocks[prose[j]].kind == BlockKind::ListItem {
                    j += 1;
                }
                if j - i > 2 {
                    out.push(whole(i, j - 1, format!("table-of-contents residue: `{text}` and {} entries", j - i - 1), true));
                    i = j;
                    continue;
                }
            }
            if text.starts_with(['N', '#', 'S']) && FLAT_TABLE_HEADER.is_match(text) {
                let mut j = i + 1;
                while j < prose.len() && FLAT_TABLE_ROW.is_match(doc.text(doc.blocks[prose[j]].content)) {
                    j += 1;
                }
                if j - i > 2 {
                    out.push(whole(i, j - 1, format!("flattened table: `{text}` and {} numbered rows", j - i - 1), true));
                    i = j;
                    continue;
                }
            }
            let after_title = i > 0 && doc.blocks[prose[i - 1]].kind == BlockKind::Title;
            if words <= 8 && !block.explicit && (self.lines.contains(norm) || self.lines.contains(doubled_half(norm))) {
                out.push(whole(i, i, format!("page chrome: `{}`", text.trim()), false));
            } else if after_title && words <= 2 && self.categories.contains(norm) {
                out.push(whole(i, i, format!("category label `{text}` under the title"), false));
            } else if words <= self.max_block_words && self.phrase_in(text).is_some() {
                let phrase = self.phrase_in(text).map(|m| &text[m.range()]).unwrap_or_default();
                out.push(whole(i, i, format!("engagement or chrome text: `{phrase}`"), false));
            } else if i + 3 >= prose.len() && !text.contains(['“', '"', '”']) && self.bio.is_match(text) {
                out.push(whole(i, i, "author bio boilerplate".to_string(), false));
            }
            i += 1;
        }
        out
    }

    fn scan_title(&self, doc: &Document<'_>, bi: usize, out: &mut Vec<Finding>) {
        let content = doc.blocks[bi].content;
        let text = doc.text(content);
        let mut end = text.len();
        if let Some(m) = TITLE_SUFFIX.find(text) {
            let before_words = text[..m.start()].split_whitespace().count();
            if before_words >= 6 {
                let span = Span::new(content.start + m.start(), content.end);
                out.push(Finding {
                    span,
                    removal: span,
                    message: format!("site name in the title: `{}`", text[m.start()..].trim()),
                    info: false,
                    blocks: bi..bi,
                });
                end = m.start();
            }
        }
        if let Some(m) = self.phrase_in(&text[..end]) {
            let start = text[..m.start()].trim_end().len();
            let span = Span::new(content.start + m.start(), content.start + end);
            out.push(Finding {
                span,
                removal: Span::new(content.start + start, content.start + end),
                message: format!("call to action in the title: `{}`", &text[m.range()]),
                info: false,
                blocks: bi..bi,
            });
        }
    }
}

/// Widgets often render their label twice ("Sponsored Links Sponsored Links"): the half, else
/// the whole line.
fn doubled_half(norm: &str) -> &str {
    let mid = norm.len() / 2;
    if norm.len() % 2 == 1 && norm.as_bytes()[mid] == b' ' && norm[..mid] == norm[mid + 1..] {
        &norm[..mid]
    } else {
        norm
    }
}

/// A related-content entry: a short line reading like a headline.
fn is_headline_like(doc: &Document<'_>, bi: usize) -> bool {
    let block = &doc.blocks[bi];
    if !matches!(block.kind, BlockKind::Paragraph | BlockKind::Heading(_) | BlockKind::ListItem) {
        return false;
    }
    let text = doc.text(block.content).trim();
    let words = text.split_whitespace().count();
    (2..=20).contains(&words) && !text.ends_with(['.', ':', ';', ','])
}

pub struct Boilerplate {
    detector: Arc<Detector>,
}

impl Boilerplate {
    pub fn new(detector: Arc<Detector>) -> Self {
        Boilerplate { detector }
    }
}

impl Rule for Boilerplate {
    fn meta(&self) -> &RuleMeta {
        &META
    }

    fn check(&self, doc: &Document<'_>, out: &mut Vec<Diagnostic>) {
        for f in self.detector.scan(doc) {
            let mut d = Diagnostic::new(META.id, f.span, f.message.clone())
                .with_help("delete it: it is part of the web page, not the article")
                .with_fix(Fix::safe(vec![Edit::delete(f.removal)]));
            if f.info {
                d.severity = Severity::Info;
            }
            out.push(d);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::doubled_half;

    #[test]
    fn doubled_labels_are_halved() {
        assert_eq!(doubled_half("sponsored links sponsored links"), "sponsored links");
        assert_eq!(doubled_half("share share this"), "share share this");
        assert_eq!(doubled_half("share"), "share");
    }
}
