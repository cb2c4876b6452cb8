//! Build script: the two word tables copydesk embeds, each as text plus a hash index built
//! here, so that a look-up works from the first instruction with nothing parsed at start-up
//! and nothing relocated by the loader.
//!
//! - The lexicon (`src/lexicon/english.tsv`): `lexicon_index.bin` over its lines, and
//!   `lexicon_filter.bin`.
//! - The typos project's misspellings (`typos-dict`, a build dependency): written out as
//!   `misspellings.tsv` (`typo TAB correction [TAB correction…] NL`, the typo lowercase) with
//!   `misspellings_index.bin`. As a run-time dependency its perfect-hash map of `&str` slices
//!   costs 250,000 relocations: 6 MB of relocation records read and 5 MB of tables written by
//!   the loader in every process before `main`, most of it never looked at.
//!
//! An index is an open-addressing table of 16-byte slots (`slot_bytes` in
//! `build/table_hash.rs`, which `src/word_table.rs` includes too), probed linearly: a key's
//! first eleven bytes and length, where the rest of its line starts, and one byte the table
//! gives each line (the lexicon's case tiers). A look-up compares a word with the slot alone,
//! and reads the line only for a key longer than eleven bytes or for the rest of it: a lexicon
//! word's answer is in its slot, one read of memory where a slot holding the line's offset
//! made two in a row.
//!
//! - The clickbait model (`src/rules/clickbait_model.tsv`): `clickbait_model.tsv`, each
//!   feature with its weight's bits, and `clickbait_index.bin` (see [`clickbait_model`]).
//!
//! - The default configuration (`lint-rules.toml`) as JSON: `default_config.json`. Parsing
//!   its 22 KB of TOML was a fifth of linting one short article; serde_json reads the same
//!   values in a fraction of that (a test checks the two typed forms are equal).
//!
//! It also compiles the boilerplate rule's chrome-line patterns
//! (`src/rules/boilerplate/patterns.rs`) into sparse DFAs, `chrome/NAME.dfa`, or for an
//! unanchored pattern with a small table dense ones, `chrome/NAME.dense`: compiling them at
//! start-up was about 6 % of linting news-clean on one thread.

use std::io::Write;
use std::path::{Path, PathBuf};

// The chrome-line patterns of the boilerplate rule, compiled here into DFAs.
#[allow(dead_code)]
#[path = "../src/rules/boilerplate/patterns.rs"]
mod patterns;

// `hash`, `filter_bits` and the slots' layout, shared with src/word_table.rs.
include!("table_hash.rs");

/// Write the index of `source`'s lines (each `key TAB …`) to `out`, with `data` of the rest of
/// each line in its slot, and, when `filter` is given, a Bloom filter of the keys (two bits per
/// key, eight bits per key or more) there: most words looked up in the misspellings are not in
/// it, nor most strings looked up in the lexicon (an unknown word's one-edit neighbours, the
/// halves of a compound), and the filter (small enough to stay in the processor's cache)
/// answers them without touching the index.
fn write_index(source: &str, out: &Path, filter: Option<&Path>, data: impl Fn(&str) -> u8) {
    let mut lines = Vec::new();
    let mut offset = 0usize;
    for line in source.split_inclusive('\n') {
        if let Some((key, rest)) = line.split_once('\t') {
            lines.push((key, offset + key.len() + 1, data(rest)));
        }
        offset += line.len();
    }
    // (at most three slots in four taken)
    let slots = (lines.len() * 4 / 3 + 1).next_power_of_two();
    let mut table = vec![[0u8; 16]; slots];
    for &(key, rest, data) in &lines {
        assert!((1..=255).contains(&key.len()), "a key of 1 to 255 bytes: {key:?}");
        assert!(rest < 1 << 24, "a table under 16 MiB");
        let mut slot = (hash(key.as_bytes()) as usize) & (slots - 1);
        while table[slot][SLOT_KEY_BYTES] != 0 {
            slot = (slot + 1) & (slots - 1);
        }
        table[slot] = slot_bytes(key.as_bytes(), rest, data);
    }
    let mut file = std::io::BufWriter::new(std::fs::File::create(out).expect("create index"));
    for slot in table {
        file.write_all(&slot).expect("write index");
    }
    if let Some(filter) = filter {
        let bits = (lines.len() * 8).next_power_of_two().max(64);
        let mut set = vec![0u8; bits / 8];
        for (key, _, _) in &lines {
            for bit in filter_bits(hash(key.as_bytes()), bits) {
                set[bit / 8] |= 1 << (bit % 8);
            }
        }
        std::fs::write(filter, set).expect("write filter");
    }
}

