//! lint-rules.toml parsing on arbitrary text: any input is either a config that builds a
//! RuleSet or a ConfigError — never a panic or a hang (custom regexes are size-limited).
#![no_main]

use copydesk::config::LoadedConfig;
use copydesk::engine::{RuleSet, Selection};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Ok(loaded) = LoadedConfig::from_user_text("fuzz.toml", text, None) {
        if let Ok(rules) = RuleSet::new(&loaded.config, &Selection::default()) {
            let _ = rules.check(&copydesk::document::Document::parse("Title Here\nThe the text.\n", "f.txt", copydesk::document::Format::PlainText));
        }
        let _ = loaded.with_overrides(&(0..loaded.config.overrides.len()).collect::<Vec<_>>());
    }
});
