//! `sopmap lsp` from the client's side: an in-process JSON-RPC session
//! over lsp-server's memory connection (initialize, didOpen, didChange,
//! definition, references, rename, completion, hover, codeAction, outline,
//! shutdown), then real clients: Neovim's built-in LSP client (headless)
//! and vscode-jsonrpc from Node, each driving the real binary.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use lsp_server::{Connection, Message, Notification, Request, RequestId};
use serde_json::{Value, json};

use crate::harness::{repo, tool_available};

/// The four bundled SOPs in a temp folder, `next: cocokkan_data` of the
/// mikro SOP misspelt as `cocokan_data` (line 73).
fn workspace() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    for entry in std::fs::read_dir(repo("sops")).unwrap() {
        let p = entry.unwrap().path();
        std::fs::copy(&p, dir.path().join(p.file_name().unwrap())).unwrap();
    }
    let file = dir.path().join("verifikasi-berkas-pengaduan-mikro.yaml");
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(text.contains("    next: cocokkan_data\n"));
    std::fs::write(
        &file,
        text.replacen("    next: cocokkan_data\n", "    next: cocokan_data\n", 1),
    )
    .unwrap();
    (dir, file)
}

/// The 0-based lines of the misspelt `next` and of the step it means.
fn lines(text: &str) -> (u32, u32) {
    let at = |needle: &str| text.lines().position(|l| l == needle).unwrap() as u32;
    (at("    next: cocokan_data"), at("  - id: cocokkan_data"))
}

fn uri(p: &Path) -> String {
    format!("file://{}", p.display())
}

/// A client talking to the server on a thread of this process.
struct Client {
    conn: Connection,
    server: Option<std::thread::JoinHandle<()>>,
    next_id: i32,
    /// Notifications received while waiting for something else.
    notes: Vec<Notification>,
}

impl Client {
    fn start(root: &Path) -> Client {
        let (server, client) = Connection::memory();
        let handle = std::thread::spawn(move || {
            sopmap::cli::lsp::serve(&server).unwrap();
        });
        let mut c = Client { conn: client, server: Some(handle), next_id: 0, notes: Vec::new() };
        let init = c.request(
            "initialize",
            json!({
                "processId": null,
                "rootUri": uri(root),
                "capabilities": {},
                "workspaceFolders": [{ "uri": uri(root), "name": "sops" }],
            }),
        );
        assert_eq!(init["serverInfo"]["name"], "sopmap");
        assert_eq!(init["capabilities"]["definitionProvider"], true);
        c.notify("initialized", json!({}));
        c
    }

    fn notify(&self, method: &str, params: Value) {
        self.conn
            .sender
            .send(Message::Notification(Notification::new(method.into(), params)))
            .unwrap();
    }

    fn request(&mut self, method: &str, params: Value) -> Value {
        self.next_id += 1;
        let id = RequestId::from(self.next_id);
        self.conn
            .sender
            .send(Message::Request(Request::new(id.clone(), method.into(), params)))
            .unwrap();
        loop {
            match self.conn.receiver.recv_timeout(Duration::from_secs(20)).unwrap() {
                Message::Response(r) if r.id == id => match r.response_result {
                    Ok(v) => return v,
                    Err(e) => return json!({ "error": e.message }),
                },
                Message::Notification(n) => self.notes.push(n),
                _ => {}
            }
        }
    }

    /// Waits for diagnostics of `file` that satisfy `pred`; returns them.
    fn diagnostics(&mut self, file: &Path, pred: impl Fn(&[Value]) -> bool) -> Vec<Value> {
        let want = uri(file);
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            if let Some(pos) = self.notes.iter().rposition(|n| {
                n.method == "textDocument/publishDiagnostics" && n.params["uri"] == want.as_str()
            }) {
                let n = self.notes.remove(pos);
                let list = n.params["diagnostics"].as_array().cloned().unwrap_or_default();
                if pred(&list) {
                    return list;
                }
            }
            let left = deadline.saturating_duration_since(Instant::now());
            assert!(!left.is_zero(), "no matching diagnostics for {want}");
            if let Ok(Message::Notification(n)) = self.conn.receiver.recv_timeout(left) {
                self.notes.push(n);
            }
        }
    }

    fn shutdown(mut self) {
        let r = self.request("shutdown", Value::Null);
        assert_eq!(r, Value::Null);
        self.notify("exit", Value::Null);
        self.server.take().unwrap().join().unwrap();
    }
}

