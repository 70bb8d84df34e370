// The PMR's own text, copied from its PDF and pasted into the app: the
// preview says what it is, how complete, every figure with its line; the
// figures change only on accepting, and undo takes them back.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { useApp, withApp, waitForText, row, REPO_ROOT, SCREENSHOT_DIR, STEP_TIMEOUT, TEST_TIMEOUT } from './helpers.mjs';

const PREVIEW = '[data-testid="import-preview"]';
const REPORT = fs.readFileSync(path.join(REPO_ROOT, 'tests', 'fixtures', 'reports', 'pmr-2021-03.txt'), 'utf8');
const current = (s, measure, provider) => s.page.locator(`${row(measure, provider)} td[data-label="Current"]`);

/** Sets the box as one paste would, then checks it. */
async function pasteReport(s, text) {
  await s.page.evaluate((t) => {
    const box = document.querySelector('[data-testid="paste-box"]');
    box.value = t;
    box.dispatchEvent(new InputEvent('input', { bubbles: true }));
  }, text);
  await s.page.click('[data-testid="check-paste"]');
  await s.page.locator(PREVIEW).waitFor({ timeout: STEP_TIMEOUT });
  return s.page.locator(PREVIEW).innerText();
}

describe('the PMR text pasted', { timeout: 6 * TEST_TIMEOUT }, () => {
  useApp();

  it('reads the whole March 2021 report, shows every figure with its line, and replaces on accepting', { timeout: TEST_TIMEOUT }, async () => {
    await withApp(undefined, async (s) => {
      // Start from other figures, so the report's own must arrive.
      const cell = current(s, 'PM2', 'CSPN');
      await s.page.fill('[data-testid="paste-box"]', 'measure\tprovider\tMar-21\nPM2\tCSPN\t50%\n');
      await s.page.click('[data-testid="check-paste"]');
      await s.page.click('[data-testid="accept-import"]');
      await waitForText(cell, (t) => t.includes('50.00%'));

      const text = await pasteReport(s, REPORT);
      assert.match(text, /Performance Measurement Report \(text copied from the PDF\)/, text);
      assert.match(text, /figures for 116 of the 116 measures the catalogue expects/, text);
      assert.doesNotMatch(text, /could not be placed/, text);
      // Every figure read, with its line and table: CSPN PM2 from Table 1's line.
      await s.page.click('[data-testid="figures-read"] summary');
      const figures = await s.page.locator('[data-testid="figures-read"] tbody tr').allInnerTexts();
      assert.ok(figures.length >= 380, `${figures.length} figures listed`);
      assert.ok(figures.some((f) => /^782\s+Table 1, CSPN PM2\s+2021-03 PM2 CSPN level\s+23\.74%/.test(f)), figures.slice(0, 20).join('\n'));
      assert.ok(figures.some((f) => /Table 29\s+2020-06 Telefonica credits\s+TBC/.test(f)));
      // Nothing has changed yet.
      assert.match(await cell.innerText(), /50\.00%/);
      fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
      await s.page.screenshot({ path: path.join(SCREENSHOT_DIR, 'report-preview.png'), fullPage: false });

      await s.page.click('[data-testid="replace-import"]');
      await waitForText(cell, (t) => t.includes('23.74%'));
      assert.match(await current(s, 'CPM1', 'DCC').innerText(), /92\.75%/);
      assert.match(await current(s, 'CH1.3', 'CSPC').innerText(), /99\.897%/);
      await s.page.click('[data-testid="undo"]');
      assert.match(await waitForText(cell, (t) => t.includes('50.00%')), /50\.00%/);
    });
  });

  it('two pages alone: what they hold, the month from the footer, what is missing', { timeout: TEST_TIMEOUT }, async () => {
    await withApp(undefined, async (s) => {
      const lines = REPORT.split('\n');
      const text = await pasteReport(s, lines.slice(1978, 2318).join('\n'));
      assert.match(text, /Read the March 2021 Performance Measurement Report: figures for \d+ of the 116/, text);
      assert.match(text, /missing: .*CPM1/, text);
    });
  });

  it('a row it cannot place is listed with its line', { timeout: TEST_TIMEOUT }, async () => {
    await withApp(undefined, async (s) => {
      const broken = REPORT.replace(' 12.2 Percentage of Power Outage Event \nalerts delivered: greater than 50', ' 19.9 Percentage of Power Outage Event \nalerts delivered: greater than 50');
      await pasteReport(s, broken);
      const unplaced = await s.page.locator('[data-testid="unplaced"]').innerText();
      assert.match(unplaced, /2169\s+19\.9 Percentage of Power Outage Event/, unplaced);
      assert.match(unplaced, /no measure of CSPN has the number printed here/, unplaced);
    });
  });
});
