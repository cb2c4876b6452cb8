//! `--format sarif` validated against the official SARIF 2.1.0 JSON schema, read from
//! ../shared/schemas/ (the schema is third-party and is not copied into this repository; the
//! test skips when it is absent).

mod common;

use assert_cmd::Command;

#[test]
fn sarif_output_validates_against_the_official_schema() {
    let Some(shared) = common::shared() else {
        eprintln!("../shared not present: SARIF schema validation skipped");
        return;
    };
    let Ok(schema_text) = std::fs::read_to_string(shared.join("schemas/sarif-schema-2.1.0.json")) else {
        eprintln!("no SARIF schema in ../shared/schemas: skipped");
        return;
    };
    let schema: serde_json::Value = serde_json::from_str(&schema_text).unwrap();
    let validator = jsonschema::validator_for(&schema).expect("the SARIF schema compiles");
    // Fixtures cover every rule, fixes (safe and unsafe), info/warning/error levels.
    for target in ["fixtures/", "fixtures/typo/clean.txt"] {
        let out = Command::new(env!("CARGO_BIN_EXE_copydesk"))
            .current_dir(common::root())
            .args(["lint", "--format", "sarif", target])
            .output()
            .unwrap();
        let sarif: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let errors: Vec<String> = validator.iter_errors(&sarif).map(|e| format!("{} at {}", e, e.instance_path())).take(10).collect();
        assert!(errors.is_empty(), "SARIF for {target} is invalid: {errors:#?}");
        assert!(validator.is_valid(&sarif));
    }
    // The validator really validates: a result without a message is rejected.
    let broken = serde_json::json!({"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x"}}, "results": [{"ruleId": "x"}]}]});
    assert!(!validator.is_valid(&broken));
}
