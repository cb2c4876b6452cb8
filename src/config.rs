//! lint-rules.toml: typed, strict (unknown keys are errors), merged key by key over the
//! embedded default, with errors that point into the TOML.
//!
//! Precedence, lowest first: the embedded default (this repository's lint-rules.toml) → the
//! user's file (`--config`, else the lint-rules.toml nearest to the linted file, else the one
//! found from the current directory) → each `[[overrides]]` block whose `paths` match the file,
//! in order → the command line (`--select`, `--ignore`).

pub use crate::options::{CustomRuleConfig, Level, RuleSetting, Scope};
use crate::rules::RuleOptions;
use miette::{Diagnostic as MietteDiagnostic, NamedSource, SourceSpan};
use serde::Deserialize;
use std::fmt;
use std::path::{Path, PathBuf};

/// The documented default configuration, embedded so copydesk works without a config file.
pub const DEFAULT_CONFIG: &str = include_str!("../lint-rules.toml");

/// [`DEFAULT_CONFIG`] as JSON, written by the build script (`build/indexes.rs`): the same
/// values, read at start-up far faster than the TOML text.
const DEFAULT_CONFIG_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/default_config.json"));
pub const CONFIG_FILE_NAME: &str = "lint-rules.toml";
/// Longest accepted custom pattern, in bytes: keeps a hostile config from building huge automata.
pub const MAX_PATTERN_LEN: usize = 4096;

/// `[files]`: which files a directory walk lints.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct FilesConfig {
    #[serde(default = "default_include")]
    pub include: Vec<String>,
    #[serde(default)]
    pub exclude: Vec<String>,
}

fn default_include() -> Vec<String> {
    vec!["*.txt".into(), "*.md".into(), "*.markdown".into()]
}

impl Default for FilesConfig {
    fn default() -> Self {
        FilesConfig { include: default_include(), exclude: Vec::new() }
    }
}

/// `[[overrides]]`: rule settings for files matching `paths` (globs relative to the config).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct OverrideConfig {
    pub paths: Vec<String>,
    #[serde(default)]
    pub rules: toml::Table,
}

/// The whole file, as written.
#[derive(Debug, Clone, Deserialize, Default)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Config {
    #[serde(default)]
    pub files: FilesConfig,
    #[serde(default)]
    pub rules: RuleOptions,
    #[serde(default)]
    pub custom: Vec<CustomRuleConfig>,
    #[serde(default)]
    pub overrides: Vec<OverrideConfig>,
}

/// A loaded configuration: the merged table (for overrides to merge onto) and its typed form.
#[derive(Debug, Clone)]
pub struct LoadedConfig {
    /// The merged table; the embedded default's is parsed on first need (see [`LoadedConfig::table`]).
    table: std::sync::OnceLock<toml::Table>,
    pub config: Config,
    /// The file it came from, if any; override globs are relative to its directory.
    pub path: Option<PathBuf>,
}

/// The directories searched for a lint-rules.toml from `start` upward: up to and including
/// the repository root (the first directory holding `.git`), so a file planted above the
/// repository cannot silently change its rules; every ancestor when `beyond_repo`.
pub fn search_dirs(start: &Path, beyond_repo: bool) -> impl Iterator<Item = &Path> {
    let mut stop = false;
    start.ancestors().take_while(move |d| {
        if stop {
            return false;
        }
        stop = !beyond_repo && is_repo_root(d);
        true
    })
}

/// A directory holding `.git` (a folder, or a file in a worktree or submodule).
pub fn is_repo_root(dir: &Path) -> bool {
    dir.join(".git").exists()
}

/// The nearest lint-rules.toml in [`search_dirs`].
pub fn find(start: &Path, beyond_repo: bool) -> Option<PathBuf> {
    search_dirs(start, beyond_repo).map(|d| d.join(CONFIG_FILE_NAME)).find(|p| p.is_file())
}

/// A config error, rendered by miette with a label pointing into the TOML.
#[derive(Debug)]
pub struct ConfigError {
    pub message: String,
    pub src: NamedSource<String>,
    pub span: Option<SourceSpan>,
    pub help: Option<String>,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "invalid configuration: {}", self.message)
    }
}

