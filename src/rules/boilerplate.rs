//! `boilerplate` — page chrome scraped along with the article.
//!
//! **Flags** whole lines that belong to the web page, recognised by family rather than by exact
//! string: share, follow and print prompts (with counts: "1.2k shares", "Share on X"), newsletter
//! and inbox sign-ups, log-in and sign-up controls, comment prompts and forms, related / more /
//! trending navigation ("Read more: …", "Previous article"), gallery and video controls ("1 of
//! 12", "Next image"), advertisement labels, timestamps ("Updated 3 hours ago") and read-time
//! labels, legal and site links, support appeals, cookie notices, copyright lines, photo credits
//! and captions ("Photograph: …/Reuters", "(AP Photo/…)"), a credit without its colon (\"Credit Ann Lee for The Times\"), bylines, syndication notes ("This
//! article was originally published by …") and tag lists (an editorial credit, "Additional
//! reporting by …", "… contributed to this report.", is the article's: never); also the older
//! structures: related-content blocks ("Stories You Will Also Like" and
//! the headlines under it), a category label under the title, a call to action or site suffix
//! in the title, first-person author bios at the end, and — as info — table-of-contents residue
//! and flattened tables.
//! **How** the grammar of chrome: a short line (≤ 14 words) whose every word is in the chrome
//! vocabulary (UI verbs, site nouns, social networks, counts, dates, function words; glued
//! widget labels such as "Share on TwitterTweet" are split) and that has an anchor word; or a
//! line with the shape of a family (regexes, ASCII word boundaries); or a listed opening
//! (`line-starts`, aho-corasick). Strong evidence fires anywhere; weak evidence ("Topics",
//! "Contact us") only where chrome clusters — the first lines under the title, after the last
//! prose paragraph — or next to other chrome. Lines that report speech ("…, the minister said")
//! or quote someone are never chrome. A list item is a line too (extractors turn a page's
//! widgets into lists), but not one that is a sentence (a how-to's step) or a menu or site
//! links of its own; a Markdown heading or quotation the writer chose is the article's.
//! **Fix** (safe) deletes the line or block — only when all of it is chrome; a phrase found
//! inside a longer line is reported without a fix.

use super::{Rule, RuleMeta};
use crate::common_options;
use crate::diagnostic::{Category, Diagnostic, Edit, Fix, Severity, Span};
use crate::document::{BlockKind, Document};
use crate::options::Level;
use crate::text::{is_apostrophe, normalize_line, Adaptive, FixedNeedle, MatchOnly, RareRegex};
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use serde::Deserialize;
use std::sync::{Arc, LazyLock};

#[cfg_attr(not(test), allow(dead_code))] // `ALL`, `name` and `ahead` are read by build/indexes.rs
mod patterns;

/// The static of a chrome-line pattern (`boilerplate/patterns.rs`), asked only whether a line
/// matches ([`MatchOnly`]): the DFA the build script compiled, or the pattern compiled at first
/// need when it has none.
macro_rules! re {
    ($name:ident) => {
        static $name: LazyLock<MatchOnly> = LazyLock::new(|| {
            let sparse: &'static [u8] = include_bytes!(concat!(env!("OUT_DIR"), "/chrome/", stringify!($name), ".dfa"));
            // (a dense DFA is read as `u32`s in place: embedded at an aligned address)
            static DENSE: &Aligned<[u8]> = &Aligned(*include_bytes!(concat!(env!("OUT_DIR"), "/chrome/", stringify!($name), ".dense")));
            // SAFETY: the bytes are the build script's (`build/indexes.rs`), serialised by the
            // regex-automata linked here; `the_embedded_dfas_are_valid` checks them.
            unsafe { MatchOnly::prebuilt(&patterns::prepared(patterns::$name.regex), sparse, &DENSE.0) }.expect("a built-in pattern")
        });
    };
}

/// Bytes at an address aligned for the `u32`s of a dense DFA.
#[repr(C, align(8))]
struct Aligned<B: ?Sized>(B);

pub static META: RuleMeta = RuleMeta {
    id: "boilerplate",
    category: Category::Scraped,
    default_severity: Severity::Warning,
    priority: 120,
    fix: "safe",
    summary: "Page chrome scraped with the article: share prompts, navigation, related links, bios",
    explanation: "Flags lines and blocks that belong to the web page, not the article, by family: share, follow, \
print and e-mail prompts (\"Share on X\", \"1.2k shares\"), newsletter and inbox sign-ups, log-in and sign-up \
controls, comment prompts, forms and moderation notices (\"Your email address will not be published\", \"Comments \
are moderated\"), prompts to take up the publication (\"Get The Times\", weak), related / more / trending \
navigation (\"Read more: …\", \"Previous article\"), gallery and video controls (\"1 of 12\", \"Play video\"), \
advertisement labels, timestamps (\"Updated 3 hours ago\"), read-time labels, legal and site links and the \
consent a form asks for (\"By commenting you agree to our Privacy Policy\"), support \
appeals, cookie notices, copyright lines, photo credits and captions (\"Photograph: …/Reuters\", \"(AP Photo/…)\"), \
a credit without its colon (\"Credit Ann Lee for The Times\"), bylines, syndication notes (\"This article was originally published by …\") and tag lists (never an editorial \
credit, \"Additional reporting by …\", \"… contributed to this report.\", which is part of the article), and the \
site's section as a label (\"From the section US & Canada\"); also \
related-content blocks with their \
headlines, a lone category label under the title, a call to action or \" – Site\" suffix in the title and a \
first-person author bio at the end. Listed chrome lines run together without their separators (\"Terms \
of Service Privacy Policy\") are one chrome line. A line is chrome when all its words are page vocabulary (UI verbs, site \
nouns, networks, counts, dates) around an anchor word, or when it has the shape of a family. Weak evidence \
(\"Topics\", \"Contact us\") counts only at the top, after the last prose paragraph or next to other chrome; a \
sentence that mentions shares, newsletters, e-mail, comments, copyright or Getty, reports speech or quotes \
someone is left alone. A list item is judged as a line (extractors turn widgets into lists), unless it is a \
sentence (\"Open the Settings app.\") or a menu of its own; a Markdown heading is the writer's. Table-of-contents residue and flattened tables are reported as info. The safe fix \
deletes the line or block, and only when all of it is chrome.",
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
    /// Openings that make a whole line chrome ("Sign up for", "Your email address will not be
    /// published"), matched at the start of lines of up to 40 words.
    #[serde(default)]
    pub line_starts: Vec<String>,
    #[serde(default)]
    pub extend_line_starts: Vec<String>,
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
    /// True when the whole line or block is chrome, so deleting it is safe.
    pub fixable: bool,
}

// Lengths are checked in code: a bounded repeat of a Unicode class ({2,40}) compiles into 40
// copies of it, milliseconds at start-up.
re!(FLAT_TABLE_HEADER);
re!(FLAT_TABLE_ROW);
static TITLE_SUFFIX: LazyLock<RareRegex> = LazyLock::new(|| {
    RareRegex::new(r"(?:\s+\|\s+[^|]{2,}|\s+[–—]\s+\p{Lu}[\p{L}.&']*(?:\s\p{Lu}[\p{L}.&']*)?|\s+-\s+\p{Lu}[\p{L}.&']*)\s*$").unwrap()
});

/// The compiled phrase lists, shared by `boilerplate` and `empty-section`.
pub struct Detector {
    lines: HashSet<String>,
    /// The listed phrases (with their apostrophe variants) and their automaton, built at the
    /// first block whose normalised text has one of `normalized_phrases`: building it was a
    /// twelfth of linting one short article, which seldom has a listed phrase.
    phrases: Vec<String>,
    phrases_automaton: std::sync::OnceLock<Option<Adaptive>>,
    /// The phrases as the normaliser writes them, in one packed search. Normalising keeps
    /// every letter and digit, lowercased, and turns every run of other characters into one
    /// space or, for an apostrophe after a letter, nothing: a text that has a phrase (ASCII
    /// case aside) has the phrase's normal form in its normalised text, so a block whose
    /// normalised text has none has no phrase.
    normalized_phrases: crate::text::Phrases,
    starts: LineStarts,
    related: HashSet<String>,
    toc: HashSet<String>,
    categories: HashSet<String>,
    bio: Bio,
    max_block_words: usize,
}

/// The author-bio pattern ("As the News Editor at …", "Jane Doe is a staff writer …"). Its
/// regex (Unicode classes, bounded repeats) cost half of start-up to compile, and it can only
/// match a line that names a role or "about the author": it is compiled on first need, and
/// run only on lines where an ASCII-case-insensitive search finds one of those words. It is
/// only asked whether a line matches, so it is a forward DFA ([`MatchOnly`]): its word
/// boundaries are spelled out as the character after the role (see
/// [`Bio::roles_then_boundary`]), which the DFA can run, where `\b` needed the full regex,
/// compiled both ways (35 M instructions, 2.7 % of linting news-clean on one thread).
struct Bio {
    pattern: String,
    regex: std::sync::OnceLock<Option<MatchOnly>>,
    /// "about the author" and the roles, as plain text.
    words: AhoCorasick,
    /// A role with a non-ASCII character: its case variants are not all ASCII ones, so the
    /// word search cannot rule a line out.
    always: bool,
}

impl Bio {
    /// A pattern longer than this is compiled at once, so that one too big for the regex engine
    /// is still a configuration error.
    const EAGER: usize = 4096;

    fn new(bio_roles: &[String]) -> Result<Bio, String> {
        let mut words: Vec<&str> = bio_roles.iter().map(|r| r.trim()).filter(|r| !r.is_empty()).collect();
        if words.is_empty() {
            words = vec!["editor", "writer", "journalist", "reporter"];
        }
        let roles = Self::roles_then_boundary(&words);
        let author = Self::roles_then_boundary(&["about the author"]);
        let pattern = format!(
            r"(?i)^(?:{author}|as (?:the|a|an|your) (?:[\w-]+ ){{0,4}}{roles}|[\p{{Lu}}][\p{{L}}.'-]+(?: [\p{{Lu}}][\p{{L}}.'-]+){{0,3}} is an? (?:[\w-]+ ){{0,3}}{roles})"
        );
        let regex = std::sync::OnceLock::new();
        if pattern.len() > Self::EAGER {
            let _ = regex.set(Some(MatchOnly::new(&pattern).map_err(|e| format!("boilerplate `bio-roles`: {e}"))?));
        }
        let always = words.iter().any(|w| !w.is_ascii());
        words.push("about the author");
        // (a contiguous NFA, quick to build: it searches the few last lines that open as a bio)
        let words = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .kind(Some(AhoCorasickKind::ContiguousNFA))
            .build(&words)
            .map_err(|e| format!("boilerplate `bio-roles`: {e}"))?;
        Ok(Bio { pattern, regex, words, always })
    }

    /// The roles as alternatives, each followed by a word boundary. The pattern ends there and
    /// is asked only whether it matches, so `\b` after a role can be the character after it:
    /// after a word character, a non-word character or the end (`\W|$`); after any other, a word
    /// character. A role ending in a non-ASCII character keeps `\b` (and the full regex) rather
    /// than guess the class of its last character.
    fn roles_then_boundary(roles: &[&str]) -> String {
        let ending = |pick: fn(char) -> bool| {
            roles.iter().filter(|r| r.chars().next_back().is_some_and(pick)).map(|r| regex::escape(r)).collect::<Vec<_>>().join("|")
        };
        let word = ending(|c| c.is_ascii_alphanumeric() || c == '_');
        let other = ending(|c| c.is_ascii() && !(c.is_ascii_alphanumeric() || c == '_'));
        let unicode = ending(|c| !c.is_ascii());
        let mut alternatives = Vec::new();
        if !word.is_empty() {
            alternatives.push(format!(r"(?:{word})(?:\W|$)"));
        }
        if !other.is_empty() {
            alternatives.push(format!(r"(?:{other})\w"));
        }
        if !unicode.is_empty() {
            alternatives.push(format!(r"(?:{unicode})\b"));
        }
        format!("(?:{})", alternatives.join("|"))
    }

    fn is_match(&self, text: &str) -> bool {
        // Under (?i) `s` also matches `ſ` and `k` the Kelvin sign: those lines go to the regex.
        // (the opening, read from the first words, before the search of the whole line for
        // the role words)
        let exotic = has_exotic_case_letters(text);
        let could = (exotic || Self::opens_like_one(text)) && (self.always || exotic || self.words.is_match(text));
        could && self.regex.get_or_init(|| MatchOnly::new(&self.pattern).ok()).as_ref().is_some_and(|r| r.is_match(text))
    }

    /// Whether the first words of `text` are those of one of the pattern's three openings
    /// ("About the …", "As the/a/an/your …", a name of up to four words then "is a" or "is
    /// an"), ASCII case aside. Lines that name a role are common near the end of an article ("the
    /// editor said"); this rules most of them out before the pattern is compiled (27 M
    /// instructions, 3 % of linting news-clean on one thread) or run.
    fn opens_like_one(text: &str) -> bool {
        let words: Vec<&str> = text.splitn(7, ' ').take(6).collect();
        let is = |i: usize, any: &[&str]| words.get(i).is_some_and(|w| any.iter().any(|a| w.eq_ignore_ascii_case(a)));
        (is(0, &["about"]) && is(1, &["the"]))
            || (is(0, &["as"]) && is(1, &["the", "a", "an", "your"]))
            // words 2 to 5: "is", then "a" or "an"
            || (1..=4).any(|i| is(i, &["is"]) && is(i + 1, &["a", "an"]))
    }
}

/// The listed line starts, found at a line's start: the longest one the line opens with, ASCII
/// case aside. Indexed by their first two bytes (ASCII lowercased), so that a line is compared
/// with the few starts that open as it does. An anchored automaton did this (its answer is the
/// same: the longest pattern that is a prefix), but building it over the 139 default starts,
/// case folded, was a sixth of linting one short article.
struct LineStarts {
    starts: Vec<String>,
    /// The starts (indices into `starts`) of each first two bytes, and those of one byte.
    by_opening: HashMap<[u8; 2], Vec<usize>>,
    one_byte: Vec<usize>,
}

impl LineStarts {
    fn new(starts: Vec<String>) -> LineStarts {
        let mut by_opening: HashMap<[u8; 2], Vec<usize>> = HashMap::default();
        let mut one_byte = Vec::new();
        for (i, start) in starts.iter().enumerate() {
            match start.as_bytes() {
                [] => {}
                [_] => one_byte.push(i),
                [a, b, ..] => by_opening.entry([a.to_ascii_lowercase(), b.to_ascii_lowercase()]).or_default().push(i),
            }
        }
        LineStarts { starts, by_opening, one_byte }
    }

