//! Dataset mode (`lint --input jsonl`), end to end: the jsonl and json contracts, ids, titles,
//! bad records, fixes written back byte for byte, standard input, order under parallelism, and
//! findings equal to linting the same texts as files.

mod common;

use assert_cmd::Command;
use common::root;
use serde_json::{json, Value};
use std::fs;
use std::path::Path;

fn copydesk() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_copydesk"));
    cmd.current_dir(root()).env("NO_COLOR", "1");
    cmd
}

/// A scratch directory with no lint-rules.toml above it that could leak in.
fn scratch() -> tempfile::TempDir {
    tempfile::Builder::new().prefix("copydesk-test").tempdir_in(std::env::temp_dir()).unwrap()
}

/// Run copydesk in `dir` with `args` (and `stdin`), expect exit `code`; (stdout, stderr).
fn run(dir: &Path, args: &[&str], stdin: Option<&[u8]>, code: i32) -> (Vec<u8>, String) {
    let mut cmd = copydesk();
    cmd.current_dir(dir).args(args);
    if let Some(input) = stdin {
        cmd.write_stdin(input.to_vec());
    }
    let out = cmd.assert().code(code).get_output().clone();
    (out.stdout, String::from_utf8(out.stderr).unwrap())
}

fn lines(out: &[u8]) -> Vec<Value> {
    std::str::from_utf8(out).unwrap().lines().map(|l| serde_json::from_str(l).expect("one JSON object per line")).collect()
}

fn record(v: Value) -> String {
    serde_json::to_string(&v).unwrap() + "\n"
}

const DEFECTIVE: &str = "Council Approves Budget\nThe council met sence Monday.As expected, the vote passed.\n";
const CLEAN: &str = "Council Approves Budget\nThe council met on Monday. As expected, the vote passed.\n";

/// The keys of a file-mode diagnostic, `path` excepted.
const KEYS: [&str; 12] =
    ["rule", "category", "severity", "message", "span", "line", "column", "end_line", "end_column", "text", "help", "fix"];

#[test]
fn jsonl_carries_id_record_field_and_spans_into_the_text() {
    let dir = scratch();
    let input = record(json!({"id": "a1", "text": DEFECTIVE})) + &record(json!({"id": "b2", "text": CLEAN}));
    fs::write(dir.path().join("c.jsonl"), &input).unwrap();
    let (out, err) = run(dir.path(), &["lint", "--input", "jsonl", "--format", "jsonl", "c.jsonl"], None, 1);
    let found = lines(&out);
    let rules: Vec<&str> = found.iter().map(|d| d["rule"].as_str().unwrap()).collect();
    assert_eq!(rules, ["typo", "missing-space"]);
    for d in &found {
        assert_eq!(d["id"], "a1");
        assert_eq!(d["record"], 1);
        assert_eq!(d["field"], "text");
        assert!(d.get("path").is_none());
        for key in KEYS {
            assert!(d.get(key).is_some(), "{key} missing in {d}");
        }
        let (s, e) = (d["span"]["start"].as_u64().unwrap() as usize, d["span"]["end"].as_u64().unwrap() as usize);
        assert_eq!(&DEFECTIVE[s..e], d["text"].as_str().unwrap());
    }
    assert!(err.contains("2 records read: 2 linted, 0 bad; 2 findings"), "{err}");
    // The clean record alone: exit 0.
    fs::write(dir.path().join("clean.jsonl"), record(json!({"id": "b2", "text": CLEAN}))).unwrap();
    let (out, _) = run(dir.path(), &["lint", "--input", "jsonl", "--format", "jsonl", "clean.jsonl"], None, 0);
    assert!(out.is_empty());
}

