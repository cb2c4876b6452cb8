//! Starts `copydesk server` from PATH for Markdown and plain text.

use zed_extension_api as zed;

struct Copydesk;

impl zed::Extension for Copydesk {
    fn new() -> Self {
        Copydesk
    }

    fn language_server_command(&mut self, _id: &zed::LanguageServerId, worktree: &zed::Worktree) -> zed::Result<zed::Command> {
        let command = worktree.which("copydesk").ok_or("copydesk is not on PATH: `cargo install --path .` in its repository")?;
        Ok(zed::Command { command, args: vec!["server".into()], env: Default::default() })
    }
}

zed::register_extension!(Copydesk);
