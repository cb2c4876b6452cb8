//! Input and output that never lose a byte (issue 12): the `--fix -` filter, what `--fix`
//! keeps of the file it replaces, interrupts, odd files, size limits, threads, broken pipes.

mod common;

use assert_cmd::Command;
use common::{root, walk};
use predicates::prelude::*;
use std::fs;
use std::path::Path;

fn copydesk() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_copydesk"));
    cmd.current_dir(root()).env("NO_COLOR", "1");
    cmd
}

fn scratch() -> tempfile::TempDir {
    tempfile::Builder::new().prefix("copydesk-io").tempdir_in(std::env::temp_dir()).unwrap()
}

const DEFECTIVE: &str = "Council Approves Budget\nThe council met on Monday.As expected, the vote passed.\n";
const FIXED: &str = "Council Approves Budget\nThe council met on Monday. As expected, the vote passed.\n";

fn temp_files(dir: &Path) -> Vec<String> {
    let mut out = Vec::new();
    for e in walk(dir) {
        let name = e.file_name().unwrap().to_string_lossy().to_string();
        if name.starts_with(".copydesk-") && name.ends_with(".tmp") {
            out.push(e.display().to_string());
        }
    }
    out
}

// 1. The filter echoes what it cannot fix.

#[test]
fn filter_echoes_input_it_cannot_fix_and_exits_2() {
    let utf16: Vec<u8> = [0xFF, 0xFE].into_iter().chain("Council met.\n".encode_utf16().flat_map(u16::to_le_bytes)).collect();
    let cases: [(&str, Vec<u8>, &str); 4] = [
        ("invalid UTF-8", b"The council met.As expected \xff it passed.\n".to_vec(), "invalid UTF-8"),
        ("NUL bytes", b"The council met.\0As expected.\n".to_vec(), "binary"),
        ("UTF-16 with a BOM", utf16, "UTF-16"),
        ("UTF-16 big-endian", vec![0xFE, 0xFF, 0, b'A', 0, b'.'], "UTF-16"),
    ];
    for (what, input, message) in cases {
        let out = copydesk().args(["lint", "--fix", "-"]).write_stdin(input.clone()).assert().code(2).get_output().clone();
        assert_eq!(out.stdout, input, "{what}: the input must come back unchanged");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains(message) && stderr.contains("unchanged"), "{what}: {stderr}");
    }
    // What it can fix, it fixes.
    copydesk().args(["lint", "--fix", "-"]).write_stdin(DEFECTIVE).assert().code(0).stdout(FIXED);
}

#[test]
fn binary_or_utf16_stdin_never_passes_silently() {
    copydesk().args(["lint", "-"]).write_stdin(b"abc\0def".to_vec()).assert().code(2).stderr(predicate::str::contains("binary"));
    copydesk().args(["lint", "-"]).write_stdin(vec![0xFF, 0xFE, b'A', 0]).assert().code(2).stderr(predicate::str::contains("UTF-16"));
}

// 2. --fix keeps what it replaces.

#[test]
fn fix_writes_through_a_symlink_and_keeps_it_a_link() {
    let dir = scratch();
    fs::create_dir(dir.path().join("real")).unwrap();
    let target = dir.path().join("real/a.txt");
    fs::write(&target, DEFECTIVE).unwrap();
    let link = dir.path().join("link.txt");
    std::os::unix::fs::symlink(&target, &link).unwrap();
    copydesk().current_dir(dir.path()).args(["lint", "--fix", "link.txt"]).assert().code(0);
    assert!(fs::symlink_metadata(&link).unwrap().file_type().is_symlink(), "the link must stay a link");
    assert_eq!(fs::read_to_string(&target).unwrap(), FIXED);
    assert!(temp_files(dir.path()).is_empty());
}

#[test]
fn fix_keeps_hard_links_inode_and_mode() {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    let dir = scratch();
    let a = dir.path().join("a.txt");
    let b = dir.path().join("b.article");
    fs::write(&a, DEFECTIVE).unwrap();
    fs::hard_link(&a, &b).unwrap();
    fs::set_permissions(&a, fs::Permissions::from_mode(0o604)).unwrap();
    let inode = fs::metadata(&a).unwrap().ino();
    copydesk().current_dir(dir.path()).args(["lint", "--fix", "a.txt"]).assert().code(0);
    assert_eq!(fs::read_to_string(&a).unwrap(), FIXED);
    assert_eq!(fs::read_to_string(&b).unwrap(), FIXED, "the other link sees the fix");
    let meta = fs::metadata(&a).unwrap();
    assert_eq!((meta.ino(), meta.nlink()), (inode, 2));
    assert_eq!(meta.permissions().mode() & 0o777, 0o604);
    // A single link keeps its mode and owner through the rename.
    let c = dir.path().join("c.txt");
    fs::write(&c, DEFECTIVE).unwrap();
    fs::set_permissions(&c, fs::Permissions::from_mode(0o640)).unwrap();
    let owner = (fs::metadata(&c).unwrap().uid(), fs::metadata(&c).unwrap().gid());
    copydesk().current_dir(dir.path()).args(["lint", "--fix", "c.txt"]).assert().code(0);
    let meta = fs::metadata(&c).unwrap();
    assert_eq!((meta.permissions().mode() & 0o777, meta.uid(), meta.gid()), (0o640, owner.0, owner.1));
}