fn pos(line: u32, character: u32) -> Value {
    json!({ "line": line, "character": character })
}

/// Applies LSP text edits (UTF-16 positions; the test files are ASCII
/// where edited) to `text`.
fn apply(text: &str, edits: &[Value]) -> String {
    let offset = |p: &Value| -> usize {
        let line = p["line"].as_u64().unwrap() as usize;
        let ch = p["character"].as_u64().unwrap() as usize;
        let start: usize = text.split_inclusive('\n').take(line).map(str::len).sum();
        start + ch
    };
    let mut spans: Vec<(usize, usize, String)> = edits
        .iter()
        .map(|e| {
            (
                offset(&e["range"]["start"]),
                offset(&e["range"]["end"]),
                e["newText"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    spans.sort_by_key(|s| std::cmp::Reverse(s.0));
    let mut out = text.to_string();
    for (a, b, t) in spans {
        out.replace_range(a..b, &t);
    }
    out
}

#[test]
fn a_session_of_open_fix_navigate_rename_complete_and_shutdown() {
    let (dir, file) = workspace();
    let text = std::fs::read_to_string(&file).unwrap();
    let (n, st) = lines(&text);
    let mut c = Client::start(dir.path());
    c.notify(
        "textDocument/didOpen",
        json!({ "textDocument": { "uri": uri(&file), "languageId": "yaml", "version": 1, "text": text } }),
    );
    // The same finding as `sopmap check`: SOP101 at 73:11, with the help.
    let diags = c.diagnostics(&file, |d| !d.is_empty());
    assert_eq!(diags.len(), 1, "{diags:#?}");
    let d = &diags[0];
    assert_eq!(d["code"], "SOP101");
    assert_eq!(d["range"]["start"], pos(n, 10));
    assert_eq!(d["range"]["end"], pos(n, 22));
    assert_eq!(d["severity"], 1);
    let message = d["message"].as_str().unwrap();
    assert!(
        message.starts_with(
            "langkah `cocokan_data` pada `next` langkah `terima_berkas` tidak dikenal"
        ),
        "{message}"
    );
    assert!(message.contains("mungkin maksud Anda `cocokkan_data`?"), "{message}");

    // The quick fix, and the fix-all action.
    let actions = c.request(
        "textDocument/codeAction",
        json!({
            "textDocument": { "uri": uri(&file) },
            "range": { "start": pos(n, 12), "end": pos(n, 12) },
            "context": { "diagnostics": [d] },
        }),
    );
    let actions = actions.as_array().unwrap().clone();
    assert_eq!(actions.len(), 2, "{actions:#?}");
    assert_eq!(actions[0]["kind"], "quickfix");
    assert_eq!(actions[0]["title"], "ganti `cocokan_data` dengan `cocokkan_data` (unknown-step)");
    assert_eq!(actions[1]["kind"], "source.fixAll.sopmap");
    let edits = actions[0]["edit"]["changes"][uri(&file)].as_array().unwrap().clone();
    assert_eq!(edits.len(), 1);
    assert_eq!(edits[0]["range"]["start"], pos(n, 10));
    assert_eq!(edits[0]["newText"], "cocokkan_data");
    let fixed = apply(&text, &edits);
    assert!(fixed.contains("    next: cocokkan_data\n"));

    // An incremental change carrying the fix clears the finding.
    c.notify(
        "textDocument/didChange",
        json!({
            "textDocument": { "uri": uri(&file), "version": 2 },
            "contentChanges": [{ "range": edits[0]["range"], "text": "cocokkan_data" }],
        }),
    );
    let diags = c.diagnostics(&file, <[Value]>::is_empty);
    assert!(diags.is_empty());

    // Definition of the `next` value: the step's id, two lines below.
    let def = c.request(
        "textDocument/definition",
        json!({ "textDocument": { "uri": uri(&file) }, "position": pos(n, 14) }),
    );
    assert_eq!(def["uri"], uri(&file));
    assert_eq!(def["range"]["start"], pos(st, 8));
    assert_eq!(def["range"]["end"], pos(st, 21));

    // References of that step: its id and the `next` naming it.
    let refs = c.request(
        "textDocument/references",
        json!({
            "textDocument": { "uri": uri(&file) },
            "position": pos(st, 10),
            "context": { "includeDeclaration": true },
        }),
    );
    let found: Vec<u64> = refs
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["range"]["start"]["line"].as_u64().unwrap())
        .collect();
    assert_eq!(found, [u64::from(n), u64::from(st)]);

    // Rename the step: both places, in this file only.
    let prep = c.request(
        "textDocument/prepareRename",
        json!({ "textDocument": { "uri": uri(&file) }, "position": pos(st, 10) }),
    );
    assert_eq!(prep["placeholder"], "cocokkan_data");
    let rename = c.request(
        "textDocument/rename",
        json!({ "textDocument": { "uri": uri(&file) }, "position": pos(st, 10), "newName": "cocokkan_identitas" }),
    );
    let changes = rename["changes"].as_object().unwrap();
    assert_eq!(changes.len(), 1);
    let renamed = apply(&fixed, changes[&uri(&file)].as_array().unwrap());
    assert_eq!(renamed.matches("cocokkan_identitas").count(), 2);
    assert!(!renamed.contains("cocokkan_data"));
    let bad = c.request(
        "textDocument/rename",
        json!({ "textDocument": { "uri": uri(&file) }, "position": pos(st, 10), "newName": "Cocokkan Data" }),
    );
    assert!(bad["error"].as_str().unwrap().contains("not a valid id"), "{bad}");

    // Completion of `next`: the step ids, with their row and activity.
    let completion = c.request(
        "textDocument/completion",
        json!({ "textDocument": { "uri": uri(&file) }, "position": pos(n, 10) }),
    );
    let labels: Vec<&str> =
        completion.as_array().unwrap().iter().map(|i| i["label"].as_str().unwrap()).collect();
    assert!(labels.starts_with(&["terima_berkas", "cocokkan_data"]), "{labels:?}");
    assert!(completion[1]["detail"].as_str().unwrap().starts_with("2. Mencocokkan"));

    // Hover on the step id: its row.
    let hover = c.request(
        "textDocument/hover",
        json!({ "textDocument": { "uri": uri(&file) }, "position": pos(st, 10) }),
    );
    let value = hover["contents"]["value"].as_str().unwrap();
    assert!(value.starts_with("**2. Mencocokkan identitas"), "{value}");
    assert!(value.contains("| Verifikator"), "{value}");

    // The outline: every step, in row order.
    let symbols =
        c.request("textDocument/documentSymbol", json!({ "textDocument": { "uri": uri(&file) } }));
    let names: Vec<&str> =
        symbols.as_array().unwrap().iter().map(|s| s["name"].as_str().unwrap()).collect();
    assert_eq!(names.first(), Some(&"1. terima_berkas"));
    assert_eq!(names.get(1), Some(&"2. cocokkan_data"));
    c.shutdown();
}

#[test]
fn an_edit_republishes_the_linked_sops_and_a_broken_buffer_blocks_nothing() {
    let (dir, file) = workspace();
    let makro = dir.path().join("pengaduan-pmi-makro.yaml");
    let text = std::fs::read_to_string(&file).unwrap();
    let (n, _) = lines(&text);
    let mut c = Client::start(dir.path());
    c.notify(
        "textDocument/didOpen",
        json!({ "textDocument": { "uri": uri(&file), "languageId": "yaml", "version": 1, "text": text } }),
    );
    c.diagnostics(&file, |d| d.len() == 1);
    // Renaming the mikro SOP's id in the buffer breaks the makro's links:
    // the makro, not open, gets unknown-sop findings.
    let renamed = text.replacen(
        "id: verifikasi-berkas-pengaduan-mikro",
        "id: verifikasi-berkas-pengadu-mikro",
        1,
    );
    c.notify(
        "textDocument/didChange",
        json!({ "textDocument": { "uri": uri(&file), "version": 2 }, "contentChanges": [{ "text": renamed }] }),
    );
    let linked = c.diagnostics(&makro, |d| d.iter().any(|x| x["code"] == "SOP105"));
    // Its help names the new id as the likely meaning.
    let unknown: Vec<&str> = linked
        .iter()
        .filter(|d| d["code"] == "SOP105")
        .map(|d| d["message"].as_str().unwrap())
        .collect();
    assert_eq!(unknown.len(), 2, "{linked:#?}");
    assert!(
        unknown
            .iter()
            .all(|m| m.contains("mungkin maksud Anda `verifikasi-berkas-pengadu-mikro`?")),
        "{unknown:?}"
    );

    // A buffer that does not parse: invalid-yaml for it alone; completion
    // still offers the steps of its last good version.
    let broken = renamed.replacen("steps:\n", "steps:\n  - [\n", 1);
    c.notify(
        "textDocument/didChange",
        json!({ "textDocument": { "uri": uri(&file), "version": 3 }, "contentChanges": [{ "text": broken }] }),
    );
    let diags = c.diagnostics(&file, |d| d.iter().any(|x| x["code"] == "SOP001"));
    assert_eq!(diags.len(), 1);
    let completion = c.request(
        "textDocument/completion",
        json!({ "textDocument": { "uri": uri(&file) }, "position": pos(n + 1, 10) }),
    );
    assert!(
        completion.as_array().unwrap().iter().any(|i| i["label"] == "cocokkan_data"),
        "{completion}"
    );
    // Restoring the id clears the makro again.
    c.notify(
        "textDocument/didChange",
        json!({ "textDocument": { "uri": uri(&file), "version": 4 }, "contentChanges": [{ "text": text }] }),
    );
    c.diagnostics(&makro, <[Value]>::is_empty);
    c.shutdown();
}

#[test]
fn sop_ids_navigate_and_rename_across_the_workspace() {
    let (dir, _) = workspace();
    let makro = dir.path().join("pengaduan-pmi-makro.yaml");
    let mikro = dir.path().join("verifikasi-berkas-pengaduan-mikro.yaml");
    let text = std::fs::read_to_string(&makro).unwrap();
    let mut c = Client::start(dir.path());
    c.notify(
        "textDocument/didOpen",
        json!({ "textDocument": { "uri": uri(&makro), "languageId": "yaml", "version": 1, "text": text } }),
    );
    // `sub_sop: verifikasi-berkas-pengaduan-mikro` on line 123.
    let line = 122;
    let col = text.lines().nth(122).unwrap().find("verifikasi").unwrap() as u32;
    let def = c.request(
        "textDocument/definition",
        json!({ "textDocument": { "uri": uri(&makro) }, "position": pos(line, col + 3) }),
    );
    assert_eq!(def["uri"], uri(&mikro));
    assert_eq!(def["range"]["start"]["line"], 3);
    let hover = c.request(
        "textDocument/hover",
        json!({ "textDocument": { "uri": uri(&makro) }, "position": pos(line, col + 3) }),
    );
    let value = hover["contents"]["value"].as_str().unwrap();
    assert!(value.contains("Verifikasi Data dan Dokumen Pengaduan"), "{value}");
    assert!(value.contains("SOP-01.01/PLD/BP3MI-SU/XI/2022"), "{value}");
    let rename = c.request(
        "textDocument/rename",
        json!({ "textDocument": { "uri": uri(&makro) }, "position": pos(line, col + 3), "newName": "verifikasi-berkas" }),
    );
    let changes = rename["changes"].as_object().unwrap();
    assert_eq!(changes.len(), 2, "{rename:#}");
    assert_eq!(changes[&uri(&makro)].as_array().unwrap().len(), 2);
    assert_eq!(changes[&uri(&mikro)].as_array().unwrap().len(), 1);
    // Completion of `sub_sop`: the other SOPs of the workspace.
    let items = c.request(
        "textDocument/completion",
        json!({ "textDocument": { "uri": uri(&makro) }, "position": pos(line, col) }),
    );
    let labels: Vec<&str> =
        items.as_array().unwrap().iter().map(|i| i["label"].as_str().unwrap()).collect();
    assert!(labels.contains(&"verifikasi-berkas-pengaduan-mikro"), "{labels:?}");
    assert!(!labels.contains(&"pengaduan-pmi-makro"), "{labels:?}");
    c.shutdown();
}

/// Runs `check --fix` on a copy of `file` and returns the fixed text.
fn check_fix(file: &Path) -> String {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_sopmap"))
        .args(["check", "--fix"])
        .arg(file)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    std::fs::read_to_string(file).unwrap()
}

#[test]
fn neovim_shows_the_finding_jumps_to_the_step_and_applies_the_fix() {
    if !tool_available("nvim", std::process::Command::new("nvim").arg("--version")) {
        return;
    }
    let (dir, file) = workspace();
    let original = std::fs::read_to_string(&file).unwrap();
    let (n, st) = lines(&original);
    let result = dir.path().join("result.json");
    let status = std::process::Command::new("nvim")
        .args(["--headless", "-u", "NONE", "-i", "NONE", "-n", "-c"])
        .arg(format!("luafile {}", repo("tests/lsp/nvim_client.lua").display()))
        .env("SOPMAP_BIN", env!("CARGO_BIN_EXE_sopmap"))
        .env("SOP_FILE", &file)
        .env("RESULT", &result)
        .current_dir(dir.path())
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    assert!(status.status.success(), "{}", String::from_utf8_lossy(&status.stderr));
    let r: Value = serde_json::from_str(&std::fs::read_to_string(&result).unwrap()).unwrap();
    assert_eq!(r["error"], Value::Null, "{r:#}");
    assert_eq!(
        r["steps"],
        json!(["diagnostics:true", "action:true", "definition:true", "clean:true"]),
        "{r:#}"
    );
    // The did-you-mean finding, at the misspelt value's line and column.
    let d = &r["diagnostics"][0];
    assert_eq!(r["diagnostics"].as_array().unwrap().len(), 1, "{r:#}");
    assert_eq!((d["line"].as_u64(), d["col"].as_u64()), (Some(u64::from(n) + 1), Some(11)));
    assert_eq!(d["code"], "SOP101");
    assert!(d["message"].as_str().unwrap().contains("mungkin maksud Anda `cocokkan_data`?"));
    // The code action replaced the value; `gd` from it lands on the step.
    assert_eq!(r["line_after"], "    next: cocokkan_data");
    assert_eq!(r["definition"]["line"], st + 1);
    assert_eq!(r["definition"]["text"], "  - id: cocokkan_data");
    assert_eq!(r["remaining"], 0);
    // The saved file lints clean, and `check --fix` on the original gives
    // the same text; a second `--fix` changes nothing.
    let saved = std::fs::read_to_string(&file).unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_sopmap"))
        .arg("check")
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stdout));
    std::fs::write(&file, &original).unwrap();
    assert_eq!(check_fix(&file), saved);
    assert_eq!(check_fix(&file), saved);
}

#[test]
fn vscode_jsonrpc_drives_the_server_from_node() {
    let tool = repo("tools/vscode-jsonrpc");
    let installed = tool.join("node_modules/vscode-jsonrpc").is_dir();
    if !tool_available("node", std::process::Command::new("node").arg("--version")) {
        return;
    }
    if !installed {
        if std::env::var("SOPMAP_REQUIRE_TOOLS").is_ok_and(|v| v == "1") {
            panic!(
                "vscode-jsonrpc is required (SOPMAP_REQUIRE_TOOLS=1): run `npm ci --prefix tools/vscode-jsonrpc`"
            );
        }
        eprintln!(
            "skipped: vscode-jsonrpc is not installed (npm ci --prefix tools/vscode-jsonrpc)"
        );
        return;
    }
    let (dir, file) = workspace();
    let (n, st) = lines(&std::fs::read_to_string(&file).unwrap());
    let out = std::process::Command::new("node")
        .arg(tool.join("client.js"))
        .arg(env!("CARGO_BIN_EXE_sopmap"))
        .arg(dir.path())
        .arg(&file)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}\n{}", String::from_utf8_lossy(&out.stderr));
    let r: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(r["diagnostics"][0]["code"], "SOP101", "{r:#}");
    assert_eq!(r["diagnostics"][0]["range"]["start"], pos(n, 10));
    assert_eq!(r["action"], "ganti `cocokan_data` dengan `cocokkan_data` (unknown-step)");
    assert_eq!(r["after"], json!([]));
    assert_eq!(r["definition"]["range"]["start"], pos(st, 8));
    assert_eq!(r["shutdown"], Value::Null);
}

