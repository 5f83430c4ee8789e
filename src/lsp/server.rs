//! The server loop of `sopmap lsp`: reads protocol messages from a
//! [`Connection`] (standard input and output in the binary, an in-memory
//! pair in tests), keeps the [`Workspace`] up to date and answers requests.
//!
//! Edits are debounced: a change is only stored; once the client has sent
//! nothing for [`DEBOUNCE`], the changed files are re-checked (each on its
//! own, the rest kept) and the findings that changed are published. A
//! request flushes pending changes first, so it always sees the text the
//! client has. Disk access goes through the [`Host`] the caller supplies.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crossbeam_channel::RecvTimeoutError;
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
    DidSaveTextDocumentParams, DocumentSymbolParams, DocumentSymbolResponse, FileChangeType,
    GotoDefinitionParams, GotoDefinitionResponse, Hover, HoverContents, HoverParams,
    HoverProviderCapability, InitializeParams, Location, MarkupContent, MarkupKind, OneOf,
    PositionEncodingKind, PrepareRenameResponse, PublishDiagnosticsParams, ReferenceParams,
    RenameOptions, RenameParams, SaveOptions, ServerCapabilities, ServerInfo,
    TextDocumentPositionParams, TextDocumentSyncCapability, TextDocumentSyncKind,
    TextDocumentSyncOptions, TextDocumentSyncSaveOptions, TextEdit, WorkDoneProgressOptions,
    WorkspaceEdit,
};
use serde::de::DeserializeOwned;

use crate::diagnostic::FileId;
use crate::fix;
use crate::lsp::convert::{self, Encoding};
use crate::lsp::navigation;
use crate::lsp::workspace::{Workspace, WorkspaceConfig};
use crate::lsp::{actions, completion, hover, symbols};
use crate::source::{SourceFile, Span};

/// How long the client must be quiet before changed files are re-checked.
pub const DEBOUNCE: Duration = Duration::from_millis(20);

/// What the server needs from the machine it runs on.
pub trait Host {
    /// The configuration and the SOP files (absolute path and text) of the
    /// workspace folder `root`; problems reading them (a broken
    /// `sopmap.yaml`, an unreadable file) as messages for the client.
    fn load(&self, root: &Path) -> (WorkspaceConfig, Vec<(PathBuf, String)>, Vec<String>);
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
    let root = root_of(&params);
    let (config, files, problems) = match &root {
        Some(r) => host.load(r),
        None => (WorkspaceConfig::default(), Vec::new(), Vec::new()),
    };
    let mut server = Server {
        conn,
        host,
        ws: Workspace::new(config, files),
        enc,
        pending: BTreeMap::new(),
        deadline: None,
    };
    for p in problems {
        server.show_message(lsp_types::MessageType::WARNING, p)?;
    }
    server.publish()?;
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

struct Server<'a> {
    conn: &'a Connection,
    host: &'a dyn Host,
    ws: Workspace,
    enc: Encoding,
    /// Buffers changed since the last check: text and version.
    pending: BTreeMap<PathBuf, (String, Option<i32>)>,
    /// When pending changes are checked, if the client stays quiet.
    deadline: Option<Instant>,
}

