//! The server loop of `sopmap lsp`: reads protocol messages from a
//! [`Connection`] (standard input and output in the binary, an in-memory
//! pair in tests), keeps the [`Workspace`] up to date and answers requests.
//!
//! Checking happens off this loop, on the [`Checker`]'s workers: an edit
//! is stored, and once the client has sent nothing for [`DEBOUNCE`] the
//! changed buffers are queued; each finished check is installed (unless a
//! newer text overtook it) and the findings that changed are published.
//! So the loop always answers: a request about a file whose newest text is
//! still being checked waits for that check (its answer must match the
//! text the client has), and while the workspace's files are being loaded
//! every request waits for them, each for at most [`CHECK_BUDGET`]; every
//! other request is answered at once. A check over the budget is reported to the user
//! once, and the file's findings follow when it ends.
//!
//! The settings are the workspace's `sopmap.yaml`, read again when it is
//! saved or changes on disk; the language is the client's `lang`
//! initialization option, else what the [`Host`] finds (`--lang`,
//! `SOPMAP_LANG`, `lang:`). Disk access goes through the [`Host`].

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use lsp_server::{Connection, ErrorCode, Message, Notification, ProtocolError, Request, Response};
use lsp_types::notification::{
    DidChangeTextDocument, DidChangeWatchedFiles, DidCloseTextDocument, DidOpenTextDocument,
    DidSaveTextDocument, Notification as _, PublishDiagnostics,
};
use lsp_types::request::{
    CodeActionRequest, Completion, DocumentSymbolRequest, GotoDefinition, HoverRequest,
    PrepareRenameRequest, References, Rename, Request as _,
};
use lsp_types::{
    CodeActionKind, CodeActionOptions, CodeActionParams, CodeActionProviderCapability,
    CompletionOptions, CompletionParams, CompletionResponse, DidChangeTextDocumentParams,
    DidChangeWatchedFilesParams, DidCloseTextDocumentParams, DidOpenTextDocumentParams,
    DidSaveTextDocumentParams, DocumentChangeOperation, DocumentChanges, DocumentSymbolParams,
    DocumentSymbolResponse, FileChangeType, GotoDefinitionParams, GotoDefinitionResponse, Hover,
    HoverContents, HoverParams, HoverProviderCapability, InitializeParams, Location, MarkupContent,
    MarkupKind, OneOf, OptionalVersionedTextDocumentIdentifier, PositionEncodingKind,
    PrepareRenameResponse, PublishDiagnosticsParams, ReferenceParams, RenameFile, RenameOptions,
    RenameParams, ResourceOp, ResourceOperationKind, SaveOptions, ServerCapabilities, ServerInfo,
    TextDocumentEdit, TextDocumentPositionParams, TextDocumentSyncCapability, TextDocumentSyncKind,
    TextDocumentSyncOptions, TextDocumentSyncSaveOptions, TextEdit, WorkDoneProgressOptions,
    WorkspaceEdit,
};
use serde::de::DeserializeOwned;

use crate::config;
use crate::diagnostic::FileId;
use crate::fix;
use crate::lang::{Lang, LspWords};
use crate::lsp::checker::{CHECK_BUDGET, Checker};
use crate::lsp::convert::{self, Encoding};
use crate::lsp::navigation::{self, Target};
use crate::lsp::workspace::{Workspace, WorkspaceConfig};
use crate::lsp::{actions, completion, hover, symbols};
use crate::source::{SourceFile, Span};

/// How long the client must be quiet before changed files are re-checked.
pub const DEBOUNCE: Duration = Duration::from_millis(20);

/// What the server needs from the machine it runs on.
pub trait Host {
    /// The configuration of the workspace folder `root`, found and read as
    /// `sopmap check` run there finds it, with the language `client` asked
    /// for (else the host's own choice); problems (a broken
    /// `sopmap.yaml`, a bad language) as messages for the user.
    fn config(&self, root: &Path, client: Option<Lang>) -> (WorkspaceConfig, Vec<String>);
    /// The SOP files of the workspace (absolute path and text), without
    /// those the configuration excludes; problems reading them as messages.
    fn files(&self, config: &WorkspaceConfig) -> (Vec<(PathBuf, String)>, Vec<String>);
    /// The text of a file on disk, `None` when it cannot be read.
    fn read(&self, path: &Path) -> Option<String>;
}

