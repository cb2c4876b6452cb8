//! The RuleSet: rules compiled from config, run over a Document, then suppressions applied,
//! duplicates across overlapping rules removed, and the result sorted.

use crate::config::Config;
use crate::diagnostic::{Category, Diagnostic, Severity, Span};
use crate::document::{BlockKind, Document, Format};
use crate::rules::{self, Configured};
use crate::suppress;
use crate::text::Decoded;

pub use crate::rules::meta::{INVALID_UTF8, UNUSED_SUPPRESSION};

/// Lint one text: the library's face. `path` decides Markdown or plain text.
pub fn lint_source(text: &str, path: &str, rules: &RuleSet) -> Vec<Diagnostic> {
    if !timing::enabled() {
        return rules.check(&Document::parse(text, path, Format::from_path(path)));
    }
    let started = std::time::Instant::now();
    let doc = Document::parse(text, path, Format::from_path(path));
    timing::record(&[(timing::DOCUMENT, started.elapsed())]);
    rules.check(&doc)
}

/// Lint bytes as read from a file: decodes, reports invalid UTF-8, lints the rest.
pub fn lint_bytes(decoded: &Decoded<'_>, path: &str, rules: &RuleSet) -> Vec<Diagnostic> {
    let mut diagnostics = lint_source(&decoded.text, path, rules);
    if let (Some((first, count)), Some(severity)) = (decoded.invalid, rules.invalid_utf8) {
        let mut d = Diagnostic::new(INVALID_UTF8.id, Span::new(first, first + 1), invalid_utf8_message(first, count))
            .with_severity(severity)
            .with_help("re-save the file as UTF-8; the rest was linted with each bad byte read as a placeholder");
        d.category = Category::Meta;
        diagnostics.insert(0, d);
    }
    diagnostics
}

/// The message of an invalid-UTF-8 finding: `count` bad bytes, the first at byte `first` of the
/// file (a chunk's finding is given the chunk's place in the file by the pipeline).
pub(crate) fn invalid_utf8_message(first: usize, count: usize) -> String {
    format!("invalid UTF-8: {count} bad byte(s), the first at byte offset {first}")
}

/// Lints texts with one configuration's rules: the library's entry point for a text in
/// memory (an editor buffer, a string from another program).
///
/// ```
/// use copydesk::document::Format;
///
/// let linter = copydesk::Linter::with_defaults()?;
/// let findings = linter.lint("# A title\n\nThe council met sence Monday.\n", Format::Markdown);
/// assert!(findings.iter().any(|d| d.rule == "typo" && d.message.contains("sence")));
/// # Ok::<(), copydesk::rules::BuildError>(())
/// ```
#[derive(Clone)]
pub struct Linter {
    rules: std::sync::Arc<RuleSet>,
}

impl Linter {
    /// Every default rule, as the embedded lint-rules.toml configures them.
    pub fn with_defaults() -> Result<Linter, rules::BuildError> {
        Linter::new(&crate::config::LoadedConfig::default_config().config, &Selection::default())
    }

    /// The rules of `config` that `selection` allows.
    pub fn new(config: &Config, selection: &Selection) -> Result<Linter, rules::BuildError> {
        Ok(Linter { rules: std::sync::Arc::new(RuleSet::new(config, selection)?) })
    }

    /// A linter over rules already compiled (a [`Workspace`](crate::workspace::Workspace)'s).
    pub fn from_rules(rules: std::sync::Arc<RuleSet>) -> Linter {
        Linter { rules }
    }

    /// Findings in `text`, read as `kind`, sorted by position, suppressions applied.
    pub fn lint(&self, text: &str, kind: Format) -> Vec<Diagnostic> {
        self.rules.check(&Document::parse(text, "<text>", kind))
    }

    pub fn rules(&self) -> &RuleSet {
        &self.rules
    }
}

/// The enabled rules for one configuration, compiled once and shared by all threads.
pub struct RuleSet {
    rules: Vec<Configured>,
    unused_suppression: Option<Severity>,
    pub(crate) invalid_utf8: Option<Severity>,
}

/// Which rules the command line selected or ignored.
#[derive(Debug, Clone, Default)]
pub struct Selection {
    pub select: Vec<String>,
    pub ignore: Vec<String>,
}

impl Selection {
    pub fn allows(&self, id: &str) -> bool {
        (self.select.is_empty() || self.select.iter().any(|s| s == id)) && !self.ignore.iter().any(|s| s == id)
    }
}

