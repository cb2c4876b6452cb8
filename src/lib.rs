//! copydesk — a content-quality linter for published and scraped articles.
//!
//! Data flows one way: config → [`engine::RuleSet`] (compiled once) → for each file: bytes →
//! [`document::Document`] → rules → suppressions → sorted [`diagnostic::Diagnostic`]s → one
//! reporter. Detection lives here; printing lives in `report` and the binary.

pub mod analysis;
pub mod baseline;
pub mod config;
pub mod diagnostic;
pub mod document;
pub mod engine;
pub mod fix;
pub mod options;
pub mod pipeline;
pub mod report;
pub mod rules;
pub mod run;
pub mod stream;
pub mod suppress;
pub mod text;
pub mod walk;
pub mod workspace;

pub use engine::{lint_bytes, lint_source};
pub use text::{decode, is_binary, Decoded, PLACEHOLDER};
