//! `heading-case` — words that break the heading's own capitalisation style.
//!
//! **Flags** in the Title and headings: a lowercase major word in a title-case heading
//! ("Strengthening U.S.-Japan **security** Relations", "Repair **earthquake**-Induced Crack")
//! and a capital after an apostrophe, the naive title-casing artefact ("What**’S** The Real
//! Story?", "Don'T").
//! **Why** both title case and sentence case are fine; a mix is a mistake.
//! **How** the style is inferred per heading from its capitalised words: capitalised minor
//! words and everyday words (by the embedded lexicon) that the article's own text writes
//! lowercase are evidence of title case; words the text capitalises mid-sentence are names and
//! count for nothing, and a run of capitals counts for less, being often one name — so
//! "Jenson Button wins Hungarian Grand Prix" is not mistaken for title case. See `check_style`.
//! Lowercase proper nouns in headings are reported by `proper-noun-case`.
//! **Fix** (unsafe) recases the word.

use super::{Rule, RuleMeta};
use crate::analysis::{name_parts, near};
use crate::common_options;
use crate::diagnostic::{Category, Diagnostic, Edit, Fix, Severity, Span};
use crate::document::{BlockKind, Document};
use crate::lexicon::{self, Tier};
use crate::options::Level;
use crate::text::{capitalize, has_inner_upper, is_all_caps, starts_lower, starts_upper, whole_word_matches, RareRegex};
use rustc_hash::FxHashSet as HashSet;
use serde::Deserialize;
use std::sync::LazyLock;

pub static META: RuleMeta = RuleMeta {
    id: "heading-case",
    category: Category::Capitalization,
    default_severity: Severity::Warning,
    // Before proper-noun-case in the title: in a title-case title a lowercase name ("Council
    // Backs kendal Bypass") breaks the title's style, the more specific reading of the finding.
    // Below the title proper-noun-case wins (see `engine::dedupe`).
    priority: 25,
    fix: "unsafe",
    summary: "A word in a title or heading breaks the heading's own capitalisation style",
    explanation: "Works out whether each title or heading is in title case or sentence case, then flags \
the words that break that style: a lowercase major word in a title-case heading (\"Strengthening \
U.S.-Japan security Relations\", also a subtitle's first word after a colon: \"Outside the Web: standalone \
Binaries\", and a compound's lowercase first part: \"Repair earthquake-Induced Crack\") and a capital \
letter after an apostrophe, the artefact of naive title-casing (\"What’S The Real Story?\"). In a sentence-case \
title it flags a stray capital: a minor word between lowercase words (\"Economy 'stronger Than forecast'\") or an \
everyday word the article writes lowercase, twice or more, and never capitalised (\"Banker denies Fraud charges\"). Sentence-case headings with names (\"Ad sales boost Time \
Warner profit\") and real title case with lowercase minor words (of, the, in, for, and) are both \
fine, as are other hyphenated words, particles before names (al-Qaeda), acronyms and brands (U.S.-Japan, NATO, iPhone, CycloneDX), a word alone in brackets (\"Indented Documents \
(indoc)\", a link's \"[edit]\") and pronouns of three \
letters or fewer that many writers leave lowercase with the minor words (\"Leave it Out\", \"Here’s our \
Review\"); a line in brackets is an aside or a caption, not a heading. A capitalised function word that no \
name is made of (\"About\", \"After\", \"Not\") or adverb in -ly (\"Successfully\") marks title case even inside a \
run of capitals. The fix recases the \
word and is unsafe because the heading's intended style is a judgement.",
    bad: "Recommendations for Strengthening U.S.-Japan security Relations",
    good: "Recommendations for Strengthening U.S.-Japan Security Relations",
};

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Options {
    pub enabled: Option<bool>,
    pub severity: Option<Level>,
    /// Words that stay lowercase in title case (articles, conjunctions, short prepositions).
    #[serde(default)]
    pub minor_words: Vec<String>,
    /// Name particles and other words that are lowercase in any style (de, van, vs).
    #[serde(default)]
    pub always_lowercase: Vec<String>,
    /// Capitalised major words (after the first) needed before a heading can be title case.
    pub min_capitalized: Option<usize>,
}
common_options!(Options);

/// "What’S", "Don'T": two or more letters, an apostrophe, then a capitalised contraction tail.
static APOSTROPHE_CAP: LazyLock<RareRegex> =
    LazyLock::new(|| RareRegex::new(r"\b\p{L}*\p{Ll}\p{L}*['’](S|T|D|M|LL|Ll|RE|Re|VE|Ve)\b").unwrap());

const COMMON_SUFFIXES: &[&str] = &[
    "ing", "tion", "tions", "sion", "ment", "ments", "ness", "ity", "ities", "ism", "ance", "ence", "ship", "ships", "ive", "ous", "ful",
    "less", "ical", "ally",
];

pub struct HeadingCase {
    minor: HashSet<String>,
    always_lower: HashSet<String>,
    min_capitalized: usize,
}

impl HeadingCase {
    pub fn new(options: Options) -> Self {
        HeadingCase {
            minor: options.minor_words.into_iter().map(|w| w.to_lowercase()).collect(),
            always_lower: options.always_lowercase.into_iter().collect(),
            min_capitalized: options.min_capitalized.unwrap_or(1),
        }
    }
}

impl Rule for HeadingCase {
    fn meta(&self) -> &RuleMeta {
        &META
    }

