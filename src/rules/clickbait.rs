//! `clickbait` — a title (or heading) written for clicks, scored on named signals.
//!
//! **Flags** the title when its signals add up to `threshold`: emoji, repeated emoji, calls to
//! action, curiosity-gap phrases, second-person address, a listicle number first, hyperbole,
//! shouting in capitals, several ?/!, and Every Word Capitalised Including Minor Ones. One
//! diagnostic names every signal found and the score.
//! **Why** a clickbait title undermines the article below it and is penalised by aggregators.
//! **No fix**: a title needs rewriting by a person.

use super::{Rule, RuleMeta};
use crate::common_options;
use crate::diagnostic::{Category, Diagnostic, Severity};
use crate::document::{BlockKind, Document};
use crate::options::Level;
use crate::text::{is_all_caps, is_emoji, starts_upper};
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use serde::Deserialize;
use std::collections::HashSet;

pub static META: RuleMeta = RuleMeta {
    id: "clickbait",
    category: Category::Scraped,
    default_severity: Severity::Warning,
    priority: 130,
    fix: "",
    summary: "A title scored as clickbait: emoji, calls to action, curiosity gaps, hyperbole…",
    explanation: "Scores the title (and, with `headings = true`, each heading) on clickbait signals and \
reports one diagnostic naming those found: emoji and repeated emoji, calls to action (\"See More\", \
\"in the comments\"), curiosity-gap phrases (\"You Won't Believe\", \"Here's Why\"), second-person \
address, a listicle number first (\"17 Things\"), hyperbole (\"Shocking\"), words in capitals, several \
question or exclamation marks, and Every Word Capitalised Including Minor Ones. The threshold, the \
weight of each signal and the word lists are set in lint-rules.toml. There is no automatic fix: a \
title needs a person to rewrite it.",
    bad: "🤯 You Won't Believe What This Senator Said! 👇👇",
    good: "Senator criticises defense pact in floor speech",
};

/// Weight of each signal; the title is clickbait when the sum reaches `threshold`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case", default)]
pub struct Weights {
    pub emoji: f64,
    pub repeated_emoji: f64,
    pub call_to_action: f64,
    pub curiosity_gap: f64,
    pub second_person: f64,
    pub listicle: f64,
    pub hyperbole: f64,
    pub all_caps: f64,
    pub punctuation: f64,
    pub capitalized_minor_words: f64,
    pub reader_opener: f64,
    pub superlative: f64,
}

impl Default for Weights {
    fn default() -> Self {
        Weights {
            emoji: 2.0,
            repeated_emoji: 1.0,
            call_to_action: 2.0,
            curiosity_gap: 2.0,
            second_person: 1.5,
            listicle: 1.5,
            hyperbole: 1.0,
            all_caps: 1.0,
            punctuation: 1.0,
            capitalized_minor_words: 1.5,
            reader_opener: 1.0,
            superlative: 0.5,
        }
    }
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Options {
    pub enabled: Option<bool>,
    pub severity: Option<Level>,
    pub threshold: Option<f64>,
    /// Score headings too, not only the title.
    pub headings: Option<bool>,
    #[serde(default)]
    pub weights: Weights,
    #[serde(default)]
    pub calls_to_action: Vec<String>,
    #[serde(default)]
    pub curiosity_gaps: Vec<String>,
    #[serde(default)]
    pub hyperbole: Vec<String>,
    #[serde(default)]
    pub second_person: Vec<String>,
    /// Minor words whose capitalisation mid-title is a BuzzFeed tell ("Is Here To Give You").
    #[serde(default)]
    pub minor_words: Vec<String>,
    /// Words in capitals that are not shouting (acronyms).
    #[serde(default)]
    pub acronyms: Vec<String>,
    /// First words that address or tease the reader ("This", "Here's", "Why", "Can").
    #[serde(default)]
    pub openers: Vec<String>,
    /// Superlatives ("best", "most"); any word ending in -iest counts too.
    #[serde(default)]
    pub superlatives: Vec<String>,
    /// Words after a leading number that make it news, not a listicle ("5 killed").
    #[serde(default)]
    pub news_counts: Vec<String>,
}
common_options!(Options);

pub struct Clickbait {
    threshold: f64,
    headings: bool,
    weights: Weights,
    phrases: AhoCorasick,
    /// Which list each phrase pattern came from.
    kinds: Vec<PhraseKind>,
    second_person: HashSet<String>,
    minor: HashSet<String>,
    acronyms: HashSet<String>,
    openers: HashSet<String>,
    superlatives: HashSet<String>,
    news_counts: HashSet<String>,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum PhraseKind {
    CallToAction,
    CuriosityGap,
    Hyperbole,
}

impl Clickbait {
    pub fn new(options: Options) -> Result<Self, String> {
        let mut patterns = Vec::new();
        let mut kinds = Vec::new();
        for (list, kind) in [
            (&options.calls_to_action, PhraseKind::CallToAction),
            (&options.curiosity_gaps, PhraseKind::CuriosityGap),
            (&options.hyperbole, PhraseKind::Hyperbole),
        ] {
            for p in list.iter().filter(|p| !p.trim().is_empty()) {
                for variant in [p.clone(), p.replace('\'', "’")] {
                    if !patterns.contains(&variant) {
                        patterns.push(variant);
                        kinds.push(kind);
                    }
                }
            }
        }
        let phrases = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .build(&patterns)
            .map_err(|e| format!("clickbait phrases: {e}"))?;
        let threshold = options.threshold.unwrap_or(2.0);
        if !threshold.is_finite() || threshold <= 0.0 {
            return Err(format!("clickbait `threshold` must be a positive number, not {threshold}"));
        }
        let lower = |v: Vec<String>| v.into_iter().map(|s| s.to_lowercase()).collect::<HashSet<_>>();
        Ok(Clickbait {
            threshold,
            headings: options.headings.unwrap_or(false),
            weights: options.weights,
            phrases,
            kinds,
            second_person: lower(options.second_person),
            minor: lower(options.minor_words),
            acronyms: options.acronyms.into_iter().collect(),
            openers: lower(options.openers.into_iter().map(|o| o.replace('’', "'")).collect()),
            superlatives: lower(options.superlatives),
            news_counts: lower(options.news_counts),
        })
    }

