//! `proper-noun-case` — a proper noun written lowercase.
//!
//! **Flags** "japan Defense Spending", "Mr gill added", "the World bank", "on monday".
//! **Why** a spell-checker accepts "japan"; the lexicon knows English writes it "Japan", and
//! the document itself knows "Gill" and "World Bank" are names.
//! **How** the lexicon sets how much document evidence a word needs (see `judge`): none or one
//! mention for names, several stand-alone capitalised uses or a repeated name for everyday words.
//! **Never** when the lowercase form is an ordinary word used as such in the document
//! ("Labour" the party and "the labour market"; "Bush" and "bush"): any other lowercase use in
//! prose counts as ordinary use. Sentence-initial capitals are no evidence. Not on non-English
//! documents, name particles (van, von, bin) or short pieces of hyphenated words ("sci-fi").
//! **Fix** (safe) capitalises it as the document (or else English) writes it.

use super::{Rule, RuleMeta};
use crate::analysis::{near, word_name_parts};
use crate::common_options;
use crate::diagnostic::{Category, Diagnostic, Edit, Fix, Severity, Span};
use crate::document::Document;
use crate::lexicon::{self, Tier};
use crate::options::Level;
use crate::text::{capitalize, whole_word_matches};
use serde::Deserialize;

pub static META: RuleMeta = RuleMeta {
    id: "proper-noun-case",
    category: Category::Capitalization,
    default_severity: Severity::Warning,
    priority: 30,
    fix: "safe",
    summary: "A proper noun written lowercase: English or this document writes it capitalised",
    explanation: "Flags a lowercase word that is a name here (\"japan Defense Spending\", \"Mr gill added\", \
\"the World bank\"). How much evidence a word needs depends on what English knows of it, from the \
embedded lexicon: a word English only capitalises (\"monday\") or no English word at all (\"kishida\") \
needs one capitalised mention in the document, or none for a common name; an everyday word (\"bank\", \
\"bill\") needs several capitalised uses on its own mid-sentence, the same name written capitalised \
elsewhere (\"World Bank\"), the same two words of context, a title before it (\"Mr\"), or a surname the \
document writes after a first name and alone, lowercase where a name stands (\"Mick Mars\" … \"mars, 53,\"), or \
one mid-sentence mention of a country (\"turkey's accession talks\"). A word the \
document also uses as an ordinary lowercase word (\"Labour\" and \"labour market\") is never flagged, \
capitals at the start of a sentence count for nothing, and non-English documents are not checked. \
The safe fix writes the word the way the document (or English) does.",
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
        // (read once: each `doc.evidence()` is a dynamic type check)
        let evidence = doc.evidence();
        if !evidence.is_english() {
            return; // spelling and case are English-only
        }
        // A word written lowercase twice mid-sentence, or three times anywhere, is written
        // lowercase elsewhere whatever this use is (see `lowercase_elsewhere`): settled once
        // per distinct word (an ASCII word of lowercase letters, its own only part, which the
        // loop below would find so), so that most words leave at one bit.
        let settled: Vec<bool> = (0..evidence.distinct_words())
            .map(|d| {
                let usage = evidence.distinct_usage(d);
                usage.lower_mid >= 2 || usage.lower_any >= 3
            })
            .collect();
        for (i, word) in doc.words.iter().enumerate() {
            let shape = word.shape();
            if !shape.starts_lower() && !shape.has_hyphen() {
                continue;
            }
            if evidence.distinct_word(i).is_some_and(|d| settled[d]) {
                continue;
            }
            let text = doc.text(word.span());
            let prose_mid = doc.blocks[word.block()].kind.is_prose() && !word.sentence_start();
            for (offset, part) in word_name_parts(text, shape) {
                // A short piece of a hyphenated word ("sci-fi") is no name.
                let whole = part.len() == text.len();
                let min_len = if whole { 3 } else { 4 };
                // (the whole word's count of characters and case are in its shape)
                let chars = if whole && shape.ascii() { part.len() } else { part.chars().count() };
                let lowercase = if whole { shape.lowercase() } else { part.chars().all(char::is_lowercase) };
                if chars < min_len || !lowercase {
                    continue;
                }
                // Written lowercase elsewhere, an ordinary word: most lowercase words leave here,
                // before the tests below (asked only of the few left).
                let usage = if whole { evidence.word_usage(i, part) } else { evidence.usage(part) };
                if lowercase_elsewhere(usage, prose_mid) {
                    continue;
                }
                // A handle, hashtag or domain is written as its owner writes it. (Asked of the
                // word after the test above, which most words leave at: the characters around
                // the word are the same for each of its parts.)
                let before = crate::text::char_before(doc.source, word.span().start);
                let after = crate::text::char_at(doc.source, word.span().end);
                if matches!(before, Some('#' | '@' | '/' | '.' | '_')) || matches!(after, Some('@' | '/' | '_')) {
                    continue;
                }
                if after == Some('.') && doc.source[word.span().end + 1..].starts_with(|c: char| c.is_ascii_alphanumeric()) {
                    continue; // example.com
                }
                // ("mens", "whats": a possessive or contraction without its apostrophe, which
                // possessive reports, whatever case the document writes it in elsewhere)
                if NAME_PARTICLES.contains(&part) || lexicon::apostrophe_dropped(part).is_some() {
                    continue;
                }
                let start = word.span().start + offset;
                let span = Span::new(start, start + part.len());
                let Some(judgement) = self.judge(doc, part, usage, span, prose_mid) else { continue };
                // a part of a file's or a site's name: "mocha-blanket.js", "my-site.org"
                if crate::text::has_dotted_part(text) {
                    continue;
                }
                // a word quoted alone is cited as it is written: "spell out the name “bruce” in
                // lowercase cursive"
                let rest = &doc.source[word.span().end..];
                let closes = match after {
                    Some('”' | '"') => true,
                    Some(q @ ('’' | '\'')) => !rest[q.len_utf8()..].starts_with(char::is_alphabetic),
                    _ => false,
                };
                if whole && matches!(before, Some('“' | '"' | '‘')) && closes {
                    continue;
                }
                let Judgement { spelling, uses } = judgement;
                let why = if uses > 0 {
                    format!(
                        "`{part}` is written `{spelling}` elsewhere in this document ({uses} {})",
                        if uses == 1 { "time" } else { "times" }
                    )
                } else {
                    format!("`{part}` is a proper noun: English writes it `{spelling}`")
                };
                out.push(
                    Diagnostic::new(META.id, span, why)
                        .with_help(format!("write `{spelling}`"))
                        .with_fix(Fix::safe(vec![Edit::replace(span, spelling)])),
                );
            }
        }
    }
}

/// Whether the document writes the word lowercase somewhere besides this use (`prose_mid`: this
/// use is mid-sentence in prose): an ordinary word there, so no name here.
fn lowercase_elsewhere(usage: crate::analysis::Usage, prose_mid: bool) -> bool {
    let other_lower = usage.lower_mid.saturating_sub(usize::from(prose_mid));
    other_lower > 0 || usage.lower_any > 1 + usize::from(!prose_mid)
}

/// Lowercase inside names in any style: "van Gogh", "de Gaulle", "bin Laden".
const NAME_PARTICLES: &[&str] = &["van", "von", "der", "den", "des", "del", "della", "dos", "das", "bin", "ibn", "ben", "mac", "ter"];

/// Why a lowercase word is a proper noun, and how to write it.
struct Judgement {
    spelling: String,
    /// The document's own capitalised uses (0: the lexicon alone knows it).
    uses: usize,
}