    /// The length of the longest start that `line` opens with (ASCII case aside).
    fn longest_prefix(&self, line: &str) -> Option<usize> {
        let bytes = line.as_bytes();
        let two = match bytes {
            [a, b, ..] => self.by_opening.get(&[a.to_ascii_lowercase(), b.to_ascii_lowercase()]).map(Vec::as_slice),
            _ => None,
        };
        self.one_byte
            .iter()
            .chain(two.unwrap_or_default())
            .map(|&i| self.starts[i].as_bytes())
            .filter(|start| bytes.get(..start.len()).is_some_and(|open| open.eq_ignore_ascii_case(start)))
            .map(<[u8]>::len)
            .max()
    }
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
        super::check_phrase_list("boilerplate `phrases`", phrases.len(), phrases.iter().map(String::len).sum())?;
        let phrase_forms: Vec<String> = phrases.iter().map(|p| normalize_line(p)).collect();
        let normalized_phrases = crate::text::Phrases::new(&phrase_forms).map_err(|e| format!("boilerplate `phrases`: {e}"))?;
        let starts = with_apostrophe_variants(
            options.line_starts.iter().chain(&options.extend_line_starts).map(|p| p.trim().to_string()).filter(|p| !p.is_empty()),
        );
        let starts = LineStarts::new(starts);
        let bio = Bio::new(&options.bio_roles)?;
        Ok(Detector {
            lines,
            phrases,
            phrases_automaton: std::sync::OnceLock::new(),
            normalized_phrases,
            starts,
            related: normalized(&options.related_headers),
            toc: normalized(&options.toc_headers),
            categories: normalized(&options.category_labels),
            bio,
            max_block_words: options.max_block_words.unwrap_or(25),
        })
    }

    /// The first listed phrase in `text` on word boundaries. `normalized` is the normalised
    /// text of a block that holds `text`.
    fn phrase_in(&self, text: &str, normalized: &str) -> Option<aho_corasick::Match> {
        if !self.normalized_phrases.any_in(normalized) {
            return None;
        }
        let automaton = self.phrases_automaton.get_or_init(|| {
            let builder = AhoCorasickBuilder::new().ascii_case_insensitive(true).match_kind(MatchKind::LeftmostLongest).clone();
            Adaptive::new(&builder, self.phrases.clone(), PHRASES_UPGRADE_AFTER).ok()
        });
        automaton.as_ref()?.get().find_iter(text).find(|m| {
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

    /// A line made of two or more listed chrome lines run together, as links lose their
    /// separators in extraction: "Terms of Service Privacy Policy", "Share Tweet Email".
    /// (Sixteen words at most: the scan, which knows each line's count of words, asks it of
    /// no longer line, sparing a count of every paragraph's spaces.)
    fn labels_only(&self, norm: &str) -> bool {
        const LONGEST_LABEL: usize = 6;
        const MOST_WORDS: usize = 16;
        if norm.is_empty() || norm.bytes().filter(|&b| b == b' ').count() + 1 > MOST_WORDS {
            return false;
        }
        // Where each word starts and ends in `norm` (words are one space apart), on the stack:
        // this is asked of every short line that no other test settled.
        let mut spans = [(0, 0); MOST_WORDS];
        let mut count = 0;
        let mut at = 0;
        for (span, w) in spans.iter_mut().zip(norm.split(' ')) {
            *span = (at, at + w.len());
            at += w.len() + 1;
            count += 1;
        }
        let words = &spans[..count];
        if words.len() < 2 {
            return false;
        }
        // parts[i]: the fewest labels that cover the first i words (None: no cover).
        let mut parts: [Option<usize>; MOST_WORDS + 1] = [None; MOST_WORDS + 1];
        parts[0] = Some(0);
        for end in 1..=words.len() {
            for start in end.saturating_sub(LONGEST_LABEL)..end {
                let Some(before) = parts[start] else { continue };
                if self.lines.contains(&norm[words[start].0..words[end - 1].1]) {
                    parts[end] = Some(parts[end].map_or(before + 1, |p: usize| p.min(before + 1)));
                }
            }
        }
        parts[words.len()].is_some_and(|n| n >= 2)
    }

    /// A line that opens with a listed chrome phrase ("Sign up for …") on a word boundary.
    fn starts_with_chrome(&self, text: &str) -> bool {
        let lead = text.trim_start_matches(|c: char| !c.is_alphanumeric());
        let opens = self.starts.longest_prefix(lead).is_some_and(|len| {
            let end = &lead[len..];
            let last = lead[..len].chars().next_back();
            !last.is_some_and(char::is_alphanumeric) || !end.chars().next().is_some_and(char::is_alphanumeric)
        });
        opens && lead.split_whitespace().nth(40).is_none() && !has_quotes(lead) && !REPORTED.is_match(lead)
    }

    /// The family of a whole line of chrome: a listed opening, else the shapes of [`classify_line`].
    pub fn family(&self, text: &str) -> Option<(Family, Strength)> {
        let shape = classify_line(text);
        if self.starts_with_chrome(text) {
            return Some((shape.map_or(Family::Prompt, |(f, _)| f), Strength::Strong));
        }
        shape
    }

    fn scan_uncached(&self, doc: &Document<'_>) -> Vec<Finding> {
        let mut prose: Vec<usize> = Vec::with_capacity(doc.blocks.len());
        prose.extend(
            (0..doc.blocks.len()).filter(|&i| doc.blocks[i].kind.is_prose() && !matches!(doc.blocks[i].kind, BlockKind::TableCell { .. })),
        );
        let mut out = Vec::new();
        let whole = |from: usize, to: usize, message: String, info: bool| {
            let span = Span::new(doc.blocks[prose[from]].span.start, doc.blocks[prose[to]].span.end);
            Finding { span, removal: doc.block_removal_span(span), message, info, blocks: prose[from]..prose[to] + 1, fixable: true }
        };
        // Chrome clusters at the top and the end: the first lines under the title, and whatever
        // follows the last paragraph that reads like article prose.
        let first_body = prose.iter().position(|&b| doc.blocks[b].kind != BlockKind::Title).unwrap_or(0);
        let last_prose = prose.iter().rposition(|&b| {
            let text = doc.text(doc.blocks[b].content).trim_end();
            doc.blocks[b].kind != BlockKind::Title
                && text.split_whitespace().nth(11).is_some()
                && text.ends_with(['.', '!', '?', '"', '”', '’', '\''])
                && classify_line(text).is_none()
        });
        let in_zone = |i: usize| i < first_body + 3 || last_prose.is_none_or(|l| i > l) || i + 3 > prose.len();
        let mut weak: Vec<(usize, Family)> = Vec::new();
        let mut i = 0;
        while i < prose.len() {
            let bi = prose[i];
            let block = &doc.blocks[bi];
            let text = doc.text(block.content);
            let norm = doc.normalized(bi);
            let words = doc.normalized_words(bi);
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
            if text.starts_with(['N', '#', 'S']) && text.chars().count() <= 52 && FLAT_TABLE_HEADER.is_match(text) {
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
            // Markup the writer chose (a Markdown heading, a quotation) is the article's; a list
            // item is judged as a line, as extractors turn a page's menus and widgets into lists
            // ("- Share on Facebook", "• 36 of 38 people found this helpful").
            let authored = block.explicit && block.kind != BlockKind::ListItem;
            let line_like = matches!(block.kind, BlockKind::Paragraph | BlockKind::ListItem | BlockKind::Heading(_)) && !authored;
            // A label over the code right under it ("Help:" over a command's help text) names
            // that code, as a heading would: no menu entry.
            let labels_code = doc.introduces_material(bi) && doc.blocks.get(bi + 1).is_some_and(|b| b.kind == BlockKind::Code);
            if words <= 8 && !authored && !labels_code && (self.lines.contains(norm) || self.lines.contains(doubled_half(norm))) {
                out.push(whole(i, i, format!("page chrome: `{}`", shown(text)), false));
            } else if after_title && words <= 2 && self.categories.contains(norm) {
                out.push(whole(i, i, format!("category label `{text}` under the title"), false));
            } else if let Some((family, strength)) = line_like.then(|| self.family(text)).flatten().filter(|&(family, _)| {
                // An item that is a sentence is a step or a point ("Open Settings app."), and
                // a list of site words or of options split by separators a menu of the
                // article's own ("Tap Privacy > Location Services"): a list item counts only
                // as chrome of the other families.
                block.kind != BlockKind::ListItem
                    || !(matches!(family, Family::Navigation | Family::Legal) || text.trim_end().ends_with(['.', '!', '?']))
            }) {
                match strength {
                    Strength::Strong => out.push(whole(i, i, format!("page chrome ({}): `{}`", family.name(), shown(text)), false)),
                    Strength::Weak => weak.push((i, family)),
                }
            } else if !authored && words <= 16 && self.labels_only(norm) {
                out.push(whole(i, i, format!("page chrome: `{}`", shown(text)), false));
            } else if let Some(m) = (words <= self.max_block_words).then(|| self.phrase_in(text, norm)).flatten().filter(|m| {
                // a one-word phrase inside a sentence ("The advertisement was banned") is news
                (text[m.range()].contains(' ')
                    || words <= 4
                    || text[..m.start()].trim_start_matches(|c: char| !c.is_alphanumeric()).is_empty())
                    // (reported speech last: a phrase is rarer than a line that says who spoke)
                    && !REPORTED.is_match(text)
            }) {
                let phrase = &text[m.range()];
                let mut f = whole(i, i, format!("engagement or chrome text: `{phrase}`"), false);
                // deleting the block is safe only when the phrase is most of it
                f.fixable = phrase.len() * 2 >= text.trim().len();
                out.push(f);
            } else if i + 3 >= prose.len() && !has_double_quotes(text) && self.bio.is_match(text) {
                out.push(whole(i, i, "author bio boilerplate".to_string(), false));
            }
            i += 1;
        }
        self.scan_table_rows(doc, &mut out);
        // Weak evidence counts where chrome lives, or next to other chrome (also weak: a run of
        // "Home", "Contact", "About" at the end).
        if !weak.is_empty() {
            let flagged: HashSet<usize> = out.iter().filter(|f| !f.info).flat_map(|f| f.blocks.clone()).collect();
            let weak_at: HashSet<usize> = weak.iter().map(|&(i, _)| prose[i]).collect();
            for &(i, family) in &weak {
                let near = |j: Option<usize>| j.and_then(|j| prose.get(j)).is_some_and(|b| flagged.contains(b) || weak_at.contains(b));
                if in_zone(i) || near(i.checked_sub(1)) || near(Some(i + 1)) {
                    let text = doc.text(doc.blocks[prose[i]].content);
                    out.push(whole(i, i, format!("page chrome ({}): `{}`", family.name(), shown(text)), false));
                }
            }
        }
        out.sort_by_key(|f| f.span.start);
        out
    }

    /// A lone row of pipe-separated chrome ("Privacy | Terms | Contact", "Sign In|") is read as a
    /// table by the parser; a row with no table around it is judged as a line.
    fn scan_table_rows(&self, doc: &Document<'_>, out: &mut Vec<Finding>) {
        let cells: Vec<usize> = (0..doc.blocks.len()).filter(|&i| matches!(doc.blocks[i].kind, BlockKind::TableCell { .. })).collect();
        if cells.is_empty() {
            return;
        }
        let lines: Vec<usize> = cells.iter().map(|&i| doc.line_of(doc.blocks[i].span.start)).collect();
        let mut n = 0;
        while n < cells.len() {
            let line = lines[n];
            let mut m = n;
            while m < cells.len() && lines[m] == line {
                m += 1;
            }
            let isolated = !lines.iter().any(|&l| l != line && l + 2 >= line && l <= line + 2);
            let span = doc.line_span(line);
            let text = doc.text(span);
            // A row of site labels, some of them chrome ("| Minecraft News | Powered by
            // Tumblr |", "| Archives | Calendar | Subscribe | Sponsors |"): a menu or footer an
            // extractor kept as a table row. Alone, one chrome label makes it so; inside a
            // table (a page laid out in one), two do, or one strong among two labels, as a
            // data table's header has words of its own ("| Home | Away | Score |").
            let labels: Vec<&str> =
                cells[n..m].iter().map(|&c| doc.text(doc.blocks[c].content).trim()).filter(|cell| !cell.is_empty()).collect();
            let short_labels = labels.iter().all(|cell| cell.split_whitespace().nth(5).is_none());
            let (mut strong_cells, mut listed_cells) = (0, 0);
            if short_labels && m - n <= 8 {
                for cell in &labels {
                    match self.family(cell) {
                        Some((_, Strength::Strong)) => strong_cells += 1,
                        Some(_) => listed_cells += 1,
                        None => listed_cells += usize::from(self.lines.contains(&normalize_line(cell))),
                    }
                }
            }
            let menu_row = if isolated {
                strong_cells + listed_cells >= 1
            } else {
                strong_cells + listed_cells >= 2 || (strong_cells == 1 && labels.len() <= 2)
            };
            // short rows only (the bars are no words): a long caption ending in "|" belongs to a
            // gallery page
            if (isolated || menu_row) && m - n <= 8 && text.split_whitespace().filter(|t| *t != "|").nth(14).is_none() {
                let family = match self.family(text) {
                    Some((family, Strength::Strong)) => Some(family),
                    _ => (self.lines.contains(&normalize_line(text)) || menu_row).then_some(Family::Navigation),
                };
                if let Some(family) = family {
                    out.push(Finding {
                        span,
                        removal: doc.block_removal_span(span),
                        message: format!("page chrome ({}): `{}`", family.name(), shown(text)),
                        info: false,
                        blocks: cells[n]..cells[m - 1] + 1,
                        fixable: true,
                    });
                }
            }
            n = m;
        }
    }

    fn scan_title(&self, doc: &Document<'_>, bi: usize, out: &mut Vec<Finding>) {
        let content = doc.blocks[bi].content;
        let text = doc.text(content);
        let mut end = text.len();
        // (the regex, compiled on first need, needs one of its separators after white space:
        // a hyphen inside a word, "U.S.-Japan", is none)
        let suffix = separator_after_space(text).then(|| TITLE_SUFFIX.find(text)).flatten();
        if let Some(m) = suffix.filter(|m| m.as_str().chars().count() <= 48) {
            let before_words = text[..m.start()].split_whitespace().count();
            if before_words >= 6 {
                let span = Span::new(content.start + m.start(), content.end);
                out.push(Finding {
                    span,
                    removal: span,
                    message: format!("site name in the title: `{}`", text[m.start()..].trim()),
                    info: false,
                    blocks: bi..bi,
                    fixable: true,
                });
                end = m.start();
            }
        }
        // (the title's normalised text holds that of its part before a site's name, which
        // ends before white space)
        if let Some(m) = self.phrase_in(&text[..end], doc.normalized(bi)) {
            let start = text[..m.start()].trim_end().len();
            let span = Span::new(content.start + m.start(), content.start + end);
            out.push(Finding {
                span,
                removal: Span::new(content.start + start, content.start + end),
                message: format!("call to action in the title: `{}`", &text[m.range()]),
                info: false,
                blocks: bi..bi,
                fixable: true,
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

// ───────────────────────────── chrome families ─────────────────────────────
//
// A line is chrome as a whole when it reads like a page control rather than prose: every word
// belongs to the vocabulary of web pages (UI verbs, site nouns, social networks, counts, dates,
// function words) and at least one word anchors it; or it has the shape of a credit, byline,
// copyright, tag list, comment form, sign-up or cookie notice.

/// Which family of chrome a line belongs to, for the message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Family {
    Share,
    Follow,
    Newsletter,
    Account,
    Comments,
    Related,
    Navigation,
    Media,
    Advert,
    Date,
    ReadTime,
    Legal,
    Support,
    Cookie,
    Copyright,
    Credit,
    Byline,
    Contributor,
    Tags,
    Prompt,
}

impl Family {
    fn name(self) -> &'static str {
        match self {
            Family::Share => "share prompt",
            Family::Follow => "follow prompt",
            Family::Newsletter => "newsletter sign-up",
            Family::Account => "log-in or sign-up control",
            Family::Comments => "comment prompt",
            Family::Related => "related-content navigation",
            Family::Navigation => "site navigation",
            Family::Media => "gallery or video control",
            Family::Advert => "advertisement label",
            Family::Date => "timestamp",
            Family::ReadTime => "read-time label",
            Family::Legal => "legal or site links",
            Family::Support => "support appeal",
            Family::Cookie => "cookie notice",
            Family::Copyright => "copyright line",
            Family::Credit => "photo credit or caption",
            Family::Byline => "byline",
            Family::Contributor => "syndication note",
            Family::Tags => "tag list",
            Family::Prompt => "call to action",
        }
    }
}

/// What a word is in the vocabulary of page chrome.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// Allowed in chrome, anchors nothing: "to", "on", "this", "our".
    Filler,
    /// Anchors a line only in the chrome zones or next to other chrome: "more", "video", "home".
    Weak,
    /// Anchors a line anywhere: "share", "subscribe", "newsletter", "facebook".
    Strong,
    /// A count noun: anchors only next to a number ("1.2k shares", "12 comments").
    Count,
    /// Month, weekday, time zone, am/pm.
    DateWord,
    /// "updated", "published", "posted": a timestamp label.
    DateLabel,
    /// "ago", "yesterday", "today".
    Relative,
    /// "min", "minutes", "hours".
    TimeUnit,
    /// "read", "reading", "listen": with a number and a time unit, a read-time label.
    ReadVerb,
}

/// The chrome vocabulary, grouped by family and kind; words are lowercase, without apostrophes.
const VOCABULARY: &[(Family, Kind, &str)] = &[
    (Family::Share, Kind::Strong, "share sharethis tweet tweets retweet email e-mail emails print printable pin pinit embed bookmark bookmarked \
        facebook twitter linkedin whatsapp pinterest reddit tumblr telegram instagram youtube tiktok snapchat flipboard messenger \
        sms vk weibo wechat mastodon bluesky digg stumbleupon pocket gmail xing viber \
        compartir comparte compartilhar partager partagez teilen condividi"),
    (Family::Share, Kind::Weak, "mail printer copy link copied url clipboard friend friends send google like recommend sharing save saved options reuse"),
    (Family::Share, Kind::Count, "shares retweets likes views reads votes pins claps reactions"),
    (Family::Follow, Kind::Strong, "follow unfollow followfollowing"),
    (Family::Follow, Kind::Weak, "following followed"),
    (Family::Follow, Kind::Count, "followers"),
    (Family::Newsletter, Kind::Strong, "subscribe subscribed unsubscribe subscription subscriptions subscriber newsletter newsletters inbox \
        notifications rss suscribirse suscribete abonnieren abonnez sabonner"),
    (Family::Newsletter, Kind::Weak, "subscribers alerts alert digest updates feed feeds podcast podcasts app apps download enter address briefing"),
    (Family::Account, Kind::Strong, "login logout signin signup register registration account password username dashboard anmelden registrieren"),
    (Family::Account, Kind::Weak, "sign log logged registered accounts profile member members membership join forgot remember settings preferences preference manage edit author"),
    (Family::Comments, Kind::Strong, "comment comments commenting reply replies submit kommentare kommentar commentaires commentaire comentarios comentario commenti"),
    (Family::Comments, Kind::Weak, "respond discussion conversation thread sort post posts newest oldest report abuse flag cancel moderation"),
    (Family::Comments, Kind::Count, "responses answers"),
    (Family::Related, Kind::Strong, "related trending recommended recommendations recommendrecommended relacionados weiterlesen"),
    (Family::Related, Kind::Strong, "miss"),
    (Family::Related, Kind::Weak, "read more most popular latest top stories story articles article news headlines next previous prev continue \
        reading see editors picks pick explore discover web similar blog blogs featured questions topics topic categories category \
        links suggested coverage viewed commented shared searches overview lire leer mas mehr ver voir leggi lesen noticias nachrichten artikel articulos verwandte similaires"),
    (Family::Navigation, Kind::Strong, "menu navigation skip homepage sitemap toggle footer sidebar breadcrumb"),
    (Family::Navigation, Kind::Weak, "home search close open expand collapse panel header version jump scroll view show hide load page pages archive archives index \
        site website section sections main"),
    (Family::Media, Kind::Strong, "pause replay mute unmute gallery galleries slideshow slideshows enlarge fullscreen thumbnail thumbnails"),
    (Family::Media, Kind::Weak, "play watch video videos audio listen image images photo photos picture pictures slide slides shows zoom screen \
        caption captions subtitles chapters duration clip media credit credits"),
    (Family::Advert, Kind::Strong, "advertisement advertisements advert adverts ads advertising advertise sponsored promoted adchoices taboola \
        outbrain publicite publicidad werbung pubblicita"),
    (Family::Advert, Kind::Weak, "ad sponsor sponsors promotion paid partner partners continues below content anzeige"),
    (Family::Legal, Kind::Strong, "privacy cookies cookie faq faqs impressum"),
    (Family::Legal, Kind::Weak, "policy policies terms use conditions accessibility disclaimer disclosure legal notice imprint careers jobs contact about help \
        feedback corrections"),
    (Family::Support, Kind::Strong, "donate patreon support"),
    (Family::Support, Kind::Weak, "donation contribute supporters patron loading"),
    (Family::Date, Kind::DateWord, "january february march april may june july august september october november december jan feb mar apr jun \
        jul aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun \
        am pm gmt bst utc et est edt pst pdt cst cdt cet cest ist aest jst"),
    (Family::Date, Kind::DateLabel, "updated published posted modified edited created reviewed"),
    (Family::Date, Kind::Relative, "ago yesterday today"),
    (Family::Date, Kind::TimeUnit, "min mins minute minutes hour hours hrs hr sec secs second seconds day days week weeks month months year years"),
    (Family::ReadTime, Kind::ReadVerb, "estimated"),
    (Family::Prompt, Kind::Strong, "click"),
    (Family::Prompt, Kind::Weak, "tap swipe"),
    (Family::Prompt, Kind::Filler, "the a an this that these those to on in of for via by with and or at from into onto our your you we us me my \
        it its all now here new free other also up out off no not yes just please get today again be first may might want can \
        be dont already have an has last any every one two three x time full back go create friendly total \
        less daily weekly monthly another el la le les los las de del du des der die das il di per por par sur en auf su zum et y und \
        thema aussi tambien auch sie anche plus suite"),
];

static VOCAB: LazyLock<HashMap<&'static str, (Family, Kind)>> = LazyLock::new(|| {
    let mut map = HashMap::default();
    for &(family, kind, words) in VOCABULARY {
        for w in words.split_whitespace() {
            // the first listing wins: "read" is a read-time verb before it is related navigation
            map.entry(w).or_insert((family, kind));
        }
    }
    map
});

/// The evidence a line's words give.
#[derive(Debug, Default)]
struct Shape {
    words: usize,
    unknown: usize,
    unknown_ok: usize,
    numbers: usize,
    score: usize,
    best: Option<(Family, usize)>,
    count: bool,
    date_word: bool,
    date_label: bool,
    relative: bool,
    time_unit: bool,
    minutes: bool,
    read: bool,
}

impl Shape {
    fn anchor(&mut self, family: Family, weight: usize) {
        self.score += weight;
        if self.best.is_none_or(|(_, w)| weight > w) {
            self.best = Some((family, weight));
        }
    }
}

/// Lowercase `word` into `buf` without apostrophes; false when it has no letters.
fn lower_into(word: &str, buf: &mut String) {
    buf.clear();
    for c in word.chars() {
        if is_apostrophe(c) || c == '.' {
            continue;
        }
        if c.is_ascii() {
            buf.push(c.to_ascii_lowercase());
        } else {
            // strip the common Latin accents so "más" finds "mas"
            let folded = match c {
                'á' | 'à' | 'â' | 'ä' | 'Á' | 'À' => 'a',
                'é' | 'è' | 'ê' | 'ë' | 'É' => 'e',
                'í' | 'ì' | 'î' | 'ï' => 'i',
                'ó' | 'ò' | 'ô' | 'ö' => 'o',
                'ú' | 'ù' | 'û' | 'ü' => 'u',
                'ñ' => 'n',
                'ç' => 'c',
                _ => c,
            };
            buf.extend(folded.to_lowercase());
        }
    }
}

/// Parts of a glued word: "TwitterTweet" → "Twitter", "Tweet".
fn camel_parts(word: &str) -> impl Iterator<Item = &str> {
    let mut start = 0;
    let mut prev_lower = false;
    let mut cuts = Vec::new();
    for (i, c) in word.char_indices() {
        if c.is_uppercase() && prev_lower {
            cuts.push((start, i));
            start = i;
        }
        prev_lower = c.is_lowercase();
    }
    cuts.push((start, word.len()));
    cuts.into_iter().map(move |(a, b)| &word[a..b])
}

const PREPOSITIONS: &[&str] = &["on", "to", "from", "via", "with", "by", "at", "for"];

/// Read the words of `line` against the chrome vocabulary. None when the line is too long or
/// has two words outside the vocabulary (then it is no line of chrome words).
fn shape(line: &str) -> Option<Shape> {
    let mut s = Shape::default();
    let mut buf = String::new();
    let mut part_buf = String::new();
    let mut prev: Option<(Family, Kind)> = None;
    let mut prev_word = String::new();
    let mut pending_name = false;
    let bytes = line.as_bytes();
    let mut i = 0;
    while i < line.len() {
        let c = crate::text::char_at(line, i).unwrap_or(' ');
        if c.is_ascii_digit() {
            let start = i;
            while i < bytes.len()
                && (bytes[i].is_ascii_digit()
                    || (matches!(bytes[i], b'.' | b',' | b':' | b'/' | b'-') && bytes.get(i + 1).is_some_and(u8::is_ascii_digit)))
            {
                i += 1;
            }
            // a unit glued to the number: 8:00am, 1.2k, 5min, 3rd
            let unit_start = i;
            while i < bytes.len() && bytes[i].is_ascii_alphabetic() {
                i += 1;
            }
            let unit = crate::text::Lowercase::of(if i - unit_start > 8 { "?" } else { &line[unit_start..i] });
            let unit = unit.as_str();
            let _ = start;
            s.numbers += 1;
            match unit {
                "" | "k" | "m" | "b" | "st" | "nd" | "rd" | "th" | "x" | "s" => {}
                "am" | "pm" | "h" => s.date_word = true,
                "min" | "mins" | "m2" => {
                    s.time_unit = true;
                    s.minutes = true;
                }
                _ => return None, // "4G", "10km": a measurement, not a count
            }
            continue;
        }
        if !c.is_alphabetic() {
            // emoji and punctuation separate tokens; sentence marks inside a line mean prose
            i += c.len_utf8();
            continue;
        }
        let start = i;
        while i < line.len() {
            let Some(d) = crate::text::char_at(line, i) else { break };
            let joins =
                (is_apostrophe(d) || d == '-' || d == '.') && crate::text::char_at(line, i + d.len_utf8()).is_some_and(char::is_alphabetic);
            if d.is_alphabetic() || (joins && i > start) {
                i += d.len_utf8();
            } else {
                break;
            }
        }
        let word = &line[start..i];
        s.words += 1;
        if s.words > 14 {
            return None;
        }
        lower_into(word, &mut buf);
        // what the word (or each part of a glued word) is; no allocation for known words
        let mut found = [(Family::Prompt, Kind::Filler); 6];
        let mut n = 0;
        if let Some(&t) = VOCAB.get(buf.as_str()) {
            found[0] = t;
            n = 1;
        } else {
            let camel = crate::text::has_inner_upper(word) && !crate::text::is_all_caps(word);
            // (on the stack: most words of a prose line reach here; more parts than `found`
            // holds are only counted)
            let mut parts: [&str; 6] = [""; 6];
            let mut count = 0;
            let mut keep = |p| {
                if let Some(slot) = parts.get_mut(count) {
                    *slot = p;
                }
                count += 1;
            };
            if camel {
                camel_parts(word).for_each(&mut keep);
            } else {
                word.split(['-', '.']).filter(|p| !p.is_empty()).for_each(&mut keep);
            }
            if (2..=found.len()).contains(&count) {
                for p in &parts[..count] {
                    lower_into(p, &mut part_buf);
                    match VOCAB.get(part_buf.as_str()) {
                        Some(&t) => found[n] = t,
                        None if part_buf.chars().count() == 1 => found[n] = (Family::Prompt, Kind::Filler),
                        None => {
                            n = 0;
                            break;
                        }
                    }
                    n += 1;
                }
            } else if buf.chars().count() == 1 {
                n = 1;
            }
        }
        let found = &found[..n];
        if found.is_empty() {
            s.unknown += 1;
            // Two words outside the vocabulary: no line of chrome words (`vocabulary_line`
            // forgives one name at most), and most prose lines end here, at their second word.
            if s.unknown > 1 {
                return None;
            }
            // a handle or hashtag ("@BBCBreaking") names an account like a capitalised name
            let named = crate::text::starts_upper(word) || line[..start].ends_with(['@', '#']);
            let after_prep = PREPOSITIONS.contains(&prev_word.as_str());
            let after_verb = prev.is_some_and(|(_, k)| k == Kind::Strong);
            if named && (after_prep || after_verb) {
                s.unknown_ok += 1;
            } else if named && s.words == 1 {
                // a site name opening the line ("WebMD Newsletters")
                pending_name = true;
            }
            prev = None;
            prev_word.clear();
            continue;
        }
        for &(family, kind) in found {
            match kind {
                Kind::Filler => {}
                Kind::Weak => s.anchor(family, 1),
                Kind::Strong => {
                    s.anchor(family, 2);
                    if std::mem::take(&mut pending_name) {
                        // "WebMD Newsletters": a site name before a strong anchor
                        s.unknown_ok += 1;
                    }
                }
                Kind::Count => s.count = true,
                Kind::DateWord => s.date_word = true,
                Kind::DateLabel => s.date_label = true,
                Kind::Relative => s.relative = true,
                Kind::TimeUnit => {
                    s.time_unit = true;
                    s.minutes |= buf.starts_with("min");
                }
                Kind::ReadVerb => s.read = true,
            }
        }
        s.read |= matches!(buf.as_str(), "read" | "reading" | "listen" | "listening");
        // "Sign in", "Log out", "More from": the particle makes the word a control
        if matches!(prev_word.as_str(), "sign" | "log") && matches!(buf.as_str(), "in" | "up" | "out" | "on") {
            s.anchor(Family::Account, 1);
        }
        if prev_word == "more" && matches!(buf.as_str(), "from" | "on" | "in" | "about") {
            s.anchor(Family::Related, 1);
        }
        pending_name = false;
        if let Some(&last) = found.iter().rev().find(|(_, k)| *k != Kind::Filler) {
            prev = Some(last);
        }
        prev_word.clear();
        prev_word.push_str(&buf);
    }
    if s.count && s.numbers > 0 {
        s.anchor(Family::Share, 2);
    } else if s.count && s.words <= 2 {
        // "Shares", "Total shares": a counter whose number did not survive extraction
        s.anchor(Family::Share, 1);
    }
    let labelled = s.date_label && (s.numbers > 0 || s.date_word || s.relative);
    if labelled || (s.relative && s.numbers > 0 && s.time_unit) {
        s.anchor(Family::Date, 2);
    }
    if s.minutes && s.read && s.numbers > 0 {
        s.anchor(Family::ReadTime, 3);
    }
    Some(s)
}

/// Whether one of a title suffix's separators (`|`, `–`, `—`, `-`) follows white space in
/// `text`: what [`TITLE_SUFFIX`] needs (its `\s+` before each).
fn separator_after_space(text: &str) -> bool {
    let mut after_space = false;
    for c in text.chars() {
        if after_space && matches!(c, '|' | '–' | '—' | '-') {
            return true;
        }
        after_space = c.is_whitespace();
    }
    false
}

/// How sure a family match is: strong matches fire anywhere, weak ones only where chrome lives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Strength {
    Weak,
    Strong,
}

/// A line made of chrome words only.
fn vocabulary_line(line: &str) -> Option<(Family, Strength)> {
    let s = shape(line)?;
    if s.words == 0 || s.numbers > 30 {
        return None;
    }
    let (family, _) = s.best?;
    let names_ok = s.unknown == s.unknown_ok && s.unknown <= 1 && s.words >= 2 && s.score >= 2 && s.words - s.unknown >= 2;
    if s.unknown > 0 && !names_ok {
        return None;
    }
    // "Related links:", "Sources:": a label over a section is empty-section's business, unless
    // it labels a widget ("Share this:", "Follow us:")
    if line.trim_end().ends_with(':') && matches!(family, Family::Related | Family::Navigation | Family::Legal) {
        return None;
    }
    match s.score {
        0 => None,
        // a lone weak word ending a sentence ("app.") is prose residue, not a control
        1 if line.trim_end().ends_with('.') => None,
        // one word and a number is a stat field ("Posts: 403"), not a control
        1 if s.words == 1 && s.numbers > 0 => None,
        1 => Some((family, Strength::Weak)),
        _ => Some((family, Strength::Strong)),
    }
}

// Bounded repeats of Unicode classes ({0,3}, {1,40}) multiply the compiled automaton: each
// costs milliseconds at start-up. Where a word-count gate already bounds the line, use * or +.
// The patterns are in `boilerplate/patterns.rs`.

re!(TAGS);
re!(TAGS_BARE);
re!(COPYRIGHT_START);
re!(COPYRIGHT_NAMED);
re!(COPYRIGHT_ANY);
re!(CREDIT_LABEL);
re!(CREDIT_BY);
re!(CREDIT_TAIL);
re!(CREDIT_AGENCY);
re!(CREDIT_AGENCY_SLASH);
re!(GETTY_ALONE);
// The one family regex asked for its captures: a RareRegex, as it runs on few lines (a
// label word opens them, and they are short).
// A byline: the label, a capitalised name (or names), and perhaps after a separator the
// publication or place, or with no separator the date ("By Ann Lee March 25, 2015").
static BYLINE: LazyLock<RareRegex> = LazyLock::new(|| {
    RareRegex::new(&r"^\W*(?i:by|written by|words by|story by|text by|posted by|published by|reported by|author|authors|byline)\s*:?\s+(\p{Lu}[\p{Ll}'’-]*\.?|\p{Lu}\.)((?:\s+(?:(?:de|da|van|von|der|den|del|la|le|al|el|bin|ibn|ben|di|du)\s+)?(?:\p{Lu}[\p{L}'’-]*\.?))*)(?:\s*(?:,|\band\b|&)\s*\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*)*)*\s*((?:,|\||•|·|–|—|-|\bin\b|\bfor\b|\bat\b|\bon\b)\s*[\p{Lu}\d@][^.!?]{0,60}|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?,?\s+\d{4})?[\s.]*$".replace(r"\b", r"(?-u:\b)")).unwrap()
});
re!(CONTRIBUTOR);
re!(CONTRIBUTOR_LABEL);
re!(ORIGINALLY);
re!(HELPFUL);
// What the page says to a reader's browser, never an article's words: "enable JavaScript",
// "your browser does not support the video tag", "not available in your region".
re!(TECH_NOTICE);
re!(CONTRIBUTED);
re!(NAV_LABEL);
// Reported speech: a line that says who said it is an article sentence, whatever it opens with.
re!(REPORTED);
re!(GALLERY);
re!(COOKIE);
// How a site runs its comments, addressed to readers: "Comments our editors find useful are
// displayed first", "Comments are moderated", "Read our community guidelines before commenting".
re!(COMMENT_NOTICE);
// A prompt to take up the publication itself, alone on a line: "Get The Times.", "Read the
// Herald app", "Subscribe to The Post". Weak: a short title may say the same.
re!(PUBLICATION_PROMPT);
re!(CONSENT_NOTICE);
re!(SECOND_PERSON);
re!(NEWSLETTER);
re!(NEWSLETTER_CUE);
re!(IMPERATIVE);
re!(SUPPORT);
re!(FREQUENCY);

/// Each chrome-line static with its pattern: the table patterns a scan tries first, then
/// roughly in the order `classify_line` asks the others.
static CHROME_PATTERNS: [(&LazyLock<MatchOnly>, &patterns::Pattern); 32] = [
    (&FLAT_TABLE_HEADER, &patterns::FLAT_TABLE_HEADER),
    (&FLAT_TABLE_ROW, &patterns::FLAT_TABLE_ROW),
    (&TAGS, &patterns::TAGS),
    (&TAGS_BARE, &patterns::TAGS_BARE),
    (&COPYRIGHT_START, &patterns::COPYRIGHT_START),
    (&COPYRIGHT_NAMED, &patterns::COPYRIGHT_NAMED),
    (&COPYRIGHT_ANY, &patterns::COPYRIGHT_ANY),
    (&CREDIT_LABEL, &patterns::CREDIT_LABEL),
    (&CREDIT_BY, &patterns::CREDIT_BY),
    (&CREDIT_TAIL, &patterns::CREDIT_TAIL),
    (&CREDIT_AGENCY, &patterns::CREDIT_AGENCY),
    (&CREDIT_AGENCY_SLASH, &patterns::CREDIT_AGENCY_SLASH),
    (&GETTY_ALONE, &patterns::GETTY_ALONE),
    (&CONTRIBUTOR, &patterns::CONTRIBUTOR),
    (&CONTRIBUTOR_LABEL, &patterns::CONTRIBUTOR_LABEL),
    (&ORIGINALLY, &patterns::ORIGINALLY),
    (&HELPFUL, &patterns::HELPFUL),
    (&CONTRIBUTED, &patterns::CONTRIBUTED),
    (&TECH_NOTICE, &patterns::TECH_NOTICE),
    (&COMMENT_NOTICE, &patterns::COMMENT_NOTICE),
    (&CONSENT_NOTICE, &patterns::CONSENT_NOTICE),
    (&PUBLICATION_PROMPT, &patterns::PUBLICATION_PROMPT),
    (&NAV_LABEL, &patterns::NAV_LABEL),
    (&REPORTED, &patterns::REPORTED),
    (&GALLERY, &patterns::GALLERY),
    (&COOKIE, &patterns::COOKIE),
    (&SECOND_PERSON, &patterns::SECOND_PERSON),
    (&NEWSLETTER, &patterns::NEWSLETTER),
    (&NEWSLETTER_CUE, &patterns::NEWSLETTER_CUE),
    (&SUPPORT, &patterns::SUPPORT),
    (&FREQUENCY, &patterns::FREQUENCY),
    (&IMPERATIVE, &patterns::IMPERATIVE),
];

/// Compiles this rule's built-in patterns now, in the reverse of the order a line meets them.
/// Run on a thread of its own as a lint starts: the first article's scan, which needs them one
/// by one and waits for whichever this thread is compiling, meets it halfway, and compiling
/// overlaps reading the configuration and walking the paths. On one short article (a
/// pre-commit hook's run) compiling them was most of the lint. (With the rule turned off, the
/// spare core compiles them for nothing: about 10 ms.) Most are embedded DFAs now, read in
/// place. The byline and title-suffix regexes are left to their first need: asked of few lines
/// (news-clean asks neither), they cost 17.7 M instructions to compile, 2.4 % of a two-thread
/// run of news-clean, on the core the workers share.
pub fn prepare() {
    for (re, _) in CHROME_PATTERNS.iter().rev() {
        // (a pattern behind a test of its literals is compiled at its first need: most texts
        // never need it)
        if !AT_FIRST_NEED.iter().any(|first| std::ptr::eq(*first, *re)) {
            LazyLock::force(re);
        }
    }
}

/// Literals one of which every match of a pattern holds, ASCII case aside
/// (`patterns::*_LITERALS`): a line with none of them cannot match, and is not asked. The two
/// patterns behind them are the costliest to compile (a millisecond each; their DFAs are
/// megabytes), and most texts that pass their gate words ("support", "comment") have none of
/// their literals: those runs never compile them. Under `(?i)` the pattern's `s` also matches
/// `ſ` and its `k` the Kelvin sign, which the literals' ASCII case folding does not: a line
/// with either is asked the pattern.
struct Literals(LazyLock<AhoCorasick>);

impl Literals {
    /// Whether a line could match the pattern behind these literals.
    fn may_match(&self, text: &str) -> bool {
        self.0.is_match(text) || has_exotic_case_letters(text)
    }
}

static SUPPORT_LITERALS: Literals = Literals(LazyLock::new(|| literals(patterns::SUPPORT_LITERALS)));
static COMMENT_NOTICE_LITERALS: Literals = Literals(LazyLock::new(|| literals(patterns::COMMENT_NOTICE_LITERALS)));

/// Whether a line could match CREDIT_TAIL, whose credit opens a bracket: one of its opening
/// words (`patterns::CREDIT_TAIL_OPENINGS`, ASCII case aside) after an opening bracket and
/// white space (`\s*`: what `trim_start` skips), or a character that `(?i)` folds to an ASCII
/// letter anywhere. News prose ends many sentences with a bracket ("… for $11bn (£5.7bn).",
/// "the Office for National Statistics (ONS)."), which reached the pattern.
fn credit_tail_may_match(text: &str) -> bool {
    memchr::memchr2_iter(b'(', b'[', text.as_bytes()).any(|at| {
        let rest = text[at + 1..].trim_start();
        patterns::CREDIT_TAIL_OPENINGS.iter().any(|word| rest.get(..word.len()).is_some_and(|start| start.eq_ignore_ascii_case(word)))
    }) || has_exotic_case_letters(text)
}

/// The patterns that [`prepare`] leaves to their first need: those behind [`Literals`],
/// [`credit_tail_may_match`] and [`credit_agency_may_match`]. Each takes about a millisecond
/// to compile, and no line of news-clean passes those tests.
static AT_FIRST_NEED: [&LazyLock<MatchOnly>; 4] = [&SUPPORT, &COMMENT_NOTICE, &CREDIT_TAIL, &CREDIT_AGENCY];

fn literals(literals: &[&str]) -> AhoCorasick {
    AhoCorasickBuilder::new().ascii_case_insensitive(true).build(literals).expect("the literals are plain strings")
}

/// Words a byline may not start with: "By Monday", "By The …".
const NOT_NAMES: &[&str] = &[
    "The",
    "This",
    "That",
    "These",
    "Those",
    "Then",
    "Now",
    "Contrast",
    "Comparison",
    "Far",
    "All",
    "Early",
    "Late",
    "Mid",
    "Midnight",
    "Noon",
    "Law",
    "Night",
    "Day",
    "Christmas",
    "Easter",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Spring",
    "Summer",
    "Autumn",
    "Winter",
    "Tonight",
    "Tomorrow",
    "Today",
    "Yesterday",
    "Way",
    "Next",
    "Last",
    "Order",
    "Appointment",
    "Invitation",
    "Design",
    "Default",
    "Nature",
    "Chance",
    "Accident",
    "Mail",
    "Post",
    "Car",
    "Bus",
    "Train",
    "Air",
    "Sea",
    "Road",
    "Rail",
    "Phone",
    "Hand",
    "Law",
    "Contrast",
    "Definition",
    "Force",
    "Far",
    "Some",
    "Most",
    "Many",
    "Both",
    "Each",
    "Its",
    "His",
    "Her",
    "Their",
    "Our",
    "My",
    "Your",
    "Being",
    "Having",
    "Using",
    "Making",
    "Taking",
    "Doing",
    "Going",
    "Getting",
    "Then",
    "If",
    "In",
    "On",
    "At",
    "A",
    "An",
    "It",
    "He",
    "She",
    "We",
    "They",
];

/// A menu or breadcrumb trail: three or more short labels, each capitalised (or a number) and
/// none ending a sentence or holding a field's figure, between one repeated separator set off by
/// spaces: "Home | News | Sport", "Home > News > Local". A table row (`|` first) is no menu,
/// nor a card of fields ("Prep time: 15 mins | Serves 8").
fn is_menu(text: &str) -> bool {
    if text.starts_with('|') {
        return false;
    }
    const SEPARATORS: [char; 7] = ['|', '>', '»', '›', '•', '·', '/'];
    // Each separator's count first, in one pass: most lines hold none twice.
    let mut seen = [0u8; SEPARATORS.len()];
    for c in text.chars() {
        if let Some(k) = SEPARATORS.iter().position(|&s| s == c) {
            seen[k] = seen[k].saturating_add(1);
        }
    }
    SEPARATORS.iter().zip(seen).any(|(sep, n)| {
        if n < 2 {
            return false;
        }
        let spaced = format!(" {sep} ");
        if text.matches(&spaced).count() < 2 {
            return false;
        }
        text.split(&spaced).all(|label| {
            let label = label.trim();
            let n = label.split_whitespace().count();
            (1..=4).contains(&n)
                && label.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
                && !label.ends_with(['.', '!', '?', ',', ';', ':'])
                && !label.contains(['"', '“', '”'])
                // "Prep time: 15 mins | Cook time: 45 mins": fields with figures, not links
                // (a crumb titled "Video: Fire in town" is still a crumb)
                && !label.split_once(": ").is_some_and(|(_, value)| value.starts_with(|c: char| c.is_ascii_digit()))
        })
    })
}

/// Whether `text` has a double quotation mark or a guillemet: SIMD searches, as
/// [`has_double_quotes`].
fn has_quotes(text: &str) -> bool {
    static LEFT: FixedNeedle = FixedNeedle::new("«");
    static RIGHT: FixedNeedle = FixedNeedle::new("»");
    has_double_quotes(text) || LEFT.is_in(text) || RIGHT.is_in(text)
}

/// Whether `text` has `ſ` or the Kelvin sign, which `(?i)` matches as `s` and `k` (the only
/// characters besides ASCII letters that it matches with one; a test asks the regex engine of
/// every character): two SIMD searches.
fn has_exotic_case_letters(text: &str) -> bool {
    static LONG_S: FixedNeedle = FixedNeedle::new("ſ");
    static KELVIN: FixedNeedle = FixedNeedle::new("\u{212A}");
    LONG_S.is_in(text) || KELVIN.is_in(text)
}

/// Whether `text` has a straight or curly double quotation mark: three SIMD searches, where a
/// search for any of three characters decoded every character of the line.
fn has_double_quotes(text: &str) -> bool {
    static OPENING: FixedNeedle = FixedNeedle::new("“");
    static CLOSING: FixedNeedle = FixedNeedle::new("”");
    memchr::memchr(b'"', text.as_bytes()).is_some() || OPENING.is_in(text) || CLOSING.is_in(text)
}

const ANCHORED: u32 = 1;
const COPY: u32 = 2;
const COOKIES: u32 = 4;
const NEWS: u32 = 8;
const SUPPORTS: u32 = 16;
const CONTRIB: u32 = 32;
const TECH: u32 = 64;
const COMMENTS: u32 = 128;
const CONSENT: u32 = 256;

/// Words that can open a line of the anchored families (tags, credits, bylines, contributor
/// lines, labelled links): a regex runs only on lines that open with one of them.
const FIRST_WORDS: &str = "tag tags tagged filed topic topics categories category keywords posted related more themen etiquetas \
    c copyright image images photo photos photograph photographs picture pictures pic video graphic graphics illustration \
    illustrations composite credit credits caption courtesy top main header featured lead cover hero media artwork by \
    written words story text published reported author authors byline additional extra further with reporting writing \
    editing research contributing contributor contributors compiled edited produced photography design interview \
    interviews translation translated fact production development this originally a read also see watch listen up \
    recommended don dont must trending most editor editors slide item gallery previous prev next";

static FIRST: LazyLock<HashSet<&'static str>> = LazyLock::new(|| FIRST_WORDS.split_whitespace().collect());

// The anchored regexes, one bit each: a line runs (and so compiles) only those that its first
// word can open.
const R_TAGS: u16 = 1;
const R_TAGS_BARE: u16 = 1 << 1;
const R_COPYRIGHT_START: u16 = 1 << 2;
const R_COPYRIGHT_NAMED: u16 = 1 << 3;
const R_CREDIT_LABEL: u16 = 1 << 4;
const R_CREDIT_BY: u16 = 1 << 5;
const R_BYLINE: u16 = 1 << 6;
const R_CONTRIBUTOR: u16 = 1 << 7;
const R_CONTRIBUTOR_LABEL: u16 = 1 << 8;
const R_ORIGINALLY: u16 = 1 << 9;
const R_NAV_LABEL: u16 = 1 << 10;
const R_HELPFUL: u16 = 1 << 11;
const R_GALLERY: u16 = 1 << 12;
const R_ALL: u16 = (1 << 13) - 1;

/// Which anchored regexes can match a line whose first word is the key: each regex's opening
/// words, as the ASCII letters before any other character ("don" for `don'?t`, "fact" for
/// "fact-checking"). Its keys are exactly [`FIRST_WORDS`] (a test checks it).
const OPENERS: &[(u16, &str)] = &[
    (R_TAGS, "tag tags tagged filed topic topics categories category keywords posted related more themen etiquetas"),
    (R_TAGS_BARE, "posted filed tagged tags"),
    (R_COPYRIGHT_START, "c copyright"),
    (R_COPYRIGHT_NAMED, "copyright"),
    (
        R_CREDIT_LABEL,
        "image images photo photos photograph picture pictures pic video graphic illustration composite credit credits caption \
        courtesy top main header featured lead cover hero media",
    ),
    (R_CREDIT_BY, "photo photos photograph photographs picture pictures image images illustration illustrations video graphic graphics artwork courtesy"),
    (R_BYLINE, "by written words story text posted published reported author authors byline"),
    (
        R_CONTRIBUTOR,
        "additional extra further with reporting writing editing research contributing compiled edited produced illustration \
        illustrations graphics photography photographs photos video design interview interviews translation translated fact \
        production development",
    ),
    (R_CONTRIBUTOR_LABEL, "contributing contributor contributors additional"),
    (R_ORIGINALLY, "this originally a"),
    (R_NAV_LABEL, "read also see related more watch listen up recommended don dont must trending most editor editors previous prev next further top"),
    (R_GALLERY, "image photo picture slide item video gallery"),
];

static OPENS: LazyLock<HashMap<&'static str, u16>> = LazyLock::new(|| {
    let mut map = HashMap::default();
    for &(bit, words) in OPENERS {
        for w in words.split_whitespace() {
            *map.entry(w).or_insert(0) |= bit;
        }
    }
    map
});

