// Browser tests for the built app (dist/), in headless Debian Chromium.
// Run: trunk build --offline --release && node --test tests/browser/
// (or simply: bash scripts/test.sh)

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {
  useApp, withApp, waitForText, row, TABLE, EXPLANATION, RULE_SELECT, RULE_FLIPS,
  SCREENSHOT_DIR, STEP_TIMEOUT, TEST_TIMEOUT,
} from './helpers.mjs';

describe('dcc-perf app in headless Chromium', { timeout: 10 * TEST_TIMEOUT }, () => {
  useApp();

  it('opens on the March 2021 sample', { timeout: TEST_TIMEOUT }, async () => {
    await withApp(undefined, async (s) => {
      const text = await s.page.locator('body').innerText();
      assert.ok(text.includes('March 2021'), `page text does not mention "March 2021":\n${text.slice(0, 2000)}`);
      // A moment for late errors (e.g. a panic after first render) to surface.
      await s.page.waitForTimeout(300);
    });
  });

  it('CPM1 shows 92.75% and below minimum', { timeout: TEST_TIMEOUT }, async () => {
    await withApp(undefined, async (s) => {
      const r = s.page.locator(row('CPM1', 'DCC'));
      await r.waitFor({ timeout: STEP_TIMEOUT });
      const text = await waitForText(r, (t) => t.includes('92.75%') && /below minimum/i.test(t));
      assert.ok(text.includes('92.75%'), `CPM1/DCC row does not show 92.75%: ${JSON.stringify(text)}`);
      assert.match(text, /below minimum/i, `CPM1/DCC row does not say "below minimum": ${JSON.stringify(text)}`);
    });
  });

  it('explanation of CSPN PM2 shows its counts', { timeout: TEST_TIMEOUT }, async () => {
    await withApp(undefined, async (s) => {
      const r = s.page.locator(row('PM2', 'CSPN'));
      await r.waitFor({ timeout: STEP_TIMEOUT });
      await r.click();
      const ex = s.page.locator(EXPLANATION);
      await ex.waitFor({ state: 'visible', timeout: STEP_TIMEOUT });
      const text = await waitForText(ex, (t) => t.includes('56,774') && t.includes('239,128'));
      assert.ok(text.includes('56,774'), `explanation lacks "56,774":\n${text}`);
      assert.ok(text.includes('239,128'), `explanation lacks "239,128":\n${text}`);
    });
  });

  it('readable at 1280 px and phone width', { timeout: TEST_TIMEOUT }, async () => {
    fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await withApp({ width: 1280, height: 900 }, async (s) => {
      await s.page.screenshot({ path: path.join(SCREENSHOT_DIR, 'desktop.png'), fullPage: true });

      await s.page.setViewportSize({ width: 390, height: 844 });
      // Let layout settle after the resize.
      await s.page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      await s.page.screenshot({ path: path.join(SCREENSHOT_DIR, 'phone.png'), fullPage: true });

      const m = await s.page.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        innerWidth: window.innerWidth,
      }));
      assert.equal(m.innerWidth, 390);
      assert.ok(
        m.scrollWidth <= m.innerWidth + 1,
        `horizontal overflow at 390 px: document scrollWidth ${m.scrollWidth} > innerWidth ${m.innerWidth} ` +
          '(wide content such as the table must scroll inside its own container)',
      );
    });
  });

  it('comparison rule can be changed', { timeout: TEST_TIMEOUT }, async () => {
    await withApp(undefined, async (s) => {
      const select = s.page.locator(RULE_SELECT);
      await select.waitFor({ timeout: STEP_TIMEOUT });
      assert.equal(await select.evaluate((el) => el.tagName), 'SELECT', `${RULE_SELECT} is not a <select>`);
      const values = await select.evaluate((el) => [...el.options].map((o) => o.value));
      for (const v of ['unrounded', '2dp', '3dp']) {
        assert.ok(values.includes(v), `${RULE_SELECT} has no option "${v}" (options: ${values.join(', ')})`);
      }

      const r = s.page.locator(row('CH1.3', 'CSPC'));
      await r.waitFor({ timeout: STEP_TIMEOUT });
      const before = await r.innerText();

      await select.selectOption('2dp');
      const met = (t) => /meets target|\bmet\b/i.test(t);
      const text = await waitForText(r, met);
      assert.ok(
        met(text),
        `with rule 2dp, CH1.3/CSPC should meet its target; row text was ${JSON.stringify(text)} ` +
          `(before the change: ${JSON.stringify(before)})`,
      );

      const flips = s.page.locator(RULE_FLIPS);
      await flips.waitFor({ state: 'visible', timeout: STEP_TIMEOUT }).catch(() => {});
      assert.ok(await flips.count(), `${RULE_FLIPS} is missing after choosing rule 2dp`);
      assert.ok(await flips.first().isVisible(), `${RULE_FLIPS} exists but is not visible`);
    });
  });
  it('groups by provider, filters to misses, and switches month', { timeout: TEST_TIMEOUT }, async () => {
    await withApp(undefined, async (s) => {
      const table = s.page.locator(TABLE);
      await s.page.selectOption('[data-testid="grouping-select"]', 'provider');
      const groups = await waitForText(table, (t) => t.includes('CSP North (Arqiva)'));
      assert.ok(groups.includes('CSP North (Arqiva)'), 'a CSP North section after grouping by provider');

      await s.page.check('[data-testid="only-misses"]');
      await waitForText(table, (t) => !/Meets target/i.test(t));
      const rows = await s.page.locator(`${TABLE} tr[data-measure]`).allInnerTexts();
      // March 2021: CPM1, CSPN PM2, VF-IOT-CORE below minimum; DSP PM2.7, CSPC CH1.3,
      // Capgemini PM2.1, CSPN PM6.3 and PM7.4 below target.
      assert.equal(rows.length, 8, `eight measures below target in March 2021, got:\n${rows.join('\n')}`);
      assert.ok(rows.every((t) => /below (target|minimum)/i.test(t)), rows.join('\n'));

      await s.page.selectOption('[data-testid="month-select"]', '2021-02');
      const feb = await waitForText(table, (t) => t.includes('93.95%'));
      assert.ok(feb.includes('93.95%'), `February 2021 shows CPM1 93.95%:\n${feb}`);
      assert.equal(await s.page.locator(`${TABLE} tr[data-measure]`).count(), 2, 'CPM1 and CSPN PM2 in February');
    });
  });
});
