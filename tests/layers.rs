//! The library's layers point one way. This test reads every `src/**/*.rs` file, collects the
//! top-level modules each one names (`crate::x`, `use crate::{x, y}`, `$crate::x`, and
//! `super::x` from a top-level module's child files), and checks two things:
//!
//! 1. every module is in [`LAYERS`] and names only modules of its own layer or lower ones;
//! 2. no module names an item of the crate root (`crate::lint_source`): the root only
//!    re-exports, so it cannot hide an upward edge (`#[macro_export]` macros count as part of
//!    the module that defines them).
//!
//! A cycle among top-level modules is then impossible, except inside one layer, which is
//! checked separately. Code after `#[cfg(test)]` is skipped: tests may use any layer.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Lowest first. A module may name modules of its own layer or below.
const LAYERS: &[&[&str]] = &[
    // text and positions: no knowledge of documents or rules
    &["text", "diagnostic", "options", "stream", "suppress", "word_table", "lexicon", "misspellings"],
    // the parsed document and the evidence derived from it
    &["document", "analysis"],
    // the rules and their registry
    &["rules"],
    // lint-rules.toml, typed by the rules' option types
    &["config"],
    // a compiled rule set and the one lint pipeline
    &["engine"],
    // where files come from, which config applies, fixing and baselines
    &["walk", "fix", "baseline", "pipeline", "workspace"],
    // output
    &["report"],
    // a whole run: inputs, parallel batches, one printer; a JSONL dataset streamed by record;
    // the language server; `lint --watch`
    &["run", "dataset", "server", "watch"],
];

fn layer_of(module: &str) -> Option<usize> {
    LAYERS.iter().position(|l| l.contains(&module))
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// The top-level module a file belongs to: src/rules/typo.rs → "rules"; src/lib.rs → "".
fn module_of(src: &Path, file: &Path) -> String {
    let rel = file.strip_prefix(src).unwrap();
    let first = rel.components().next().unwrap().as_os_str().to_string_lossy().to_string();
    let name = first.trim_end_matches(".rs");
    if name == "lib" {
        String::new()
    } else {
        name.to_string()
    }
}

fn ident_at(s: &str) -> &str {
    let end = s.find(|c: char| !(c.is_alphanumeric() || c == '_')).unwrap_or(s.len());
    &s[..end]
}

/// Names that follow `crate::` in `code`, including those inside `use crate::{a, b::c}`.
fn crate_names(code: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for (i, _) in code.match_indices("crate::") {
        let rest = &code[i + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            let mut depth = 1;
            let mut item_start = true;
            for (j, c) in group.char_indices() {
                match c {
                    '{' => depth += 1,
                    '}' => {
                        depth -= 1;
                        if depth == 0 {
                            break;
                        }
                    }
                    ',' if depth == 1 => item_start = true,
                    c if item_start && depth == 1 && (c.is_alphanumeric() || c == '_') => {
                        out.insert(ident_at(&group[j..]).to_string());
                        item_start = false;
                    }
                    c if !c.is_whitespace() => item_start = false,
                    _ => {}
                }
            }
        } else {
            out.insert(ident_at(rest).to_string());
        }
    }
    out.remove("");
    out
}

/// The code of a file without comments' text after `//` and without everything from the first
/// `#[cfg(test)]` on (test modules sit at the end of each file in this crate).
fn production_code(text: &str) -> String {
    let code = text.split("#[cfg(test)]").next().unwrap_or("");
    code.lines().map(|l| if l.trim_start().starts_with("//") { "" } else { l }).collect::<Vec<_>>().join("\n")
}

#[test]
fn layers_point_one_way_and_modules_form_no_cycle() {
    let src = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let modules: BTreeSet<String> =
        files.iter().map(|f| module_of(&src, f)).filter(|m| !m.is_empty() && m != "main" && m != "cli").collect();
    // `#[macro_export]` macros live at the crate root but belong to the module defining them.
    let mut macros: BTreeMap<String, String> = BTreeMap::new();
    for file in &files {
        let text = std::fs::read_to_string(file).unwrap();
        for (i, _) in text.match_indices("#[macro_export]") {
            if let Some(j) = text[i..].find("macro_rules!") {
                let name = ident_at(text[i + j + "macro_rules!".len()..].trim_start());
                macros.insert(name.to_string(), module_of(&src, file));
            }
        }
    }
    let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut problems = Vec::new();
    for file in &files {
        let module = module_of(&src, file);
        if module.is_empty() || module == "main" || module == "cli" {
            continue; // the crate root re-exports; the binary may use anything
        }
        let code = production_code(&std::fs::read_to_string(file).unwrap());
        let names = crate_names(&code);
        // `super::x` in a top-level module's child file (src/rules/typo.rs) names a sibling
        // inside that module, or the module itself: never another top-level module.
        let is_top_file = file.parent() == Some(src.as_path());
        if is_top_file && code.contains("super::") {
            problems.push(format!("{}: `super::` in a top-level module reaches the crate root", file.display()));
        }
        let names: BTreeSet<String> = names.into_iter().map(|n| macros.get(&n).cloned().unwrap_or(n)).filter(|n| n != &module).collect();
        for name in names {
            if modules.contains(&name) {
                edges.entry(module.clone()).or_default().insert(name);
            } else {
                problems.push(format!("{}: names the crate root item `crate::{name}` (use its module path)", file.display()));
            }
        }
    }
    for module in &modules {
        if layer_of(module).is_none() {
            problems.push(format!("module `{module}` is not in LAYERS: put it in the layer it belongs to"));
        }
    }
    for (from, tos) in &edges {
        for to in tos {
            if let (Some(a), Some(b)) = (layer_of(from), layer_of(to)) {
                if b > a {
                    problems.push(format!("`{from}` (layer {a}) names `{to}` (layer {b}): lower layers never name higher ones"));
                }
            }
        }
    }
    // Within a layer, modules may name each other, but not in a circle.
    if let Some(cycle) = find_cycle(&edges) {
        problems.push(format!("import cycle: {}", cycle.join(" → ")));
    }
    assert!(problems.is_empty(), "layer violations:\n{}", problems.join("\n"));
}

fn find_cycle(edges: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(
        node: &str,
        edges: &BTreeMap<String, BTreeSet<String>>,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(i) = path.iter().position(|p| p == node) {
            let mut cycle = path[i..].to_vec();
            cycle.push(node.to_string());
            return Some(cycle);
        }
        if done.contains(node) {
            return None;
        }
        path.push(node.to_string());
        for next in edges.get(node).into_iter().flatten() {
            if let Some(c) = visit(next, edges, path, done) {
                return Some(c);
            }
        }
        path.pop();
        done.insert(node.to_string());
        None
    }
    let mut done = BTreeSet::new();
    edges.keys().find_map(|n| visit(n, edges, &mut Vec::new(), &mut done))
}

#[test]
fn the_checker_sees_grouped_and_macro_paths() {
    let names = crate_names("use crate::{diagnostic::Span, text::{a, b}};\nfn f() { $crate::rules::X; crate::engine::y() }");
    assert_eq!(names, ["diagnostic", "engine", "rules", "text"].iter().map(|s| s.to_string()).collect());
    let mut edges = BTreeMap::new();
    edges.insert("a".to_string(), BTreeSet::from(["b".to_string()]));
    edges.insert("b".to_string(), BTreeSet::from(["a".to_string()]));
    assert!(find_cycle(&edges).is_some());
}
