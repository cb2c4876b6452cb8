//! Finding the files to lint: .gitignore, .ignore and .copydeskignore are honoured, `[files]`
//! include/exclude globs filter a directory walk, and a path named explicitly is always linted,
//! unless `force_exclude` is given (ruff's `--force-exclude`): then `[files] exclude` and the
//! ignore files apply to it too, which is how pre-commit calls a hook.
//! The result is sorted so output is deterministic whatever the thread count.

use crate::config::FilesConfig;
use ignore::overrides::OverrideBuilder;
use ignore::WalkBuilder;
use std::path::{Path, PathBuf};

pub const IGNORE_FILE: &str = ".copydeskignore";

#[derive(Debug)]
pub struct WalkError {
    pub path: PathBuf,
    pub message: String,
    /// Not an error but a note: a non-regular file (FIFO, device, socket) met in a walk.
    pub skipped: bool,
}

/// Version-control directories: never walked, whatever `[files]` includes.
pub const VCS_DIRS: &[&str] = &[".git", ".hg", ".svn"];

/// Files under `roots`, sorted and deduplicated, plus the errors met on the way. With
/// `force_exclude` (the directory `[files] exclude` globs are relative to), a file named in
/// `roots` is dropped when an exclude glob or an ignore file covers it.
pub fn collect(roots: &[PathBuf], files: &FilesConfig, no_ignore: bool, force_exclude: Option<&Path>) -> (Vec<PathBuf>, Vec<WalkError>) {
    let mut out = Vec::new();
    let mut errors = Vec::new();
    let mut kept_by_dir: std::collections::HashMap<PathBuf, Vec<PathBuf>> = std::collections::HashMap::new();
    for root in roots {
        match std::fs::metadata(root) {
            Err(e) => errors.push(WalkError { path: root.clone(), message: e.to_string(), skipped: false }),
            // A FIFO or device named as a path (`<(command)`) is read as a stream.
            Ok(meta) if meta.is_file() || crate::pipeline::is_pipe(&meta.file_type()) => match force_exclude {
                Some(base) if excluded(root, base, files, no_ignore, &mut kept_by_dir) => {}
                _ => out.push(root.clone()),
            },
            Ok(meta) if !meta.is_dir() => errors.push(WalkError {
                path: root.clone(),
                message: format!("not a regular file ({}); refused", kind_of(&meta.file_type())),
                skipped: false,
            }),
            Ok(_) => walk_dir(root, files, no_ignore, &mut out, &mut errors),
        }
    }
    let mut out = sorted_paths(out);
    out.dedup();
    (out, errors)
}

/// `paths` in `Path`'s order (component by component, stable), on the main thread before the
/// first file is linted. `sort` on paths read both paths' components again at every
/// comparison (8 M instructions for news-clean's 896 paths, more than half of gathering them).
/// Paths written plainly ([`plain_keys`]: a walk's entries under a plain root) sort as their
/// bytes with each separator read as a zero byte, below every other: the keys are those bytes,
/// compared with memcmp. Other paths are sorted by their components, each path's read once; those take about half a
/// kilobyte a path while the sort runs, so past [`KEYED_SORT_MAX`] paths the sort is in place.
fn sorted_paths(mut paths: Vec<PathBuf>) -> Vec<PathBuf> {
    let mut order: Vec<usize> = (0..paths.len()).collect();
    if let Some((starts, buffer)) = plain_keys(&paths) {
        let key = |i: usize| &buffer[starts[i]..starts[i + 1]];
        order.sort_by(|&a, &b| key(a).cmp(key(b)));
    } else if paths.len() > KEYED_SORT_MAX {
        paths.sort();
        return paths;
    } else {
        // (`Path`'s order is its components' order, each component compared as `Component`)
        let keys: Vec<Vec<std::path::Component<'_>>> = paths.iter().map(|p| p.components().collect()).collect();
        order.sort_by(|&a, &b| keys[a].cmp(&keys[b]));
    }
    let mut slots: Vec<Option<PathBuf>> = paths.into_iter().map(Some).collect();
    order.into_iter().filter_map(|i| slots[i].take()).collect()
}