impl Server<'_> {
    fn run(&mut self) -> Result<(), ServeError> {
        loop {
            let msg = match self.deadline {
                Some(at) => {
                    let wait = at.saturating_duration_since(Instant::now());
                    match self.conn.receiver.recv_timeout(wait) {
                        Ok(m) => m,
                        Err(RecvTimeoutError::Timeout) => {
                            self.flush();
                            self.publish()?;
                            continue;
                        }
                        Err(RecvTimeoutError::Disconnected) => return Ok(()),
                    }
                }
                None => match self.conn.receiver.recv() {
                    Ok(m) => m,
                    Err(_) => return Ok(()),
                },
            };
            match msg {
                Message::Request(req) => {
                    if self.conn.handle_shutdown(&req)? {
                        return Ok(());
                    }
                    if !self.pending.is_empty() {
                        self.flush();
                        self.publish()?;
                    }
                    let resp = self.request(req);
                    self.send(Message::Response(resp))?;
                }
                Message::Notification(n) => {
                    if n.method == "exit" {
                        return Ok(());
                    }
                    self.notification(n);
                }
                Message::Response(_) => {}
            }
        }
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

    /// Re-checks every buffer changed since the last check.
    fn flush(&mut self) {
        self.deadline = None;
        for (path, (text, version)) in std::mem::take(&mut self.pending) {
            self.ws.set_text(&path, text, Some((true, version)));
        }
    }

    fn publish(&mut self) -> Result<(), ServeError> {
        for p in self.ws.publish() {
            let Some(source) = self.ws.source(p.file) else { continue };
            let Some(uri) = convert::uri(&p.path) else { continue };
            let ws = &self.ws;
            let enc = self.enc;
            let diagnostics = p
                .diagnostics
                .iter()
                .map(|d| {
                    convert::diagnostic(d, source, enc, ws.lang(), |l| {
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

    fn notification(&mut self, n: Notification) {
        match n.method.as_str() {
            DidOpenTextDocument::METHOD => {
                let Some(p) = extract::<DidOpenTextDocumentParams>(n) else { return };
                let Some(path) = convert::path(&p.text_document.uri) else { return };
                if !self.ws.wants(&path, &p.text_document.text) {
                    return;
                }
                self.pending.insert(path, (p.text_document.text, Some(p.text_document.version)));
                // Opening is no typing burst: check at once.
                self.deadline = Some(Instant::now());
            }
            DidChangeTextDocument::METHOD => {
                let Some(p) = extract::<DidChangeTextDocumentParams>(n) else { return };
                let Some(path) = convert::path(&p.text_document.uri) else { return };
                let mut text = match self.pending.remove(&path) {
                    Some((t, _)) => t,
                    None => match self.ws.file(&path).and_then(|f| self.ws.source(f)) {
                        Some(s) => s.text.clone(),
                        // A buffer the server did not take on when it was
                        // opened (not a SOP): only a full text can start it.
                        None if p.content_changes.iter().any(|c| c.range.is_none()) => {
                            String::new()
                        }
                        None => return,
                    },
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
                    return;
                }
                self.pending.insert(path, (text, Some(p.text_document.version)));
                self.deadline = Some(Instant::now() + DEBOUNCE);
            }
            DidCloseTextDocument::METHOD => {
                let Some(p) = extract::<DidCloseTextDocumentParams>(n) else { return };
                let Some(path) = convert::path(&p.text_document.uri) else { return };
                self.pending.remove(&path);
                let disk = self.host.read(&path);
                self.ws.close(&path, disk);
                self.deadline = Some(Instant::now());
            }
            DidSaveTextDocument::METHOD => {
                // The buffer is already the text; nothing new to check.
                let _ = extract::<DidSaveTextDocumentParams>(n);
            }
            DidChangeWatchedFiles::METHOD => {
                let Some(p) = extract::<DidChangeWatchedFilesParams>(n) else { return };
                for change in p.changes {
                    let Some(path) = convert::path(&change.uri) else { continue };
                    let open = self.ws.file(&path).is_some_and(|f| self.ws.is_open(f));
                    if open {
                        continue;
                    }
                    match (change.typ, self.host.read(&path)) {
                        (FileChangeType::DELETED, _) | (_, None) => self.ws.remove(&path),
                        (_, Some(text)) => {
                            self.ws.set_text(&path, text, None);
                        }
                    }
                }
                self.deadline = Some(Instant::now());
            }
            _ => {}
        }
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
                crate::msg!("" / ""),
                vec![fix::Edit::scalar(occ.span, occ.target.name(), "x")],
            ),
        )?;
        let span = edits.first()?.span;
        Some(PrepareRenameResponse::RangeWithPlaceholder {
            range: convert::range(source, span, self.enc),
            placeholder: occ.target.name().to_string(),
        })
    }

    // `WorkspaceEdit::changes` is keyed by `Uri` (see actions::edit).
    #[allow(clippy::mutable_key_type)]
    fn rename(&self, p: &RenameParams) -> Result<Option<WorkspaceEdit>, String> {
        let Some((file, occ)) = self.target_at(&p.text_document_position) else {
            return Ok(None);
        };
        let per_file =
            navigation::rename(&self.ws, file, &occ.target, &p.new_name).map_err(|e| e.0)?;
        let mut changes = std::collections::HashMap::new();
        for (f, edits) in per_file {
            let (Some(source), Some(path)) = (self.ws.source(f), self.ws.path(f)) else { continue };
            let Some(uri) = convert::uri(path) else { continue };
            let resolved =
                fix::resolve(source, &fix::Fix::new(crate::msg!("ganti nama" / "rename"), edits))
                    .ok_or_else(|| {
                    format!(
                        "`{}` cannot be renamed where it is quoted with escapes",
                        occ.target.name()
                    )
                })?;
            let edits: Vec<TextEdit> = resolved
                .into_iter()
                .map(|e| TextEdit {
                    range: convert::range(source, e.span, self.enc),
                    new_text: e.text,
                })
                .collect();
            changes.insert(uri, edits);
        }
        Ok(Some(WorkspaceEdit { changes: Some(changes), ..WorkspaceEdit::default() }))
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
        let list = actions::actions(&self.ws, file, &p.text_document.uri, span, self.enc, want);
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

fn extract<P: DeserializeOwned>(n: Notification) -> Option<P> {
    serde_json::from_value(n.params).ok()
}

fn invalid(id: lsp_server::RequestId, e: &serde_json::Error) -> Response {
    Response::new_err(id, ErrorCode::InvalidParams as i32, e.to_string())
}