impl ProperNounCase {
    /// Weighs the document's evidence against what English knows of the word. The more the
    /// lowercase word is an ordinary English word, the more capitalised uses it takes:
    /// - not a word at all ("kishida"): one capitalised mention anywhere, names included;
    /// - a name first ("japan", "monday"): one capitalised mention, or none when the lexicon has
    ///   no lowercase reading at all and the name is common;
    /// - a rare word lowercase ("hanks", "york"): one capitalised mention, names included;
    /// - an everyday word too ("bank", "bill", "china"): `min_evidence` capitalised uses on its
    ///   own mid-sentence, the same two-word name written capitalised elsewhere ("World Bank"
    ///   before "World bank"), and only in running prose; or
    ///   any capitalised use after a title ("Mr gill").
    ///
    /// In every case the document must write the word lowercase nowhere else in its prose: the
    /// caller asks [`lowercase_elsewhere`] first. `usage` is the evidence's
    /// [`Usage`](crate::analysis::Usage) of `part`.
    fn judge(&self, doc: &Document<'_>, part: &str, usage: crate::analysis::Usage, span: Span, prose_mid: bool) -> Option<Judgement> {
        let evidence = doc.evidence();
        let entry = lexicon::lookup(part);
        // (looked up only for a word found a name: most words asked about are not)
        let spelling = || {
            evidence
                .spelling(part)
                .map(str::to_string)
                .or_else(|| entry.and_then(|e| e.spelling).map(str::to_string))
                .unwrap_or_else(|| capitalize(part))
        };
        let named = usage.mentioned_mid;
        // "Zadie smith, in 2000" beside "Ali Smith": a surname the document writes after a
        // first name, lowercase here right after a name and before punctuation.
        // (cheapest test first: this is asked of most lowercase words)
        let surname_after_a_name = || {
            doc.source[span.end..].starts_with([',', '.', ';', ':', ')', '\n']) && after_a_name(doc, span) && surname_here(doc, part, span)
        };
        match entry {
            // No English word: a name. (Compounds the lexicon lacks, "eurozone", count too:
            // names are often compounds, "Idlewild", and the document decides.)
            // Not an English word built with a prefix ("nonperiodic", "polyfill") capitalised
            // once, inside a longer name ("Deterministic Nonperiodic Flow", "the WASI Web
            // Polyfill"), and not after a first name, as a surname is ("Tom Coburn"). Named
            // again and again it is a name ("Sun Interbrew", "Belgium's Interbrew").
            None => (named >= 1
                && part.chars().count() >= 4
                && !(named == 1
                    && usage.capitalized_mid == 0
                    && lexicon::prefixed_stems(part).any(lexicon::is_lowercase_word)
                    && !surname_here(doc, part, span)))
            .then(|| Judgement { spelling: spelling(), uses: named }),
            Some(e) if e.proper_only() => {
                // The lexicon alone decides only for a whole word: "double-decker" is no Decker.
                let whole_word = !is_word_part(doc, span);
                let common_name = e.capitalized.or(e.other).is_some_and(|t| t <= Tier::Usual);
                (named >= 1 || (common_name && whole_word && part.len() >= 4)).then(|| Judgement { spelling: spelling(), uses: named })
            }
            // A name first ("japan", "hong") or lowercase a rare word ("york", "premiership"):
            // a name here when the document writes it capitalised once, or writes the same name.
            Some(e) if (e.mostly_proper() && !e.common_lower()) || e.lower == Some(Tier::Rare) => {
                let written = || crate::text::contains(near(doc, span).1, &capitalize(part)) && self.written_as_name(doc, part, span);
                (named >= 1 || written() || surname_after_a_name()).then(|| Judgement { spelling: spelling(), uses: named })
            }
            Some(e) => {
                // Every test below needs the word capitalised mid-sentence somewhere; without
                // that, skip the text searches (this branch sees most lowercase words).
                if (named == 0 && !surname_after_a_name()) || verb_here(doc, span) {
                    return None;
                }
                let after_title = after_honorific(doc, span);
                // "french president Jacques Chirac" beside "the French media": a nation's
                // adjective, which English capitalises in every style
                let demonym = lexicon::is_demonym(part);
                // "about their jobs" beside "Steve Jobs", "for the page to load" beside "Larry
                // Page": a person's surname takes no determiner, unless the document writes the
                // name after one too ("the Fed").
                if !after_title
                    && after_determiner(doc, span)
                    && surname_here(doc, part, span)
                    && !capitalised_after_determiner(doc, part, span)
                {
                    return None;
                }
                let strong = after_title
                    || (prose_mid
                        // (counts say nothing of a function word, which a title of a work
                        // capitalises, "Now and Then"; its own context must: "Who's Your Daddy")
                        && ((usage.capitalized_mid >= self.min_evidence && !lexicon::is_function_word(part))
                            || self.written_as_name(doc, part, span)
                            || self.same_context(doc, part, span)
                            || half_of_a_known_name(doc, part, span)
                            || demonym
                            // "hanks": an uncommon word that this document writes as a name
                            || (!e.common_lower() && named >= 2)
                            // "turkey's accession talks" beside "as Turkey embarks": a country
                            // the document names, whose everyday twin it never writes
                            || (named >= 1 && lexicon::is_country(&capitalize(part)))
                            // "Mick Mars … mars, 53, has": a surname here, used as one
                            // "band Busted have said … that busted would": a name used alone
                            // twice, lowercase once where a name stands
                            || (usage.capitalized_mid >= 2 && used_as_a_name(doc, span))
                            || (named >= 2
                                && usage.capitalized_mid >= 1
                                && surname_here(doc, part, span)
                                && used_as_a_name(doc, span))
                            || surname_after_a_name()
                            // "on Facebook and twitter" beside "Twitter" twice: in a pair with
                            // a name, a name
                            || (named >= 2 && paired_with_a_name(doc, span))));
                // "any other government help" beside "the Government" said again and again:
                // a name the document gives only after "the" is its short form of a longer
                // one ("the Federal Government"); without a determiner, and before no name
                // ("tell detective Tsukauchi" is the title of "Detective Tsukauchi"), the word
                // is generic. (asked last: a text search, and only of a word found a name)
                let generic = || {
                    !after_title
                        && !after_determiner(doc, span)
                        && !first_word(&doc.source[span.end..]).starts_with(char::is_uppercase)
                        && only_after_the(doc, part, span)
                };
                (strong && (demonym || !generic())).then(|| Judgement { spelling: spelling(), uses: named })
            }
        }
    }