/// Substrings without which an unanchored family cannot match, with the families they open.
const GATE_WORDS: &[(&str, u32)] = &[
    ("©", COPY),
    ("reserv", COPY),
    ("vorbehalten", COPY),
    ("riservati", COPY),
    ("réservés", COPY),
    ("ookie", COOKIES),
    ("newsletter", NEWS),
    ("inbox", NEWS),
    ("mail", NEWS),
    ("support", SUPPORTS),
    ("donat", SUPPORTS),
    ("contribut", SUPPORTS | CONTRIB),
    ("rely on", SUPPORTS),
    ("become a", SUPPORTS),
    ("subscri", SUPPORTS),
    ("responsible", CONTRIB),
    ("new window", CONTRIB),
    ("new tab", CONTRIB),
    ("more than", CONTRIB),
    ("javascript", TECH),
    ("browser", TECH),
    ("your region", TECH),
    ("your country", TECH),
    ("your location", TECH),
    ("comment", COMMENTS),
    ("you agree", CONSENT),
    ("you consent", CONSENT),
    ("you accept", CONSENT),
    ("you acknowledge", CONSENT),
    ("you're agreeing", CONSENT),
    ("you’re agreeing", CONSENT),
    ("you are agreeing", CONSENT),
];

/// Searches made with the chrome phrases' NFA before their DFA is built: it costs about 4 M
/// instructions to build and saves about 700 per search.
const PHRASES_UPGRADE_AFTER: usize = 8_192;

