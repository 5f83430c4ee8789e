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
        Client::start_with(root, None, json!({}))
    }

    /// A client whose initialize parameters have `extra`'s fields
    /// (capabilities, initializationOptions), the server seeing
    /// `SOPMAP_LANG=env_lang`.
    fn start_with(root: &Path, env_lang: Option<&str>, extra: Value) -> Client {
        let (server, client) = Connection::memory();
        let env_lang = env_lang.map(str::to_string);
        let handle = std::thread::spawn(move || {
            sopmap::cli::lsp::serve(&server, env_lang).unwrap();
        });
        let mut c = Client { conn: client, server: Some(handle), next_id: 0, notes: Vec::new() };
        let mut params = json!({
            "processId": null,
            "rootUri": uri(root),
            "capabilities": {},
            "workspaceFolders": [{ "uri": uri(root), "name": "sops" }],
        });
        for (k, v) in extra.as_object().unwrap() {
            params[k] = v.clone();
        }
        let init = c.request("initialize", params);
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
    assert!(bad["error"].as_str().unwrap().contains("bukan id yang sah"), "{bad}");

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
        .env_remove("SOPMAP_LANG")
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
fn the_neovim_configuration_of_the_docs_starts_the_server_in_neovim() {
    if !tool_available("nvim", std::process::Command::new("nvim").arg("--version")) {
        return;
    }
    // The Lua block marked for Neovim 0.7 in docs/editors.md, as written
    // there, with the executable's path for `sopmap`.
    let docs = std::fs::read_to_string(repo("docs/editors.md")).unwrap();
    let block = docs
        .split("<!-- nvim-0.7 -->\n```lua\n")
        .nth(1)
        .and_then(|rest| rest.split("\n```").next())
        .expect("docs/editors.md has the Neovim 0.7 block");
    let (dir, file) = workspace();
    std::fs::write(dir.path().join("sopmap.yaml"), "lang: en\n").unwrap();
    let init = dir.path().join("init.lua");
    let bin = env!("CARGO_BIN_EXE_sopmap");
    assert!(block.contains("cmd = { 'sopmap', 'lsp' }"), "{block}");
    std::fs::write(&init, block.replace("'sopmap', 'lsp'", &format!("'{bin}', 'lsp'"))).unwrap();
    let result = dir.path().join("result.json");
    let out = std::process::Command::new("nvim")
        .args(["--headless", "-i", "NONE", "-n", "-u"])
        .arg(&init)
        .arg(&file)
        .arg("-c")
        .arg(format!("luafile {}", repo("tests/lsp/nvim_docs_check.lua").display()))
        // The block's `lang = 'id'` wins over both of these.
        .env("SOPMAP_LANG", "en")
        .env("RESULT", &result)
        .current_dir(dir.path())
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let r: Value = serde_json::from_str(&std::fs::read_to_string(&result).unwrap()).unwrap();
    assert_eq!(r["filetype"], "yaml", "{r:#}");
    assert_eq!(
        r["clients"],
        json!([{ "name": "sopmap", "root": dir.path().canonicalize().unwrap().to_str().unwrap() }]),
        "{r:#}"
    );
    let (n, _) = lines(&std::fs::read_to_string(&file).unwrap());
    assert_eq!(r["diagnostics"][0]["line"], n + 1, "{r:#}");
    let message = r["diagnostics"][0]["message"].as_str().unwrap();
    assert!(message.contains("mungkin maksud Anda `cocokkan_data`?"), "{message}");
}

#[test]
fn vscode_extension_activates_and_vscode_jsonrpc_drives_its_server() {
    let tool = repo("tools/vscode-jsonrpc");
    let installed = tool.join("node_modules/vscode-jsonrpc").is_dir();
    if !tool_available("node", std::process::Command::new("node").arg("--version")) {
        return;
    }
    // The extension of editors/vscode, activated in Node with VS Code's
    // modules stood in for: what it starts the server with.
    let settings = json!({ "sopmap.path": env!("CARGO_BIN_EXE_sopmap"), "sopmap.lang": "en" });
    let out = std::process::Command::new("node")
        .arg(repo("tests/lsp/vscode_extension.js"))
        .arg(repo("editors/vscode"))
        .arg(settings.to_string())
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let ext: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(ext["activationEvents"].as_array().unwrap().contains(&json!("onLanguage:yaml")));
    assert_eq!(ext["properties"], json!(["sopmap.path", "sopmap.lang"]));
    assert_eq!(ext["dependencies"], json!(["vscode-languageclient"]));
    let seen = &ext["seen"];
    assert_eq!((seen["started"].as_bool(), seen["stopped"].as_bool()), (Some(true), Some(true)));
    assert_eq!(ext["subscriptions"], 1);
    let run = &seen["serverOptions"]["run"];
    assert_eq!(run["command"], env!("CARGO_BIN_EXE_sopmap"));
    assert_eq!(run["args"], json!(["lsp"]));
    let client = &seen["clientOptions"];
    assert_eq!(client["documentSelector"], json!([{ "scheme": "file", "language": "yaml" }]));
    assert_eq!(client["synchronize"]["fileEvents"]["glob"], "**/*.{yaml,yml}");
    assert_eq!(client["initializationOptions"], json!({ "lang": "en" }));

    if !installed {
        if std::env::var("SOPMAP_REQUIRE_TOOLS").is_ok_and(|v| v == "1") {
            panic!(
                "vscode-jsonrpc is required (SOPMAP_REQUIRE_TOOLS=1): run `npm ci --prefix tools/vscode-jsonrpc`"
            );
        }
        crate::harness::skipped(
            "vscode-jsonrpc is not installed (npm ci --prefix tools/vscode-jsonrpc)",
        );
        return;
    }
    // That server, with those arguments and options, driven by the
    // protocol library VS Code's client is built on.
    let (dir, file) = workspace();
    let (n, st) = lines(&std::fs::read_to_string(&file).unwrap());
    let out = std::process::Command::new("node")
        .arg(tool.join("client.js"))
        .arg(run["command"].as_str().unwrap())
        .arg(dir.path())
        .arg(&file)
        .arg(client["initializationOptions"]["lang"].as_str().unwrap())
        .env_remove("SOPMAP_LANG")
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}\n{}", String::from_utf8_lossy(&out.stderr));
    let r: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(r["diagnostics"][0]["code"], "SOP101", "{r:#}");
    let message = r["diagnostics"][0]["message"].as_str().unwrap();
    assert!(message.ends_with("\nhelp: did you mean `cocokkan_data`?"), "{message}");
    assert_eq!(r["diagnostics"][0]["range"]["start"], pos(n, 10));
    assert_eq!(r["action"], "replace `cocokan_data` with `cocokkan_data` (unknown-step)");
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
    let summary = String::from_utf8_lossy(&out.stderr);
    assert!(summary.contains("2 temuan akan diperbaiki dalam 1 berkas"), "{summary}");
    assert_eq!(std::fs::read_to_string(&file).unwrap(), text);
    // --fix: written in place, comments kept; the broken file untouched
    // and still reported.
    let out = sopmap(&["check", "--fix", "."]);
    assert_eq!(out.status.code(), Some(1));
    let summary = String::from_utf8_lossy(&out.stderr);
    assert!(summary.contains("2 temuan diperbaiki dalam 1 berkas"), "{summary}");
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
    let out = sopmap(&["check", "--fix", "--lang", "en", "."]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("nothing to fix"));
    assert_eq!(std::fs::read_to_string(&file).unwrap(), fixed);
}

