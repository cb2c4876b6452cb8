//! Odd input never crashes copydesk, stays linear, and keeps spans exact.

mod common;

use assert_cmd::Command;
use copydesk::config::LoadedConfig;
use std::fs;
use std::time::{Duration, Instant};

fn copydesk() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_copydesk"));
    cmd.env("NO_COLOR", "1");
    cmd
}

/// Lint and check every span is in bounds and on char boundaries.
fn lint_checked(text: &str, name: &str) -> Vec<copydesk::diagnostic::Diagnostic> {
    let diagnostics = copydesk::lint_source(text, name, common::default_rules());
    for d in &diagnostics {
        assert!(d.span.end <= text.len() && text.is_char_boundary(d.span.start) && text.is_char_boundary(d.span.end), "{d:?}");
    }
    diagnostics
}

#[test]
fn a_one_megabyte_single_line() {
    let sentence = "The council met sence Monday and the vote passed.As expected, nobody objected. ";
    let line = sentence.repeat(1_000_000 / sentence.len() + 1);
    let started = Instant::now();
    let diagnostics = lint_checked(&line, "line.txt");
    assert!(started.elapsed() < Duration::from_secs(60), "took {:?}", started.elapsed());
    let typos = diagnostics.iter().filter(|d| d.rule == "typo").count();
    assert_eq!(typos, line.matches("sence").count(), "every repetition is found");
}

#[test]
fn deeply_nested_markdown() {
    let depth = 2_000;
    let quotes = format!("# Title Here\n\n{} a quote sence then\n", ">".repeat(depth));
    let lists: String = (0..depth).map(|i| format!("{}- item sence {i}\n", "  ".repeat(i))).collect();
    let emphasis = format!("# Title Here\n\n{}text{}\n", "*_".repeat(depth), "_*".repeat(depth));
    for (name, text) in [("q.md", quotes), ("l.md", format!("# Title Here\n\n{lists}")), ("e.md", emphasis)] {
        lint_checked(&text, name);
    }
}

#[test]
fn ten_thousand_item_lists_are_linear() {
    let items = |n: usize| -> String { (0..n).map(|i| format!("- item number {i} is fine\n")).collect() };
    for (name, prefix) in [("list.md", "# A Long List\n\n"), ("list.txt", "A Long List\n")] {
        let started = Instant::now();
        lint_checked(&format!("{prefix}{}", items(1_000)), name);
        let small = started.elapsed();
        let started = Instant::now();
        let diagnostics = lint_checked(&format!("{prefix}{}- Item sence\n", items(10_000)), name);
        let large = started.elapsed();
        assert!(diagnostics.iter().any(|d| d.rule == "typo"));
        // 10x the items may take about 10x the time; quadratic behaviour would take ~100x.
        assert!(large < small * 40 + Duration::from_millis(500), "{name}: 1k items {small:?}, 10k items {large:?}");
    }
}

#[test]
fn empty_bom_only_and_whitespace_files() {
    for text in ["", "\u{FEFF}", "\n\n\n", "\r\n", "   \t  ", "\u{FEFF}# \n"] {
        lint_checked(text, "t.md");
        lint_checked(text, "t.txt");
    }
}

#[cfg(unix)]
#[test]
fn a_symlink_loop_is_reported_and_the_rest_linted() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("a")).unwrap();
    std::os::unix::fs::symlink(dir.path(), dir.path().join("a/loop")).unwrap();
    fs::write(dir.path().join("a/story.txt"), "Council Approves Budget\nThe council met sence Monday.\n").unwrap();
    let assert = copydesk().current_dir(dir.path()).args(["lint", "--format", "compact", "."]).assert().code(2);
    let out = assert.get_output();
    assert!(String::from_utf8_lossy(&out.stderr).contains("loop"), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stdout).contains("a/story.txt:2:17: warning[typo]"));
}

#[test]
fn hostile_config_patterns_are_refused() {
    let huge = "a".repeat(copydesk::config::MAX_PATTERN_LEN + 1);
    let text = format!("[[custom]]\nid = \"big\"\npattern = \"{huge}\"\nmessage = \"m\"\n");
    let err = LoadedConfig::from_user_text("t.toml", &text, None).unwrap_err();
    assert!(err.message.contains("longer than"), "{}", err.message);
    // A pattern that compiles to an enormous automaton hits the size limit instead of eating memory.
    let blowup = r"[\\p{L}\\p{N}]{1000}[\\p{L}\\p{N}]{1000}[\\p{L}\\p{N}]{1000}";
    let text = format!("[[custom]]\nid = \"blowup\"\npattern = \"{blowup}\"\nmessage = \"m\"\n");
    let err = LoadedConfig::from_user_text("t.toml", &text, None).unwrap_err();
    assert!(err.message.contains("invalid pattern"), "{}", err.message);
    // Backreferences and look-around (the usual ReDoS tools) do not exist in this regex syntax.
    let text = "[[custom]]\nid = \"redos\"\npattern = \"(a+)+\\\\1\"\nmessage = \"m\"\n";
    assert!(LoadedConfig::from_user_text("t.toml", text, None).is_err());
}

/// Every Unicode space and invisible joiner next to every kind of token, through every rule:
/// a rule that steps one byte past a space it found (U+00A0 is two bytes, U+3000 three) would
/// slice inside a character and panic.
#[test]
fn multi_byte_spaces_and_joiners_beside_every_kind_of_token() {
    let spaces = ['\u{a0}', '\u{2009}', '\u{202f}', '\u{3000}', '\u{2003}', '\u{ad}', '\u{200b}', '\u{feff}'];
    let tokens = [
        "legisation",
        "politcians",
        "sence",
        "region.As",
        "japan",
        "Trumps",
        "the the",
        "http://example.com/a_b",
        "@handle",
        "#tag",
        "/srv/media",
        "e.g.",
        "“quoted”",
        "'orrible",
        "governmen…",
        "Share.",
        "U.S.",
        "5p.m.",
        "£10",
        "Frances",
    ];
    let mut text = String::from("Council Approves New Budget\n\n");
    for (i, token) in tokens.iter().enumerate() {
        for space in spaces {
            text.push_str(&format!("The plan{space}{token}{space}was discussed at length by the council on day {i}. "));
        }
        text.push_str("\n\n");
    }
    let diagnostics = lint_checked(&text, "spaces.txt");
    assert!(diagnostics.iter().any(|d| d.rule == "typo"), "the rules still run on such text");
}
