// The trend chart the app opens with: CSP North PM2 against its target,
// each month readable by hovering or tabbing to it, its description and
// table, another measure picked, a what-if redrawn in place (the page does
// not jump), and the SVG and PNG downloads.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { useApp, withApp, waitForText, row, SCREENSHOT_DIR, STEP_TIMEOUT, TEST_TIMEOUT } from './helpers.mjs';

const CHART = '[data-testid="chart-trend"]';
const TIP = `${CHART} [data-testid="chart-tip"]`;

/** The labels of the chart's points, in order. */
const labels = (s) => s.page.locator(`${CHART} [data-testid="hotspot"]`).evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));

describe('the trend chart in headless Chromium', { timeout: 6 * TEST_TIMEOUT }, () => {
  useApp();

  it('opens on CSP North PM2 against its target, readable without seeing it', { timeout: TEST_TIMEOUT }, async () => {
    await withApp(undefined, async (s) => {
      const chart = s.page.locator(CHART);
      await chart.waitFor({ timeout: STEP_TIMEOUT });
      // The image has loaded and has a size: the browser could read the SVG.
      const width = await chart.locator('img').evaluate(async (img) => { await img.decode(); return img.naturalWidth; });
      assert.ok(width > 0, `image width ${width}`);
      assert.deepEqual(await labels(s), [
        'December 2020: about 50%, below minimum',
        'January 2021: about 43%, below minimum',
        'February 2021: 35.88%, below minimum',
        'March 2021: 23.74%, below minimum',
      ]);
      // Keyboard: tab to a point and the readout says it.
      await s.page.locator(`${CHART} [data-testid="hotspot"]`).last().focus();
      assert.equal((await waitForText(s.page.locator(TIP), (t) => t.startsWith('March'))).trim(), 'March 2021: 23.74%, below minimum');
      // One tab stop per chart: the arrow keys walk the points.
      await s.page.locator(`${CHART} [data-testid="hotspot"]`).first().focus();
      await waitForText(s.page.locator(TIP), (t) => t.startsWith('December'));
      await s.page.keyboard.press('ArrowRight');
      assert.match(await waitForText(s.page.locator(TIP), (t) => t.startsWith('January')), /about 43%/);
      await s.page.keyboard.press('End');
      assert.match(await waitForText(s.page.locator(TIP), (t) => t.startsWith('March')), /23\.74%/);
      const stops = await s.page.locator(`${CHART} [data-testid="hotspot"][tabindex="0"]`).count();
      assert.equal(stops, 1, 'one tab stop');
      // Mouse: hovering reads the point under it.
      await s.page.locator(`${CHART} [data-testid="hotspot"]`).first().hover();
      assert.match(await waitForText(s.page.locator(TIP), (t) => t.startsWith('December')), /about 50%/);
      // From one point to the next, then off the points: the tip follows, then clears.
      await s.page.locator(`${CHART} [data-testid="hotspot"]`).nth(1).hover();
      await waitForText(s.page.locator(TIP), (t) => t.startsWith('January'));
      await s.page.mouse.move(1, 1);
      assert.match(await waitForText(s.page.locator(TIP), (t) => !/^(December|January)/.test(t)), /Hover|tab/i);
      const description = await s.page.locator(`${CHART} [data-testid="chart-description"]`).innerText();
      assert.match(description, /below minimum in 4/);
      assert.match(description, /Target 99%, minimum 96%/);
      assert.match(description, /Approximate \(the documents say "about"\): December 2020, January 2021/);
      await chart.locator('summary').click();
      // The rows are put in the page when the table opens.
      await chart.locator('[data-testid="chart-table"] tbody tr').first().waitFor();
      const table = await chart.locator('[data-testid="chart-table"]').innerText();
      assert.match(table, /March 2021\s+23\.74%\s+✖ Below minimum\s+99\s+96/);
      assert.match(table, /December 2020\s+about 50%.*approximate/);
      await chart.screenshot({ path: path.join(SCREENSHOT_DIR, 'trend-cspn-pm2.png') });
    });
  });

  it('another measure can be picked; a what-if redraws in place without moving the page', { timeout: TEST_TIMEOUT }, async () => {
    await withApp(undefined, async (s) => {
      await s.page.locator(CHART).waitFor({ timeout: STEP_TIMEOUT });
      const pick = s.page.locator('[data-testid="trend-series"]');
      const dsp = await pick.locator('option', { hasText: 'DSP PM2.4 —' }).getAttribute('value');
      await pick.selectOption(dsp);
      await waitForText(s.page.locator(`${CHART} [data-testid="chart-description"]`), (t) => t.includes('Self Service Interface'));
      assert.deepEqual((await labels(s)).length, 2, 'February and March');

      // Back to PM2, then type a new March figure in the table below.
      await pick.selectOption(await pick.locator('option', { hasText: 'CSPN PM2 —' }).getAttribute('value'));
      await waitForText(s.page.locator(`${CHART} [data-testid="chart-description"]`), (t) => t.includes('PM2'));
      const before = await s.page.locator(`${CHART} img`).getAttribute('src');
      await s.page.click(`${row('PM2', 'CSPN')} [data-testid="edit"]`);
      const input = s.page.locator('[data-testid="edit-input"]');
      await input.fill('97.5');
      // Where the table row sits on screen: a redraw must not move what the
      // reader is looking at (the browser's scroll anchoring absorbs the
      // notice that appears above).
      const top = () => s.page.locator(row('PM2', 'CSPN')).evaluate((e) => Math.round(e.getBoundingClientRect().top));
      const topBefore = await top();
      await input.press('Enter');
      await waitForText(s.page.locator(row('PM2', 'CSPN')), (t) => t.includes('97.50%'));
      const after = await labels(s);
      assert.equal(after[3], 'March 2021: 97.50%, below target');
      assert.notEqual(await s.page.locator(`${CHART} img`).getAttribute('src'), before, 'the image was redrawn');
      assert.equal(await top(), topBefore, 'what the reader was looking at did not move');
      // The chart element itself stayed: redrawn in place, not rebuilt.
      assert.equal(await s.page.locator(CHART).count(), 1);
    });
  });

  it('downloads the chart as SVG and PNG', { timeout: TEST_TIMEOUT }, async () => {
    await withApp(undefined, async (s) => {
      await s.page.locator(CHART).waitFor({ timeout: STEP_TIMEOUT });
      const [svg] = await Promise.all([s.page.waitForEvent('download'), s.page.click(`${CHART} [data-testid="chart-svg"]`)]);
      assert.equal(svg.suggestedFilename(), 'dcc-perf-trend.svg');
      const text = await (await svg.createReadStream()).toArray().then((b) => Buffer.concat(b).toString('utf8'));
      assert.match(text, /^<svg/);
      assert.match(text, /CSP North \(Arqiva\) PM2/);
      const [png] = await Promise.all([s.page.waitForEvent('download'), s.page.click(`${CHART} [data-testid="chart-png"]`)]);
      assert.equal(png.suggestedFilename(), 'dcc-perf-trend.png');
      const bytes = await (await png.createReadStream()).toArray().then((b) => Buffer.concat(b));
      assert.equal(bytes.subarray(1, 4).toString('ascii'), 'PNG');
      // At least twice the chart's size, so it is crisp on dense screens.
      assert.ok(bytes.readUInt32BE(16) >= 1800, `PNG width ${bytes.readUInt32BE(16)}`);
      assert.match(await s.page.locator(`${CHART} [role="status"]`).innerText(), /Saved dcc-perf-trend\.png/);
    });
  });
});
