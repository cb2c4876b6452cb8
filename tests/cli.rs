//! The whole CLI, end to end: exit codes, every output format, stdin, config errors, init,
//! explain, fixes, baselines, suppressions, overrides and bad input.

mod common;

use assert_cmd::Command;
use common::root;
use predicates::prelude::*;
use serde_json::Value;
use std::fs;
use std::path::Path;

fn copydesk() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_copydesk"));
    cmd.current_dir(root()).env("NO_COLOR", "1").env_remove("COLUMNS");
    cmd
}

/// A scratch directory with no lint-rules.toml above it that could leak in.
fn scratch() -> tempfile::TempDir {
    tempfile::Builder::new().prefix("copydesk-test").tempdir_in(std::env::temp_dir()).unwrap()
}

/// Run copydesk with `args` in `dir`, expect exit `code`, return its standard output.
fn stdout_of(dir: impl AsRef<Path>, args: &[&str], code: i32) -> Vec<u8> {
    copydesk().current_dir(dir.as_ref()).args(args).assert().code(code).get_output().stdout.clone()
}

fn json(output: &[u8]) -> Value {
    serde_json::from_slice(output).expect("valid JSON")
}

const DEFECTIVE: &str = "Council Approves Budget\nThe council met sence Monday.As expected, the vote passed.\n";
const CLEAN: &str = "Council Approves Budget\nThe council met on Monday. As expected, the vote passed.\n";

#[test]
fn exit_codes_follow_findings_and_fail_level() {
    copydesk().args(["lint", "fixtures/"]).assert().code(1);
    copydesk().args(["lint", "fixtures/typo/clean.txt"]).assert().code(0);
    // Only info findings: exit 0 at the default fail level, 1 at --fail-level info.
    copydesk().args(["lint", "fixtures/tortured-phrase/flagged.txt"]).assert().code(0);
    copydesk().args(["lint", "--fail-level", "info", "fixtures/tortured-phrase/flagged.txt"]).assert().code(1);
    copydesk().args(["lint", "--fail-level", "error", "fixtures/typo/flagged.txt"]).assert().code(0);
    copydesk().args(["lint", "--bogus-flag"]).assert().code(2);
}

#[test]
fn json_output_is_the_documented_contract() {
    let out = stdout_of(root(), &["lint", "--format", "json", "fixtures/missing-space/flagged.txt"], 1);
    let v = json(&out);
    assert_eq!(v["version"], 1);
    let d = &v["diagnostics"][0];
    for key in
        ["path", "rule", "category", "severity", "message", "span", "line", "column", "end_line", "end_column", "text", "help", "fix"]
    {
        assert!(d.get(key).is_some(), "diagnostic lacks {key}: {d}");
    }
    let source = fs::read_to_string(root().join("fixtures/missing-space/flagged.txt")).unwrap();
    let (s, e) = (d["span"]["start"].as_u64().unwrap() as usize, d["span"]["end"].as_u64().unwrap() as usize);
    assert_eq!(&source[s..e], d["text"].as_str().unwrap());
    assert_eq!(d["text"], "region.Union");
    assert_eq!(d["fix"]["applicability"], "safe");
    assert_eq!(v["summary"]["files"], 1);
    assert_eq!(v["summary"]["by_rule"]["missing-space"], v["diagnostics"].as_array().unwrap().len());
}

