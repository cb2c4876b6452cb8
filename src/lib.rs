//! copydesk — a content-quality linter for published and scraped articles.
//!
//! The library does everything but parse arguments and print: the binary, an editor server or
//! a Python module each call it in a few lines. Three entry points, from the smallest:
//!
//! - [`Linter::lint`]`(text, kind)`: the findings in one text in memory.
//! - [`fix()`]`(text, diagnostics, applicability)`: the text with the allowed fixes applied.
//! - [`Workspace::discover`]`(dir, overrides)` then [`Workspace::lint_path`]: the
//!   configuration that applies to each file (nearest lint-rules.toml, `[[overrides]]`),
//!   compiled once, and a file linted with it.
//!
//! ```
//! use copydesk::diagnostic::Applicability;
//! use copydesk::document::Format;
//!
//! let linter = copydesk::Linter::with_defaults()?;
//! let text = "Budget Approved\n\nThe council met sence Monday.As expected, the vote passed.\n";
//! let findings = linter.lint(text, Format::PlainText);
//! let rules: Vec<&str> = findings.iter().map(|d| d.rule.as_ref()).collect();
//! assert_eq!(rules, ["typo", "missing-space"]);
//!
//! // The spacing fix is safe; "sence" could be "since" or "sense", so it has no fix at all,
//! // not even an unsafe one: the candidates are suggestions for a human.
//! let fixed = copydesk::fix(text, &findings, Applicability::Safe);
//! assert_eq!(fixed.text, "Budget Approved\n\nThe council met sence Monday. As expected, the vote passed.\n");
//! let fixed = copydesk::fix(text, &findings, Applicability::Unsafe);
//! assert_eq!(fixed.applied, 1);
//! # Ok::<(), copydesk::rules::BuildError>(())
//! ```
//!
//! Layers point one way (tests/layers.rs checks it): [`text`], [`diagnostic`], [`options`], [`lexicon`] →
//! [`document`] (+ [`analysis`] evidence) → [`rules`] → [`config`] → [`engine`] (the
//! [`RuleSet`](engine::RuleSet) and [`Linter`]) → [`pipeline`], [`fix`](mod@fix),
//! [`baseline`], [`walk`], [`workspace`] → [`report`] → [`run`], [`dataset`], [`server`]
//! (`copydesk server`, the language server), [`watch`] (`lint --watch`). One pipeline,
//! [`pipeline::lint_input`], serves files, standard input, huge streamed files and baselines;
//! [`pipeline::lint_record`] runs the same steps on each record of a JSONL dataset.

pub mod analysis;
pub mod baseline;
pub mod config;
pub mod dataset;
pub mod diagnostic;
pub mod document;
pub mod engine;
pub mod fix;
pub mod lexicon;
pub mod misspellings;
pub mod options;
pub mod pipeline;
pub mod report;
pub mod rules;
pub mod run;
pub mod server;
pub mod stream;
pub mod suppress;
pub mod text;
pub mod walk;
pub mod watch;
mod word_table;
pub mod workspace;

pub use diagnostic::{Applicability, Diagnostic};
pub use document::Format;
pub use engine::{lint_bytes, lint_source, Linter};
pub use fix::{fix, Fixed};
pub use text::{decode, is_binary, Decoded, PLACEHOLDER};
pub use workspace::{Overrides, Workspace};