    fn check(&self, doc: &Document<'_>, out: &mut Vec<Diagnostic>) {
        if !doc.evidence().is_english() {
            return; // spelling and case are English-only
        }
        for (bi, block) in doc.blocks.iter().enumerate() {
            if !block.kind.is_heading_like() {
                continue;
            }
            let content = doc.text(block.content);
            // The regex (compiled on first need) runs only where an apostrophe has a capital after it.
            let capital_after_apostrophe =
                content.match_indices(['\'', '’']).any(|(i, a)| content[i + a.len()..].starts_with(|c: char| c.is_ascii_uppercase()));
            let matches = capital_after_apostrophe.then(|| APOSTROPHE_CAP.captures_iter(content));
            for caps in matches.into_iter().flatten() {
                let word = caps.get(0).unwrap();
                if is_all_caps(word.as_str()) {
                    continue;
                }
                let tail = caps.get(1).unwrap();
                let span = Span::new(block.content.start + word.start(), block.content.start + word.end());
                let tail_span = Span::new(block.content.start + tail.start(), block.content.start + tail.end());
                let fixed = format!("{}{}", &word.as_str()[..tail.start() - word.start()], tail.as_str().to_lowercase());
                out.push(
                    Diagnostic::new(META.id, span, format!("capital letter after an apostrophe in `{}`", word.as_str()))
                        .with_help(format!("write `{fixed}`"))
                        .with_fix(Fix::unsafe_(vec![Edit::replace(tail_span, tail.as_str().to_lowercase())])),
                );
            }
            // A line in brackets is an aside or a caption, not a heading ("(Metroid Prime EU
            // release, Metroid Prime III: Corruption)"): names in running words.
            let trimmed = content.trim();
            if !(trimmed.starts_with(['(', '[']) && trimmed.ends_with([')', ']'])) {
                self.check_style(doc, bi, out);
            }
        }
    }
}

impl HeadingCase {
    /// Whether the prose mentions at least 3 in 10 of the heading's content words (three
    /// letters or more, minor words aside), in any case.
    fn about_the_body(&self, doc: &Document<'_>, words: &[crate::document::Word]) -> bool {
        let evidence = doc.evidence();
        let (mut content, mut mentioned) = (0, 0);
        let mut stems: Vec<String> = Vec::new();
        for word in words {
            for (_, part) in name_parts(doc.text(word.span())) {
                if part.chars().count() < 3 || !part.chars().all(char::is_alphabetic) {
                    continue;
                }
                // (lowercased on the stack: an allocation per heading word was 0.1 % of a run)
                let lowered = crate::text::Lowercase::of(part);
                let lower = lowered.as_str();
                if self.minor.contains(lower) {
                    continue;
                }
                content += 1;
                let usage = evidence.usage(lower);
                if usage.mentioned_mid + usage.lower_mid > 0 {
                    mentioned += 1;
                } else {
                    stems.push(stem(lower).to_string());
                }
            }
        }
        if 10 * mentioned >= 3 * content {
            return true;
        }
        // Another form of the word counts too: "Bidders" over "bid", "Deeper" over "deep".
        // They count half: an unrelated text shares stems more easily than words.
        if stems.is_empty() || 20 * mentioned + 10 * stems.len() < 6 * content {
            return false;
        }
        // Stems to find before the answer is yes; stop as soon as it is.
        let needed = (6 * content).saturating_sub(20 * mentioned).div_ceil(10);
        let mut found = vec![false; stems.len()];
        let mut count = 0;
        // The stems' first bytes, ASCII case folded: most words start with none of them.
        let mut first = [false; 256];
        for b in stems.iter().filter_map(|stem| stem.bytes().next()) {
            first[usize::from(b.to_ascii_lowercase())] = true;
            first[usize::from(b.to_ascii_uppercase())] = true;
        }
        // The body near the heading (an article's length): linear in a long file.
        let (offset, window) = near(doc, words.first().map_or(Span::new(0, 0), |w| w.span()));
        let from = doc.words.partition_point(|w| w.span().start < offset);
        let to = doc.words.partition_point(|w| w.span().end <= offset + window.len());
        for w in doc.words.get(from..to).unwrap_or_default() {
            let text = doc.text(w.span()).as_bytes();
            if !text.first().is_some_and(|&b| first[usize::from(b)]) || doc.blocks[w.block()].kind.is_heading_like() {
                continue;
            }
            for (k, stem) in stems.iter().enumerate() {
                if !found[k] && text.len() >= stem.len() && text[..stem.len()].eq_ignore_ascii_case(stem.as_bytes()) {
                    found[k] = true;
                    count += 1;
                }
            }
            if count >= needed {
                return true;
            }
        }
        false
    }