#[test]
fn bad_records_are_reported_by_line_and_the_run_goes_on_to_exit_2() {
    let dir = scratch();
    let mut input = record(json!({"id": 1, "text": CLEAN}));
    input += "not json\n"; // 2
    input += &record(json!({"id": 3})); // 3: no text
    input += &record(json!({"id": 4, "text": 42})); // 4: text not a string
    input += "\n"; // 5: blank, skipped
    input += &record(json!({"id": 6, "text": DEFECTIVE})); // 6
    input += "[1, 2]\n"; // 7: not an object
    input += &record(json!({"id": [8], "text": CLEAN})); // 8: id neither string nor number
    input += &record(json!({"id": 9, "text": null})); // 9
    let mut bytes = input.into_bytes();
    bytes.extend_from_slice(b"{\"id\": 10, \"text\": \"caf\xe9\"}\n"); // 10: invalid UTF-8
    bytes.extend_from_slice(record(json!({"id": 11, "text": DEFECTIVE})).as_bytes());
    fs::write(dir.path().join("c.jsonl"), &bytes).unwrap();
    let (out, err) = run(dir.path(), &["lint", "--input", "jsonl", "--format", "jsonl", "c.jsonl"], None, 2);
    for (line, why) in [
        (2, "not a JSON object"),
        (3, "no `text` field"),
        (4, "field `text` is a number, not a string"),
        (7, "not a JSON object"),
        (8, "field `id` is an array"),
        (9, "field `text` is null"),
        (10, "invalid UTF-8 at byte"),
    ] {
        assert!(err.contains(&format!("copydesk: error: c.jsonl:{line}: {why}")), "line {line}: {err}");
    }
    assert!(err.contains("10 records read: 3 linted, 7 bad"), "{err}");
    let ids: Vec<i64> = lines(&out).iter().map(|d| d["id"].as_i64().unwrap()).collect();
    assert_eq!(ids, [6, 6, 11, 11], "records after bad ones are linted");
}

#[test]
fn ids_keep_their_type_or_fall_back_to_the_line_index() {
    let dir = scratch();
    let mut input = record(json!({"id": "x-1", "text": DEFECTIVE}));
    input += "{\"id\": 12345678901234567890123, \"text\": \"The council met sence Monday.\"}\n";
    input += &record(json!({"text": DEFECTIVE}));
    input += &record(json!({"doc": 5, "text": DEFECTIVE}));
    fs::write(dir.path().join("c.jsonl"), &input).unwrap();
    let (out, _) = run(dir.path(), &["lint", "--input", "jsonl", "--format", "jsonl", "--select", "typo", "c.jsonl"], None, 1);
    let text = String::from_utf8(out).unwrap();
    let ids: Vec<&str> = text.lines().map(|l| &l[l.find(":").unwrap() + 1..l.find(",\"record\"").unwrap()]).collect();
    // Numbers too large for any integer type are written exactly as in the input.
    assert_eq!(ids, ["\"x-1\"", "12345678901234567890123", "2", "3"]);
    // --id-field names a field that must be there.
    let (out, err) = run(dir.path(), &["lint", "--input", "jsonl", "--format", "jsonl", "--id-field", "doc", "c.jsonl"], None, 2);
    assert!(err.contains("c.jsonl:1: no `doc` field"), "{err}");
    let found = lines(&out);
    assert!(!found.is_empty() && found.iter().all(|d| d["id"] == 5 && d["record"] == 4), "{found:?}");
}

#[test]
fn a_title_is_linted_first_and_its_findings_point_into_it() {
    let dir = scratch();
    let title = "Teh Council Meets";
    let text = "The council met sence Monday.As expected, the vote passed.\n";
    let input = record(json!({"id": 1, "headline": title, "body": text})) + &record(json!({"id": 2, "headline": null, "body": text}));
    fs::write(dir.path().join("c.jsonl"), &input).unwrap();
    let args = ["lint", "--input", "jsonl", "--format", "jsonl", "--text-field", "body", "--title-field", "headline", "c.jsonl"];
    let (out, _) = run(dir.path(), &args, None, 1);
    let found = lines(&out);
    let in_title: Vec<&Value> = found.iter().filter(|d| d["field"] == "title").collect();
    assert_eq!(in_title.len(), 1, "{found:?}");
    assert_eq!(
        (in_title[0]["id"].as_i64(), in_title[0]["rule"].as_str(), in_title[0]["text"].as_str()),
        (Some(1), Some("typo"), Some("Teh"))
    );
    assert_eq!((in_title[0]["span"]["start"].as_u64(), in_title[0]["line"].as_u64()), (Some(0), Some(1)));
    for d in found.iter().filter(|d| d["field"] == "text") {
        let (s, e) = (d["span"]["start"].as_u64().unwrap() as usize, d["span"]["end"].as_u64().unwrap() as usize);
        assert_eq!(&text[s..e], d["text"].as_str().unwrap(), "{d}");
        assert_eq!(d["line"], 1);
    }
    // Both records' texts have the same findings in the same places; only record 1 has a title.
    let text_findings = |id: i64| -> Vec<Value> {
        found.iter().filter(|d| d["id"] == id && d["field"] == "text").map(|d| json!([d["rule"], d["span"]])).collect()
    };
    assert_eq!(text_findings(1), text_findings(2));
    assert!(!text_findings(1).is_empty());
}