impl std::error::Error for ConfigError {}

impl MietteDiagnostic for ConfigError {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        Some(Box::new("copydesk::config"))
    }
    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.help.as_ref().map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }
    fn source_code(&self) -> Option<&dyn miette::SourceCode> {
        Some(&self.src)
    }
    fn labels(&self) -> Option<Box<dyn Iterator<Item = miette::LabeledSpan> + '_>> {
        let span = self.span?;
        Some(Box::new(std::iter::once(miette::LabeledSpan::new_with_span(Some(short_label(&self.message)), span))))
    }
}

fn short_label(message: &str) -> String {
    message.lines().next().unwrap_or("here").to_string()
}

impl ConfigError {
    fn new(name: &str, text: &str, message: impl Into<String>, span: Option<std::ops::Range<usize>>) -> Box<Self> {
        let message = message.into();
        let help = did_you_mean(&message);
        Box::new(ConfigError {
            message,
            src: NamedSource::new(name, text.to_string()),
            span: span.map(|r| SourceSpan::new(r.start.into(), r.end - r.start)),
            help,
        })
    }
}

/// Turn serde's "unknown field `tyop`, expected one of `typo`, …" into a suggestion.
fn did_you_mean(message: &str) -> Option<String> {
    let rest = message.split("unknown field `").nth(1).or_else(|| message.split("unknown variant `").nth(1))?;
    let (unknown, expected) = rest.split_once('`')?;
    let best = expected
        .split('`')
        .skip(1)
        .step_by(2)
        .map(|candidate| (strsim::jaro_winkler(unknown, candidate), candidate))
        .filter(|(score, _)| *score > 0.75)
        .max_by(|a, b| a.0.total_cmp(&b.0))?;
    Some(format!("did you mean `{}`?", best.1))
}

/// Deep-merge `over` onto `base`: tables merge key by key, anything else is replaced.
pub fn merge_tables(base: &mut toml::Table, over: &toml::Table) {
    for (key, value) in over {
        match (base.get_mut(key), value) {
            (Some(toml::Value::Table(b)), toml::Value::Table(o)) => merge_tables(b, o),
            // `clickbait = "off"` over a table keeps the options but changes the level.
            (Some(toml::Value::Table(b)), toml::Value::String(level)) if is_level(level) => {
                b.insert("severity".into(), toml::Value::String(level.clone()));
            }
            _ => {
                base.insert(key.clone(), value.clone());
            }
        }
    }
}

fn is_level(s: &str) -> bool {
    matches!(s, "off" | "info" | "warning" | "error")
}

/// Parse and validate one config text on its own, so errors carry spans into that text.
pub fn parse_text(name: &str, text: &str) -> Result<(toml::Table, Config), Box<ConfigError>> {
    let table: toml::Table = toml::from_str(text).map_err(|e| ConfigError::new(name, text, e.message().to_string(), e.span()))?;
    let config: Config = toml::from_str(text).map_err(|e| ConfigError::new(name, text, e.message().to_string(), e.span()))?;
    validate(name, text, &config)?;
    for (i, o) in config.overrides.iter().enumerate() {
        let (builtin, custom) = split_custom(&o.rules, &config.custom);
        if let Some((id, _)) = custom.iter().find(|(_, level)| level.is_none()) {
            let span = find_str_span(text, id).or_else(|| find_key_span(text, "overrides", i));
            let message =
                format!("in [[overrides]] #{}: custom rule `{id}` takes a level (off, info, warning, error) or {{ severity = .. }}", i + 1);
            return Err(ConfigError::new(name, text, message, span));
        }
        let rules: RuleOptions = toml::Value::Table(builtin).try_into().map_err(|e: toml::de::Error| {
            let span = find_key_span(text, "overrides", i);
            ConfigError::new(name, text, format!("in [[overrides]] #{}: {}", i + 1, e.message()), span)
        })?;
        crate::rules::validate_options(&rules).map_err(|e| {
            let span = find_str_span(text, &e.key).or_else(|| find_key_span(text, "overrides", i));
            ConfigError::new(name, text, format!("in [[overrides]] #{}: {}", i + 1, e.message), span)
        })?;
        for glob in &o.paths {
            globset_check(glob).map_err(|msg| ConfigError::new(name, text, msg, find_str_span(text, glob)))?;
        }
    }
    Ok((table, config))
}

