// Five years of figures (scripts/gen-five-years.mjs): an edit shows at once
// and is worked out only where it reaches (the trend and the CPM agree with
// the figure typed), and the status grid of 6,500 cells is painted on a
// canvas, read cell by cell with the keyboard, filtered, tabled and
// downloaded as an SVG.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { useApp, withApp, waitForText, showLevels, row, REPO_ROOT, STEP_TIMEOUT, TEST_TIMEOUT } from './helpers.mjs';

const GRID = '[data-testid="chart-status-grid"]';
const CANVAS = `${GRID} [data-testid="grid-canvas"]`;

/** Pastes five years and replaces the loaded figures with them. */
async function loadFiveYears(page) {
  const csv = execFileSync(process.execPath, [path.join(REPO_ROOT, 'scripts', 'gen-five-years.mjs')], {
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
  await page.evaluate((text) => {
    const box = document.querySelector('[data-testid="paste-box"]');
    box.value = text;
    box.dispatchEvent(new InputEvent('input', { bubbles: true }));
  }, csv);
  await page.click('[data-testid="check-paste"]');
  await page.waitForSelector('[data-testid="import-preview"]', { timeout: 30_000 });
  await page.click('[data-testid="replace-import"]');
  await page.waitForFunction(() => !document.querySelector('[data-testid="import-preview"]'), null, { timeout: 30_000 });
}

describe('five years loaded', { timeout: 4 * TEST_TIMEOUT }, () => {
  useApp();

  it('an edit, its undo and redo show the figure typed, its CPM and its run', { timeout: TEST_TIMEOUT }, async () => {
    await withApp({ width: 1280, height: 900 }, async (s) => {
      const { page } = s;
      await showLevels(page);
      await loadFiveYears(page);
      const cpm6 = page.locator(`${row('CPM6', 'DCC')} td[data-label="Current"] .current-value`);
      const before = await cpm6.innerText();
      await page.click(`${row('PM2.4', 'DSP')} [data-testid="edit"]`);
      await page.fill('[data-testid="edit-input"]', '90');
      await page.press('[data-testid="edit-input"]', 'Enter');
      // CPM6 is DSP PM2.4 alone: it follows the figure typed.
      await waitForText(cpm6, (t) => t.includes('90.00%'));
      await waitForText(page.locator(`${row('PM2.4', 'DSP')} td[data-label="Current"] .current-value`), (t) => t.includes('90.00%'));
      await page.click('[data-testid="undo"]');
      await waitForText(cpm6, (t) => t === before);
      await page.click('[data-testid="redo"]');
      await waitForText(cpm6, (t) => t.includes('90.00%'));
      // The trend picker, built again after the edit: each series once, in
      // the report's order (CPMs first).
      const picks = await page.$$eval('[data-testid="trend-series"] option', (os) => os.map((o) => o.textContent));
      assert.ok(picks.length > 100, `${picks.length} series`);
      assert.equal(new Set(picks).size, picks.length, 'no series twice');
      assert.match(picks[0], /^DCC CPM1 /, picks.slice(0, 3).join(' | '));
    });
  });

  it('the status grid is painted on a canvas and read with the keyboard', { timeout: TEST_TIMEOUT }, async () => {
    await withApp({ width: 1280, height: 900 }, async (s) => {
      const { page } = s;
      await showLevels(page);
      await loadFiveYears(page);
      await page.click('[data-testid="view-trends"]');
      await page.waitForSelector(`${CANVAS}:not([data-painted="0"])`, { timeout: STEP_TIMEOUT });
      // No point per cell and no SVG of megabytes in the page.
      assert.equal(await page.locator(`${GRID} [data-testid="hotspot"]`).count(), 0);
      assert.equal(await page.locator(`${GRID} img`).count(), 0);
      const label = await page.locator(CANVAS).getAttribute('aria-label');
      assert.match(label, /rows by 60 months/, label);

      // Tab stop: the first row's latest month, then the arrow keys.
      await page.focus(CANVAS);
      const tip = page.locator(`${GRID} [data-testid="chart-tip"]`);
      assert.equal(await waitForText(tip, (t) => t.startsWith('CPM1')), 'CPM1, March 2021: 92.75%, below minimum');
      await page.keyboard.press('ArrowLeft');
      assert.match(await waitForText(tip, (t) => t.includes('February 2021')), /^CPM1, February 2021: /);
      await page.keyboard.press('Home');
      assert.match(await waitForText(tip, (t) => t.includes('2016')), /^CPM1, April 2016: /);
      await page.keyboard.press('ArrowDown');
      assert.match(await waitForText(tip, (t) => !t.startsWith('CPM1,')), /^CPM2, April 2016: /);

      // The table carries every cell; the filter keeps CSPN PM2.
      await page.locator(`${GRID} .chart-data summary`).click();
      // The rows are put in the page when the table opens.
      await page.locator(`${GRID} [data-testid="chart-table"] tbody tr`).first().waitFor();
      const table = await page.locator(`${GRID} [data-testid="chart-table"]`).innerText();
      assert.match(table, /CSPN PM2.*✖ 23\.74%/s);
      const rows = (l) => Number(/: (\d+) rows/.exec(l)[1]);
      await page.locator('[data-testid="grid-only-misses"]').check();
      await page.waitForFunction(
        ({ sel, n }) => Number(/: (\d+) rows/.exec(document.querySelector(sel).getAttribute('aria-label'))[1]) < n,
        { sel: CANVAS, n: rows(label) }, { timeout: STEP_TIMEOUT },
      );

      // The SVG is built when asked for, and saved.
      await page.locator(`${GRID} [data-testid="chart-svg"]`).click();
      const said = await waitForText(page.locator(`${GRID} .chart-said`), (t) => t.length > 0);
      assert.match(said, /^Saved dcc-perf-status-grid\.svg/);
    });
  });
});
