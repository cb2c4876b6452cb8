//! The server over an in-memory connection: initialize, open, diagnostics, config problems.

use super::*;
use serde_json::{json, Value};
use std::time::Duration;

struct Client {
    conn: Connection,
    thread: Option<std::thread::JoinHandle<Result<(), ServerError>>>,
    next: i32,
}

impl Client {
    fn start(capabilities: Value, root: &Path) -> (Client, Value) {
        let (server, conn) = Connection::memory();
        let thread = std::thread::spawn(move || serve(server));
        let mut client = Client { conn, thread: Some(thread), next: 0 };
        let root = path_to_uri(root).unwrap();
        let result = client.request("initialize", json!({"capabilities": capabilities, "rootUri": root}));
        client.notify("initialized", json!({}));
        (client, result)
    }

    fn notify(&self, method: &str, params: Value) {
        self.conn.sender.send(Notification::new(method.into(), params).into()).unwrap();
    }

    fn request(&mut self, method: &str, params: Value) -> Value {
        self.next += 1;
        let id = RequestId::from(self.next);
        self.conn.sender.send(Request::new(id.clone(), method.into(), params).into()).unwrap();
        loop {
            match self.conn.receiver.recv_timeout(Duration::from_secs(30)).expect("a response") {
                Message::Response(r) if r.id == id => return r.response_result.unwrap_or_else(|e| panic!("{e:?}")),
                _ => {}
            }
        }
    }

    /// The next diagnostics published for `uri`.
    fn diagnostics_for(&self, uri: &str) -> Value {
        loop {
            match self.conn.receiver.recv_timeout(Duration::from_secs(30)).expect("diagnostics") {
                Message::Notification(n) if n.method == "textDocument/publishDiagnostics" && n.params["uri"] == uri => {
                    return n.params;
                }
                _ => {}
            }
        }
    }
}

impl Drop for Client {
    fn drop(&mut self) {
        let _ = self.request("shutdown", Value::Null);
        self.notify("exit", Value::Null);
        let finished = self.thread.take().unwrap().join().unwrap();
        assert!(finished.is_ok(), "{finished:?}");
    }
}

#[test]
fn utf8_when_offered_and_diagnostics_in_it() {
    let dir = tempfile::tempdir().unwrap();
    let caps = json!({"general": {"positionEncodings": ["utf-16", "utf-8"]}});
    let (client, result) = Client::start(caps, dir.path());
    assert_eq!(result["capabilities"]["positionEncoding"], "utf-8");
    let uri = path_to_uri(&dir.path().join("a.md")).unwrap();
    let text = "# Budget\n\n東京 met sence Monday.\n";
    client.notify("textDocument/didOpen", json!({"textDocument": {"uri": uri, "languageId": "markdown", "version": 3, "text": text}}));
    let published = client.diagnostics_for(uri.as_str());
    assert_eq!(published["version"], 3);
    let typo = &published["diagnostics"][0];
    assert_eq!(typo["code"], "typo");
    assert_eq!(typo["source"], "copydesk");
    // 東京 is 6 bytes.
    assert_eq!(typo["range"], json!({"start": {"line": 2, "character": 11}, "end": {"line": 2, "character": 16}}));
}

#[test]
fn utf16_otherwise_and_edits_are_applied_incrementally() {
    let dir = tempfile::tempdir().unwrap();
    let (client, result) = Client::start(json!({}), dir.path());
    assert_eq!(result["capabilities"]["positionEncoding"], "utf-16");
    let uri = path_to_uri(&dir.path().join("a.txt")).unwrap();
    client.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": uri, "languageId": "plaintext", "version": 1, "text": "Budget\n😀 It met on Monday.\n"}}),
    );
    assert_eq!(client.diagnostics_for(uri.as_str())["diagnostics"], json!([]));
    // Replace "on" (UTF-16 columns 9..11: the emoji counts two) with "sence".
    let change = json!({"range": {"start": {"line": 1, "character": 10}, "end": {"line": 1, "character": 12}}, "text": "sence"});
    client.notify("textDocument/didChange", json!({"textDocument": {"uri": uri, "version": 2}, "contentChanges": [change]}));
    let published = client.diagnostics_for(uri.as_str());
    assert_eq!(published["version"], 2);
    assert_eq!(published["diagnostics"][0]["range"], json!({"start": {"line": 1, "character": 10}, "end": {"line": 1, "character": 15}}));
}

