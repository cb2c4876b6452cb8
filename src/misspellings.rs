//! Known misspellings and their corrections: the typos project's dictionary (`typos-dict`,
//! MIT OR Apache-2.0; about 96,000 entries), turned into a [`WordTable`] at build time
//! (`build/indexes.rs`).

use crate::word_table::{Aligned, WordTable};

/// A `static`: one copy of the table in the binary, whatever reads it (see `lexicon::TABLE`).
pub(crate) static TABLE: WordTable = WordTable {
    source: include_str!(concat!(env!("OUT_DIR"), "/misspellings.tsv")),
    index: &Aligned(*include_bytes!(concat!(env!("OUT_DIR"), "/misspellings_index.bin"))),
    filter: include_bytes!(concat!(env!("OUT_DIR"), "/misspellings_filter.bin")),
};

/// The corrections of a listed misspelling, in any case ("Sence" → sense, since), in the
/// dictionary's order; None for a word it does not list.
pub fn corrections(word: &str) -> Option<impl Iterator<Item = &'static str>> {
    TABLE.get_any_case(word).map(|rest| crate::word_table::first_line(rest).split('\t'))
}
