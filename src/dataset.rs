//! Dataset mode (`lint --input jsonl`): a corpus of JSON records, one per line, each linted as
//! one document through the same [pipeline](crate::pipeline::lint_record) as a file.
//!
//! Records stream: lines are read in batches of about [`BATCH_BYTES`] (bytes in flight, not a
//! count of records), each batch is parsed, linted and rendered in parallel on all cores, then
//! written in input order, so memory is bounded by the batch whatever the size of the input. A
//! line that is not a record (not UTF-8, not a JSON object, no text field, text not a string,
//! over the size limit) is reported with its line number and the run goes on.
//!
//! With fixes, every input line is written back in order: a record whose text changed has the
//! bytes of its text value replaced and every other byte kept (other fields, their order,
//! spacing, number spellings); any other line (no fix, bad record, blank) is copied unchanged.

use crate::diagnostic::Severity;
use crate::document::Format as Kind;
use crate::engine::RuleSet;
use crate::pipeline::{self, Field, FixMode, RecordResult};
use crate::report::{self, Format, RecordRef, Summary};
use rayon::prelude::*;
use serde::de::{Deserialize, Deserializer, MapAccess, Visitor};
use serde_json::value::RawValue;
use std::io::{self, BufRead, Read, Write};

/// Lines are linted in parallel in batches of about this many bytes (the default of
/// [`Settings::batch_bytes`]): enough records to keep every core busy, few enough that a batch,
/// its documents and its rendered findings stay a few tens of megabytes.
pub const BATCH_BYTES: usize = 4 << 20;

/// The names of the fields a record is read from.
#[derive(Debug, Clone)]
pub struct Fields {
    /// The document's text (required, a string).
    pub text: String,
    /// The record's id (a string or a number). `None`: the `id` field when there is one, else
    /// the record's 0-based line index; `Some`: this field, required.
    pub id: Option<String>,
    /// The document's title, linted before the text; missing or `null` means no title.
    pub title: Option<String>,
}

impl Default for Fields {
    fn default() -> Self {
        Fields { text: "text".into(), id: None, title: None }
    }
}

/// How a dataset is linted and reported.
#[derive(Debug, Clone)]
pub struct Settings {
    pub fields: Fields,
    /// `jsonl`, `json`, `human` or `compact` ([`check_format`]).
    pub format: Format,
    /// How each record's text is read.
    pub kind: Kind,
    /// `write`: fix each record's text and write every record back.
    pub fix_mode: FixMode,
    pub options: report::Options,
    /// A line longer than this is a bad record (`--max-file-size`).
    pub max_record_size: u64,
    /// Bytes of input read before a batch is linted ([`BATCH_BYTES`]).
    pub batch_bytes: usize,
}

/// The report formats dataset mode can write: SARIF and GitHub annotations point at files and
/// lines of a repository, which records are not.
pub fn check_format(format: Format) -> Result<(), String> {
    match format {
        Format::Sarif | Format::Github => Err(format!(
            "--format {} reports locations in files; with --input jsonl use jsonl, json, human or compact",
            if format == Format::Sarif { "sarif" } else { "github" }
        )),
        _ => Ok(()),
    }
}

/// What a dataset run counted.
#[derive(Debug, Clone, Default)]
pub struct Counts {
    /// Lines that were not blank.
    pub read: usize,
    pub linted: usize,
    /// Lines that were not records (each reported with its line number).
    pub bad: usize,
    /// Records whose text was fixed.
    pub fixed_records: usize,
}

/// What a dataset run produced besides its output.
#[derive(Debug, Default)]
pub struct Outcome {
    pub counts: Counts,
    pub summary: Summary,
}

impl Outcome {
    /// A finding at or above `threshold`.
    pub fn failing(&self, threshold: Severity) -> bool {
        [Severity::Error, Severity::Warning, Severity::Info].iter().any(|&s| s >= threshold && self.summary.count(s) > 0)
    }

    /// The summary for stderr: records read, linted, bad; findings; fixes.
    pub fn summary_line(&self) -> String {
        let (c, s) = (&self.counts, &self.summary);
        let mut line = format!(
            "{} records read: {} linted, {} bad; {} findings ({} errors, {} warnings, {} info)",
            c.read,
            c.linted,
            c.bad,
            s.diagnostics,
            s.count(Severity::Error),
            s.count(Severity::Warning),
            s.count(Severity::Info)
        );
        if s.fixed > 0 || c.fixed_records > 0 {
            line.push_str(&format!("; {} fixes applied to {} records", s.fixed, c.fixed_records));
        }
        line.push_str(&format!(" in {:.1} s", s.elapsed_ms as f64 / 1000.0));
        line
    }
}