/// An override's `rules` table split into built-in settings and `(custom id, level)` pairs for
/// the `[[custom]]` rules it names; the level is None when the value is not one.
fn split_custom(rules: &toml::Table, custom: &[CustomRuleConfig]) -> (toml::Table, Vec<(String, Option<String>)>) {
    let mut builtin = toml::Table::new();
    let mut levels = Vec::new();
    for (key, value) in rules {
        if !custom.iter().any(|c| &c.id == key) {
            builtin.insert(key.clone(), value.clone());
            continue;
        }
        let level = match value {
            toml::Value::String(s) if is_level(s) => Some(s.clone()),
            toml::Value::Table(t) if t.keys().all(|k| k == "severity" || k == "enabled") => {
                match (t.get("enabled").and_then(toml::Value::as_bool), t.get("severity").and_then(toml::Value::as_str)) {
                    (Some(false), _) => Some("off".to_string()),
                    (_, Some(s)) if is_level(s) => Some(s.to_string()),
                    _ => None,
                }
            }
            _ => None,
        };
        levels.push((key.clone(), level));
    }
    (builtin, levels)
}

fn globset_check(glob: &str) -> Result<(), String> {
    ignore::overrides::OverrideBuilder::new(".").add(glob).map(|_| ()).map_err(|e| format!("invalid glob `{glob}`: {e}"))
}

fn validate(name: &str, text: &str, config: &Config) -> Result<(), Box<ConfigError>> {
    for custom in &config.custom {
        let ok_id = !custom.id.is_empty()
            && custom.id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
            && !custom.id.starts_with('-');
        if !ok_id {
            return Err(ConfigError::new(
                name,
                text,
                format!("custom rule id `{}` must be kebab-case (a-z, 0-9, -)", custom.id),
                find_str_span(text, &custom.id),
            ));
        }
        if crate::rules::find(&custom.id).is_some() {
            return Err(ConfigError::new(
                name,
                text,
                format!("custom rule id `{}` is already a built-in rule", custom.id),
                find_str_span(text, &custom.id),
            ));
        }
        if custom.pattern.len() > MAX_PATTERN_LEN {
            return Err(ConfigError::new(
                name,
                text,
                format!("pattern of `{}` is longer than {MAX_PATTERN_LEN} bytes", custom.id),
                find_str_span(text, &custom.id),
            ));
        }
        if let Err(e) = crate::rules::custom::compile_pattern(&custom.pattern, custom.case_insensitive) {
            let span = find_str_span(text, &custom.pattern).or_else(|| find_str_span(text, &custom.id));
            return Err(ConfigError::new(name, text, format!("invalid pattern in custom rule `{}`: {e}", custom.id), span));
        }
    }
    crate::rules::validate_options(&config.rules).map_err(|e| ConfigError::new(name, text, e.message, find_str_span(text, &e.key)))?;
    Ok(())
}

/// Where a literal string appears in the TOML text (for labels on values serde has no span for).
fn find_str_span(text: &str, needle: &str) -> Option<std::ops::Range<usize>> {
    if needle.is_empty() {
        return None;
    }
    text.find(needle).map(|i| i..i + needle.len())
}

fn find_key_span(text: &str, key: &str, nth: usize) -> Option<std::ops::Range<usize>> {
    let header = format!("[[{key}]]");
    text.match_indices(&header).nth(nth).map(|(i, _)| i..i + header.len())
}