#[test]
fn a_markdown_title_is_a_heading_and_its_spans_still_point_into_the_title() {
    let dir = scratch();
    let input = record(json!({"id": 1, "title": "Teh Budget", "text": "The council met sence Monday.\n"}));
    let args = ["lint", "--input", "jsonl", "--format", "jsonl", "--record-format", "markdown", "--title-field", "title", "-"];
    let (out, _) = run(dir.path(), &args, Some(input.as_bytes()), 1);
    let found = lines(&out);
    let title: Vec<(&str, u64, u64)> = found
        .iter()
        .filter(|d| d["field"] == "title")
        .map(|d| (d["text"].as_str().unwrap(), d["span"]["start"].as_u64().unwrap(), d["column"].as_u64().unwrap()))
        .collect();
    assert_eq!(title, [("Teh", 0, 1)], "{found:?}");
    assert!(found.iter().any(|d| d["field"] == "text" && d["text"] == "sence" && d["span"]["start"] == 16), "{found:?}");
}

#[test]
fn fix_writes_every_record_back_changing_only_fixed_text_values() {
    let dir = scratch();
    let mut input = String::from("{\"id\": 1,   \"text\": \"Council Approves Budget\\nThe council met sence Monday.As expected.\\n\", \"n\": 1.50, \"z\": {\"k\": [1, 2]}}\n");
    input += "{\"text\": \"Clean text with \\u00e9scapes.\\n\", \"id\": 2}\r\n"; // no fix: byte-identical, CRLF kept
    input += "garbage line\n"; // bad: echoed unchanged
    input += "\n";
    input += "{\"id\": 3, \"title\": \"teh title\", \"text\": \"The the vote passed.\"}"; // no newline at the end
    fs::write(dir.path().join("c.jsonl"), &input).unwrap();
    let (out, err) = run(dir.path(), &["lint", "--input", "jsonl", "--fix", "--title-field", "title", "c.jsonl"], None, 2);
    let out = String::from_utf8(out).unwrap();
    let want = input
        .replace("sence Monday.As expected.", "sence Monday. As expected.")
        .replace("\"The the vote passed.\"", "\"The vote passed.\"");
    assert_eq!(out, want, "only the fixed text values changed; the title is never fixed");
    assert!(err.contains("fixes applied to 2 records"), "{err}");
    assert!(err.contains("c.jsonl:3: not a JSON object"), "{err}");
    // The report went to stderr: findings left after fixing (the typo has no fix, nor the title's).
    assert!(err.contains("sence") && err.contains("teh"), "{err}");

    // --output-file gets the records; stdout stays empty; the input may not be the output.
    let (out, _) = run(dir.path(), &["lint", "--input", "jsonl", "--fix", "--output-file", "fixed.jsonl", "c.jsonl"], None, 2);
    assert!(out.is_empty());
    assert!(fs::read_to_string(dir.path().join("fixed.jsonl")).unwrap().contains("\"The vote passed.\""));
    let (_, err) = run(dir.path(), &["lint", "--input", "jsonl", "--fix", "--output-file", "c.jsonl", "c.jsonl"], None, 2);
    assert!(err.contains("--output-file is the input"), "{err}");
    assert_eq!(fs::read_to_string(dir.path().join("c.jsonl")).unwrap(), input);
    // Fixing the fixed output again changes nothing.
    let (again, _) = run(dir.path(), &["lint", "--input", "jsonl", "--fix", "fixed.jsonl"], None, 2);
    assert_eq!(again, fs::read(dir.path().join("fixed.jsonl")).unwrap());
}

