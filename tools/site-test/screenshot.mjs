// Pictures pages of a site written by `sopmap site` in headless Chromium,
// for a person to look at: node screenshot.mjs SITE_DIR OUT_DIR PAGE…
// writes OUT_DIR/<page>-phone.png (390 px wide) and -desktop.png (1280 px).
import { mkdtempSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { pathToFileURL } from 'node:url';
import puppeteer from 'puppeteer-core';

const [site, out, ...pages] = process.argv.slice(2);
const profile = mkdtempSync(join(tmpdir(), 'sopmap-shot-'));
const browser = await puppeteer.launch({
  executablePath: process.env.SOPMAP_CHROMIUM || '/usr/bin/chromium',
  headless: true,
  userDataDir: profile,
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  for (const p of pages) {
    for (const [name, width, height] of [['phone', 390, 844], ['desktop', 1280, 900]]) {
      const page = await browser.newPage();
      await page.setViewport({ width, height, deviceScaleFactor: 1 });
      const [file, fragment] = p.split('#');
      await page.goto(pathToFileURL(join(resolve(site), file)).href + (fragment ? `#${fragment}` : ''), { waitUntil: 'load' });
      const shot = join(out, `${p.replace(/[/.#]/g, '_')}-${name}.png`);
      await page.screenshot({ path: shot, fullPage: false });
      await page.close();
      console.log(shot);
    }
  }
} finally {
  await browser.close();
  rmSync(profile, { recursive: true, force: true });
}
