// Loads the VS Code extension (editors/vscode) in Node the way VS Code
// does (`main` of its package.json, then `activate(context)`), with
// stand-ins for the two modules only VS Code provides (`vscode`, and
// `vscode-languageclient/node`, which needs it), and prints as JSON what
// the extension asked the language client for: the server command and
// arguments, the documents, the watched files and the initialization
// options; then `deactivate()`. The Rust test checks these, and starts
// the server with them through vscode-jsonrpc.
// usage: node vscode_extension.js EXTENSION_DIR SETTINGS_JSON
'use strict';
const Module = require('module');
const fs = require('fs');
const path = require('path');

const [dir, settingsJson] = process.argv.slice(2);
const settings = JSON.parse(settingsJson || '{}');
const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
const seen = { started: false, stopped: false };
const stubs = {
  vscode: {
    workspace: {
      getConfiguration: (section) => ({ get: (key) => settings[`${section}.${key}`] }),
      createFileSystemWatcher: (glob) => ({ glob }),
    },
  },
  'vscode-languageclient/node': {
    TransportKind: { stdio: 'stdio' },
    LanguageClient: class {
      constructor(id, name, serverOptions, clientOptions) {
        Object.assign(seen, { id, name, serverOptions, clientOptions });
      }
      start() { seen.started = true; return Promise.resolve(); }
      stop() { seen.stopped = true; return Promise.resolve(); }
    },
  },
};
const load = Module._load;
Module._load = function (request, parent, isMain) {
  if (Object.prototype.hasOwnProperty.call(stubs, request)) return stubs[request];
  return load.call(this, request, parent, isMain);
};

async function main() {
  const ext = require(path.resolve(dir, pkg.main));
  const context = { subscriptions: [] };
  await ext.activate(context);
  await ext.deactivate();
  const properties = Object.keys(pkg.contributes.configuration.properties);
  process.stdout.write(JSON.stringify({
    activationEvents: pkg.activationEvents,
    properties,
    dependencies: Object.keys(pkg.dependencies || {}),
    subscriptions: context.subscriptions.length,
    seen,
  }));
}

main().catch((e) => { console.error(e); process.exit(1); });