    /// The signals found in `text` and the total score.
    pub fn score(&self, text: &str) -> (f64, Vec<String>) {
        let w = &self.weights;
        let mut score = 0.0;
        let mut signals = Vec::new();
        let mut add = |weight: f64, name: String| {
            if weight > 0.0 {
                score += weight;
                signals.push(name);
            }
        };
        let emoji: Vec<char> = text.chars().filter(|&c| is_emoji(c) && c != '\u{FE0F}' && c != '\u{200D}').collect();
        if !emoji.is_empty() {
            add(w.emoji, "emoji".into());
            let distinct: HashSet<char> = emoji.iter().copied().collect();
            if emoji.len() >= 3 || distinct.len() < emoji.len() {
                add(w.repeated_emoji, "repeated emoji".into());
            }
        }
        let mut seen_kinds = Vec::new();
        for m in self.phrases.find_iter(text) {
            // A hyphen joins words: "Click-Fraud" and "Pay-Per-Click" are not calls to action.
            let joined = |c: char| c.is_alphanumeric() || c == '-';
            let boundary =
                !text[..m.start()].chars().next_back().is_some_and(joined) && !text[m.end()..].chars().next().is_some_and(joined);
            let kind = self.kinds[m.pattern().as_usize()];
            if !boundary || seen_kinds.contains(&kind) {
                continue;
            }
            seen_kinds.push(kind);
            let phrase = &text[m.range()];
            match kind {
                PhraseKind::CallToAction => add(w.call_to_action, format!("call to action \"{phrase}\"")),
                PhraseKind::CuriosityGap => add(w.curiosity_gap, format!("curiosity gap \"{phrase}\"")),
                PhraseKind::Hyperbole => add(w.hyperbole, format!("hyperbole \"{phrase}\"")),
            }
        }
        let words: Vec<&str> = text.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’')).filter(|w| !w.is_empty()).collect();
        if words.iter().any(|w| self.second_person.contains(&w.to_lowercase().replace('’', "'"))) {
            add(w.second_person, "second person".into());
        }
        let lower_words: Vec<String> = words.iter().map(|w| w.to_lowercase().replace('’', "'")).collect();
        if let Some(first) = lower_words.first() {
            // "17 Things", "24 Desserts": digits first, then a plural, and no news verb ("5 killed").
            // "17 Things", or "The 16 Most Random Things".
            let is_count = |w: &String| w.len() <= 3 && w.chars().all(|c| c.is_ascii_digit());
            let at = if is_count(first) { Some(0) } else { (first == "the" && lower_words.get(1).is_some_and(is_count)).then_some(1) };
            // The counted noun may follow adjectives: "23 Unforgettable Wedding Moments".
            let plural =
                |from: usize| lower_words.iter().skip(from + 1).take(4).any(|n| n.len() > 3 && n.ends_with('s') && !n.ends_with("ss"));
            let news = lower_words.iter().any(|w| self.news_counts.contains(w));
            if at.is_some_and(plural) && !news && words.len() >= 3 {
                add(w.listicle, "listicle number".into());
            }
            if self.openers.contains(first) {
                add(w.reader_opener, format!("reader-directed opener \"{}\"", words[0]));
            }
        }
        if lower_words.iter().any(|w| self.superlatives.contains(w) || (w.len() > 5 && w.ends_with("iest"))) {
            add(w.superlative, "superlative".into());
        }
        let shouting = words
            .iter()
            .filter(|w| w.chars().count() >= 4 && is_all_caps(w) && !self.acronyms.contains(**w) && !w.chars().any(|c| c.is_ascii_digit()))
            .count();
        if shouting >= 2 && shouting < words.len() {
            add(w.all_caps, "words in capitals".into());
        }
        let marks = text.chars().filter(|&c| c == '?' || c == '!').count();
        if marks >= 2 || text.contains("?!") || text.contains("!!") {
            add(w.punctuation, "several ?/!".into());
        }
        let minor_caps =
            words.iter().skip(1).filter(|w| self.minor.contains(&w.to_lowercase()) && starts_upper(w) && !is_all_caps(w)).count();
        let minor_total = words.iter().skip(1).filter(|w| self.minor.contains(&w.to_lowercase())).count();
        if minor_caps >= 1 && minor_caps == minor_total {
            add(w.capitalized_minor_words, "every word capitalised".into());
        }
        (score, signals)
    }
}

impl Rule for Clickbait {
    fn meta(&self) -> &RuleMeta {
        &META
    }