    /// "World bank" where the document also writes "World Bank": the capitalised word before
    /// it and the word itself capitalised occur together elsewhere.
    fn written_as_name(&self, doc: &Document<'_>, part: &str, span: Span) -> bool {
        // A capitalised word that can be part of a name: not "The" or "His" at a sentence start.
        let is_name_word = |w: &str| {
            crate::text::is_capitalized(w)
                && w.chars().count() >= 2
                && w.chars().all(char::is_alphabetic)
                && !CLOSED_CLASS.contains(&w.to_ascii_lowercase().as_str())
        };
        let (lo, text) = near(doc, span);
        let following = crate::analysis::strip_possessive(first_word(&doc.source[span.end..]));
        let counts = comparable_style(doc, span, lo);
        let occurs = |name: &str| name_occurrences(text, name, following).any(&counts);
        let occurs_before_a_name = |name: &str| title_occurrences(text, name, following).any(&counts);
        let head = doc.source[lo..span.start].strip_suffix(' ').unwrap_or("");
        let prev = head.rsplit([' ', '\n']).next().unwrap_or("");
        // A capital at a sentence start says nothing of an everyday word: "Corporate
        // governance experts said" (but "Blackground records" is still a name).
        let before_prev = head[..head.len() - prev.len()].trim_end_matches(' ');
        // (an initialism's dots end no sentence: "the U.S. Census bureau")
        let sentence_start =
            opens_a_sentence(before_prev) && !crate::text::is_initialism(before_prev.rsplit([' ', '\n']).next().unwrap_or(""));
        // A capitalised "The" mid-sentence opens a name ("five weeks after The game's debut"
        // beside "The Game"): edited prose writes it so nowhere else.
        let the_mid_sentence = prev == "The" && before_prev.ends_with(|c: char| c.is_alphanumeric() || c == ',');
        let pair = || format!("{prev} {}", capitalize(part));
        let prev_is_name =
            the_mid_sentence || (is_name_word(prev) && (!sentence_start || lexicon::lookup(prev).is_none_or(|e| e.lower.is_none())));
        if prev_is_name && occurs_before_a_name(&pair()) {
            return true;
        }
        // "Shovel knight was funded" opening a sentence, beside "Games' Shovel Knight digs" and
        // "— Shovel Knight's": the pair written twice where no sentence starts is a name,
        // whatever the capital here.
        if sentence_start && !prev_is_name && is_name_word(prev) {
            let pair = pair();
            let inside_a_sentence = |at: usize| !opens_a_sentence(text[..at].trim_end_matches(' '));
            if title_occurrences(text, &pair, following).filter(|&at| inside_a_sentence(at)).nth(1).is_some() {
                return true;
            }
            // A title opening a sentence before a name, as it opens another there: "Senior
            // sergeant Potts says" beside "Senior Sergeant Michael Potts says" (both capitals
            // there, only the first here, in the same place).
            if following.starts_with(char::is_uppercase) && title_occurrences(text, &pair, following).any(|at| !inside_a_sentence(at)) {
                return true;
            }
        }
        if following == "of" {
            // "bank of England" beside "Bank of England" (even "bank of Englands")
            let rest = doc.source[span.end..].trim_start().strip_prefix("of").unwrap_or("");
            let name = crate::analysis::strip_possessive(first_word(rest));
            let written = |name: &str| occurs(&format!("{} of {name}", capitalize(part)));
            let name = match name.strip_suffix('s') {
                Some(stem) if !written(name) => stem,
                _ => name,
            };
            return is_name_word(name) && written(name);
        }
        // "attorney general Ann Lee" beside "Attorney General Ann Lee": the word before is
        // capitalised there too, so the whole title is written in two styles, and capitalising
        // this word alone would make "attorney General". Such an occurrence proves nothing.
        let name = format!("{} {following}", capitalize(part));
        // (what must come after the name elsewhere is what comes after `following` here; a
        // title before a person's name here may stand before another name there: "prime
        // Minister Vajpayee" beside "Prime Minister Atal Vajpayee")
        let after_following =
            doc.source[span.end..].strip_prefix(' ').map_or("", |rest| first_word(&rest[following.len().min(rest.len())..]));
        is_name_word(following)
            && title_occurrences(text, &name, after_following).any(|at| counts(at) && !title_in_two_styles(text, at, prev))
    }

    /// "American and southwest" where the document also writes "American and Southwest", or
    /// "Top of the pops" beside "Top of the Pops": the same two words before it (or after it)
    /// with the word capitalised. Two words of context rule out chance.
    fn same_context(&self, doc: &Document<'_>, part: &str, span: Span) -> bool {
        let (lo, text) = near(doc, span);
        let hi = lo + text.len();
        let line_start = doc.source[lo..span.start].rfind('\n').map_or(lo, |i| lo + i + 1);
        let line_end = doc.source[span.end..hi].find('\n').map_or(hi, |i| span.end + i);
        let before: Vec<&str> = doc.source[line_start..span.start].split(' ').rev().skip(1).take(2).collect();
        let after: Vec<&str> = doc.source[span.end..line_end].split(' ').skip(1).take(2).collect();
        // (an apostrophe inside a word too: "Who's Your Daddy")
        let plain = |w: &&str| {
            !w.is_empty() && w.starts_with(char::is_alphanumeric) && w.chars().all(|c| c.is_alphanumeric() || matches!(c, '\'' | '’'))
        };
        let capitalized = capitalize(part);
        // Each context with the word that follows it here: the name elsewhere must not go on
        // where this one stops ("San Francisco police said" / "San Francisco Police Department").
        let mut contexts = Vec::new();
        if before.len() == 2 && before.iter().all(plain) {
            contexts.push((format!("{} {} {capitalized}", before[1], before[0]), first_word(&doc.source[span.end..])));
        }
        // one word each side: "the pentagon said" beside "the Pentagon said" (an article in
        // either case: "The pentagon said" opens a sentence); a capitalised word after it that
        // ends a clause counts without its mark, the name here ending with it: elsewhere it may
        // go on as its fuller form does, with "of" ("of the reserve Bank." beside "The Reserve
        // Bank of Australia"), though not with another capitalised word
        let after_one = after.first().map(|&w| {
            let bare = w.trim_end_matches(['.', ',', ';', ':', ')', '"', '”', '’']);
            if plain(&w) {
                w
            } else if bare.len() < w.len() && plain(&bare) && crate::text::starts_upper(bare) {
                bare
            } else {
                ""
            }
        });
        if let Some(after_one) = after_one.filter(|w| !before.is_empty() && plain(&before[0]) && !w.is_empty()) {
            let after_word = after_one.as_ptr() as usize - doc.source.as_ptr() as usize + after_one.len();
            let following = if after_one.len() < after[0].len() { "of" } else { first_word(doc.source.get(after_word..).unwrap_or("")) };
            contexts.push((format!("{} {capitalized} {after_one}", before[0]), following));
            if is_determiner(before[0]) {
                let other_case = if crate::text::starts_upper(before[0]) { before[0].to_lowercase() } else { capitalize(before[0]) };
                contexts.push((format!("{other_case} {capitalized} {after_one}"), following));
            }
        }
        if after.len() == 2 && after.iter().all(plain) {
            // `after[1]` is a slice of the source: its end is a char boundary there.
            let end = after[1].as_ptr() as usize - doc.source.as_ptr() as usize + after[1].len();
            contexts.push((format!("{capitalized} {} {}", after[0], after[1]), first_word(doc.source.get(end..).unwrap_or(""))));
        }
        let prev = doc.source[line_start..span.start].strip_suffix(' ').and_then(|h| h.rsplit(' ').next()).unwrap_or("");
        let in_running_text = comparable_style(doc, span, lo);
        contexts.iter().any(|(c, following)| {
            let after_context = c.starts_with(capitalized.as_str());
            // mid-sentence only: "According to the" at a sentence start is no name; and "of
            // the" ending a longer name there, another than here, says nothing of the word here
            // ("the Photo of the Week" beside "the end of the week"; but "Top of the Pops"
            // beside "Top of the pops" does)
            // (the context's words before this one, each followed by one space, end at it)
            let before_context = || {
                let words_before = c.find(&format!(" {capitalized}")).map_or(0, |k| k + 1);
                doc.source.get(..span.start.saturating_sub(words_before)).map_or("", |head| word_ending_at(head, head.len()))
            };
            name_occurrences(text, c, following).any(|at| {
                let longer_name = || {
                    if !c.starts_with("of ") {
                        return false;
                    }
                    let there = word_ending_at(text, at);
                    crate::text::is_capitalized(there) && there != before_context()
                };
                in_running_text(at)
                    && (!after_context || (after_a_lowercase_word(text, at) && !title_in_two_styles(text, at, prev)))
                    && (after_context || !longer_name())
            })
        })
    }
}