/// A lexicon line's slot byte, from the rest of the line (`LCU [TAB spelling]`): its three case
/// tiers (digits 1–3, else none) in two bits each, lowercase first, and bit 6 when a spelling
/// follows (`src/lexicon.rs` reads the byte back, and the line only for the spelling).
fn lexicon_tiers(rest: &str) -> u8 {
    let flags = rest.as_bytes();
    assert!(flags.len() >= 3, "a lexicon line has its three tiers: {rest:?}");
    let tier = |d: u8| if (b'1'..=b'3').contains(&d) { d - b'0' } else { 0 };
    tier(flags[0]) | tier(flags[1]) << 2 | tier(flags[2]) << 4 | u8::from(flags.get(3) == Some(&b'\t')) << 6
}

/// The letter trigrams of the lexicon's everyday words (a-z alone, lowercase in the small or
/// medium lists), each word between a start and an end mark: one bit each of 28 × 28 × 28
/// (letters 0–25, start 26, end 27; bit `(a * 28 + b) * 28 + c`). An unknown word's one-edit
/// neighbours with a trigram outside the set are no everyday word, known without a look-up
/// (`rules::unknown_word`).
fn write_everyday_trigrams(lexicon: &str, out: &Path) {
    let mut bits = vec![0u8; 28 * 28 * 28 / 8];
    for line in lexicon.lines() {
        let mut fields = line.split('\t');
        let (Some(key), Some(flags)) = (fields.next(), fields.next()) else { continue };
        if !key.bytes().all(|b| b.is_ascii_lowercase()) || !flags.starts_with(['1', '2']) {
            continue;
        }
        let marked: Vec<usize> = std::iter::once(26).chain(key.bytes().map(|b| usize::from(b - b'a'))).chain(std::iter::once(27)).collect();
        for t in marked.windows(3) {
            let bit = (t[0] * 28 + t[1]) * 28 + t[2];
            bits[bit / 8] |= 1 << (bit % 8);
        }
    }
    std::fs::write(out, bits).expect("write the everyday trigrams");
}

/// The misspellings with at least one correction, one line each, sorted by typo (lowercase; a
/// few are not ASCII: Cyrillic look-alike letters in an English word).
fn misspellings() -> String {
    let mut rows: Vec<(String, String)> = typos_dict::WORD
        .map
        .entries()
        .filter(|(_, corrections)| !corrections.is_empty())
        .map(|(typo, corrections)| {
            let typo = typo.into_inner();
            assert!(corrections.iter().all(|c| !c.contains(['\t', '\n'])), "correction with a tab or newline");
            (typo.to_lowercase(), corrections.join("\t"))
        })
        .collect();
    rows.sort();
    rows.dedup_by(|a, b| a.0 == b.0);
    let mut text = String::new();
    for (typo, corrections) in rows {
        text.push_str(&typo);
        text.push('\t');
        text.push_str(&corrections);
        text.push('\n');
    }
    text
}

/// The clickbait model (`feature TAB weight` lines, `#` comments) as a word table's text:
/// `feature TAB bits NL`, the bits of the weight as an `f64` in 16 hex digits, read back exactly
/// with no decimal parsed at run time (parsing the 3,000 weights into a map at start-up was a
/// sixth of linting one short article). A line whose weight is no number is left out, and a
/// feature listed twice keeps its last weight, as a map built from the lines would.
fn clickbait_model(source: &str) -> String {
    let mut weights = std::collections::BTreeMap::new();
    for line in source.lines().filter(|l| !l.starts_with('#')) {
        let Some((key, value)) = line.split_once('\t') else { continue };
        let Ok(value) = value.trim().parse::<f64>() else { continue };
        weights.insert(key, value);
    }
    weights.iter().map(|(key, value)| format!("{key}\t{:016x}\n", value.to_bits())).collect()
}