impl RuleSet {
    pub fn new(config: &Config, selection: &Selection) -> Result<RuleSet, rules::BuildError> {
        let mut rules = rules::build(&config.rules, &config.custom)?;
        rules.retain(|c| selection.allows(c.rule.id()));
        let meta = |id: &str| rules::meta_rule_severity(&config.rules, id).filter(|_| selection.allows(id));
        Ok(RuleSet { unused_suppression: meta("unused-suppression"), invalid_utf8: meta("invalid-utf8"), rules })
    }

    /// Rule ids that are on, for listing.
    pub fn ids(&self) -> impl Iterator<Item = &str> {
        self.rules.iter().map(|c| c.rule.id())
    }

    /// Run every rule, apply suppressions, drop duplicates, sort by position.
    pub fn check(&self, doc: &Document<'_>) -> Vec<Diagnostic> {
        let mut all = Vec::new();
        let mut times = timing::enabled().then(|| self.prepare_timed(doc));
        for configured in &self.rules {
            let start = all.len();
            let started = times.as_ref().map(|_| std::time::Instant::now());
            configured.rule.check(doc, &mut all);
            if let (Some(times), Some(started)) = (times.as_mut(), started) {
                times.push((configured.rule.id(), started.elapsed()));
            }
            let meta = configured.rule.meta();
            for d in &mut all[start..] {
                // A rule may mark a finding as a judgement call (below its default severity);
                // it then stays that low, else it takes the configured severity.
                d.severity = if d.severity < meta.default_severity { d.severity.min(configured.severity) } else { configured.severity };
                if d.category == Category::Meta {
                    d.category = meta.category;
                }
            }
        }
        let suppressions = suppress::parse(doc.source);
        if !suppressions.is_empty() {
            let mut used = vec![false; suppressions.len()];
            all.retain(|d| {
                let hit = suppressions.iter().position(|s| s.applies(&d.rule, d.span.start));
                if let Some(i) = hit {
                    used[i] = true;
                }
                hit.is_none()
            });
            if let Some(severity) = self.unused_suppression {
                for (s, used) in suppressions.iter().zip(used) {
                    let unknown: Vec<&String> =
                        s.rules.iter().filter(|r| rules::find(r).is_none() && !self.ids().any(|id| id == r.as_str())).collect();
                    let message = if !unknown.is_empty() {
                        format!("suppression names unknown rule `{}`", unknown[0])
                    } else if !used {
                        "suppression comment suppresses nothing".to_string()
                    } else {
                        continue;
                    };
                    let removal = doc.block_removal_span(s.comment);
                    let whole_line = doc.text(removal).trim() == doc.text(s.comment).trim();
                    let fix_span = if whole_line { removal } else { s.comment };
                    let mut d = Diagnostic::new(UNUSED_SUPPRESSION.id, s.comment, message)
                        .with_severity(severity)
                        .with_help("delete the comment")
                        .with_fix(crate::diagnostic::Fix::safe(vec![crate::diagnostic::Edit::delete(fix_span)]));
                    d.category = Category::Meta;
                    all.push(d);
                }
            }
        }
        drop_inside_chrome(&mut all);
        dedupe(&mut all, title_end(doc));
        if let Some(times) = times {
            timing::record(&times);
        }
        all
    }

    /// Under `--timings`: build the data rules share (evidence, normalised lines, the
    /// boilerplate scan) before the rules run, each timed on its own, so that a rule's time is
    /// its own and not that of the first rule to ask for the shared data.
    fn prepare_timed(&self, doc: &Document<'_>) -> Vec<(&str, std::time::Duration)> {
        let mut times = Vec::with_capacity(self.rules.len() + 4);
        let started = std::time::Instant::now();
        doc.evidence();
        times.push((timing::EVIDENCE, started.elapsed()));
        if !doc.blocks.is_empty() {
            let started = std::time::Instant::now();
            doc.normalized(0);
            times.push((timing::NORMALIZED, started.elapsed()));
        }
        for configured in &self.rules {
            let started = std::time::Instant::now();
            // boilerplate and empty-section share one scan: the first to ask pays for it
            if let Some(name) = configured.rule.prepare(doc).filter(|&name| !times.iter().any(|t| t.0 == name)) {
                times.push((name, started.elapsed()));
            }
        }
        times
    }
}

/// `copydesk lint --timings` (ESLint's TIMING): the time spent in each rule and in the shared
/// per-document work (the document model, the evidence rules share), summed over every file
/// and thread of a run. Off unless [`timing::enable`] is called; when off it costs one atomic
/// load per document.
pub mod timing {
    use std::sync::atomic::{AtomicBool, Ordering};
    use std::sync::Mutex;
    use std::time::Duration;