#[test]
fn json_groups_findings_by_record_and_counts_the_run() {
    let dir = scratch();
    let input = record(json!({"id": "a", "text": DEFECTIVE}))
        + &record(json!({"id": "b", "text": CLEAN}))
        + "oops\n"
        + &record(json!({"id": "c", "text": DEFECTIVE}));
    fs::write(dir.path().join("c.jsonl"), &input).unwrap();
    let (out, _) = run(dir.path(), &["lint", "--input", "jsonl", "--format", "json", "c.jsonl"], None, 2);
    let v: Value = serde_json::from_slice(&out).expect("one JSON document");
    assert_eq!(v["version"], 1);
    let records = v["records"].as_array().unwrap();
    let ids: Vec<(&str, u64)> = records.iter().map(|r| (r["id"].as_str().unwrap(), r["record"].as_u64().unwrap())).collect();
    assert_eq!(ids, [("a", 1), ("c", 4)], "records without findings are omitted");
    let (jsonl, _) = run(dir.path(), &["lint", "--input", "jsonl", "--format", "jsonl", "c.jsonl"], None, 2);
    let flat: Vec<Value> = lines(&jsonl)
        .into_iter()
        .map(|mut d| {
            let o = d.as_object_mut().unwrap();
            o.remove("id");
            o.remove("record");
            d
        })
        .collect();
    let grouped: Vec<Value> = records.iter().flat_map(|r| r["diagnostics"].as_array().unwrap().clone()).collect();
    assert_eq!(flat, grouped, "json holds the jsonl objects, grouped");
    let s = &v["summary"];
    assert_eq!(
        (s["records"].as_u64(), s["linted"].as_u64(), s["bad"].as_u64(), s["diagnostics"].as_u64()),
        (Some(4), Some(3), Some(1), Some(4))
    );
    assert_eq!(s["records_by_rule"]["typo"], 2);
}

#[test]
fn standard_input_and_the_formats_that_make_sense_without_files() {
    let dir = scratch();
    let input = record(json!({"id": 1, "text": DEFECTIVE}));
    let (out, _) = run(dir.path(), &["lint", "--input", "jsonl", "--format", "jsonl", "-"], Some(input.as_bytes()), 1);
    assert_eq!(lines(&out).len(), 2);
    let (out, _) = run(dir.path(), &["lint", "--input", "jsonl", "--format", "compact", "-"], Some(input.as_bytes()), 1);
    assert!(String::from_utf8(out).unwrap().starts_with("record 1 (id 1):2:17: warning[typo]"));
    let (out, _) = run(dir.path(), &["lint", "--input", "jsonl", "-"], Some(input.as_bytes()), 1);
    assert!(String::from_utf8(out).unwrap().contains("record 1 (id 1)"));
    for format in ["sarif", "github"] {
        let (out, err) = run(dir.path(), &["lint", "--input", "jsonl", "--format", format, "-"], Some(input.as_bytes()), 2);
        assert!(out.is_empty() && err.contains("reports locations in files"), "{err}");
    }
    let (_, err) = run(dir.path(), &["lint", "--input", "jsonl", "--diff", "-"], Some(input.as_bytes()), 2);
    assert!(err.contains("--diff cannot be used with --input jsonl"), "{err}");
    let (_, err) = run(dir.path(), &["lint", "--text-field", "body", "-"], Some(input.as_bytes()), 2);
    assert!(err.contains("--input"), "dataset flags need --input: {err}");
    // A byte-order mark before the first record is not an error.
    let (out, _) = run(dir.path(), &["lint", "--input", "jsonl", "--format", "jsonl", "-"], Some(format!("\u{FEFF}{input}").as_bytes()), 1);
    assert_eq!(lines(&out).len(), 2);
}

#[test]
fn statistics_count_findings_and_affected_records_per_rule() {
    let dir = scratch();
    let input = record(json!({"text": DEFECTIVE})) + &record(json!({"text": "The council met sence Monday, sence Tuesday.\n"}));
    fs::write(dir.path().join("c.jsonl"), &input).unwrap();
    let (_, err) = run(dir.path(), &["lint", "--input", "jsonl", "--format", "jsonl", "--statistics", "c.jsonl"], None, 1);
    let row = |rule: &str| {
        err.lines().find(|l| l.split_whitespace().nth(2) == Some(rule)).map(|l| l.split_whitespace().take(2).collect::<Vec<_>>())
    };
    assert_eq!(row("typo"), Some(vec!["3", "2"]), "{err}");
    assert_eq!(row("missing-space"), Some(vec!["1", "1"]), "{err}");
}

