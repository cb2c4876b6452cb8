//! What the server offers on a finding: copydesk diagnostics as LSP diagnostics, their fixes
//! as quick fixes, "fix all safe problems", an inline suppression, and adding a word to the
//! project dictionary (`[rules.typo] allow` in lint-rules.toml). Pure functions of the text
//! and its findings, so each is unit-tested without a client.

use super::convert::LineIndex;
use crate::diagnostic::{Applicability, Diagnostic, Edit, Severity, Span};
use crate::document::Format;
use lsp_types::{
    CodeAction, CodeActionKind, CodeActionOrCommand, Command, DiagnosticSeverity, NumberOrString, TextEdit, Uri, WorkspaceEdit,
};
use std::collections::HashMap;

/// The kind of "fix all safe problems in this file" (under `source.fixAll`, so editors run it
/// on save when asked to: `"editor.codeActionsOnSave": {"source.fixAll.copydesk": "explicit"}`).
pub const FIX_ALL: CodeActionKind = CodeActionKind::new("source.fixAll.copydesk");
/// The command that adds a word to the project dictionary; its argument is
/// [`AddWord`] as JSON.
pub const ADD_WORD_COMMAND: &str = "copydesk.addToDictionary";
/// Where diagnostics say they come from.
pub const SOURCE: &str = "copydesk";

/// The arguments of [`ADD_WORD_COMMAND`].
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct AddWord {
    /// The document the word was found in: the lint-rules.toml that applies to it is edited.
    pub uri: Uri,
    pub word: String,
}

/// A copydesk finding as an LSP diagnostic: the rule id as `code`, the help on a second line.
pub fn to_lsp(d: &Diagnostic, index: &LineIndex<'_>) -> lsp_types::Diagnostic {
    let severity = match d.severity {
        Severity::Error => DiagnosticSeverity::ERROR,
        Severity::Warning => DiagnosticSeverity::WARNING,
        Severity::Info => DiagnosticSeverity::INFORMATION,
    };
    let message = match &d.help {
        Some(help) => format!("{}\n{help}", d.message),
        None => d.message.clone(),
    };
    lsp_types::Diagnostic {
        range: index.range(d.span),
        severity: Some(severity),
        code: Some(NumberOrString::String(d.rule.to_string())),
        source: Some(SOURCE.to_string()),
        message,
        ..Default::default()
    }
}

/// What a code-action request is about.
pub struct Request<'a> {
    pub uri: &'a Uri,
    pub text: &'a str,
    pub format: Format,
    pub index: &'a LineIndex<'a>,
    /// The document's findings, for the version `text` is.
    pub diagnostics: &'a [Diagnostic],
    /// The selection or cursor.
    pub range: Span,
    /// The kinds the client asked for (`context.only`); `None`: every kind.
    pub only: Option<&'a [CodeActionKind]>,
}

impl Request<'_> {
    fn wants(&self, kind: &CodeActionKind) -> bool {
        let kind = kind.as_str();
        self.only.is_none_or(|only| {
            only.iter().any(|k| kind == k.as_str() || (kind.starts_with(k.as_str()) && kind[k.as_str().len()..].starts_with('.')))
        })
    }

    fn edit(&self, edits: &[Edit]) -> WorkspaceEdit {
        let edits = edits.iter().map(|e| TextEdit::new(self.index.range(e.span), e.replacement.clone())).collect();
        WorkspaceEdit { changes: Some(HashMap::from([(self.uri.clone(), edits)])), ..Default::default() }
    }
}