/// The findings of `file` as `sopmap check --format json` run in `dir`
/// reports them (`args` added, `SOPMAP_LANG` as given), each as the
/// protocol diagnostic the server must send: code, severity, 0-based
/// range and the message with the help line under it.
fn check_json(
    dir: &Path,
    file: &str,
    args: &[&str],
    env_lang: Option<&str>,
    help_word: &str,
) -> Vec<Value> {
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_sopmap"));
    cmd.args(["check", "--format", "json"]).args(args).arg(".").current_dir(dir);
    match env_lang {
        Some(l) => cmd.env("SOPMAP_LANG", l),
        None => cmd.env_remove("SOPMAP_LANG"),
    };
    let out = cmd.output().unwrap();
    let all: Vec<Value> = serde_json::from_slice(&out.stdout).unwrap();
    all.iter()
        .filter(|d| d["path"] == file)
        .map(|d| {
            let message = d["message"].as_str().unwrap();
            let message = match d["help"].as_str() {
                Some(h) => format!("{message}\n{help_word} {h}"),
                None => message.to_string(),
            };
            let at = |l: &Value, c: &Value| {
                pos(l.as_u64().unwrap() as u32 - 1, c.as_u64().unwrap() as u32 - 1)
            };
            json!({
                "code": d["code"],
                "severity": if d["severity"] == "error" { 1 } else { 2 },
                "start": at(&d["line"], &d["column"]),
                "end": at(&d["end"]["line"], &d["end"]["column"]),
                "message": message,
            })
        })
        .collect()
}

