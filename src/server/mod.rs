//! `copydesk server`: the Language Server Protocol over standard input and output.
//!
//! Built on rust-analyzer's `lsp-server` (a synchronous message loop over channels) and
//! `lsp-types`. The main loop owns the open documents and answers requests; linting runs on
//! one worker thread, which takes the newest version of each document from its queue (older
//! ones still waiting are skipped) and sends the findings back; findings for a version the
//! document has since left are dropped, never published.
//!
//! Each document gets the configuration the CLI would give it: a [`Workspace`] discovered
//! from its folder (the nearest lint-rules.toml up to the repository root, its
//! `[[overrides]]`), cached per configuration file and rebuilt when that file changes (its
//! modification time and size are checked before every lint, and
//! `workspace/didChangeWatchedFiles` re-lints every open document). A configuration that
//! cannot be loaded is one diagnostic on the TOML file; the server goes on.
//!
//! - [`convert`]: byte spans ↔ positions in the negotiated encoding (UTF-8 when the client
//!   offers it, else UTF-16), file URIs ↔ paths.
//! - [`actions`]: findings as LSP diagnostics, quick fixes, fix-all, suppressions, the
//!   project dictionary.

pub mod actions;
pub mod convert;

use crate::config::{self, LoadError, CONFIG_FILE_NAME};
use crate::diagnostic::{Diagnostic, Span};
use crate::document::Format;
use crate::workspace::{Overrides, ScopeError, Workspace, WorkspaceError};
use convert::{path_to_uri, uri_to_path, Encoding, LineIndex};
use crossbeam_channel::{Receiver, Sender};
use lsp_server::{Connection, ErrorCode, Message, Notification, Request, RequestId, Response};
use lsp_types::notification::{self as note, Notification as _};
use lsp_types::request::{self as req, Request as _};
use lsp_types::{
    CodeActionKind, CodeActionOptions, CodeActionParams, CodeActionProviderCapability, DiagnosticSeverity, DidChangeTextDocumentParams,
    DidChangeWatchedFilesParams, DidChangeWatchedFilesRegistrationOptions, DidCloseTextDocumentParams, DidOpenTextDocumentParams,
    DidSaveTextDocumentParams, ExecuteCommandOptions, ExecuteCommandParams, FileSystemWatcher, GlobPattern, Hover, HoverContents,
    HoverParams, HoverProviderCapability, InitializeParams, MarkupContent, MarkupKind, MessageType, PublishDiagnosticsParams, Registration,
    RegistrationParams, SaveOptions, ServerCapabilities, ShowMessageParams, TextDocumentSyncCapability, TextDocumentSyncKind,
    TextDocumentSyncOptions, TextDocumentSyncSaveOptions, Uri,
};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::SystemTime;

/// Why the server stopped other than by `shutdown` and `exit`.
#[derive(Debug, thiserror::Error)]
#[error("language server: {0}")]
pub struct ServerError(String);

impl From<lsp_server::ProtocolError> for ServerError {
    fn from(e: lsp_server::ProtocolError) -> Self {
        ServerError(e.to_string())
    }
}

/// Serve one client over standard input and output until it sends `exit`.
pub fn run_stdio() -> Result<(), ServerError> {
    crate::rules::prepare_in_background(None);
    let (connection, io_threads) = Connection::stdio();
    serve(connection)?;
    io_threads.join().map_err(|e| ServerError(e.to_string()))
}

/// Serve one client over `connection` (standard I/O, or [`Connection::memory`] in tests).
pub fn serve(connection: Connection) -> Result<(), ServerError> {
    let (id, params) = connection.initialize_start()?;
    let params: InitializeParams = serde_json::from_value(params).unwrap_or_default();
    let encoding = Encoding::negotiate(params.capabilities.general.as_ref().and_then(|g| g.position_encodings.as_deref()));
    let result = serde_json::json!({
        "capabilities": capabilities(encoding),
        "serverInfo": {"name": "copydesk", "version": env!("CARGO_PKG_VERSION")},
    });
    connection.initialize_finish(id, result)?;
    let watch = params
        .capabilities
        .workspace
        .as_ref()
        .and_then(|w| w.did_change_watched_files.as_ref())
        .and_then(|d| d.dynamic_registration)
        .unwrap_or(false);
    let (jobs, job_rx) = crossbeam_channel::unbounded();
    let (done_tx, done) = crossbeam_channel::unbounded();
    let worker = std::thread::Builder::new()
        .name("copydesk-lint".into())
        .spawn(move || Worker::default().run(&job_rx, &done_tx))
        .map_err(|e| ServerError(format!("cannot start the lint thread: {e}")))?;
    let mut server = Server {
        sender: connection.sender.clone(),
        encoding,
        roots: roots(&params),
        docs: HashMap::new(),
        jobs,
        config_problems: HashMap::new(),
        watch,
        next_id: 0,
    };
    // `initialize_finish` has already read the client's `initialized`.
    if server.watch {
        server.register_watcher();
    }
    let outcome = server.main_loop(&connection, &done);
    drop(server);
    let _ = worker.join();
    outcome
}