/// Where a run writes: the report, the fixed records (with fixes), and each bad record's line
/// number and reason.
pub struct Sinks<'a> {
    pub report: &'a mut dyn Write,
    pub fixed: Option<&'a mut dyn Write>,
    pub bad: &'a mut dyn FnMut(usize, &str),
}

/// Lint every record of `input` with `rules`, writing the report (and the fixed records) in
/// input order. I/O errors stop the run; bad records do not.
pub fn run(rules: &RuleSet, mut input: impl BufRead, settings: &Settings, sinks: Sinks<'_>) -> io::Result<Outcome> {
    let started = std::time::Instant::now();
    let outcome = Outcome { summary: Summary::new(), ..Outcome::default() };
    let mut w = Writer { sinks, outcome, settings, items: 0 };
    if settings.format == Format::Json {
        w.sinks.report.write_all(b"{\n\"version\": 1,\n\"records\": [\n")?;
    }
    let limit = settings.max_record_size;
    let (mut batch, mut bytes, mut line_no) = (Vec::new(), 0usize, 0usize);
    loop {
        let mut line = Vec::new();
        let n = Read::take(&mut input, limit.saturating_add(1)).read_until(b'\n', &mut line)?;
        if n == 0 {
            break;
        }
        line_no += 1;
        if line.len() as u64 > limit && line.last() != Some(&b'\n') {
            // Over the limit: a bad record, copied through (with fixes) without being held.
            w.batch(rules, std::mem::take(&mut batch))?;
            bytes = 0;
            w.bad(line_no, &format!("longer than the size limit of {limit} bytes (--max-file-size); not linted"));
            w.echo(&line)?;
            w.copy_rest_of_line(&mut input)?;
            continue;
        }
        bytes += line.len();
        batch.push((line_no, line));
        if bytes >= settings.batch_bytes {
            w.batch(rules, std::mem::take(&mut batch))?;
            bytes = 0;
        }
    }
    w.batch(rules, batch)?;
    w.outcome.summary.elapsed_ms = started.elapsed().as_millis();
    if settings.format == Format::Json {
        w.sinks.report.write_all(footer(&w.outcome).as_bytes())?;
    }
    Ok(w.outcome)
}

/// One line after linting.
enum Done {
    Blank(Vec<u8>),
    Bad { line: Vec<u8>, reason: String },
    Linted { line: Vec<u8>, fixed: Option<Vec<u8>>, piece: String, summary: Summary },
}

struct Writer<'a, 's> {
    sinks: Sinks<'a>,
    outcome: Outcome,
    settings: &'s Settings,
    /// Report items written so far (for the separators of `json`).
    items: usize,
}

impl Writer<'_, '_> {
    /// Lint a batch in parallel and write it in order.
    fn batch(&mut self, rules: &RuleSet, batch: Vec<(usize, Vec<u8>)>) -> io::Result<()> {
        let settings = self.settings;
        let done: Vec<(usize, Done)> = batch.into_par_iter().map(|(n, line)| (n, process(rules, n, line, settings))).collect();
        for (n, d) in done {
            match d {
                Done::Blank(line) => self.echo(&line)?,
                Done::Bad { line, reason } => {
                    self.bad(n, &reason);
                    self.echo(&line)?;
                }
                Done::Linted { line, fixed, piece, summary } => {
                    self.outcome.counts.read += 1;
                    self.outcome.counts.linted += 1;
                    self.outcome.counts.fixed_records += usize::from(fixed.is_some());
                    self.outcome.summary.merge(&summary);
                    if !piece.is_empty() {
                        if self.settings.format == Format::Json && self.items > 0 {
                            self.sinks.report.write_all(b",\n")?;
                        }
                        self.items += 1;
                        self.sinks.report.write_all(piece.as_bytes())?;
                    }
                    self.echo(fixed.as_deref().unwrap_or(&line))?;
                }
            }
        }
        Ok(())
    }

    fn bad(&mut self, line: usize, reason: &str) {
        self.outcome.counts.read += 1;
        self.outcome.counts.bad += 1;
        (self.sinks.bad)(line, reason);
    }