/// The server failed to talk to its client.
#[derive(Debug)]
pub struct ServeError(pub String);

impl std::fmt::Display for ServeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<ProtocolError> for ServeError {
    fn from(e: ProtocolError) -> Self {
        ServeError(e.to_string())
    }
}

/// Runs the initialize handshake, then serves until the client shuts the
/// server down or goes away.
pub fn serve(conn: &Connection, host: &dyn Host) -> Result<(), ServeError> {
    let (id, params) = conn.initialize_start()?;
    let params: InitializeParams = serde_json::from_value(params)
        .map_err(|e| ServeError(format!("bad initialize parameters: {e}")))?;
    let utf8 = params
        .capabilities
        .general
        .as_ref()
        .and_then(|g| g.position_encodings.as_ref())
        .is_some_and(|encs| encs.contains(&PositionEncodingKind::UTF8));
    let enc = if utf8 { Encoding::Utf8 } else { Encoding::Utf16 };
    let result = serde_json::json!({
        "capabilities": capabilities(enc),
        "serverInfo": ServerInfo {
            name: "sopmap".to_string(),
            version: Some(env!("CARGO_PKG_VERSION").to_string()),
        },
    });
    conn.initialize_finish(id, result)?;
    let mut problems = Vec::new();
    // `initializationOptions: {"lang": "en"}`: the editor's setting.
    let client_lang = match params.initialization_options.as_ref().and_then(|o| o.get("lang")) {
        None | Some(serde_json::Value::Null) => None,
        Some(v) => match v.as_str().map(|s| s.trim().to_ascii_lowercase()).as_deref() {
            Some("id") => Some(Lang::Id),
            Some("en") => Some(Lang::En),
            _ => {
                problems.push(format!("lang: {v}: {}", LspWords::of(Lang::default()).bad_lang));
                None
            }
        },
    };
    let budget = params
        .initialization_options
        .as_ref()
        .and_then(|o| o.get("checkBudgetMs"))
        .and_then(serde_json::Value::as_u64)
        .map_or(CHECK_BUDGET, Duration::from_millis);
    let root = root_of(&params);
    let (config, files) = match &root {
        Some(r) => {
            let (config, mut p) = host.config(r, client_lang);
            problems.append(&mut p);
            let (files, mut p) = host.files(&config);
            problems.append(&mut p);
            (config, files)
        }
        None => {
            let lang = client_lang.unwrap_or_default();
            (WorkspaceConfig { lang, ..WorkspaceConfig::default() }, Vec::new())
        }
    };
    let caps = &params.capabilities;
    let workspace_edit = caps.workspace.as_ref().and_then(|w| w.workspace_edit.as_ref());
    let rename_files = workspace_edit.is_some_and(|we| {
        we.document_changes == Some(true)
            && we
                .resource_operations
                .as_ref()
                .is_some_and(|ops| ops.contains(&ResourceOperationKind::Rename))
    });
    let watch = caps
        .workspace
        .as_ref()
        .and_then(|w| w.did_change_watched_files.as_ref())
        .and_then(|d| d.dynamic_registration)
        .unwrap_or(false);
    let mut server = Server {
        conn,
        host,
        ws: Workspace::empty(config),
        enc,
        client_lang,
        rename_files,
        checker: Checker::start(crate::check::default_jobs(), budget),
        texts: HashMap::new(),
        pending: BTreeMap::new(),
        deadline: None,
        deferred: Vec::new(),
        next_request: 0,
    };
    for p in problems {
        server.show_message(lsp_types::MessageType::WARNING, p)?;
    }
    if watch {
        server.watch_files()?;
    }
    for (path, text) in files {
        let job = server.ws.prepare(&path, text);
        server.checker.submit(job, None, false);
    }
    server.run()
}

