// Share a scenario as a link: the work deflated into the URL's fragment
// (never sent to a server), opened in a fresh browser as a preview that
// replaces nothing until accepted; a damaged link changes nothing.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {
  useApp, withApp, harness, waitForText, assertClean, diagnostics, row, TABLE,
  SCREENSHOT_DIR, LOAD_TIMEOUT, STEP_TIMEOUT, TEST_TIMEOUT,
} from './helpers.mjs';

const PREVIEW = '[data-testid="import-preview"]';
const NOTICE = '[data-testid="notice"]';
const current = (page, measure, provider) => page.locator(`${row(measure, provider)} td[data-label="Current"]`);

/** The levels table, whichever view the app opened on. */
async function levels(page) {
  await page.waitForSelector(`${TABLE}, [data-testid="view-levels"]`, { timeout: LOAD_TIMEOUT });
  if (!(await page.$(TABLE))) await page.click('[data-testid="view-levels"]');
  await page.waitForSelector(TABLE, { timeout: STEP_TIMEOUT });
}

/** A fresh context (its own storage) on `url`; `body(s)` runs, then the page is checked clean and closed. */
async function fresh(url, body) {
  const s = await harness().browser.newPage({ viewport: { width: 1280, height: 900 } });
  try {
    await s.page.goto(url, { waitUntil: 'load', timeout: LOAD_TIMEOUT });
    try {
      await body(s);
    } catch (err) {
      const d = diagnostics(s);
      throw d ? new Error(`${err && err.message}${d}`, { cause: err }) : err;
    }
    assertClean(s);
  } finally {
    await s.close().catch(() => {});
  }
}

/** Edits a current figure in place, as a user would. */
async function edit(page, measure, provider, text) {
  await page.click(`${row(measure, provider)} [data-testid="edit"]`);
  await page.fill('[data-testid="edit-input"]', text);
  await page.press('[data-testid="edit-input"]', 'Enter');
}

/** Makes the link with the Share link button; returns it and the length it states. */
async function makeLink(page) {
  await page.click('[data-testid="share"]');
  const field = page.locator('[data-testid="share-link"]');
  await field.waitFor({ timeout: STEP_TIMEOUT });
  const link = await field.inputValue();
  const stated = await page.locator('[data-testid="share-length"]').innerText();
  return { link, stated };
}

describe('share links', { timeout: 10 * TEST_TIMEOUT }, () => {
  useApp();

  it('an edited figure travels in a link, opens in a fresh browser as a preview and applies on Accept', { timeout: 2 * TEST_TIMEOUT }, async () => {
    let link;
    await withApp(undefined, async (s) => {
      await edit(s.page, 'PM2', 'CSPN', '50');
      await waitForText(current(s.page, 'PM2', 'CSPN'), (t) => t.includes('50.00%'));
      const made = await makeLink(s.page);
      link = made.link;
      const { server } = harness();
      assert.ok(link.startsWith(`${server.url.replace(/#.*$/, '')}`), link.slice(0, 80));
      assert.match(link, /#s=[A-Za-z0-9_-]+$/, 'base64url after #s=');
      assert.equal(made.stated, `Link: ${link.length.toLocaleString('en-GB')} characters`);
      // Long enough that some tools would cut it: the panel says so.
      const warned = await s.page.locator('[data-testid="share-warning"]').count();
      assert.equal(warned, link.length > 8000 ? 1 : 0, `warning shown for ${link.length} characters`);
      // Copy link puts it on the clipboard.
      await s.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(server.url).origin });
      await s.page.click('[data-testid="copy-link"]');
      await waitForText(s.page.locator('[data-testid="share-copied"]'), (t) => t.includes('Copied'));
      assert.equal(await s.page.evaluate(() => navigator.clipboard.readText()), link);
      fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
      await s.page.screenshot({ path: path.join(SCREENSHOT_DIR, 'share-link.png') });
      // Nothing was sent anywhere: the link is made in the page.
      assert.deepEqual(s.external, []);
    });

    await fresh(link, async (s) => {
      const preview = s.page.locator(PREVIEW);
      await preview.waitFor({ timeout: LOAD_TIMEOUT });
      const text = await preview.innerText();
      assert.match(text, /shared link/, text);
      assert.match(text, /scenario/i, text);
      assert.match(await s.page.locator(NOTICE).innerText(), /shared link/i);
      // The fragment is gone from the address, so a reload will not offer it again.
      assert.ok(!s.page.url().includes('#'), s.page.url());
      // Nothing changes before accepting.
      await levels(s.page);
      assert.match(await current(s.page, 'PM2', 'CSPN').innerText(), /23\.74%/);
      await s.page.screenshot({ path: path.join(SCREENSHOT_DIR, 'share-opened.png') });
      await s.page.click('[data-testid="accept-import"]');
      await levels(s.page);
      assert.match(await waitForText(current(s.page, 'PM2', 'CSPN'), (t) => t.includes('50.00%')), /50\.00%/);
      assert.equal(await s.page.locator(PREVIEW).count(), 0, 'the preview closes on accepting');
      // Reloaded: the shared work was saved, and the link is not offered again.
      await s.page.reload({ waitUntil: 'load' });
      await levels(s.page);
      assert.match(await waitForText(current(s.page, 'PM2', 'CSPN'), (t) => t.includes('50.00%')), /50\.00%/);
      assert.equal(await s.page.locator(PREVIEW).count(), 0, 'no preview after a reload');
    });
  });

  it('a damaged link says what is wrong and changes nothing; a good one pasted into an open tab opens', { timeout: 2 * TEST_TIMEOUT }, async () => {
    let link;
    await withApp(undefined, async (s) => {
      ({ link } = await makeLink(s.page));
    });
    const cut = link.slice(0, Math.floor(link.length * 0.6));
    await fresh(cut, async (s) => {
      const notice = await waitForText(s.page.locator(NOTICE), (t) => /shared link/i.test(t), LOAD_TIMEOUT);
      assert.match(notice, /Could not open the shared link: the share link is damaged/, notice);
      assert.match(notice, /Nothing was changed/, notice);
      assert.equal(await s.page.locator(PREVIEW).count(), 0, 'no preview for a damaged link');
      assert.ok(!s.page.url().includes('#'), s.page.url());
      await levels(s.page);
      assert.match(await current(s.page, 'PM2', 'CSPN').innerText(), /23\.74%/);
      await s.page.screenshot({ path: path.join(SCREENSHOT_DIR, 'share-damaged.png') });
      // The good link's fragment, put in the address of this open tab (no reload): offered too.
      await s.page.evaluate((h) => { window.location.hash = h; }, link.slice(link.indexOf('#')));
      await s.page.locator(PREVIEW).waitFor({ timeout: STEP_TIMEOUT });
      assert.match(await s.page.locator(PREVIEW).innerText(), /shared link/);
      await waitForText(s.page.locator(NOTICE), (t) => /Opened a shared link/.test(t));
      assert.ok(!s.page.url().includes('#'), s.page.url());
    });
    // Another app's fragment is left alone: no notice, no preview.
    const { server } = harness();
    await fresh(`${server.url.replace(/#.*$/, '')}#results`, async (s) => {
      await levels(s.page);
      assert.equal(await s.page.locator(PREVIEW).count(), 0);
      const notice = await s.page.locator(NOTICE).count() ? await s.page.locator(NOTICE).innerText() : '';
      assert.doesNotMatch(notice, /shared link/i);
    });
  });
});
