// Parses each Mermaid file named on the command line with the real Mermaid
// parser (mermaid.parse) under a jsdom window, so tests can check that
// sopmap's Mermaid output is accepted. Prints `ok <file>` or
// `error <file>: <message>` per file; exits 1 when any file fails.
import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';

const dom = new JSDOM('<!DOCTYPE html><html><body></body></html>');
globalThis.window = dom.window;
globalThis.document = dom.window.document;
for (const key of ['navigator', 'Element', 'HTMLElement', 'Node', 'DOMParser', 'SVGElement']) {
  if (!(key in globalThis)) {
    Object.defineProperty(globalThis, key, { value: dom.window[key], configurable: true });
  }
}

const { default: mermaid } = await import('mermaid');
mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' });

let failed = 0;
for (const file of process.argv.slice(2)) {
  const text = readFileSync(file, 'utf8');
  try {
    await mermaid.parse(text);
    console.log(`ok ${file}`);
  } catch (e) {
    failed++;
    console.log(`error ${file}: ${String(e && e.message ? e.message : e).split('\n').join(' ')}`);
  }
}
process.exit(failed ? 1 : 0);