#[test]
fn an_over_long_record_is_bad_and_still_copied_through() {
    let dir = scratch();
    let long = record(json!({"id": 2, "text": "word ".repeat(400)}));
    let input = record(json!({"id": 1, "text": DEFECTIVE})) + &long + &record(json!({"id": 3, "text": DEFECTIVE}));
    fs::write(dir.path().join("c.jsonl"), &input).unwrap();
    let (out, err) = run(dir.path(), &["lint", "--input", "jsonl", "--format", "jsonl", "--max-file-size", "1000", "c.jsonl"], None, 2);
    assert!(err.contains("c.jsonl:2: longer than the size limit of 1000 bytes"), "{err}");
    let ids: Vec<i64> = lines(&out).iter().map(|d| d["id"].as_i64().unwrap()).collect();
    assert_eq!(ids, [1, 1, 3, 3]);
    let (out, _) =
        run(dir.path(), &["lint", "--input", "jsonl", "--fix", "--select", "typo", "--max-file-size", "1000", "c.jsonl"], None, 2);
    assert_eq!(String::from_utf8(out).unwrap(), input);
}

/// Many records of very different sizes, linted on several threads in batches far smaller than
/// the input: the output is in input order.
#[test]
fn order_is_kept_under_parallelism() {
    let dir = scratch();
    let mut input = String::new();
    for i in 0..600 {
        let text = format!("Report {i}\n\nThe council met sence Monday.{}\n", " The vote passed.".repeat((i * 37) % 50));
        input += &record(json!({"id": i, "text": text}));
    }
    fs::write(dir.path().join("c.jsonl"), &input).unwrap();
    let (out, _) =
        run(dir.path(), &["lint", "--input", "jsonl", "--format", "jsonl", "--select", "typo", "--threads", "4", "c.jsonl"], None, 1);
    let ids: Vec<i64> = lines(&out).iter().map(|d| d["id"].as_i64().unwrap()).collect();
    assert_eq!(ids, (0..600).collect::<Vec<_>>());

    // The library with 2 KB batches: the same output.
    let rules = common::default_rules();
    let settings = copydesk::dataset::Settings {
        fields: Default::default(),
        format: copydesk::report::Format::Jsonl,
        kind: copydesk::Format::PlainText,
        fix_mode: Default::default(),
        options: copydesk::report::Options::plain(),
        max_record_size: 1 << 20,
        batch_bytes: 2048,
    };
    let mut report = Vec::new();
    let mut bad = |_: usize, _: &str| panic!("no bad record");
    let sinks = copydesk::dataset::Sinks { report: &mut report, fixed: None, bad: &mut bad };
    let outcome = copydesk::dataset::run(rules, input.as_bytes(), &settings, sinks).unwrap();
    assert_eq!(outcome.counts.linted, 600);
    let typos: Vec<Value> = lines(&report).into_iter().filter(|d| d["rule"] == "typo").collect();
    assert_eq!(typos.iter().map(|d| d["id"].as_i64().unwrap()).collect::<Vec<_>>(), ids);
}