/// The byte keys of [`sorted_paths`]' plain paths, all in one buffer (path `i`'s key is
/// `buffer[starts[i]..starts[i + 1]]`), or None when a path is not plain: not UTF-8, with an
/// empty, "." or ".." component, or a separator at its end (`Path` orders "." and ".." before
/// every name, and reads "a//b", "a/./b" and "a/b/" as "a/b"). A "./" that opens every path
/// is left out of the keys: the same first component for all.
fn plain_keys(paths: &[PathBuf]) -> Option<(Vec<usize>, Vec<u8>)> {
    if !cfg!(unix) {
        return None;
    }
    let texts: Vec<&str> = paths.iter().map(|p| p.to_str()).collect::<Option<_>>()?;
    let skip = if !texts.is_empty() && texts.iter().all(|t| t.starts_with("./")) { 2 } else { 0 };
    let mut starts = Vec::with_capacity(paths.len() + 1);
    let mut buffer = Vec::new();
    starts.push(0);
    let dotted = |c: &str| c == "." || c == "..";
    for text in texts {
        let text = &text[skip..];
        if text.is_empty() || text.split('/').enumerate().any(|(i, c)| (c.is_empty() && i > 0) || dotted(c)) {
            return None;
        }
        buffer.extend(text.bytes().map(|b| if b == b'/' { 0 } else { b }));
        starts.push(buffer.len());
    }
    Some((starts, buffer))
}

/// The most paths [`sorted_paths`] sorts by components read once (about 8 MB of them), when
/// they are not all plain.
const KEYED_SORT_MAX: usize = 16 * 1024;

fn walk_dir(root: &Path, files: &FilesConfig, no_ignore: bool, out: &mut Vec<PathBuf>, errors: &mut Vec<WalkError>) {
    // `include` is matched after the walk, not as an override: an override whitelist would take
    // precedence over the ignore files, so `.copydeskignore` could not drop a `*.txt` file.
    let mut include = globset::GlobSetBuilder::new();
    for glob in &files.include {
        match globset::Glob::new(glob) {
            Ok(g) => {
                include.add(g);
            }
            Err(e) => {
                errors.push(WalkError { path: root.to_path_buf(), message: format!("bad include glob `{glob}`: {e}"), skipped: false })
            }
        }
    }
    let include = include.build().unwrap_or_else(|_| globset::GlobSet::empty());
    let mut overrides = OverrideBuilder::new(root);
    for glob in &files.exclude {
        if let Err(e) = overrides.add(&format!("!{glob}")) {
            errors.push(WalkError { path: root.to_path_buf(), message: format!("bad exclude glob `{glob}`: {e}"), skipped: false });
        }
    }
    let mut builder = WalkBuilder::new(root);
    builder.follow_links(true).hidden(true);
    if !no_ignore {
        builder.add_custom_ignore_filename(IGNORE_FILE);
    } else {
        builder.git_ignore(false).git_global(false).git_exclude(false).ignore(false).parents(false);
    }
    match overrides.build() {
        Ok(o) => {
            builder.overrides(o);
        }
        Err(e) => errors.push(WalkError { path: root.to_path_buf(), message: e.to_string(), skipped: false }),
    }
    builder.filter_entry(|e| !(e.depth() > 0 && e.file_type().is_some_and(|t| t.is_dir()) && VCS_DIRS.iter().any(|d| e.file_name() == *d)));
    for entry in builder.build() {
        match entry {
            Ok(e) if e.file_type().is_some_and(|t| t.is_file()) => {
                let relative = relative_to(e.path(), root);
                if include.is_match(relative) {
                    out.push(e.into_path());
                }
            }
            Ok(e) if e.file_type().is_some_and(|t| !t.is_dir()) => {
                let kind = e.file_type().map_or("not a file or directory", |t| kind_of(&t));
                errors.push(WalkError { path: e.into_path(), message: format!("not a regular file ({kind}); skipped"), skipped: true });
            }
            Ok(_) => {}
            Err(e) => errors.push(WalkError {
                path: error_path(&e).unwrap_or_else(|| root.to_path_buf()),
                message: error_message(&e),
                skipped: false,
            }),
        }
    }
}

/// `path` (a walk's entry under `root`) relative to `root`, as `strip_prefix` gives it: the
/// bytes after the root's and the separators after them, when the path starts so (a walk's
/// entries are the root joined with names), else `strip_prefix`'s answer (which reads both
/// paths' components, about 2,000 instructions a file).
fn relative_to<'a>(path: &'a Path, root: &Path) -> &'a Path {
    if let (Some(text), Some(prefix)) = (path.to_str(), root.to_str()) {
        if let Some(rest) = text.strip_prefix(prefix).filter(|rest| rest.starts_with('/') || prefix.ends_with('/')) {
            let rest = rest.trim_start_matches('/');
            // (a name never starts with "./"; `strip_prefix` would skip a "." component there)
            if !rest.starts_with("./") && rest != "." {
                return Path::new(rest);
            }
        }
    }
    path.strip_prefix(root).unwrap_or(path)
}