    /// Title case or sentence case? Each capitalised word after the first is weighed as
    /// evidence of title case:
    /// - a capitalised minor word ("Is", "To", "Off"): 1, strong; not "The" before a capital,
    ///   which opens a name in any style ("in The Hague");
    /// - a capitalised function word that no name is made of ("About", "After", "Not") or an
    ///   adverb in -ly ("Successfully"), unless the text capitalises it mid-sentence: 1,
    ///   strong, even inside a run of capitals ("News Conference About Iran" is no one name);
    /// - an everyday word that this article's text writes lowercase and never capitalises
    ///   mid-sentence ("Sales" over a body that says "sales"): 1, and strong unless it stands
    ///   next to a capitalised word that is no English word ("Zubrovka Music");
    ///
    /// Known limit: a sentence-case headline made only of names and one lowercase noun ("Roxy
    /// Music on Isle of Wight bill") reads like title case with one word left lowercase.
    /// - a word the text capitalises mid-sentence: 0, it is a name here;
    /// - otherwise an everyday word by the lexicon: 1 on its own, ½ inside a run of capitals
    ///   that looks like one name ("International Space Station": a word in it that is no
    ///   everyday word, a country, or a noun that heads names, "Station", "Council", "Park";
    ///   or a number after it) unless an article of 100 words or more never capitalises it
    ///   mid-sentence. A run of everyday words alone ("Busy Lanes") counts 1 a word.
    ///
    /// Title case needs 2, or 1 with a strong piece, and at most one lowercase major word per
    /// two points of evidence: "Russia gets Investment Blessing" over an article about
    /// investment is title case with `gets` left out; "Jenson Button wins Hungarian Grand Prix"
    /// is a sentence-case headline full of names.
    fn check_style(&self, doc: &Document<'_>, bi: usize, out: &mut Vec<Diagnostic>) {
        let evidence = doc.evidence();
        let words = doc.words_in_block(bi);
        let is_major_capital = |j: usize| {
            words.get(j).is_some_and(|w| {
                let t = doc.text(w.span());
                starts_upper(t) && !self.minor.contains(crate::text::Lowercase::of(t).as_str())
            })
        };
        let is_everyday =
            |lower: &str| everyday_word(lower) || COMMON_SUFFIXES.iter().any(|s| lower.len() > s.len() + 2 && lower.ends_with(s));
        // "Isle of Wight", "Bank of England": capital, "of", capital is one name.
        let is_of = |k: usize| words.get(k).is_some_and(|w| doc.text(w.span()) == "of");
        // Not when the text writes both words lowercase and never as names ("Impact of
        // Subsidies" over "the impact of subsidies").
        let lower_here = |k: usize| {
            words.get(k).is_some_and(|w| {
                let usage = evidence.usage(crate::text::Lowercase::of(doc.text(w.span())).as_str());
                usage.mentioned_mid == 0 && usage.lower_mid > 0
            })
        };
        let of_name = |j: usize| {
            (is_of(j + 1) && is_major_capital(j + 2) && !(lower_here(j) && lower_here(j + 2)))
                || (j >= 2 && is_of(j - 1) && is_major_capital(j - 2) && !(lower_here(j) && lower_here(j - 2)))
        };
        // Next to a capitalised word that is no English word at all ("Zubrovka Music"), a word
        // is part of that name.
        let beside_name = |j: usize| {
            [j.checked_sub(1), Some(j + 1)].into_iter().flatten().any(|k| {
                is_major_capital(k)
                    && words.get(k).is_some_and(|w| {
                        let t = doc.text(w.span());
                        // a name the text knows, never with this word (the pair was checked
                        // above): "Foxx Sees" over a text that writes "Jamie Foxx" is no name
                        !lexicon::is_word(t) && !is_all_caps(t) && evidence.usage(crate::text::Lowercase::of(t).as_str()).mentioned_mid == 0
                    })
            })
        };
        // "National Gallery" written so elsewhere in the text near the heading is one name,
        // however often the article says "national" alone.
        // (each pair's answer is kept: the pair of words j and j + 1 is asked of both)
        let pairs_named: Vec<std::cell::Cell<Option<bool>>> = vec![std::cell::Cell::new(None); words.len()];
        let named_pair = |j: usize| {
            [j.checked_sub(1).map(|k| (k, j)), Some((j, j + 1))].into_iter().flatten().any(|(a, b)| {
                if !is_major_capital(a) || !is_major_capital(b) {
                    return false;
                }
                if let Some(named) = pairs_named[a].get() {
                    return named;
                }
                let (wa, wb) = (words[a].span(), words[b].span());
                let pair = &doc.source[wa.start..wb.end];
                let (offset, window) = near(doc, wa);
                let named = whole_word_matches(window, pair).any(|at| offset + at != wa.start);
                pairs_named[a].set(Some(named));
                named
            })
        };
        // A run of capitals is one name when a word in it is no everyday word ("Jenson
        // Button", "Hungarian Grand Prix") or names a kind of place, body, event or office
        // ("International Space Station", "Spelling Bee", "Mount Cook"): a run of everyday
        // words alone ("Traffic Jam", "Widens Lead") is how title case writes, not how names
        // are made.
        let name_word = |k: usize| {
            words.get(k).is_some_and(|w| {
                let t = doc.text(w.span());
                let lower = crate::text::Lowercase::of(t);
                // (the place lists asked last, of everyday words only: "Turkey", "Reading")
                is_all_caps(t)
                    || t.chars().any(|c| c.is_ascii_digit())
                    || is_name_head(lower.as_str())
                    || !is_everyday(lower.as_str())
                    || lexicon::is_country(t)
                    || lexicon::is_city(t)
            })
        };
        // (worked out for the run around `j` when asked: only a heading with no body to go
        // by asks)
        let in_name_run = |j: usize| {
            let start = (0..j).rev().take_while(|&k| is_major_capital(k)).last().unwrap_or(j);
            let end = (j + 1..).find(|&k| !is_major_capital(k)).unwrap_or(j + 1);
            // (a number after the run is part of the name: "Fresh Fit 500", "Ranger 7")
            let numbered = || words.get(end).is_some_and(|w| doc.text(w.span()).starts_with(|c: char| c.is_ascii_digit()));
            end - start >= 2 && ((start..end).any(name_word) || numbered())
        };
        let (mut capitalized, mut lowercase, mut weight, mut strong, mut halves) = (0, Vec::new(), 0.0f32, 0, 0);
        // Minor words capitalised ("Developments In greece", "This API Is so fetching"): they
        // count as capitalised words, being the surest sign of title case.
        let mut minor_capitalized = 0;
        // Whether `at` is inside a quotation that opened in the heading: a mark after a space
        // (or at the start) opens, a mark after a letter and before no letter closes ("Trump's"
        // does neither).
        let heading = doc.blocks[bi].content;
        let quoted = |at: usize| {
            let mut open = false;
            let before = &doc.source[heading.start..at];
            for (k, c) in before.char_indices() {
                if matches!(c, '\'' | '"' | '‘' | '’' | '“' | '”') {
                    let prev = before[..k].chars().next_back();
                    let next = doc.source[heading.start + k + c.len_utf8()..].chars().next();
                    if prev.is_none_or(char::is_whitespace) {
                        open = true;
                    } else if !next.is_some_and(char::is_alphanumeric) {
                        open = false;
                    }
                }
            }
            open
        };
        // A word alone in brackets: an abbreviation or a name as it is written, or a link's
        // residue ("Indented Documents (indoc)", "Year 2038 (y2038)", "History[edit]").
        let bracketed = |span: Span| doc.source[..span.start].ends_with(['(', '[']) && doc.source[span.end..].starts_with([')', ']']);
        // A body of some length, about the heading: at least 3 in 10 of the heading's content
        // words appear in the prose (so in 19 in 20 edited articles, and in 1 in 50 headlines
        // put over another article). A headline over an unrelated or missing body tells
        // nothing about its names.
        // Both are worked out only when a word needs them (most headings never do).
        let related_once = std::cell::OnceCell::new();
        let related = || *related_once.get_or_init(|| self.about_the_body(doc, words));
        let has_body = || doc.words.len() >= 100 && related();
        for (i, word) in words.iter().enumerate() {
            let text = doc.text(word.span());
            let before = doc.source[..word.span().start].trim_end();
            let subtitle_start = opens_a_subtitle(before);
            if i == 0 || !text.chars().next().is_some_and(char::is_alphabetic) {
                continue;
            }
            // A quoted word keeps the case of the quotation: "'leak'", "‘urban’".
            if doc.source[..word.span().start].ends_with(['\'', '"', '‘', '“']) {
                continue;
            }
            // The rest of a word an asterisk censors ("Sh*t", "F**king") is no word of its own.
            let uncensored = doc.source[..word.span().start].trim_end_matches('*');
            if uncensored.len() < word.span().start && uncensored.ends_with(char::is_alphabetic) {
                continue;
            }
            // A subtitle's first word is capitalised in either style, so it is no evidence; but
            // lowercase there in a title-case heading it is a slip like any other ("Outside the
            // Web: standalone WebAssembly Binaries").
            if subtitle_start {
                let lower = text.to_lowercase();
                if starts_lower(text)
                    && !has_inner_upper(text)
                    && !self.minor.contains(&lower)
                    && !self.always_lower.contains(text)
                    && !SHORT_PRONOUNS.contains(&text)
                {
                    lowercase.push(*word);
                }
                continue;
            }
            // "earthquake-Induced": a compound whose later part is capitalised and whose first,
            // an English word of four letters or more, is not (not a particle: "al-Qaeda").
            let lower_head = text.split_once('-').is_some_and(|(head, rest)| {
                head.len() >= 4
                    && head.bytes().all(|b| b.is_ascii_lowercase())
                    && rest.starts_with(char::is_uppercase)
                    && lexicon::is_lowercase_word(head)
            });
            if lower_head {
                lowercase.push(*word);
                continue;
            }
            // (a capital right after a lowercase letter is a brand's: "CycloneDX", "YouTube";
            // not "Long-Running", whose capital follows a hyphen)
            let camel_case = text.chars().zip(text.chars().skip(1)).any(|(a, b)| a.is_lowercase() && b.is_uppercase());
            if is_all_caps(text) || text.chars().any(|c| c.is_ascii_digit()) || (has_inner_upper(text) && !starts_upper(text)) || camel_case
            {
                continue; // NATO, 2024, iPhone, YouTube: neutral
            }
            let lowered = crate::text::Lowercase::of(text);
            let lower = lowered.as_str();
            if self.minor.contains(lower) {
                // (inside a quotation a word keeps the quotation's case: "'Climb Up' for AIDS")
                // "The" before a capitalised word opens a name in any style ("in The Hague",
                // "to The Times"); title case writes it lowercase mid-heading like the others.
                let opens_a_name = text == "The" && is_major_capital(i + 1);
                if starts_upper(text) && !quoted(word.span().start) && !opens_a_name {
                    // "Is Here To Give", "Bets Off": sentence case never capitalises these
                    weight += 1.0;
                    strong += 1;
                    minor_capitalized += 1;
                }
                continue;
            }
            if starts_upper(text) && (capitalized_function_word(lower) || manner_adverb(lower)) && !quoted(word.span().start) {
                let usage = evidence.usage(lower);
                if usage.mentioned_mid == 0 {
                    weight += 1.0;
                    strong += 1;
                    minor_capitalized += 1;
                    continue;
                }
            }
            if starts_upper(text) {
                capitalized += 1;
                let usage = evidence.usage(lower);
                // The article writes it lowercase, and as a name at most now and then
                // ("film" five times, "Film Festival" once): an everyday word here.
                let mostly_lower = usage.lower_mid >= 3 * usage.mentioned_mid.max(1) || (usage.mentioned_mid == 0 && usage.lower_any > 0);
                // A word neither mostly lowercase nor an everyday word the article never
                // capitalises adds no evidence, name or not: the searches of the text for its
                // name (next) are for the words that would.
                let adds_evidence = mostly_lower || (usage.mentioned_mid == 0 && is_everyday(lower));
                if !adds_evidence {
                    continue;
                }
                if of_name(i) || named_pair(i) {
                    continue; // one name: shaped "Isle of Wight", or written so in the text
                }
                let in_run = is_major_capital(i - 1) || is_major_capital(i + 1);
                if mostly_lower {
                    // Over a text about something else, "New" in "New Zealand" is still a name.
                    if in_run && !related() {
                        weight += 0.5;
                        halves += 1;
                    } else {
                        weight += 1.0;
                        strong += usize::from(!beside_name(i));
                    }
                    continue;
                }
                // Here an everyday word that the article never capitalises mid-sentence (a name in
                // this article was left above).
                // "Pupils to Get", "Film to Star": sentence case never capitalises the verb of an
                // infinitive, and a name after "to" is rarely an everyday word.
                let after_to = i >= 1 && doc.text(words[i - 1].span()) == "to";
                // Inside a run of capitals it may be part of a name, unless the article (a body
                // of some length) never writes it capitalised mid-sentence: a headline's names
                // are the article's names.
                let share = if !has_body() && in_name_run(i) { 0.5 } else { 1.0 };
                weight += share;
                halves += usize::from(share < 1.0);
                strong += usize::from(after_to || (has_body() && !beside_name(i)));
            } else if starts_lower(text) && !self.always_lower.contains(text) && !SHORT_PRONOUNS.contains(&text) && !bracketed(word.span())
            {
                lowercase.push(*word);
            }
        }
        // Halves alone are a headline of names ("Ben Folds performs at Western Connecticut
        // State University"): title case needs one word that is no part of a run of capitals.
        let only_halves = strong == 0 && weight <= 0.5 * halves as f32;
        let enough = !only_halves && (weight >= 2.0 || (strong >= 1 && weight >= 1.0));
        let title_case = capitalized + minor_capitalized >= self.min_capitalized
            && enough
            && !lowercase.is_empty()
            && lowercase.len() as f32 <= (weight / 2.0).max(1.0);
        if !title_case {
            // (only the title: a page's other short lines, captions and list items called
            // headings by the parser, take capitals for their own reasons)
            if doc.blocks[bi].kind == BlockKind::Title {
                self.stray_capitals(doc, bi, out);
            }
            return;
        }
        for word in lowercase {
            let text = doc.text(word.span());
            let fixed = capitalize(text);
            out.push(
                Diagnostic::new(META.id, word.span(), format!("`{text}` is lowercase in a title-case heading"))
                    .with_help(format!("capitalise it: `{fixed}`, or write the whole heading in sentence case"))
                    .with_fix(Fix::unsafe_(vec![Edit::replace(word.span(), fixed)])),
            );
        }
    }

