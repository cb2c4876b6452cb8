//! The memory design, asserted where it can be without timing or measuring RSS (peak RSS is
//! measured by hand; README, Performance): the word table's size per word, and the allocator
//! setting that keeps freed buffers from staying resident.

use copydesk::diagnostic::Span;
use copydesk::document::{Document, Format, Word};

#[test]
fn a_word_is_16_bytes() {
    // One per word of prose: the largest table of a document (about 320k for a 2 MiB file).
    assert_eq!(std::mem::size_of::<Word>(), 16);
    // Its start is 32-bit and its length 16-bit: a word past 4 GiB (a text given to the library
    // whole; the pipeline lints large files in chunks) or a run of 64 KiB of letters is not
    // made rather than given a wrong span.
    assert!(Word::fits(Span::new(u32::MAX as usize - 65_535, u32::MAX as usize)));
    assert!(!Word::fits(Span::new(u32::MAX as usize, u32::MAX as usize + 3)));
    assert!(!Word::fits(Span::new(0, 65_536)));
}

#[test]
fn a_word_keeps_its_block_sentence_and_start() {
    let w = Word::new("The sence of it", Span::new(4, 9), 7, 12, true);
    assert_eq!((w.span(), w.block(), w.sentence(), w.sentence_start()), (Span::new(4, 9), 7, 12, true));
    assert!(w.shape().letters() && w.shape().lowercase() && w.shape().starts_lower());
    let w = Word::new("a", Span::new(0, 1), 0, 0, false);
    assert_eq!((w.block(), w.sentence(), w.sentence_start()), (0, 0, false));
    // Past the packed range an index saturates; the start flag stays its own bit.
    let w = Word::new("a", Span::new(0, 1), usize::MAX, usize::MAX, false);
    assert_eq!((w.block(), w.sentence(), w.sentence_start()), (u32::MAX as usize, (1 << 31) - 1, false));
}

#[test]
fn words_of_a_document_point_at_their_block_and_sentence() {
    let source = "# Title here\n\nFirst one. second one\n\nAnother block.\n";
    let doc = Document::parse(source, "a.md", Format::Markdown);
    let words: Vec<(&str, usize, usize, bool)> =
        doc.words.iter().map(|w| (doc.text(w.span()), w.block(), w.sentence(), w.sentence_start())).collect();
    assert_eq!(
        words,
        [
            ("Title", 0, 0, true),
            ("here", 0, 0, false),
            ("First", 1, 1, true),
            ("one", 1, 1, false),
            ("second", 1, 2, true),
            ("one", 1, 2, false),
            ("Another", 2, 3, true),
            ("block", 2, 3, false)
        ]
    );
}

#[cfg(all(target_os = "linux", target_env = "gnu"))]
#[test]
fn glibc_takes_the_fixed_mmap_threshold() {
    assert!(copydesk::run::tune_allocator());
}