impl LoadedConfig {
    /// The embedded default alone. It is parsed, not validated by building its rules: that is
    /// done once by the RuleSet built from it, and the test below checks it. Its typed form is
    /// read from the JSON the build script wrote (parsing the TOML was a fifth of linting one
    /// short article); its table, which only a user's file merged onto it and `copydesk config`
    /// read, from the TOML text on first need.
    pub fn default_config() -> LoadedConfig {
        let config: Config = serde_json::from_str(DEFAULT_CONFIG_JSON).expect("the embedded default config matches the schema");
        LoadedConfig { table: std::sync::OnceLock::new(), config, path: None }
    }

    /// The embedded default's table.
    fn default_table() -> toml::Table {
        toml::from_str(DEFAULT_CONFIG).expect("the embedded default config is valid TOML")
    }

    /// The merged table, as overrides merge onto it.
    pub fn table(&self) -> &toml::Table {
        // (set when a user's file was loaded; the embedded default's, parsed now)
        self.table.get_or_init(Self::default_table)
    }

    /// The default merged with the user's text.
    pub fn from_user_text(name: &str, text: &str, path: Option<PathBuf>) -> Result<LoadedConfig, Box<ConfigError>> {
        let (user_table, _) = parse_text(name, text)?;
        let mut table = Self::default_table();
        merge_tables(&mut table, &user_table);
        let config: Config = toml::Value::Table(table.clone())
            .try_into()
            .map_err(|e: toml::de::Error| ConfigError::new(name, text, e.message().to_string(), None))?;
        Ok(LoadedConfig { table: std::sync::OnceLock::from(table), config, path })
    }

    /// `--config FILE`, else the nearest lint-rules.toml from `start` upward (stopping at the
    /// repository root, see [`find`]), else the default.
    pub fn discover(explicit: Option<&Path>, start: &Path) -> Result<LoadedConfig, LoadError> {
        Self::discover_from(explicit, start, false)
    }

    /// [`discover`](Self::discover), looking above the repository root when `beyond_repo`.
    pub fn discover_from(explicit: Option<&Path>, start: &Path, beyond_repo: bool) -> Result<LoadedConfig, LoadError> {
        let path = match explicit {
            Some(p) => Some(p.to_path_buf()),
            None => find(start, beyond_repo),
        };
        match path {
            None => Ok(Self::default_config()),
            Some(path) => {
                let text = std::fs::read_to_string(&path).map_err(|e| LoadError::Io(path.clone(), e))?;
                Self::from_user_text(&path.display().to_string(), &text, Some(path.clone())).map_err(LoadError::Invalid)
            }
        }
    }

    /// The typed config for one file after applying matching `[[overrides]]`.
    pub fn with_overrides(&self, matching: &[usize]) -> Config {
        if matching.is_empty() {
            return self.config.clone();
        }
        toml::Value::Table(self.table_with_overrides(matching)).try_into().unwrap_or_else(|_| self.config.clone())
    }

    /// The merged table after applying the `[[overrides]]` numbered `matching` (`copydesk config`
    /// prints it).
    pub fn table_with_overrides(&self, matching: &[usize]) -> toml::Table {
        let mut table = self.table().clone();
        for &i in matching {
            let (rules, custom) = split_custom(&self.config.overrides[i].rules, &self.config.custom);
            let mut wrapper = toml::Table::new();
            wrapper.insert("rules".into(), toml::Value::Table(rules));
            merge_tables(&mut table, &wrapper);
            if let Some(toml::Value::Array(entries)) = table.get_mut("custom") {
                for (id, level) in custom {
                    let entry = entries
                        .iter_mut()
                        .filter_map(toml::Value::as_table_mut)
                        .find(|e| e.get("id").and_then(toml::Value::as_str) == Some(&id));
                    if let (Some(entry), Some(level)) = (entry, level) {
                        entry.insert("severity".into(), toml::Value::String(level));
                    }
                }
            }
        }
        table
    }
}

/// `copydesk init`: write the commented default as lint-rules.toml in `dir`, never over an
/// existing file. The error is the message to print.
pub fn write_default(dir: &Path) -> Result<PathBuf, String> {
    use std::io::Write;
    let path = dir.join(CONFIG_FILE_NAME);
    let file = std::fs::OpenOptions::new().write(true).create_new(true).open(&path);
    match file.and_then(|mut f| f.write_all(DEFAULT_CONFIG.as_bytes())) {
        Ok(()) => Ok(path),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Err(format!("{CONFIG_FILE_NAME} already exists; not overwriting it")),
        Err(e) => Err(format!("cannot write {CONFIG_FILE_NAME}: {e}")),
    }
}