    /// A title in sentence case with a capital where the style has none ("Ebbers denies
    /// WorldCom Fraud", "Economy 'stronger Than forecast'"): a minor word between two
    /// lowercase words, or an everyday content word that the article writes lowercase
    /// mid-sentence, twice or more, and never capitalised, before no capital (which may go on
    /// with a name). The title must be sentence case beyond doubt: as many lowercase content
    /// words as such capitals at least, and no other capitalised everyday word.
    fn stray_capitals(&self, doc: &Document<'_>, bi: usize, out: &mut Vec<Diagnostic>) {
        let evidence = doc.evidence();
        let words = doc.words_in_block(bi);
        let text_of = |k: usize| words.get(k).map(|w| doc.text(w.span()));
        let (mut lowercase_content, mut strays, mut other_capitals) = (0, Vec::new(), 0);
        for (i, word) in words.iter().enumerate() {
            let text = doc.text(word.span());
            let lowered = crate::text::Lowercase::of(text);
            let lower = lowered.as_str();
            let before = doc.source[..word.span().start].trim_end();
            // (a quotation's or a subtitle's first word, and the heading's, may take a capital)
            let opens = i == 0 || opens_a_subtitle(before) || before.ends_with(['\'', '"', '‘', '“', '(', '[']);
            if starts_lower(text) {
                lowercase_content +=
                    usize::from(!self.minor.contains(lower) && text.chars().count() > 2 && text.bytes().all(|b| b.is_ascii_lowercase()));
                continue;
            }
            if opens || !crate::text::is_capitalized(text) || text.chars().any(|c| c.is_ascii_digit()) || text.contains('-') {
                continue;
            }
            let minor = self.minor.contains(lower);
            // (a minor word between two lowercase words: "Carry On star" names a film series)
            let minor_among_lowercase =
                minor && i.checked_sub(1).and_then(text_of).is_some_and(starts_lower) && text_of(i + 1).is_some_and(starts_lower);
            let everyday = !minor && everyday_word(lower);
            // (not before a capital, which may go on with a name: "re-elected New Orleans mayor")
            let written_lowercase =
                everyday && !lexicon::is_function_word(lower) && !before.ends_with(',') && !text_of(i + 1).is_some_and(starts_upper) && {
                    let usage = evidence.usage(lower);
                    usage.mentioned_mid == 0 && usage.lower_mid >= 2
                };
            if minor_among_lowercase || written_lowercase {
                strays.push(*word);
            } else if everyday {
                other_capitals += 1;
            }
        }
        if strays.is_empty() || other_capitals > 0 || lowercase_content < strays.len() {
            return;
        }
        for word in strays {
            let text = doc.text(word.span());
            let fixed = text.to_lowercase();
            out.push(
                Diagnostic::new(META.id, word.span(), format!("`{text}` is capitalised in a sentence-case heading"))
                    .with_help(format!("write `{fixed}`, or the whole heading in title case"))
                    .with_fix(Fix::unsafe_(vec![Edit::replace(word.span(), fixed)])),
            );
        }
    }
}