#[test]
fn a_broken_config_is_one_diagnostic_on_the_toml_and_the_server_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join(CONFIG_FILE_NAME);
    std::fs::write(&config, "[rules.typo]\nseverity = \"loud\"\n").unwrap();
    let (mut client, _) = Client::start(json!({}), dir.path());
    let uri = path_to_uri(&dir.path().join("a.txt")).unwrap();
    let config_uri = path_to_uri(&config).unwrap();
    client.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": uri, "languageId": "plaintext", "version": 1, "text": "It met sence Monday.\n"}}),
    );
    let published = client.diagnostics_for(config_uri.as_str());
    let diagnostics = published["diagnostics"].as_array().unwrap();
    assert_eq!(diagnostics.len(), 1);
    assert_eq!(diagnostics[0]["range"]["start"]["line"], 1, "{published}");
    // Fixed on disk and announced: the problem is cleared, the document linted.
    std::fs::write(&config, "[rules.typo]\nseverity = \"error\"\n").unwrap();
    client.notify("workspace/didChangeWatchedFiles", json!({"changes": [{"uri": config_uri, "type": 2}]}));
    assert_eq!(client.diagnostics_for(config_uri.as_str())["diagnostics"], json!([]));
    let linted = client.diagnostics_for(uri.as_str());
    let linted = if linted["diagnostics"] == json!([]) { client.diagnostics_for(uri.as_str()) } else { linted };
    assert_eq!(linted["diagnostics"][0]["severity"], 1);
    // Still answering.
    let hover = client.request("textDocument/hover", json!({"textDocument": {"uri": uri}, "position": {"line": 0, "character": 8}}));
    assert!(hover["contents"]["value"].as_str().unwrap().contains("**typo**"), "{hover}");
}

fn lint_job(uri: &Uri, version: i32, text: &str) -> Job {
    Job::Lint { uri: uri.clone(), version, text: text.into(), format: Format::PlainText, path: None, roots: Vec::new() }
}

#[test]
fn the_worker_lints_only_the_newest_queued_version() {
    let (jobs, job_rx) = crossbeam_channel::unbounded();
    let (done_tx, done) = crossbeam_channel::unbounded();
    let a: Uri = "untitled:a".parse().unwrap();
    let b: Uri = "untitled:b".parse().unwrap();
    jobs.send(lint_job(&a, 1, "It met sence Monday.\n")).unwrap();
    jobs.send(lint_job(&b, 1, "Clean text.\n")).unwrap();
    jobs.send(lint_job(&a, 2, "It met on Monday.\n")).unwrap();
    jobs.send(lint_job(&a, 3, "It met sence Tuesday.\n")).unwrap();
    drop(jobs);
    Worker::default().run(&job_rx, &done_tx);
    let finished: Vec<(String, i32)> = done.try_iter().map(|d| (d.uri.as_str().to_string(), d.version)).collect();
    assert_eq!(finished, [("untitled:b".to_string(), 1), ("untitled:a".to_string(), 3)]);
}

#[test]
fn findings_for_a_version_the_document_has_left_are_dropped() {
    let (sender, published) = crossbeam_channel::unbounded();
    let (jobs, _job_rx) = crossbeam_channel::unbounded();
    let mut server = Server {
        sender,
        encoding: Encoding::Utf16,
        roots: Vec::new(),
        docs: HashMap::new(),
        jobs,
        config_problems: HashMap::new(),
        watch: false,
        next_id: 0,
    };
    let uri: Uri = "untitled:a".parse().unwrap();
    let text = "It met sence Monday.\n";
    server.docs.insert(uri.clone(), Doc { text: text.into(), version: 5, format: Format::PlainText, path: None, linted: None });
    let workspace = Arc::new(Workspace::discover(Path::new("."), &Overrides::default()).unwrap());
    let findings = crate::engine::Linter::with_defaults().unwrap().lint(text, Format::PlainText);
    assert_eq!(findings.len(), 1);
    let done = |version| Done { uri: uri.clone(), version, config: None, outcome: Ok((findings.clone(), workspace.clone())) };
    server.finished(done(4));
    assert!(published.try_recv().is_err(), "version 4 is stale");
    assert!(server.docs[&uri].linted.is_none());
    server.finished(done(5));
    let Ok(Message::Notification(n)) = published.try_recv() else { panic!("version 5 is published") };
    assert_eq!((n.params["version"].as_i64(), n.params["diagnostics"].as_array().map(Vec::len)), (Some(5), Some(1)));
}
