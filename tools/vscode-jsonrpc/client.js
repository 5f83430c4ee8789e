// Drives `sopmap lsp` over stdio with vscode-jsonrpc (the protocol layer
// of VS Code's language client): initialize, open a SOP with a misspelt
// `next`, wait for its diagnostics, ask for the code actions, apply the
// quick fix as an incremental change, wait for the diagnostics to clear,
// go to the definition of the fixed value, shut down. Prints what it saw
// as JSON for the Rust test to judge.
// usage: node client.js SOPMAP_BIN ROOT_DIR FILE [LANG]
// (LANG is sent as the `lang` initialization option, as the VS Code
// extension sends its `sopmap.lang` setting)
'use strict';
const { spawn } = require('child_process');
const fs = require('fs');
const path = require('path');
const rpc = require('vscode-jsonrpc/node');

const [bin, root, file, lang] = process.argv.slice(2);
const uri = (p) => 'file://' + path.resolve(p).split(path.sep).map(encodeURIComponent).join('/');

async function main() {
  const server = spawn(bin, ['lsp'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const conn = rpc.createMessageConnection(
    new rpc.StreamMessageReader(server.stdout),
    new rpc.StreamMessageWriter(server.stdin),
  );
  const published = [];
  const waiters = [];
  conn.onNotification('textDocument/publishDiagnostics', (params) => {
    published.push(params);
    for (const w of waiters.splice(0)) w();
  });
  conn.listen();
  const diagnostics = async (pred) => {
    const deadline = Date.now() + 20000;
    for (;;) {
      const mine = published.filter((p) => p.uri === uri(file));
      const last = mine[mine.length - 1];
      if (last && pred(last.diagnostics)) return last.diagnostics;
      if (Date.now() > deadline) throw new Error('no matching diagnostics');
      await new Promise((resolve) => { waiters.push(resolve); setTimeout(resolve, 200); });
    }
  };

  const init = await conn.sendRequest('initialize', {
    processId: process.pid,
    rootUri: uri(root),
    workspaceFolders: [{ uri: uri(root), name: 'sops' }],
    capabilities: { general: { positionEncodings: ['utf-16'] } },
    initializationOptions: lang ? { lang } : undefined,
  });
  if (init.serverInfo.name !== 'sopmap') throw new Error('unexpected server ' + JSON.stringify(init));
  conn.sendNotification('initialized', {});
  const text = fs.readFileSync(file, 'utf8');
  conn.sendNotification('textDocument/didOpen', {
    textDocument: { uri: uri(file), languageId: 'yaml', version: 1, text },
  });
  const found = await diagnostics((d) => d.length > 0);
  const actions = await conn.sendRequest('textDocument/codeAction', {
    textDocument: { uri: uri(file) },
    range: found[0].range,
    context: { diagnostics: found, only: ['quickfix'] },
  });
  const edit = actions[0].edit.changes[uri(file)][0];
  conn.sendNotification('textDocument/didChange', {
    textDocument: { uri: uri(file), version: 2 },
    contentChanges: [{ range: edit.range, text: edit.newText }],
  });
  const after = await diagnostics((d) => d.length === 0);
  const definition = await conn.sendRequest('textDocument/definition', {
    textDocument: { uri: uri(file) },
    position: { line: edit.range.start.line, character: edit.range.start.character + 2 },
  });
  const shutdown = await conn.sendRequest('shutdown');
  conn.sendNotification('exit');
  await new Promise((resolve) => server.on('exit', resolve));
  process.stdout.write(JSON.stringify({
    diagnostics: found, action: actions[0].title, after, definition, shutdown,
    exitCode: server.exitCode,
  }));
}

main().catch((e) => { console.error(e); process.exit(1); });
