// Drives a site written by `sopmap site` in headless Chromium, as a reader
// would, and checks it (used by tests/integration/site.rs; run by hand on a
// large corpus with the same arguments):
//
//   node check.mjs SITE_DIR PLAN.json
//
// PLAN.json: {
//   "chromium": "/usr/bin/chromium",
//   "sops": 64,                                  // rows the index must list
//   "queries": [{"q": "step wording", "expect": "sop/x.html"}],
//   "walk": {"makro": "sop/m.html", "mikro": "sop/c.html"},
//   "axe": ["index.html", "sop/x.html", "actors.html"],
//   "validate": "all" | "sample"                 // html-validate every page, or a sample
// }
//
// Checks: the index lists every SOP; typing each query into the search box
// shows exactly the rows whose text holds every query word, the expected
// SOP among them; index → makro → mikro → back → back works by clicking;
// every href/src of every page resolves to a file (and fragment) inside the
// site; no console error or page error; no request leaves the site folder
// (every request is intercepted); axe-core finds no serious or critical
// violation on the pages named; html-validate passes. Prints a JSON summary
// and exits 1 listing every failure.

import { readFileSync, readdirSync, statSync, mkdtempSync, rmSync, existsSync } from 'node:fs';
import { join, resolve, dirname, relative, sep } from 'node:path';
import { tmpdir } from 'node:os';
import { pathToFileURL, fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import puppeteer from 'puppeteer-core';
import { HtmlValidate, FileSystemConfigLoader } from 'html-validate';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

const [siteArg, planArg] = process.argv.slice(2);
if (!siteArg || !planArg) {
  console.error('usage: node check.mjs SITE_DIR PLAN.json');
  process.exit(2);
}
const site = resolve(siteArg);
const plan = JSON.parse(readFileSync(planArg, 'utf8'));
const failures = [];
const fail = (msg) => failures.push(msg);
const step = (msg) => console.error(`[${new Date().toISOString().slice(11, 19)}] ${msg}`);
const summary = {};

function walk(dir) {
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...walk(p));
    else out.push(p);
  }
  return out;
}
const files = walk(site);
const pages = files.filter((f) => f.endsWith('.html'));
const rel = (f) => relative(site, f).split(sep).join('/');
const url = (r) => pathToFileURL(join(site, r)).href;

// ---- every internal link resolves (read from the files, every page) ----
const decode = (s) =>
  s.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
