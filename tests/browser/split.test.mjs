// The app's wasm in parts (scripts/build-app.sh): the first load fetches the
// shell and the month view only; each other view's part arrives when the
// view is first opened, and a part that cannot be fetched leaves the work
// intact and can be fetched again.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, harness, showLevels, assertClean, diagnostics, MONTH_VIEW, TABLE, LOAD_TIMEOUT, STEP_TIMEOUT, TEST_TIMEOUT } from './helpers.mjs';

const APP_PART = /\/app-split\/app-[0-9a-f]+\/([^/?]+\.wasm)/;
const parts = (urls) => urls.map((u) => (u.match(APP_PART) || [])[1]).filter(Boolean);

describe('the app in parts', { timeout: 3 * TEST_TIMEOUT }, () => {
  useApp();

  it('the first load fetches the month view only; a view opened fetches its part, once', { timeout: TEST_TIMEOUT }, async () => {
    const s = await harness().browser.newPage({ viewport: { width: 1280, height: 900 } });
    try {
      const requested = [];
      s.context.on('request', (r) => requested.push(r.url()));
      await s.page.goto(harness().server.url, { waitUntil: 'load', timeout: LOAD_TIMEOUT });
      await s.page.locator(MONTH_VIEW).waitFor({ timeout: LOAD_TIMEOUT });
      await s.page.waitForLoadState('networkidle', { timeout: 5_000 }).catch(() => {});
      assert.deepEqual(parts(requested), ['dcc-perf-app_bg.wasm'], `first load: ${requested.join(', ')}`);
      // One stylesheet; the views' styles are not fetched.
      assert.equal(requested.filter((u) => /\.css(\?|$)/.test(u)).length, 1, `stylesheets: ${requested.join(', ')}`);
      assert.equal(await s.page.locator('link[data-testid="view-styles"]').count(), 0);
      // Started by a script file of its own (start.js), so the policy the
      // page runs under allows no inline script.
      const policy = await s.page.evaluate(() => document.querySelector('meta[http-equiv="Content-Security-Policy"]').content);
      const scriptSrc = policy.split(';').map((d) => d.trim()).find((d) => d.startsWith('script-src'));
      assert.equal(scriptSrc, "script-src 'self' 'wasm-unsafe-eval'", policy);
      // The whole policy, so that any loosening fails here: no inline script
      // or style, requests to the app itself only. (A violation is logged as
      // a console error, which every test's assertClean refuses.)
      assert.equal(policy, "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'");
      assert.equal(await s.page.evaluate(() => document.querySelectorAll('[style]').length), 0, 'no inline style attribute');
      assert.equal(await s.page.evaluate(() => [...document.scripts].filter((e) => !e.src).length), 0, 'no inline script');

      requested.length = 0;
      await s.page.click('[data-testid="view-trends"]');
      await s.page.locator('[data-testid="trends-view"]').waitFor({ timeout: STEP_TIMEOUT });
      const trends = parts(requested);
      assert.ok(trends.includes('split_trends.wasm'), `trends: ${trends.join(', ')}`);
      // With its styles, right after the main stylesheet (their place in the cascade before the month's and print's).
      assert.ok(requested.some((u) => /\/app-split\/app-[0-9a-f]+\/views\.css$/.test(u)), `views.css: ${requested.join(', ')}`);
      assert.equal(
        await s.page.evaluate(() => [...document.querySelectorAll('link[rel=stylesheet]')].findIndex((l) => l.dataset.testid === 'view-styles')),
        1,
      );
      // Styled by them: a chart's frame is drawn by charts.css.
      assert.equal(await s.page.evaluate(() => {
        const el = document.querySelector('.chart');
        return el ? getComputedStyle(el).borderTopLeftRadius : 'no chart';
      }), '10px');
      assert.ok(!trends.some((p) => /split_(levels|credits|opr|compare)/.test(p)), `only the trends part: ${trends.join(', ')}`);

      // Back to the month and to the trends again: drawn at once, nothing fetched.
      requested.length = 0;
      await s.page.click('[data-testid="view-month"]');
      await s.page.locator(MONTH_VIEW).waitFor({ timeout: STEP_TIMEOUT });
      await s.page.click('[data-testid="view-trends"]');
      await s.page.locator('[data-testid="trends-view"]').waitFor({ timeout: STEP_TIMEOUT });
      assert.deepEqual(parts(requested), [], 'nothing fetched twice');
      assert.equal(await s.page.locator('[data-testid="view-loading"]').count(), 0);

      // Every view opens from its part.
      for (const [tab, shown] of [['view-levels', TABLE], ['view-credits', '[data-testid="credits"]'], ['view-opr', '[data-testid="opr-view"]'], ['view-compare', '[data-testid="compare-view"]']]) {
        await s.page.click(`[data-testid="${tab}"]`);
        await s.page.locator(shown).first().waitFor({ timeout: STEP_TIMEOUT });
      }
      assertClean(s);
    } catch (e) {
      throw new Error(`${e.message}\n${diagnostics(s)}`);
    } finally {
      await s.close();
    }
  });

  it('a part that cannot be fetched says so, keeps the work, and is fetched when tried again', { timeout: TEST_TIMEOUT }, async () => {
    const s = await harness().browser.newPage({ viewport: { width: 1280, height: 900 } });
    try {
      await s.page.goto(harness().server.url, { waitUntil: 'load', timeout: LOAD_TIMEOUT });
      await s.page.locator(MONTH_VIEW).waitFor({ timeout: LOAD_TIMEOUT });
      const gone = (route) => route.fulfill({ status: 503, body: 'offline' });
      await s.context.route(/split_opr\.wasm/, gone);
      await s.page.click('[data-testid="view-opr"]');
      const failed = s.page.locator('[data-testid="view-failed"]');
      await failed.waitFor({ timeout: STEP_TIMEOUT });
      assert.match(await failed.innerText(), /OPR margin view could not be fetched.*Your work is safe/s);
      // The rest of the app still works: the month view opens and computes.
      await s.page.click('[data-testid="view-levels"]');
      await showLevels(s.page);
      await s.page.click('[data-testid="view-opr"]');
      await failed.waitFor({ timeout: STEP_TIMEOUT });
      await s.context.unroute(/split_opr\.wasm/, gone);
      await s.page.click('[data-testid="view-retry"]');
      await s.page.locator('[data-testid="opr-view"]').first().waitFor({ timeout: STEP_TIMEOUT });
      assert.equal(await failed.count(), 0);
      // The refused fetch is logged by the part's loader: expected, and only that.
      const refused = (e) => /split_opr\.wasm|503|failed to load split module|Failed to fetch|WebAssembly/i.test(e);
      for (const list of [s.pageErrors, s.consoleErrors]) list.splice(0, list.length, ...list.filter((e) => !refused(e)));
      assertClean(s);
    } catch (e) {
      throw new Error(`${e.message}\n${diagnostics(s)}`);
    } finally {
      await s.close();
    }
  });
});
