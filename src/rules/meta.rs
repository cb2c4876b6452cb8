//! The two meta rules the engine itself reports: `unused-suppression` (after suppressions are
//! applied) and `invalid-utf8` (when bytes are decoded). They have metadata and a `[rules.*]`
//! entry like any rule, but no `check` of their own.

use super::RuleMeta;
use crate::diagnostic::{Category, Severity};

pub static UNUSED_SUPPRESSION: RuleMeta = RuleMeta {
    id: "unused-suppression",
    category: Category::Meta,
    default_severity: Severity::Info,
    priority: 150,
    fix: "safe",
    summary: "A copydesk-disable comment that suppresses nothing",
    explanation: "Reports a `<!-- copydesk-disable… -->` comment that silenced no finding, or that names a \
rule copydesk does not know. Stale suppressions hide future defects, so they are worth deleting. \
The safe fix removes the comment.",
    bad: "<!-- copydesk-disable-next-line typo -->\nA line with no typo.",
    good: "A line with no typo.",
};

pub static INVALID_UTF8: RuleMeta = RuleMeta {
    id: "invalid-utf8",
    category: Category::Meta,
    default_severity: Severity::Error,
    priority: 160,
    fix: "",
    summary: "The file is not valid UTF-8 (reported at the first bad byte)",
    explanation: "Reports a file that contains bytes that are not valid UTF-8, at the offset of the first \
bad byte, with the count of bad bytes. The rest of the file is still linted: each invalid byte is read \
as one placeholder character so every other span stays exact. `--fix` never rewrites such a file.",
    bad: "caf\\xE9 (Latin-1 bytes in a UTF-8 file)",
    good: "café",
};
