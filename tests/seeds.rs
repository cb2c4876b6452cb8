//! Acceptance on the five scraped seed articles in ../shared (ignored unless `--ignored`, which
//! .ci/run passes when ../shared exists): every
//! `must` row of seeds-expected.tsv is found by its rule, and the clean regions of
//! seeds-clean.tsv get no warning or error.

mod common;

use common::{default_rules, lint_file, require_shared};

fn rule_for(category: &str) -> &'static str {
    match category {
        "typo" => "typo",
        "spacing" => "missing-space",
        "possessive" => "possessive",
        "proper-noun-case" => "proper-noun-case",
        "sentence-case" => "sentence-case",
        "heading-case" => "heading-case",
        "boilerplate" => "boilerplate",
        "clickbait" => "clickbait",
        "duplicate" => "duplicate-line",
        "quotes" => "quote-mismatch",
        "empty-section" => "empty-section",
        "emphasis-in-heading" => "emphasis-in-heading",
        "tortured-phrase" => "tortured-phrase",
        other => panic!("unknown category {other}"),
    }
}

fn rows(text: &str) -> impl Iterator<Item = Vec<&str>> {
    text.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()).map(|l| l.split('\t').collect())
}

#[test]
#[ignore = "needs ../shared"]
fn seeds_must_rows_are_found_and_clean_regions_are_silent() {
    let shared = require_shared("acceptance/seeds-expected.tsv");
    let (seeds, acceptance) = (shared.join("seeds"), shared.join("acceptance"));
    let expected = std::fs::read_to_string(acceptance.join("seeds-expected.tsv")).expect("seeds-expected.tsv");
    let rules = default_rules();
    let mut misses = Vec::new();
    for row in rows(&expected) {
        let (file, line, needle, category, need) = (row[0], row[1].parse::<usize>().unwrap(), row[2], row[3], row[4]);
        if need != "must" {
            continue;
        }
        let (source, diagnostics) = lint_file(&seeds.join(file), rules);
        let starts = copydesk::document::line_starts(&source);
        let line_start = starts[line - 1];
        let line_end = starts.get(line).map_or(source.len(), |&e| e - 1);
        let at = source[line_start..line_end].find(needle).map(|i| line_start + i).expect("needle on its line");
        let line_level =
            ["boilerplate", "clickbait", "duplicate", "empty-section", "heading-case", "emphasis-in-heading"].contains(&category);
        let (lo, hi) = if line_level { (line_start, line_end) } else { (at.saturating_sub(2), at + needle.len() + 2) };
        let rule = rule_for(category);
        if !diagnostics.iter().any(|d| d.rule == rule && d.span.start < hi && d.span.end > lo) {
            misses.push(format!("{file}:{line} {category} {needle:?}"));
        }
    }
    assert!(misses.is_empty(), "missed must rows: {misses:#?}");

    let clean = std::fs::read_to_string(acceptance.join("seeds-clean.tsv")).unwrap_or_default();
    let mut false_positives = Vec::new();
    for row in rows(&clean) {
        let (file, first, last) = (row[0], row[1].parse::<usize>().unwrap(), row[2].parse::<usize>().unwrap());
        let (source, diagnostics) = lint_file(&seeds.join(file), rules);
        let starts = copydesk::document::line_starts(&source);
        let lo = starts[first - 1];
        let hi = starts.get(last.min(starts.len())).copied().unwrap_or(source.len());
        for d in diagnostics.iter().filter(|d| d.severity >= copydesk::diagnostic::Severity::Warning) {
            if d.span.start < hi && d.span.end > lo {
                false_positives.push(format!("{file}: {} {}", d.rule, d.message));
            }
        }
    }
    assert!(false_positives.is_empty(), "false positives in clean regions: {false_positives:#?}");
}
