// Starts `sopmap lsp` for the YAML files of the workspace. Findings,
// definitions, rename, completion, hover and quick fixes all come from
// the server; this file only launches it.
'use strict';
const vscode = require('vscode');
const { LanguageClient, TransportKind } = require('vscode-languageclient/node');

let client;

function activate(context) {
  const settings = vscode.workspace.getConfiguration('sopmap');
  const command = settings.get('path') || 'sopmap';
  const lang = settings.get('lang');
  const server = { command, args: ['lsp'], transport: TransportKind.stdio };
  client = new LanguageClient(
    'sopmap',
    'sopmap',
    { run: server, debug: server },
    {
      documentSelector: [{ scheme: 'file', language: 'yaml' }],
      // YAML files, sopmap.yaml among them: a changed configuration is
      // read again.
      synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher('**/*.{yaml,yml}') },
      initializationOptions: lang ? { lang } : {},
    },
  );
  context.subscriptions.push(client);
  return client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