const idsOf = new Map();
const ids = (file) => {
  if (!idsOf.has(file)) {
    const text = readFileSync(file, 'utf8');
    idsOf.set(file, new Set([...text.matchAll(/\sid="([^"]*)"/g)].map((m) => decode(m[1]))));
  }
  return idsOf.get(file);
};
let links = 0;
for (const page of pages) {
  const text = readFileSync(page, 'utf8');
  for (const m of text.matchAll(/\s(?:href|src)="([^"]*)"/g)) {
    const link = decode(m[1]);
    links += 1;
    if (/^[a-z][a-z0-9+.-]*:/i.test(link)) {
      fail(`${rel(page)}: link leaves the site: ${link}`);
      continue;
    }
    const [path, fragment] = link.split('#');
    const target = path === '' ? page : resolve(dirname(page), decodeURIComponent(path));
    if (!target.startsWith(site + sep)) {
      fail(`${rel(page)}: link outside the site folder: ${link}`);
    } else if (!existsSync(target) || !statSync(target).isFile()) {
      fail(`${rel(page)}: broken link: ${link}`);
    } else if (fragment && target.endsWith('.html') && !ids(target).has(fragment)) {
      fail(`${rel(page)}: link to a missing anchor: ${link}`);
    }
  }
}
summary.pages = pages.length;
summary.links_checked = links;

step(`links checked: ${links}`);
// ---- html-validate ----
const validator = new HtmlValidate(
  new FileSystemConfigLoader({ extends: ['html-validate:recommended'], rules: JSON.parse(readFileSync(new URL('./rules.json', import.meta.url), 'utf8')) }),
);
const toValidate =
  plan.validate === 'sample'
    ? pages.filter((p, i) => !rel(p).startsWith('sop/') && !rel(p).startsWith('doc/') || i % 25 === 0)
    : pages;
for (const page of toValidate) {
  const report = await validator.validateFile(page);
  for (const r of report.results) {
    for (const m of r.messages.slice(0, 5)) {
      fail(`html-validate ${rel(page)}:${m.line}:${m.column}: ${m.ruleId}: ${m.message}`);
    }
  }
}
summary.validated = toValidate.length;
step(`html-validate: ${toValidate.length} pages`);

// ---- the browser ----
const profile = mkdtempSync(join(tmpdir(), 'sopmap-site-test-'));
const browser = await puppeteer.launch({
  executablePath: plan.chromium || '/usr/bin/chromium',
  headless: true,
  userDataDir: profile,
  // axe on a 750-SOP per-actor page (tens of thousands of nodes) takes
  // minutes on a loaded machine.
  protocolTimeout: 900000,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-default-apps',
    '--disable-extensions',
    '--allow-file-access-from-files',
  ],
});
const siteUrl = pathToFileURL(site).href + '/';
let requests = 0;
async function open(r) {
  const page = await browser.newPage();
  await page.setRequestInterception(true);
  page.on('request', (req) => {
    requests += 1;
    const u = req.url();
    if (u.startsWith(siteUrl) || u.startsWith('data:') || u === 'about:blank') {
      const path = u.startsWith(siteUrl) ? fileURLToPath(u.split('#')[0].split('?')[0]) : null;
      if (path && !existsSync(path)) fail(`request for a missing file: ${u}`);
      req.continue();
    } else {
      fail(`request leaves the site folder: ${u}`);
      req.abort();
    }
  });
  page.on('console', (m) => {
    if (m.type() === 'error') fail(`console error on ${page.url()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => fail(`page error on ${page.url()}: ${e.message}`));
  if (r) await page.goto(url(r), { waitUntil: 'load' });
  return page;
}

try {
  // The index lists every SOP.
  const index = await open('index.html');
  const rows = await index.$$eval('#sops tbody tr', (trs) => trs.length);
  summary.index_rows = rows;
  if (rows !== plan.sops) fail(`index lists ${rows} SOPs, expected ${plan.sops}`);
  const formShown = await index.$eval('#tools', (f) => !f.hidden);
  if (!formShown) fail('the search form stays hidden with JavaScript on');

  step(`index: ${rows} rows`);
  // Typing a query filters to the rows holding every word.
  summary.queries = [];
  for (const { q, expect } of plan.queries || []) {
    await index.click('#q', { clickCount: 3 });
    await index.keyboard.press('Backspace');
    await index.type('#q', q);
    const got = await index.$$eval('#sops tbody tr', (trs, q) => {
      const fold = (s) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
      const words = fold(q).split(' ').filter(Boolean);
      return trs.map((tr) => ({
        href: tr.querySelector('a').getAttribute('href'),
        shown: !tr.hidden && tr.offsetParent !== null,
        holds: words.every((w) => (tr.getAttribute('data-search') || '').includes(w)),
      }));
    }, q);
    const shown = got.filter((r) => r.shown).map((r) => r.href);
    summary.queries.push({ q, shown: shown.length });
    step(`query "${q}": ${shown.length} shown`);
    if (!shown.includes(expect)) fail(`query "${q}": ${expect} is not shown (shown: ${shown.slice(0, 5).join(', ')})`);
    for (const r of got) {
      if (r.shown !== r.holds) fail(`query "${q}": ${r.href} is ${r.shown ? 'shown but lacks' : 'hidden but holds'} the words`);
    }
    if (shown.length === rows && rows > 1) fail(`query "${q}" filtered nothing`);
  }
  await index.click('#q', { clickCount: 3 });
  await index.keyboard.press('Backspace');

  // Sorting by title puts the rows in order and marks the header.
  await index.click('#sops thead th:nth-child(2) button');
  const sorted = await index.$$eval('#sops thead th:nth-child(2)', (th) => th[0].getAttribute('aria-sort'));
  if (sorted !== 'ascending') fail(`sorting by title marks aria-sort=${sorted}`);

  // index → makro → mikro → back → back, by clicking.
  if (plan.walk) {
    const { makro, mikro } = plan.walk;
    await Promise.all([index.waitForNavigation(), index.click(`#sops a[href="${makro}"]`)]);
    if (index.url() !== url(makro)) fail(`clicking ${makro} on the index opened ${index.url()}`);
    const child = mikro.replace(/^sop\//, '');
    await Promise.all([index.waitForNavigation(), index.click(`ul.links a[href="${child}"]`)]);
    if (index.url() !== url(mikro)) fail(`clicking the mikro child opened ${index.url()}`);
    const parent = makro.replace(/^sop\//, '');
    if (!(await index.$(`ul.links a[href="${parent}"]`))) fail(`${mikro} does not link back to its makro ${makro}`);
    await index.goBack();
    if (index.url() !== url(makro)) fail(`back from the mikro page gave ${index.url()}`);
    await index.goBack();
    if (index.url() !== url('index.html')) fail(`back from the makro page gave ${index.url()}`);
    summary.walk = 'ok';
  }
  await index.close();

  // Every page loads in the browser without a console error (a sample on
  // large sites: every page once is what the link check above covers).
  const load = plan.validate === 'sample' ? pages.filter((p, i) => !rel(p).startsWith('sop/') || i % 25 === 0) : pages;
  const opened = load.filter((p) => !rel(p).startsWith('doc/') || plan.validate !== 'sample');
  for (const p of opened) {
    const page = await open(rel(p));
    await page.close();
  }
  summary.loaded = opened.length;
  step(`loaded ${opened.length} pages`);

  // axe-core.
  summary.axe = {};
  for (const r of plan.axe || []) {
    const page = await open(r);
    await page.evaluate(axeSource);
    const result = await page.evaluate(async () => {
      const res = await window.axe.run(document, { resultTypes: ['violations'] });
      return res.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length, help: v.help }));
    });
    summary.axe[r] = result.map((v) => `${v.id}(${v.impact})`);
    step(`axe ${r}: ${result.length} violations`);
    for (const v of result) {
      if (v.impact === 'serious' || v.impact === 'critical') {
        fail(`axe ${r}: ${v.impact} ${v.id}: ${v.help} (${v.nodes} nodes)`);
      }
    }
    await page.close();
  }
} finally {
  await browser.close();
  rmSync(profile, { recursive: true, force: true });
}
summary.requests = requests;
summary.failures = failures.length;
console.log(JSON.stringify(summary, null, 2));
if (failures.length) {
  for (const f of failures.slice(0, 200)) console.error(f);
  process.exit(1);
}
