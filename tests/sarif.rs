//! `--format sarif` validated against the official SARIF 2.1.0 JSON schema, read from
//! ../shared/schemas/ (the schema is third-party and is not copied into this repository; the
//! test is ignored unless `--ignored`, which .ci/run passes when ../shared exists).

mod common;

use assert_cmd::Command;

#[test]
#[ignore = "needs ../shared"]
fn sarif_output_validates_against_the_official_schema() {
    let shared = common::require_shared("schemas/sarif-schema-2.1.0.json");
    let schema_text = std::fs::read_to_string(shared.join("schemas/sarif-schema-2.1.0.json")).expect("the SARIF schema");
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
    // A path that needs percent-encoding (space, %, #, non-ASCII) gives a valid SARIF URI.
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("news")).unwrap();
    std::fs::write(dir.path().join("news/Zürich 50% off #1.md"), "# Council Approves Budget\n\nThe council met sence Monday.\n").unwrap();
    let out =
        Command::new(env!("CARGO_BIN_EXE_copydesk")).current_dir(dir.path()).args(["lint", "--format", "sarif", "news"]).output().unwrap();
    let sarif: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "news/Z%C3%BCrich%2050%25%20off%20%231.md"
    );
    let errors: Vec<String> = validator.iter_errors(&sarif).map(|e| format!("{} at {}", e, e.instance_path())).take(10).collect();
    assert!(errors.is_empty(), "SARIF for a percent-encoded path is invalid: {errors:#?}");
    // The validator really validates: a result without a message is rejected.
    let broken = serde_json::json!({"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x"}}, "results": [{"ruleId": "x"}]}]});
    assert!(!validator.is_valid(&broken));
}