/// Each chrome-line pattern's DFA as its `ahead` says, serialised for the target's byte order:
/// a sparse one in `chrome/NAME.dfa`, a dense one (minimised, at most `DENSE_LIMIT` bytes) in
/// `chrome/NAME.dense`; the other file of each pair is empty, and both are for a pattern
/// compiled at first need. The configuration is `MatchOnly::new`'s: no captures, unanchored
/// searches. A dense DFA's bytes start aligned (the padding the serialiser puts first is left
/// out): the rule embeds them at an aligned address.
fn write_chrome_dfas(out_dir: &Path) {
    use patterns::Ahead;
    use regex_automata::dfa::{dense, StartKind};
    use regex_automata::nfa::thompson;
    let dir = out_dir.join("chrome");
    std::fs::create_dir_all(&dir).expect("create the chrome DFA folder");
    let big_endian = std::env::var("CARGO_CFG_TARGET_ENDIAN").is_ok_and(|e| e == "big");
    for pattern in patterns::ALL {
        let build = |minimize: bool| {
            dense::Builder::new()
                .configure(dense::Config::new().start_kind(StartKind::Unanchored).minimize(minimize))
                .thompson(thompson::Config::new().which_captures(thompson::WhichCaptures::None))
                .build(&patterns::prepared(pattern.regex))
                .unwrap_or_else(|e| panic!("the DFA of {}: {e}", pattern.name))
        };
        let (mut sparse, mut dense) = (Vec::new(), Vec::new());
        match pattern.ahead {
            Ahead::Sparse => {
                let dfa = build(false).to_sparse().unwrap_or_else(|e| panic!("the sparse DFA of {}: {e}", pattern.name));
                sparse = if big_endian { dfa.to_bytes_big_endian() } else { dfa.to_bytes_little_endian() };
            }
            Ahead::Dense => {
                let dfa = build(true);
                let (bytes, padding) = if big_endian { dfa.to_bytes_big_endian() } else { dfa.to_bytes_little_endian() };
                dense = bytes[padding..].to_vec();
                assert!(
                    dense.len() <= patterns::DENSE_LIMIT,
                    "the dense DFA of {} takes {} bytes, more than {}: mark it `Ahead::No`",
                    pattern.name,
                    dense.len(),
                    patterns::DENSE_LIMIT
                );
            }
            Ahead::No => {}
        }
        std::fs::write(dir.join(format!("{}.dfa", pattern.name)), sparse).expect("write a chrome DFA");
        std::fs::write(dir.join(format!("{}.dense", pattern.name)), dense).expect("write a chrome DFA");
    }
}

fn main() {
    println!("cargo:rerun-if-changed=src/rules/boilerplate/patterns.rs");
    println!("cargo:rerun-if-changed=src/lexicon/english.tsv");
    println!("cargo:rerun-if-changed=src/rules/clickbait_model.tsv");
    println!("cargo:rerun-if-changed=lint-rules.toml");
    println!("cargo:rerun-if-changed=build/indexes.rs");
    println!("cargo:rerun-if-changed=build/table_hash.rs");
    let out_dir = PathBuf::from(std::env::var_os("OUT_DIR").expect("OUT_DIR"));
    let lexicon = std::fs::read_to_string("src/lexicon/english.tsv").expect("src/lexicon/english.tsv");
    write_index(&lexicon, &out_dir.join("lexicon_index.bin"), Some(&out_dir.join("lexicon_filter.bin")), lexicon_tiers);
    write_everyday_trigrams(&lexicon, &out_dir.join("everyday_trigrams.bin"));
    let misspellings = misspellings();
    std::fs::write(out_dir.join("misspellings.tsv"), &misspellings).expect("write misspellings");
    write_index(&misspellings, &out_dir.join("misspellings_index.bin"), Some(&out_dir.join("misspellings_filter.bin")), |_| 0);
    let model = clickbait_model(&std::fs::read_to_string("src/rules/clickbait_model.tsv").expect("src/rules/clickbait_model.tsv"));
    std::fs::write(out_dir.join("clickbait_model.tsv"), &model).expect("write the clickbait model");
    write_index(&model, &out_dir.join("clickbait_index.bin"), None, |_| 0);
    let config: toml::Value =
        toml::from_str(&std::fs::read_to_string("lint-rules.toml").expect("lint-rules.toml")).expect("lint-rules.toml is TOML");
    std::fs::write(out_dir.join("default_config.json"), serde_json::to_string(&config).expect("the default config as JSON"))
        .expect("write the default config");
    write_chrome_dfas(&out_dir);
}