fn capabilities(enc: Encoding) -> ServerCapabilities {
    ServerCapabilities {
        position_encoding: Some(match enc {
            Encoding::Utf8 => PositionEncodingKind::UTF8,
            Encoding::Utf16 => PositionEncodingKind::UTF16,
        }),
        text_document_sync: Some(TextDocumentSyncCapability::Options(TextDocumentSyncOptions {
            open_close: Some(true),
            change: Some(TextDocumentSyncKind::INCREMENTAL),
            save: Some(TextDocumentSyncSaveOptions::SaveOptions(SaveOptions {
                include_text: Some(false),
            })),
            ..TextDocumentSyncOptions::default()
        })),
        definition_provider: Some(OneOf::Left(true)),
        references_provider: Some(OneOf::Left(true)),
        rename_provider: Some(OneOf::Right(RenameOptions {
            prepare_provider: Some(true),
            work_done_progress_options: WorkDoneProgressOptions::default(),
        })),
        completion_provider: Some(CompletionOptions {
            trigger_characters: Some(vec![" ".into(), ":".into(), ",".into(), "[".into()]),
            ..CompletionOptions::default()
        }),
        hover_provider: Some(HoverProviderCapability::Simple(true)),
        code_action_provider: Some(CodeActionProviderCapability::Options(CodeActionOptions {
            code_action_kinds: Some(vec![CodeActionKind::QUICKFIX, actions::fix_all_kind()]),
            ..CodeActionOptions::default()
        })),
        document_symbol_provider: Some(OneOf::Left(true)),
        ..ServerCapabilities::default()
    }
}

/// The workspace folder: the first of `workspaceFolders`, else `rootUri`.
#[allow(deprecated)] // `root_uri` is how older clients say it
fn root_of(params: &InitializeParams) -> Option<PathBuf> {
    params
        .workspace_folders
        .as_ref()
        .and_then(|f| f.first())
        .and_then(|f| convert::path(&f.uri))
        .or_else(|| params.root_uri.as_ref().and_then(convert::path))
}

/// A request waiting for the check of its file.
struct Deferred {
    req: Request,
    file: Option<FileId>,
    /// When it stops waiting.
    until: Instant,
}

struct Server<'a> {
    conn: &'a Connection,
    host: &'a dyn Host,
    ws: Workspace,
    enc: Encoding,
    /// The client's `lang` initialization option, kept for re-reading the
    /// configuration.
    client_lang: Option<Lang>,
    /// The client applies `RenameFile` operations in workspace edits.
    rename_files: bool,
    checker: Checker,
    /// The newest text of every open buffer (what incremental changes
    /// apply to; the workspace holds the last text checked).
    texts: HashMap<PathBuf, String>,
    /// Buffers changed since they were last queued: version.
    pending: BTreeMap<PathBuf, Option<i32>>,
    /// When pending changes are queued, if the client stays quiet.
    deadline: Option<Instant>,
    deferred: Vec<Deferred>,
    /// Ids of the requests this server sends.
    next_request: i32,
}

