// Saved work is never lost: when the browser's storage is full the page says
// so and the work saved before is kept as it was; when another tab saves
// over the work a tab opened, that tab is told, saves nothing over it, and
// can keep its own work as a scenario in the other's.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, harness, showLevels, assertClean, diagnostics, row, LOAD_TIMEOUT, STEP_TIMEOUT, TEST_TIMEOUT } from './helpers.mjs';

const KEY = 'dcc-perf/work';
const saved = (page) => page.evaluate((k) => localStorage.getItem(k), KEY);

/** Types `value` for DSP PM2.4 in the levels table and waits for it. */
async function edit(page, value) {
  await showLevels(page);
  await page.click(`${row('PM2.4', 'DSP')} [data-testid="edit"]`);
  await page.fill('[data-testid="edit-input"]', value);
  await page.press('[data-testid="edit-input"]', 'Enter');
  await page.waitForFunction(([sel, v]) => document.querySelector(sel)?.textContent.includes(v), [row('PM2.4', 'DSP'), `${value}.00%`], { timeout: STEP_TIMEOUT });
}

/** Waits until the saved work holds DSP PM2.4 at `value` (saved a moment after a change). */
async function savedWith(page, value) {
  await page.waitForFunction(([k, v]) => (localStorage.getItem(k) || '').includes(`"level":"${v}"`), [KEY, value], { timeout: STEP_TIMEOUT });
}

describe('saved work is never lost', { timeout: 3 * TEST_TIMEOUT }, () => {
  useApp();

  it('says so when the storage is full, and keeps what was saved before', { timeout: TEST_TIMEOUT }, async () => {
    const s = await harness().browser.newPage({ viewport: { width: 1280, height: 900 } });
    try {
      await s.page.goto(harness().server.url, { waitUntil: 'load', timeout: LOAD_TIMEOUT });
      await edit(s.page, '91');
      await savedWith(s.page, '91');
      const before = await saved(s.page);
      // The page's storage filled to the last kilobyte.
      const filled = await s.page.evaluate(() => {
        let n = 0;
        for (let size = 1 << 20; size >= 1024; size >>= 1) {
          for (;;) {
            try { localStorage.setItem(`filler-${n}`, 'x'.repeat(size)); n += 1; } catch { break; }
          }
        }
        return n;
      });
      assert.ok(filled > 0);
      // A change that needs more room: the work kept again as a scenario.
      await s.page.click('[data-testid="view-compare"]');
      await s.page.fill('[data-testid="scenario-name"]', 'A copy');
      await s.page.click('[data-testid="save-scenario"]');
      const notice = s.page.locator('[data-testid="notice"]');
      await notice.filter({ hasText: 'not saved' }).waitFor({ timeout: STEP_TIMEOUT });
      assert.match(await notice.innerText(), /^Your latest changes are not saved in this browser: it refused to store them \(its storage for this page is full\)\. The work saved before them is kept as it was\./);
      assert.equal(await saved(s.page), before, 'the work saved before is as it was');
      // Room made, a reload opens the work saved before (91, no scenario).
      await s.page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('filler-')).forEach((k) => localStorage.removeItem(k)));
      await s.page.reload({ waitUntil: 'load', timeout: LOAD_TIMEOUT });
      await showLevels(s.page, LOAD_TIMEOUT);
      assert.match(await s.page.locator(row('PM2.4', 'DSP')).innerText(), /91\.00%/);
      assert.doesNotMatch(await saved(s.page), /A copy/);
      // The refused save was said, not thrown: no page error.
      assert.deepEqual(s.pageErrors, [], diagnostics(s));
    } finally {
      await s.close().catch(() => {});
    }
  });

  it('a tab told that another saved over its work keeps its own as a scenario', { timeout: TEST_TIMEOUT }, async () => {
    // Two tabs of one browser profile share the saved work.
    const a = await harness().browser.newPage({ viewport: { width: 1280, height: 900 } });
    try {
      const b = await a.context.newPage();
      await a.page.goto(harness().server.url, { waitUntil: 'load', timeout: LOAD_TIMEOUT });
      await b.goto(harness().server.url, { waitUntil: 'load', timeout: LOAD_TIMEOUT });
      await showLevels(b, LOAD_TIMEOUT);
      // A saves: B is told.
      await edit(a.page, '91');
      await savedWith(a.page, '91');
      const banner = b.locator('[data-testid="elsewhere"]');
      await banner.waitFor({ timeout: STEP_TIMEOUT });
      assert.match(await banner.innerText(), /Your saved work was changed in another tab of this calculator\./);
      // B's own change is not written over A's.
      await edit(b, '80');
      await new Promise((r) => setTimeout(r, 1500));
      assert.match(await saved(a.page), /"level":"91"/);
      assert.doesNotMatch(await saved(a.page), /"level":"80"/);
      // B keeps its work as a scenario in A's: B now shows A's figures, its
      // own kept by name, and saves that (A is told in turn).
      await b.click('[data-testid="elsewhere-keep"]');
      await b.locator('[data-testid="notice"]').filter({ hasText: "This tab's work is kept as scenario" }).waitFor({ timeout: LOAD_TIMEOUT });
      await showLevels(b);
      assert.match(await b.locator(row('PM2.4', 'DSP')).innerText(), /91\.00%/);
      await b.waitForFunction((k) => /This tab's work, /.test(localStorage.getItem(k) || ''), KEY, { timeout: STEP_TIMEOUT });
      const text = await saved(b);
      assert.match(text, /"level":"91"/, 'A\'s work');
      assert.match(text, /"level":"80"/, 'B\'s work, as a scenario');
      await a.page.locator('[data-testid="elsewhere"]').waitFor({ timeout: STEP_TIMEOUT });
      assert.equal(await b.locator('[data-testid="elsewhere"]').count(), 0);
      await b.close();
      assertClean(a);
    } finally {
      await a.close().catch(() => {});
    }
  });
});