#[test]
fn check_fix_and_diff_edit_only_what_is_fixable_and_settle() {
    let (dir, file) = workspace();
    let text = std::fs::read_to_string(&file).unwrap();
    // Also a date in Indonesian order, with a comment after it.
    let text = text.replacen("created: 2022-11-15", "created: 16 Julli 2022   # dibuat", 1);
    std::fs::write(&file, &text).unwrap();
    let broken = dir.path().join("rusak.yaml");
    std::fs::write(&broken, "schema: sop-ap/1\nid: [rusak\n").unwrap();
    let sopmap = |args: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_sopmap"))
            .args(args)
            .current_dir(dir.path())
            .output()
            .unwrap()
    };
    // --diff: the two fixes as a unified diff; nothing written.
    let out = sopmap(&["check", "--diff", "."]);
    assert_eq!(out.status.code(), Some(1));
    let diff = String::from_utf8_lossy(&out.stdout);
    assert!(diff.starts_with("--- a/verifikasi-berkas-pengaduan-mikro.yaml\n+++ b/verifikasi-berkas-pengaduan-mikro.yaml\n@@ -11,7 +11,7 @@\n"), "{diff}");
    assert!(
        diff.contains(
            "-  created: 16 Julli 2022   # dibuat\n+  created: 16 Juli 2022   # dibuat\n"
        ),
        "{diff}"
    );
    assert!(diff.contains("-    next: cocokan_data\n+    next: cocokkan_data\n"), "{diff}");
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("2 temuan akan diperbaiki dalam 1 berkas")
    );
    assert_eq!(std::fs::read_to_string(&file).unwrap(), text);
    // --fix: written in place, comments kept; the broken file untouched
    // and still reported.
    let out = sopmap(&["check", "--fix", "."]);
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("rusak.yaml:2:5: SOP001"), "{stdout}");
    assert!(!stdout.contains("verifikasi"), "{stdout}");
    let fixed = std::fs::read_to_string(&file).unwrap();
    assert_eq!(
        fixed,
        text.replacen("16 Julli 2022   # dibuat", "16 Juli 2022   # dibuat", 1).replacen(
            "next: cocokan_data",
            "next: cocokkan_data",
            1
        )
    );
    assert_eq!(std::fs::read_to_string(&broken).unwrap(), "schema: sop-ap/1\nid: [rusak\n");
    // A second run finds nothing more to fix.
    let out = sopmap(&["check", "--fix", "."]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("tidak ada yang perlu diperbaiki"));
    assert_eq!(std::fs::read_to_string(&file).unwrap(), fixed);
}
