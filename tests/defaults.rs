//! Defaults exist once. An option in the embedded lint-rules.toml either has no default in the
//! code (a list that is empty when absent: the file is its only source) or the code's default
//! equals the file's value. This test removes each `[rules.<id>]` key in turn, builds that rule
//! alone, and checks that it finds what the full default config finds, or (lists and tables)
//! what an empty value finds, on every fixture and on probe texts. A code default that drifted
//! from the file (clickbait's threshold was 2.5 in code and 2.0 in the file) shows up.

mod common;

use copydesk::config::{Config, DEFAULT_CONFIG};
use copydesk::engine::{RuleSet, Selection};

/// Texts that sit near the options' edges, besides the fixtures.
const PROBES: &[(&str, &str)] = &[
    ("probe.txt", "Why This Senator's Plan Is Shocking\n\nThe council met on Monday and the the vote passed.\n"),
    ("probe.txt", "You Won't Believe This\n\nShare this\n\nRead more\n\nThe end.\n"),
    ("probe.md", "# 7 Ways To Save Money\n\n## Sources:\n\n## Next Steps\n\nThe mayor said it was fine.The council agreed,then left.\n"),
    (
        "probe.txt",
        "Japan Trade Talks Resume\n\nTalks with Japan resumed. Japan wants tariffs cut. Officials in Japan agreed. japan said no.\n",
    ),
];

fn findings(config: &Config, id: &str, inputs: &[(String, String)]) -> Vec<String> {
    let rules = RuleSet::new(config, &Selection { select: vec![id.to_string()], ignore: Vec::new() }).expect("rules build");
    let mut out = Vec::new();
    for (name, text) in inputs {
        for d in copydesk::lint_source(text, name, &rules) {
            out.push(format!("{name} {:?} {} {} {:?}", d.span, d.severity, d.message, d.fix));
        }
    }
    out
}

#[test]
fn code_defaults_equal_the_embedded_config() {
    let table: toml::Table = toml::from_str(DEFAULT_CONFIG).expect("valid TOML");
    let full: Config = toml::Value::Table(table.clone()).try_into().expect("schema");
    let mut inputs: Vec<(String, String)> = PROBES.iter().map(|(n, t)| (n.to_string(), t.to_string())).collect();
    for path in common::fixture_files() {
        if let Ok(text) = std::fs::read_to_string(&path) {
            inputs.push((path.to_string_lossy().to_string(), text));
        }
    }
    let rules = table["rules"].as_table().expect("[rules]");
    let mut drifted = Vec::new();
    for (id, entry) in rules {
        let Some(options) = entry.as_table() else { continue };
        let expected = findings(&full, id, &inputs);
        for key in options.keys().filter(|k| k.as_str() != "severity") {
            let mut reduced = table.clone();
            reduced["rules"][id.as_str()].as_table_mut().unwrap().remove(key);
            let config: Config = toml::Value::Table(reduced).try_into().expect("schema");
            let without = findings(&config, id, &inputs);
            if without == expected {
                continue;
            }
            // A list or table whose only value is the file's (absent means empty) is not a
            // second default.
            let empty = match &options[key.as_str()] {
                toml::Value::Array(_) => Some(toml::Value::Array(Vec::new())),
                toml::Value::Table(_) => Some(toml::Value::Table(toml::Table::new())),
                _ => None,
            };
            if let Some(empty) = empty {
                let mut emptied = table.clone();
                emptied["rules"][id.as_str()].as_table_mut().unwrap().insert(key.clone(), empty);
                let config: Config = toml::Value::Table(emptied).try_into().expect("schema");
                if findings(&config, id, &inputs) == without {
                    continue;
                }
            }
            drifted.push(format!("[rules.{id}] {key}"));
        }
    }
    assert!(drifted.is_empty(), "these defaults differ between lint-rules.toml and the code: {drifted:?}");
}