/// Every fixture, as a record, has exactly the findings it has as a file: same rules, spans,
/// messages, positions and fixes.
#[test]
fn a_record_has_the_findings_of_the_same_text_as_a_file() {
    let mut compared = 0;
    for markdown in [false, true] {
        let files: Vec<_> = common::walk(&root().join("fixtures"))
            .into_iter()
            .filter(|p| p.extension().is_some_and(|e| if markdown { e == "md" } else { e == "txt" }))
            .filter(|p| fs::read_to_string(p).is_ok())
            .collect();
        let mut input = String::new();
        for (i, f) in files.iter().enumerate() {
            input += &record(json!({"id": i, "text": fs::read_to_string(f).unwrap()}));
        }
        let format = if markdown { "markdown" } else { "text" };
        let args = ["lint", "--input", "jsonl", "--format", "jsonl", "--record-format", format, "--exit-zero", "-"];
        let (out, _) = run(&root(), &args, Some(input.as_bytes()), 0);
        let records = lines(&out);
        let mut args = vec!["lint", "--format", "json", "--exit-zero", "--no-ignore"];
        args.extend(files.iter().map(|f| f.to_str().unwrap()));
        let (out, _) = run(&root(), &args, None, 0);
        let as_files = serde_json::from_slice::<Value>(&out).unwrap()["diagnostics"].as_array().unwrap().clone();
        for (i, f) in files.iter().enumerate() {
            let path = f.to_str().unwrap();
            let as_file: Vec<Value> =
                as_files.iter().filter(|d| d["path"] == path).map(|d| KEYS.iter().map(|k| d[k].clone()).collect()).collect();
            let as_record: Vec<Value> =
                records.iter().filter(|d| d["id"] == i).map(|d| KEYS.iter().map(|k| d[k].clone()).collect()).collect();
            assert_eq!(as_record, as_file, "{path}");
            compared += as_file.len();
        }
    }
    assert!(compared > 50, "only {compared} findings compared");
}

/// A record whose text is too long or too dense for one document (over a MiB; tens of
/// thousands of short lines) is linted chunk by chunk as a file is: its findings at their
/// places in the text, whichever chunk they fell in, the same as the file's, its fixes applied
/// and its title never touched.
#[test]
fn long_and_dense_records_are_linted_in_chunks() {
    let dir = scratch();
    let long = "The council met on Monday to discuss the harbour budget and the ferry timetable.\n\n".repeat(16_000);
    let dense = "Ok.\n".repeat(40_000);
    for body in [long, dense] {
        let tail = "The vote passed.Everyone cheered and the mayor left sence noon.\n";
        let text = format!("{body}{tail}{}", &body[..body.len() / 3]);
        let title = "teh council archive";
        fs::write(dir.path().join("c.jsonl"), record(json!({"id": "big", "title": title, "text": text}))).unwrap();
        let args = ["lint", "--input", "jsonl", "--format", "jsonl", "--title-field", "title", "--select", "typo,missing-space"];
        let (out, _) = run(dir.path(), &[&args[..], &["c.jsonl"]].concat(), None, 1);
        let found: Vec<(String, String, String)> = lines(&out)
            .iter()
            .map(|d| {
                let (s, e) = (d["span"]["start"].as_u64().unwrap() as usize, d["span"]["end"].as_u64().unwrap() as usize);
                let field = d["field"].as_str().unwrap().to_string();
                let source = if field == "title" { title } else { text.as_str() };
                assert_eq!(&source[s..e], d["text"].as_str().unwrap(), "spans into the field");
                (field, d["rule"].as_str().unwrap().to_string(), d["text"].as_str().unwrap().to_string())
            })
            .collect();
        let want = [("title", "typo", "teh"), ("text", "missing-space", "passed.Everyone"), ("text", "typo", "sence")];
        assert_eq!(found, want.map(|(f, r, t)| (f.to_string(), r.to_string(), t.to_string())));
        // The same findings in the text as a file.
        fs::write(dir.path().join("c.txt"), &text).unwrap();
        let (file_out, _) = run(dir.path(), &["lint", "--format", "jsonl", "--select", "typo,missing-space", "c.txt"], None, 1);
        let spans = |out: &[u8], field: bool| -> Vec<Value> {
            lines(out).into_iter().filter(|d| !field || d["field"] == "text").map(|d| d["span"].clone()).collect()
        };
        assert_eq!(spans(&out, true), spans(&file_out, false));
        // Fixed in place in the record; the title, with a fix of its own, left as it is (the
        // first chunk holds it, protected).
        let title = "The the council archive";
        fs::write(dir.path().join("c.jsonl"), record(json!({"id": "big", "title": title, "text": text}))).unwrap();
        let args = ["lint", "--input", "jsonl", "--fix", "--title-field", "title", "--select", "missing-space,repeated-word", "c.jsonl"];
        let (fixed, _) = run(dir.path(), &args, None, 1);
        let fixed = lines(&fixed);
        assert_eq!(fixed[0]["text"], text.replacen("passed.Everyone", "passed. Everyone", 1));
        assert_eq!(fixed[0]["title"], title);
    }
}
