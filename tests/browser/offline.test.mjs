// Offline after the first visit (sw.js, written by scripts/link-app.sh; the
// page side is start.js's keepOffline): the app's files are kept on the
// first visit, so with the server gone a reload opens and computes, and a
// view never opened before still arrives; a new build is picked up on the
// next visit and the page says so. Opened from disk (file://), the page says
// plainly how to open it; the single-file build (scripts/build-single-file.sh,
// run by scripts/test.sh) opens from disk and computes, under its own strict
// policy.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { execFileSync } from 'node:child_process';
import { startServer, launchBrowser } from './serve-dist.mjs';
import { DIST, REPO_ROOT, MONTH_VIEW, LOAD_TIMEOUT, STEP_TIMEOUT, TEST_TIMEOUT } from './helpers.mjs';

const FIRST_ROW = '[data-testid="scorecard"] tbody tr';

/** The month computed; an edit to CSP North PM2 recomputed; the CPM trends drawn. */
async function computesAndDraws(page) {
  await page.locator(FIRST_ROW).first().waitFor({ timeout: LOAD_TIMEOUT });
  assert.match(await page.locator('#month-title').innerText(), /^March 2021: 1 of 8 CPMs below target/);
  const pm2 = '[data-testid="measures-table"] tr[data-measure="PM2"][data-provider="CSPN"]';
  await page.click('[data-testid="view-levels"]');
  await page.locator(`${pm2} [data-testid="edit"]`).click();
  await page.fill('[data-testid="edit-input"]', '99.5');
  await page.press('[data-testid="edit-input"]', 'Enter');
  await page.waitForFunction((sel) => document.querySelector(sel)?.textContent.includes('99.50%'), pm2, { timeout: STEP_TIMEOUT });
  await page.click('[data-testid="view-trends"]');
  await page.locator('[data-testid="trends-view"] img').first().waitFor({ timeout: STEP_TIMEOUT });
}

