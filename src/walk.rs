//! Finding the files to lint: .gitignore, .ignore and .copydeskignore are honoured, `[files]`
//! include/exclude globs filter a directory walk, and a path named explicitly is always linted.
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

/// Files under `roots`, sorted and deduplicated, plus the errors met on the way.
pub fn collect(roots: &[PathBuf], files: &FilesConfig, no_ignore: bool) -> (Vec<PathBuf>, Vec<WalkError>) {
    let mut out = Vec::new();
    let mut errors = Vec::new();
    for root in roots {
        match std::fs::metadata(root) {
            Err(e) => errors.push(WalkError { path: root.clone(), message: e.to_string(), skipped: false }),
            Ok(meta) if meta.is_file() => out.push(root.clone()),
            Ok(meta) if !meta.is_dir() => errors.push(WalkError {
                path: root.clone(),
                message: format!("not a regular file ({}); refused", kind_of(&meta.file_type())),
                skipped: false,
            }),
            Ok(_) => walk_dir(root, files, no_ignore, &mut out, &mut errors),
        }
    }
    out.sort();
    out.dedup();
    (out, errors)
}

fn walk_dir(root: &Path, files: &FilesConfig, no_ignore: bool, out: &mut Vec<PathBuf>, errors: &mut Vec<WalkError>) {
    let mut overrides = OverrideBuilder::new(root);
    for glob in &files.include {
        if let Err(e) = overrides.add(glob) {
            errors.push(WalkError { path: root.to_path_buf(), message: format!("bad include glob `{glob}`: {e}"), skipped: false });
        }
    }
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
            Ok(e) if e.file_type().is_some_and(|t| t.is_file()) => out.push(e.into_path()),
            Ok(e) if e.file_type().is_some_and(|t| !t.is_dir()) => {
                let kind = kind_of(&e.file_type().expect("checked"));
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