/// The server's diagnostics in the shape of [`check_json`].
fn comparable(diags: &[Value]) -> Vec<Value> {
    diags
        .iter()
        .map(|d| {
            json!({
                "code": d["code"],
                "severity": d["severity"],
                "start": d["range"]["start"],
                "end": d["range"]["end"],
                "message": d["message"],
            })
        })
        .collect()
}

#[test]
fn diagnostics_follow_the_workspace_settings_and_language_exactly_as_check() {
    let (dir, file) = workspace();
    let name = "verifikasi-berkas-pengaduan-mikro.yaml";
    // More findings, each with a safe fix: a misspelt unit, a misspelt
    // month, a misspelt kind.
    let text = std::fs::read_to_string(&file)
        .unwrap()
        .replacen("    time: 1 jam\n", "    time: 1 jem\n", 1)
        .replacen("created: 2022-11-15", "created: 16 Julli 2022", 1);
    std::fs::write(&file, &text).unwrap();
    // Levels from the rules and an override matching this file only;
    // English from the configuration.
    let config = "rules:\n  invalid-date: warning\noverrides:\n  - files: [\"verifikasi-*.yaml\"]\n    rules: { unknown-step: warning }\nlang: en\n";
    std::fs::write(dir.path().join("sopmap.yaml"), config).unwrap();
    let open = |c: &mut Client| {
        c.notify(
            "textDocument/didOpen",
            json!({ "textDocument": { "uri": uri(&file), "languageId": "yaml", "version": 1, "text": text } }),
        );
        c.diagnostics(&file, |d| d.len() >= 3)
    };

    // 1. `lang: en` of sopmap.yaml, as `check` in that folder.
    let expected = check_json(dir.path(), name, &[], None, "help:");
    assert_eq!(expected.len(), 3, "{expected:#?}");
    assert!(expected.iter().any(|d| d["code"] == "SOP101" && d["severity"] == 2), "{expected:#?}");
    assert!(expected.iter().any(|d| d["code"] == "SOP007" && d["severity"] == 2), "{expected:#?}");
    assert!(expected[0]["message"].as_str().unwrap().contains("help: write"), "{expected:#?}");
    let mut c = Client::start(dir.path());
    assert_eq!(comparable(&open(&mut c)), expected);
    // The quick fix of the misspelt unit, titled in English.
    let line = text.lines().position(|l| l == "    time: 1 jem").unwrap() as u32;
    let actions = c.request(
        "textDocument/codeAction",
        json!({
            "textDocument": { "uri": uri(&file) },
            "range": { "start": pos(line, 12), "end": pos(line, 12) },
            "context": { "diagnostics": [], "only": ["quickfix"] },
        }),
    );
    assert_eq!(actions[0]["title"], "write `1 jam` (invalid-duration)", "{actions:#}");
    let edits = actions[0]["edit"]["changes"][uri(&file)].as_array().unwrap();
    assert!(apply(&text, edits).contains("    time: 1 jam\n"));
    let all = c.request(
        "textDocument/codeAction",
        json!({
            "textDocument": { "uri": uri(&file) },
            "range": { "start": pos(0, 0), "end": pos(0, 0) },
            "context": { "diagnostics": [], "only": ["source.fixAll"] },
        }),
    );
    assert_eq!(all[0]["title"], "Fix all safe sopmap fixes in this file (3)", "{all:#}");

    // 2. sopmap.yaml changes on disk and is saved: no unknown-step any
    // more, Indonesian; the open file is published again.
    let config = config
        .replace("lang: en", "lang: id")
        .replace("unknown-step: warning", "unknown-step: off");
    std::fs::write(dir.path().join("sopmap.yaml"), &config).unwrap();
    c.notify(
        "textDocument/didSave",
        json!({ "textDocument": { "uri": uri(&dir.path().join("sopmap.yaml")) } }),
    );
    let expected = check_json(dir.path(), name, &[], None, "saran:");
    assert_eq!(expected.len(), 2, "{expected:#?}");
    assert!(expected[0]["message"].as_str().unwrap().contains("saran: tulis"), "{expected:#?}");
    let got = c.diagnostics(&file, |d| d.len() == 2);
    assert_eq!(comparable(&got), expected);

    // 2b. Changed on disk, as a file watcher reports it: English again.
    std::fs::write(dir.path().join("sopmap.yaml"), config.replace("lang: id", "lang: en")).unwrap();
    c.notify(
        "workspace/didChangeWatchedFiles",
        json!({ "changes": [{ "uri": uri(&dir.path().join("sopmap.yaml")), "type": 2 }] }),
    );
    let expected = check_json(dir.path(), name, &[], None, "help:");
    let got = c.diagnostics(&file, |d| {
        d.len() == 2 && d[0]["message"].as_str().unwrap().contains("\nhelp: ")
    });
    assert_eq!(comparable(&got), expected);
    c.shutdown();
    std::fs::write(dir.path().join("sopmap.yaml"), &config).unwrap();

    // 3. The client's `lang` wins over the configuration, as `--lang` does.
    let mut c =
        Client::start_with(dir.path(), None, json!({ "initializationOptions": { "lang": "en" } }));
    let expected = check_json(dir.path(), name, &["--lang", "en"], None, "help:");
    assert_eq!(comparable(&c.diagnostics_after_open(&file, &text, 2)), expected);
    // Hover speaks it too.
    let (_, st) = lines(&text);
    let hover = c.request(
        "textDocument/hover",
        json!({ "textDocument": { "uri": uri(&file) }, "position": pos(st, 10) }),
    );
    let value = hover["contents"]["value"].as_str().unwrap();
    assert!(value.contains("| Actors | Time | Output |"), "{value}");
    c.shutdown();

    // 4. SOPMAP_LANG wins over the configuration too.
    let mut c = Client::start_with(dir.path(), Some("en"), json!({}));
    let expected = check_json(dir.path(), name, &[], Some("en"), "help:");
    assert!(expected[0]["message"].as_str().unwrap().contains("help: "), "{expected:#?}");
    assert_eq!(comparable(&c.diagnostics_after_open(&file, &text, 2)), expected);
    c.shutdown();
}

