//! `copydesk lint --watch`: lint once, then re-lint every time a file the walk would lint, a
//! `lint-rules.toml` or an ignore file changes under the watched paths, until Ctrl-C. Each round
//! is a whole ordinary run (the caller's `round`), so a changed configuration is picked up; the
//! exit code is the last round's.

use crate::run;
use notify::{EventKind, RecursiveMode, Watcher};
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{channel, RecvTimeoutError};
use std::time::Duration;

/// Changes closer together than this are one batch (an editor's save is often several events).
pub const DEBOUNCE: Duration = Duration::from_millis(200);
/// How often the wait for changes looks whether Ctrl-C was pressed.
const POLL: Duration = Duration::from_millis(100);
/// The line on stderr before each new round.
pub const RELINTING: &str = "change detected, re-linting…";
/// The line on stderr once the paths are watched and the first round is done.
pub const WATCHING: &str = "watching for changes (Ctrl-C to stop)";
/// File names whose change can change what is linted or how, besides the linted files.
const CONTROL_FILES: &[&str] = &[crate::config::CONFIG_FILE_NAME, ".gitignore", ".ignore", ".copydeskignore"];

/// Runs `round` (a whole lint run, returning its exit code) once, then again after each batch
/// of changes under `roots` that touches a file `lintable` lists (before or after the change) or
/// a control file; `say` hears the lines for stderr. Ends on Ctrl-C with the last round's code.
/// Errors only when the paths cannot be watched.
pub fn watch(
    roots: &[PathBuf],
    lintable: &dyn Fn() -> Vec<PathBuf>,
    round: &mut dyn FnMut() -> u8,
    say: &dyn Fn(&str),
) -> Result<u8, String> {
    run::defer_interrupts();
    let (tx, rx) = channel();
    let mut watcher = notify::recommended_watcher(tx).map_err(|e| format!("cannot watch for changes: {e}"))?;
    for root in roots {
        // A file is watched through its folder: an editor that saves by renaming replaces it.
        let (path, mode) = if root.is_dir() {
            (root.as_path(), RecursiveMode::Recursive)
        } else {
            (root.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new(".")), RecursiveMode::NonRecursive)
        };
        watcher.watch(path, mode).map_err(|e| format!("cannot watch {}: {e}", run::display_path(root)))?;
    }
    let mut code = round();
    let mut linted = keys(lintable());
    say(WATCHING);
    loop {
        let mut changed = Vec::new();
        // Wait for a first change, then for a quiet spell.
        let mut timeout = POLL;
        loop {
            if run::interrupted() {
                return Ok(code);
            }
            match rx.recv_timeout(timeout) {
                Ok(Ok(event)) if !matches!(event.kind, EventKind::Access(_)) => {
                    changed.extend(event.paths.into_iter().filter(|p| !in_git(p)));
                    if !changed.is_empty() {
                        timeout = DEBOUNCE;
                    }
                }
                Ok(Ok(_)) => {}
                // A lost event (queue overflow): re-lint to be safe.
                Ok(Err(_)) => {
                    changed.push(PathBuf::from(crate::config::CONFIG_FILE_NAME));
                    timeout = DEBOUNCE;
                }
                Err(RecvTimeoutError::Timeout) if !changed.is_empty() => break,
                Err(RecvTimeoutError::Timeout) => {}
                Err(RecvTimeoutError::Disconnected) => return Ok(code),
            }
        }
        let now = keys(lintable());
        let relevant = changed.iter().any(|p| is_control(p) || linted.contains(&key(p)) || now.contains(&key(p)));
        if relevant {
            say(RELINTING);
            code = round();
            linted = keys(lintable());
        } else {
            linted = now;
        }
    }
}

fn in_git(path: &Path) -> bool {
    path.components().any(|c| c.as_os_str() == ".git")
}

fn is_control(path: &Path) -> bool {
    path.file_name().is_some_and(|n| CONTROL_FILES.iter().any(|c| n == *c))
}

fn keys(paths: Vec<PathBuf>) -> HashSet<PathBuf> {
    paths.iter().map(|p| key(p)).collect()
}

/// A path comparable whether it came from the walk (relative) or from an event (absolute),
/// and whether the file still exists: its folder made canonical, then its name.
fn key(path: &Path) -> PathBuf {
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    match (absolute.parent().and_then(|p| p.canonicalize().ok()), absolute.file_name()) {
        (Some(dir), Some(name)) => dir.join(name),
        _ => absolute,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn git_and_control_files() {
        assert!(in_git(Path::new("/a/.git/index")));
        assert!(!in_git(Path::new("/a/b.md")));
        assert!(is_control(Path::new("/a/lint-rules.toml")));
        assert!(is_control(Path::new(".copydeskignore")));
        assert!(!is_control(Path::new("/a/b.md")));
    }

    #[test]
    fn a_relative_and_an_absolute_path_have_one_key() {
        let cwd = std::env::current_dir().unwrap();
        assert_eq!(key(Path::new("./Cargo.toml")), key(&cwd.join("Cargo.toml")));
        assert_eq!(key(Path::new("gone.md")), key(&cwd.join("gone.md")));
    }
}
