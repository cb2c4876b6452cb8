//! Which configuration applies to each file, compiled once: `--config` for all of them, else
//! the nearest lint-rules.toml among the file's ancestors (ruff's rule), else the one found
//! from the starting directory, else the built-in default; plus the `[[overrides]]` that
//! match the file. Each config is loaded once, each combination of overrides built once.
//!
//! ```
//! use copydesk::workspace::{Overrides, Workspace};
//!
//! let dir = tempfile::tempdir().unwrap();
//! std::fs::write(dir.path().join("story.txt"), "The council met sence Monday.\n").unwrap();
//! let workspace = Workspace::discover(dir.path(), &Overrides::default()).unwrap();
//! let result = workspace.lint_path(&dir.path().join("story.txt")).unwrap();
//! assert_eq!(result.diagnostics[0].rule, "typo");
//! ```

use crate::config::{Config, LoadError, LoadedConfig, CONFIG_FILE_NAME};
use crate::engine::{RuleSet, Selection};
use crate::pipeline::{self, Allowance, FileMeta, FileResult, FixMode, LintError, Source};
use crate::rules::{self, BuildError};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

/// What the command line sets over the files' own configuration.
#[derive(Debug, Clone, Default)]
pub struct Overrides {
    /// `--config FILE`: this configuration for every file, instead of the nearest one.
    pub config: Option<PathBuf>,
    /// `--select`: only these rules (empty: all).
    pub select: Vec<String>,
    /// `--ignore`: never these rules.
    pub ignore: Vec<String>,
    /// Look for lint-rules.toml above the repository root too (`--config-beyond-repo`).
    pub beyond_repo: bool,
}

/// What `copydesk config PATH` shows: the configuration files that apply to a path, lowest
/// precedence first, and the settings they resolve to.
#[derive(Debug, Clone)]
pub struct ConfigReport {
    /// "built-in default", then the lint-rules.toml in force, then each matching override.
    pub sources: Vec<String>,
    /// The resolved settings, as TOML.
    pub resolved: String,
}

impl ConfigReport {
    /// As `copydesk config` prints it: the sources as TOML comments, then the settings.
    pub fn render(&self, path: &Path) -> String {
        let mut out = format!("# configuration for {} (lowest precedence first)\n", path.display());
        for (i, s) in self.sources.iter().enumerate() {
            out.push_str(&format!("# {}. {s}\n", i + 1));
        }
        out + "\n" + &self.resolved
    }
}