    /// Parsing: blocks, sentences, words, masked spans.
    pub const DOCUMENT: &str = "(document model)";
    /// Proper-noun, possessive and language evidence (`analysis::Evidence`).
    pub const EVIDENCE: &str = "(evidence: words)";
    /// Normalised block texts (boilerplate, duplicate-line).
    pub const NORMALIZED: &str = "(evidence: normalised lines)";

    static ENABLED: AtomicBool = AtomicBool::new(false);
    /// Name, total time, documents.
    static TOTALS: Mutex<Vec<(String, Duration, usize)>> = Mutex::new(Vec::new());

    /// Start timing (for the rest of the process).
    pub fn enable() {
        ENABLED.store(true, Ordering::Relaxed);
    }

    pub fn enabled() -> bool {
        ENABLED.load(Ordering::Relaxed)
    }

    /// Add one document's times.
    pub fn record(times: &[(&str, Duration)]) {
        let mut totals = TOTALS.lock().unwrap_or_else(|e| e.into_inner());
        for &(name, time) in times {
            match totals.iter_mut().find(|t| t.0 == name) {
                Some(t) => {
                    t.1 += time;
                    t.2 += 1;
                }
                None => totals.push((name.to_string(), time, 1)),
            }
        }
    }

    /// The times so far: name, total time, documents; slowest first.
    pub fn totals() -> Vec<(String, Duration, usize)> {
        let mut totals = TOTALS.lock().unwrap_or_else(|e| e.into_inner()).clone();
        totals.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        totals
    }

    /// The table `--timings` prints on stderr: each rule's and each shared step's time and its
    /// share of their sum (CPU time over all threads, not wall time).
    pub fn report() -> String {
        let totals = totals();
        let sum: Duration = totals.iter().map(|t| t.1).sum();
        let width = totals.iter().map(|t| t.0.len()).max().unwrap_or(0).max(4);
        let mut out = format!("{:width$}  {:>10}  {:>6}  {:>9}\n", "rule", "time (ms)", "share", "documents");
        for (name, time, docs) in &totals {
            let share = if sum.is_zero() { 0.0 } else { time.as_secs_f64() / sum.as_secs_f64() * 100.0 };
            out.push_str(&format!("{name:width$}  {:>10.1}  {share:>5.1}%  {docs:>9}\n", time.as_secs_f64() * 1e3));
        }
        out.push_str(&format!("{:width$}  {:>10.1}  {:>5.1}%\n", "total", sum.as_secs_f64() * 1e3, 100.0));
        out.push_str("(time summed over all files and threads; shared steps in parentheses)\n");
        out
    }
}

/// Page chrome is not the article: a line that `boilerplate` flags ("email newsletters",
/// "Share to Facebook") gets that one finding, not also a sentence-case or typo finding
/// inside it. Deleting the line fixes them all.
fn drop_inside_chrome(all: &mut Vec<Diagnostic>) {
    let chrome: Vec<Span> = all.iter().filter(|d| d.rule == rules::boilerplate::META.id).map(|d| d.span).collect();
    if chrome.is_empty() {
        return;
    }
    // Structure and scraped-page findings (a duplicated title line) and the user's own custom
    // rules stand on their own.
    let prose = |d: &Diagnostic| !matches!(d.category, Category::Structure | Category::Scraped | Category::Meta | Category::Custom);
    // Chrome spans by start, each with the furthest end reached so far: a finding lies inside
    // one of them when the last chrome span starting at or before it reaches past its end
    // (one binary search per finding, not a scan of every chrome line).
    let mut chrome = chrome;
    chrome.sort_unstable_by_key(|c| c.start);
    let mut reach = Vec::with_capacity(chrome.len());
    let mut furthest = 0;
    for c in &chrome {
        furthest = furthest.max(c.end);
        reach.push(furthest);
    }
    let inside = |span: Span| {
        let n = chrome.partition_point(|c| c.start <= span.start);
        n > 0 && span.end <= reach[n - 1]
    };
    all.retain(|d| !prose(d) || !inside(d.span));
}

/// Where the document's title ends (0 without one); front matter may stand before it.
fn title_end(doc: &Document<'_>) -> usize {
    doc.blocks.iter().find(|b| b.kind == BlockKind::Title).map_or(0, |b| b.span.end)
}