impl Client {
    /// Opens `file` with `text` and waits for `n` diagnostics.
    fn diagnostics_after_open(&mut self, file: &Path, text: &str, n: usize) -> Vec<Value> {
        self.notify(
            "textDocument/didOpen",
            json!({ "textDocument": { "uri": uri(file), "languageId": "yaml", "version": 1, "text": text } }),
        );
        self.diagnostics(file, |d| d.len() == n)
    }
}

/// A SOP of `steps` steps in one chain: slow to check in a debug build.
fn long_sop(id: &str, steps: usize) -> String {
    let mut s = format!(
        "schema: sop-ap/1\nid: {id}\nlevel: mikro\ntype: administratif\nactors:\n  - id: a\n    name: A\nsteps:\n"
    );
    for i in 0..steps {
        let kind = match i {
            0 => "start",
            _ if i + 1 == steps => "end",
            _ => "process",
        };
        let next = if i + 1 == steps { String::new() } else { format!(", next: s{}", i + 1) };
        s.push_str(&format!(
            "  - {{id: s{i}, kind: {kind}, actor: a, activity: Langkah {i}, time: 5 menit{next}}}\n"
        ));
    }
    s
}

#[test]
fn a_slow_document_blocks_no_other_and_only_its_newest_text_is_published() {
    let (dir, file) = workspace();
    let text = std::fs::read_to_string(&file).unwrap();
    let (n, st) = lines(&text);
    // A budget of 300 ms for the test; an unsaved buffer of 3000 steps,
    // seconds to check unoptimised.
    let mut c = Client::start_with(
        dir.path(),
        None,
        json!({ "initializationOptions": { "checkBudgetMs": 300 } }),
    );
    c.diagnostics_after_open(&file, &text, 1);
    let big = dir.path().join("besar.yaml");
    let big_text = long_sop("besar", 3000);
    let started = Instant::now();
    c.notify(
        "textDocument/didOpen",
        json!({ "textDocument": { "uri": uri(&big), "languageId": "yaml", "version": 1, "text": big_text } }),
    );
    // Two more versions while the first is being checked: the second is
    // superseded before it starts, the first when it ends.
    for version in [2, 3] {
        let edited =
            big_text.replacen("activity: Langkah 1,", &format!("activity: Versi {version},"), 1);
        c.notify(
            "textDocument/didChange",
            json!({ "textDocument": { "uri": uri(&big), "version": version }, "contentChanges": [{ "text": edited }] }),
        );
    }
    // Meanwhile the other document is fixed and asked about: its check
    // and its answer do not wait for the slow one.
    let fixed = text.replacen("next: cocokan_data", "next: cocokkan_data", 1);
    c.notify(
        "textDocument/didChange",
        json!({ "textDocument": { "uri": uri(&file), "version": 2 }, "contentChanges": [{ "text": fixed }] }),
    );
    let asked = Instant::now();
    let refs = c.request(
        "textDocument/references",
        json!({
            "textDocument": { "uri": uri(&file) },
            "position": pos(st, 10),
            "context": { "includeDeclaration": true },
        }),
    );
    let answered = asked.elapsed();
    // The answer is about the new text: the fixed `next` refers to the step.
    assert_eq!(refs[0]["range"]["start"]["line"], n, "{refs}");
    c.diagnostics(&file, <[Value]>::is_empty);
    let small_at = started.elapsed();
    // A request about the slow document waits for its budget, then says
    // the content is still changing rather than answer from an old text.
    let hover = c.request(
        "textDocument/hover",
        json!({ "textDocument": { "uri": uri(&big) }, "position": pos(9, 10) }),
    );
    assert_eq!(hover["error"], "the document is still being checked", "{hover}");
    // Its findings come once it is checked: of version 3 only.
    c.diagnostics(&big, |_| true);
    let big_at = started.elapsed();
    let versions: Vec<&Value> = c
        .notes
        .iter()
        .filter(|m| {
            m.method == "textDocument/publishDiagnostics" && m.params["uri"] == uri(&big).as_str()
        })
        .map(|m| &m.params["version"])
        .collect();
    assert!(versions.iter().all(|v| **v == json!(3)), "{versions:?}");
    // The slow check was reported to the user.
    assert!(
        c.notes.iter().any(|m| m.method == "window/showMessage"
            && m.params["message"].as_str().unwrap().contains("besar.yaml")),
        "{:?}",
        c.notes
    );
    assert!(small_at < big_at, "{small_at:?} {big_at:?}");
    eprintln!(
        "slow document: a request about another answered in {answered:?}, its findings at \
         {small_at:?}; the slow one's findings at {big_at:?}"
    );
    // Once checked, the slow document answers, from its newest text.
    let hover = c.request(
        "textDocument/hover",
        json!({ "textDocument": { "uri": uri(&big) }, "position": pos(9, 10) }),
    );
    let value = hover["contents"]["value"].as_str().unwrap_or_default();
    assert!(value.contains("Versi 3"), "{hover}");
    c.shutdown();
}