/// `--force-exclude` for one named file: an `[files] exclude` glob matches its path relative
/// to `base` (or its name), or an ignore file covers it. `kept` remembers, per directory, the
/// files a one-level walk with the ignore files keeps.
fn excluded(
    file: &Path,
    base: &Path,
    files: &FilesConfig,
    no_ignore: bool,
    kept: &mut std::collections::HashMap<PathBuf, Vec<PathBuf>>,
) -> bool {
    let absolute = file.canonicalize().unwrap_or_else(|_| file.to_path_buf());
    let relative = absolute.strip_prefix(base).unwrap_or(file);
    let mut set = globset::GlobSetBuilder::new();
    for glob in &files.exclude {
        if let Ok(g) = globset::GlobBuilder::new(glob).literal_separator(false).build() {
            set.add(g);
        }
    }
    if let Ok(set) = set.build() {
        let name = file.file_name().map(Path::new);
        if set.is_match(relative) || name.is_some_and(|n| set.is_match(n)) {
            return true;
        }
    }
    if no_ignore {
        return false;
    }
    let Some(dir) = absolute.parent().map(Path::to_path_buf) else { return false };
    let listed = kept.entry(dir.clone()).or_insert_with(|| {
        let mut builder = WalkBuilder::new(&dir);
        builder.max_depth(Some(1)).hidden(false).add_custom_ignore_filename(IGNORE_FILE);
        builder.build().filter_map(Result::ok).map(|e| e.into_path()).collect()
    });
    !listed.contains(&absolute)
}

/// The files under `roots` (every file, hidden and ignored ones too) that are not in `kept`,
/// each with why a walk leaves it out: hidden, `[files] exclude`, not in `[files] include`, or
/// an ignore file. A file named in `roots` and missing from `kept` was force-excluded.
pub fn skipped(roots: &[PathBuf], files: &FilesConfig, kept: &[PathBuf]) -> Vec<(PathBuf, &'static str)> {
    let set = |globs: &[String]| {
        let mut b = globset::GlobSetBuilder::new();
        globs.iter().filter_map(|g| globset::Glob::new(g).ok()).for_each(|g| {
            b.add(g);
        });
        b.build().unwrap_or_else(|_| globset::GlobSet::empty())
    };
    let (include, exclude) = (set(&files.include), set(&files.exclude));
    let mut out = Vec::new();
    for root in roots {
        if root.is_file() {
            if !kept.contains(root) {
                out.push((root.clone(), "excluded by [files] exclude or an ignore file (--force-exclude)"));
            }
            continue;
        }
        let mut builder = WalkBuilder::new(root);
        builder.standard_filters(false).follow_links(false);
        for entry in builder.build().filter_map(Result::ok) {
            let path = entry.path();
            if !entry.file_type().is_some_and(|t| t.is_file()) || kept.iter().any(|k| k == path) {
                continue;
            }
            let relative = path.strip_prefix(root).unwrap_or(path);
            if relative.components().any(|c| c.as_os_str() == ".git") {
                continue;
            }
            let name = path.file_name().map(Path::new).unwrap_or(relative);
            let reason = if relative.components().any(|c| c.as_os_str().to_string_lossy().starts_with('.')) {
                "hidden"
            } else if exclude.is_match(relative) || exclude.is_match(name) {
                "excluded by [files] exclude"
            } else if !(include.is_match(relative) || include.is_match(name)) {
                "not matched by [files] include"
            } else {
                "ignored by .gitignore, .ignore or .copydeskignore"
            };
            out.push((path.to_path_buf(), reason));
        }
    }
    out.sort();
    out
}

fn kind_of(t: &std::fs::FileType) -> &'static str {
    use std::os::unix::fs::FileTypeExt;
    if t.is_fifo() {
        "a FIFO"
    } else if t.is_char_device() || t.is_block_device() {
        "a device"
    } else if t.is_socket() {
        "a socket"
    } else {
        "not a file or directory"
    }
}

fn error_path(e: &ignore::Error) -> Option<PathBuf> {
    match e {
        ignore::Error::WithPath { path, .. } => Some(path.clone()),
        ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => error_path(err),
        ignore::Error::Loop { child, .. } => Some(child.clone()),
        _ => None,
    }
}