#[test]
fn every_format_renders() {
    let jsonl = stdout_of(root(), &["lint", "--format", "jsonl", "fixtures/typo/flagged.txt"], 1);
    let lines: Vec<Value> = String::from_utf8(jsonl).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 3);
    assert!(lines.iter().all(|l| l["rule"] == "typo"));

    let sarif = stdout_of(root(), &["lint", "--format", "sarif", "fixtures/typo/flagged.txt"], 1);
    let v = json(&sarif);
    assert_eq!(v["version"], "2.1.0");
    let rules = v["runs"][0]["tool"]["driver"]["rules"].as_array().unwrap();
    assert!(rules.iter().any(|r| r["id"] == "typo" && r["help"]["text"].as_str().unwrap().contains("Bad:")));
    let region = &v["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"];
    assert_eq!((region["startLine"].as_u64(), region["startColumn"].as_u64()), (Some(2), Some(37)));

    copydesk().args(["lint", "--format", "github", "fixtures/typo/flagged.txt"]).assert().code(1).stdout(predicate::str::contains(
        "::warning file=fixtures/typo/flagged.txt,line=2,col=37,endLine=2,endColumn=42,title=typo::`sence` is a misspelling",
    ));
    copydesk()
        .args(["lint", "--format", "compact", "fixtures/typo/flagged.txt"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("fixtures/typo/flagged.txt:2:37: warning[typo] `sence` is a misspelling of `sense` or `since`"));
    copydesk().args(["lint", "--color", "never", "fixtures/typo/flagged.txt"]).assert().code(1).stdout(
        predicate::str::contains("fixtures/typo/flagged.txt:2:37")
            .and(predicate::str::contains("Found 3 problems (0 errors, 3 warnings, 0 info) in 1 file.")),
    );
    copydesk()
        .args(["lint", "--statistics", "--format", "compact", "fixtures/typo/flagged.txt"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("     3  typo                   spelling        in 1 file\n"));
}

#[test]
fn stdin_is_linted_under_its_given_name() {
    let out = copydesk()
        .args(["lint", "--format", "json", "--stdin-filename", "story.md", "-"])
        .write_stdin("# A Title Here\n\n## **Bold Heading**\n\nText sence then.\n")
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let v = json(&out);
    let rules: Vec<&str> = v["diagnostics"].as_array().unwrap().iter().map(|d| d["rule"].as_str().unwrap()).collect();
    assert!(rules.contains(&"emphasis-in-heading") && rules.contains(&"typo"), "{rules:?}");
    assert_eq!(v["diagnostics"][0]["path"], "story.md");
}

/// A report comes in pieces of 1,024 findings; from standard input too, every format stays
/// whole: one JSON document, SARIF with every result, compact with every line.
#[test]
fn stdin_with_more_findings_than_a_piece_is_one_whole_report() {
    let text: String = std::iter::once("Council Approves Budget\n".to_string())
        .chain((0..1500).map(|i| format!("Line {i} of the story met sence Monday.\n")))
        .collect();
    let run = |format: &str| {
        copydesk().args(["lint", "--format", format, "-"]).write_stdin(text.clone()).assert().code(1).get_output().stdout.clone()
    };
    let v = json(&run("json"));
    let typos = v["diagnostics"].as_array().unwrap().iter().filter(|d| d["rule"] == "typo").count();
    assert_eq!(typos, 1500);
    let sarif = json(&run("sarif"));
    assert_eq!(sarif["runs"][0]["results"].as_array().unwrap().iter().filter(|r| r["ruleId"] == "typo").count(), 1500);
    let compact = String::from_utf8(run("compact")).unwrap();
    assert_eq!(compact.lines().filter(|l| l.contains("[typo]")).count(), 1500);
}

#[test]
fn broken_config_is_a_miette_error_pointing_into_the_toml() {
    let dir = scratch();
    fs::write(dir.path().join("lint-rules.toml"), "[rules.typo]\nallow = []\nbogus-option = 1\n").unwrap();
    fs::write(dir.path().join("a.txt"), CLEAN).unwrap();
    copydesk()
        .current_dir(dir.path())
        .args(["lint", "a.txt"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("unknown field `bogus-option`").and(predicate::str::contains("lint-rules.toml:3:1")));

    fs::write(dir.path().join("lint-rules.toml"), "[rules.tyop]\nenabled = false\n").unwrap();
    copydesk().current_dir(dir.path()).args(["lint", "a.txt"]).assert().code(2).stderr(predicate::str::contains("did you mean `typo`?"));

    fs::write(dir.path().join("lint-rules.toml"), "[rules.typo\n").unwrap();
    copydesk().current_dir(dir.path()).args(["lint", "a.txt"]).assert().code(2).stderr(predicate::str::contains("lint-rules.toml:1"));

    copydesk()
        .args(["lint", "--select", "tyop", "fixtures/typo"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("did you mean `typo`?"));
}

#[test]
fn config_options_change_behaviour() {
    let dir = scratch();
    fs::write(dir.path().join("a.txt"), "Council Approves Budget\nThe council met sence Monday and teh vote passed.\n").unwrap();
    fs::write(dir.path().join("lint-rules.toml"), "[rules.typo]\nallow = [\"sence\"]\nextend-words = { teh = \"the\" }\n").unwrap();
    let out = stdout_of(dir.path(), &["lint", "--format", "json", "a.txt"], 1);
    let v = json(&out);
    let texts: Vec<&str> = v["diagnostics"].as_array().unwrap().iter().map(|d| d["text"].as_str().unwrap()).collect();
    assert_eq!(texts, vec!["teh"]);
    // A level shorthand turns a rule off; --config points at another file.
    fs::write(dir.path().join("other.toml"), "[rules]\ntypo = \"off\"\n").unwrap();
    copydesk().current_dir(dir.path()).args(["lint", "--config", "other.toml", "a.txt"]).assert().code(0);
    // A custom rule with a replacement becomes an unsafe fix.
    fs::write(
        dir.path().join("custom.toml"),
        "[rules]\ntypo = \"off\"\n[[custom]]\nid = \"no-council\"\npattern = \"\\\\bcouncil\\\\b\"\nmessage = \"say which council\"\nscope = \"body\"\nreplacement = \"city council\"\n",
    )
    .unwrap();
    let out = stdout_of(dir.path(), &["lint", "--config", "custom.toml", "--format", "json", "a.txt"], 1);
    let v = json(&out);
    assert_eq!(v["diagnostics"][0]["rule"], "no-council");
    assert_eq!(v["diagnostics"][0]["fix"]["edits"][0]["replacement"], "city council");
    assert_eq!(v["diagnostics"].as_array().unwrap().len(), 1, "the title is out of the rule's body scope");
}

#[test]
fn timings_list_every_rule_custom_ones_and_the_shared_steps_on_stderr() {
    let dir = scratch();
    fs::write(dir.path().join("a.txt"), DEFECTIVE).unwrap();
    fs::write(dir.path().join("b.md"), "# Budget Approved\n\nThe council met sence Monday.\n").unwrap();
    fs::write(
        dir.path().join("lint-rules.toml"),
        "[[custom]]\nid = \"slow-regex\"\npattern = \"(\\\\w+\\\\s*)+council\"\nmessage = \"say which council\"\n",
    )
    .unwrap();
    let out =
        copydesk().current_dir(dir.path()).args(["lint", "--timings", "--format", "compact", "."]).assert().code(1).get_output().clone();
    let (stdout, stderr) = (String::from_utf8(out.stdout).unwrap(), String::from_utf8(out.stderr).unwrap());
    // The report itself is unchanged: the table goes to stderr only.
    assert!(stdout.contains("a.txt:2:17") && !stdout.contains("share"), "{stdout}");
    // name, time (ms), share, documents (none on the total row); the first line is the header,
    // the last a note.
    let rows: Vec<(String, f64, f64)> = stderr
        .lines()
        .skip(1)
        .filter(|l| !l.starts_with("(time"))
        .map(|l| {
            let cells: Vec<&str> = l.split_whitespace().collect();
            let numbers = if cells.last().unwrap().ends_with('%') { 2 } else { 3 };
            let n = cells.len() - numbers;
            (cells[..n].join(" "), cells[n].parse().unwrap(), cells[n + 1].trim_end_matches('%').parse().unwrap())
        })
        .collect();
    assert!(stderr.starts_with("rule") && stderr.contains("share"), "{stderr}");
    assert!(stderr.lines().any(|l| l.starts_with("slow-regex ") && l.ends_with(" 2")), "{stderr}");
    for name in ["(document model)", "(evidence: words)", "(evidence: boilerplate scan)", "total"] {
        assert!(rows.iter().any(|r| r.0 == name), "no row {name} in\n{stderr}");
    }
    // Every default rule and the custom one are timed, on both documents.
    // (Two meta "rules", unused-suppression and invalid-utf8, are checks of the engine.)
    let meta_rules = [copydesk::engine::UNUSED_SUPPRESSION.id, copydesk::engine::INVALID_UTF8.id];
    for meta in copydesk::rules::ALL.iter().filter(|m| !meta_rules.contains(&m.id)) {
        assert!(stderr.lines().any(|l| l.starts_with(&format!("{} ", meta.id)) && l.ends_with(" 2")), "{} missing:\n{stderr}", meta.id);
    }
    // Shares add up to the total; the rows are slowest first.
    let shares: f64 = rows.iter().filter(|r| r.0 != "total").map(|r| r.2).sum();
    assert!((shares - 100.0).abs() < 1.0, "shares sum to {shares}:\n{stderr}");
    let times: Vec<f64> = rows.iter().filter(|r| r.0 != "total").map(|r| r.1).collect();
    assert!(times.windows(2).all(|w| w[0] >= w[1]), "{stderr}");
    // Without the flag, nothing is printed on stderr.
    let quiet = copydesk().current_dir(dir.path()).args(["lint", "--format", "compact", "."]).assert().code(1).get_output().stderr.clone();
    assert!(quiet.is_empty(), "{}", String::from_utf8_lossy(&quiet));
}

#[test]
fn rules_explain_and_init() {
    let out = stdout_of(root(), &["rules"], 0);
    let text = String::from_utf8(out).unwrap();
    for meta in copydesk::rules::ALL {
        assert!(text.contains(meta.id), "rules table lacks {}", meta.id);
    }
    copydesk()
        .args(["explain", "heading-case"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("Bad:").and(predicate::str::contains("security Relations")));
    copydesk().args(["explain", "heading-cas"]).assert().code(2).stderr(predicate::str::contains("did you mean `heading-case`?"));

    let dir = scratch();
    copydesk().current_dir(dir.path()).arg("init").assert().code(0);
    let written = fs::read_to_string(dir.path().join("lint-rules.toml")).unwrap();
    assert_eq!(written, copydesk::config::DEFAULT_CONFIG);
    copydesk().current_dir(dir.path()).arg("init").assert().code(2).stderr(predicate::str::contains("already exists"));
}

#[test]
fn fix_writes_atomically_and_converges() {
    let dir = scratch();
    let path = dir.path().join("a.txt");
    fs::write(&path, DEFECTIVE).unwrap();
    // --diff shows the change and writes nothing.
    copydesk()
        .current_dir(dir.path())
        .args(["lint", "--diff", "a.txt"])
        .assert()
        .stdout(predicate::str::contains("+The council met sence Monday. As expected"));
    assert_eq!(fs::read_to_string(&path).unwrap(), DEFECTIVE);
    // --fix applies the safe fix; the unsafe typo choice (sense/since) stays reported: exit 1.
    copydesk().current_dir(dir.path()).args(["lint", "--fix", "a.txt"]).assert().code(1);
    let fixed = fs::read_to_string(&path).unwrap();
    assert_eq!(fixed, "Council Approves Budget\nThe council met sence Monday. As expected, the vote passed.\n");
    copydesk().current_dir(dir.path()).args(["lint", "--fix", "a.txt"]).assert().code(1);
    assert_eq!(fs::read_to_string(&path).unwrap(), fixed, "a second --fix changes nothing");
    // --unsafe-fixes picks no candidate of two (sense/since): the finding stays.
    copydesk().current_dir(dir.path()).args(["lint", "--fix", "--unsafe-fixes", "a.txt"]).assert().code(1);
    assert_eq!(fs::read_to_string(&path).unwrap(), fixed);
    let leftovers: Vec<_> =
        fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).filter(|n| n.to_string_lossy().contains(".copydesk-")).collect();
    assert!(leftovers.is_empty(), "temp files left behind: {leftovers:?}");
}

#[test]
fn fix_keeps_crlf_bom_and_permissions() {
    let dir = scratch();
    let path = dir.path().join("a.txt");
    let original = "\u{FEFF}Council Approves Budget\r\nThe vote passed.Everyone cheered.\r\nShare.\r\nExit mobile version\r\n";
    fs::write(&path, original).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(&path, fs::Permissions::from_mode(0o640)).unwrap();
    }
    copydesk().current_dir(dir.path()).args(["lint", "--fix", "a.txt"]).assert().code(0);
    let fixed = fs::read_to_string(&path).unwrap();
    assert_eq!(fixed, "\u{FEFF}Council Approves Budget\r\nThe vote passed. Everyone cheered.\r\n");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o640);
    }
}