/// Nouns that head the names of places, bodies, events, offices and documents ("Park",
/// "Council", "Cup", "Minister", "Act"): a run of capitals holding one is a name in any style.
const NAME_HEADS: &[&str] = &[
    "academy",
    "accord",
    "act",
    "agency",
    "airport",
    "alliance",
    "amendment",
    "army",
    "assembly",
    "association",
    "authority",
    "avenue",
    "award",
    "awards",
    "bank",
    "bay",
    "beach",
    "bee",
    "bishop",
    "board",
    "bowl",
    "bridge",
    "bureau",
    "cabinet",
    "canal",
    "cape",
    "castle",
    "cathedral",
    "center",
    "centre",
    "championship",
    "championships",
    "chancellor",
    "channel",
    "charter",
    "church",
    "classic",
    "club",
    "coach",
    "coalition",
    "coast",
    "college",
    "commission",
    "commissioner",
    "committee",
    "company",
    "conference",
    "congress",
    "constitution",
    "contest",
    "convention",
    "corporation",
    "council",
    "county",
    "court",
    "creek",
    "cup",
    "day",
    "department",
    "derby",
    "directive",
    "district",
    "federation",
    "festival",
    "final",
    "finals",
    "force",
    "forest",
    "fort",
    "foundation",
    "fund",
    "games",
    "gardens",
    "gazette",
    "general",
    "governor",
    "grand",
    "group",
    "guard",
    "hall",
    "harbor",
    "harbour",
    "herald",
    "highway",
    "hill",
    "hills",
    "hospital",
    "institute",
    "island",
    "islands",
    "journal",
    "judge",
    "justice",
    "king",
    "lady",
    "lake",
    "league",
    "lord",
    "magazine",
    "marathon",
    "mayor",
    "medal",
    "minister",
    "ministry",
    "miss",
    "mount",
    "mountain",
    "mountains",
    "movement",
    "museum",
    "navy",
    "ocean",
    "office",
    "open",
    "organisation",
    "organization",
    "palace",
    "parade",
    "park",
    "parliament",
    "party",
    "peninsula",
    "police",
    "policy",
    "pope",
    "port",
    "president",
    "prince",
    "princess",
    "prize",
    "project",
    "province",
    "queen",
    "race",
    "records",
    "region",
    "republic",
    "review",
    "river",
    "road",
    "round",
    "school",
    "sea",
    "secretary",
    "senate",
    "senator",
    "series",
    "service",
    "society",
    "square",
    "stadium",
    "stakes",
    "state",
    "station",
    "strait",
    "street",
    "studio",
    "studios",
    "summit",
    "theater",
    "theatre",
    "tour",
    "tournament",
    "tower",
    "treaty",
    "tribunal",
    "trophy",
    "trust",
    "union",
    "university",
    "valley",
    "village",
];