impl Server<'_> {
    fn run(&mut self) -> Result<(), ServeError> {
        loop {
            let wake = [
                self.deadline,
                self.deferred.iter().map(|d| d.until).min(),
                self.checker.next_overdue(),
            ]
            .into_iter()
            .flatten()
            .min();
            // Nothing timed: wait for a message or a check, however long.
            let wait = wake.map_or(Duration::from_secs(3600), |at| {
                at.saturating_duration_since(Instant::now())
            });
            let done = self.checker.done.clone();
            crossbeam_channel::select! {
                recv(self.conn.receiver) -> msg => {
                    let Ok(msg) = msg else { return Ok(()) };
                    if !self.message(msg)? {
                        return Ok(());
                    }
                }
                recv(done) -> d => {
                    if let Ok(d) = d {
                        self.finished(d)?;
                    }
                }
                default(wait) => {}
            }
            self.timers()?;
        }
    }

    /// Handles one message; `false` once the client has shut down.
    fn message(&mut self, msg: Message) -> Result<bool, ServeError> {
        match msg {
            Message::Request(req) => {
                if self.conn.handle_shutdown(&req)? {
                    return Ok(false);
                }
                if let Some(path) = document_of(&req) {
                    if self.pending.contains_key(&path) {
                        self.queue_pending();
                    }
                    // Wait for the file's own check, and for the files
                    // still being loaded (a SOP id may name one of them).
                    let file = self.ws.file(&path);
                    if file.is_some_and(|f| self.checker.busy(f)) || !self.checker.settled() {
                        let until = Instant::now() + self.checker.budget;
                        self.deferred.push(Deferred { req, file, until });
                        return Ok(true);
                    }
                }
                let resp = self.request(req);
                self.send(Message::Response(resp))?;
            }
            Message::Notification(n) => {
                if n.method == "exit" {
                    return Ok(false);
                }
                self.notification(n)?;
            }
            Message::Response(_) => {}
        }
        Ok(true)
    }

    /// Takes finished checks (every one already waiting, so that a burst
    /// is published once), then publishes and answers what waited.
    fn finished(&mut self, first: crate::lsp::checker::Done) -> Result<(), ServeError> {
        let mut next = Some(first);
        while let Some(d) = next {
            if let Some(d) = self.checker.finish(d) {
                self.ws.install(d.file, d.source, d.open, d.checked, d.entry);
            }
            next = self.checker.done.try_recv().ok();
        }
        self.settle()
    }

    /// Publishes once the checks have settled, and answers the requests
    /// whose file is checked.
    fn settle(&mut self) -> Result<(), ServeError> {
        if self.checker.settled() {
            self.publish()?;
        }
        let settled = self.checker.settled();
        let (ready, waiting): (Vec<Deferred>, Vec<Deferred>) = std::mem::take(&mut self.deferred)
            .into_iter()
            .partition(|d| settled && !d.file.is_some_and(|f| self.checker.busy(f)));
        self.deferred = waiting;
        for d in ready {
            let resp = self.request(d.req);
            self.send(Message::Response(resp))?;
        }
        Ok(())
    }

    /// The debounce, the requests' waits and the checks' budget.
    fn timers(&mut self) -> Result<(), ServeError> {
        let now = Instant::now();
        if self.deadline.is_some_and(|at| at <= now) {
            self.queue_pending();
        }
        let (late, waiting): (Vec<Deferred>, Vec<Deferred>) =
            std::mem::take(&mut self.deferred).into_iter().partition(|d| d.until <= now);
        self.deferred = waiting;
        for d in late {
            // The text the request is about is not checked yet: an answer
            // from the older text would point at the wrong places.
            let resp = Response::new_err(
                d.req.id,
                ErrorCode::ContentModified as i32,
                "the document is still being checked".to_string(),
            );
            self.send(Message::Response(resp))?;
        }
        let overdue = self.checker.overdue(now);
        if !overdue.is_empty() {
            let words = LspWords::of(self.ws.config.lang);
            for file in overdue {
                let shown = self.ws.source(file).map_or("", |s| s.path.as_str()).to_string();
                let message = format!("sopmap: {}{shown}{}", words.slow_before, words.slow_after);
                self.show_message(lsp_types::MessageType::WARNING, message)?;
            }
            // The others' findings no longer wait for the slow one.
            self.settle()?;
        }
        Ok(())
    }

    fn send(&self, msg: Message) -> Result<(), ServeError> {
        self.conn.sender.send(msg).map_err(|_| ServeError("the client went away".to_string()))
    }

    fn show_message(&self, typ: lsp_types::MessageType, message: String) -> Result<(), ServeError> {
        let params = lsp_types::ShowMessageParams { typ, message };
        self.send(Message::Notification(Notification::new(
            "window/showMessage".to_string(),
            params,
        )))
    }

    /// Asks the client to report changes of YAML files and `sopmap.yaml`
    /// on disk (clients that register watchers dynamically).
    fn watch_files(&mut self) -> Result<(), ServeError> {
        self.next_request += 1;
        let params = serde_json::json!({
            "registrations": [{
                "id": "sopmap-watch",
                "method": DidChangeWatchedFiles::METHOD,
                "registerOptions": { "watchers": [{ "globPattern": "**/*.{yaml,yml}" }] },
            }],
        });
        self.send(Message::Request(Request::new(
            lsp_server::RequestId::from(format!("sopmap-{}", self.next_request)),
            "client/registerCapability".to_string(),
            params,
        )))
    }

    /// Queues a check of every buffer changed since the last time.
    fn queue_pending(&mut self) {
        self.deadline = None;
        for (path, version) in std::mem::take(&mut self.pending) {
            let Some(text) = self.texts.get(&path).cloned() else { continue };
            let job = self.ws.prepare(&path, text);
            self.checker.submit(job, Some((true, version)), true);
        }
    }

    fn publish(&mut self) -> Result<(), ServeError> {
        let lang = self.ws.config.lang;
        for p in self.ws.publish() {
            let Some(source) = self.ws.source(p.file) else { continue };
            let Some(uri) = convert::uri(&p.path) else { continue };
            let ws = &self.ws;
            let enc = self.enc;
            let diagnostics = p
                .diagnostics
                .iter()
                .map(|d| {
                    convert::diagnostic(d, source, enc, lang, |l| {
                        let src = ws.source(l.file)?;
                        Some(Location {
                            uri: convert::uri(ws.path(l.file)?)?,
                            range: convert::range(src, l.span, enc),
                        })
                    })
                })
                .collect();
            let params = PublishDiagnosticsParams { uri, diagnostics, version: p.version };
            self.send(Message::Notification(Notification::new(
                PublishDiagnostics::METHOD.to_string(),
                params,
            )))?;
        }
        Ok(())
    }

    /// Whether `path` is a `sopmap.yaml` that applies to the workspace
    /// (in its folder or a parent).
    fn is_config(&self, path: &Path) -> bool {
        path.file_name().is_some_and(|n| n == config::FILE_NAME)
            && path.parent().is_some_and(|dir| self.ws.config.root.starts_with(dir))
    }

    /// Reads the configuration again: every file gets its new settings and
    /// is checked again, excluded files leave, files no longer excluded
    /// join, and everything is published in the (perhaps new) language.
    fn reload_config(&mut self) -> Result<(), ServeError> {
        let root = self.ws.config.root.clone();
        let (config, problems) = self.host.config(&root, self.client_lang);
        for p in problems {
            self.show_message(lsp_types::MessageType::WARNING, p)?;
        }
        self.ws.reconfigure(config);
        let live: Vec<FileId> = self.ws.files().collect();
        for file in live {
            let Some(path) = self.ws.path(file).map(Path::to_path_buf) else { continue };
            let open = self.ws.is_open(file);
            if !open && self.ws.config.is_excluded(&path) {
                self.ws.remove(&path);
                self.checker.cancel(file);
                continue;
            }
            let text = match self.texts.get(&path) {
                Some(t) => t.clone(),
                None => self.ws.source(file).map(|s| s.text.clone()).unwrap_or_default(),
            };
            let job = self.ws.prepare(&path, text);
            self.checker.submit(job, None, open);
        }
        let (files, problems) = self.host.files(&self.ws.config);
        for p in problems {
            self.show_message(lsp_types::MessageType::WARNING, p)?;
        }
        for (path, text) in files {
            if self.ws.file(&path).is_none() {
                let job = self.ws.prepare(&path, text);
                self.checker.submit(job, None, false);
            }
        }
        self.settle()
    }

    fn notification(&mut self, n: Notification) -> Result<(), ServeError> {
        match n.method.as_str() {
            DidOpenTextDocument::METHOD => {
                let Some(p) = extract::<DidOpenTextDocumentParams>(n) else { return Ok(()) };
                let Some(path) = convert::path(&p.text_document.uri) else { return Ok(()) };
                if !self.ws.wants(&path, &p.text_document.text) {
                    return Ok(());
                }
                self.texts.insert(path.clone(), p.text_document.text);
                self.pending.insert(path, Some(p.text_document.version));
                // Opening is no typing burst: check at once.
                self.queue_pending();
            }
            DidChangeTextDocument::METHOD => {
                let Some(p) = extract::<DidChangeTextDocumentParams>(n) else { return Ok(()) };
                let Some(path) = convert::path(&p.text_document.uri) else { return Ok(()) };
                let mut text = match self.texts.remove(&path) {
                    Some(t) => t,
                    // A buffer the server did not take on when it was
                    // opened (not a SOP): only a full text can start it.
                    None if p.content_changes.iter().any(|c| c.range.is_none()) => String::new(),
                    None => return Ok(()),
                };
                for change in p.content_changes {
                    text = match change.range {
                        None => change.text,
                        Some(r) => {
                            let src = SourceFile::new("", std::mem::take(&mut text));
                            let start = convert::offset(&src, r.start, self.enc);
                            let end = convert::offset(&src, r.end, self.enc).max(start);
                            let edit =
                                fix::TextEdit { span: Span::new(start, end), text: change.text };
                            fix::apply(&src.text, &[edit])
                        }
                    };
                }
                if !self.ws.wants(&path, &text) {
                    return Ok(());
                }
                self.texts.insert(path.clone(), text);
                self.pending.insert(path, Some(p.text_document.version));
                self.deadline = Some(Instant::now() + DEBOUNCE);
            }
            DidCloseTextDocument::METHOD => {
                let Some(p) = extract::<DidCloseTextDocumentParams>(n) else { return Ok(()) };
                let Some(path) = convert::path(&p.text_document.uri) else { return Ok(()) };
                self.pending.remove(&path);
                self.texts.remove(&path);
                let Some(file) = self.ws.file(&path) else { return Ok(()) };
                let disk = self.host.read(&path);
                if self.ws.keeps_on_close(&path, disk.as_deref()) {
                    let job = self.ws.prepare(&path, disk.unwrap_or_default());
                    self.checker.submit(job, Some((false, None)), true);
                } else {
                    self.ws.remove(&path);
                    self.checker.cancel(file);
                    self.settle()?;
                }
            }
            DidSaveTextDocument::METHOD => {
                // A SOP buffer is already the text; a saved configuration
                // changes every file's settings.
                let Some(p) = extract::<DidSaveTextDocumentParams>(n) else { return Ok(()) };
                if convert::path(&p.text_document.uri).is_some_and(|path| self.is_config(&path)) {
                    self.reload_config()?;
                }
            }
            DidChangeWatchedFiles::METHOD => {
                let Some(p) = extract::<DidChangeWatchedFilesParams>(n) else { return Ok(()) };
                let mut config_changed = false;
                for change in p.changes {
                    let Some(path) = convert::path(&change.uri) else { continue };
                    if self.is_config(&path) {
                        config_changed = true;
                        continue;
                    }
                    if self.ws.has_open(&path) || self.texts.contains_key(&path) {
                        continue;
                    }
                    let disk = match change.typ {
                        FileChangeType::DELETED => None,
                        _ => self.host.read(&path),
                    };
                    let known = self.ws.file(&path);
                    match (disk, known) {
                        (Some(text), _)
                            if text.contains("sop-ap/")
                                && path.starts_with(&self.ws.config.root)
                                && !self.ws.config.is_excluded(&path) =>
                        {
                            let job = self.ws.prepare(&path, text);
                            self.checker.submit(job, None, false);
                        }
                        (_, Some(file)) => {
                            self.ws.remove(&path);
                            self.checker.cancel(file);
                        }
                        (_, None) => {}
                    }
                }
                if config_changed {
                    self.reload_config()?;
                } else {
                    self.settle()?;
                }
            }
            _ => {}
        }
        Ok(())
    }

    fn request(&mut self, req: Request) -> Response {
        let id = req.id.clone();
        let result = match req.method.as_str() {
            GotoDefinition::METHOD => self.with::<GotoDefinitionParams, _>(req, |s, p| {
                s.definition(&p.text_document_position_params)
            }),
            References::METHOD => self.with::<ReferenceParams, _>(req, |s, p| s.references(&p)),
            PrepareRenameRequest::METHOD => {
                self.with::<TextDocumentPositionParams, _>(req, |s, p| s.prepare_rename(&p))
            }
            Rename::METHOD => {
                let p = match serde_json::from_value::<RenameParams>(req.params) {
                    Ok(p) => p,
                    Err(e) => return invalid(id, &e),
                };
                return match self.rename(&p) {
                    Ok(edit) => Response::new_ok(id, edit),
                    Err(message) => Response::new_err(id, ErrorCode::RequestFailed as i32, message),
                };
            }
            Completion::METHOD => self.with::<CompletionParams, _>(req, |s, p| s.completion(&p)),
            HoverRequest::METHOD => self.with::<HoverParams, _>(req, |s, p| s.hover(&p)),
            CodeActionRequest::METHOD => {
                self.with::<CodeActionParams, _>(req, |s, p| s.code_actions(&p))
            }
            DocumentSymbolRequest::METHOD => {
                self.with::<DocumentSymbolParams, _>(req, |s, p| s.symbols(&p))
            }
            _ => {
                return Response::new_err(
                    id,
                    ErrorCode::MethodNotFound as i32,
                    format!("sopmap does not handle `{}`", req.method),
                );
            }
        };
        match result {
            Ok(value) => Response::new_ok(id, value),
            Err(resp) => resp,
        }
    }

    /// Decodes the parameters, runs `f` and encodes its answer.
    fn with<P: DeserializeOwned, R: serde::Serialize>(
        &mut self,
        req: Request,
        f: impl FnOnce(&Self, P) -> R,
    ) -> Result<serde_json::Value, Response> {
        let p: P = serde_json::from_value(req.params).map_err(|e| invalid(req.id.clone(), &e))?;
        serde_json::to_value(f(self, p))
            .map_err(|e| Response::new_err(req.id, ErrorCode::InternalError as i32, e.to_string()))
    }

    /// The file and byte offset of a position.
    fn locate(&self, p: &TextDocumentPositionParams) -> Option<(FileId, usize)> {
        let path = convert::path(&p.text_document.uri)?;
        let file = self.ws.file(&path)?;
        let source = self.ws.source(file)?;
        Some((file, convert::offset(source, p.position, self.enc)))
    }

    fn location(&self, file: FileId, span: Span) -> Option<Location> {
        let source = self.ws.source(file)?;
        Some(Location {
            uri: convert::uri(self.ws.path(file)?)?,
            range: convert::range(source, span, self.enc),
        })
    }

    fn target_at(
        &self,
        p: &TextDocumentPositionParams,
    ) -> Option<(FileId, navigation::Occurrence)> {
        let (file, offset) = self.locate(p)?;
        let occ = navigation::at(self.ws.sop(file)?, offset)?;
        Some((file, occ))
    }

    fn definition(&self, p: &TextDocumentPositionParams) -> Option<GotoDefinitionResponse> {
        let (file, occ) = self.target_at(p)?;
        let place = navigation::definition(&self.ws, file, &occ.target)?;
        self.location(place.file, place.span).map(GotoDefinitionResponse::Scalar)
    }

    fn references(&self, p: &ReferenceParams) -> Option<Vec<Location>> {
        let (file, occ) = self.target_at(&p.text_document_position)?;
        let places =
            navigation::references(&self.ws, file, &occ.target, p.context.include_declaration);
        Some(places.into_iter().filter_map(|pl| self.location(pl.file, pl.span)).collect())
    }

    fn prepare_rename(&self, p: &TextDocumentPositionParams) -> Option<PrepareRenameResponse> {
        let (file, occ) = self.target_at(p)?;
        let source = self.ws.source(file)?;
        let edits = fix::resolve(
            source,
            &fix::Fix::new(
                crate::diagnostic::Text::new("", ""),
                vec![fix::Edit::scalar(occ.span, occ.target.name(), "x")],
            ),
        )?;
        let span = edits.first()?.span;
        Some(PrepareRenameResponse::RangeWithPlaceholder {
            range: convert::range(source, span, self.enc),
            placeholder: occ.target.name().to_string(),
        })
    }

    /// The edits renaming the id under the cursor. Renaming a SOP id also
    /// renames the SOP's file when its name is the id (`<id>.yaml`) and
    /// the client applies file operations: the edits of every file come
    /// first, then the `RenameFile`.
    // `WorkspaceEdit::changes` is keyed by `Uri` (see actions::edit).
    #[allow(clippy::mutable_key_type)]
    fn rename(&self, p: &RenameParams) -> Result<Option<WorkspaceEdit>, String> {
        let lang = self.ws.config.lang;
        let Some((file, occ)) = self.target_at(&p.text_document_position) else {
            return Ok(None);
        };
        let per_file = navigation::rename(&self.ws, file, &occ.target, &p.new_name)
            .map_err(|e| e.0.get(lang).to_string())?;
        let mut edits_of: Vec<(FileId, lsp_types::Uri, Vec<TextEdit>)> = Vec::new();
        for (f, edits) in per_file {
            let (Some(source), Some(path)) = (self.ws.source(f), self.ws.path(f)) else { continue };
            let Some(uri) = convert::uri(path) else { continue };
            let title = crate::diagnostic::Text::new("", "");
            let resolved = fix::resolve(source, &fix::Fix::new(title, edits)).ok_or_else(|| {
                let name = occ.target.name();
                crate::msg!(
                    "`{name}` tidak dapat diganti namanya di tempat yang dikutip dengan escape"
                        / "`{name}` cannot be renamed where it is quoted with escapes"
                )
                .get(lang)
                .to_string()
            })?;
            let edits: Vec<TextEdit> = resolved
                .into_iter()
                .map(|e| TextEdit {
                    range: convert::range(source, e.span, self.enc),
                    new_text: e.text,
                })
                .collect();
            edits_of.push((f, uri, edits));
        }
        let file_rename = match &occ.target {
            Target::Sop(old) if self.rename_files => self.file_rename(old, &p.new_name),
            _ => None,
        };
        let Some(file_rename) = file_rename else {
            let changes = edits_of.into_iter().map(|(_, uri, edits)| (uri, edits)).collect();
            return Ok(Some(WorkspaceEdit { changes: Some(changes), ..WorkspaceEdit::default() }));
        };
        let mut ops: Vec<DocumentChangeOperation> = edits_of
            .into_iter()
            .map(|(f, uri, edits)| {
                DocumentChangeOperation::Edit(TextDocumentEdit {
                    text_document: OptionalVersionedTextDocumentIdentifier {
                        uri,
                        version: self.ws.version(f),
                    },
                    edits: edits.into_iter().map(OneOf::Left).collect(),
                })
            })
            .collect();
        ops.push(DocumentChangeOperation::Op(ResourceOp::Rename(file_rename)));
        Ok(Some(WorkspaceEdit {
            document_changes: Some(DocumentChanges::Operations(ops)),
            ..WorkspaceEdit::default()
        }))
    }

    /// The rename of the file of SOP `old` to `<new>.yaml` (its extension
    /// kept), when its name follows the id and no file has the new name.
    fn file_rename(&self, old: &str, new: &str) -> Option<RenameFile> {
        let file = self.ws.file_of_sop(old)?;
        let path = self.ws.path(file)?;
        let stem = path.file_stem()?.to_str()?;
        let ext = path.extension()?.to_str()?;
        if stem != old || !matches!(ext, "yaml" | "yml") {
            return None;
        }
        let to = path.with_file_name(format!("{new}.{ext}"));
        if self.ws.file(&to).is_some() || self.host.read(&to).is_some() {
            return None;
        }
        Some(RenameFile {
            old_uri: convert::uri(path)?,
            new_uri: convert::uri(&to)?,
            options: None,
            annotation_id: None,
        })
    }

    fn completion(&self, p: &CompletionParams) -> Option<CompletionResponse> {
        let (file, offset) = self.locate(&p.text_document_position)?;
        let items = completion::complete(&self.ws, file, offset);
        Some(CompletionResponse::Array(items))
    }

    fn hover(&self, p: &HoverParams) -> Option<Hover> {
        let (file, offset) = self.locate(&p.text_document_position_params)?;
        let (text, span) = hover::hover(&self.ws, file, offset)?;
        let source = self.ws.source(file)?;
        Some(Hover {
            contents: HoverContents::Markup(MarkupContent {
                kind: MarkupKind::Markdown,
                value: text,
            }),
            range: Some(convert::range(source, span, self.enc)),
        })
    }

    fn code_actions(&self, p: &CodeActionParams) -> Option<Vec<lsp_types::CodeActionOrCommand>> {
        let path = convert::path(&p.text_document.uri)?;
        let file = self.ws.file(&path)?;
        let source = self.ws.source(file)?;
        let span = Span::new(
            convert::offset(source, p.range.start, self.enc),
            convert::offset(source, p.range.end, self.enc),
        );
        let only = p.context.only.clone();
        let want = |k: &CodeActionKind| match &only {
            None => true,
            Some(kinds) => kinds.iter().any(|o| k.as_str().starts_with(o.as_str())),
        };
        let lang = self.ws.config.lang;
        let uri = &p.text_document.uri;
        let list = actions::actions(&self.ws, file, uri, span, self.enc, lang, want);
        Some(list.into_iter().map(lsp_types::CodeActionOrCommand::CodeAction).collect())
    }

    fn symbols(&self, p: &DocumentSymbolParams) -> Option<DocumentSymbolResponse> {
        let path = convert::path(&p.text_document.uri)?;
        let file = self.ws.file(&path)?;
        let sop = self.ws.sop(file)?;
        let source = self.ws.source(file)?;
        Some(DocumentSymbolResponse::Nested(symbols::outline(sop, source, self.enc)))
    }
}

/// The document a request is about (`params.textDocument.uri`).
fn document_of(req: &Request) -> Option<PathBuf> {
    let uri = req.params.get("textDocument")?.get("uri")?.as_str()?;
    convert::path(&uri.parse().ok()?)
}

fn extract<P: DeserializeOwned>(n: Notification) -> Option<P> {
    serde_json::from_value(n.params).ok()
}

fn invalid(id: lsp_server::RequestId, e: &serde_json::Error) -> Response {
    Response::new_err(id, ErrorCode::InvalidParams as i32, e.to_string())
}