#[test]
fn renaming_a_sop_id_renames_its_file_and_every_link() {
    let dir = tempfile::tempdir().unwrap();
    for entry in std::fs::read_dir(repo("sops")).unwrap() {
        let p = entry.unwrap().path();
        std::fs::copy(&p, dir.path().join(p.file_name().unwrap())).unwrap();
    }
    let makro = dir.path().join("pengaduan-pmi-makro.yaml");
    let mikro = dir.path().join("verifikasi-berkas-pengaduan-mikro.yaml");
    let text = std::fs::read_to_string(&makro).unwrap();
    let mut c = Client::start_with(
        dir.path(),
        None,
        json!({ "capabilities": { "workspace": { "workspaceEdit": {
            "documentChanges": true, "resourceOperations": ["create", "rename", "delete"],
        } } } }),
    );
    c.notify(
        "textDocument/didOpen",
        json!({ "textDocument": { "uri": uri(&makro), "languageId": "yaml", "version": 7, "text": text } }),
    );
    let line = 122;
    let col = text.lines().nth(122).unwrap().find("verifikasi").unwrap() as u32;
    let rename = c.request(
        "textDocument/rename",
        json!({ "textDocument": { "uri": uri(&makro) }, "position": pos(line, col + 3), "newName": "verifikasi-berkas" }),
    );
    let ops = rename["documentChanges"].as_array().unwrap().clone();
    assert_eq!(ops.len(), 3, "{rename:#}");
    // The text edits first (the open buffer with its version), then the
    // file's rename.
    let renamed = dir.path().join("verifikasi-berkas.yaml");
    assert_eq!(ops[2], json!({ "kind": "rename", "oldUri": uri(&mikro), "newUri": uri(&renamed) }));
    for op in &ops[..2] {
        let path = PathBuf::from(
            op["textDocument"]["uri"].as_str().unwrap().strip_prefix("file://").unwrap(),
        );
        let expected_version = if path == makro { json!(7) } else { Value::Null };
        assert_eq!(op["textDocument"]["version"], expected_version);
        let old = std::fs::read_to_string(&path).unwrap();
        std::fs::write(&path, apply(&old, op["edits"].as_array().unwrap())).unwrap();
    }
    std::fs::rename(&mikro, &renamed).unwrap();
    // The workspace after the edit is as clean as before: every link and
    // the file name follow the new id.
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_sopmap"))
        .arg("check")
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stdout));
    assert!(std::fs::read_to_string(&renamed).unwrap().contains("\nid: verifikasi-berkas\n"));
    c.shutdown();
}