fn is_name_head(lower: &str) -> bool {
    NAME_HEADS.binary_search(&lower).is_ok()
}

/// Pronouns of three letters or fewer, which many writers of title case leave lowercase with
/// the short minor words ("When in Doubt, Leave it Out", "Here’s our Year in Review"): a
/// house style, not a slip.
const SHORT_PRONOUNS: &[&str] = &["it", "its", "our", "we", "us", "he", "his", "her", "him", "my", "me", "she"];

/// Function words that are also names, or open names, often enough to weigh nothing
/// capitalised: the month and the modal ("May", "Will"), "WHO", "IT", "All Blacks", "No. 10",
/// "Under Armour", "Near East", "Every Child Matters", "Archive of Our Own", "I'll Have Another".
const NAME_LIKE_FUNCTION_WORDS: &[&str] = &[
    "may", "will", "can", "who", "it", "i", "am", "us", "all", "no", "every", "near", "under", "mine", "none", "inside", "still", "just",
    "why", "own", "another", "other", "others",
];

/// An adverb of manner or degree made with -ly from an everyday adjective ("Really",
/// "Successfully", "Illegally"): no name is made of one. Not the adjectives in -ly that
/// periodicals and places are named with ("Weekly", "Daily", "Early", "Holy", "Family").
fn manner_adverb(lower: &str) -> bool {
    const NAME_LIKE: &[&str] = &[
        "weekly",
        "monthly",
        "quarterly",
        "yearly",
        "daily",
        "nightly",
        "hourly",
        "early",
        "holy",
        "lovely",
        "friendly",
        "only",
        "ugly",
        "jolly",
        "bully",
        "family",
        "kindly",
        "lively",
        "homely",
        "lonely",
    ];
    let Some(stem) = lower.strip_suffix("ly") else { return false };
    if lower.len() < 6 || NAME_LIKE.contains(&lower) || !lower.bytes().all(|b| b.is_ascii_lowercase()) {
        return false;
    }
    everyday_word(lower)
        && (everyday_word(stem)
            || stem.strip_suffix('i').is_some_and(|s| everyday_word(&format!("{s}y")))
            || everyday_word(&format!("{stem}le")))
}

/// Whether a heading's word after `before` (the heading up to it, spaces trimmed) opens a
/// subtitle, which either style may capitalise: after a colon, a dash, a bar, ? or !.
fn opens_a_subtitle(before: &str) -> bool {
    before.ends_with([':', '–', '—', '|', '?', '!']) || before.ends_with(" -")
}

/// A word the lexicon knows lowercase in everyday English (a common or usual word) and not
/// mostly as a name.
fn everyday_word(lower: &str) -> bool {
    lexicon::lookup(lower).is_some_and(|e| e.lower.is_some_and(|t| t <= Tier::Usual) && !e.mostly_proper())
}

/// A closed-class word or common adverb ("After", "About", "More", "Not", "Could") that is no
/// minor word: sentence case writes it lowercase, as no name holds it but a work's title.
fn capitalized_function_word(lower: &str) -> bool {
    lexicon::is_function_word(lower) && !NAME_LIKE_FUNCTION_WORDS.contains(&lower) && !SHORT_PRONOUNS.contains(&lower)
}

/// The stem of a lowercase word, for matching its other forms: "bidders" → "bid", "losses" →
/// "loss", "subsidies" → "subsid". At least three letters are kept.
fn stem(word: &str) -> &str {
    for suffix in ["ers", "ies", "ing", "es", "ed", "er", "s"] {
        let Some(base) = word.strip_suffix(suffix) else { continue };
        if base.len() < 3 || !base.is_ascii() {
            continue;
        }
        // "bidders" → "bidd" → "bid"
        let b = base.as_bytes();
        let doubled = b.len() >= 4 && b[b.len() - 1] == b[b.len() - 2] && !matches!(b[b.len() - 1], b's' | b'l' | b'e' | b'o');
        return if doubled { &base[..base.len() - 1] } else { base };
    }
    word
}

#[cfg(test)]
mod tests {
    use crate::diagnostic::Applicability::Unsafe;
    use crate::rules::testing::{fixed, flagged};

    /// The words flagged in the title and headings of `text`, and the text with every fix.
    fn check(text: &str) -> (Vec<String>, String) {
        (flagged("heading-case", text), fixed("heading-case", text, Unsafe))
    }

    #[test]
    fn one_lowercase_word_in_a_title_case_title() {
        let text = "Markets Rally as Interest Rates fall\n\nStocks rose after the bank cut interest rates again. The rally was broad as rates fell.\n";
        let (flagged, fixed) = check(text);
        assert_eq!(flagged, ["fall"]);
        assert!(fixed.starts_with("Markets Rally as Interest Rates Fall\n"));
    }

    #[test]
    fn a_capitalised_minor_word_makes_a_title_case_heading() {
        let body = "\n\nThe markets in Greece moved again, and the new interface is quick to use.\n";
        for (title, word) in [("MEANWHILE: Developments In greece", "greece"), ("This API Is so fetching!", "fetching")] {
            let text = format!("{title}{body}");
            assert_eq!(check(&text).0, [word], "{title}");
        }
        // inside a quotation a capital is the quotation's; "The" before a capital opens a name
        for title in ["Mountaineers 'Climb Up' for charity funding", "Police raid in The Hague"] {
            let text = format!("{title}{body}");
            assert!(check(&text).0.is_empty(), "{title}: {:?}", check(&text).0);
        }
    }

    /// Each title over `body`: the one word flagged in each of `flagged`, nothing in `silent`.
    fn assert_titles(body: &str, flagged: &[(&str, &str)], silent: &[&str]) {
        for (title, word) in flagged {
            assert_eq!(check(&format!("{title}{body}")).0, [*word], "{title}");
        }
        for title in silent {
            let found = check(&format!("{title}{body}")).0;
            assert!(found.is_empty(), "{title}: {found:?}");
        }
    }