/// [`GATE_WORDS`]' automaton: a contiguous NFA for the first 256 lines, then a DFA. Building the
/// DFA at once was a quarter of linting one short article (2.4 M instructions); searching a
/// line of prose, the NFA costs about twice the DFA, some 4,000 instructions more, so a
/// folder of articles pays at most 1 M more before the DFA takes over.
static GATES: LazyLock<Adaptive> = LazyLock::new(|| {
    let builder = AhoCorasickBuilder::new().ascii_case_insensitive(true).clone();
    Adaptive::new(&builder, GATE_WORDS.iter().map(|(w, _)| w.to_string()).collect(), 256).expect("the gate words are plain strings")
});

/// Which families `text` could belong to, from one pass of cheap substring tests, and which of
/// the anchored regexes (`R_*`) its opening can start.
fn gates(text: &str) -> (u32, u16) {
    let mut bits = gate_bits(text);
    let mut opens = 0;
    let lead = text.trim_start_matches(|c: char| !c.is_alphanumeric() && c != '©');
    if lead.starts_with(|c: char| c == '©' || c.is_ascii_digit()) {
        bits |= ANCHORED;
        // Each anchored regex but HELPFUL and GALLERY ("12 of 30 people…", "1 of 12") opens
        // with a word (or ©, or "(c)") after `\W*`: a digit is a word character, which that
        // cannot skip nor such an opening start with. (Numbered list items and figures ran all
        // thirteen, the byline's a backtracking search for its groups: every byline search on
        // 200 articles was such a line.)
        opens = if lead.starts_with(|c: char| c.is_ascii_digit()) { R_HELPFUL | R_GALLERY } else { R_ALL };
    } else {
        let end = lead.find(|c: char| !c.is_ascii_alphabetic()).unwrap_or(lead.len());
        let word = &lead[..end];
        let lower = (1..=16).contains(&word.len()).then(|| crate::text::Lowercase::of(word));
        if let Some(w) = lower.as_ref().map(|l| l.as_str()).filter(|w| FIRST.contains(w)) {
            bits |= ANCHORED;
            // Under (?i) `s` matches `ſ` and `k` the Kelvin sign: a word cut short by one
            // of those may be a longer opening word, so every regex runs.
            opens = if lead[end..].starts_with(['ſ', '\u{212A}']) { R_ALL } else { OPENS.get(w).copied().unwrap_or(0) };
        }
    }
    (bits, opens)
}

