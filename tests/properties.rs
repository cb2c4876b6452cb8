//! Property tests: any text — scraped, Markdown, CRLF, emoji, broken quotes — lints without a
//! panic, every span is a valid char range, and fixes converge and leave no safe fix behind.

mod common;

use copydesk::diagnostic::Applicability;
use copydesk::fix;
use proptest::prelude::*;

/// Text built from the pieces articles are made of, so random input reaches every rule.
fn article() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("The council met on Monday. ".to_string()),
        Just("region.As ".to_string()),
        Just("pressures,could ".to_string()),
        Just("U.S.benefits ".to_string()),
        Just("sence ".to_string()),
        Just("the the ".to_string()),
        Just("“quoted” ".to_string()),
        Just("”wrong ".to_string()),
        Just("\"straight ".to_string()),
        Just("( ".to_string()),
        Just("Trump’s Trumps Trump ".to_string()),
        Just("japan Japan ".to_string()),
        Just("What’S ".to_string()),
        Just("\n".to_string()),
        Just("\r\n".to_string()),
        Just("\n\n".to_string()),
        Just("# ".to_string()),
        Just("## **Bold** ".to_string()),
        Just("- item ".to_string()),
        Just("1) item ".to_string()),
        Just("| a | b |\n|---|---|\n".to_string()),
        Just("> quote ".to_string()),
        Just("```\ncode\n```\n".to_string()),
        Just("Share.\n".to_string()),
        Just("Sources:\n".to_string()),
        Just("👇🔥🇺🇸 ".to_string()),
        Just("<!-- copydesk-disable-next-line -->\n".to_string()),
        Just("https://example.com/a.B ".to_string()),
        Just("\u{FEFF}".to_string()),
        // multi-byte spaces and joiners beside words: a rule stepping one byte past a space it
        // found would slice inside a character
        Just("\u{a0}".to_string()),
        Just("\u{3000}".to_string()),
        Just("\u{ad}".to_string()),
        Just("legisation politcians ".to_string()),
        Just("e.g. /srv/media @handle ".to_string()),
        Just("governmen… ".to_string()),
        "[a-zA-Z .,;:!?'\"’“”()\\-]{0,12}",
        any::<char>().prop_map(|c| c.to_string()),
        // a word opening on any letter at all: the case rules' capitals meet every script
        any::<char>().prop_map(|c| format!("{c}ence ")),
        any::<char>().prop_map(|c| format!("The {c}ouncil. ")),
    ];
    proptest::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

/// Cases per property: 300, or `PROPTEST_CASES` when set.
fn cases() -> u32 {
    std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(300)
}

proptest! {
    // 300 cases in CI; PROPTEST_CASES=300000 for a longer hunt (README, "Robustness")
    #![proptest_config(ProptestConfig { cases: cases(), ..ProptestConfig::default() })]

    #[test]
    fn lint_never_panics_and_spans_are_valid(text in article(), markdown in any::<bool>()) {
        let rules = common::default_rules();
        let name = if markdown { "t.md" } else { "t.txt" };
        for d in copydesk::lint_source(&text, name, rules) {
            prop_assert!(d.span.start <= d.span.end && d.span.end <= text.len(), "{:?}", d);
            prop_assert!(text.is_char_boundary(d.span.start) && text.is_char_boundary(d.span.end), "{:?}", d);
            if let Some(f) = &d.fix {
                for e in &f.edits {
                    prop_assert!(e.span.end <= text.len() && text.is_char_boundary(e.span.start) && text.is_char_boundary(e.span.end));
                }
            }
        }
    }

    #[test]
    fn fixes_converge_and_leave_no_safe_fix(text in article(), markdown in any::<bool>()) {
        let rules = common::default_rules();
        let name = if markdown { "t.md" } else { "t.txt" };
        let fixed = fix::fix_until_stable(&text, name, rules, false);
        prop_assert!(fixed.converged, "no fixpoint in {} rounds", fix::MAX_ROUNDS);
        let left = copydesk::lint_source(&fixed.text, name, rules);
        let safe: Vec<_> = left.iter().filter(|d| d.fix.as_ref().is_some_and(|f| f.applicability == Applicability::Safe)).collect();
        prop_assert!(safe.is_empty(), "safe fixes left after fixing: {:?}\n{:?}", safe, fixed.text);
    }

    #[test]
    fn any_bytes_decode_with_exact_offsets(bytes in proptest::collection::vec(any::<u8>(), 0..200)) {
        let decoded = copydesk::decode(&bytes);
        prop_assert_eq!(decoded.text.len(), bytes.len());
        let rules = common::default_rules();
        let _ = copydesk::lint_bytes(&decoded, "t.txt", rules);
    }
}