    /// A body that shares none of the titles' words: the titles speak for themselves.
    const UNRELATED: &str = "\n\nThe weather turned cold in the north on Tuesday, and farmers fear for the harvest.\n";

    #[test]
    fn a_capitalised_function_word_makes_a_title_case_heading() {
        // a run of capitals could be one name; "About", "After", "Not" inside it could not
        assert_titles(
            UNRELATED,
            &[
                ("Governor May Hold special Press Conference About Flooding", "special"),
                ("Two Hikers Rescued After Three cold Nights on Ridge", "cold"),
                ("Ferry Service Not Running in some Parts of Harbour", "some"),
            ],
            // names made of such words, sentence case, a quoted work's title
            &[
                "Fans of the All Blacks gather in the square",
                "Archive of Our Own beta opens to readers",
                "Theresa May says she will stay on",
                "Storm damage after the flood in Harbour Town",
                "Critics praise 'Much Ado About Nothing' revival",
            ],
        );
    }

    #[test]
    fn a_capitalised_manner_adverb_makes_a_title_case_heading() {
        assert_titles(
            UNRELATED,
            &[
                ("Rover Successfully Lands on distant Moon Crater", "distant"),
                ("Museum Illegally Sold ancient Coins, Court Hears", "ancient"),
            ],
            // a periodical's name; sentence case
            &["Reporter joins Weekly Standard after long stint", "Rover successfully lands on distant moon crater"],
        );
        // a show's name the text writes so
        assert_titles(
            "\n\nThe former Strictly Come Dancing contestant cut the ribbon on Saturday.\n",
            &[],
            &["Strictly Come Dancing star opens village fete"],
        );
    }

    #[test]
    fn a_run_of_everyday_capitals_is_title_case_unless_it_names_something() {
        // over no body to go by: everyday words capitalised side by side are how title case
        // writes ("Busy Lanes", "Heavy Rain"); a run is one name when a word in it names a
        // kind of place, body, event or office ("Park", "Club", "Station", "Secretary"), is a
        // country, or comes before a number
        assert_titles(
            UNRELATED,
            &[("Frogs block Busy Lanes in Heavy Rain", "block"), ("Wild Winds Topple old Garden Walls", "old")],
            &[
                "Hollow Creek National Park reopens",
                "Silver Lake Rowing Club folds",
                "Crew docks with International Space Station",
                "Former Home Secretary dies",
                "Band plays Fresh Start 500",
                "Shops reopen in Eastern Turkey",
            ],
        );
    }

    #[test]
    fn a_brand_in_camel_case_and_a_word_alone_in_brackets_are_as_written() {
        // a brand's inner capital is no evidence of title case; a word alone in brackets is an
        // abbreviation, a name or a link's residue; a phrase in brackets is the title's own
        let body = "\n\nThe indoc macro keeps indented documents tidy, the cyclonedx files list supported versions, \
                    and the early history of each edit is kept.\n";
        assert_titles(
            body,
            &[("Reading Old Files (for Older versions of the Tool)", "versions")],
            &["Supported CycloneDX versions", "Indented Documents (indoc)", "Early History[edit]"],
        );
    }

    #[test]
    fn a_compound_with_its_first_part_lowercase_in_a_title_case_heading() {
        let body = "\n\nThe monument closed after the earthquake cracked its stone.\n";
        let (flagged, fixed) = check(&format!("Monument Closes to Repair earthquake-Induced Crack{body}"));
        assert_eq!(flagged, ["earthquake-Induced"]);
        assert!(fixed.starts_with("Monument Closes to Repair Earthquake-Induced Crack\n"), "{fixed}");
        // a particle before a name is lowercase in any style
        assert!(check(&format!("Army Says al-Qaeda Leader Killed in Raid{body}")).0.is_empty());
    }

    #[test]
    fn a_subtitle_left_lowercase_in_a_title_case_heading() {
        let body = "\n\nThe team wrote about binaries, and how standalone builds use the compiler.\n";
        let text = format!("Outside the Web: standalone WebAssembly Binaries Using Emscripten{body}");
        assert_eq!(check(&text).0, ["standalone"]);
        // in a sentence-case heading the subtitle may start lowercase; a minor word or a
        // quotation keeps its case
        for title in ["Outside the web: standalone binaries with a compiler", "Outside the Web: the Binaries Using Emscripten"] {
            let text = format!("{title}{body}");
            assert!(check(&text).0.is_empty(), "{title}: {:?}", check(&text).0);
        }
    }

    #[test]
    fn a_short_pronoun_left_lowercase_is_a_house_style() {
        let body = "\n\nThe team reviewed every change made in the year and wrote up the doubts it had.\n";
        for title in ["When in Doubt, Leave it Out", "Here’s our Annual Review of the Project"] {
            let text = format!("{title}{body}");
            assert!(check(&text).0.is_empty(), "{title}: {:?}", check(&text).0);
        }
        // a longer pronoun or determiner is a major word like any other
        let text = format!("List Every Thing In Your Life that Makes You Happy{body}");
        assert_eq!(check(&text).0, ["that"]);
    }

    #[test]
    fn sentence_case_titles_full_of_names_are_fine() {
        assert!(check("Jenson Button wins Hungarian Grand Prix\n").0.is_empty());
        let text = "Valdora wins Northern Sailing Cup\n\nThe crew won the Northern Sailing Cup on Saturday. The cup is old.\n";
        assert!(check(text).0.is_empty());
        assert!(check("Ad sales boost Time Warner profit\n\nQuarterly profits at the media giant rose.\n").0.is_empty());
    }

    #[test]
    fn quoted_words_keep_the_quotation_case() {
        let text = "Singer Plans Farewell 'tour' Dates\n\nThe singer plans a farewell tour with new dates.\n";
        assert!(check(text).0.is_empty());
    }