    /// Read the rest of an over-long line, copying it through with fixes.
    fn copy_rest_of_line(&mut self, input: &mut impl BufRead) -> io::Result<()> {
        loop {
            let buf = input.fill_buf()?;
            if buf.is_empty() {
                return Ok(());
            }
            let (n, done) = match buf.iter().position(|&b| b == b'\n') {
                Some(i) => (i + 1, true),
                None => (buf.len(), false),
            };
            self.echo(&buf[..n])?;
            input.consume(n);
            if done {
                return Ok(());
            }
        }
    }

    /// With fixes, write a line back.
    fn echo(&mut self, line: &[u8]) -> io::Result<()> {
        match self.sinks.fixed.as_mut() {
            Some(out) => out.write_all(line),
            None => Ok(()),
        }
    }
}

/// A record's fields in input order, each value as its raw JSON text in the line.
struct Entries<'a>(Vec<(String, &'a RawValue)>);

impl<'de> Deserialize<'de> for Entries<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Entries<'de>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a JSON object")
            }
            fn visit_map<M: MapAccess<'de>>(self, mut map: M) -> Result<Entries<'de>, M::Error> {
                let mut entries = Vec::new();
                while let Some(entry) = map.next_entry::<String, &'de RawValue>()? {
                    entries.push(entry);
                }
                Ok(Entries(entries))
            }
        }
        d.deserialize_map(V)
    }
}

impl<'a> Entries<'a> {
    /// The value of field `name`; an error if it appears more than once.
    fn get(&self, name: &str) -> Result<Option<&'a RawValue>, String> {
        let mut found = self.0.iter().filter(|(k, _)| k == name).map(|(_, v)| *v);
        let first = found.next();
        if found.next().is_some() {
            return Err(format!("field `{name}` appears more than once"));
        }
        Ok(first)
    }
}

/// What kind of JSON value a raw value is, for messages.
fn kind_of(raw: &RawValue) -> &'static str {
    match raw.get().as_bytes().first() {
        Some(b'"') => "a string",
        Some(b'{') => "an object",
        Some(b'[') => "an array",
        Some(b't' | b'f') => "a boolean",
        Some(b'n') => "null",
        _ => "a number",
    }
}

fn string_field(raw: &RawValue, name: &str) -> Result<String, String> {
    if kind_of(raw) != "a string" {
        return Err(format!("field `{name}` is {}, not a string", kind_of(raw)));
    }
    serde_json::from_str(raw.get()).map_err(|e| format!("field `{name}`: {e}"))
}

/// A record's id: its id field as written (a string or a number), else its 0-based index.
fn record_id(entries: &Entries<'_>, fields: &Fields, line_no: usize) -> Result<Box<RawValue>, String> {
    let name = fields.id.as_deref().unwrap_or("id");
    match entries.get(name)? {
        Some(raw) if matches!(kind_of(raw), "a string" | "a number") => Ok(raw.to_owned()),
        Some(raw) => Err(format!("field `{name}` is {}, not a string or a number", kind_of(raw))),
        None if fields.id.is_some() => Err(format!("no `{name}` field")),
        None => Ok(RawValue::from_string((line_no - 1).to_string()).expect("a number is JSON")),
    }
}

/// Parse, lint and render one line (on a worker thread).
fn process(rules: &RuleSet, line_no: usize, line: Vec<u8>, settings: &Settings) -> Done {
    if line.iter().all(u8::is_ascii_whitespace) {
        return Done::Blank(line);
    }
    match lint_line(rules, line_no, &line, settings) {
        Ok((fixed, piece, summary)) => Done::Linted { line, fixed, piece, summary },
        Err(reason) => Done::Bad { line, reason },
    }
}

fn lint_line(rules: &RuleSet, line_no: usize, line: &[u8], settings: &Settings) -> Result<(Option<Vec<u8>>, String, Summary), String> {
    let full = std::str::from_utf8(line).map_err(|e| format!("invalid UTF-8 at byte {}", e.valid_up_to()))?;
    let json = if line_no == 1 { full.strip_prefix('\u{FEFF}').unwrap_or(full) } else { full };
    let entries: Entries<'_> = serde_json::from_str(json).map_err(|e| format!("not a JSON object: {e}"))?;
    let fields = &settings.fields;
    let text_raw = entries.get(&fields.text)?.ok_or_else(|| format!("no `{}` field", fields.text))?;
    let text = string_field(text_raw, &fields.text)?;
    let id = record_id(&entries, fields, line_no)?;
    let title = match fields.title.as_deref().map(|t| entries.get(t).map(|raw| (t, raw))).transpose()? {
        Some((name, Some(raw))) if kind_of(raw) != "null" => Some(string_field(raw, name)?),
        _ => None,
    };
    let name = format!("record {line_no} (id {})", id.get());
    let bytes = text.len();
    let r = pipeline::lint_record(rules, &name, title.as_deref(), text, settings.kind, settings.fix_mode);
    let fixed = r.changed.then(|| splice(full, text_raw, &r.text.source)).flatten();
    let piece = render(&r, &id, line_no, settings);
    let mut summary = Summary::new();
    summary.add(&r.text);
    if let Some(t) = &r.title {
        summary.add(t);
    }
    summary.one_input();
    summary.bytes = bytes;
    summary.fixed = if fixed.is_some() { r.applied } else { 0 };
    Ok((fixed, piece, summary))
}