fn error_message(e: &ignore::Error) -> String {
    match e {
        ignore::Error::WithPath { err, .. } | ignore::Error::WithDepth { err, .. } => error_message(err),
        ignore::Error::Loop { ancestor, .. } => format!("symbolic link loop back to {}", ancestor.display()),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use std::path::{Path, PathBuf};

    /// `relative_to` is `strip_prefix` for a walk's entries under roots written in every way
    /// (trailing and doubled separators, ".", "..", absolute).
    #[test]
    fn relative_to_is_strip_prefix() {
        for root in [".", "./", "docs", "docs/", "./docs", "docs//", "a/./b", "a/../b", "/abs", "/", "a//b", "docs/."] {
            for name in ["x.md", "sub/y.txt", "sub/deeper/z.md", ".hidden/w.md"] {
                let path = Path::new(root).join(name);
                let want = path.strip_prefix(root).unwrap_or(&path);
                assert_eq!(super::relative_to(&path, Path::new(root)).as_os_str(), want.as_os_str(), "{root} + {name}");
            }
        }
    }

    /// Plain paths sorted by their byte keys come in `sort`'s order: generated paths of names
    /// with bytes below and above the separator's, prefixes of one another, dots inside names,
    /// non-ASCII, absolute and relative, all under "./" or none.
    #[test]
    fn plain_paths_sort_as_path_order_sorts_them() {
        let names = ["a", "a-b", "a.b", "a b", "ab", "b", "!x", "-x", ".x", "x.", "..x", "ä", "A", "a0", "~"];
        let mut random = crate::text::TestRandom(0x5eed_2929);
        for round in 0..300 {
            let lead = ["", "/", "./"][round % 3];
            let paths: Vec<PathBuf> = (0..random.below(40))
                .map(|_| {
                    let depth = 1 + random.below(3);
                    let parts: Vec<&str> = (0..depth).map(|_| names[random.below(names.len())]).collect();
                    PathBuf::from(format!("{lead}{}", parts.join("/")))
                })
                .collect();
            assert!(super::plain_keys(&paths).is_some(), "{paths:?}");
            let mut expected = paths.clone();
            expected.sort();
            assert_eq!(super::sorted_paths(paths), expected, "round {round}");
        }
        // not plain: a "." or ".." component, an empty one, a "./" that only some paths open with
        for paths in [vec!["a/./b"], vec!["a/../b"], vec!["a//b"], vec!["a/b/"], vec!["./a", "-x"], vec!["../a"]] {
            assert!(super::plain_keys(&paths.iter().map(PathBuf::from).collect::<Vec<_>>()).is_none(), "{paths:?}");
        }
    }

    /// A walk's files, sorted, are in `sort`'s order.
    #[test]
    fn a_walk_sorts_as_path_order_sorts_them() {
        let dir = tempfile::tempdir().unwrap();
        for name in ["b.md", "a.md", "a/z.md", "a-b.md", "a/b/c.md", "a.b/c.md", "A.md", "a/b.md", "ä.md", "a0/x.md"] {
            let path = dir.path().join(name);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(&path, "text\n").unwrap();
        }
        let files = crate::config::FilesConfig { include: vec!["*.md".into()], ..Default::default() };
        let (out, errors) = super::collect(&[dir.path().to_path_buf()], &files, true, None);
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(out.len(), 10);
        let mut sorted = out.clone();
        sorted.sort();
        assert_eq!(out, sorted);
    }

    /// The sort by components read once gives what `sort` gives, equal paths written
    /// differently ("a/./b", "a//b") kept in their first order as the stable sort keeps them.
    #[test]
    fn paths_sort_as_path_order_sorts_them() {
        let names = [
            "a/b.txt",
            "a/b/c.txt",
            "a-b",
            "a/b",
            "a//b",
            "a/./b",
            "./a",
            "a",
            "../x/y.md",
            "/abs/z",
            "/abs",
            "b/ä.txt",
            "b/a.txt",
            "b/A.txt",
            "a/b/",
            "a/b.txt",
            "a.b/c",
            "a/b0",
            "a/b/0",
        ];
        // every rotation, so that each path comes first once
        for shift in 0..names.len() {
            let paths: Vec<PathBuf> = names.iter().cycle().skip(shift).take(names.len()).map(PathBuf::from).collect();
            let mut expected = paths.clone();
            expected.sort();
            let sorted = super::sorted_paths(paths);
            let bytes = |v: &[PathBuf]| v.iter().map(|p| p.as_os_str().to_owned()).collect::<Vec<_>>();
            assert_eq!(bytes(&sorted), bytes(&expected), "rotation {shift}");
        }
        // past the keyed sort's limit, the same order
        let many: Vec<PathBuf> = (0..=super::KEYED_SORT_MAX).rev().map(|i| PathBuf::from(format!("d{}/f{i}.txt", i % 7))).collect();
        let mut expected = many.clone();
        expected.sort();
        assert_eq!(super::sorted_paths(many), expected);
    }
}