/// The families of the gate words in `text`: every occurrence counts, overlapping ones too
/// ("newsletterreserv"). A plain search reports the occurrence that ends first; the next search
/// starts a byte after it begins, not where it ends. That misses none: no gate word holds
/// another, so an occurrence that starts at or before one found ends after it, and would have
/// been found first. (An overlapping search, which keeps track of every match at each byte,
/// took a seventh more instructions: 26 M against 23 M on 200 seeds-corpus files.)
fn gate_bits(text: &str) -> u32 {
    let automaton = GATES.get();
    let mut bits = 0;
    let mut at = 0;
    while let Some(m) = automaton.find(aho_corasick::Input::new(text).range(at..)) {
        bits |= GATE_WORDS[m.pattern().as_usize()].1;
        at = m.start() + 1;
    }
    bits
}

/// Last words of a credit line ("…/Getty Images", "AFP", "Photo: Reuters").
const AGENCY_WORDS: &[&str] = &[
    "images",
    "image",
    "getty",
    "shutterstock",
    "istock",
    "istockphoto",
    "photo",
    "reuters",
    "afp",
    "press",
    "epa",
    "efe",
    "media",
    "wire",
    "features",
    "unsplash",
    "pexels",
    "commons",
    "bloomberg",
    "ap",
    "pa",
    "upi",
    "xinhua",
    "anadolu",
    "dpa",
];

/// A line whose last word names a picture agency, or that has a slash ("REUTERS/Ann Smith").
fn ends_with_agency(text: &str) -> bool {
    text.contains('/') || is_agency_word(last_word(text))
}

fn is_agency_word(word: &str) -> bool {
    AGENCY_WORDS.iter().any(|w| word.eq_ignore_ascii_case(w))
}

/// The last run of letters and digits of a line.
fn last_word(text: &str) -> &str {
    let t = text.trim_end_matches(|c: char| !c.is_alphanumeric());
    t.rsplit(|c: char| !c.is_alphanumeric()).next().unwrap_or("")
}

/// Whether a line could match CREDIT_AGENCY: it ends with one of its agencies after a mark,
/// then non-word characters at most (`\W*$`, which trimming every character but letters and
/// digits takes off), so its last word ends an agency's name: one of [`AGENCY_WORDS`] (which
/// lists a few more) or "alamy", ASCII case aside; or it has a character that `(?i)` folds to
/// an ASCII letter. A line with a slash reached the pattern whatever it ended with ("(Life
/// Begins/ Von Trapped, ITV1)").
fn credit_agency_may_match(text: &str) -> bool {
    let last = last_word(text);
    is_agency_word(last) || last.eq_ignore_ascii_case("alamy") || has_exotic_case_letters(text)
}

/// "… contributed to this report." (or story, article): a reporter's credit.
fn is_contribution_credit(text: &str) -> bool {
    let lower = text.to_ascii_lowercase();
    ["contributed to this report", "contributed to this story", "contributed to this article"].iter().any(|c| lower.contains(c))
}