/// Which occurrences at `at` in the text [`near`] `span` (starting at byte `lo`) are written in
/// a style comparable to the word's own. A title-case line capitalises every word: "on the
/// Military" or "Snopes Fact-Checker" there says nothing of "on the military" or "Snopes fact
/// checker" in running text, though it does of another title-case line ("In mind" beside a
/// heading's "In Mind").
fn comparable_style<'d>(doc: &'d Document<'_>, span: Span, lo: usize) -> impl Fn(usize) -> bool + 'd {
    let here_title_cased = doc.block_at(span.start).is_some_and(|b| doc.is_title_cased(b));
    move |at| here_title_cased || doc.block_at(lo + at).is_none_or(|b| !doc.is_title_cased(b))
}

/// Whether the capitalised name at `at` in `text` comes after `prev` capitalised, where `prev`
/// is lowercase here ("Attorney General Ann Lee" there, "attorney general Ann Lee" here): the
/// document writes the whole title in two styles, and capitalising this word alone would make
/// "attorney General". Such an occurrence proves nothing about the word.
fn title_in_two_styles(text: &str, at: usize, prev: &str) -> bool {
    // (a capitalised article opens a sentence: "The Labor Party is" says nothing of "the")
    if prev.is_empty() || !prev.chars().all(char::is_lowercase) || is_determiner(prev) {
        return false;
    }
    let title = capitalize(prev);
    text[..at]
        .strip_suffix(' ')
        .and_then(|there| there.strip_suffix(title.as_str()))
        .is_some_and(|rest| !rest.ends_with(char::is_alphanumeric))
}

/// Where `name` stands in `text` as a whole name that ends where this one ends: not going on
/// with another capital or "of" unless this one goes on the same way. "San Francisco Police
/// Department" is another name than "San Francisco police said"; "Prime Minister Manmohan
/// Singh" the same as "Prime minister Manmohan Singh".
fn name_occurrences<'a>(text: &'a str, name: &'a str, following: &'a str) -> impl Iterator<Item = usize> + 'a {
    occurrences_followed(text, name, following, false)
}

/// [`name_occurrences`] of a title before a person's name here ("District attorney Donald
/// Palik"): elsewhere the same title before another name ("District Attorney Ann Lee") counts.
fn title_occurrences<'a>(text: &'a str, name: &'a str, following: &'a str) -> impl Iterator<Item = usize> + 'a {
    occurrences_followed(text, name, following, following.starts_with(char::is_uppercase))
}

/// Where `name` stands in `text` followed by `following`, or by neither a capital nor "of";
/// any capital will do when `another_name` ("of" still will not).
fn occurrences_followed<'a>(text: &'a str, name: &'a str, following: &'a str, another_name: bool) -> impl Iterator<Item = usize> + 'a {
    whole_word_matches(text, name).filter(move |&at| {
        let next = first_word(&text[at + name.len()..]);
        next == following || !(next == "of" || (next.starts_with(char::is_uppercase) && !another_name))
    })
}

/// Whether what follows `head` (the text before it, spaces trimmed) opens a sentence: nothing
/// before it, or a sentence's end, a line break, an opening quotation mark or a colon.
fn opens_a_sentence(head: &str) -> bool {
    head.is_empty() || head.ends_with(['.', '!', '?', '\n', '"', '“', ':'])
}

/// Whether `at` in `text` follows a lowercase word or a comma and a space: mid-sentence, and
/// on its own, not the last word of a longer name ("the Civil Aviation Safety Authority says
/// it" is no evidence for "the authority says it").
fn after_a_lowercase_word(text: &str, at: usize) -> bool {
    let before = word_ending_at(text, at);
    before.ends_with(',') || (before.starts_with(char::is_lowercase) && before.ends_with(char::is_lowercase))
}

/// The word after one space at the start of `text`, without trailing punctuation.
fn first_word(text: &str) -> &str {
    let Some(rest) = text.strip_prefix(' ') else { return "" };
    rest.split([' ', '\n']).next().unwrap_or("").trim_end_matches(|c: char| !c.is_alphanumeric())
}

/// Words that start sentences, not names.
const CLOSED_CLASS: &[&str] = &[
    "the", "a", "an", "this", "that", "these", "those", "his", "her", "its", "their", "our", "my", "your", "and", "but", "or", "in", "on",
    "at", "for", "of", "to", "as", "by", "with", "from", "it", "he", "she", "they", "we", "i", "you", "if", "when", "while", "after",
    "before", "so",
];

/// Whether the document writes `part` capitalised after a first name ("Britney Spears", "Mick
/// Mars"): a first name is a word English capitalises often and rarely writes lowercase.
fn surname_here(doc: &Document<'_>, part: &str, span: Span) -> bool {
    let name = capitalize(part);
    let text = near(doc, span).1;
    let found = whole_word_matches(text, &name).any(|at| {
        let first = word_ending_at(text, at);
        // a person's name ends there: "Victorian Law Institute" names no one called Law
        let next = first_word(&text[at + name.len()..]);
        !(next == "of" || next.starts_with(char::is_uppercase))
            && crate::text::is_capitalized(first)
            && first.chars().all(char::is_alphabetic)
            && lexicon::lookup(first).is_some_and(|e| e.capitalized.is_some_and(|t| t <= Tier::Usual) && !e.common_lower())
    });
    found
}

/// Words after which a noun stands, not a person's name ("the bank", "their jobs").
const DETERMINERS: &[&str] =
    &["a", "an", "the", "this", "these", "those", "his", "her", "its", "their", "our", "my", "your", "every", "each", "any", "no", "some"];

fn is_determiner(word: &str) -> bool {
    DETERMINERS.contains(&crate::text::Lowercase::of(word).as_str())
}

/// Names made of two everyday words that English writes capitalised whatever the house style:
/// one half capitalised beside the other lowercase is a slip ("the United states", "the
/// Supreme court", "prime Minister").
const NAMES_OF_EVERYDAY_WORDS: &[(&str, &str)] = &[
    ("United", "States"),
    ("United", "Kingdom"),
    ("United", "Nations"),
    ("White", "House"),
    ("Wall", "Street"),
    ("European", "Union"),
    ("Soviet", "Union"),
    ("Middle", "East"),
    ("Red", "Cross"),
    ("Security", "Council"),
    ("Supreme", "Court"),
    ("Prime", "Minister"),
];

/// Whether the word at `span` is the lowercase half of one of [`NAMES_OF_EVERYDAY_WORDS`]
/// whose other half stands beside it capitalised.
fn half_of_a_known_name(doc: &Document<'_>, part: &str, span: Span) -> bool {
    let capitalized = capitalize(part);
    let (before, after) = (word_before(doc, span), first_word(&doc.source[span.end..]));
    NAMES_OF_EVERYDAY_WORDS
        .iter()
        .any(|&(first, second)| (second == capitalized && before == first) || (first == capitalized && after == second))
}

/// Whether the word before `span` is a determiner.
fn after_determiner(doc: &Document<'_>, span: Span) -> bool {
    is_determiner(word_before(doc, span))
}