/// A configuration whose rules cannot be compiled.
#[derive(Debug, Clone, thiserror::Error, miette::Diagnostic)]
pub enum ScopeError {
    /// The lint-rules.toml that applies is invalid (its error was reported when it was loaded).
    #[error("invalid configuration {}", .0.display())]
    #[diagnostic(code(copydesk::config))]
    InvalidConfig(PathBuf),
    #[error(transparent)]
    #[diagnostic(transparent)]
    Rules(#[from] BuildError),
    #[error("bad override glob `{glob}`: {source}")]
    #[diagnostic(code(copydesk::config))]
    Glob { glob: String, source: globset::Error },
    #[error("{0}")]
    #[diagnostic(code(copydesk::config))]
    GlobSet(globset::Error),
}

/// Why a workspace could not be set up.
#[derive(Debug, thiserror::Error, miette::Diagnostic)]
pub enum WorkspaceError {
    #[error(transparent)]
    #[diagnostic(transparent)]
    Load(#[from] LoadError),
    #[error("unknown rule `{id}`{hint}")]
    #[diagnostic(code(copydesk::cli))]
    UnknownRule { id: String, hint: String },
    #[error(transparent)]
    #[diagnostic(transparent)]
    Scope(#[from] ScopeError),
}

/// Why one file could not be linted.
#[derive(Debug, thiserror::Error, miette::Diagnostic)]
pub enum FileError {
    #[error(transparent)]
    #[diagnostic(transparent)]
    Scope(#[from] ScopeError),
    #[error(transparent)]
    #[diagnostic(transparent)]
    Lint(#[from] LintError),
}

/// The compiled rule sets of a workspace, one per effective configuration: every scope (each
/// lint-rules.toml) and every combination of `[[overrides]]` that resolves to the same rule
/// settings shares one [`RuleSet`] (about 1.5 MB each), however many combinations match.
#[derive(Default)]
struct RuleSets {
    /// The effective settings (`[rules]` and `[[custom]]`, typed, as `Debug` text: the option
    /// types hold only vectors and ordered maps, so equal settings give equal keys) → their rules.
    built: Mutex<HashMap<String, Arc<RuleSet>>>,
}

impl RuleSets {
    fn get(&self, config: &Config, selection: &Selection) -> Result<Arc<RuleSet>, BuildError> {
        let key = format!("{:?}\n{:?}", config.rules, config.custom);
        let mut built = self.built.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(rules) = built.get(&key) {
            return Ok(rules.clone());
        }
        let rules = Arc::new(RuleSet::new(config, selection)?);
        built.insert(key, rules.clone());
        Ok(rules)
    }

    fn count(&self) -> usize {
        self.built.lock().unwrap_or_else(|p| p.into_inner()).len()
    }
}

/// One configuration (a lint-rules.toml, or the built-in default): its rule set and the one
/// for each combination of matching `[[overrides]]`, taken from the workspace's [`RuleSets`]
/// on first use.
struct Scope {
    config: LoadedConfig,
    base: Arc<RuleSet>,
    overrides: Vec<globset::GlobSet>,
    /// Override globs are relative to the config file's directory.
    root: PathBuf,
    sets: Arc<RuleSets>,
    /// Combination of matching overrides → its rule set (shared through `sets`).
    cache: Mutex<HashMap<Vec<usize>, Arc<RuleSet>>>,
}

impl Scope {
    fn new(config: LoadedConfig, selection: &Selection, cwd: &Path, sets: Arc<RuleSets>) -> Result<Scope, ScopeError> {
        let base = sets.get(&config.config, selection)?;
        let mut overrides = Vec::new();
        for o in &config.config.overrides {
            let mut set = globset::GlobSetBuilder::new();
            for p in &o.paths {
                set.add(globset::Glob::new(p).map_err(|source| ScopeError::Glob { glob: p.clone(), source })?);
            }
            overrides.push(set.build().map_err(ScopeError::GlobSet)?);
        }
        let root = config.path.as_ref().and_then(|p| p.parent().map(Path::to_path_buf)).filter(|p| !p.as_os_str().is_empty());
        let root = root.unwrap_or_else(|| cwd.to_path_buf());
        let root = root.canonicalize().unwrap_or(root);
        Ok(Scope { config, base, overrides, root, sets, cache: Mutex::new(HashMap::new()) })
    }

    /// The `[[overrides]]` whose globs match `path` (relative to the config's directory).
    fn matching(&self, path: &Path) -> Vec<usize> {
        let absolute = path.canonicalize().unwrap_or_else(|_| path.to_path_buf());
        let relative = absolute.strip_prefix(&self.root).unwrap_or(path);
        self.overrides.iter().enumerate().filter(|(_, set)| set.is_match(relative)).map(|(i, _)| i).collect()
    }

    /// The rule set for one file: the base, or the base with its matching overrides.
    fn rules_for(&self, path: &Path, selection: &Selection) -> Result<Arc<RuleSet>, ScopeError> {
        if self.overrides.is_empty() {
            return Ok(self.base.clone());
        }
        let matching = self.matching(path);
        if matching.is_empty() {
            return Ok(self.base.clone());
        }
        let mut cache = self.cache.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(rs) = cache.get(&matching) {
            return Ok(rs.clone());
        }
        let config = self.config.with_overrides(&matching);
        let rs = self.sets.get(&config, selection)?;
        cache.insert(matching, rs.clone());
        Ok(rs)
    }
}

type ConfigErrorHandler = Box<dyn Fn(LoadError) + Send + Sync>;

/// The configurations that apply under a directory, and the one lint entry point for paths.
pub struct Workspace {
    selection: Selection,
    sets: Arc<RuleSets>,
    /// `--config`, or the config found from the starting directory: `[files]` and standard
    /// input use it.
    main: Arc<Scope>,
    explicit: bool,
    beyond_repo: bool,
    /// How the configuration was found, for `--verbose`.
    notes: Vec<String>,
    cwd: PathBuf,
    /// Directory → the nearest lint-rules.toml at or above it.
    nearest: Mutex<HashMap<PathBuf, Option<PathBuf>>>,
    /// Config file → its compiled scope, or the error already reported for it.
    scopes: Mutex<HashMap<PathBuf, Result<Arc<Scope>, ScopeError>>>,
    /// Told once about each nested lint-rules.toml that cannot be loaded.
    on_config_error: ConfigErrorHandler,
}

impl Workspace {
    /// Load the configuration that applies from `cwd` (or `overrides.config`), check the rule
    /// ids the overrides name, and compile it.
    pub fn discover(cwd: &Path, overrides: &Overrides) -> Result<Workspace, WorkspaceError> {
        let config = LoadedConfig::discover_from(overrides.config.as_deref(), cwd, overrides.beyond_repo)?;
        let mut notes = Vec::new();
        match (&overrides.config, &config.path) {
            (Some(p), _) => notes.push(format!("config: {} (--config) applies to every file", p.display())),
            (None, Some(p)) => notes.push(format!("config: found {} from {}", p.display(), cwd.display())),
            (None, None) => notes.push(format!("config: no {CONFIG_FILE_NAME} found from {}; the built-in default applies", cwd.display())),
        }
        if overrides.config.is_none() && !overrides.beyond_repo {
            if let Some(root) = crate::config::search_dirs(cwd, false).last().filter(|d| crate::config::is_repo_root(d)) {
                notes.push(format!("config: search stops at the repository root {} (--config-beyond-repo looks above it)", root.display()));
            }
        }
        let known: Vec<String> =
            rules::ALL.iter().map(|m| m.id.to_string()).chain(config.config.custom.iter().map(|c| c.id.clone())).collect();
        for id in overrides.select.iter().chain(&overrides.ignore) {
            if !known.contains(id) {
                let hint = crate::text::did_you_mean(id, known.iter().map(String::as_str));
                return Err(WorkspaceError::UnknownRule { id: id.clone(), hint });
            }
        }
        let selection = Selection { select: overrides.select.clone(), ignore: overrides.ignore.clone() };
        let main_path = config.path.clone().map(|p| p.canonicalize().unwrap_or(p));
        let sets = Arc::new(RuleSets::default());
        let main = Arc::new(Scope::new(config, &selection, cwd, sets.clone())?);
        let mut scopes = HashMap::new();
        if let Some(p) = main_path {
            scopes.insert(p, Ok(main.clone()));
        }
        Ok(Workspace {
            selection,
            sets,
            main,
            explicit: overrides.config.is_some(),
            beyond_repo: overrides.beyond_repo,
            notes,
            cwd: cwd.to_path_buf(),
            nearest: Mutex::new(HashMap::new()),
            scopes: Mutex::new(scopes),
            on_config_error: Box::new(|_| {}),
        })
    }

    /// Call `handler` once for each nested lint-rules.toml that cannot be loaded (the files
    /// under it then fail with [`ScopeError::InvalidConfig`]).
    pub fn on_config_error(mut self, handler: impl Fn(LoadError) + Send + Sync + 'static) -> Workspace {
        self.on_config_error = Box::new(handler);
        self
    }

    /// How the configuration was found (`--verbose` prints these).
    pub fn notes(&self) -> &[String] {
        &self.notes
    }

    /// The configuration files that apply to `path` (a file, or a directory: a file in it) and
    /// the settings they resolve to.
    pub fn describe(&self, path: &Path) -> Result<ConfigReport, ScopeError> {
        let probe = if path.is_dir() { path.join("_") } else { path.to_path_buf() };
        let path = probe.as_path();
        let scope = self.scope_for(path)?;
        let mut sources = vec!["built-in default".to_string()];
        if let Some(p) = &scope.config.path {
            sources.push(p.display().to_string());
        }
        let matching = scope.matching(path);
        for &i in &matching {
            sources.push(format!("[[overrides]] #{} (paths = {:?})", i + 1, scope.config.config.overrides[i].paths));
        }
        let mut table = scope.config.table_with_overrides(&matching);
        table.remove("overrides");
        let resolved = toml::to_string_pretty(&table).unwrap_or_default();
        Ok(ConfigReport { sources, resolved })
    }

    /// The configuration found from the starting directory (or `--config`).
    pub fn config(&self) -> &LoadedConfig {
        &self.main.config
    }

    /// The files a walk of `paths` lints, by the main configuration's `[files]`, and the paths
    /// that could not be walked.
    /// With `force_exclude`, files named in `paths` obey `[files] exclude` and the ignore files too.
    pub fn files(&self, paths: &[PathBuf], no_ignore: bool, force_exclude: bool) -> (Vec<PathBuf>, Vec<crate::walk::WalkError>) {
        let base = force_exclude.then_some(self.main.root.as_path());
        crate::walk::collect(paths, &self.main.config.config.files, no_ignore, base)
    }

    /// The files under `roots` that a walk left out of `kept`, each with the reason (`--verbose`).
    pub fn skipped(&self, roots: &[PathBuf], kept: &[PathBuf]) -> Vec<(PathBuf, &'static str)> {
        crate::walk::skipped(roots, &self.main.config.config.files, kept)
    }

    /// The configuration file that applies to `path`, for `--verbose`.
    pub fn config_name(&self, path: &Path) -> String {
        match self.scope_for(path) {
            Ok(scope) => scope.config.path.as_ref().map_or("the built-in default".to_string(), |p| p.display().to_string()),
            Err(e) => e.to_string(),
        }
    }

    /// The nearest lint-rules.toml at or above `dir`, remembered per directory.
    fn nearest_config(&self, dir: &Path) -> Option<PathBuf> {
        let mut visited = Vec::new();
        let mut found = None;
        {
            let memo = self.nearest.lock().unwrap_or_else(|p| p.into_inner());
            // (before `search_dirs`, which asks the file system whether `dir` is a repository)
            if let Some(known) = memo.get(dir) {
                return known.clone();
            }
            for d in crate::config::search_dirs(dir, self.beyond_repo) {
                if let Some(known) = memo.get(d) {
                    found = known.clone();
                    break;
                }
                visited.push(d.to_path_buf());
                let candidate = d.join(CONFIG_FILE_NAME);
                if candidate.is_file() {
                    found = Some(candidate);
                    break;
                }
            }
        }
        let mut memo = self.nearest.lock().unwrap_or_else(|p| p.into_inner());
        for d in visited {
            memo.insert(d, found.clone());
        }
        found
    }

    /// How many distinct rule sets the workspace has compiled so far: one per effective
    /// configuration, however many config files and `[[overrides]]` combinations resolve to it.
    pub fn rule_sets_built(&self) -> usize {
        self.sets.count()
    }

    /// The rule set for one file.
    pub fn rules_for(&self, path: &Path) -> Result<Arc<RuleSet>, ScopeError> {
        let scope = self.scope_for(path)?;
        scope.rules_for(path, &self.selection)
    }

    fn scope_for(&self, path: &Path) -> Result<Arc<Scope>, ScopeError> {
        if self.explicit {
            return Ok(self.main.clone());
        }
        let absolute = if path.is_absolute() { path.to_path_buf() } else { self.cwd.join(path) };
        let Some(dir) = absolute.parent() else { return Ok(self.main.clone()) };
        let Some(config_path) = self.nearest_config(dir) else { return Ok(self.main.clone()) };
        let config_path = config_path.canonicalize().unwrap_or(config_path);
        let mut scopes = self.scopes.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(scope) = scopes.get(&config_path) {
            return scope.clone();
        }
        let loaded = match LoadedConfig::discover(Some(&config_path), dir) {
            Ok(config) => Scope::new(config, &self.selection, &self.cwd, self.sets.clone()).map(Arc::new),
            Err(e) => {
                (self.on_config_error)(e);
                Err(ScopeError::InvalidConfig(config_path.clone()))
            }
        };
        scopes.insert(config_path, loaded.clone());
        loaded
    }

    /// Lint one input through the [pipeline](crate::pipeline::lint_input) with the rules that
    /// apply to `path`. `name` is the path as reported; `allowance` is this file's share of a
    /// baseline; `on_chunk` receives each piece's results (one piece unless the file is huge).
    pub fn lint_input(
        &self,
        path: &Path,
        name: &str,
        source: Source,
        fix_mode: FixMode,
        allowance: Option<Allowance>,
        on_chunk: &mut dyn FnMut(FileResult),
    ) -> Result<FileMeta, FileError> {
        let rules = self.rules_for(path)?;
        Ok(pipeline::lint_input(&rules, path, name, source, fix_mode, allowance, on_chunk)?)
    }

    /// Lint one file as it is on disk (no fixes, no baseline): its findings, with its text.
    /// A huge file's chunks are joined into one result.
    pub fn lint_path(&self, path: &Path) -> Result<FileResult, FileError> {
        let name = path.display().to_string();
        let mut pieces: Vec<FileResult> = Vec::new();
        self.lint_input(path, &name, Source::of(path, pipeline::DEFAULT_MAX_FILE_SIZE), FixMode::default(), None, &mut |r| pieces.push(r))?;
        if pieces.len() == 1 {
            return Ok(pieces.remove(0));
        }
        let mut source = String::new();
        let mut diagnostics = Vec::new();
        for piece in pieces {
            let offset = source.len();
            source.push_str(&piece.source);
            diagnostics.extend(piece.diagnostics.into_iter().map(|mut d| {
                d.shift(offset);
                d
            }));
        }
        Ok(FileResult::new(name, source, diagnostics))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Issue 12 item 9: overlapping `[[overrides]]` whose combinations resolve to the same
    /// settings share one compiled rule set; the base is shared too.
    #[test]
    fn override_combinations_with_the_same_settings_share_one_rule_set() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("news/wire")).unwrap();
        std::fs::create_dir_all(root.join("blog")).unwrap();
        // Four overrides: news files match 1 (and .txt ones 2), wire files 3 too; blog files
        // match 4, which restates the base setting.
        std::fs::write(
            root.join(CONFIG_FILE_NAME),
            r#"
[rules]
clickbait = "info"

[[overrides]]
paths = ["news/**"]
rules = { typo = "off" }

[[overrides]]
paths = ["news/**/*.txt"]
rules = { typo = "off" }

[[overrides]]
paths = ["news/wire/**"]
rules = { typo = "off" }

[[overrides]]
paths = ["blog/**"]
rules = { clickbait = "info" }
"#,
        )
        .unwrap();
        let files = ["news/a.txt", "news/b.md", "news/wire/c.txt", "news/wire/d.md", "blog/e.txt", "f.txt"];
        for f in files {
            std::fs::write(root.join(f), "Budget Approved\n\nThe council met sence Monday.\n").unwrap();
        }
        let ws = Workspace::discover(root, &Overrides::default()).unwrap();
        let sets: Vec<Arc<RuleSet>> = files.iter().map(|f| ws.rules_for(&root.join(f)).unwrap()).collect();
        // Four different override combinations under news/ ({1,2}, {1}, {1,2,3}, {1,3}): one
        // rule set without typo. blog/ ({4}) and f.txt (none): the base.
        for s in &sets[1..4] {
            assert!(Arc::ptr_eq(&sets[0], s));
        }
        assert!(!Arc::ptr_eq(&sets[0], &sets[4]));
        assert!(Arc::ptr_eq(&sets[4], &sets[5]), "an override to the same settings is the base rule set");
        assert_eq!(ws.rule_sets_built(), 2);
        assert!(!sets[0].ids().any(|id| id == "typo") && sets[5].ids().any(|id| id == "typo"));
        // The findings follow the settings, not the sharing.
        assert!(ws.lint_path(&root.join("news/wire/c.txt")).unwrap().diagnostics.iter().all(|d| d.rule != "typo"));
        assert!(ws.lint_path(&root.join("f.txt")).unwrap().diagnostics.iter().any(|d| d.rule == "typo"));
    }

    /// Nested lint-rules.toml files with the same settings share the rule set as well.
    #[test]
    fn nested_configs_with_the_same_settings_share_one_rule_set() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        for sub in ["a", "b"] {
            std::fs::create_dir_all(root.join(sub)).unwrap();
            std::fs::write(root.join(sub).join(CONFIG_FILE_NAME), "[rules]\ntypo = \"off\"\n").unwrap();
            std::fs::write(root.join(sub).join("x.txt"), "Title Here\n\nText.\n").unwrap();
        }
        let ws = Workspace::discover(root, &Overrides::default()).unwrap();
        let a = ws.rules_for(&root.join("a/x.txt")).unwrap();
        let b = ws.rules_for(&root.join("b/x.txt")).unwrap();
        assert!(Arc::ptr_eq(&a, &b));
        assert_eq!(ws.rule_sets_built(), 2, "the default and the typo-off settings");
    }
}
