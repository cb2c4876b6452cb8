//! `--fix` on arbitrary bytes: lint, apply the fixes, re-lint, round after round, as
//! `fix::fix_until_stable` does — and check every round:
//! - no byte lost outside the edits: every stretch of the text that no allowed edit touches is
//!   in the output, in order, the first one as its prefix and the last one as its suffix;
//! - the output is exactly the text with the accepted edits spliced in (a pairwise reference of
//!   the one-pass overlap check in `fix::apply`);
//! - safe fixes converge within `fix::MAX_ROUNDS` and leave no safe fix that changes the text;
//! - `fix_until_stable` returns the same text as this round-by-round loop.
#![no_main]

use copydesk::config::LoadedConfig;
use copydesk::diagnostic::{Applicability, Diagnostic, Edit, Span};
use copydesk::engine::{RuleSet, Selection};
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

fn rules() -> &'static RuleSet {
    static RULES: OnceLock<RuleSet> = OnceLock::new();
    RULES.get_or_init(|| RuleSet::new(&LoadedConfig::default_config().config, &Selection::default()).unwrap())
}

fn allowed(diagnostics: &[Diagnostic], unsafe_fixes: bool) -> Vec<&Vec<Edit>> {
    diagnostics
        .iter()
        .filter_map(|d| d.fix.as_ref())
        .filter(|f| f.applicability == Applicability::Safe || unsafe_fixes)
        .filter(|f| !f.edits.is_empty())
        .map(|f| &f.edits)
        .collect()
}

fn clash(e: Span, a: Span) -> bool {
    e.overlaps(a) || e.start == a.start || (e.is_empty() && a.contains(e.start)) || (a.is_empty() && e.contains(a.start))
}

/// What `fix::apply` must return, computed the slow obvious way: fixes by their first edit,
/// each accepted when its edits are valid, do not clash with each other nor with any accepted edit.
fn reference(source: &str, diagnostics: &[Diagnostic], unsafe_fixes: bool) -> (String, usize) {
    let mut fixes = allowed(diagnostics, unsafe_fixes);
    fixes.sort_by_key(|edits| edits.iter().map(|e| (e.span.start, e.span.end)).min());
    let mut accepted: Vec<&Edit> = Vec::new();
    let mut count = 0;
    for edits in fixes {
        let valid = edits
            .iter()
            .all(|e| e.span.end <= source.len() && source.is_char_boundary(e.span.start) && source.is_char_boundary(e.span.end));
        let own = edits.iter().enumerate().any(|(i, e)| edits[i + 1..].iter().any(|a| clash(e.span, a.span)));
        let others = edits.iter().any(|e| accepted.iter().any(|a| clash(e.span, a.span)));
        if valid && !own && !others {
            accepted.extend(edits.iter());
            count += 1;
        }
    }
    accepted.sort_by_key(|e| (e.span.start, e.span.end));
    let mut out = String::new();
    let mut pos = 0;
    for e in accepted {
        out.push_str(&source[pos..e.span.start]);
        out.push_str(&e.replacement);
        pos = e.span.end;
    }
    out.push_str(&source[pos..]);
    (out, count)
}

/// The stretches of `source` that no allowed edit touches (an insertion splits a stretch).
fn untouched<'a>(source: &'a str, diagnostics: &[Diagnostic], unsafe_fixes: bool) -> Vec<&'a str> {
    let mut spans: Vec<Span> = allowed(diagnostics, unsafe_fixes)
        .into_iter()
        .flatten()
        .map(|e| e.span)
        .filter(|s| s.end <= source.len())
        .collect();
    spans.sort();
    let mut gaps = Vec::new();
    let mut pos = 0;
    for s in spans {
        if s.start >= pos {
            gaps.push(&source[pos..s.start]);
        }
        pos = pos.max(s.end);
    }
    gaps.push(&source[pos..]);
    gaps
}

/// Every untouched stretch is in `out`, in order; the first starts it and the last ends it.
fn keeps_untouched(out: &str, gaps: &[&str]) -> bool {
    let (first, last) = (gaps[0], gaps[gaps.len() - 1]);
    if !out.starts_with(first) || !out.ends_with(last) {
        return false;
    }
    if gaps.len() == 1 {
        return out == first;
    }
    let mut at = first.len();
    for gap in &gaps[1..gaps.len() - 1] {
        match out[at..].find(gap) {
            Some(i) => at += i + gap.len(),
            None => return false,
        }
    }
    out.len() >= at + last.len()
}

fn one_round(text: &str, name: &str, unsafe_fixes: bool) -> (String, usize) {
    let diagnostics = copydesk::lint_source(text, name, rules());
    let (out, n) = copydesk::fix::apply(text, &diagnostics, unsafe_fixes);
    let (expected, count) = reference(text, &diagnostics, unsafe_fixes);
    assert!(out == expected && n == count, "fix::apply differs from the pairwise reference:\n{text:?}");
    let gaps = untouched(text, &diagnostics, unsafe_fixes);
    assert!(keeps_untouched(&out, &gaps), "a byte outside the edits was lost or moved:\n{text:?}\n->\n{out:?}");
    (out, n)
}

fuzz_target!(|data: &[u8]| {
    let (markdown, bytes) = match data.split_first() {
        Some((flag, rest)) => (flag & 1 == 1, rest),
        None => (false, data),
    };
    let name = if markdown { "f.md" } else { "f.txt" };
    let decoded = copydesk::decode(bytes);
    let source = decoded.text.to_string();

    // Unsafe fixes: one round, bytes outside the edits kept (no convergence promise: an
    // unsafe fix is a guess a human reviews).
    one_round(&source, name, true);

    // Safe fixes (`--fix`): round by round until nothing changes.
    let mut text = source.clone();
    let mut converged = false;
    for _ in 0..copydesk::fix::MAX_ROUNDS {
        let (next, n) = one_round(&text, name, false);
        if n == 0 || next == text {
            converged = true;
            break;
        }
        text = next;
    }
    assert!(converged, "safe fixes did not converge in {} rounds:\n{source:?}\n->\n{text:?}", copydesk::fix::MAX_ROUNDS);
    let left = copydesk::lint_source(&text, name, rules());
    assert_eq!(copydesk::fix::apply(&text, &left, false).0, text, "a safe fix is left after convergence");
    let stable = copydesk::fix::fix_until_stable(&source, name, rules(), false);
    assert!(stable.converged);
    assert_eq!(stable.text, text, "fix_until_stable differs from the round-by-round loop");
});