/// Whether every use of `part` capitalised on its own mid-sentence (not inside a longer name,
/// "the Federal Government") comes right after "the", and there is one: "the Government".
fn only_after_the(doc: &Document<'_>, part: &str, span: Span) -> bool {
    let text = near(doc, span).1;
    let name = capitalize(part);
    let mut after_the = false;
    for at in whole_word_matches(text, &name) {
        let prev = word_ending_at(text, at);
        let next = first_word(&text[at + name.len()..]);
        if (prev.starts_with(char::is_uppercase) && !prev.eq_ignore_ascii_case("the"))
            || next == "of"
            || next.starts_with(char::is_uppercase)
            || opens_a_sentence(text[..at].trim_end_matches(' '))
        {
            continue; // inside a longer name, or opening a sentence
        }
        if !prev.eq_ignore_ascii_case("the") {
            return false;
        }
        after_the = true;
    }
    after_the
}

/// Whether the document writes `part` capitalised right after a determiner ("the Fed").
fn capitalised_after_determiner(doc: &Document<'_>, part: &str, span: Span) -> bool {
    let text = near(doc, span).1;
    whole_word_matches(text, &capitalize(part)).any(|at| is_determiner(word_ending_at(text, at)))
}

/// Whether the word at `span` stands where a person's name does: before a possessive, an age
/// or a verb ("hanks' partner", "mars, 53,", "spears married"), not before a noun ("brown
/// envelope").
fn used_as_a_name(doc: &Document<'_>, span: Span) -> bool {
    // "where a bush had been planted": after a determiner stands a noun
    if after_determiner(doc, span) {
        return false;
    }
    let rest = &doc.source[span.end..];
    if rest.starts_with(['\'', '’']) {
        return true;
    }
    if let Some(age) = rest.strip_prefix(", ") {
        let digits = age.chars().take_while(char::is_ascii_digit).count();
        if (1..=3).contains(&digits) && age[digits..].starts_with([',', ')']) {
            return true;
        }
    }
    let next = first_word(rest);
    next.len() > 3 && next.ends_with("ed")
        || matches!(next, "said" | "says" | "told" | "has" | "had" | "is" | "was" | "will" | "would" | "could" | "added")
}

/// Whether the word at `span` is joined by "and" or "or" to a name mid-sentence, a
/// capitalised word that is no everyday English word ("Facebook and twitter", "twitter or
/// Instagram").
fn paired_with_a_name(doc: &Document<'_>, span: Span) -> bool {
    let is_name = |w: &str| {
        w.len() >= 3
            && crate::text::is_capitalized(w)
            && w.chars().all(char::is_alphabetic)
            && lexicon::lookup(w).is_none_or(|e| !e.common_lower())
    };
    let head = &doc.source[..span.start];
    let before = head.strip_suffix(" and ").or_else(|| head.strip_suffix(" or ")).map(|h| {
        let name = h.rsplit([' ', '\n']).next().unwrap_or("");
        let ahead = h[..h.len() - name.len()].trim_end_matches(' ');
        (name, ahead.ends_with(|c: char| c.is_alphanumeric() || c == ','))
    });
    if before.is_some_and(|(name, mid_sentence)| mid_sentence && is_name(name)) {
        return true;
    }
    let rest = &doc.source[span.end..];
    let after = rest.strip_prefix(" and ").or_else(|| rest.strip_prefix(" or "));
    after.is_some_and(|r| is_name(r.split([' ', '\n']).next().unwrap_or("").trim_end_matches(|c: char| !c.is_alphanumeric())))
}

/// Whether the everyday word at `span` is a verb here: after a subject pronoun or quantifier
/// and before a preposition or an object ("many marvel at", "they bank on", "we trust the"),
/// where a name would not stand, whatever the document capitalises elsewhere.
fn verb_here(doc: &Document<'_>, span: Span) -> bool {
    const SUBJECTS: &[&str] = &["i", "we", "you", "they", "many", "few", "most", "some", "others", "both", "all"];
    const AFTER: &[&str] = &[
        "at", "in", "on", "over", "about", "that", "to", "with", "from", "for", "by", "the", "a", "an", "his", "her", "their", "its", "it",
        "them", "him", "us", "me",
    ];
    let before = word_before(doc, span);
    let subject = SUBJECTS.contains(&crate::text::Lowercase::of(before).as_str());
    subject && AFTER.contains(&first_word(&doc.source[span.end..]))
}

/// Whether the span is one part of a hyphenated word ("decker" in "double-decker").
fn is_word_part(doc: &Document<'_>, span: Span) -> bool {
    let before = crate::text::char_before(doc.source, span.start);
    let after = crate::text::char_at(doc.source, span.end);
    matches!(before, Some('-' | '‐')) || matches!(after, Some('-' | '‐'))
}

/// The word before `span`, if it is in the same line.
fn word_before<'a>(doc: &Document<'a>, span: Span) -> &'a str {
    word_ending_at(doc.source, span.start)
}

/// The word that ends one space before byte `at` of `text` (after a space, a line break, a
/// parenthesis or a quotation mark), or "" when no space comes right before `at`.
fn word_ending_at(text: &str, at: usize) -> &str {
    let head = text[..at].strip_suffix(' ').unwrap_or("");
    head.rsplit([' ', '\n', '(', '"', '“']).next().unwrap_or("")
}

/// Whether the word before `span`, with one space between, is a capitalised word that is no
/// everyday English word, mid-sentence: a first name ("Zadie smith").
fn after_a_name(doc: &Document<'_>, span: Span) -> bool {
    // (not the module's [`DETERMINERS`]: "that" counts here, "these", "every", "no" and the
    // like do not, as this test has always had it)
    const QUALIFIERS: &[&str] = &["a", "an", "the", "this", "that", "his", "her", "its", "their", "our", "my", "your"];
    let Some(head) = doc.source[..span.start].strip_suffix(' ') else { return false };
    let prev = word_before(doc, span);
    // (the word's own tests first: most words before are no capitalised word)
    if !(crate::text::is_capitalized(prev) && prev.chars().count() >= 2 && prev.chars().all(char::is_alphabetic)) {
        return false;
    }
    let before = head[..head.len() - prev.len()].trim_end_matches(' ');
    let mid_sentence = before.ends_with(|c: char| c.is_alphanumeric() || c == ',');
    // "a London cook": after a determiner the capitalised word qualifies a noun
    let determiner = before.rsplit(' ').next().is_some_and(|w| QUALIFIERS.iter().any(|d| w.eq_ignore_ascii_case(d)));
    mid_sentence && !determiner && lexicon::lookup(prev).is_none_or(|e| e.lower.is_none())
}

/// "Mr gill", "Dr no": after a title comes a name.
/// Also after an office English writes before a surname and before no common noun ("President
/// bush", "Senator kerry", "King juan"); a "General election" is no one's name, and a word with
/// a function word after it is the office's verb ("Judge rules that", "President signs the").
fn after_honorific(doc: &Document<'_>, span: Span) -> bool {
    const HONORIFICS: &[&str] = &["Mr", "Mrs", "Ms", "Dr", "Mr.", "Mrs.", "Ms.", "Dr.", "Sir", "Dame", "Lord", "Lady"];
    const OFFICES: &[&str] = &[
        "President",
        "Senator",
        "Governor",
        "Judge",
        "Sergeant",
        "Colonel",
        "Prince",
        "Princess",
        "King",
        "Queen",
        "Pope",
        "Professor",
        "Reverend",
        "Bishop",
        "Premier",
        "Chancellor",
    ];
    let before = word_before(doc, span);
    HONORIFICS.contains(&before)
        || (OFFICES.contains(&before)
            && !lexicon::is_function_word(crate::text::Lowercase::of(first_word(&doc.source[span.end..])).as_str()))
}

#[cfg(test)]
mod tests {
    use crate::diagnostic::Applicability::Safe;
    use crate::rules::testing::{fixed, flagged};