fn capabilities(encoding: Encoding) -> ServerCapabilities {
    ServerCapabilities {
        position_encoding: Some(encoding.kind()),
        text_document_sync: Some(TextDocumentSyncCapability::Options(TextDocumentSyncOptions {
            open_close: Some(true),
            change: Some(TextDocumentSyncKind::INCREMENTAL),
            save: Some(TextDocumentSyncSaveOptions::SaveOptions(SaveOptions { include_text: Some(false) })),
            ..Default::default()
        })),
        code_action_provider: Some(CodeActionProviderCapability::Options(CodeActionOptions {
            code_action_kinds: Some(vec![CodeActionKind::QUICKFIX, actions::FIX_ALL]),
            ..Default::default()
        })),
        hover_provider: Some(HoverProviderCapability::Simple(true)),
        execute_command_provider: Some(ExecuteCommandOptions {
            commands: vec![actions::ADD_WORD_COMMAND.to_string()],
            ..Default::default()
        }),
        ..Default::default()
    }
}

#[allow(deprecated)] // root_uri: older clients send only that
fn roots(params: &InitializeParams) -> Vec<PathBuf> {
    match &params.workspace_folders {
        Some(folders) if !folders.is_empty() => folders.iter().filter_map(|f| uri_to_path(&f.uri)).collect(),
        _ => params.root_uri.iter().filter_map(uri_to_path).collect(),
    }
}

/// An open document.
struct Doc {
    text: String,
    version: i32,
    format: Format,
    path: Option<PathBuf>,
    /// The findings of the newest version linted so far.
    linted: Option<Linted>,
}

struct Linted {
    version: i32,
    diagnostics: Vec<Diagnostic>,
    workspace: Option<Arc<Workspace>>,
}

/// A document version to lint, or the order to forget every compiled configuration.
enum Job {
    Lint { uri: Uri, version: i32, text: String, format: Format, path: Option<PathBuf>, roots: Vec<PathBuf> },
    Reload,
}

/// A document's findings and the workspace that produced them, or why its config failed.
type Outcome = Result<(Vec<Diagnostic>, Arc<Workspace>), ConfigProblem>;

/// The worker's answer for one document version.
struct Done {
    uri: Uri,
    version: i32,
    /// The lint-rules.toml that applied, if any.
    config: Option<PathBuf>,
    outcome: Outcome,
}

/// A configuration that could not be loaded: where, and what to say.
#[derive(Debug, Clone)]
struct ConfigProblem {
    path: Option<PathBuf>,
    /// The file's text and the span of the problem in it, when known.
    located: Option<(String, Span)>,
    message: String,
}

struct Server {
    sender: Sender<Message>,
    encoding: Encoding,
    roots: Vec<PathBuf>,
    docs: HashMap<Uri, Doc>,
    jobs: Sender<Job>,
    /// The diagnostics published on lint-rules.toml files, by file.
    config_problems: HashMap<Uri, lsp_types::Diagnostic>,
    /// The client lets the server register a file watcher.
    watch: bool,
    next_id: i32,
}

impl Server {
    fn main_loop(&mut self, connection: &Connection, done: &Receiver<Done>) -> Result<(), ServerError> {
        loop {
            crossbeam_channel::select! {
                recv(connection.receiver) -> message => match message {
                    Err(_) => return Ok(()),
                    Ok(Message::Request(request)) => {
                        if connection.handle_shutdown(&request)? {
                            return Ok(());
                        }
                        self.request(request);
                    }
                    Ok(Message::Notification(n)) if n.method == note::Exit::METHOD => return Ok(()),
                    Ok(Message::Notification(n)) => self.notification(n),
                    Ok(Message::Response(_)) => {}
                },
                recv(done) -> finished => {
                    if let Ok(finished) = finished {
                        self.finished(finished);
                    }
                }
            }
        }
    }

    fn send(&self, message: impl Into<Message>) {
        let _ = self.sender.send(message.into());
    }