#[test]
fn fix_on_a_read_only_file_reports_and_keeps_the_original() {
    let dir = scratch();
    let path = dir.path().join("a.txt");
    fs::write(&path, DEFECTIVE).unwrap();
    let mut perms = fs::metadata(&path).unwrap().permissions();
    perms.set_readonly(true);
    fs::set_permissions(&path, perms).unwrap();
    copydesk()
        .current_dir(dir.path())
        .args(["lint", "--fix", "a.txt"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("cannot write fixes"));
    assert_eq!(fs::read_to_string(&path).unwrap(), DEFECTIVE);
}

#[test]
fn baseline_reports_only_new_findings_and_survives_edits_elsewhere() {
    let dir = scratch();
    let path = dir.path().join("a.txt");
    fs::write(&path, DEFECTIVE).unwrap();
    copydesk().current_dir(dir.path()).args(["baseline", "base.json", "a.txt"]).assert().code(0);
    copydesk().current_dir(dir.path()).args(["lint", "--baseline", "base.json", "a.txt"]).assert().code(0);
    // Lines inserted above do not invalidate the baseline (it is not keyed by line number).
    fs::write(&path, format!("Council Approves Budget\nA new first paragraph was added.\n{}", DEFECTIVE.split_once('\n').unwrap().1))
        .unwrap();
    copydesk().current_dir(dir.path()).args(["lint", "--baseline", "base.json", "a.txt"]).assert().code(0);
    // A new defect is reported, and only it.
    fs::write(&path, format!("{DEFECTIVE}The the end.\n")).unwrap();
    let out = stdout_of(dir.path(), &["lint", "--baseline", "base.json", "--format", "json", "a.txt"], 1);
    let v = json(&out);
    let rules: Vec<&str> = v["diagnostics"].as_array().unwrap().iter().map(|d| d["rule"].as_str().unwrap()).collect();
    assert_eq!(rules, vec!["repeated-word"]);
}

#[test]
fn suppressions_and_unused_ones() {
    let dir = scratch();
    let text = "Council Approves Budget\n<!-- copydesk-disable-next-line typo -->\nThe council met sence Monday.\n<!-- copydesk-disable missing-space -->\nIt passed.Everyone cheered.\n<!-- copydesk-enable -->\nIt ended.Everybody left.\n<!-- copydesk-disable-next-line repeated-word -->\nNothing to see here.\n";
    fs::write(dir.path().join("a.txt"), text).unwrap();
    let out = stdout_of(dir.path(), &["lint", "--format", "json", "a.txt"], 1);
    let v = json(&out);
    let found: Vec<(String, u64)> = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| (d["rule"].as_str().unwrap().to_string(), d["line"].as_u64().unwrap()))
        .collect();
    assert_eq!(found, vec![("missing-space".to_string(), 7), ("unused-suppression".to_string(), 8)]);
    fs::write(dir.path().join("b.txt"), format!("<!-- copydesk-disable-file -->\n{DEFECTIVE}")).unwrap();
    copydesk().current_dir(dir.path()).args(["lint", "b.txt"]).assert().code(0);
}

#[test]
fn overrides_apply_by_path() {
    let dir = scratch();
    fs::create_dir_all(dir.path().join("archive")).unwrap();
    let bait = "🤯 You Won't Believe This Council Vote! 👇👇\nThe council voted on Monday.\n";
    fs::write(dir.path().join("archive/old.txt"), bait).unwrap();
    fs::write(dir.path().join("new.txt"), bait).unwrap();
    fs::write(dir.path().join("lint-rules.toml"), "[[overrides]]\npaths = [\"archive/**\"]\n[overrides.rules]\nclickbait = \"off\"\n")
        .unwrap();
    let out = stdout_of(dir.path(), &["lint", "--format", "json", "."], 1);
    let v = json(&out);
    let paths: Vec<&str> =
        v["diagnostics"].as_array().unwrap().iter().filter(|d| d["rule"] == "clickbait").map(|d| d["path"].as_str().unwrap()).collect();
    assert_eq!(paths, vec!["new.txt"]);
}

#[test]
fn discovery_honours_ignore_files_and_include_globs() {
    let dir = scratch();
    for name in ["a.txt", "b.md", "c.html", "skip/d.txt", "kept/e.txt"] {
        let p = dir.path().join(name);
        fs::create_dir_all(p.parent().unwrap()).unwrap();
        fs::write(p, DEFECTIVE).unwrap();
    }
    fs::write(dir.path().join(".copydeskignore"), "skip/\n").unwrap();
    let out = stdout_of(dir.path(), &["lint", "--format", "json", "."], 1);
    let mut paths: Vec<String> =
        json(&out)["diagnostics"].as_array().unwrap().iter().map(|d| d["path"].as_str().unwrap().to_string()).collect();
    paths.dedup();
    assert_eq!(paths, vec!["a.txt", "b.md", "kept/e.txt"]);
    // A file named explicitly is linted whatever its extension; --no-ignore finds skip/.
    copydesk().current_dir(dir.path()).args(["lint", "c.html"]).assert().code(1);
    let out = stdout_of(dir.path(), &["lint", "--no-ignore", "--format", "json", "."], 1);
    assert!(String::from_utf8(out).unwrap().contains("skip/d.txt"));
}

#[test]
fn bad_input_is_reported_and_the_rest_is_linted() {
    let dir = scratch();
    fs::write(dir.path().join("good.txt"), DEFECTIVE).unwrap();
    fs::write(dir.path().join("empty.txt"), "").unwrap();
    fs::write(dir.path().join("binary.txt"), b"PK\x03\x04\x00\x00binary").unwrap();
    fs::write(dir.path().join("latin1.txt"), b"Caf\xe9 Owners Protest\nThe caf\xe9 owners met sence Monday.\n").unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink(dir.path().join("missing-target.txt"), dir.path().join("dangling.txt")).unwrap();
    let assert = copydesk().current_dir(dir.path()).args(["lint", "--format", "json", ".", "does-not-exist.txt"]).assert().code(2);
    let output = assert.get_output();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("does-not-exist.txt"), "{stderr}");
    assert!(stderr.contains("skipped binary.txt: binary file"), "{stderr}");
    let v = json(&output.stdout);
    let rules: Vec<(String, String)> = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| (d["path"].as_str().unwrap().to_string(), d["rule"].as_str().unwrap().to_string()))
        .collect();
    assert!(rules.contains(&("good.txt".into(), "typo".into())), "{rules:?}");
    assert!(rules.contains(&("latin1.txt".into(), "invalid-utf8".into())), "{rules:?}");
    assert!(rules.contains(&("latin1.txt".into(), "typo".into())), "the rest of a bad file is linted: {rules:?}");
    let bad = v["diagnostics"].as_array().unwrap().iter().find(|d| d["rule"] == "invalid-utf8").unwrap();
    assert_eq!(bad["span"]["start"], 3);
}

#[test]
fn output_is_deterministic_across_thread_counts() {
    let one = stdout_of(root(), &["lint", "--threads", "1", "--format", "jsonl", "fixtures/"], 1);
    let two = stdout_of(root(), &["lint", "--threads", "2", "--format", "jsonl", "fixtures/"], 1);
    assert_eq!(one, two);
    assert!(!one.is_empty());
}