/// The code actions for the findings that touch `request.range`, then "fix all".
pub fn code_actions(request: &Request<'_>) -> Vec<CodeActionOrCommand> {
    let mut out = Vec::new();
    let touching = request.diagnostics.iter().filter(|d| d.span.start <= request.range.end && request.range.start <= d.span.end);
    let mut ignored: Vec<(usize, &str)> = Vec::new();
    let mut words: Vec<String> = Vec::new();
    for d in touching {
        let lsp = to_lsp(d, request.index);
        if let Some(fix) = d.fix.as_ref().filter(|f| !f.edits.is_empty()) {
            if request.wants(&CodeActionKind::QUICKFIX) {
                out.push(action(
                    fix_title(request.text, &fix.edits, &d.rule),
                    CodeActionKind::QUICKFIX,
                    &lsp,
                    request.edit(&fix.edits),
                    fix.applicability == Applicability::Safe,
                ));
            }
        }
        if !request.wants(&CodeActionKind::QUICKFIX) {
            continue;
        }
        // A typo with several candidates has no fix (no rule can pick one); offer each as a
        // choice for the writer, none preferred.
        if d.fix.is_none() {
            for candidate in typo_candidates(d) {
                let edits = [Edit::replace(d.span, candidate)];
                out.push(action(fix_title(request.text, &edits, &d.rule), CodeActionKind::QUICKFIX, &lsp, request.edit(&edits), false));
            }
        }
        let line = line_start(request.text, d.span.start);
        if !ignored.contains(&(line, d.rule.as_ref())) {
            ignored.push((line, d.rule.as_ref()));
            let edit = suppression_edit(request.text, request.format, &d.rule, d.span.start);
            let title = format!("Ignore `{}` on this line", d.rule);
            out.push(action(title, CodeActionKind::QUICKFIX, &lsp, request.edit(&[edit]), false));
        }
        let word = request.text.get(d.span.start..d.span.end).unwrap_or("");
        if d.rule == "typo" && !word.is_empty() && !words.iter().any(|w| w == word) {
            words.push(word.to_string());
            let args = AddWord { uri: request.uri.clone(), word: word.to_string() };
            let title = format!("Add `{word}` to the project dictionary (lint-rules.toml)");
            let command = Command::new(title.clone(), ADD_WORD_COMMAND.to_string(), Some(vec![serde_json::json!(args)]));
            out.push(CodeActionOrCommand::CodeAction(CodeAction {
                title,
                kind: Some(CodeActionKind::QUICKFIX),
                diagnostics: Some(vec![lsp]),
                command: Some(command),
                ..Default::default()
            }));
        }
    }
    if request.wants(&FIX_ALL) {
        if let Some(edits) = fix_all_edits(request.text, request.diagnostics) {
            out.push(CodeActionOrCommand::CodeAction(CodeAction {
                title: "Fix all safe copydesk problems in this file".to_string(),
                kind: Some(FIX_ALL),
                edit: Some(request.edit(&edits)),
                ..Default::default()
            }));
        }
    }
    out
}

fn action(title: String, kind: CodeActionKind, d: &lsp_types::Diagnostic, edit: WorkspaceEdit, preferred: bool) -> CodeActionOrCommand {
    CodeActionOrCommand::CodeAction(CodeAction {
        title,
        kind: Some(kind),
        diagnostics: Some(vec![d.clone()]),
        edit: Some(edit),
        is_preferred: preferred.then_some(true),
        ..Default::default()
    })
}

/// The corrections a `typo` finding without a fix suggests: the backticked words of its help,
/// "did you mean `since` or `sense`?".
fn typo_candidates(d: &Diagnostic) -> Vec<&str> {
    match (&d.help, d.rule.as_ref()) {
        (Some(help), "typo") if help.starts_with("did you mean") => help.split('`').skip(1).step_by(2).filter(|w| !w.is_empty()).collect(),
        _ => Vec::new(),
    }
}

/// "Replace `sence` with `since`", "Insert ` `", "Delete `the`"; several edits: the rule's fix.
fn fix_title(text: &str, edits: &[Edit], rule: &str) -> String {
    let short = |s: &str| {
        let s = s.replace('\n', "⏎");
        if s.chars().count() > 40 {
            format!("{}…", s.chars().take(39).collect::<String>())
        } else {
            s
        }
    };
    match edits {
        [e] if e.span.end <= text.len() && text.is_char_boundary(e.span.start) && text.is_char_boundary(e.span.end) => {
            let old = short(e.span.text(text));
            let new = short(&e.replacement);
            match (old.is_empty(), new.is_empty()) {
                (true, _) => format!("Insert `{new}`"),
                (false, true) => format!("Delete `{old}`"),
                (false, false) => format!("Replace `{old}` with `{new}`"),
            }
        }
        _ => format!("Apply the `{rule}` fix"),
    }
}

fn line_start(text: &str, at: usize) -> usize {
    let at = at.min(text.len());
    text.as_bytes()[..at].iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1)
}