    fn notify<N: lsp_types::notification::Notification>(&self, params: N::Params) {
        self.send(Notification::new(N::METHOD.to_string(), params));
    }

    fn show(&self, typ: MessageType, message: String) {
        self.notify::<note::ShowMessage>(ShowMessageParams { typ, message });
    }

    fn notification(&mut self, n: Notification) {
        match n.method.as_str() {
            note::DidOpenTextDocument::METHOD => {
                if let Ok(p) = serde_json::from_value::<DidOpenTextDocumentParams>(n.params) {
                    let doc = p.text_document;
                    if doc.language_id == "toml" {
                        return;
                    }
                    let path = uri_to_path(&doc.uri);
                    let format = match doc.language_id.as_str() {
                        "markdown" | "mdx" => Format::Markdown,
                        "plaintext" | "text" => Format::PlainText,
                        _ => Format::from_path(doc.uri.as_str()),
                    };
                    self.docs.insert(doc.uri.clone(), Doc { text: doc.text, version: doc.version, format, path, linted: None });
                    self.schedule(&doc.uri);
                }
            }
            note::DidChangeTextDocument::METHOD => {
                if let Ok(p) = serde_json::from_value::<DidChangeTextDocumentParams>(n.params) {
                    let encoding = self.encoding;
                    let Some(doc) = self.docs.get_mut(&p.text_document.uri) else { return };
                    for change in p.content_changes {
                        match change.range {
                            Some(range) => {
                                let span = LineIndex::new(&doc.text, encoding).span(range);
                                doc.text.replace_range(span.start..span.end, &change.text);
                            }
                            None => doc.text = change.text,
                        }
                    }
                    doc.version = p.text_document.version;
                    self.schedule(&p.text_document.uri);
                }
            }
            note::DidSaveTextDocument::METHOD => {
                if let Ok(p) = serde_json::from_value::<DidSaveTextDocumentParams>(n.params) {
                    self.schedule(&p.text_document.uri);
                }
            }
            note::DidCloseTextDocument::METHOD => {
                if let Ok(p) = serde_json::from_value::<DidCloseTextDocumentParams>(n.params) {
                    if self.docs.remove(&p.text_document.uri).is_some() {
                        self.publish(p.text_document.uri, Vec::new(), None);
                    }
                }
            }
            note::DidChangeWatchedFiles::METHOD => {
                if let Ok(p) = serde_json::from_value::<DidChangeWatchedFilesParams>(n.params) {
                    if p.changes.iter().any(|c| c.uri.as_str().ends_with(CONFIG_FILE_NAME)) {
                        self.reload();
                    }
                }
            }
            _ => {}
        }
    }

    /// Ask the client to tell us when any lint-rules.toml changes.
    fn register_watcher(&mut self) {
        let options = DidChangeWatchedFilesRegistrationOptions {
            watchers: vec![FileSystemWatcher { glob_pattern: GlobPattern::String(format!("**/{CONFIG_FILE_NAME}")), kind: None }],
        };
        let registration = Registration {
            id: "copydesk-config".into(),
            method: note::DidChangeWatchedFiles::METHOD.into(),
            register_options: serde_json::to_value(options).ok(),
        };
        self.next_id += 1;
        let params = RegistrationParams { registrations: vec![registration] };
        self.send(Request::new(RequestId::from(format!("copydesk-{}", self.next_id)), req::RegisterCapability::METHOD.into(), params));
    }

    /// Forget every compiled configuration and the problems reported on them; re-lint.
    fn reload(&mut self) {
        let _ = self.jobs.send(Job::Reload);
        for (uri, _) in std::mem::take(&mut self.config_problems) {
            self.notify::<note::PublishDiagnostics>(PublishDiagnosticsParams::new(uri, Vec::new(), None));
        }
        let uris: Vec<Uri> = self.docs.keys().cloned().collect();
        uris.iter().for_each(|u| self.schedule(u));
    }

    fn schedule(&self, uri: &Uri) {
        if let Some(doc) = self.docs.get(uri) {
            let _ = self.jobs.send(Job::Lint {
                uri: uri.clone(),
                version: doc.version,
                text: doc.text.clone(),
                format: doc.format,
                path: doc.path.clone(),
                roots: self.roots.clone(),
            });
        }
    }

    fn publish(&self, uri: Uri, diagnostics: Vec<lsp_types::Diagnostic>, version: Option<i32>) {
        self.notify::<note::PublishDiagnostics>(PublishDiagnosticsParams::new(uri, diagnostics, version));
    }