    fn check(&self, doc: &Document<'_>, out: &mut Vec<Diagnostic>) {
        for block in &doc.blocks {
            let scored = block.kind == BlockKind::Title || (self.headings && matches!(block.kind, BlockKind::Heading(_)));
            if !scored {
                continue;
            }
            let text = doc.text(block.content);
            let (score, signals) = self.score(text);
            if score >= self.threshold {
                let what = if block.kind == BlockKind::Title { "title" } else { "heading" };
                out.push(
                    Diagnostic::new(
                        META.id,
                        block.content,
                        format!("clickbait {what} (score {score:.1} ≥ {:.1}): {}", self.threshold, signals.join(", ")),
                    )
                    .with_help("rewrite it to say what happened, plainly"),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::{LoadedConfig, RuleSetting};

    fn default_rule() -> Clickbait {
        match LoadedConfig::default_config().config.rules.clickbait {
            RuleSetting::Table(options) => Clickbait::new(options).unwrap(),
            RuleSetting::Level(_) => unreachable!("the default config has a clickbait table"),
        }
    }

    #[test]
    fn listicles_in_their_usual_shapes() {
        let rule = default_rule();
        for title in [
            "17 Things Every Commuter Knows",
            "23 Unforgettable Wedding Moments",
            "The 16 Most Random Things She Said",
            "6 Little Victories",
        ] {
            assert!(rule.score(title).1.iter().any(|s| s == "listicle number"), "{title}");
        }
        for title in ["5 killed in bus crash", "2 Top Executives Leave the Firm", "1999 was a year of change"] {
            assert!(!rule.score(title).1.iter().any(|s| s == "listicle number"), "{title}");
        }
    }

    #[test]
    fn hyphenated_words_are_not_calls_to_action() {
        let rule = default_rule();
        assert!(rule.score("Microsoft Sues Three in Click-Fraud Scheme").1.iter().all(|s| !s.starts_with("call to action")));
        assert!(rule.score("Click Here To See The Winners").1.iter().any(|s| s.starts_with("call to action")));
    }

    #[test]
    fn news_headlines_stay_below_the_threshold() {
        let rule = default_rule();
        for title in [
            "Ad sales boost Time Warner profit",
            "Bill Changing Credit Card Rules Is Sent to Obama With Gun Measure Included",
            "Why the Fed raised rates",
        ] {
            assert!(rule.score(title).0 < rule.threshold, "{title}: {:?}", rule.score(title));
        }
        assert!(rule.score("🤯 You Won't Believe What This Senator Said! 👇👇").0 >= rule.threshold);
    }
}