#[test]
#[ignore = "needs ../shared"]
fn seeds_lint_without_error() {
    let seeds = common::require_shared("seeds").join("seeds");
    copydesk().args(["lint", "--format", "json"]).arg(&seeds).assert().code(1);
}

/// Each finding of a JSON report on `text` as (rule, line, text), its byte offsets checked to
/// be offsets into the whole of `text`.
fn rule_line_text(out: &[u8], text: &str) -> Vec<(String, u64, String)> {
    json(out)["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            let (s, e) = (d["span"]["start"].as_u64().unwrap() as usize, d["span"]["end"].as_u64().unwrap() as usize);
            assert_eq!(&text[s..e], d["text"].as_str().unwrap(), "byte offsets are offsets into the whole text");
            (d["rule"].as_str().unwrap().to_string(), d["line"].as_u64().unwrap(), d["text"].as_str().unwrap().to_string())
        })
        .collect()
}

#[test]
fn huge_files_are_streamed_with_exact_positions_and_fixes() {
    let dir = scratch();
    let path = dir.path().join("huge.txt");
    let paragraph = "The council met on Monday to discuss the harbour budget and the ferry timetable.\n\n";
    let repeats = (copydesk::stream::STREAM_THRESHOLD as usize / paragraph.len()) + 10;
    let mut text = String::from("Council Budget Archive\n\n");
    text.push_str(&paragraph.repeat(repeats));
    let tail_line = text.lines().count() + 1;
    text.push_str("The vote passed.Everyone cheered and the mayor left sence noon.\n");
    fs::write(&path, &text).unwrap();
    let out = stdout_of(dir.path(), &["lint", "--format", "json", "--select", "typo,missing-space", "huge.txt"], 1);
    let found = rule_line_text(&out, &text);
    let line = tail_line as u64;
    assert_eq!(found, vec![("missing-space".into(), line, "passed.Everyone".into()), ("typo".into(), line, "sence".into())]);
    // Fixing streams into a temp file that replaces the original.
    copydesk().current_dir(dir.path()).args(["lint", "--fix", "--select", "missing-space", "huge.txt"]).assert().code(0);
    let fixed = fs::read_to_string(&path).unwrap();
    assert_eq!(fixed.len(), text.len() + 1);
    assert!(fixed.ends_with("The vote passed. Everyone cheered and the mayor left sence noon.\n"));
}

/// A text read whole but too long or too dense for one document (over a MiB; tens of
/// thousands of short lines) is linted in chunks: every finding at its exact place in the
/// whole text, whichever chunk it fell in, and fixed alike in place, as a filter and in a diff.
#[test]
fn long_and_dense_texts_are_linted_in_chunks_held_whole() {
    let dir = scratch();
    let long = "The council met on Monday to discuss the harbour budget and the ferry timetable.\n\n".repeat(16_000);
    let dense = "Ok.\n".repeat(40_000);
    for (file, body) in [("long.txt", long), ("dense.txt", dense)] {
        let mut text = String::from("Council Budget Archive\n\n");
        text.push_str(&body);
        let tail_line = text.lines().count() + 1;
        text.push_str("The vote passed.Everyone cheered and the mayor left sence noon.\n");
        text.push_str(&body[..body.len() / 3]);
        assert!(text.len() < copydesk::stream::STREAM_THRESHOLD as usize, "not a huge file");
        let path = dir.path().join(file);
        fs::write(&path, &text).unwrap();
        let args = ["lint", "--format", "json", "--select", "typo,missing-space", file];
        let found = rule_line_text(&stdout_of(dir.path(), &args, 1), &text);
        let line = tail_line as u64;
        assert_eq!(found, vec![("missing-space".into(), line, "passed.Everyone".into()), ("typo".into(), line, "sence".into())], "{file}");
        // The same fixed text in a diff, through a filter and in place.
        let diff = String::from_utf8(stdout_of(dir.path(), &["lint", "--diff", "--select", "missing-space", file], 1)).unwrap();
        assert!(diff.contains("+The vote passed. Everyone cheered"), "{file}: {diff}");
        let filtered = copydesk()
            .current_dir(dir.path())
            .args(["lint", "--fix", "--select", "missing-space", "-"])
            .write_stdin(text.clone())
            .assert()
            .code(0)
            .get_output()
            .stdout
            .clone();
        copydesk().current_dir(dir.path()).args(["lint", "--fix", "--select", "missing-space", file]).assert().code(0);
        let fixed = fs::read_to_string(&path).unwrap();
        assert_eq!(fixed, text.replacen("passed.Everyone", "passed. Everyone", 1), "{file}");
        assert_eq!(filtered, fixed.as_bytes(), "{file}");
    }
}

/// A text linted in chunks whose last chunk has a bad byte (a huge file read chunk by chunk; a
/// long one held whole) is never fixed, and `--fix` reports it as it is: the slip in its first
/// chunk still at its line (a fix made there in memory used to hide it and move every later
/// line), the bad byte at its offset in the file, not in its chunk.
#[test]
fn chunked_texts_with_invalid_utf8_are_reported_as_they_are_and_never_fixed() {
    let dir = scratch();
    let paragraph = "The council met on Monday to discuss the harbour budget and the ferry timetable.\n\n";
    let huge = (copydesk::stream::STREAM_THRESHOLD as usize / paragraph.len()) + 10;
    for (file, repeats) in [("huge.txt", huge), ("long.txt", 16_000)] {
        let mut bytes = b"Council Budget Archive\n\nThe vote passed.Everyone cheered.\n\n".to_vec();
        bytes.extend_from_slice(paragraph.repeat(repeats).as_bytes());
        let bad = bytes.len() + "A stray byte ".len();
        let bad_line = bytes.iter().filter(|&&b| b == b'\n').count() as u64 + 1;
        bytes.extend_from_slice(b"A stray byte \xff ends it.\n");
        let path = dir.path().join(file);
        fs::write(&path, &bytes).unwrap();
        for fix in [false, true] {
            let mut args = vec!["lint", "--format", "json", "--select", "missing-space,invalid-utf8", file];
            if fix {
                args.insert(1, "--fix");
            }
            let report = json(&stdout_of(dir.path(), &args, 1));
            let found: Vec<(&str, u64, u64)> = report["diagnostics"]
                .as_array()
                .unwrap()
                .iter()
                .map(|d| (d["rule"].as_str().unwrap(), d["line"].as_u64().unwrap(), d["span"]["start"].as_u64().unwrap()))
                .collect();
            let slip = "Council Budget Archive\n\nThe vote ".len() as u64;
            assert_eq!(found, vec![("missing-space", 3, slip), ("invalid-utf8", bad_line, bad as u64)], "{file}, fix {fix}");
            let message = report["diagnostics"][1]["message"].as_str().unwrap();
            assert!(message.ends_with(&format!("the first at byte offset {bad}")), "{file}: {message}");
            assert_eq!(fs::read(&path).unwrap(), bytes, "{file} is never rewritten");
        }
    }
}

/// Unmounts the scratch tmpfs even when an assertion fails.
struct Mount(std::path::PathBuf);

impl Drop for Mount {
    fn drop(&mut self) {
        let _ = std::process::Command::new("umount").arg(&self.0).status();
    }
}