// 3. Ctrl-C leaves no temp file.

#[test]
fn interrupt_during_fix_leaves_no_temp_file() {
    let dir = scratch();
    let body: String = (0..2000).map(|i| format!("The council met on day {i}.As expected, vote {i} passed.\n")).collect();
    let original = format!("Council Approves Budget\n{body}");
    let fixed = original.replace(".As", ". As");
    for i in 0..300 {
        fs::write(dir.path().join(format!("a{i:03}.txt")), &original).unwrap();
    }
    for delay_ms in [300, 800, 1500] {
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_copydesk"))
            .current_dir(dir.path())
            .args(["lint", "--fix", "--format", "compact", "--threads", "2", "."])
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(std::time::Duration::from_millis(delay_ms));
        std::process::Command::new("kill").args(["-INT", &child.id().to_string()]).status().unwrap();
        let status = child.wait().unwrap();
        assert!(status.code() == Some(130) || status.success() || status.code() == Some(1), "{status:?}");
        let left = temp_files(dir.path());
        assert!(left.is_empty(), "temp files left after Ctrl-C at {delay_ms} ms: {left:?}");
        // Every file is either untouched or wholly fixed.
        for f in walk(dir.path()) {
            let text = fs::read_to_string(&f).unwrap();
            assert!(text == original || text == fixed, "{} is damaged", f.display());
        }
    }
}

// 4. Version-control directories, odd files, size limits.

#[test]
fn vcs_directories_are_never_walked_even_with_include_star() {
    let dir = scratch();
    fs::write(dir.path().join("lint-rules.toml"), "[files]\ninclude = [\"*\"]\n").unwrap();
    for vcs in [".git", ".hg", ".svn"] {
        fs::create_dir_all(dir.path().join(vcs).join("hooks")).unwrap();
        fs::write(dir.path().join(vcs).join("hooks/pre-commit"), "#!/bin/sh\necho hi.There\n").unwrap();
    }
    fs::write(dir.path().join("story.txt"), DEFECTIVE).unwrap();
    copydesk().current_dir(dir.path()).args(["lint", "--fix", "."]).assert().code(0);
    for vcs in [".git", ".hg", ".svn"] {
        assert_eq!(fs::read_to_string(dir.path().join(vcs).join("hooks/pre-commit")).unwrap(), "#!/bin/sh\necho hi.There\n");
    }
    assert_eq!(fs::read_to_string(dir.path().join("story.txt")).unwrap(), FIXED);
}

/// A thread that writes `text` into the FIFO at `path` once a reader opens it.
fn feed(path: &Path, text: &'static str) -> std::thread::JoinHandle<()> {
    let path = path.to_path_buf();
    std::thread::spawn(move || {
        use std::io::Write;
        // (a reader that refuses the FIFO never opens it: the open would wait forever, so a
        // refusal is followed by an open of our own, which gives this one its reader)
        if let Ok(mut f) = fs::OpenOptions::new().write(true).open(&path) {
            let _ = f.write_all(text.as_bytes());
        }
    })
}

#[test]
fn fifos_are_skipped_in_a_walk_and_read_when_named() {
    let dir = scratch();
    fs::write(dir.path().join("story.txt"), FIXED).unwrap();
    let fifo = dir.path().join("pipe.txt");
    assert!(std::process::Command::new("mkfifo").arg(&fifo).status().unwrap().success());
    let lint = |args: &[&str]| {
        let mut cmd = copydesk();
        cmd.current_dir(dir.path()).timeout(std::time::Duration::from_secs(30)).args(args);
        cmd
    };
    // A walk never opens it (a FIFO with no writer would block the run).
    lint(&["lint", "."]).assert().code(0).stderr(predicate::str::contains("skipped pipe.txt: not a regular file (a FIFO)"));
    // Named (as a shell's `<(command)` names one), it is read to its end and linted in its
    // turn among the files, its findings under its name.
    let writer = feed(&fifo, DEFECTIVE);
    lint(&["lint", "--format", "compact", "story.txt", "pipe.txt"])
        .assert()
        .code(1)
        .stdout("pipe.txt:2:20: warning[missing-space] missing space after punctuation in `Monday.As`\n");
    writer.join().unwrap();
    // It cannot be fixed in place: refused, and the text is left to its writer.
    let writer = feed(&fifo, DEFECTIVE);
    lint(&["lint", "--fix", "pipe.txt"]).assert().code(2).stderr(predicate::str::contains("cannot be fixed in place"));
    drop(fs::File::open(&fifo));
    writer.join().unwrap();
    // Over the size limit: refused like a file, after reading no more than the limit.
    let writer = feed(&fifo, DEFECTIVE);
    lint(&["lint", "--max-file-size", "10", "pipe.txt"]).assert().code(2).stderr(predicate::str::contains("size limit"));
    writer.join().unwrap();
    // Devices: /dev/null is an empty text, /dev/zero binary (skipped after its first chunk).
    copydesk().timeout(std::time::Duration::from_secs(30)).args(["lint", "/dev/null"]).assert().code(0);
    copydesk()
        .timeout(std::time::Duration::from_secs(30))
        .args(["lint", "/dev/zero"])
        .assert()
        .code(0)
        .stderr(predicate::str::contains("skipped /dev/zero: binary"));
}