/// A configuration that could not be loaded: unreadable, or invalid (with a label in the TOML).
#[derive(Debug, thiserror::Error, MietteDiagnostic)]
pub enum LoadError {
    #[error("cannot read config {}: {}", .0.display(), .1)]
    #[diagnostic(code(copydesk::config))]
    Io(PathBuf, std::io::Error),
    #[error(transparent)]
    #[diagnostic(transparent)]
    Invalid(Box<ConfigError>),
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The default read from the build script's JSON is the TOML text parsed straight into its
    /// typed form and what reading it from its table gives; its table, parsed on first need,
    /// is the text's.
    #[test]
    fn the_default_read_from_json_is_the_default_read_from_its_table() {
        let loaded = LoadedConfig::default_config();
        let from_text: Config = toml::from_str(DEFAULT_CONFIG).unwrap();
        assert_eq!(format!("{:?}", loaded.config), format!("{from_text:?}"));
        let table: toml::Table = toml::from_str(DEFAULT_CONFIG).unwrap();
        let from_table: Config = toml::Value::Table(table.clone()).try_into().unwrap();
        assert_eq!(format!("{:?}", loaded.config), format!("{from_table:?}"));
        assert_eq!(loaded.table(), &table);
    }

    #[test]
    fn default_config_parses_and_validates() {
        parse_text("lint-rules.toml", DEFAULT_CONFIG).expect("the embedded default passes validation");
        let c = LoadedConfig::default_config();
        assert!(c.config.files.include.contains(&"*.md".to_string()));
        // read from the parsed table, the same as parsed from the text
        let from_text: Config = toml::from_str(DEFAULT_CONFIG).unwrap();
        assert_eq!(format!("{:?}", c.config), format!("{from_text:?}"));
    }

    #[test]
    fn unknown_rule_suggests_the_nearest_id() {
        let err = parse_text("t.toml", "[rules.tyop]\nenabled = false\n").unwrap_err();
        assert!(err.message.contains("tyop"), "{}", err.message);
        assert_eq!(err.help.as_deref(), Some("did you mean `typo`?"));
        assert!(err.span.is_some());
    }

    #[test]
    fn unknown_option_is_an_error_with_a_span() {
        let text = "[rules.typo]\nallow = []\nbogus = 1\n";
        let err = parse_text("t.toml", text).unwrap_err();
        let span = err.span.unwrap();
        assert_eq!(&text[span.offset()..span.offset() + 5], "bogus");
    }

    #[test]
    fn override_rule_tables_are_validated() {
        let text = "[[overrides]]\npaths = [\"a/**\"]\n[overrides.rules]\nclickbait = { threshold = -1.0 }\n";
        let err = parse_text("t.toml", text).unwrap_err();
        assert!(err.message.contains("[[overrides]] #1") && err.message.contains("threshold"), "{}", err.message);
        let text = "[[overrides]]\npaths = [\"a/**\"]\n[overrides.rules]\ntyop = \"off\"\n";
        assert!(parse_text("t.toml", text).is_err());
    }

    #[test]
    fn level_shorthand_merges_over_table() {
        let c = LoadedConfig::from_user_text("t.toml", "[rules]\nclickbait = \"off\"\n", None).unwrap();
        assert_eq!(c.table()["rules"]["clickbait"]["severity"].as_str(), Some("off"));
    }

    #[test]
    fn bad_custom_regex_points_at_pattern() {
        let text = "[[custom]]\nid = \"no-foo\"\npattern = \"(foo\"\nmessage = \"x\"\n";
        let err = parse_text("t.toml", text).unwrap_err();
        let span = err.span.unwrap();
        assert_eq!(&text[span.offset()..span.offset() + span.len()], "(foo");
    }
}