    fn finished(&mut self, done: Done) {
        let encoding = self.encoding;
        let Some(doc) = self.docs.get_mut(&done.uri) else { return };
        if doc.version != done.version {
            return; // stale: a newer version is queued
        }
        let (diagnostics, workspace, problem) = match done.outcome {
            Ok((d, w)) => (d, Some(w), None),
            Err(p) => (Vec::new(), None, Some(p)),
        };
        let index = LineIndex::new(&doc.text, encoding);
        let lsp = diagnostics.iter().map(|d| actions::to_lsp(d, &index)).collect();
        doc.linted = Some(Linted { version: done.version, diagnostics, workspace });
        self.publish(done.uri, lsp, Some(done.version));
        // A configuration that works again loses its diagnostic.
        if let Some(uri) = done.config.as_deref().filter(|_| problem.is_none()).and_then(path_to_uri) {
            if self.config_problems.remove(&uri).is_some() {
                self.publish(uri, Vec::new(), None);
            }
        }
        if let Some(problem) = problem {
            self.config_problem(problem);
        }
    }

    fn config_problem(&mut self, problem: ConfigProblem) {
        let Some(uri) = problem.path.as_deref().and_then(path_to_uri) else {
            return self.show(MessageType::ERROR, format!("copydesk: {}", problem.message));
        };
        let range = match &problem.located {
            Some((text, span)) => LineIndex::new(text, self.encoding).range(*span),
            None => lsp_types::Range::default(),
        };
        let diagnostic = lsp_types::Diagnostic {
            range,
            severity: Some(DiagnosticSeverity::ERROR),
            code: Some(lsp_types::NumberOrString::String("config".into())),
            source: Some(actions::SOURCE.into()),
            message: problem.message,
            ..Default::default()
        };
        if self.config_problems.get(&uri) != Some(&diagnostic) {
            self.config_problems.insert(uri.clone(), diagnostic.clone());
            self.publish(uri, vec![diagnostic], None);
        }
    }

    fn request(&mut self, request: Request) {
        let id = request.id.clone();
        let result = match request.method.as_str() {
            req::CodeActionRequest::METHOD => parse(request).map(|p| serde_json::to_value(self.code_actions(&p))),
            req::HoverRequest::METHOD => parse(request).map(|p| serde_json::to_value(self.hover(&p))),
            req::ExecuteCommand::METHOD => parse(request).and_then(|p| self.execute(&p)).map(|()| Ok(serde_json::Value::Null)),
            method => Err((ErrorCode::MethodNotFound, format!("copydesk does not handle {method}"))),
        };
        let response = match result {
            Ok(Ok(value)) => Response { id, response_result: Ok(value) },
            Ok(Err(e)) => Response::new_err(id, ErrorCode::InternalError as i32, e.to_string()),
            Err((code, message)) => Response::new_err(id, code as i32, message),
        };
        self.send(response);
    }

    /// The document at `uri` with findings for its current version.
    fn current(&self, uri: &Uri) -> Option<(&Doc, &Linted)> {
        let doc = self.docs.get(uri)?;
        let linted = doc.linted.as_ref().filter(|l| l.version == doc.version)?;
        Some((doc, linted))
    }

    fn code_actions(&self, p: &CodeActionParams) -> Vec<lsp_types::CodeActionOrCommand> {
        let Some((doc, linted)) = self.current(&p.text_document.uri) else { return Vec::new() };
        let index = LineIndex::new(&doc.text, self.encoding);
        actions::code_actions(&actions::Request {
            uri: &p.text_document.uri,
            text: &doc.text,
            format: doc.format,
            index: &index,
            diagnostics: &linted.diagnostics,
            range: index.span(p.range),
            only: p.context.only.as_deref(),
        })
    }

    /// The explanation of each rule with a finding under the cursor.
    fn hover(&self, p: &HoverParams) -> Option<Hover> {
        let (doc, linted) = self.current(&p.text_document_position_params.text_document.uri)?;
        let index = LineIndex::new(&doc.text, self.encoding);
        let at = index.offset(p.text_document_position_params.position);
        let under: Vec<&Diagnostic> = linted.diagnostics.iter().filter(|d| d.span.start <= at && at <= d.span.end).collect();
        let first = under.first()?;
        let mut pages: Vec<String> = Vec::new();
        for d in &under {
            let page = explanation(&d.rule, linted.workspace.as_deref());
            if !pages.contains(&page) {
                pages.push(page);
            }
        }
        Some(Hover {
            contents: HoverContents::Markup(MarkupContent { kind: MarkupKind::Markdown, value: pages.join("\n\n---\n\n") }),
            range: Some(index.range(first.span)),
        })
    }