#[test]
fn stdin_and_files_stop_at_the_size_limit_and_dev_zero_never_hangs() {
    let big = "The vote passed.\n".repeat(200);
    copydesk()
        .args(["lint", "--max-file-size", "1000", "-"])
        .write_stdin(big.clone())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("size limit"));
    // The filter still gives back every byte.
    let out = copydesk().args(["lint", "--fix", "--max-file-size", "1000", "-"]).write_stdin(big.clone()).assert().code(2);
    assert_eq!(out.get_output().stdout, big.as_bytes());
    let dir = scratch();
    fs::write(dir.path().join("big.txt"), &big).unwrap();
    copydesk()
        .current_dir(dir.path())
        .args(["lint", "--max-file-size", "1000", "big.txt"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("size limit"));
    let zero = fs::File::open("/dev/zero").unwrap();
    let status = std::process::Command::new("timeout")
        .args(["30", env!("CARGO_BIN_EXE_copydesk"), "lint", "-"])
        .stdin(zero)
        .stderr(std::process::Stdio::null())
        .status()
        .unwrap();
    assert_eq!(status.code(), Some(2), "lint - < /dev/zero must stop at the first chunk");
}

// 5. Threads and broken pipes.

#[test]
fn absurd_thread_counts_are_clamped() {
    copydesk().args(["lint", "--threads", "99999", "-"]).write_stdin(FIXED).assert().code(0).stderr(predicate::str::contains("clamped"));
}

#[test]
fn a_broken_pipe_ends_quietly_with_exit_0() {
    let dir = scratch();
    fs::write(dir.path().join("many.txt"), "The council met sence Monday.\n".repeat(20000)).unwrap();
    let script = format!("'{}' lint --format compact many.txt 2>err | head -1 >/dev/null; echo \"$?\"", env!("CARGO_BIN_EXE_copydesk"));
    let out =
        std::process::Command::new("bash").current_dir(dir.path()).arg("-c").arg(format!("set -o pipefail; {script}")).output().unwrap();
    assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), "0");
    let err = fs::read_to_string(dir.path().join("err")).unwrap();
    assert!(err.is_empty(), "no message on a broken pipe: {err}");
}

// 6. Huge files: fixes at chunk boundaries.

#[test]
fn a_huge_file_is_fixed_on_every_line_exactly_as_small_files_are() {
    use copydesk::config::LoadedConfig;
    use copydesk::engine::{RuleSet, Selection};
    // Over the streaming threshold (8 MiB, chunks of 1 MiB), one lowercase sentence start per
    // line, and one line longer than a chunk (it used to be cut in the middle).
    let mut text = String::from("Council Votes On Budget\n");
    let mut i = 0;
    while text.len() < 9_500_000 {
        if i == 30_000 {
            text.push_str(&format!("the vote went on {}.\n", "and-on-and-on-and-on-and-on ".repeat(60_000)));
        } else {
            text.push_str(&format!("the council{i} met {} plan{}.\n", "o".repeat(60), i * 7));
        }
        i += 1;
    }
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    let expected: String = std::iter::once(lines[0].to_string()).chain(lines[1..].iter().map(|l| format!("T{}", &l[1..]))).collect();
    let dir = scratch();
    let path = dir.path().join("big.txt");
    fs::write(&path, &text).unwrap();
    copydesk().current_dir(dir.path()).args(["lint", "--fix", "--select", "sentence-case", "big.txt"]).assert().code(0);
    let fixed = fs::read_to_string(&path).unwrap();
    assert_eq!(fixed.len(), expected.len());
    let first_bad = fixed.split_inclusive('\n').zip(expected.split_inclusive('\n')).position(|(a, b)| a != b);
    assert_eq!(first_bad, None, "every line fixed, nothing else changed");
    // The same text as small files (each under a title) comes out the same.
    let selection = Selection { select: vec!["sentence-case".into()], ignore: vec![] };
    let rules = RuleSet::new(&LoadedConfig::default_config().config, &selection).unwrap();
    let mut pieces = String::from(lines[0]);
    for piece in lines[1..].chunks(20_000) {
        let small = format!("Title Here\n{}", piece.concat());
        let out = copydesk::fix::fix_until_stable(&small, "piece.txt", &rules, false).text;
        pieces.push_str(out.strip_prefix("Title Here\n").unwrap());
    }
    assert!(pieces == fixed, "the huge file and the small files differ");
}