/// The edit that silences `rule` on the line holding byte `at`, with the comment syntax of
/// [`crate::suppress`]: `<!-- copydesk-disable-next-line RULE -->`.
///
/// - If the line above already holds such a comment, the rule is added to its list.
/// - In Markdown, when the line continues a paragraph (the line above is text), the comment
///   goes at the end of the line above, where it is inline HTML: a comment on a line of its
///   own would end the paragraph and change the rendering.
/// - Otherwise (plain text, the first line of a block) it goes on a line of its own above,
///   indented like the line.
pub fn suppression_edit(text: &str, format: Format, rule: &str, at: usize) -> Edit {
    let start = line_start(text, at);
    let newline = if text[start..].split('\n').next().is_some_and(|l| l.ends_with('\r')) { "\r\n" } else { "\n" };
    let comment = format!("<!-- copydesk-disable-next-line {rule} -->");
    if start > 0 {
        let above_start = line_start(text, start - 1);
        let above = text[above_start..start - 1].trim_end_matches('\r');
        let above_end = above_start + above.len();
        const MARK: &str = "<!-- copydesk-disable-next-line";
        if let Some(i) = above.find(MARK) {
            if let Some(close) = above[i..].find("-->") {
                let list = &above[i + MARK.len()..i + close];
                let end = above_start + i + MARK.len() + list.trim_end().len();
                // An empty list already silences every rule.
                let addition = if list.trim().is_empty() { String::new() } else { format!(",{rule}") };
                return Edit::insert(end, addition);
            }
        }
        let trimmed = above.trim_start();
        let block_line = trimmed.is_empty()
            || trimmed.starts_with('#')
            || trimmed.starts_with("```")
            || trimmed.starts_with("~~~")
            || trimmed.starts_with("<!--")
            || trimmed.trim_end().ends_with("-->");
        if format == Format::Markdown && !block_line {
            return Edit::insert(above_end, format!(" {comment}"));
        }
    }
    let line = &text[start..];
    let indent = &line[..line.len() - line.trim_start_matches([' ', '\t']).len()];
    Edit::insert(start, format!("{indent}{comment}{newline}"))
}

/// The edits that apply every safe fix (as `copydesk lint --fix` would, one round), as
/// line-level replacements of what changed; `None` when no safe fix applies.
pub fn fix_all_edits(text: &str, diagnostics: &[Diagnostic]) -> Option<Vec<Edit>> {
    let fixed = crate::fix::fix(text, diagnostics, Applicability::Safe);
    if fixed.applied == 0 || fixed.text == text {
        return None;
    }
    let diff = similar::TextDiff::configure().timeout(std::time::Duration::from_millis(200)).diff_lines(text, fixed.text.as_str());
    let old_starts = line_offsets(text);
    let new_starts = line_offsets(&fixed.text);
    let mut edits = Vec::new();
    for op in diff.ops() {
        if op.tag() == similar::DiffTag::Equal {
            continue;
        }
        let (old, new) = (op.old_range(), op.new_range());
        let span = Span::new(old_starts[old.start], old_starts[old.end]);
        edits.push(Edit::replace(span, &fixed.text[new_starts[new.start]..new_starts[new.end]]));
    }
    Some(edits)
}

/// The byte offset where each line starts, and the text's length last (lines keep their `\n`,
/// as `similar` splits them).
fn line_offsets(text: &str) -> Vec<usize> {
    let mut out = vec![0];
    out.extend(text.bytes().enumerate().filter(|&(_, b)| b == b'\n').map(|(i, _)| i + 1).filter(|&i| i < text.len()));
    out.push(text.len());
    out
}

