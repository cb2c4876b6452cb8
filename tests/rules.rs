//! Fixture tests, one directory per rule (ruff-style): `fixtures/<rule-id>/flagged*` must make
//! that rule fire, `fixtures/<rule-id>/clean*` must make *no* rule fire, and every fixture's
//! findings are pinned by an insta snapshot.

mod common;

use common::{default_rules, fixture_files, lint_file, root};
use copydesk::diagnostic::Applicability;
use copydesk::fix;
use copydesk::rules;
use std::path::Path;

fn rule_dir(path: &Path) -> String {
    path.parent().unwrap().file_name().unwrap().to_string_lossy().to_string()
}

fn file_kind(path: &Path) -> String {
    path.file_name().unwrap().to_string_lossy().to_string()
}

#[test]
fn every_rule_has_firing_and_silent_fixtures() {
    for meta in rules::ALL {
        let dir = root().join("fixtures").join(meta.id);
        let names: Vec<String> = std::fs::read_dir(&dir)
            .unwrap_or_else(|_| panic!("rule `{}` has no fixtures/{}/ directory", meta.id, meta.id))
            .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
            .collect();
        assert!(names.iter().any(|n| n.starts_with("flagged")), "fixtures/{}/ needs a flagged* file", meta.id);
        assert!(names.iter().any(|n| n.starts_with("clean")), "fixtures/{}/ needs a clean* file", meta.id);
    }
}

#[test]
fn flagged_fixtures_fire_their_rule() {
    let rules = default_rules();
    for path in fixture_files().iter().filter(|p| file_kind(p).starts_with("flagged")) {
        let rule = rule_dir(path);
        let (_, diagnostics) = lint_file(path, rules);
        assert!(diagnostics.iter().any(|d| d.rule == rule), "{} should make `{rule}` fire; got {:?}", path.display(), diagnostics);
    }
}

#[test]
fn clean_fixtures_are_silent_for_every_rule() {
    let rules = default_rules();
    for path in fixture_files().iter().filter(|p| file_kind(p).starts_with("clean") || rule_dir(p) == "articles") {
        let (_, diagnostics) = lint_file(path, rules);
        let found: Vec<String> = diagnostics.iter().map(|d| format!("{}: {}", d.rule, d.message)).collect();
        assert!(found.is_empty(), "{} should be clean, got {found:#?}", path.display());
    }
}

/// One line per finding: position, severity, rule, the flagged text, the message, the fix.
fn render(source: &str, diagnostics: &[copydesk::diagnostic::Diagnostic]) -> String {
    let starts = copydesk::document::line_starts(source);
    let mut out = String::new();
    for d in diagnostics {
        let (line, col) = copydesk::document::line_col(source, &starts, d.span.start);
        let text = &source[d.span.start..d.span.end];
        out.push_str(&format!("{line}:{col} {}[{}] {:?} {}", d.severity, d.rule, text, d.message));
        if let Some(f) = &d.fix {
            let edits: Vec<String> = f.edits.iter().map(|e| format!("{}..{}→{:?}", e.span.start, e.span.end, e.replacement)).collect();
            out.push_str(&format!(" | fix({:?}) {}", f.applicability, edits.join(", ")));
        }
        out.push('\n');
    }
    out
}

#[test]
fn fixture_snapshots() {
    let rules = default_rules();
    for path in fixture_files() {
        let (source, diagnostics) = lint_file(&path, rules);
        let name = format!("{}__{}", rule_dir(&path), file_kind(&path).replace('.', "_"));
        insta::assert_snapshot!(name, render(&source, &diagnostics));
    }
}

#[test]
fn fixes_converge_and_fixing_twice_equals_fixing_once() {
    let rules = default_rules();
    for path in fixture_files() {
        let (source, diagnostics) = lint_file(&path, rules);
        if diagnostics.iter().any(|d| d.rule == "invalid-utf8") {
            continue; // --fix never rewrites such a file
        }
        let name = path.to_string_lossy().to_string();
        for unsafe_fixes in [false, true] {
            let once = fix::fix_until_stable(&source, &name, rules, unsafe_fixes);
            assert!(once.converged, "{name}: fixes did not converge in {} rounds", fix::MAX_ROUNDS);
            let twice = fix::fix_until_stable(&once.text, &name, rules, unsafe_fixes);
            assert_eq!(once.text, twice.text, "{name}: fixing twice changed the text again");
            let left = copydesk::lint_source(&once.text, &name, rules);
            let safe_left: Vec<_> =
                left.iter().filter(|d| d.fix.as_ref().is_some_and(|f| f.applicability == Applicability::Safe)).collect();
            assert!(safe_left.is_empty(), "{name}: safe fixes left behind {safe_left:?}");
        }
    }
}

#[test]
fn safe_fixes_produce_the_expected_text() {
    let rules = default_rules();
    let cases = [
        (
            "a.txt",
            "Title Here\nIt grew in the region.As both sides know, pressures,could rise.\n",
            "Title Here\nIt grew in the region. As both sides know, pressures, could rise.\n",
        ),
        (
            "b.txt",
            "Title Here\nThe talks ended. moving forward, we meet again.\n",
            "Title Here\nThe talks ended. Moving forward, we meet again.\n",
        ),
        ("c.txt", "Title Here\nThe pact has been the the cornerstone.\n", "Title Here\nThe pact has been the cornerstone.\n"),
        ("d.md", "# Title Here\n\n## **Is It Fair?**\n\nYes, it is.\n", "# Title Here\n\n## Is It Fair?\n\nYes, it is.\n"),
        ("e.txt", "Title Here\nBody text of the article.\nShare.\nExit mobile version", "Title Here\nBody text of the article."),
    ];
    for (name, input, expected) in cases {
        assert_eq!(fix::fix_until_stable(input, name, rules, false).text, expected, "{name}");
    }
}

#[test]
fn readme_lists_every_rule() {
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    for meta in rules::ALL {
        assert!(readme.contains(&format!("| `{}` |", meta.id)), "README's rule table lacks `{}`", meta.id);
    }
}