    #[test]
    fn a_line_in_brackets_is_an_aside_not_a_heading() {
        let text = "The Story So Far\n\n(Harbour Prime EU release, Harbour Prime III: Tides and Harbour Prime Trilogy)\n\nThe series \
                    began in 1986 and grew into one of the best-loved games of its kind, selling millions of copies.\n";
        assert!(check(text).0.is_empty(), "{:?}", check(text).0);
    }

    #[test]
    fn a_capital_after_an_apostrophe() {
        let (flagged, fixed) = check("What’S Next for the Economy\n\nEconomists disagree.\n");
        assert_eq!(flagged, ["What’S"]);
        assert!(fixed.starts_with("What’s Next"));
    }

    #[test]
    fn names_shaped_x_of_y_and_names_beside_non_words() {
        let text = "Zubrovka Music on Isle of Wight bill\n\nThe band will play on the Saturday, the music festival said.\n";
        assert!(check(text).0.is_empty());
    }

    #[test]
    fn an_infinitive_verb_capitalised_is_title_case() {
        let body = "Schoolchildren across the county will be taught about copying music and films. \
The lessons were planned by teachers and the pupils will get new materials this spring. "
            .repeat(6);
        let text = format!("Pupils to Get Copying lessons\n\n{body}\n");
        assert_eq!(check(&text).0, ["lessons"]);
    }

    #[test]
    fn a_headline_over_an_unrelated_body_reads_as_names() {
        // The body is about something else: the headline's capitals are names, not title case.
        let body = "The council agreed a new budget on Monday after a long debate about road repairs. \
Several members said the cuts were unfair, and a vote is due next month. "
            .repeat(6);
        let text = format!("Marlow Hendry wins Northern Open Championship\n\n{body}\n");
        assert!(check(&text).0.is_empty());
    }

    #[test]
    fn other_forms_of_the_titles_words_make_the_body_about_it() {
        assert_eq!(super::stem("bidders"), "bid");
        assert_eq!(super::stem("losses"), "loss");
        assert_eq!(super::stem("deeper"), "deep");
        assert_eq!(super::stem("bus"), "bus");
        let body = "The coal producer said its losses had deepened in the second half, and bidders for its mines \
            had walked away. Its chief executive said the company would close two pits and cut jobs. \
            Analysts said the producer had been hit by falling prices and by the strong pound, and that \
            losses could deepen further unless prices recovered. The firm employs about five thousand \
            people at its pits and offices, and its shares fell sharply on the news. Unions said they \
            would fight the closures, and ministers said they were watching closely. A spokesman said \
            talks with the unions would begin next week and that no decision had yet been taken.";
        let text = format!("Coal Producer plunges into Deeper Losses as Bidders Walk\n\n{body}\n");
        assert_eq!(check(&text).0, ["plunges"]);
    }

    #[test]
    fn everyday_words_around_of_are_no_name_when_the_text_writes_them_lowercase() {
        let body = "Farm subsidies in rich countries cost poor farmers dearly, the agency said. The impact of \
            subsidies on prices was worst for cotton and sugar, and the impact on rural incomes was \
            large. The agency said subsidies should be phased out over ten years, and that the impact \
            would be felt first by small farmers in Africa and Asia. Its report was published on \
            Monday in Rome, where the agency has its headquarters, and was welcomed by charities. \
            Officials from rich countries said the figures overstated the impact of their support.";
        let text = format!("Agency warns on Impact of Subsidies\n\n{body}\n");
        assert_eq!(check(&text).0, ["warns"]);
        // "Bank of England" stays a name: the text never writes "england" lowercase
        let text = "Rates held by Bank of England\n\nThe bank kept rates on hold, the Bank of England said.\n";
        assert!(check(text).0.is_empty());
    }

    #[test]
    fn a_pair_the_text_writes_as_a_name_is_a_name() {
        let body = "Visitors to the National Gallery rose this year. The national figures show growth, \
and national museums say national funding helped. "
            .repeat(4);
        let text = format!("National Gallery in the pink\n\n{body}\n");
        assert!(check(&text).0.is_empty());
    }

    #[test]
    fn the_rest_of_a_censored_word_is_no_lowercase_word() {
        assert!(check("22 Photos That Will Make Your F*cking Day\n\nA story about the day.\n").0.is_empty());
        assert!(check("Why I Lost My Sh*t At The Game\n\nA story about the day.\n").0.is_empty());
        // a real lowercase word after a spaced asterisk still counts
        assert_eq!(check("Big Wins For The * underdog Team\n\nA story.\n").0, ["underdog"]);
    }

    #[test]
    fn a_stray_capital_in_a_sentence_case_title() {
        let body = "The former boss denied the fraud charges in court. Prosecutors said the fraud ran for years \
and that the fraud cost investors billions.";
        // an everyday word the article writes lowercase, never capitalised
        let (flagged, fixed) = check(&format!("Banker denies Fraud charges\n\n{body}\n"));
        assert_eq!(flagged, ["Fraud"]);
        assert!(fixed.starts_with("Banker denies fraud charges"), "{fixed}");
        // a minor word between two lowercase words
        assert_eq!(check(&format!("Losses 'bigger Than feared'\n\n{body}\n")).0, ["Than"]);
        for text in [
            // the article capitalises it too: a name
            "Banker denies Fraud charges\n\nThe Fraud Office said the fraud case would go ahead, and the fraud team met.\n".to_string(),
            // the article writes it lowercase once only
            "Banker denies Fraud charges\n\nThe former boss denied the fraud charges.\n".to_string(),
            // a minor word after a capital: a work's name ("Carry On star")
            format!("Carry On star dies\n\n{body}\n"),
            // a subheading is not the title
            format!("Markets\n\n{body}\n\n## Banker denies Fraud charges\n\n{body}\n"),
            // a capital next: a name going on
            format!("Mayor re-elected New Orleans chief\n\nThe new mayor said the new plan works. {body}\n"),
            // a function word after a comma
            format!("Sorry, Because the fraud ran on\n\n{body}\n"),
        ] {
            assert!(check(&text).0.is_empty(), "{text}: {:?}", check(&text).0);
        }
    }
}