/// `toml` (the lint-rules.toml that applies, or `None` to start one) with `word` added to
/// `[rules.typo] allow`, everything else kept byte for byte. `Ok(None)`: the word is already
/// there. `Err`: the file cannot take it (not TOML, or `typo` set as a bare level); the
/// message says why.
pub fn add_allowed_word(toml: Option<&str>, word: &str) -> Result<Option<String>, String> {
    use toml_edit::{Array, DocumentMut, InlineTable, Item, Table, Value};
    let mut doc: DocumentMut = toml.unwrap_or("").parse().map_err(|e: toml_edit::TomlError| format!("not valid TOML: {}", e.message()))?;
    let rules = doc.entry("rules").or_insert_with(|| {
        let mut t = Table::new();
        t.set_implicit(true);
        Item::Table(t)
    });
    let inline = rules.is_inline_table();
    let rules = rules.as_table_like_mut().ok_or("`rules` is not a table")?;
    let typo =
        rules.entry("typo").or_insert(if inline { Item::Value(Value::InlineTable(InlineTable::new())) } else { Item::Table(Table::new()) });
    let typo = typo
        .as_table_like_mut()
        .ok_or("`rules.typo` is set as a level; write it as a table, [rules.typo] severity = \"…\", to add words")?;
    let allow = typo.entry("allow").or_insert(Item::Value(Value::Array(Array::new())));
    let allow = allow.as_array_mut().ok_or("`rules.typo.allow` is not a list")?;
    if allow.iter().any(|v| v.as_str().is_some_and(|w| w.eq_ignore_ascii_case(word) || w.to_lowercase() == word.to_lowercase())) {
        return Ok(None);
    }
    allow.push(word);
    Ok(Some(doc.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Fix;
    use crate::server::convert::Encoding;
    use std::str::FromStr;

    fn apply(text: &str, edits: &[Edit]) -> String {
        let mut edits = edits.to_vec();
        edits.sort_by_key(|e| std::cmp::Reverse(e.span.start));
        let mut out = text.to_string();
        for e in edits {
            out.replace_range(e.span.start..e.span.end, &e.replacement);
        }
        out
    }

    fn lint(text: &str, format: Format) -> Vec<Diagnostic> {
        crate::Linter::with_defaults().unwrap().lint(text, format)
    }

    #[test]
    fn a_suppression_silences_the_rule_and_keeps_paragraphs_whole() {
        let cases = [
            // Markdown, first line of a paragraph: a line of its own.
            (
                "# Budget\n\nThe council met sence Monday.\n",
                Format::Markdown,
                "# Budget\n\n<!-- copydesk-disable-next-line typo -->\nThe council met sence Monday.\n",
            ),
            // Markdown, inside a paragraph: at the end of the line above.
            (
                "# Budget\n\nThe council met\nsence Monday.\n",
                Format::Markdown,
                "# Budget\n\nThe council met <!-- copydesk-disable-next-line typo -->\nsence Monday.\n",
            ),
            // Plain text: always a line of its own, indented like the line, CRLF kept.
            (
                "Budget\r\nThe council met.\r\n  It met sence Monday.\r\n",
                Format::PlainText,
                "Budget\r\nThe council met.\r\n  <!-- copydesk-disable-next-line typo -->\r\n  It met sence Monday.\r\n",
            ),
        ];
        for (text, format, expected) in cases {
            let found = lint(text, format);
            let typo = found.iter().find(|d| d.rule == "typo").expect("a typo");
            let fixed = apply(text, &[suppression_edit(text, format, "typo", typo.span.start)]);
            assert_eq!(fixed, expected);
            assert!(!lint(&fixed, format).iter().any(|d| d.rule == "typo" || d.rule == "unused-suppression"), "{fixed:?}");
        }
    }

    #[test]
    fn a_second_rule_joins_the_existing_comment() {
        let text = "<!-- copydesk-disable-next-line typo -->\nThe council met sence Monday.As expected.\n";
        let at = text.find("Monday.As").unwrap();
        let fixed = apply(text, &[suppression_edit(text, Format::PlainText, "missing-space", at)]);
        assert_eq!(fixed, "<!-- copydesk-disable-next-line typo,missing-space -->\nThe council met sence Monday.As expected.\n");
        assert!(lint(&fixed, Format::PlainText).is_empty(), "{:?}", lint(&fixed, Format::PlainText));
    }

    #[test]
    fn fix_all_edits_equal_the_library_fix() {
        let text = "Budget\n\nThe council met.The vote passed.\nNothing here.\nIt rained.Then it stopped.\n";
        let found = lint(text, Format::PlainText);
        let edits = fix_all_edits(text, &found).expect("safe fixes");
        assert_eq!(edits.len(), 2, "one edit per changed line: {edits:?}");
        assert_eq!(apply(text, &edits), crate::fix(text, &found, Applicability::Safe).text);
        assert_eq!(fix_all_edits("Nothing to fix.\n", &[]), None);
    }

    #[test]
    fn quick_fixes_mark_safe_ones_preferred_and_respect_only() {
        let text = "Budget\n\n😀 The council met sence Monday.As expected.\n";
        let uri = Uri::from_str("file:///tmp/a.txt").unwrap();
        let index = LineIndex::new(text, Encoding::Utf16);
        let mut found = lint(text, Format::PlainText);
        let typo = found.iter_mut().find(|d| d.rule == "typo").unwrap();
        // Give the typo an unsafe fix to see it offered but not preferred.
        typo.fix = Some(Fix::unsafe_(vec![Edit::replace(typo.span, "since")]));
        let at = text.find("sence").unwrap();
        let request = Request {
            uri: &uri,
            text,
            format: Format::PlainText,
            index: &index,
            diagnostics: &found,
            range: Span::new(at, at),
            only: None,
        };
        let actions: Vec<CodeAction> = code_actions(&request)
            .into_iter()
            .map(|a| match a {
                CodeActionOrCommand::CodeAction(a) => a,
                CodeActionOrCommand::Command(_) => panic!("bare command"),
            })
            .collect();
        let titles: Vec<&str> = actions.iter().map(|a| a.title.as_str()).collect();
        assert_eq!(
            titles,
            [
                "Replace `sence` with `since`",
                "Ignore `typo` on this line",
                "Add `sence` to the project dictionary (lint-rules.toml)",
                "Fix all safe copydesk problems in this file"
            ]
        );
        assert_eq!(actions[0].is_preferred, None);
        let edit = &actions[0].edit.as_ref().unwrap().changes.as_ref().unwrap()[&uri][0];
        // 😀 counts two UTF-16 units.
        assert_eq!(edit.range, lsp_types::Range::new(lsp_types::Position::new(2, 19), lsp_types::Position::new(2, 24)));
        assert_eq!(actions[0].diagnostics.as_ref().unwrap()[0].code, Some(NumberOrString::String("typo".into())));
        let args: AddWord = serde_json::from_value(actions[2].command.as_ref().unwrap().arguments.as_ref().unwrap()[0].clone()).unwrap();
        assert_eq!(args, AddWord { uri: uri.clone(), word: "sence".into() });

        // The safe missing-space fix is preferred; asking for source.fixAll gives only fix-all.
        let at = text.find(".As").unwrap();
        let request = Request { range: Span::new(at, at + 1), ..request };
        let space = code_actions(&request);
        let CodeActionOrCommand::CodeAction(first) = &space[0] else { panic!() };
        assert_eq!((first.title.as_str(), first.is_preferred), ("Insert ` `", Some(true)));
        let only = [CodeActionKind::SOURCE_FIX_ALL];
        let fix_all = code_actions(&Request { only: Some(&only), ..request });
        assert_eq!(fix_all.len(), 1);
    }

    #[test]
    fn a_typo_with_several_candidates_offers_each() {
        let text = "The council met sence Monday.\n";
        let uri = Uri::from_str("file:///tmp/a.txt").unwrap();
        let index = LineIndex::new(text, Encoding::Utf8);
        let found = lint(text, Format::PlainText);
        assert!(found[0].fix.is_none(), "{found:?}");
        let at = text.find("sence").unwrap();
        let request = Request {
            uri: &uri,
            text,
            format: Format::PlainText,
            index: &index,
            diagnostics: &found,
            range: Span::new(at, at),
            only: None,
        };
        let fixes: Vec<String> = code_actions(&request)
            .into_iter()
            .filter_map(|a| match a {
                CodeActionOrCommand::CodeAction(a) if a.edit.is_some() && a.is_preferred.is_none() && a.title.starts_with("Replace") => {
                    Some(apply(text, &[Edit::replace(found[0].span, a.title.split('`').nth(3).unwrap())]))
                }
                _ => None,
            })
            .collect();
        assert_eq!(fixes, ["The council met sense Monday.\n", "The council met since Monday.\n"]);
    }

    #[test]
    fn adding_a_word_keeps_the_rest_of_the_file() {
        let original =
            "# house style\n[rules.typo]\nseverity = \"error\" # strict\nallow = [\"teh\"]\n\n[rules.clickbait]\nthreshold = 0.9\n";
        let updated = add_allowed_word(Some(original), "sence").unwrap().unwrap();
        assert_eq!(updated, original.replace("[\"teh\"]", "[\"teh\", \"sence\"]"));
        assert_eq!(add_allowed_word(Some(&updated), "Sence").unwrap(), None);
        // No file, or no typo table: one is written, and the config loads with it.
        let fresh = add_allowed_word(None, "sence").unwrap().unwrap();
        assert_eq!(fresh, "[rules.typo]\nallow = [\"sence\"]\n");
        let beside = add_allowed_word(Some("[rules.clickbait]\nthreshold = 0.9\n"), "sence").unwrap().unwrap();
        assert_eq!(beside, "[rules.clickbait]\nthreshold = 0.9\n\n[rules.typo]\nallow = [\"sence\"]\n");
        let inline = add_allowed_word(Some("rules = { typo = { severity = \"info\" } }\n"), "sence").unwrap().unwrap();
        assert_eq!(inline, "rules = { typo = { severity = \"info\" , allow = [\"sence\"] } }\n");
        for text in [&fresh, &beside, &inline, &updated] {
            let loaded = crate::config::LoadedConfig::from_user_text("lint-rules.toml", text, None).unwrap();
            let linter = crate::Linter::new(&loaded.config, &Default::default()).unwrap();
            assert!(linter.lint("The council met sence Monday.\n", Format::PlainText).is_empty(), "{text}");
        }
        assert!(add_allowed_word(Some("[rules]\ntypo = \"off\"\n"), "x").unwrap_err().contains("as a level"));
        assert!(add_allowed_word(Some("[rules.typo\n"), "x").is_err());
    }
}