/// Position order, and one capitalisation finding where several overlap: when proper-noun-case
/// and sentence-case both flag "japan", or heading-case flags "kendal's" in a title and
/// proper-noun-case its "kendal", the rule with the lower `priority` (the more specific) wins.
/// Below the title (from `title_end` on) a title-case line is the article's own ("Analysis: Jon
/// sopel, BBC News"), and what the document writes elsewhere says more than the line's style:
/// there proper-noun-case wins over heading-case.
fn dedupe(all: &mut Vec<Diagnostic>, title_end: usize) {
    let order = |d: &Diagnostic| match rules::find(&d.rule) {
        Some(m) if m.id == rules::heading_case::META.id && d.span.start >= title_end => rules::proper_noun_case::META.priority + 1,
        m => m.map_or(u16::MAX, |m| m.priority),
    };
    // Unstable: a stable sort holds a buffer of half the findings; ties are broken down to the
    // rule and message, so the order stays deterministic.
    all.sort_unstable_by(|a, b| (a.span, order(a), &a.rule, &a.message).cmp(&(b.span, order(b), &b.rule, &b.message)));
    // The capitalisation findings kept so far: span, priority, index in `all`.
    let mut kept: Vec<(Span, u16, usize)> = Vec::new();
    let mut keep = vec![true; all.len()];
    for (i, d) in all.iter().enumerate() {
        if d.category != Category::Capitalization {
            continue;
        }
        let priority = order(d);
        // Sorted by start, so only recent kept spans can overlap this one.
        let from = kept.len().saturating_sub(4);
        match kept[from..].iter().position(|k| k.0.overlaps(d.span)) {
            None => kept.push((d.span, priority, i)),
            Some(at) if kept[from + at].1 > priority => {
                keep[kept[from + at].2] = false;
                kept[from + at] = (d.span, priority, i);
            }
            Some(_) => keep[i] = false,
        }
    }
    let mut i = 0;
    all.retain(|_| {
        i += 1;
        keep[i - 1]
    });
    all.dedup_by(|a, b| a.rule == b.rule && a.span == b.span);
}

#[cfg(test)]
mod chrome_tests {
    use super::*;

    #[test]
    fn findings_inside_a_chrome_line_give_way_to_it() {
        let with = |rule: &'static str, category, start, end| {
            let mut d = Diagnostic::new(rule, Span::new(start, end), rule.to_string());
            d.category = category;
            d
        };
        let mut all = vec![
            with("boilerplate", Category::Scraped, 10, 27),
            with("sentence-case", Category::Capitalization, 10, 15),
            with("duplicate-line", Category::Structure, 10, 27),
            with("typo", Category::Spelling, 30, 34),
        ];
        drop_inside_chrome(&mut all);
        let rules: Vec<&str> = all.iter().map(|d| d.rule.as_ref()).collect();
        assert_eq!(rules, ["boilerplate", "duplicate-line", "typo"]);
    }

    #[test]
    fn the_title_ends_where_its_block_ends_after_front_matter_too() {
        let src = "---\ntitle: x\n---\n# Council Backs Bypass\n\nThe council met.\n";
        let doc = Document::parse(src, "t.md", Format::Markdown);
        assert_eq!(title_end(&doc), src.find("\n\nThe").unwrap());
    }

    /// Overlapping capitalisation findings leave the most specific rule's, whichever span is
    /// shorter or sorts first; findings of other categories all stay.
    #[test]
    fn overlapping_capitalisation_findings_leave_the_most_specific() {
        let with = |rule: &'static str, category, start, end| {
            let mut d = Diagnostic::new(rule, Span::new(start, end), rule.to_string());
            d.category = category;
            d
        };
        let mut all = vec![
            with("heading-case", Category::Capitalization, 19, 27),
            with("proper-noun-case", Category::Capitalization, 19, 25),
            with("typo", Category::Spelling, 19, 25),
            with("sentence-case", Category::Capitalization, 40, 45),
            with("proper-noun-case", Category::Capitalization, 40, 45),
        ];
        let mut below_the_title = all.clone();
        dedupe(&mut all, 30);
        let rules: Vec<(&str, usize)> = all.iter().map(|d| (d.rule.as_ref(), d.span.start)).collect();
        assert_eq!(rules, [("typo", 19), ("heading-case", 19), ("proper-noun-case", 40)]);
        // below the title, the document's own spelling of a name wins over a line's style
        dedupe(&mut below_the_title, 10);
        let rules: Vec<(&str, usize)> = below_the_title.iter().map(|d| (d.rule.as_ref(), d.span.start)).collect();
        assert_eq!(rules, [("typo", 19), ("proper-noun-case", 19), ("proper-noun-case", 40)]);
    }
}