    /// The words flagged in `text` (title line, blank line, paragraphs) and the safely fixed text.
    fn check(text: &str) -> (Vec<String>, String) {
        (flagged("proper-noun-case", text), fixed("proper-noun-case", text, Safe))
    }

    #[test]
    fn of_the_ending_another_name_is_no_context_for_the_word() {
        // "the end of the week" beside "the Photo of the Week" said three times
        let text = "Photos\n\nThe paper prints the Photo of the Week. The Drawing of the Week went to a pupil. The \
                    Recipe of the Week drew letters. By the end of the week all were read.\n";
        assert!(check(text).0.is_empty(), "{:?}", check(text).0);
        // the same name around it here and there: "Top of the pops" beside "Top of the Pops"
        let text = "Chart\n\nHe sang on Top of the Pops in April and on Top of the Pops in May. Fans said the way \
                    for Top of the pops to do that was live.\n";
        assert_eq!(check(text).0, ["pops"]);
        // a name before another context still leaves the context: "Ann Lee for Treasury
        // secretary" beside "his choice for treasury secretary"
        let text = "Cabinet\n\nThe president named Ann Lee for Treasury secretary on Monday, after Tom Ray for \
                    Treasury secretary was dropped. Lee was his choice for treasury secretary all along.\n";
        assert_eq!(check(text).0, ["treasury"]);
    }

    #[test]
    fn a_title_before_a_name_elsewhere_before_another_name() {
        let text = "Court\n\nDistrict Attorney Ann Lee filed the motion. Later, Assistant District attorney Donald Palik \
                    said the papers would be released.\n";
        assert_eq!(check(text).0, ["attorney"]);
        // the word after the next one must match too when the name goes on: "the east Coast
        // storm" beside "the East Coast storm"
        let text = "Storm\n\nForecasters said the East Coast storm would pass. Flights along the east Coast storm track were cut.\n";
        assert_eq!(check(text).0, ["east"]);
        // a name of its own that goes on elsewhere proves nothing: "the top of the US chart"
        // beside "Top of the Pops"
        let text = "Chart\n\nHe sang on Top of the Pops in April. The album went to the top of the US chart.\n";
        assert!(check(text).0.is_empty(), "{:?}", check(text).0);
    }

    #[test]
    fn a_name_opening_a_sentence_is_the_name_written_inside_others() {
        let text = "Game\n\nThe studio's Shovel Knight sold well. Fans said the new Shovel Knight level was hard. \
                    Shovel knight was funded on Kickstarter.\n";
        let (flagged, fixed) = check(text);
        assert_eq!(flagged, ["knight"]);
        assert!(fixed.contains("Shovel Knight was funded"), "{fixed}");
        // written so once inside a sentence, or only at sentence starts, the pair is no name
        let text = "Game\n\nThe studio's Shovel Knight sold well. Shovel Knight was hard. Shovel knight tools \
                    were sold.\n";
        assert!(check(text).0.is_empty(), "{:?}", check(text).0);
        let text = "Snow\n\nShovel Knight sold well. Shovel Knight was hard. Shovel knight tools were sold.\n";
        assert!(check(text).0.is_empty(), "{:?}", check(text).0);
    }

    #[test]
    fn a_prefixed_english_word_inside_one_name_is_no_name() {
        let text = "Chaos\n\nHe wrote the paper titled Deterministic Nonperiodic Flow in 1963. The flow was \
                    nonperiodic, and the weather could not be predicted.\n";
        assert!(check(text).0.is_empty(), "{:?}", check(text).0);
        // named alone mid-sentence, named twice, or after a first name: a name
        let text = "Chaos\n\nHe works at Nonperiodic now. The firm is called nonperiodic by its staff.\n";
        assert_eq!(check(text).0, ["nonperiodic"]);
        let text = "Beer\n\nAlfa owns a stake in Sun Interbrew. Belgium's Interbrew bought it. Ambev said that \
                    interbrew would pay.\n";
        assert_eq!(check(text).0, ["interbrew"]);
        let text = "Senate\n\nThe bill was written by Tom Coburn last year. Critics said coburn had gone too far.\n";
        assert_eq!(check(text).0, ["coburn"]);
    }

    #[test]
    fn an_everyday_word_paired_with_a_name_is_a_name() {
        let text = "Stores\n\nStaff post on Twitter daily. The chain said Twitter helped. We talk to shoppers on \
                    Facebook and twitter every week.\n";
        assert_eq!(check(text).0, ["twitter"]);
        // beside an everyday word, or named once, it is no name
        let text = "Stores\n\nStaff post on Twitter daily. The chain said Twitter helped. Birds chirp and twitter at \
                    dawn.\n";
        assert!(check(text).0.is_empty(), "{:?}", check(text).0);
    }

    #[test]
    fn an_initialism_before_the_name_ends_no_sentence() {
        let text = "Seats\n\nIf the newest Census Bureau estimates hold, the state gains seats. That waits until the U.S. \
                    Census bureau completes its tallies.\n";
        assert_eq!(check(text).0, ["bureau"]);
        // after a real sentence end an everyday word's capital is no evidence
        let text = "Seats\n\nThe estimates came from the census. Census staff said the Staff Bureau had not yet \
                    counted. Census bureau staff agreed.\n";
        assert!(check(text).0.is_empty(), "{:?}", check(text).0);
    }

    #[test]
    fn an_everyday_word_the_document_uses_as_a_persons_surname() {
        let text = "Court\n\nThe drummer Kevin Stone is being sued. Lawyers said Stone owed rent. She says stone, 41, has not paid.\n";
        let (flagged, fixed) = check(text);
        assert_eq!(flagged, ["stone"]);
        assert!(fixed.contains("says Stone, 41,"), "{fixed}");
        let text = "Court\n\nThe drummer Kevin Stone is being sued. Lawyers said Stone owed rent. Later stone walls collapsed.\n";
        assert!(check(text).0.is_empty(), "before a noun it is the everyday word");
        // a title inside a longer name is no surname: "New York Senator Schumer"
        let text = "Senate\n\nNew York Senator Charles Schumer spoke. Senator Leahy agreed. The senator said it was wrong.\n";
        assert!(check(text).0.is_empty());
    }

    #[test]
    fn a_persons_surname_takes_no_determiner() {
        // the founder's surname, then the everyday word after a determiner
        let text = "Speed\n\nThe engineer Larry Page built the index, and Page said speed mattered. Staff say Page \
                    hired them, and later Page left. He waited for the page to load.\n";
        assert!(check(text).0.is_empty(), "{:?}", check(text).0);
        let text = "Speed\n\nThe engineer Larry Page built the index, and Page said speed mattered. Staff say Page \
                    hired them, and later Page left. Staff asked about their page, and left.\n";
        assert!(check(text).0.is_empty(), "{:?}", check(text).0);
        // a name the document itself writes after a determiner stays a name
        let text = "Speed\n\nThe engineer Larry Page built it, and the Page said speed mattered. Staff say Page \
                    hired them, and later Page left. He waited for the page to load.\n";
        assert_eq!(check(text).0, ["page"]);
        let text = "Speed\n\nThe Mirror printed it, and the Mirror said speed mattered. Staff say the Mirror hired \
                    them, and later Mirror staff left. He waited for the mirror to load.\n";
        assert_eq!(check(text).0, ["mirror"]);
        // after a title it is the person
        let text = "Speed\n\nThe engineer Larry Page built the index, and Page said speed mattered. Staff say Page \
                    hired them, and later Page left. Staff say Mr page was shy.\n";
        assert_eq!(check(text).0, ["page"]);
    }