#[test]
fn fix_on_a_full_disk_reports_and_keeps_the_original() {
    let dir = scratch();
    let mnt = dir.path().join("tiny");
    fs::create_dir(&mnt).unwrap();
    let mounted = std::process::Command::new("mount")
        .args(["-t", "tmpfs", "-o", "size=64k", "tmpfs"])
        .arg(&mnt)
        .output()
        .is_ok_and(|o| o.status.success());
    if !mounted {
        eprintln!("cannot mount a tmpfs here (not root?): full-disk test skipped");
        return;
    }
    let _guard = Mount(mnt.clone());
    // ~36 KB of distinct paragraphs, each with a safe fix: the fixed copy cannot fit beside it.
    let mut text = String::from("Council Budget\n");
    for i in 0..420 {
        text.push_str(&format!("Paragraph number {i} says the council met on Monday.Everyone cheered at meeting {i}.\n"));
    }
    let path = mnt.join("a.txt");
    fs::write(&path, &text).unwrap();
    copydesk()
        .current_dir(&mnt)
        .args(["lint", "--fix", "a.txt"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("No space left on device"));
    assert_eq!(fs::read_to_string(&path).unwrap(), text, "the original is intact");
    let names: Vec<String> = fs::read_dir(&mnt).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().to_string()).collect();
    assert_eq!(names, vec!["a.txt"], "no temp file left behind");
}

#[test]
fn each_file_uses_its_nearest_config() {
    let dir = scratch();
    for sub in ["desk", "desk/wire", "desk/broken"] {
        fs::create_dir_all(dir.path().join(sub)).unwrap();
    }
    fs::write(dir.path().join("lint-rules.toml"), "[rules]\ntypo = \"off\"\n").unwrap();
    fs::write(dir.path().join("desk/wire/lint-rules.toml"), "[rules.typo]\nseverity = \"error\"\n").unwrap();
    fs::write(dir.path().join("desk/broken/lint-rules.toml"), "[rules.tyop]\n").unwrap();
    for f in ["desk/a.txt", "desk/wire/b.txt", "desk/broken/c.txt"] {
        fs::write(dir.path().join(f), DEFECTIVE).unwrap();
    }
    let assert = copydesk().current_dir(dir.path()).args(["lint", "--format", "json", "--select", "typo", "."]).assert().code(2);
    let out = assert.get_output();
    let v = json(&out.stdout);
    let found: Vec<(String, String)> = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| (d["path"].as_str().unwrap().to_string(), d["severity"].as_str().unwrap().to_string()))
        .collect();
    // desk/a.txt: root config turns typo off; desk/wire/b.txt: its own config makes it an error.
    assert_eq!(found, vec![("desk/wire/b.txt".to_string(), "error".to_string())]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("did you mean `typo`?") && stderr.contains("desk/broken/c.txt"), "{stderr}");
    // --config overrides discovery for every file.
    fs::write(dir.path().join("all.toml"), "[rules.typo]\nseverity = \"info\"\n").unwrap();
    let out = stdout_of(dir.path(), &["lint", "--config", "all.toml", "--format", "json", "--select", "typo", "."], 0);
    assert_eq!(json(&out)["diagnostics"].as_array().unwrap().len(), 3);
}

#[test]
fn custom_rules_honour_every_severity_are_listed_explained_and_overridable() {
    let dir = scratch();
    let config = "[[custom]]\nid = \"no-click-here\"\npattern = \"click here\"\nmessage = \"say where the link goes\"\nseverity = \"error\"\n\n[[overrides]]\npaths = [\"drafts/**\"]\n[overrides.rules]\nno-click-here = \"info\"\n";
    fs::write(dir.path().join("lint-rules.toml"), config).unwrap();
    fs::create_dir(dir.path().join("drafts")).unwrap();
    let article = "Council Approves Budget\n\nFor the report, click here.\n";
    fs::write(dir.path().join("a.txt"), article).unwrap();
    fs::write(dir.path().join("drafts/b.txt"), article).unwrap();
    let v = json(&stdout_of(dir.path(), &["lint", "--format", "json", "--select", "no-click-here"], 1));
    let severities: Vec<(&str, &str)> =
        v["diagnostics"].as_array().unwrap().iter().map(|d| (d["path"].as_str().unwrap(), d["severity"].as_str().unwrap())).collect();
    assert_eq!(severities, [("a.txt", "error"), ("drafts/b.txt", "info")]);
    // --fail-level error: only a.txt's finding is an error.
    stdout_of(dir.path(), &["lint", "--fail-level", "error", "drafts"], 0);
    stdout_of(dir.path(), &["lint", "--fail-level", "error", "a.txt"], 1);
    let list = String::from_utf8(stdout_of(dir.path(), &["rules"], 0)).unwrap();
    let row = list.lines().find(|l| l.starts_with("no-click-here")).expect("custom rule listed");
    assert!(row.contains("custom") && row.contains("error") && row.contains("say where the link goes"), "{row}");
    let list = json(&stdout_of(dir.path(), &["rules", "--format", "json"], 0));
    assert!(list.as_array().unwrap().iter().any(|r| r["id"] == "no-click-here" && r["severity"] == "error"));
    let page = String::from_utf8(stdout_of(dir.path(), &["explain", "no-click-here"], 0)).unwrap();
    assert!(page.contains("severity: error") && page.contains("click here") && page.contains("lint-rules.toml"), "{page}");
    // An override with a bad value for a custom rule is a config error.
    fs::write(dir.path().join("lint-rules.toml"), config.replace("= \"info\"", "= 3")).unwrap();
    copydesk().current_dir(dir.path()).args(["lint"]).assert().code(2).stderr(predicate::str::contains("no-click-here"));
}