/// `text` with every safe fix applied until none is left: the fixes must converge and leave
/// no safe fix behind.
fn fixed_to_the_end(text: &str, name: &str) -> String {
    let rules = common::default_rules();
    let fixed = fix::fix_until_stable(text, name, rules, false);
    assert!(fixed.converged, "{text:?}");
    let left = copydesk::lint_source(&fixed.text, name, rules);
    let safe: Vec<_> = left.iter().filter(|d| d.fix.as_ref().is_some_and(|f| f.applicability == Applicability::Safe)).collect();
    assert!(safe.is_empty(), "safe fixes left in {:?}: {safe:?}", fixed.text);
    fixed.text
}

/// Letters Unicode calls lowercase or uppercase that have no other case (º, ª, ᵃ, ℂ, ℍ): a
/// rule that changes case must not flag them with a fix that changes nothing, which would
/// never converge or would leave a safe fix behind. Every such letter, in the places the case
/// rules look: a sentence start, a heading word, a glued sentence, a possessive, a name.
#[test]
fn letters_without_another_case_get_no_case_fix() {
    let caseless = (0..=0x10FFFF_u32)
        .filter_map(char::from_u32)
        .filter(|&c| (c.is_lowercase() && c.to_uppercase().eq([c])) || (c.is_uppercase() && c.to_lowercase().eq([c])));
    let mut checked = 0;
    for c in caseless {
        for template in [
            "Title Here\n\nThe vote was close. {c}sence of it.\n",
            "{c}he council met.\n",
            "# What’{c} The Real Story?\n\nThe council met.\n",
            "## The {c}ouncil Meets Again\n\nIt met.\n",
            "The council met in the region.{c}s the vote neared, it rose.\n",
            "He spoke to Trump{c}s aides about {c}apan and Japan.\n",
        ] {
            let text = template.replace("{c}", &c.to_string());
            for name in ["t.md", "t.txt"] {
                fixed_to_the_end(&text, name);
                checked += 1;
            }
        }
    }
    assert!(checked > 1000, "only {checked} texts");
}

/// Lowercase letters whose capital is not one plain uppercase letter (ß, ﬁ, ŉ, ǆ, ᾳ and the
/// like): a sentence start is fixed to its titlecase once, and nothing is left to fix.
#[test]
fn letters_with_special_capitals_are_fixed_once() {
    use unicode_titlecase::TitleCase;
    let special = (0..=0x10FFFF_u32).filter_map(char::from_u32).filter(|&c| {
        c.is_lowercase() && !c.to_uppercase().eq([c]) && (c.to_uppercase().count() > 1 || !c.to_uppercase().eq(c.to_titlecase()))
    });
    let mut checked = 0;
    for c in special {
        let text = format!("Title Here\n\nThe vote was close. {c}ence of it.\n");
        for name in ["t.md", "t.txt"] {
            let fixed = fixed_to_the_end(&text, name);
            let start: String = c.to_titlecase().collect();
            assert!(fixed.contains(&format!("close. {start}ence")), "{c:?} became {fixed:?}");
            checked += 1;
        }
    }
    assert!(checked > 100, "only {checked} texts");
}