/// The family of a whole line of chrome, if the line is one.
pub fn classify_line(text: &str) -> Option<(Family, Strength)> {
    let text = text.trim();
    if text.is_empty() {
        return None;
    }
    // Counted up to 81 (a paragraph may be long): every test below compares with 80 or less.
    let words = crate::text::count_words(text, 81);
    // A site's region or language selector flattened into one long line (which ends on a name,
    // where nearly every paragraph ends on a mark: the mark spares prose the word test).
    if words >= 30 && text.ends_with(char::is_alphanumeric) && region_selector(text) {
        return Some((Family::Navigation, Strength::Strong));
    }
    if words > 80 {
        return None;
    }
    let ends_sentence = text.ends_with(['.', '!', '?']) && !text.ends_with("..") && !text.ends_with('…');
    let strong = |f| Some((f, Strength::Strong));
    // "… (Photo: Agency)": a credit's tail may end a line of any length.
    let credit_tail = || {
        text.trim_end_matches(|c: char| !c.is_alphanumeric() && c != ')' && c != ']').ends_with([')', ']'])
            && credit_tail_may_match(text)
            && CREDIT_TAIL.is_match(text)
    };
    if words > 70 {
        // Every other family below is shorter: no need to scan the paragraph for gate words.
        return if credit_tail() { strong(Family::Credit) } else { None };
    }
    let (gates, opens) = gates(text);
    let can = |bit: u16, regex: &MatchOnly| opens & bit != 0 && regex.is_match(text);
    if words <= 40 && gates & ANCHORED != 0 {
        if (can(R_TAGS, &TAGS) || can(R_TAGS_BARE, &TAGS_BARE)) && !ends_sentence && !text.contains(". ") {
            return strong(Family::Tags);
        }
        if can(R_COPYRIGHT_START, &COPYRIGHT_START) || (words <= 8 && !ends_sentence && can(R_COPYRIGHT_NAMED, &COPYRIGHT_NAMED)) {
            return strong(Family::Copyright);
        }
        if can(R_CREDIT_LABEL, &CREDIT_LABEL) || (words <= 12 && can(R_CREDIT_BY, &CREDIT_BY)) {
            return strong(Family::Credit);
        }
    }
    if words <= 30 && gates & COPY != 0 && COPYRIGHT_ANY.is_match(text) {
        return strong(Family::Copyright);
    }
    // An editorial credit is part of the article, as Readability's article text keeps it
    // ("Additional reporting by …", "Contributing: …", "… contributed to this report."):
    // never chrome, whatever agency it ends with, and never deleted by a fix.
    if words <= 40 && gates & ANCHORED != 0 && (can(R_CONTRIBUTOR, &CONTRIBUTOR) || can(R_CONTRIBUTOR_LABEL, &CONTRIBUTOR_LABEL)) {
        return None;
    }
    if words <= 40 && gates & CONTRIB != 0 && is_contribution_credit(text) {
        return None;
    }
    if words <= 10
        && ends_with_agency(text)
        && (GETTY_ALONE.is_match(text)
            || (credit_agency_may_match(text) && CREDIT_AGENCY.is_match(text))
            || CREDIT_AGENCY_SLASH.is_match(text))
    {
        return strong(Family::Credit);
    }
    if words <= 40 && gates & ANCHORED != 0 {
        if words <= 16 && opens & R_BYLINE != 0 && !text.contains(['“', '"']) {
            if let Some(c) = BYLINE.captures(text) {
                let first = c.get(1).map_or("", |m| m.as_str().trim_end_matches('.'));
                let more = c.get(2).is_some_and(|m| !m.as_str().trim().is_empty()) || c.get(3).is_some();
                if more && !NOT_NAMES.contains(&first) {
                    return strong(Family::Byline);
                }
            }
        }
        if can(R_ORIGINALLY, &ORIGINALLY) {
            return strong(Family::Contributor);
        }
        if can(R_NAV_LABEL, &NAV_LABEL) && words <= 24 {
            return strong(Family::Related);
        }
        if can(R_HELPFUL, &HELPFUL) {
            return strong(Family::Prompt);
        }
        if can(R_GALLERY, &GALLERY) {
            return strong(Family::Media);
        }
    }
    if words <= 25 && gates & CONTRIB != 0 && CONTRIBUTED.is_match(text) {
        return strong(Family::Prompt);
    }
    if words <= 30 && gates & TECH != 0 && !has_quotes(text) && TECH_NOTICE.is_match(text) && !REPORTED.is_match(text) {
        return strong(Family::Prompt);
    }
    if credit_tail() || (words <= 14 && !ends_sentence && credit_before_name(text)) {
        return strong(Family::Credit);
    }
    if words <= 70
        && gates & COOKIES != 0
        && !has_quotes(text)
        && COOKIE.is_match(text)
        && !REPORTED.is_match(text)
        && (words <= 6 || SECOND_PERSON.is_match(text))
    {
        return strong(Family::Cookie);
    }
    if words <= 60
        && gates & SUPPORTS != 0
        && !has_quotes(text)
        && SUPPORT_LITERALS.may_match(text)
        && SUPPORT.is_match(text)
        && !REPORTED.is_match(text)
        // addressed to the reader: "your support", or a short line that bids it ("Support
        // independent local news")
        && (SECOND_PERSON.is_match(text) || (words <= 8 && starts_with_word(text, "support")))
    {
        return strong(Family::Support);
    }
    if words <= 40 && gates & NEWS != 0 && !has_quotes(text) && NEWSLETTER.is_match(text) && !REPORTED.is_match(text) {
        let cue = NEWSLETTER_CUE.is_match(text) && (SECOND_PERSON.is_match(text) || IMPERATIVE.is_match(text));
        let label = words <= 8
            && !ends_sentence
            && (FREQUENCY.is_match(text) || text.split_whitespace().all(|w| !w.starts_with(char::is_lowercase)));
        if cue || label {
            return strong(Family::Newsletter);
        }
    }
    if words <= 40
        && gates & COMMENTS != 0
        && !has_quotes(text)
        && COMMENT_NOTICE_LITERALS.may_match(text)
        && COMMENT_NOTICE.is_match(text)
        && (words <= 6 || SECOND_PERSON.is_match(text))
        && !REPORTED.is_match(text)
    {
        return strong(Family::Prompt);
    }
    // "By leaving a comment, you agree to the site's Privacy Policy and Terms of Use": the
    // consent a form asks for, naming the site's legal pages (capitalised, or "our terms"); an
    // article explaining an app's "terms of service" names them lowercase.
    if words <= 50 && gates & CONSENT != 0 && !has_quotes(text) && CONSENT_NOTICE.is_match(text) && !REPORTED.is_match(text) {
        return strong(Family::Legal);
    }
    // The site's section a story is filed under, as a label: "From the section US & Canada",
    // "More from the section Business" (a sentence about a section ends with its mark).
    // (filed under it, as a tag line is: a list item too, where menus are no chrome)
    if words <= 9 && !ends_sentence && section_label(text) {
        return strong(Family::Tags);
    }
    if words <= 7 && text.starts_with(['G', 'R', 'T', 'D', 'S', 'J', 'F']) && PUBLICATION_PROMPT.is_match(text) {
        return Some((Family::Prompt, Strength::Weak));
    }
    let known = if words <= 14 { vocabulary_line(text) } else { None };
    if known.is_none() && (3..=24).contains(&words) && is_menu(text) {
        return strong(Family::Navigation);
    }
    known
}

/// A chrome line as a message quotes it: whole up to 200 bytes, else its start and an ellipsis
/// (a region selector runs to thousands).
fn shown(text: &str) -> std::borrow::Cow<'_, str> {
    let text = text.trim();
    if text.len() <= 200 {
        return text.into();
    }
    format!("{}…", &text[..crate::text::floor_char_boundary(text, 160)]).into()
}

/// A site's region or language selector flattened into one line: country names one after
/// another ("… Chile China Christmas Island Colombia Comoros Congo-Brazzaville …"), nearly
/// every word capitalised, and a dozen of them or more, a third of its words, countries.
/// (Asked of lines of thirty words or more; prose leaves at its first lowercase words.)
fn region_selector(text: &str) -> bool {
    let (mut seen, mut lower, mut countries) = (0usize, 0usize, 0usize);
    for word in text.split_whitespace() {
        seen += 1;
        let word = word.trim_matches(|c: char| !c.is_alphanumeric());
        if word.starts_with(char::is_lowercase) && !matches!(word, "and" | "of" | "the" | "da" | "de" | "la") {
            lower += 1;
            // (a label may open it: "Choose your region:")
            if lower > 3 && lower * 10 > seen {
                return false;
            }
        } else if crate::lexicon::is_country(word) {
            countries += 1;
        }
    }
    countries >= 12 && countries * 3 >= seen
}

/// A credit without its colon, as some sites print one under each picture: "Credit Ann Lee for
/// The Harbour Times", "Credit...Ann Lee/Reuters", "PhotoCreditAnn Lee/AFP": "Credit" (after
/// "Photo", "Image" or "Video" perhaps, glued or not, with an ellipsis perhaps), a capitalised
/// name, and the publication it works for or an agency after it ("Credit Suisse said" is no
/// credit).
fn credit_before_name(text: &str) -> bool {
    let lead = text.trim_start_matches(|c: char| !c.is_alphanumeric());
    let lead = ["Photo", "Image", "Video"].iter().find_map(|p| lead.strip_prefix(p).map(str::trim_start)).unwrap_or(lead);
    let Some(rest) = lead.strip_prefix("Credit") else { return false };
    let name = rest.trim_start_matches(['.', '…', ':', ' ']);
    let for_publication = name.split(" for ").nth(1).is_some_and(|p| p.starts_with(char::is_uppercase));
    name.starts_with(char::is_uppercase) && !name.starts_with("Credit") && (for_publication || ends_with_agency(name))
}

/// "From the section Business", "More from the section US & Canada": a label before the
/// capitalised name of the site's section.
fn section_label(text: &str) -> bool {
    let lead = text.trim_start_matches(|c: char| !c.is_alphanumeric());
    ["From the section ", "More from the section ", "Back to the section "].iter().any(|label| {
        lead.get(..label.len()).is_some_and(|head| head.eq_ignore_ascii_case(label)) && lead[label.len()..].starts_with(char::is_uppercase)
    })
}

/// The shared boilerplate scan, as `--timings` names it.
pub const SCAN: &str = "(evidence: boilerplate scan)";

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

    fn prepare(&self, doc: &Document<'_>) -> Option<&'static str> {
        self.detector.scan(doc);
        Some(SCAN)
    }

    fn check(&self, doc: &Document<'_>, out: &mut Vec<Diagnostic>) {
        for f in self.detector.scan(doc) {
            let mut d = Diagnostic::new(META.id, f.span, f.message.clone());
            d = if f.fixable {
                d.with_help("delete it: it is part of the web page, not the article").with_fix(Fix::safe(vec![Edit::delete(f.removal)]))
            } else {
                d.with_help("delete the page text from it: the rest of the line may be article text")
            };
            if f.info {
                d.severity = Severity::Info;
            }
            out.push(d);
        }
    }
}