/// The line with the bytes of its text value replaced by `text`, every other byte kept.
fn splice(full: &str, raw: &RawValue, text: &str) -> Option<Vec<u8>> {
    let start = (raw.get().as_ptr() as usize).checked_sub(full.as_ptr() as usize)?;
    let end = start + raw.get().len();
    if full.get(start..end) != Some(raw.get()) {
        return None; // not a slice of this line (never, with a borrowed RawValue)
    }
    let encoded = serde_json::to_string(text).ok()?;
    Some([&full.as_bytes()[..start], encoded.as_bytes(), &full.as_bytes()[end..]].concat())
}

fn render(r: &RecordResult, id: &RawValue, line_no: usize, settings: &Settings) -> String {
    match settings.format {
        Format::Json | Format::Jsonl => {
            let mut fields = Vec::new();
            if let Some(t) = &r.title {
                fields.push((Field::Title.as_str(), t));
            }
            fields.push((Field::Text.as_str(), &r.text));
            let rec = RecordRef { id, record: line_no, fields };
            if settings.format == Format::Json {
                report::render_record_group(&rec)
            } else {
                report::render_record_lines(&rec)
            }
        }
        format => {
            let mut piece = String::new();
            if let Some(t) = &r.title {
                let mut t = t.clone();
                t.path.push_str(" title");
                piece.push_str(&report::render_file(format, &t, &settings.options));
            }
            piece + &report::render_file(format, &r.text, &settings.options)
        }
    }
}

/// The end of the `json` report: the counts of the run.
fn footer(outcome: &Outcome) -> String {
    let (c, s) = (&outcome.counts, &outcome.summary);
    let summary = serde_json::json!({
        "records": c.read,
        "linted": c.linted,
        "bad": c.bad,
        "bytes": s.bytes,
        "diagnostics": s.diagnostics,
        "by_severity": s.by_severity,
        "by_rule": s.by_rule,
        "records_by_rule": s.affected,
        "fixable": s.fixable,
        "fixed": s.fixed,
        "fixed_records": c.fixed_records,
        "elapsed_ms": s.elapsed_ms as u64,
    });
    format!("\n],\n\"summary\": {}\n}}\n", serde_json::to_string_pretty(&summary).expect("JSON"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splice_replaces_only_the_text_value() {
        let line = "{\"id\": 1e5, \"text\" : \"a cat\" , \"x\":[1, 2]}\n";
        let entries: Entries<'_> = serde_json::from_str(line).unwrap();
        let raw = entries.get("text").unwrap().unwrap();
        let out = splice(line, raw, "the \"cat\"").unwrap();
        assert_eq!(String::from_utf8(out).unwrap(), "{\"id\": 1e5, \"text\" : \"the \\\"cat\\\"\" , \"x\":[1, 2]}\n");
    }

    #[test]
    fn ids_are_strings_numbers_or_the_index() {
        let fields = Fields::default();
        let id = |line: &str| {
            let entries: Entries<'_> = serde_json::from_str(line).unwrap();
            record_id(&entries, &fields, 7).map(|r| r.get().to_string())
        };
        assert_eq!(id(r#"{"id": "a\u00e9"}"#).unwrap(), r#""a\u00e9""#);
        assert_eq!(id(r#"{"id": 12345678901234567890123}"#).unwrap(), "12345678901234567890123");
        assert_eq!(id(r#"{"text": "x"}"#).unwrap(), "6");
        assert!(id(r#"{"id": null}"#).unwrap_err().contains("null"));
        assert!(id(r#"{"id": 1, "id": 2}"#).unwrap_err().contains("more than once"));
    }
}
