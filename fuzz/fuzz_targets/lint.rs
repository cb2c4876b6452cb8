//! The whole pipeline on arbitrary bytes: decode → Document → every rule → suppressions →
//! fixes (safe and unsafe) → re-lint. Must never panic, and fixes must apply cleanly.
#![no_main]

use copydesk::config::LoadedConfig;
use copydesk::engine::{RuleSet, Selection};
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

fn rules() -> &'static RuleSet {
    static RULES: OnceLock<RuleSet> = OnceLock::new();
    RULES.get_or_init(|| RuleSet::new(&LoadedConfig::default_config().config, &Selection::default()).unwrap())
}

fuzz_target!(|data: &[u8]| {
    let (markdown, bytes) = match data.split_first() {
        Some((flag, rest)) => (flag & 1 == 1, rest),
        None => (false, data),
    };
    let name = if markdown { "f.md" } else { "f.txt" };
    let decoded = copydesk::decode(bytes);
    assert_eq!(decoded.text.len(), bytes.len());
    let diagnostics = copydesk::lint_bytes(&decoded, name, rules());
    for d in &diagnostics {
        assert!(d.span.start <= d.span.end && d.span.end <= decoded.text.len());
        assert!(decoded.text.is_char_boundary(d.span.start) && decoded.text.is_char_boundary(d.span.end));
    }
    for unsafe_fixes in [false, true] {
        let (fixed, _) = copydesk::fix::apply(&decoded.text, &diagnostics, unsafe_fixes);
        let _ = copydesk::lint_source(&fixed, name, rules());
    }
    let stable = copydesk::fix::fix_until_stable(&decoded.text, name, rules(), false);
    let _ = copydesk::lint_source(&stable.text, name, rules());
});