#[test]
fn every_kind_of_safe_fix_is_a_code_action_and_fix_all_equals_check_fix() {
    let (dir, file) = workspace();
    // One finding of each kind with a safe fix, besides the misspelt
    // `next`: a misspelt unit, month, `kind` value and key; a dead end (the
    // `Tidak` branch's step loses its `next`); an actor nobody declared.
    let text = std::fs::read_to_string(&file)
        .unwrap()
        .replacen("    time: 1 jam\n", "    time: 1 jem\n", 1)
        .replacen("created: 2022-11-15", "created: 16 Julli 2022", 1)
        .replacen("  - id: cocokkan_data\n    kind: process\n", "  - id: cocokkan_data\n    kind: proces\n", 1)
        .replacen(
            "    actor: verifikator\n    activity: Menandai pengaduan",
            "    actor: bendahara\n    activity: Menandai pengaduan",
            1,
        )
        .replacen("    output: Catatan status nonprosedural\n", "    outptu: Catatan status nonprosedural\n", 1)
        .replacen(
            "    notes: Indikasi tindak pidana perdagangan orang dilaporkan kepada Kepala Seksi\n    next: periksa_dokumen\n",
            "    notes: Indikasi tindak pidana perdagangan orang dilaporkan kepada Kepala Seksi\n",
            1,
        );
    std::fs::write(&file, &text).unwrap();
    let mut c = Client::start(dir.path());
    let found = c.diagnostics_after_open(&file, &text, 7);
    let mut codes: Vec<&str> = found.iter().map(|d| d["code"].as_str().unwrap()).collect();
    codes.sort_unstable();
    // unknown-step, unknown-actor, unknown-key, invalid-value,
    // invalid-duration, invalid-date, dead-end.
    assert_eq!(
        codes,
        ["SOP002", "SOP005", "SOP006", "SOP007", "SOP101", "SOP102", "SOP205"],
        "{found:#?}"
    );
    let mut titles = Vec::new();
    for d in &found {
        let actions = c.request(
            "textDocument/codeAction",
            json!({
                "textDocument": { "uri": uri(&file) },
                "range": d["range"],
                "context": { "diagnostics": [d], "only": ["quickfix"] },
            }),
        );
        let mine: Vec<&Value> = actions
            .as_array()
            .unwrap()
            .iter()
            .filter(|a| a["diagnostics"][0]["code"] == d["code"])
            .collect();
        assert_eq!(mine.len(), 1, "{}: {actions:#}", d["code"]);
        titles.push(mine[0]["title"].as_str().unwrap().to_string());
    }
    titles.sort();
    assert_eq!(
        titles,
        [
            "cantumkan pelaksana `bendahara` di bawah `actors:` (unknown-actor)",
            "ganti `cocokan_data` dengan `cocokkan_data` (unknown-step)",
            "ganti `outptu` dengan `output` (unknown-key)",
            "ganti `proces` dengan `process` (invalid-value)",
            "jadikan langkah ini `kind: end` (dead-end)",
            "tulis `1 jam` (invalid-duration)",
            "tulis tanggal sebagai `16 Juli 2022` (invalid-date)",
        ]
    );
    let all = c.request(
        "textDocument/codeAction",
        json!({
            "textDocument": { "uri": uri(&file) },
            "range": { "start": pos(0, 0), "end": pos(0, 0) },
            "context": { "diagnostics": [], "only": ["source.fixAll.sopmap"] },
        }),
    );
    assert_eq!(all[0]["title"], "Terapkan semua perbaikan aman sopmap di berkas ini (7)");
    let fixed = apply(&text, all[0]["edit"]["changes"][uri(&file)].as_array().unwrap());
    c.notify(
        "textDocument/didChange",
        json!({ "textDocument": { "uri": uri(&file), "version": 2 }, "contentChanges": [{ "text": fixed }] }),
    );
    c.diagnostics(&file, <[Value]>::is_empty);
    c.shutdown();
    // `check --fix` writes the same text, and the folder is clean.
    assert_eq!(check_fix(&file), fixed);
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_sopmap"))
        .arg("check")
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stdout));
}