    #[test]
    fn a_capitalised_part_of_a_hyphenated_name_is_no_evidence() {
        // "Parasites" stands only inside "X-Parasites", a name of two capitalised parts
        let text = "Game\n\nThe hunter fought the X-Parasites, and the X-Parasites spread, so the X-Parasites won. \
                    Scientists studied the parasites for years.\n";
        assert!(check(text).0.is_empty(), "{:?}", check(text).0);
        // on its own, several times, it is evidence
        let text = "Game\n\nThe hunter fought the Parasites, and the Parasites spread, so the Parasites won. \
                    Scientists studied the parasites for years.\n";
        assert_eq!(check(text).0, ["parasites"]);
    }

    #[test]
    fn a_part_of_a_files_name_is_left_as_written() {
        let text = "Tests\n\nMocha runs the tests. We like Mocha, and Mocha is quick. Source files: blanket.js, mocha-blanket.js\n";
        assert!(check(text).0.is_empty(), "{:?}", check(text).0);
    }

    #[test]
    fn a_word_quoted_alone_is_cited_as_written() {
        let text = "Signs\n\nBruce made the sign for Bruce himself. The neon spells out the name “bruce” in lowercase.\n";
        assert!(check(text).0.is_empty(), "{:?}", check(text).0);
        let text = "Signs\n\nBruce made the sign for Bruce himself. The neon spells out bruce in lowercase.\n";
        assert_eq!(check(text).0, ["bruce"]);
    }

    #[test]
    fn a_function_word_is_no_name() {
        // a title of a work capitalises "Now"; the adverb is never a name
        let text = "Show\n\nThe series Now and Then ran in 1999. Fans of Now and Then met. Critics of Now and Then \
                    agreed. Its heroine holds a now empty flask.\n";
        assert!(check(text).0.is_empty(), "{:?}", check(text).0);
    }

    #[test]
    fn a_country_named_once_whose_everyday_twin_is_never_written() {
        let text = "Talks\n\nTurkey wants to join. Growth returned as Turkey began reforms. Leaders set a date for \
                    the start of turkey's accession talks.\n";
        let (flagged, fixed) = check(text);
        assert_eq!(flagged, ["turkey"]);
        assert!(fixed.contains("start of Turkey's accession"), "{fixed}");
        // the bird, written lowercase more than once, in a text that names the country
        let text = "Dinner\n\nFarmers in Turkey sold more birds. The turkey was roasted, and the turkey fed ten.\n";
        assert!(check(text).0.is_empty(), "{:?}", check(text).0);
    }

    #[test]
    fn a_surname_after_another_first_name_before_punctuation() {
        let text = "Prize\n\nThe prize went to Ali Smith this year. Earlier winners include a novel by Zadie smith, in 2000.\n";
        assert_eq!(check(text).0, ["smith"]);
        // a noun after a determiner and a place, and the word before a noun
        let text = "Food\n\nWe booked with Thomas Cook. The meal was made by a London cook, who trained in Paris.\n";
        assert!(check(text).0.is_empty(), "{:?}", check(text).0);
        let text = "Prize\n\nThe prize went to Ali Smith this year. She met Zadie smith shops in town.\n";
        assert!(check(text).0.is_empty(), "{:?}", check(text).0);
    }

    #[test]
    fn a_capitalised_the_mid_sentence_opens_a_name() {
        let text = "Charts\n\nThe rapper The Game tops the chart. His album came five weeks after The game's debut single.\n";
        assert_eq!(check(text).0, ["game"]);
        // at a sentence start "The" is any sentence's first word
        let text = "Charts\n\nThe rapper The Game tops the chart. The game's first half was dull.\n";
        assert!(check(text).0.is_empty(), "{:?}", check(text).0);
    }

    #[test]
    fn two_words_of_context_with_an_apostrophe() {
        let text = "TV\n\nThe series Who's Your Daddy drew few viewers. Critics said Who's Your daddy, the first episode, was weak.\n";
        assert_eq!(check(text).0, ["daddy"]);
    }

    #[test]
    fn a_name_written_as_a_possessive_here_is_the_name() {
        let text = "Rates\n\nRates are in line with the Treasury and Bank of England forecasts. Later the bank of \
                    England's nine-strong committee met.\n";
        assert_eq!(check(text).0, ["bank"]);
        let text = "Jets\n\nThe figures come from industry magazine Flight International. The range is thin, said \
                    flight International's Mr Learmount.\n";
        assert_eq!(check(text).0, ["flight"]);
    }

    #[test]
    fn a_title_case_line_is_no_context_for_running_text() {
        // the title repeated as a paragraph capitalises every word
        let text = "Interest Will Cost More Than the Army\n\nInterest Will Cost More Than on the Military\n\nThe \
                    government could soon pay more in interest than it spends on the military, schools or roads.\n";
        assert!(check(text).0.is_empty(), "{:?}", check(text).0);
        // nor a name before it ("Snopes Fact-Checker" in the title)
        let text = "Snopes Fact-Checker Asks a Question\n\nThe Snopes fact checker and staff writer posted to Twitter \
                    on Monday.\n";
        assert!(check(text).0.is_empty(), "{:?}", check(text).0);
        // in running text, the same two words before it are the name
        let text = "Budget\n\nThe bill spends more on the Military this year. Next year it spends more on the \
                    military, schools or roads.\n";
        assert_eq!(check(text).0, ["military"]);
        // and a heading speaks for another heading
        let text = "Guide\n\nWrite With Depth In Mind\n\nEdit With Depth In mind\n\nA paragraph of the guide comes here.\n";
        assert_eq!(check(text).0, ["mind"]);
    }

    #[test]
    fn a_title_written_in_two_styles_is_not_one_words_slip() {
        // "attorney general" here, "Attorney General" there: capitalising "general" alone
        // would make "attorney General".
        let text = "Lawsuit Filed\n\nThe suit was filed by the state's attorney general Ann Lee in March. Later the \
                    Attorney General Ann Lee told reporters the firm had misled buyers.\n";
        assert!(check(text).0.is_empty(), "{:?}", check(text).0);
        // The same name after another word is still the name: "said general Ann Lee".
        let text = "Lawsuit Filed\n\nThe suit was filed in March, said general Ann Lee on Monday. Later the \
                    Attorney General Ann Lee told reporters the firm had misled buyers.\n";
        assert_eq!(check(text).0, ["general"]);
    }

    #[test]
    fn an_everyday_word_used_as_a_verb_is_no_name() {
        // "Wonder" is the studio here, written so three times; "many wonder at" is the verb.
        let text = "Studio History\n\nThe studio Wonder grew fast. Fans of Wonder queued. Critics said Wonder won. Many wonder at \
                    the speed of it all.\n";
        assert!(check(text).0.is_empty(), "{:?}", check(text).0);
        let text = "Studio History\n\nThe studio Wonder grew fast. Fans of Wonder queued. Critics said Wonder won. Even \
                    wonder staff left.\n";
        assert_eq!(check(text).0, ["wonder"]);
    }

    #[test]
    fn a_name_english_only_capitalises_needs_no_evidence() {
        let (flagged, fixed) = check("Talks resume\n\nThe negotiators will meet again on monday in the capital.\n");
        assert_eq!(flagged, ["monday"]);
        assert_eq!(fixed, "Talks resume\n\nThe negotiators will meet again on Monday in the capital.\n");
    }

    #[test]
    fn a_name_in_no_lexicon_needs_one_capitalised_mention() {
        let text = "Visit ends\n\nThe minister met Fumio Tazaki on Friday. Reporters said tazaki looked tired.\n";
        assert_eq!(check(text).0, ["tazaki"]);
        assert!(check("Visit ends\n\nReporters said tazaki looked tired.\n").0.is_empty());
    }

