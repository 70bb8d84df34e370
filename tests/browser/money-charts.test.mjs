// The money charts in the real app: service credits by company on the
// 12-month tab, the OPR margin by measure, and both sides' OPR margin on the
// compare page. Each renders, a focused point shows its tooltip, the table
// view has the figures, and a what-if redraws it.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { useApp, withApp, waitForText, SCREENSHOT_DIR, STEP_TIMEOUT, TEST_TIMEOUT } from './helpers.mjs';

const chart = (id) => `[data-testid="chart-${id}"]`;

/** Waits until the chart's image has decoded with a size, and returns it. */
async function rendered(s, id) {
  const img = s.page.locator(`${chart(id)} .chart-canvas img`);
  await img.waitFor({ timeout: STEP_TIMEOUT });
  const deadline = Date.now() + STEP_TIMEOUT;
  let width = 0;
  while (Date.now() < deadline) {
    width = await img.evaluate((i) => (i.complete ? i.naturalWidth : 0));
    if (width > 0) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.ok(width > 0, `${id}: the chart image did not load`);
  return width;
}

/** Focuses the hotspot whose label starts with `start`; returns the tooltip text. */
async function tooltip(s, id, start) {
  const spots = s.page.locator(`${chart(id)} [data-testid="hotspot"]`);
  const labels = await spots.evaluateAll((b) => b.map((x) => x.getAttribute('aria-label')));
  const i = labels.findIndex((l) => l.startsWith(start));
  assert.ok(i >= 0, `${id}: no hotspot "${start}…" in\n${labels.join('\n')}`);
  await spots.nth(i).focus();
  return (await waitForText(s.page.locator(`${chart(id)} [data-testid="chart-tip"]`), (t) => t.startsWith(start))).trim();
}

/** The chart's table view as rows of cell texts (the header row first). */
async function tableRows(s, id) {
  await s.page.locator(`${chart(id)} details.chart-data summary`).click();
  // The rows are put in the page when the table opens.
  await s.page.locator(`${chart(id)} [data-testid="chart-table"] tbody tr`).first().waitFor();
  return s.page.locator(`${chart(id)} [data-testid="chart-table"] tr`).evaluateAll((rows) =>
    rows.map((r) => Array.from(r.children).map((c) => c.textContent.trim())),
  );
}

/** Waits until some hotspot of the chart has a label starting with `start`. */
async function waitForSpot(s, id, start) {
  const deadline = Date.now() + STEP_TIMEOUT;
  let labels = [];
  while (Date.now() < deadline) {
    labels = await s.page.locator(`${chart(id)} [data-testid="hotspot"]`).evaluateAll((b) => b.map((x) => x.getAttribute('aria-label')));
    if (labels.some((l) => l.startsWith(start))) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.fail(`${id}: no hotspot "${start}…" in\n${labels.join('\n')}`);
}

async function shoot(s, id, name) {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await s.page.locator(chart(id)).screenshot({ path: path.join(SCREENSHOT_DIR, name) });
}

async function openOpr(s) {
  await s.page.click('[data-testid="view-opr"]');
  await s.page.locator('[data-testid="opr-table"]').waitFor({ timeout: STEP_TIMEOUT });
}

/** The OPR what-if the other tests use: RY23/24 SDM1 North at 97.5. */
async function sdm1North975(s) {
  const input = s.page.locator('[data-testid="opr-table"] tr[data-testid="opr-part"][data-measure="SDM1"][data-part="0"] input[data-testid="opr-performance"]');
  await input.fill('97.5');
  await input.press('Tab');
}

describe('money charts in headless Chromium', { timeout: 10 * TEST_TIMEOUT }, () => {
  useApp();

  it('credits by company: March 2021 as the tables show it, and a scheme what-if redraws it', { timeout: TEST_TIMEOUT }, async () => {
    await withApp({ width: 1280, height: 900 }, async (s) => {
      await s.page.click('[data-testid="view-credits"]');
      await s.page.click('[data-testid="tab-credits-year"]');
      const id = 'credits-by-provider';
      await rendered(s, id);
      // Above the tables.
      const above = await s.page.evaluate(() => {
        const c = document.querySelector('[data-testid="chart-credits-by-provider"]');
        const t = document.querySelector('[data-testid="year-smets2"]');
        return Boolean(c && t && c.compareDocumentPosition(t) & Node.DOCUMENT_POSITION_FOLLOWING);
      });
      assert.ok(above, 'the chart comes before the tables');
      assert.equal(await tooltip(s, id, 'Arqiva, March 2021'), 'Arqiva, March 2021: £43,198 (reported)');
      assert.equal(await tooltip(s, id, 'March 2021: total'), 'March 2021: total £50,243 + pending (Telefonica)');
      const rows = await tableRows(s, id);
      assert.deepEqual(rows[0].slice(0, 4), ['Month', 'Arqiva', 'BT', 'CGI']);
      const march = rows.find((r) => r[0] === 'March 2021');
      assert.ok(march, rows.map((r) => r[0]).join(', '));
      assert.equal(march[1], '£43,198');
      assert.equal(march[3], '£1,357');
      assert.equal(march.at(-1), '£50,243 + pending (Telefonica)');
      assert.match(await s.page.locator(`${chart(id)} [data-testid="chart-description"]`).innerText(), /Arqiva has the most/);
      await shoot(s, id, 'credits-chart.png');

      // Computed figures follow the scheme: DSP at £200 a point moves March.
      await s.page.selectOption('[data-testid="credit-source"]', 'Computed');
      await waitForSpot(s, id, 'Arqiva, March 2021: £43,198 (computed)');
      await s.page.click('[data-testid="tab-credits-scheme"]');
      await s.page.selectOption('[data-testid="scheme-provider"]', 'DSP');
      const input = s.page.locator('[data-testid="money-per-point"]');
      await input.fill('200');
      await input.press('Tab');
      await s.page.click('[data-testid="tab-credits-year"]');
      await rendered(s, id);
      await waitForSpot(s, id, 'March 2021: total £50,686');
      assert.equal(await tooltip(s, id, 'CGI, March 2021'), 'CGI, March 2021: £1,800 (computed)');
    });
  });

  it('the OPR margin by measure reproduces Table 7, and a what-if redraws SDM1', { timeout: TEST_TIMEOUT }, async () => {
    await withApp({ width: 1280, height: 900 }, async (s) => {
      await openOpr(s);
      const id = 'opr-margin';
      await rendered(s, id);
      const order = await s.page.evaluate(() => {
        const h = document.querySelector('[data-testid="opr-year"]');
        const c = document.querySelector('[data-testid="chart-opr-margin"]');
        const t = document.querySelector('[data-testid="opr-table"]');
        const after = (a, b) => Boolean(a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING);
        return Boolean(h && c && t && after(h, c) && after(c, t));
      });
      assert.ok(order, 'the chart sits under the year header, above the table');
      assert.equal(await tooltip(s, id, 'VMM1 lost'), 'VMM1 lost: £0.261m (£261,048) of £1.341m');
      const rows = await tableRows(s, id);
      for (const code of ['SUM1', 'SDM1', 'SDM2']) {
        const r = rows.find((x) => x[0] === code);
        assert.deepEqual([r[3], r[4]], ['2.086', '0.000'], code);
      }
      const vmm1 = rows.find((x) => x[0] === 'VMM1');
      assert.deepEqual([vmm1[3], vmm1[4]], ['1.080', '0.261']);
      await shoot(s, id, 'opr-chart.png');

      await sdm1North975(s);
      await waitForSpot(s, id, 'SDM1 lost: £0.348m (£347,666.67)');
      assert.match(await s.page.locator(`${chart(id)} [data-testid="chart-description"]`).innerText(), /lost £0\.906m/);
    });
  });

  it('the compare page sets both sides\u2019 OPR margin side by side, with the difference', { timeout: TEST_TIMEOUT }, async () => {
    await withApp({ width: 1280, height: 900 }, async (s) => {
      await openOpr(s);
      await sdm1North975(s);
      await waitForText(s.page.locator('[data-testid="opr-table"] tr[data-testid="opr-measure"][data-measure="SDM1"] [data-testid="opr-kept"]'), (t) => t.trim() === '1.738');
      await s.page.click('[data-testid="view-compare"]');
      const id = 'opr-compare';
      await rendered(s, id);
      assert.equal(await s.page.locator('[data-testid="opr-compare-year"]').inputValue(), 'RY23/24');
      const tip = await tooltip(s, id, 'Current work: SDM1 lost');
      assert.equal(tip, 'Current work: SDM1 lost: £0.348m (£347,666.67) of £2.086m; kept, Current work − Baseline: −£347,666.67');
      const rows = await tableRows(s, id);
      assert.deepEqual(rows[0], ['Measure', 'Baseline kept £m', 'Baseline lost £m', 'Current work kept £m', 'Current work lost £m', 'Kept, Current work − Baseline']);
      assert.deepEqual(rows.find((r) => r[0] === 'SDM1'), ['SDM1', '2.086', '0.000', '1.738', '0.348', '−£347,666.67']);
      await shoot(s, id, 'opr-compare-chart.png');
      // Another year both sides have redraws the chart for it.
      const years = await s.page.locator('[data-testid="opr-compare-year"] option').evaluateAll((o) => o.map((x) => x.value));
      assert.ok(years.length >= 2, years.join(', '));
      await s.page.selectOption('[data-testid="opr-compare-year"]', years[0]);
      await waitForText(s.page.locator(`${chart(id)} [data-testid="chart-description"]`), (t) => t.includes(years[0]));
    });
  });
});