/// Whether `text`, punctuation before it aside, opens with the word `word` (ASCII, any case).
fn starts_with_word(text: &str, word: &str) -> bool {
    let text = text.trim_start_matches(|c: char| !c.is_alphanumeric());
    text.get(..word.len()).is_some_and(|head| head.eq_ignore_ascii_case(word))
        && !text[word.len()..].starts_with(|c: char| c.is_alphanumeric())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::{LoadedConfig, RuleSetting};
    use crate::document::Format;

    /// The only characters other than ASCII letters that `(?i)` matches with one are those
    /// [`has_exotic_case_letters`] looks for (and [`Literals`] with it).
    #[test]
    fn only_the_long_s_and_the_kelvin_sign_fold_to_ascii_letters() {
        let letter = regex::Regex::new("(?i)^[a-z]$").unwrap();
        let mut buf = [0u8; 4];
        let found: Vec<char> =
            (0x80..=0x10FFFFu32).filter_map(char::from_u32).filter(|c| letter.is_match(c.encode_utf8(&mut buf))).collect();
        assert_eq!(found, ['ſ', '\u{212A}']);
        for c in found {
            assert!(has_exotic_case_letters(&c.to_string()), "{c}");
        }
    }

    /// A line that matches SUPPORT, COMMENT_NOTICE or CREDIT_TAIL passes the test that stands
    /// before it: random lines of the patterns' words in any case and spacing, with brackets,
    /// marks, the long s and the Kelvin sign, many of which match.
    #[test]
    fn every_match_passes_the_test_before_its_pattern() {
        const WORDS: &str = "your support supports contribution donation donations our independent quality local \
            regional community trusted public public-interest interest nonprofit non-profit fearless journalism reporting \
            news donate contribute subscribe now today make a one-off one-time monthly small become member subscriber \
            supporter patron friend us the Times times please help you can will and we rely on readers advertising \
            comment comments are is moderated pre-moderated moderation displayed closed disabled turned off tab reviewed \
            approved before appear after once guidelines standards house rules ſupport ſubscribe maKe diſplayed houſe \
            Your SUPPORT Comments ( [ ) ] (AP AFP/ Reuters EPA Getty PA UPI Xinhua Anadolu EFE ANSA DPA Photo photos image \
            images Picture pictures pic credit photograph video Source file courtesy / Jane Doe £5m) Paris April ſource \
            via Via: | – — Shutterstock iStock iStockphoto Alamy stock Associated Press Bloomberg Wikimedia Commons Rex \
            Rex/Shutterstock Features Unsplash Pexels EPA-EFE media wire ITV1 Reuterſ";
        let words: Vec<&str> = WORDS.split_whitespace().collect();
        const BETWEEN: &[&str] = &[" ", " ", " ", "  ", ", ", ". ", "\t", "-", "", "\u{a0}"];
        let support = |line: &str| SUPPORT_LITERALS.may_match(line);
        let comment = |line: &str| COMMENT_NOTICE_LITERALS.may_match(line);
        /// A pattern, the test before it, and its name.
        type Case<'a> = (&'a LazyLock<MatchOnly>, &'a dyn Fn(&str) -> bool, &'a str);
        let cases: [Case; 4] = [
            (&SUPPORT, &support, "SUPPORT"),
            (&COMMENT_NOTICE, &comment, "COMMENT_NOTICE"),
            (&CREDIT_TAIL, &credit_tail_may_match, "CREDIT_TAIL"),
            (&CREDIT_AGENCY, &credit_agency_may_match, "CREDIT_AGENCY"),
        ];
        let mut random = crate::text::TestRandom(0x853c_49e6_748f_ea9b);
        let mut next = |n: usize| random.below(n);
        let mut matched = [0usize; 4];
        for _ in 0..40_000 {
            let mut line = String::new();
            for _ in 0..2 + next(7) {
                line.push_str(words[next(words.len())]);
                line.push_str(BETWEEN[next(BETWEEN.len())]);
            }
            // half of them end with a bracket, as a credit's tail does
            if next(2) == 0 {
                line.push_str(["(", "[", "( ", "(\u{a0}"][next(4)]);
                for _ in 0..1 + next(3) {
                    line.push_str(words[next(words.len())]);
                    line.push_str(BETWEEN[next(BETWEEN.len())]);
                }
                line.push_str([")", "]", ").", ") —", ")"][next(5)]);
            }
            for (k, (pattern, may_match, name)) in cases.iter().enumerate() {
                if pattern.is_match(&line) {
                    matched[k] += 1;
                    assert!(may_match(&line), "{name}: {line:?}");
                }
            }
        }
        assert!(matched.iter().all(|&n| n > 20), "{matched:?}");
    }

    /// The SIMD searches for quotation marks answer as a search for the characters: the
    /// double quotes, the guillemets, and the bio's `ſ` and Kelvin sign, in lines with other three-byte
    /// characters that share their lead byte (‘ ’ — …) and without.
    #[test]
    fn the_mark_searches_answer_as_a_character_search() {
        for text in [
            "plain",
            "say \"hi\"",
            "“open",
            "close”",
            "‘single’ — dash…",
            "ſtraße",
            "5 \u{212A}",
            "\u{2129} \u{212B}",
            "",
            "\"",
            "«oui»",
            "non »",
            "‹un›",
        ] {
            assert_eq!(has_double_quotes(text), text.contains(['“', '"', '”']), "{text:?}");
            assert_eq!(has_quotes(text), text.contains(['“', '”', '"', '«', '»']), "{text:?}");
            assert_eq!(has_exotic_case_letters(text), text.contains(['ſ', '\u{212A}']), "{text:?}");
        }
    }

    /// The gate words' families found by restarting a byte after each occurrence are those of
    /// every occurrence, overlapping ones too: each pair of gate words run together, sharing
    /// their overlapping letters or not, in any case, between other text.
    #[test]
    fn gate_words_are_found_when_they_overlap() {
        let overlapping =
            |text: &str| GATES.get().find_overlapping_iter(text).fold(0, |bits, m| bits | GATE_WORDS[m.pattern().as_usize()].1);
        // No gate word holds another (what the restart relies on).
        for (a, _) in GATE_WORDS {
            for (b, _) in GATE_WORDS {
                assert!(a == b || !a.to_lowercase().contains(&b.to_lowercase()), "{a} holds {b}");
            }
        }
        let mut texts = 0;
        for (a, _) in GATE_WORDS {
            for (b, _) in GATE_WORDS {
                let shared = (1..a.len().min(b.len())).filter(|&k| a.as_bytes()[a.len() - k..] == b.as_bytes()[..k]);
                let mut joined: Vec<String> = shared.filter_map(|k| Some(format!("{a}{}", b.get(k..)?))).collect();
                joined.push(format!("{a}{b}"));
                joined.push(format!("{} x {}", a.to_uppercase(), b));
                for text in joined {
                    for text in [text.clone(), format!("— {text}!"), format!("e{text}s")] {
                        assert_eq!(gate_bits(&text), overlapping(&text), "{text:?}");
                        texts += 1;
                    }
                }
            }
        }
        assert!(texts > 3_000);
        for text in ["", "©", "no gate here", "ookie", "newsletterreserv", "browserreservés", "your countryou agree"] {
            assert_eq!(gate_bits(text), overlapping(text), "{text:?}");
        }
    }

    /// The bio pattern with its boundaries spelled out answers as the same pattern with `\b`
    /// after each role, for roles ending in a letter, in punctuation and in a non-ASCII letter.
    #[test]
    fn bio_boundaries_answer_as_word_boundaries() {
        let roles = ["editor", "Writer", "chef.", "co-host", "rédactrice", "réalisé"].map(String::from);
        let bio = Bio::new(&roles).unwrap();
        let escaped = roles.iter().map(|r| regex::escape(r)).collect::<Vec<_>>().join("|");
        let with_b = crate::text::regex(&format!(
            r"(?i)^(?:about the author\b|as (?:the|a|an|your) (?:[\w-]+ ){{0,4}}(?:{escaped})\b|[\p{{Lu}}][\p{{L}}.'-]+(?: [\p{{Lu}}][\p{{L}}.'-]+){{0,3}} is an? (?:[\w-]+ ){{0,3}}(?:{escaped})\b)"
        ))
        .unwrap();
        let mut matched = 0;
        for start in [
            "About the author",
            "about the authors",
            "As the senior editor",
            "as a staff writer",
            "Jane Doe is a chef.",
            "Ana Ruiz is a chef",
        ] {
            for end in ["", " ", ".", "s", "_x", "é", " at the Post", "1", "-in-chief", ",", "\u{301}"] {
                for role_line in [
                    format!("{start}{end}"),
                    format!("Jo Li is a co-host{end}"),
                    format!("As the rédactrice{end}"),
                    format!("Al is a réalisé{end}"),
                ] {
                    let expected = with_b.is_match(&role_line);
                    assert_eq!(bio.is_match(&role_line), expected, "{role_line:?}");
                    matched += usize::from(expected);
                }
            }
        }
        assert!(matched > 20, "{matched}");
    }

    /// The openings test says no only where the pattern cannot match: every line built from
    /// openings, names, fillers and roles is tried against the pattern on its own.
    #[test]
    fn a_bio_line_is_never_ruled_out_by_its_opening() {
        let roles = ["editor", "writer"].map(String::from);
        let bio = Bio::new(&roles).unwrap();
        let full = MatchOnly::new(&bio.pattern).unwrap();
        let pieces = [
            "As", "as", "AS", "About", "the", "author", "a", "an", "An", "is", "IS", "Is", "Jane", "Doe", "Li", "O'Neil", "staff",
            "editor", "writer", "said", "x-y", "2020", ",", "é",
        ];
        let (mut matched, mut lines) = (0, vec![String::new()]);
        for _ in 0..4 {
            lines = lines
                .iter()
                .flat_map(|l| pieces.iter().map(move |p| if l.is_empty() { p.to_string() } else { format!("{l} {p}") }))
                .collect();
            for line in &lines {
                if full.is_match(line) {
                    matched += 1;
                    assert!(Bio::opens_like_one(line) && bio.is_match(line), "{line:?}");
                }
            }
        }
        assert!(matched > 100, "{matched}");
    }

    /// The listed line starts found by their first two bytes are those an anchored,
    /// case-folded automaton finds (its longest match), on every start, its prefixes, and the
    /// start followed by more, in three cases.
    #[test]
    fn line_starts_are_the_anchored_automatons_longest_match() {
        let LoadedConfig { config, .. } = LoadedConfig::default_config();
        let RuleSetting::Table(options) = config.rules.boilerplate else { panic!("the default config has boilerplate options") };
        let starts = with_apostrophe_variants(options.line_starts.iter().map(|p| p.trim().to_string()));
        let automaton = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .start_kind(aho_corasick::StartKind::Anchored)
            .build(&starts)
            .unwrap();
        let index = LineStarts::new(starts.clone());
        let mut lines = 0;
        for start in &starts {
            for line in [
                start.clone(),
                start.to_uppercase(),
                start.to_lowercase(),
                format!("{start} more"),
                format!("{start}s"),
                format!("{start}’x"),
            ]
            .into_iter()
            .chain((1..start.len()).filter(|&k| start.is_char_boundary(k)).map(|k| start[..k].to_string()))
            {
                let found = automaton.find(aho_corasick::Input::new(&line).anchored(aho_corasick::Anchored::Yes)).map(|m| m.end());
                assert_eq!(index.longest_prefix(&line), found, "{line:?}");
                lines += 1;
            }
        }
        assert!(lines > 1_000);
        assert_eq!(index.longest_prefix(""), None);
    }

    /// A block whose normalised text has none of the phrases has none of them: the phrase
    /// found behind the packed search of the normalised text is the automaton's, for every
    /// listed phrase in several cases and surroundings, and for lines with none.
    #[test]
    fn the_normalised_phrases_miss_no_phrase() {
        let detector = detector();
        let builder = AhoCorasickBuilder::new().ascii_case_insensitive(true).match_kind(MatchKind::LeftmostLongest).clone();
        let automaton = builder.build(&detector.phrases).unwrap();
        let on_word_boundaries = |text: &str| {
            automaton.find_iter(text).find(|m| {
                !text[..m.start()].chars().next_back().is_some_and(char::is_alphanumeric)
                    && !text[m.end()..].chars().next().is_some_and(char::is_alphanumeric)
            })
        };
        let sides = ["", " ", "x", "'", "’", "-", ". ", "é", "  ", "(", ")"];
        let mut lines = 0;
        for phrase in &detector.phrases {
            for form in [phrase.clone(), phrase.to_uppercase(), crate::text::match_case("Ab", phrase)] {
                for (before, after) in sides.iter().zip(sides.iter().rev()) {
                    let line = format!("Some words{before}{form}{after} and more");
                    let found = detector.phrase_in(&line, &normalize_line(&line)).map(|m| m.range());
                    assert_eq!(found, on_word_boundaries(&line).map(|m| m.range()), "{line:?}");
                    lines += 1;
                }
            }
        }
        assert!(lines > 1_000);
        for line in ARTICLE.lines() {
            assert_eq!(detector.phrase_in(line, &normalize_line(line)).map(|m| m.range()), on_word_boundaries(line).map(|m| m.range()));
        }
    }

    /// A phrase list past the limits is a configuration error, not an automaton that fails
    /// to build at the first block that needs it.
    #[test]
    fn too_many_phrases_are_refused_when_the_rule_is_built() {
        let options = Options { phrases: (0..=crate::rules::MAX_PHRASES).map(|i| format!("p{i}")).collect(), ..Default::default() };
        assert!(Detector::new(&options).is_err_and(|e| e.contains("at most")));
        let options = Options { phrases: vec!["share this".into()], ..Default::default() };
        assert!(Detector::new(&options).is_ok());
    }

    fn detector() -> Detector {
        match LoadedConfig::default_config().config.rules.boilerplate {
            RuleSetting::Table(options) => Detector::new(&options).unwrap(),
            RuleSetting::Level(_) => unreachable!("the default config has a boilerplate table"),
        }
    }

    const ARTICLE: &str = "Harbour Wall Repairs Begin\n\
        Engineers began work on the damaged harbour wall on Monday, two months after the winter storms.\n\
        The storms tore a gap of about twenty metres in the wall and flooded several shops on the quay.\n\
        Traders said the closure of the quay had cost them most of their trade over the spring months.\n\
        The council said a temporary barrier would protect the shops until the new wall is finished.\n\
        The repairs are expected to cost about two million pounds and to finish before the summer season.\n\
        A public meeting about the work will be held at the town hall on Thursday evening next week.\n";

    /// The findings for `line` placed in the middle (`mid`) or at the end of a short article,
    /// and the text after applying their fixes.
    fn lint(line: &str, mid: bool) -> (Vec<Diagnostic>, String) {
        let (head, tail) = ARTICLE.split_at(ARTICLE.find("The council").unwrap());
        let src = if mid { format!("{head}{line}\n{tail}") } else { format!("{ARTICLE}{line}\n") };
        let doc = Document::parse(&src, "t.txt", Format::PlainText);
        let mut out = Vec::new();
        Boilerplate::new(Arc::new(detector())).check(&doc, &mut out);
        let (fixed, _) = crate::fix::apply(&src, &out, false);
        (out, fixed)
    }

    #[test]
    fn a_label_over_code_is_no_menu_entry() {
        let lint_md = |src: &str| {
            let doc = Document::parse(src, "t.md", Format::Markdown);
            let mut out = Vec::new();
            Boilerplate::new(Arc::new(detector())).check(&doc, &mut out);
            out.len()
        };
        let over_code = "# The tool\n\nIt has several subcommands.\n\nHelp:\n\n```console\n$ tool --help\n```\n";
        assert_eq!(lint_md(over_code), 0);
        // the same label over prose, or alone, is a site's menu entry
        let alone = "# The tool\n\nIt has several subcommands.\n\nHelp:\n\nThe tool was written in a week by two people.\n";
        assert_eq!(lint_md(alone), 1);
    }

    /// The title-suffix regex finds nothing where no separator follows white space.
    #[test]
    fn a_title_suffix_needs_a_separator_after_space() {
        for title in ["Japan and the U.S.-Japan alliance", "A well-known story—told again", "Pipes|without|spaces", "No separator"] {
            assert!(!separator_after_space(title), "{title}");
            assert!(TITLE_SUFFIX.find(title).is_none(), "{title}");
        }
        for title in ["Japan's new cabinet | The Herald", "A story – Herald", "A story\u{a0}— Herald", "A story - Herald"] {
            assert!(separator_after_space(title), "{title}");
            assert!(TITLE_SUFFIX.find(title).is_some(), "{title}");
        }
    }

    #[test]
    fn every_first_word_opens_an_anchored_regex() {
        let first: HashSet<&str> = FIRST_WORDS.split_whitespace().collect();
        let opening: HashSet<&str> = OPENS.keys().copied().collect();
        assert_eq!(first, opening);
        assert!(OPENS.values().all(|&bits| bits != 0 && bits & !R_ALL == 0));
        // each regex but HELPFUL (digits only) has an opening word
        let all = OPENS.values().fold(0, |a, &b| a | b);
        assert_eq!(all, R_ALL & !R_HELPFUL);
        assert_eq!(gates("Tagſ: one").1, R_ALL);
        assert_eq!(gates("12 of 30 people found this helpful").1, R_HELPFUL | R_GALLERY);
        assert_eq!(gates("© By Jane Doe").1, R_ALL);
        assert!(GALLERY.is_match("1 of 12") && HELPFUL.is_match("12 of 30 people found this helpful"));
        // A line whose first letter or digit is a digit matches no other anchored regex,
        // whatever comes before the digit; the same lines without it match each.
        fn anchored(name: &str, t: &str) -> bool {
            match name {
                "tags" => TAGS.is_match(t) || TAGS_BARE.is_match(t),
                "copyright" => COPYRIGHT_START.is_match(t) || COPYRIGHT_NAMED.is_match(t),
                "credit" => CREDIT_LABEL.is_match(t),
                "credit by" => CREDIT_BY.is_match(t),
                "byline" => BYLINE.captures(t).is_some(),
                "contributor" => CONTRIBUTOR.is_match(t),
                "contributor label" => CONTRIBUTOR_LABEL.is_match(t),
                "originally" => ORIGINALLY.is_match(t),
                "navigation" => NAV_LABEL.is_match(t),
                "gallery" => GALLERY.is_match(t),
                "copyright sign" => COPYRIGHT_START.is_match(t),
                _ => HELPFUL.is_match(t),
            }
        }
        let lines = [
            ("tags", "Tags: Politics, Japan"),
            ("copyright", "Copyright 2024 The Herald"),
            ("credit", "Photo: Jane Doe/Reuters"),
            ("credit by", "Photograph by Jane Doe"),
            ("byline", "By Jane Doe"),
            ("contributor", "Additional reporting by Jane Doe"),
            ("contributor label", "Contributing: Jane Doe"),
            ("originally", "This article originally appeared in The Herald"),
            ("navigation", "Read more: Japan's new cabinet"),
            ("gallery", "Image 3 of 12"),
            ("copyright sign", "(c) 2024 The Herald"),
            ("helpful", "12 of 30 people found this helpful"),
        ];
        for (name, line) in lines {
            assert!(anchored(name, line), "{name}: {line}");
            if name == "helpful" || name == "gallery" {
                continue;
            }
            for before in ["", "— ", "“", "_", "² ", "• "] {
                let numbered = format!("{before}4 {line}");
                assert!(!anchored(name, &numbered), "{name}: {numbered}");
                if numbered.trim_start_matches(|c: char| !c.is_alphanumeric()).starts_with('4') {
                    assert_eq!(gates(&numbered).1, R_HELPFUL | R_GALLERY, "{numbered}");
                }
            }
        }
        assert_eq!(gates("By Jane Doe").1, R_BYLINE);
        assert_eq!(gates("The council met").1, 0);
    }

    #[test]
    fn link_labels_run_together_are_one_chrome_line() {
        let d = detector();
        assert!(d.labels_only("terms of service privacy policy"));
        assert!(d.labels_only("share tweet email"));
        // one label is the exact-line list's business; a sentence with a label inside is prose
        assert!(!d.labels_only("privacy policy"));
        assert!(!d.labels_only("the privacy policy changed in may"));
        assert!(!d.labels_only(""));
        let (found, fixed) = lint("Terms of Use | Cookie Settings | Contact Us", false);
        assert_eq!(found.len(), 1);
        assert_eq!(fixed, ARTICLE, "the whole line is chrome, so the safe fix deletes it");
    }

    #[test]
    fn comment_notices_and_publication_prompts() {
        for line in ["Comments are moderated.", "Comments we think you will like are shown first and others appear after review."] {
            assert_eq!(lint(line, true).0.len(), 1, "{line}");
        }
        // a prompt to take up the paper is weak: at the end, not amid the article
        assert_eq!(lint("Get The Harbour Gazette app", false).0.len(), 1);
        assert!(lint("Get The Harbour Gazette app", true).0.is_empty());
        for line in [
            "The minister's comments were displayed on a screen behind him at the conference.",
            "Comments from residents were closed to the public, the council said at the meeting.",
        ] {
            assert!(lint(line, true).0.is_empty(), "{line}");
        }
    }

    #[test]
    fn a_menu_is_links_but_a_card_of_fields_is_content() {
        assert!(is_menu("Home | News | Sport | Weather"));
        assert!(is_menu("Home > Business > Markets"));
        assert!(!is_menu("Prep time: 15 mins | Cook time: 45 mins | Serves 8"));
        assert!(is_menu("Home › News › Video: Fire in town"));
        assert!(!is_menu("| Nutrient | Per serving |"));
        assert!(lint("Prep time: 15 mins | Cook time: 45 mins | Serves 8", false).0.is_empty());
        assert_eq!(lint("Home | News | Sport | Weather", false).0.len(), 1);
    }

    #[test]
    fn a_row_of_site_labels_in_a_layout_table_is_a_menu_but_a_data_tables_header_is_not() {
        // rows of a page laid out in a table: two chrome labels, or one strong beside a name
        let menu = "| The whole article sits in this cell of the page's layout table, as old sites did |\n\
                    | Weekly edition | Kernel | Security | Distributions | Contact Us | Search |\n\
                    | Harbour News | Powered by Tumblr |\n";
        assert_eq!(lint(menu, false).0.len(), 2);
        // a data table: its header has one chrome-like word at most
        let table = "| Home | Away | Score |\n|---|---|---|\n| Leeds | York | 2-1 |\n| Hull | Bury | 0-0 |\n";
        assert!(lint(table, false).0.is_empty(), "{:?}", lint(table, false).0);
    }

    #[test]
    fn a_list_item_is_judged_as_a_line_unless_it_is_a_step_or_a_menu_of_its_own() {
        // a page's widgets and gallery controls that an extractor turned into a list
        for item in ["- 36 of 38 people found this helpful", "- 941 comments", "- Fullscreen", "- Next"] {
            assert_eq!(lint(item, false).0.len(), 1, "{item}");
        }
        // a how-to's steps and a list of options are the article's
        for item in ["- Open the Settings app.", "- Tap Privacy > Location Services > Maps", "- Fixed / Adjacent / Unlimited"] {
            assert!(lint(item, false).0.is_empty(), "{item}: {:?}", lint(item, false).0);
        }
        // a Markdown heading the writer chose is the article's
        let src = format!("{ARTICLE}## Comments\n");
        let doc = Document::parse(&src, "t.md", Format::Markdown);
        let mut out = Vec::new();
        Boilerplate::new(Arc::new(detector())).check(&doc, &mut out);
        assert!(out.is_empty(), "{out:?}");
    }

    #[test]
    fn doubled_labels_are_halved() {
        assert_eq!(doubled_half("sponsored links sponsored links"), "sponsored links");
        assert_eq!(doubled_half("share share this"), "share share this");
        assert_eq!(doubled_half("share"), "share");
    }

    /// Each chrome-line static with its pattern.
    fn family_regexes() -> Vec<(&'static MatchOnly, &'static patterns::Pattern)> {
        CHROME_PATTERNS.iter().map(|&(re, pattern)| (&**re, pattern)).collect()
    }

    #[test]
    fn every_family_regex_compiles() {
        let regexes = family_regexes();
        assert_eq!(regexes.len(), patterns::ALL.len(), "a pattern without its static, or a static left out here");
        for (re, pattern) in regexes {
            // each runs on a DFA: no pattern fell back to a full regex unnoticed; and each one
            // marked `ahead` runs on the DFA the build script compiled
            assert!(re.runs_on_dfa(), "{}", pattern.name);
            assert_eq!(re.is_prebuilt(), pattern.ahead != patterns::Ahead::No, "{}", pattern.name);
            assert_eq!(re.is_prebuilt_dense(), pattern.ahead == patterns::Ahead::Dense, "{}", pattern.name);
        }
        let _ = BYLINE.find("");
    }

    /// The DFAs compiled by the build script answer as the full regexes of their patterns, on
    /// the lines of the fixtures and on lines made to reach deep into each pattern.
    #[test]
    fn the_prebuilt_dfas_answer_as_their_patterns() {
        let mut lines: Vec<String> =
            crate::rules::testing::fixture_texts().iter().flat_map(|(_, text)| text.lines().map(|l| l.trim().to_string())).collect();
        assert!(lines.len() > 300, "the fixtures' lines were not found");
        lines.extend(
            [
                "Tags: Politics, Elections",
                "• Posted in World News",
                "© 2024 Example Media Ltd. All rights reserved.",
                "(c) 2019 The Daily",
                "Copyright by Jane Doe",
                "Photo: Jane Doe/Reuters",
                "Photograph by Ánne Ørsted",
                "AFP/Getty Images",
                "REUTERS/Ann Smith",
                "Getty Images",
                "Reporting by Tom Hale; Editing by Ann Roe",
                "Contributors: Jane Doe",
                "This article was originally published on The Conversation.",
                "12 of 15 people found this helpful",
                "Image 3 of 12",
                "Read more: How the vote was won",
                "No. Name Party",
                "3 Élodie Durand",
                "SIGN UP FOR OUR DAILY NEWSLETTER",
                "Subscribe to get the best of our journalism delivered to your inbox.",
                "We use cookies to improve your experience.",
                "Please enable JavaScript to view this content.",
                "Your support helps us keep reporting.",
                "ſign up", // `s` under (?i)
                "\u{212A}eywords: x",
                "tagsx: y",
                "_Tags: y",
                "",
            ]
            .map(String::from),
        );
        // and every line cut short after each of its words (where the `$` patterns end)
        let prefixes: Vec<String> =
            lines.iter().flat_map(|l| l.match_indices(' ').map(|(i, _)| l[..i].to_string()).collect::<Vec<_>>()).collect();
        lines.extend(prefixes);
        for (re, pattern) in family_regexes().into_iter().filter(|(re, _)| re.is_prebuilt()) {
            let full = crate::text::regex(&patterns::prepared(pattern.regex)).unwrap();
            for line in &lines {
                assert_eq!(re.is_match(line), full.is_match(line), "{} on {line:?}", pattern.name);
            }
        }
    }

    /// Each DFA the build script wrote (and the rule embeds, reading it without checking its
    /// transitions) passes regex-automata's full check.
    #[test]
    fn the_embedded_dfas_are_valid() {
        let mut checked = 0;
        for pattern in patterns::ALL {
            let read = |ext: &str| std::fs::read(format!("{}/chrome/{}.{ext}", env!("OUT_DIR"), pattern.name)).unwrap();
            let (sparse, dense) = (read("dfa"), read("dense"));
            assert_eq!(sparse.is_empty(), pattern.ahead != patterns::Ahead::Sparse, "{}", pattern.name);
            assert_eq!(dense.is_empty(), pattern.ahead != patterns::Ahead::Dense, "{}", pattern.name);
            if !sparse.is_empty() {
                assert!(regex_automata::dfa::sparse::DFA::from_bytes(&sparse).is_ok(), "{}", pattern.name);
                checked += 1;
            }
            assert!(dense.len() <= patterns::DENSE_LIMIT, "{}", pattern.name);
            if !dense.is_empty() {
                // (copied to an address aligned for `u32`, as the embedded bytes are)
                let mut buffer = vec![0u8; dense.len() + 4];
                let at = buffer.as_ptr().align_offset(4);
                buffer[at..at + dense.len()].copy_from_slice(&dense);
                assert!(regex_automata::dfa::dense::DFA::from_bytes(&buffer[at..at + dense.len()]).is_ok(), "{}", pattern.name);
                checked += 1;
            }
        }
        assert!(checked >= 26, "{checked}");
    }

    #[test]
    fn odd_text_never_panics() {
        for line in [
            "“Hello",
            "”",
            "©",
            "(c)",
            "Photo: “",
            "By Ñandú Öz",
            "1.2k",
            "8:00am—",
            "é/é",
            "@",
            "#",
            "Share 👇🔥",
            "a\u{301}b",
            "Sign In|",
            "|",
            "5min",
            "12345678901234567890",
            "TwitterTweetTwitterTweetTwitterTweetTwitterTweet",
            "x-y-z-w-v-u-t-s",
        ] {
            let _ = classify_line(line);
            let _ = lint(line, false);
            let _ = lint(line, true);
        }
    }

    #[test]
    fn families_of_chrome_lines() {
        for (line, family) in [
            ("Share via Telegram", Family::Share),
            ("3.1k shares", Family::Share),
            ("Share on FacebookShare", Family::Share),
            ("Follow Harbour Weekly on Bluesky", Family::Follow),
            ("Get our morning briefing delivered to your inbox every weekday", Family::Newsletter),
            ("The Harbour Newsletter (weekly)", Family::Newsletter),
            ("Sign In / Register", Family::Account),
            ("Comments (7)", Family::Comments),
            ("Related Questions", Family::Related),
            ("More from Harbour Weekly", Family::Related),
            ("Toggle navigation", Family::Navigation),
            ("Slide 4 of 10", Family::Media),
            ("Replay video", Family::Media),
            ("Promoted content", Family::Advert),
            ("Last updated 45 minutes ago", Family::Date),
            ("Posted on 4 April 2023 at 10:12 am", Family::Date),
            ("7 min read", Family::ReadTime),
            ("Privacy • Cookies • Accessibility", Family::Legal),
            ("Copyright © 2020 Harbour Weekly", Family::Copyright),
            ("Image: Harbour Trust/Shutterstock", Family::Credit),
            ("Boats in the harbour at dawn. (AP Photo/Lee Grant)", Family::Credit),
            ("Dan Ross/AFP via Getty Images", Family::Credit),
            ("By Amira Haddad and Joe Quinn", Family::Byline),
            ("By Amira Haddad March 25, 2015", Family::Byline),
            ("by Joe Quinn 4 Sept. 2019", Family::Byline),
            ("This article was originally published by the Harbour Weekly.", Family::Contributor),
            ("Filed under: Harbour, Weather", Family::Tags),
            ("If you like our reporting, please support us with a small donation.", Family::Support),
            ("If you value our reporting, please support the Harbour Weekly today.", Family::Support),
            ("Support independent regional news", Family::Support),
            ("This site uses cookies. Read our cookie policy to find out more.", Family::Cookie),
            ("Next story: Ferry fares rise again in spring", Family::Related),
            ("Terms of Use | Privacy Notice", Family::Legal),
            ("Published: 09:12 BST, 3 June 2022 | Updated: 10:40 BST, 3 June 2022", Family::Date),
            ("Home | Harbour News | Ferries | Weather", Family::Navigation),
            ("Home > Local > Harbour", Family::Navigation),
            ("Turn on JavaScript to see the ferry timetable", Family::Prompt),
            ("Sorry, this video is not available in your region.", Family::Prompt),
            ("By posting a reply you agree to Harbour Weekly's Privacy Notice and Terms of Service.", Family::Legal),
            ("By signing up, you are agreeing to our terms and to receive offers by email.", Family::Legal),
            ("From the section Harbour & Coast", Family::Tags),
            ("Credit Ann Lee for The Harbour Times", Family::Credit),
            ("Credit...Ann Lee/Reuters", Family::Credit),
            ("PhotoCreditAnn Lee for The Harbour Times", Family::Credit),
            ("- More from the section Business", Family::Tags),
        ] {
            assert_eq!(classify_line(line).map(|(f, _)| f), Some(family), "{line}");
        }
    }

    #[test]
    fn article_sentences_are_not_chrome() {
        for line in [
            "Shares in Vodafone rose 3%.",
            "Shares in the harbour company",
            "The newsletter was sent to 20,000 readers.",
            "He sent an email to staff on Monday evening.",
            "By Friday, the council had cleared the road.",
            "By the end of the year, prices had doubled.",
            "By March 25, 2015 the plan had failed.",
            "By Monday 25 March 2015 the talks had ended",
            "The copyright case will be heard in the High Court.",
            "Getty Images, the photo agency, reported higher profits.",
            "Photos from the scene show the damage.",
            "Support for the party has fallen to 20%.",
            "Support local newspapers, the minister urged councils on Monday as the fund opened.",
            "The EU cookie law requires websites to ask users for consent.",
            "More than 200 people attended.",
            "Updated figures will be released on Tuesday.",
            "Posts: 403",
            "We rely on imports for a fifth of our gas, the minister said.",
            "Ferries run Monday | Wednesday | Friday, the operator said.",
            "| Team | Played | Points |",
            "The app asks users to enable JavaScript, a security expert warned, \"which is risky\".",
            "Prices rose 5% / 3% / 2% over three years.",
            // "support the" a lowercase noun is no appeal ("support the Guardian" is)
            "Thanks to all of you who landed the changes to support the migration!",
            // nor a body that pledges to support a named thing
            "The Harbour Foundation pledges to support the Harbour Manifesto in its activities. Specifically, we will:",
            // an editorial credit is part of the article, whatever agency it names
            "Additional reporting by Leo Marsh",
            "Reporting by Tom Hale; Editing by Ann Roe",
            "Contributing: Liz Moore, Ken Dale, Associated Press.",
            "Associated Press writer Jo Baird in Leeds contributed to this report.",
            "Harbour Weekly's Sam Tate contributed to this story.",
            // an article about legal pages names them lowercase, or reports who said so
            "By installing the app, you agree to its terms of service, which let the firm read your messages.",
            "If you accept the Terms of Service, you agree to arbitration, the lawyer said.",
            "From the section on pensions, the report draws three lessons.",
            "Credit Suisse for its part declined to comment",
            "Credit Agricole and BNP Paribas led the fall",
            "From the section Harbour Weekly cut, two pages were restored.",
        ] {
            assert_eq!(classify_line(line), None, "{line}");
        }
    }

    #[test]
    fn a_region_selector_on_one_line_is_navigation_and_quoted_short() {
        let countries = "Norway Peru Kenya Chile Japan Brazil Canada Egypt France Ghana India Iceland Mexico Nepal \
                         Poland Qatar Spain Sweden Togo Uganda Vietnam Yemen Zambia Cayman Islands Solomon Islands \
                         Marshall Islands Faroe Islands Turks and Caicos Islands Bosnia and Herzegovina Trinidad and \
                         Tobago United Arab Emirates Saint Kitts and Nevis";
        let line = format!("{countries} {countries}");
        assert_eq!(classify_line(&line), Some((Family::Navigation, Strength::Strong)));
        let (found, _) = lint(&line, true);
        assert_eq!(found.len(), 1);
        assert!(found[0].message.ends_with("…`") && found[0].message.len() < 240, "{}", found[0].message);
        // a long paragraph that names many countries is prose
        let prose = format!(
            "The summit drew leaders from Norway, Peru, Kenya, Chile, Japan, Brazil, Canada, Egypt, France, Ghana, India and \
             Iceland, and delegates from Mexico, Nepal, Poland, Qatar, Spain and Sweden said the talks {}",
            "went on late into the night while aides argued over the wording of the final text. ".repeat(4)
        );
        assert_eq!(classify_line(&prose), None);
    }

    #[test]
    fn a_bare_counter_is_weak() {
        assert_eq!(classify_line("Total shares"), Some((Family::Share, Strength::Weak)));
        assert_eq!(classify_line("845 shares"), Some((Family::Share, Strength::Strong)));
    }

    #[test]
    fn strong_chrome_fires_anywhere_and_is_deleted() {
        let (found, fixed) = lint("Share this article on WhatsApp", true);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].message.contains("share prompt"), "{}", found[0].message);
        assert_eq!(fixed, ARTICLE);
    }

    #[test]
    fn weak_chrome_fires_only_where_chrome_lives() {
        // "Topics" is a weak signal: chrome at the end, a possible heading mid-article
        let (found, fixed) = lint("Topics", false);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(fixed, ARTICLE);
        let (found, _) = lint("Topics", true);
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn business_news_about_shares_is_left_alone() {
        for line in [
            "Shares in Vodafone rose 3%.",
            "The advertisement was banned by the regulator.",
            "Read the full report online, officials said.",
        ] {
            let (found, _) = lint(line, false);
            assert!(found.is_empty(), "{line}: {found:?}");
        }
    }

    #[test]
    fn a_partial_match_gets_no_fix() {
        let line = "For the list of objections, click here to read the council papers";
        let (found, fixed) = lint(line, false);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].fix.is_none());
        assert!(fixed.contains(line));
    }
}