describe('offline after the first visit', { timeout: 3 * TEST_TIMEOUT }, () => {
  it('keeps the app, opens and computes with the server gone, and picks up a new version', { timeout: 2 * TEST_TIMEOUT }, async () => {
    // Its own server and browser: service workers allowed, no request routing
    // (the browser's host rules still keep every request on 127.0.0.1).
    let server = await startServer(DIST);
    const { port } = server;
    const b = await launchBrowser({ intercept: false });
    const context = await b.browser.newContext({ serviceWorkers: 'allow', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    const newer = fs.mkdtempSync(path.join(os.tmpdir(), 'dcc-perf-newer-'));
    try {
      await page.goto(server.url, { waitUntil: 'load', timeout: LOAD_TIMEOUT });
      await page.locator(FIRST_ROW).first().waitFor({ timeout: LOAD_TIMEOUT });
      // Every file of the build kept (from the first touch of the page),
      // then the page says so.
      await page.keyboard.press('Shift');
      const status = page.locator('[data-testid="app-status"]');
      await page.locator('[data-testid="app-status"][data-offline="ready"]').waitFor({ timeout: LOAD_TIMEOUT });
      assert.match(await status.innerText(), /Kept in this browser for offline use/);
      const kept = await page.evaluate(async () => {
        const names = await caches.keys();
        const cache = await caches.open(names[0]);
        return { names, files: (await cache.keys()).map((r) => new URL(r.url).pathname) };
      });
      assert.equal(kept.names.length, 1, kept.names.join(', '));
      const built = fs.readdirSync(DIST, { recursive: true }).filter((f) => fs.statSync(path.join(DIST, f)).isFile() && f !== 'sw.js');
      assert.equal(kept.files.filter((f) => f !== '/').length, built.length, 'every file of the build kept');

      // The server gone: a reload opens the app, which computes.
      await server.close();
      await page.reload({ waitUntil: 'load', timeout: LOAD_TIMEOUT });
      // It computes; an edit recomputes, and a view never opened (its own
      // part) arrives.
      await computesAndDraws(page);
      await page.click('[data-testid="view-month"]');
      await page.locator(MONTH_VIEW).waitFor({ timeout: STEP_TIMEOUT });

      // A new build on the same address: found on the next visit, said so,
      // and taken up when asked.
      // As a build with other code would be: its parts in a directory of
      // another name (their hash), which the page and start.js name.
      fs.cpSync(DIST, newer, { recursive: true });
      const parts = fs.readdirSync(path.join(newer, 'app-split')).find((n) => n.startsWith('app-'));
      const later = `${parts}-later`;
      fs.renameSync(path.join(newer, 'app-split', parts), path.join(newer, 'app-split', later));
      for (const f of [path.join(newer, 'index.html'), path.join(newer, 'app-split', 'start.js')]) {
        fs.writeFileSync(f, fs.readFileSync(f, 'utf8').replaceAll(parts, later));
      }
      fs.appendFileSync(path.join(newer, 'app-split', later, 'views.css'), '\n/* a later build */\n');
      execFileSync('bash', [path.join(REPO_ROOT, 'scripts', 'write-sw.sh'), newer]);
      server = await startServer(newer, { port });
      await page.reload({ waitUntil: 'load', timeout: LOAD_TIMEOUT });
      await page.locator('[data-testid="use-new-version"]').waitFor({ timeout: LOAD_TIMEOUT });
      assert.match(await status.innerText(), /A new version of the calculator has been downloaded: it opens on your next visit/);
      await Promise.all([
        page.waitForEvent('load', { timeout: LOAD_TIMEOUT }),
        page.click('[data-testid="use-new-version"]'),
      ]);
      await page.locator(FIRST_ROW).first().waitFor({ timeout: LOAD_TIMEOUT });
      // The page now runs the new build's parts, a view's included.
      await page.click('[data-testid="view-opr"]');
      await page.locator('[data-testid="opr-view"], [data-testid="view-failed"]').first().waitFor({ timeout: STEP_TIMEOUT });
      const loaded = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
      assert.ok(loaded.some((u) => u.includes(`/${later}/`)), `the new build's parts are used:\n${loaded.join('\n')}`);
      assert.ok(!loaded.some((u) => u.includes(`/${parts}/`)), 'nothing of the build before is fetched');
      assert.equal(await page.locator('[data-testid="view-failed"]').count(), 0, "the new build's view arrived");
      // The new version's files kept, and the one before's (for a tab still
      // running it).
      await page.waitForFunction(async () => (await caches.keys()).length === 2, null, { timeout: STEP_TIMEOUT });
      const now = await page.evaluate(() => caches.keys());
      assert.equal(now[0], kept.names[0], 'the version before is kept');
      assert.notEqual(now[1], kept.names[0], 'the new version is another');
      assert.deepEqual(errors, []);
    } finally {
      await context.close().catch(() => {});
      await b.close().catch(() => {});
      await server.close().catch(() => {});
      fs.rmSync(newer, { recursive: true, force: true });
    }
  });

  it('the single-file build opens from disk and computes', { timeout: TEST_TIMEOUT }, async () => {
    const file = path.join(process.env.CARGO_TARGET_DIR || path.join(REPO_ROOT, 'target'), 'single-file', 'dcc-perf.html');
    assert.ok(fs.existsSync(file), `${file} is missing: run bash scripts/build-single-file.sh (scripts/test.sh does)`);
    const b = await launchBrowser({ intercept: false });
    const page = await b.browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    try {
      await page.addInitScript(() => {
        window.__violations = [];
        document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
      });
      await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
      // Every view is in the file: an edit recomputes, the trends draw.
      await computesAndDraws(page);
      // Styled from the file's own styles: a chart's frame (charts.css).
      assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector('.chart')).borderTopLeftRadius), '10px');
      // Under its own policy: only its script and styles, by hash; no network.
      const policy = await page.evaluate(() => document.querySelector('meta[http-equiv="Content-Security-Policy"]').content);
      assert.match(policy, /^default-src 'none'; script-src 'sha256-[A-Za-z0-9+/=]+' 'wasm-unsafe-eval'; style-src 'sha256-[A-Za-z0-9+/=]+';/);
      assert.match(policy, /connect-src 'none'/);
      assert.deepEqual(await page.evaluate(() => window.__violations), []);
      assert.deepEqual(errors, []);
    } finally {
      await page.close().catch(() => {});
      await b.close().catch(() => {});
    }
  });

  it('opened from disk, says how to open it', { timeout: TEST_TIMEOUT }, async () => {
    const b = await launchBrowser({ intercept: false });
    const page = await b.browser.newPage();
    try {
      await page.goto(pathToFileURL(path.join(DIST, 'index.html')).href, { waitUntil: 'load' });
      const help = page.locator('#boot-help');
      // Shown after a moment, once it is clear the app has not started.
      await page.waitForFunction(() => getComputedStyle(document.getElementById('boot-help')).visibility === 'visible', null, { timeout: LOAD_TIMEOUT });
      const text = await help.innerText();
      assert.match(text, /The calculator has not started yet\. If this page was opened from disk/);
      assert.match(text, /file:\/\//);
      assert.match(text, /bash scripts\/serve\.sh/);
      assert.match(text, /scripts\/build-single-file\.sh/);
    } finally {
      await page.close().catch(() => {});
      await b.close().catch(() => {});
    }
  });
});
