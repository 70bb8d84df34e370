// The CPM trends page: the CPM overview and the status grid render, their
// points read out value, period and status, and they can be read as text
// and downloaded.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { useApp, withApp, waitForText, SCREENSHOT_DIR, STEP_TIMEOUT, TEST_TIMEOUT } from './helpers.mjs';

const OVERVIEW = '[data-testid="chart-cpm-overview"]';
const GRID = '[data-testid="chart-status-grid"]';

/** Waits until the chart's image has loaded and returns its natural size. */
async function imageSize(page, chart) {
  const img = page.locator(`${chart} .chart-canvas img`);
  await img.waitFor({ timeout: STEP_TIMEOUT });
  await page.waitForFunction(
    (sel) => { const i = document.querySelector(sel); return i && i.complete && i.naturalWidth > 0; },
    `${chart} .chart-canvas img`, { timeout: STEP_TIMEOUT },
  );
  return img.evaluate((i) => ({ w: i.naturalWidth, h: i.naturalHeight }));
}

describe('CPM trends page', { timeout: 6 * TEST_TIMEOUT }, () => {
  useApp();

  it('draws the CPM overview and the status grid, readable without seeing them', { timeout: TEST_TIMEOUT }, async () => {
    await withApp({ width: 1280, height: 900 }, async (s) => {
      const { page } = s;
      await page.click('[data-testid="view-trends"]');
      for (const chart of [OVERVIEW, GRID]) {
        const size = await imageSize(page, chart);
        assert.ok(size.w > 0 && size.h > 0, `${chart} image loaded: ${JSON.stringify(size)}`);
        const spots = await page.locator(`${chart} [data-testid="hotspot"]`).count();
        assert.ok(spots > 10, `${chart} has hotspots (${spots})`);
        const desc = await page.locator(`${chart} [data-testid="chart-description"]`).innerText();
        assert.ok(desc.length > 40, `${chart} description: ${desc}`);
        assert.equal(await page.locator(`${chart} [data-testid="chart-table"]`).count(), 1);
      }

      // Focusing the CPM1 March point shows its value, period, status and target.
      const spot = page.locator(`${OVERVIEW} [data-testid="hotspot"][aria-label^="CPM1, March 2021"]`);
      await spot.focus();
      const tip = await waitForText(page.locator(`${OVERVIEW} [data-testid="chart-tip"]`), (t) => t.includes('92.75%'));
      assert.equal(tip, 'CPM1, March 2021: 92.75%, below minimum (target 99%)');
      const cell = page.locator(`${GRID} [data-testid="hotspot"][aria-label^="CSPN PM2, March 2021"]`);
      await cell.focus();
      const gtip = await waitForText(page.locator(`${GRID} [data-testid="chart-tip"]`), (t) => t.includes('23.74%'));
      assert.match(gtip, /CSPN PM2, March 2021: 23\.74%, below minimum/);

      // The description names what was below minimum; the table carries the symbols.
      const gdesc = await page.locator(`${GRID} [data-testid="chart-description"]`).innerText();
      assert.match(gdesc, /Below minimum in March 2021: .*CSPN PM2 \(23\.74%\)/);
      await page.locator(`${GRID} .chart-data summary`).click();
      // The rows are put in the page when the table opens.
      await page.locator(`${GRID} [data-testid="chart-table"] tbody tr`).first().waitFor();
      const table = await page.locator(`${GRID} [data-testid="chart-table"]`).innerText();
      assert.match(table, /CSPN PM2.*✖ 23\.74%/s);
      await page.locator(`${OVERVIEW} .chart-data summary`).click();
      await page.locator(`${OVERVIEW} [data-testid="chart-table"] tbody tr`).first().waitFor();
      const otable = await page.locator(`${OVERVIEW} [data-testid="chart-table"]`).innerText();
      assert.match(otable, /March 2021.*92\.75% ✖/s);

      // The SVG download reports success on the page.
      await page.locator(`${OVERVIEW} [data-testid="chart-svg"]`).click();
      const said = await waitForText(page.locator(`${OVERVIEW} .chart-said`), (t) => t.length > 0);
      assert.match(said, /^Saved dcc-perf-cpm-overview\.svg/);

      // Only the measures that missed: fewer rows, CSPN PM2 still there.
      const before = await page.locator(`${GRID} [data-testid="hotspot"]`).count();
      await page.locator('[data-testid="grid-only-misses"]').check();
      await page.waitForFunction(
        ({ sel, n }) => document.querySelectorAll(sel).length < n,
        { sel: `${GRID} [data-testid="hotspot"]`, n: before }, { timeout: STEP_TIMEOUT },
      );
      assert.equal(await page.locator(`${GRID} [data-testid="hotspot"][aria-label^="CSPN PM2, March 2021"]`).count(), 1);
      await page.locator('[data-testid="grid-only-misses"]').uncheck();

      fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
      await page.locator(OVERVIEW).screenshot({ path: path.join(SCREENSHOT_DIR, 'cpm-overview.png') });
      await page.locator(GRID).screenshot({ path: path.join(SCREENSHOT_DIR, 'status-grid.png') });
    });
  });
});