    #[test]
    fn an_everyday_word_needs_strong_evidence() {
        // One capitalised use is no reason to capitalise "bank".
        assert!(check("Rates\n\nThe Bank raised rates on Thursday. Savers said the bank had waited too long.\n").0.is_empty());
        // After a title, a lowercase word is a name.
        let (flagged, fixed) = check("Rates\n\nMr Gill said rates would rise. However, Mr gill added that the rise was small.\n");
        assert_eq!(flagged, ["gill"]);
        assert!(fixed.contains("Mr Gill added"));
        // The same two-word name written capitalised elsewhere.
        let text = "Loans\n\nThe World Bank lent more this year. Critics of the World bank said the loans came late.\n";
        assert_eq!(check(text).0, ["bank"]);
    }

    /// A label before its number ("Bug 1553982", "Room 101") names that one thing: no evidence
    /// that the word alone is a name.
    #[test]
    fn a_label_before_a_number_is_no_evidence() {
        let text = "Nightly Notes\n\nThe team closed Bug 1553982, fixed Bug 353804 and landed Bug 1678173 this week. \
                    It also fixed a bug where tabs froze.\n";
        assert!(check(text).0.is_empty());
        let text = "Nightly Notes\n\nThe board met in Room 4. Staff moved to the Room upstairs, and the Room was full, and the \
                    Room was cold. Nobody liked the room at all.\n";
        assert_eq!(check(text).0, ["room"]);
    }

    #[test]
    fn a_longer_name_elsewhere_is_another_name() {
        let text = "Arrest\n\nThe San Marco Police Department confirmed the arrest. San Marco police said the man was released.\n";
        assert!(check(text).0.is_empty());
        let text = "Loans\n\nThe Bank of Tarland lent more this year, and the bank itself grew.\n";
        assert!(check(text).0.is_empty());
    }

    #[test]
    fn an_ordinary_lowercase_use_elsewhere_keeps_the_word_common() {
        let text = "Jobs\n\nLabour won the vote on Tuesday. Labour said the labour market was strong and labour costs rose.\n";
        assert!(check(text).0.is_empty());
    }

    #[test]
    fn short_pieces_of_hyphenated_words_and_addresses_are_left_alone() {
        let text =
            "Schedules\n\nThe Sci-Fi Channel showed a new series. Viewers like sci-fi drama, and more is at tarland.example.org today.\n";
        assert!(check(text).0.is_empty());
        assert!(check("Talks\n\nFollow #monday updates from @monday online.\n").0.is_empty());
    }

    #[test]
    fn non_english_documents_are_not_checked() {
        let text = "Le budget\n\nle conseil a adopté lundi le budget de la ville. selon la mairie, les travaux commenceront au printemps prochain et dureront deux ans. les habitants de norway sont contents.\n";
        assert!(check(text).0.is_empty());
    }

    #[test]
    fn a_generic_use_beside_the_longer_name_it_shortens() {
        // "the Port Safety Authority says it" is no evidence for "the authority says it"
        let text = "Ferries\n\nThe Port Safety Authority says it will inspect the ferry. The Port Safety \
                    Authority says it has a team ready. Later the authority says it found a fault.\n";
        assert!(check(text).0.is_empty(), "{:?}", check(text).0);
        // "Northern Law Society" names no one called Law: "under federal law," is generic
        let text = "Court\n\nThe head of the Northern Law Society, Jane Moss, spoke. He could be charged \
                    under federal law, the only such charge.\n";
        assert!(check(text).0.is_empty(), "{:?}", check(text).0);
        // a name written only as "the Council": without a determiner the word is generic
        let text = "Rates\n\nThe City Council met. Residents asked the Council for help, and the Council \
                    agreed to a review of the rates the Council sets. It will not need other council funds.\n";
        assert!(check(text).0.is_empty(), "{:?}", check(text).0);
        // after "the", as the document writes it, it is the name
        let text = "Rates\n\nThe City Council met. Residents asked the Council for help, and the Council \
                    agreed to a review of the rates the Council sets. Later the council said no.\n";
        assert_eq!(check(text).0, ["council"]);
        // before a name it is the name's title, as written elsewhere: "Inspector Hale"
        let text = "Case\n\nThe car stopped as Inspector Hale got out. Later the Inspector left, and \
                    the Inspector came back. They told inspector Hale everything.\n";
        assert_eq!(check(text).0, ["inspector"]);
    }

    #[test]
    fn a_capitalised_word_closing_the_clause_is_context_without_its_mark() {
        // "reserve Bank." beside the fuller "The Reserve Bank of …"
        let text = "Rates\n\nThe Reserve Bank of Australia lifted rates. Growth is slowing, said the Governor of the reserve Bank.\n";
        assert_eq!(check(text).0, ["reserve"]);
        // another name going on with a capitalised word elsewhere says nothing; a lowercase
        // word closing the clause is no name here
        for text in [
            "Aid\n\nThe World Bank Group said so. He left the world Bank.\n",
            "Aid\n\nThe Reserve Bank of Australia lifted rates. He kept a reserve bank.\n",
        ] {
            assert!(check(text).0.is_empty(), "{text}: {:?}", check(text).0);
        }
    }

    #[test]
    fn titles_halves_of_known_names_and_one_word_of_context() {
        // after an office written before a surname
        let text =
            "Talks\n\nThe visit came as Governor Ana Reyes spoke. Later Governor Reyes left.\n\nGovernor reyes says the plan stands.\n";
        assert_eq!(check(text).0, ["reyes"]);
        // a verb after the office, a function word after it, is no name
        let text = "Budget\n\nThe Road Signs Act passed. Voters read the Warning Signs report.\n\nPresident signs the bill today.\n";
        assert!(check(text).0.is_empty(), "{:?}", check(text).0);
        // a title before another person's name than the one it has elsewhere
        let text = "Talks\n\nHe met Foreign Minister Ana Reyes in May.\n\nHe will meet foreign Minister Tom Hale next.\n";
        assert_eq!(check(text).0, ["foreign"]);
        // one half of a name English always capitalises, the other half capitalised beside it
        let text = "Trade\n\nThe deal needs the United States Congress. Talks with the United states resume.\n";
        assert_eq!(check(text).0, ["states"]);
        // a capitalised article opening a sentence is no capital of the title
        let text = "Vote\n\nThe Green Party is split. A rule forcing Green members to vote stands. There is a call for \
                    the green Party to change.\n";
        assert_eq!(check(text).0, ["green"]);
        // one word of context each side, the article in either case
        let text = "Raid\n\nThe troops came from a base in the south, the Ministry said. The ministry said they were safe.\n";
        assert_eq!(check(text).0, ["ministry"]);
        // a title opening a sentence before a name, as it opens another sentence elsewhere
        let text = "Arrest\n\nThe car was found in town. Chief Inspector Ana Reyes says the driver fled.\n\nChief inspector Reyes says he was caught.\n";
        assert_eq!(check(text).0, ["inspector"]);
        // a nation's adjective, capitalised in every style (even where "the French" alone
        // would make the word generic)
        let text = "Talks\n\nReporters from the French media covered the visit.\n\nHe met french officials later.\n";
        assert_eq!(check(text).0, ["french"]);
        // an everyday noun after a word that is a title only before a name
        let text = "Polls\n\nThe General Assembly met. General election turnout was low, the General said.\n";
        assert!(check(text).0.is_empty(), "{:?}", check(text).0);
    }
}