    /// `copydesk.addToDictionary`: write the word into the lint-rules.toml that applies to the
    /// document (or a new one where discovery will find it), then re-lint.
    fn execute(&mut self, p: &ExecuteCommandParams) -> Result<(), (ErrorCode, String)> {
        if p.command != actions::ADD_WORD_COMMAND {
            return Err((ErrorCode::InvalidParams, format!("unknown command {}", p.command)));
        }
        let args: actions::AddWord = p
            .arguments
            .first()
            .and_then(|a| serde_json::from_value(a.clone()).ok())
            .ok_or((ErrorCode::InvalidParams, "expected {uri, word}".to_string()))?;
        let failed = |m: String| (ErrorCode::RequestFailed, m);
        let path = uri_to_path(&args.uri).ok_or_else(|| failed("the document is not a local file".into()))?;
        let target = dictionary_file(&path, &self.roots);
        let existing = match std::fs::read_to_string(&target) {
            Ok(text) => Some(text),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
            Err(e) => return Err(failed(format!("cannot read {}: {e}", target.display()))),
        };
        let updated =
            actions::add_allowed_word(existing.as_deref(), &args.word).map_err(|e| failed(format!("{}: {e}", target.display())))?;
        if let Some(updated) = updated {
            write_atomically(&target, &updated).map_err(|e| failed(format!("cannot write {}: {e}", target.display())))?;
        }
        self.reload();
        Ok(())
    }
}

fn parse<P: serde::de::DeserializeOwned>(request: Request) -> Result<P, (ErrorCode, String)> {
    serde_json::from_value(request.params).map_err(|e| (ErrorCode::InvalidParams, e.to_string()))
}

/// A rule's page for a hover: the registry's summary, explanation and examples; a `[[custom]]`
/// rule's as `copydesk explain` prints it.
fn explanation(id: &str, workspace: Option<&Workspace>) -> String {
    if let Some(m) = crate::rules::find(id) {
        let fix = if m.fix.is_empty() { "none" } else { m.fix };
        return format!(
            "**{}** · {} · fix: {fix}\n\n{}\n\n{}\n\nBad:\n```text\n{}\n```\nGood:\n```text\n{}\n```",
            m.id,
            m.category.as_str(),
            m.summary,
            m.explanation,
            m.bad,
            m.good
        );
    }
    let config = workspace.map_or_else(config::LoadedConfig::default_config, |w| w.config().clone());
    match crate::report::explain_id(id, &config) {
        Ok(page) => format!("```text\n{page}```"),
        Err(e) => e,
    }
}

/// The lint-rules.toml a dictionary word goes into for `document`: the one that applies, else
/// a new one at the repository root, else in the workspace folder holding the document, else
/// beside it.
fn dictionary_file(document: &Path, roots: &[PathBuf]) -> PathBuf {
    let dir = document.parent().unwrap_or(Path::new("."));
    if let Some(found) = config::find(dir, false) {
        return found;
    }
    let repo = config::search_dirs(dir, false).last().filter(|d| config::is_repo_root(d)).map(Path::to_path_buf);
    let root = roots.iter().filter(|r| dir.starts_with(r)).max_by_key(|r| r.components().count()).cloned();
    repo.or(root).unwrap_or_else(|| dir.to_path_buf()).join(CONFIG_FILE_NAME)
}

