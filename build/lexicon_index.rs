//! Build script: a hash index over the embedded lexicon (`src/lexicon/english.tsv`), so that
//! copydesk looks words up from its first instruction instead of parsing 134,000 lines at
//! start-up. The index is an open-addressing table of line offsets (u32, little-endian,
//! 0 = empty, else offset + 1), probed linearly; `src/lexicon.rs` holds the same hash.

use std::io::Write;

/// FNV-1a, 64 bits. Must equal `hash` in src/lexicon.rs (a unit test there checks every word).
fn hash(key: &[u8]) -> u64 {
    key.iter().fold(0xcbf2_9ce4_8422_2325u64, |h, &b| (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3))
}

fn main() {
    println!("cargo:rerun-if-changed=src/lexicon/english.tsv");
    println!("cargo:rerun-if-changed=build/lexicon_index.rs");
    let source = std::fs::read_to_string("src/lexicon/english.tsv").expect("src/lexicon/english.tsv");
    let mut lines = Vec::new();
    let mut offset = 0usize;
    for line in source.split_inclusive('\n') {
        if let Some((key, _)) = line.split_once('\t') {
            lines.push((key, offset));
        }
        offset += line.len();
    }
    let slots = (lines.len() * 2).next_power_of_two();
    let mut table = vec![0u32; slots];
    for (key, offset) in lines {
        let mut slot = (hash(key.as_bytes()) as usize) & (slots - 1);
        while table[slot] != 0 {
            slot = (slot + 1) & (slots - 1);
        }
        table[slot] = u32::try_from(offset + 1).expect("lexicon under 4 GiB");
    }
    let out = std::path::PathBuf::from(std::env::var_os("OUT_DIR").expect("OUT_DIR")).join("lexicon_index.bin");
    let mut file = std::io::BufWriter::new(std::fs::File::create(out).expect("create index"));
    for v in table {
        file.write_all(&v.to_le_bytes()).expect("write index");
    }
}