#[test]
fn diff_with_fixes_pending_exits_1_and_counts_them() {
    let dir = scratch();
    // Only a safe fix (the missing space): after it nothing is left, yet the diff is pending.
    fs::write(dir.path().join("a.txt"), CLEAN.replace("Monday. As", "Monday.As")).unwrap();
    copydesk()
        .current_dir(dir.path())
        .args(["lint", "--diff", "a.txt"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("+The council met on Monday. As expected"))
        .stderr(predicate::str::contains("1 fix shown in the diff"));
    fs::write(dir.path().join("b.txt"), CLEAN).unwrap();
    copydesk().current_dir(dir.path()).args(["lint", "--diff", "b.txt"]).assert().code(0).stdout("");
}

#[test]
fn force_exclude_applies_exclude_globs_and_ignore_files_to_named_paths() {
    let dir = scratch();
    fs::write(dir.path().join("lint-rules.toml"), "[files]\nexclude = [\"drafts/**\"]\n").unwrap();
    fs::create_dir(dir.path().join("drafts")).unwrap();
    fs::create_dir(dir.path().join("wire")).unwrap();
    fs::write(dir.path().join("drafts/a.txt"), DEFECTIVE).unwrap();
    fs::write(dir.path().join("wire/b.txt"), DEFECTIVE).unwrap();
    fs::write(dir.path().join("wire/.copydeskignore"), "b.txt\n").unwrap();
    fs::write(dir.path().join("c.txt"), DEFECTIVE).unwrap();
    // Named explicitly, excluded files are linted by default ...
    copydesk().current_dir(dir.path()).args(["lint", "drafts/a.txt"]).assert().code(1);
    copydesk().current_dir(dir.path()).args(["lint", "wire/b.txt"]).assert().code(1);
    // ... and skipped with --force-exclude, while other named files are still linted.
    copydesk().current_dir(dir.path()).args(["lint", "--force-exclude", "drafts/a.txt", "wire/b.txt"]).assert().code(0);
    copydesk().current_dir(dir.path().join("drafts")).args(["lint", "--force-exclude", "a.txt"]).assert().code(0);
    let out = stdout_of(dir.path(), &["lint", "--force-exclude", "--format", "json", "drafts/a.txt", "wire/b.txt", "c.txt"], 1);
    let paths: Vec<String> =
        json(&out)["diagnostics"].as_array().unwrap().iter().map(|d| d["path"].as_str().unwrap().to_string()).collect();
    assert!(!paths.is_empty() && paths.iter().all(|p| p == "c.txt"), "{paths:?}");
    let hooks = fs::read_to_string(root().join(".pre-commit-hooks.yaml")).unwrap();
    assert!(hooks.contains("entry: copydesk lint --force-exclude"), "{hooks}");
}

#[test]
fn no_files_linted_is_said_and_fails_only_on_request() {
    let dir = scratch();
    copydesk().current_dir(dir.path()).args(["lint"]).assert().code(0).stderr(predicate::str::contains("no files linted"));
    copydesk()
        .current_dir(dir.path())
        .args(["lint", "--error-on-no-files"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no files linted"));
    // `include` matches nothing.
    fs::write(dir.path().join("lint-rules.toml"), "[files]\ninclude = [\"*.rst\"]\n").unwrap();
    fs::write(dir.path().join("a.txt"), DEFECTIVE).unwrap();
    copydesk().current_dir(dir.path()).args(["lint", "."]).assert().code(0).stderr(predicate::str::contains("no files linted"));
    copydesk().current_dir(dir.path()).args(["lint", "--error-on-no-files", "."]).assert().code(2);
    // A linted file, even a clean one, is not "no files".
    copydesk()
        .current_dir(dir.path())
        .args(["lint", "--error-on-no-files", "a.txt"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("no files").not());
}

#[test]
fn exit_zero_keeps_findings_but_not_errors() {
    let dir = scratch();
    fs::write(dir.path().join("a.txt"), DEFECTIVE).unwrap();
    copydesk().current_dir(dir.path()).args(["lint", "--exit-zero", "a.txt"]).assert().code(0).stdout(predicate::str::contains("sence"));
    copydesk().current_dir(dir.path()).args(["lint", "--exit-zero", "missing.txt"]).assert().code(2);
}

#[test]
fn sarif_uris_are_percent_encoded_relative_references_to_srcroot() {
    let dir = scratch();
    fs::create_dir(dir.path().join("news")).unwrap();
    let name = "news/Zürich 50% off #1.md";
    fs::write(dir.path().join(name), "# Council Approves Budget\n\nThe council met sence Monday.\n").unwrap();
    let sarif = json(&stdout_of(dir.path(), &["lint", "--format", "sarif", "news"], 1));
    let run = &sarif["runs"][0];
    let base = run["originalUriBaseIds"]["%SRCROOT%"]["uri"].as_str().expect("%SRCROOT% is described");
    let base = fluent_uri::Uri::parse(base).expect("the base is an absolute URI");
    let location = &run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"];
    assert_eq!(location["uriBaseId"], "%SRCROOT%");
    let uri = location["uri"].as_str().unwrap();
    assert_eq!(uri, "news/Z%C3%BCrich%2050%25%20off%20%231.md");
    let reference = fluent_uri::UriRef::parse(uri).expect("a valid URI reference");
    assert!(!reference.has_scheme() && reference.fragment().is_none() && reference.query().is_none());
    let resolved = reference.resolve_against(&base).expect("resolves");
    let path = resolved.path().decode().to_string_lossy().into_owned();
    assert_eq!(Path::new(&path), dir.path().join(name));
}

#[test]
fn unsafe_fixes_apply_no_typo_with_several_candidates() {
    let dir = scratch();
    let path = dir.path().join("a.txt");
    fs::write(&path, "Council Approves Budget\nThe council met sence Monday and teh vote passed.\n").unwrap();
    // `sence` (sense or since) is offered, not fixed; `teh` has one candidate and is fixed.
    copydesk()
        .current_dir(dir.path())
        .args(["lint", "--fix", "--unsafe-fixes", "a.txt"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("did you mean `sense` or `since`?"));
    assert_eq!(fs::read_to_string(&path).unwrap(), "Council Approves Budget\nThe council met sence Monday and the vote passed.\n");
    let v = json(&stdout_of(dir.path(), &["lint", "--format", "json", "a.txt"], 1));
    let sence = &v["diagnostics"][0];
    assert_eq!((sence["text"].as_str(), sence["fix"].is_null()), (Some("sence"), true), "{sence}");
    // An extend-words entry is the documented way to pick one.
    fs::write(dir.path().join("lint-rules.toml"), "[rules.typo]\nextend-words = { sence = \"since\" }\n").unwrap();
    copydesk().current_dir(dir.path()).args(["lint", "--fix", "a.txt"]).assert().code(0);
    assert!(fs::read_to_string(&path).unwrap().contains("met since Monday"));
}

#[test]
fn baselines_match_from_any_directory_and_after_lines_are_inserted() {
    let dir = scratch();
    fs::create_dir_all(dir.path().join("news")).unwrap();
    fs::create_dir_all(dir.path().join(".ci")).unwrap();
    let article = dir.path().join("news/a.txt");
    fs::write(&article, DEFECTIVE).unwrap();
    copydesk().current_dir(dir.path()).args(["baseline", ".ci/baseline.json", "news"]).assert().code(0);
    let recorded = json(&fs::read(dir.path().join(".ci/baseline.json")).unwrap());
    assert_eq!(recorded["version"], 2);
    assert!(recorded["entries"].as_array().unwrap().iter().all(|e| e["path"] == "../news/a.txt"), "{recorded}");
    // From the root, from news/ and from .ci/: nothing new.
    copydesk().current_dir(dir.path()).args(["lint", "--baseline", ".ci/baseline.json", "news"]).assert().code(0);
    copydesk().current_dir(dir.path().join("news")).args(["lint", "--baseline", "../.ci/baseline.json", "a.txt"]).assert().code(0);
    copydesk().current_dir(dir.path().join(".ci")).args(["lint", "--baseline", "baseline.json", "../news"]).assert().code(0);
    // Lines inserted above keep the old findings matched; a new defect is reported alone.
    fs::write(
        &article,
        format!(
            "{}\nA new paragraph was added here.\n\nAnd another one.\n{}",
            "Council Approves Budget",
            &DEFECTIVE["Council Approves Budget".len()..]
        ),
    )
    .unwrap();
    copydesk().current_dir(dir.path().join("news")).args(["lint", "--baseline", "../.ci/baseline.json", "a.txt"]).assert().code(0);
    fs::write(&article, format!("{}The mayor left sence noon.\n", fs::read_to_string(&article).unwrap())).unwrap();
    let v = json(&stdout_of(dir.path().join(".ci"), &["lint", "--format", "json", "--baseline", "baseline.json", "../news"], 1));
    let texts: Vec<&str> = v["diagnostics"].as_array().unwrap().iter().map(|d| d["text"].as_str().unwrap()).collect();
    assert_eq!(texts, ["sence"]);
}

#[test]
fn config_shows_the_files_in_order_and_the_resolved_settings() {
    let dir = scratch();
    fs::write(
        dir.path().join("lint-rules.toml"),
        "[rules]\nclickbait = \"off\"\n\n[[overrides]]\npaths = [\"drafts/**\"]\n[overrides.rules]\ntypo = \"info\"\n",
    )
    .unwrap();
    fs::create_dir(dir.path().join("drafts")).unwrap();
    fs::write(dir.path().join("drafts/a.txt"), CLEAN).unwrap();
    let out = String::from_utf8(stdout_of(dir.path(), &["config", "drafts/a.txt"], 0)).unwrap();
    let sources: Vec<&str> = out.lines().filter(|l| l.starts_with("# ") && !l.starts_with("# configuration")).collect();
    assert_eq!(sources.len(), 3, "{out}");
    assert!(
        sources[0].contains("built-in default") && sources[1].ends_with("lint-rules.toml") && sources[2].contains("drafts/**"),
        "{out}"
    );
    let resolved: toml::Table = toml::from_str(&out).expect("the settings are TOML");
    assert_eq!(resolved["rules"]["clickbait"]["severity"].as_str(), Some("off"));
    assert_eq!(resolved["rules"]["typo"].as_str().or(resolved["rules"]["typo"].get("severity").and_then(|v| v.as_str())), Some("info"));
    let top = String::from_utf8(stdout_of(dir.path(), &["config"], 0)).unwrap();
    assert!(!top.contains("drafts/**"), "{top}");
}

#[test]
fn discovery_stops_at_the_repository_root_and_verbose_says_why() {
    let dir = scratch();
    // A planted parent config turns typo off; the repository below it must not see it.
    fs::write(dir.path().join("lint-rules.toml"), "[rules]\ntypo = \"off\"\n").unwrap();
    let repo = dir.path().join("repo");
    fs::create_dir_all(repo.join(".git")).unwrap();
    fs::create_dir_all(repo.join("drafts")).unwrap();
    fs::write(repo.join("a.txt"), "Council Approves Budget\nThe council met sence Monday.\n").unwrap();
    fs::write(repo.join("drafts/b.bin.txt"), b"binary\0file").unwrap();
    fs::write(repo.join("notes.rst"), "x").unwrap();
    fs::write(repo.join(".copydeskignore"), "ignored.txt\n").unwrap();
    fs::write(repo.join("ignored.txt"), "x").unwrap();
    copydesk().current_dir(&repo).args(["lint", "a.txt"]).assert().code(1);
    copydesk().current_dir(&repo).args(["lint", "--config-beyond-repo", "a.txt"]).assert().code(0);
    let err = copydesk().current_dir(&repo).args(["lint", "--verbose"]).assert().code(1).get_output().stderr.clone();
    let err = String::from_utf8(err).unwrap();
    for needle in [
        "no lint-rules.toml found",
        "search stops at the repository root",
        "skipped notes.rst: not matched by [files] include",
        "skipped ignored.txt: ignored by",
        "skipped .copydeskignore: hidden",
        "skipped drafts/b.bin.txt: binary",
        "linting a.txt with the built-in default",
    ] {
        assert!(err.contains(needle), "no `{needle}` in:\n{err}");
    }
}

#[test]
fn output_file_takes_the_report_and_completions_are_generated() {
    let dir = scratch();
    fs::write(dir.path().join("a.txt"), DEFECTIVE).unwrap();
    let out = stdout_of(dir.path(), &["lint", "--format", "sarif", "--output-file", "report.sarif", "a.txt"], 1);
    assert!(out.is_empty(), "the report went to the file, not stdout");
    let sarif = json(&fs::read(dir.path().join("report.sarif")).unwrap());
    assert_eq!(sarif["runs"][0]["results"][0]["ruleId"], "typo");
    copydesk().current_dir(dir.path()).args(["lint", "--output-file", "no/such/dir/r.txt", "a.txt"]).assert().code(2);
    for (shell, needle) in [("bash", "complete -F"), ("zsh", "#compdef copydesk"), ("fish", "complete -c copydesk")] {
        let script = String::from_utf8(stdout_of(dir.path(), &["completions", shell], 0)).unwrap();
        assert!(script.contains(needle) && script.contains("force-exclude"), "{shell}: {script}");
    }
    copydesk().args(["completions", "tcsh"]).assert().code(2);
}

/// The rows of the README table that follows `heading`: each row's cells.
fn readme_table(heading: &str) -> Vec<Vec<String>> {
    let readme = fs::read_to_string(root().join("README.md")).unwrap();
    let after = &readme[readme.find(heading).expect("README heading")..];
    let table = after.lines().skip_while(|l| !l.starts_with('|')).take_while(|l| l.starts_with('|')).skip(2);
    table.map(|row| row.trim_matches('|').split(" | ").map(|c| c.trim().to_string()).collect()).collect()
}

#[test]
fn readme_flag_and_exit_code_tables_match_help() {
    let help = String::from_utf8(stdout_of(root(), &["lint", "--help"], 0)).unwrap();
    let long_flags = |text: &str| -> std::collections::BTreeSet<String> {
        text.split(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
            .filter(|w| w.starts_with("--") && w.len() > 2)
            .map(str::to_string)
            .collect()
    };
    // Flags as --help lists them: the first word(s) of each option line.
    let options: String = help
        .lines()
        .filter(|l| l.trim_start().starts_with('-'))
        .map(|l| l.split("  ").find(|p| !p.trim().is_empty()).unwrap_or(""))
        .collect::<Vec<_>>()
        .join(" ");
    let mut in_help = long_flags(&options);
    in_help.remove("--help");
    let in_readme: std::collections::BTreeSet<String> =
        readme_table("`copydesk lint` flags").iter().flat_map(|row| long_flags(&row[0])).collect();
    assert_eq!(in_help, in_readme, "README's flag table and `copydesk lint --help` differ");
    let exit_help: Vec<(String, String)> = help
        .lines()
        .skip_while(|l| !l.starts_with("Exit codes:"))
        .skip(1)
        .filter_map(|l| l.trim().split_once("  ").map(|(c, m)| (c.to_string(), m.trim().to_string())))
        .collect();
    let exit_readme: Vec<(String, String)> =
        readme_table("### Exit codes").into_iter().map(|row| (row[0].clone(), row[1].replace("\\|", "|"))).collect();
    assert_eq!(exit_help.len(), 3, "{help}");
    assert_eq!(exit_help, exit_readme, "README's exit-code table and `copydesk lint --help` differ");
}

/// The widest line of `s`, in characters (the box-drawing characters take one column each).
fn widest(s: &str) -> usize {
    s.lines().map(|l| l.chars().count()).max().unwrap_or(0)
}

/// Issue 13 item 12: the human format wraps to the width (COLUMNS, else the terminal, else
/// 100), cuts long lines around the finding and groups findings by file under a heading.
#[test]
fn human_output_wraps_to_the_width_and_groups_by_file() {
    let dir = scratch();
    let paragraph = "The council met on Monday to discuss the budget for the coming year and the plans for the harbour, \
                     the ferry and the new bridge, which sence the spring have been delayed by the weather and by the cost of steel";
    fs::write(dir.path().join("a.txt"), format!("Council Approves Budget\n\n{paragraph}.\n\nThe the vote passed.\n")).unwrap();
    fs::write(dir.path().join("b.txt"), "Ferry Returns\n\nThe ferry returned sence Monday.\n").unwrap();
    let human = |columns: Option<&str>| {
        let mut cmd = copydesk();
        cmd.current_dir(dir.path()).args(["lint", "--color", "never", "."]);
        if let Some(c) = columns {
            cmd.env("COLUMNS", c);
        }
        String::from_utf8(cmd.assert().code(1).get_output().stdout.clone()).unwrap()
    };
    let narrow = human(Some("60"));
    assert!(widest(&narrow) <= 60, "COLUMNS=60:\n{narrow}");
    assert!(narrow.contains('…'), "the long paragraph is cut around the finding:\n{narrow}");
    let default = human(None);
    assert!(widest(&default) <= 100 && widest(&default) > 60, "not a terminal: 100 columns\n{default}");
    assert!(human(Some("300")).contains(&format!("│ {paragraph}.\n")), "a line that fits is shown whole");
    // Grouped: each file's heading once, its findings under it, files in path order.
    let a = narrow.find("── a.txt ─").expect("heading of a.txt");
    let b = narrow.find("── b.txt ─").expect("heading of b.txt");
    assert!(a < b && narrow.matches("── a.txt ").count() == 1);
    assert!(narrow[a..b].contains("a.txt:3:") && narrow[a..b].contains("a.txt:5:") && !narrow[a..b].contains("b.txt:"));
    assert!(narrow[b..].contains("b.txt:3:"));
}

#[test]
fn a_megabyte_line_prints_one_screen_line_not_a_megabyte() {
    let dir = scratch();
    let words = ["council", "budget", "river", "station", "market", "school", "harbour", "ferry"];
    let mut line: Vec<&str> = (0..150_000).map(|i| words[i % 8]).collect();
    let n = line.len() / 2;
    line.insert(n, "sence");
    let text = format!("Title Here\n\nThe {}.\n", line.join(" "));
    assert!(text.len() > 900_000);
    fs::write(dir.path().join("long.txt"), &text).unwrap();
    let out = copydesk().current_dir(dir.path()).args(["lint", "--color", "never", "--select", "typo", "long.txt"]).assert().code(1);
    let out = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert!(out.len() < 2000, "{} bytes of output", out.len());
    assert!(widest(&out) <= 100, "{out}");
    assert!(out.contains("│ …") && out.contains(" sence ") && out.contains("…\n"), "{out}");
}

/// With 50 findings or more (human::TABLE_MIN_FINDINGS) the human format ends with a per-rule
/// table; fewer print none unless --statistics; --quiet prints only the summary line.
#[test]
fn many_findings_end_with_a_per_rule_table() {
    assert_eq!(copydesk::report::TABLE_MIN_FINDINGS, 50, "README documents 50");
    let dir = scratch();
    let many: String = (0..60).map(|i| format!("The the vote number {i} passed.\n\n")).collect();
    fs::write(dir.path().join("many.txt"), format!("Votes Passed\n\n{many}")).unwrap();
    fs::write(dir.path().join("few.txt"), "Votes Passed\n\nThe the vote passed.\n").unwrap();
    let run = |args: &[&str]| {
        let out = copydesk().current_dir(dir.path()).args(["lint", "--color", "never"]).args(args).assert().code(1);
        String::from_utf8(out.get_output().stdout.clone()).unwrap()
    };
    let out = run(&["many.txt"]);
    let table = out.find("  count  rule").expect("a table at 60 findings");
    assert!(
        out[table..].lines().any(|l| l.split_whitespace().collect::<Vec<_>>() == ["60", "repeated-word", "style", "60"]),
        "{}",
        &out[table..]
    );
    assert!(out[table..].lines().last().unwrap().starts_with("Found 60 problems"), "the summary line ends the report");
    let few = run(&["few.txt"]);
    assert!(!few.contains("  count  rule"), "{few}");
    assert!(run(&["--statistics", "few.txt"]).contains("  count  rule"));
    let quiet = run(&["--quiet", "many.txt"]);
    assert!(!quiet.contains("count") && quiet.starts_with("Found 60 problems"), "{quiet}");
}

/// Memory is bounded by bytes in flight, not file count: files of very different sizes, many
/// threads, and the report is still in path order, identical run after run.
#[test]
fn output_order_is_deterministic_under_the_in_flight_budget() {
    let dir = scratch();
    for i in 0..60 {
        // A few large files among small ones, so that later small files finish first.
        let paragraphs = if i % 13 == 0 { 3000 } else { 1 + i % 5 };
        let body: String = (0..paragraphs).map(|p| format!("The council met sence Monday {p}.\n\n")).collect();
        fs::write(dir.path().join(format!("f{i:02}.txt")), format!("Title Here\n\n{body}")).unwrap();
    }
    let run = |threads: &str| {
        let out = copydesk().current_dir(dir.path()).args(["lint", "--format", "compact", "--threads", threads, "."]).assert().code(1);
        String::from_utf8(out.get_output().stdout.clone()).unwrap()
    };
    let one = run("1");
    let files: Vec<&str> = one.lines().map(|l| l.split(':').next().unwrap()).collect();
    let mut sorted = files.clone();
    sorted.sort();
    assert_eq!(files, sorted, "path order");
    assert_eq!(files.iter().collect::<std::collections::BTreeSet<_>>().len(), 60);
    for threads in ["4", "16"] {
        assert_eq!(run(threads), one, "--threads {threads}");
    }
}

/// A `lint --watch` child: killed when the test ends, however it ends.
struct Watched(std::process::Child);

impl Drop for Watched {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Each line of `from`, sent as it comes, read on its own thread.
fn lines_of(from: impl std::io::Read + Send + 'static) -> std::sync::mpsc::Receiver<String> {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in std::io::BufRead::lines(std::io::BufReader::new(from)).map_while(Result::ok) {
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    rx
}

/// Reads `lines` into `seen` until a line satisfies `want`, or panics after `secs` seconds.
fn wait_for(lines: &std::sync::mpsc::Receiver<String>, seen: &mut Vec<String>, secs: u64, want: impl Fn(&str) -> bool, what: &str) {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(secs);
    while !seen.iter().any(|l| want(l)) {
        let left = deadline.saturating_duration_since(std::time::Instant::now());
        match lines.recv_timeout(left) {
            Ok(line) => seen.push(line),
            Err(_) => panic!("no {what} within {secs} s; got {seen:#?}"),
        }
    }
}

#[test]
fn watch_relints_on_change_and_picks_up_config_changes() {
    use std::process::Stdio;
    let dir = scratch();
    fs::write(dir.path().join("a.txt"), CLEAN).unwrap();
    let child = std::process::Command::new(env!("CARGO_BIN_EXE_copydesk"))
        .current_dir(dir.path())
        .env("NO_COLOR", "1")
        .args(["lint", "--watch", "--format", "compact"])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut child = Watched(child);
    let out = lines_of(child.0.stdout.take().unwrap());
    let err = lines_of(child.0.stderr.take().unwrap());
    let (mut stdout, mut stderr) = (Vec::new(), Vec::new());
    // The first round is done and the folder watched.
    wait_for(&err, &mut stderr, 60, |l| l.contains("watching for changes"), "first round");

    fs::write(dir.path().join("b.txt"), "Council Approves Budget\nthe vote passed sence Monday.\n").unwrap();
    let typo = |l: &str| l.starts_with("b.txt:2:") && l.contains("[typo]");
    wait_for(&out, &mut stdout, 15, typo, "typo finding after writing b.txt");
    assert!(stdout.iter().any(|l| l.starts_with("b.txt:2:1:") && l.contains("[sentence-case]")), "{stdout:#?}");
    assert!(stdout.iter().all(|l| !l.starts_with("a.txt")), "the clean file has no finding: {stdout:#?}");
    wait_for(&err, &mut stderr, 5, |l| l == "copydesk: change detected, re-linting…", "separator on stderr");

    // A new lint-rules.toml is read on the next round: typo off, sentence-case still on.
    fs::write(dir.path().join("lint-rules.toml"), "[rules]\ntypo = \"off\"\n").unwrap();
    let rounds = |lines: &[String]| lines.iter().filter(|l| l.starts_with("b.txt:2:1:") && l.contains("[sentence-case]")).count();
    let before = rounds(&stdout);
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(15);
    while rounds(&stdout) == before {
        match out.recv_timeout(deadline.saturating_duration_since(std::time::Instant::now())) {
            Ok(line) => stdout.push(line),
            Err(_) => panic!("no round after writing lint-rules.toml; got {stdout:#?}"),
        }
    }
    // The round's report is written at once; let the rest of it arrive.
    while let Ok(line) = out.recv_timeout(std::time::Duration::from_millis(500)) {
        stdout.push(line);
    }
    assert_eq!(stdout.iter().filter(|l| typo(l)).count(), 1, "typo is off after the config change: {stdout:#?}");

    // Ctrl-C ends the watch with the last round's exit code (findings: 1).
    #[cfg(unix)]
    {
        let pid = child.0.id().to_string();
        assert!(std::process::Command::new("kill").args(["-INT", &pid]).status().unwrap().success());
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
        let status = loop {
            if let Some(status) = child.0.try_wait().unwrap() {
                break status;
            }
            assert!(std::time::Instant::now() < deadline, "--watch did not end on Ctrl-C");
            std::thread::sleep(std::time::Duration::from_millis(50));
        };
        assert_eq!(status.code(), Some(1), "{stderr:#?}");
    }
}

#[test]
fn watch_refuses_flags_that_write_or_read_stdin() {
    for (args, flag) in [
        (&["--fix"][..], "--fix"),
        (&["--diff"][..], "--diff"),
        (&["-"][..], "standard input"),
        (&["--input", "jsonl", "x.jsonl"][..], "--input jsonl"),
    ] {
        copydesk()
            .args(["lint", "--watch"])
            .args(args)
            .write_stdin("")
            .assert()
            .code(2)
            .stderr(predicate::str::contains(format!("--watch cannot be used with {flag}")));
    }
}