/// Write through a temporary file in the same folder, renamed over the target: a crash never
/// leaves half a config.
fn write_atomically(path: &Path, text: &str) -> std::io::Result<()> {
    use std::io::Write;
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let mut temp = tempfile::NamedTempFile::new_in(dir)?;
    temp.write_all(text.as_bytes())?;
    temp.as_file().sync_all()?;
    if let Ok(meta) = std::fs::metadata(path) {
        let _ = temp.as_file().set_permissions(meta.permissions());
    }
    temp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

/// One compiled configuration, with the stamp of the file it came from.
struct Cached {
    workspace: Arc<Workspace>,
    stamp: Option<(SystemTime, u64)>,
}

/// The lint thread: compiled configurations by lint-rules.toml (`None`: the built-in default).
#[derive(Default)]
struct Worker {
    cache: HashMap<Option<PathBuf>, Cached>,
}

fn stamp(path: Option<&Path>) -> Option<(SystemTime, u64)> {
    let meta = std::fs::metadata(path?).ok()?;
    Some((meta.modified().ok()?, meta.len()))
}

impl Worker {
    fn run(mut self, jobs: &Receiver<Job>, done: &Sender<Done>) {
        let mut queue: Vec<Job> = Vec::new();
        loop {
            if queue.is_empty() {
                match jobs.recv() {
                    Ok(job) => queue.push(job),
                    Err(_) => return,
                }
            }
            for job in jobs.try_iter() {
                // A newer version of a document replaces the one waiting.
                if let Job::Lint { uri, .. } = &job {
                    queue.retain(|q| !matches!(q, Job::Lint { uri: u, .. } if u == uri));
                }
                queue.push(job);
            }
            match queue.remove(0) {
                Job::Reload => self.cache.clear(),
                Job::Lint { uri, version, text, format, path, roots } => {
                    let dir = path.as_deref().and_then(Path::parent).map(Path::to_path_buf);
                    let dir = dir.or_else(|| roots.first().cloned()).or_else(|| std::env::current_dir().ok()).unwrap_or_default();
                    let file = path.unwrap_or_else(|| dir.join("untitled"));
                    let linted = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| self.lint(&dir, &file, &text, format)));
                    let (config, outcome) = linted.unwrap_or_else(|_| {
                        let message = "copydesk failed on this document (a bug: please report it)".to_string();
                        (None, Err(ConfigProblem { path: None, located: None, message }))
                    });
                    if done.send(Done { uri, version, config, outcome }).is_err() {
                        return;
                    }
                }
            }
        }
    }

    fn lint(&mut self, dir: &Path, file: &Path, text: &str, format: Format) -> (Option<PathBuf>, Outcome) {
        let config = config::find(dir, false);
        let now = stamp(config.as_deref());
        let workspace = match self.cache.get(&config).filter(|c| c.stamp == now) {
            Some(c) => c.workspace.clone(),
            None => match Workspace::discover(dir, &Overrides::default()) {
                Ok(w) => {
                    let w = Arc::new(w);
                    self.cache.insert(config.clone(), Cached { workspace: w.clone(), stamp: now });
                    w
                }
                Err(e) => {
                    self.cache.remove(&config);
                    return (config.clone(), Err(workspace_problem(e, config.as_deref())));
                }
            },
        };
        match workspace.rules_for(file) {
            // (as the file would be: a buffer too long or too dense for one document chunk by chunk)
            Ok(rules) => (config, Ok((crate::pipeline::lint_buffer(&rules, text, format), workspace))),
            Err(e) => (config.clone(), Err(scope_problem(e, config.as_deref()))),
        }
    }
}

fn workspace_problem(e: WorkspaceError, config: Option<&Path>) -> ConfigProblem {
    match e {
        WorkspaceError::Load(LoadError::Invalid(e)) => {
            let text = e.src.inner().clone();
            let located = e.span.map(|s| (text, Span::new(s.offset(), s.offset() + s.len())));
            let message = match &e.help {
                Some(help) => format!("{}\n{help}", e.message),
                None => e.message.clone(),
            };
            ConfigProblem { path: Some(PathBuf::from(e.src.name())), located, message }
        }
        WorkspaceError::Load(LoadError::Io(path, e)) => {
            ConfigProblem { path: Some(path.clone()), located: None, message: format!("cannot read {}: {e}", path.display()) }
        }
        WorkspaceError::Scope(e) => scope_problem(e, config),
        e => ConfigProblem { path: config.map(Path::to_path_buf), located: None, message: e.to_string() },
    }
}

/// A config that parsed but whose rules cannot be built: the message names the option; point at
/// its first mention in the file.
fn scope_problem(e: ScopeError, config: Option<&Path>) -> ConfigProblem {
    let (message, needle) = match &e {
        ScopeError::InvalidConfig(path) => {
            return ConfigProblem { path: Some(path.clone()), located: None, message: e.to_string() };
        }
        ScopeError::Rules(b) => (b.message.clone(), b.key.clone()),
        ScopeError::Glob { glob, .. } => (e.to_string(), glob.clone()),
        ScopeError::GlobSet(_) => (e.to_string(), String::new()),
    };
    let text = config.and_then(|p| std::fs::read_to_string(p).ok());
    let located = text.and_then(|t| {
        let at = t.find(&needle).filter(|_| !needle.is_empty())?;
        Some((t, Span::new(at, at + needle.len())))
    });
    ConfigProblem { path: config.map(Path::to_path_buf), located, message }
}

#[cfg(test)]
mod tests;
