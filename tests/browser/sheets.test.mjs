// Spreadsheets as people keep them, pasted: a name that could be two
// providers is asked about, fractions are caught, an unknown layout gets in
// after one mapping step, and the mapping is remembered for the next paste
// of the same shape.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { useApp, withApp, waitForText, row, SCREENSHOT_DIR, STEP_TIMEOUT, TEST_TIMEOUT } from './helpers.mjs';

const PREVIEW = '[data-testid="import-preview"]';
const current = (s, measure, provider) => s.page.locator(`${row(measure, provider)} td[data-label="Current"]`);

async function paste(s, text) {
  await s.page.fill('[data-testid="paste-box"]', text);
  await s.page.click('[data-testid="check-paste"]');
  await s.page.locator(PREVIEW).waitFor({ timeout: STEP_TIMEOUT });
  return s.page.locator(PREVIEW).innerText();
}

describe('spreadsheets pasted', { timeout: 6 * TEST_TIMEOUT }, () => {
  useApp();

  it('title rows, people\'s column names, UK dates and "Telefonica" asked about', { timeout: TEST_TIMEOUT }, async () => {
    await withApp(undefined, async (s) => {
      const text = await paste(
        s,
        'CSP figures kept by the Ops team\n\nService Provider\tPerformance Measure\tMonth\tService Level\tDescription\n' +
          'Telefonica\tPM2\t01/03/2021\t99.5\tfirmware, south\n',
      );
      assert.match(text, /Telefonica/, text);
      await s.page.locator('[data-testid="question-provider"]').waitFor({ timeout: STEP_TIMEOUT });
      assert.equal(await s.page.locator('[data-testid="accept-import"]').count(), 0, 'not acceptable until answered');
      await s.page.click('[data-testid="provider-CSPS"]');
      await s.page.locator('[data-testid="accept-import"]').waitFor({ timeout: STEP_TIMEOUT });
      await s.page.click('[data-testid="accept-import"]');
      assert.match(await waitForText(current(s, 'PM2', 'CSPS'), (t) => t.includes('99.50%')), /99\.50%/);
    });
  });

  it('fractions are caught, and read as percentages with one action', { timeout: TEST_TIMEOUT }, async () => {
    await withApp(undefined, async (s) => {
      await paste(s, 'measure\tprovider\tMar-21\nPM2\tCSPN\t0.991\n');
      await s.page.locator('[data-testid="question-fractions"]').waitFor({ timeout: STEP_TIMEOUT });
      assert.equal(await s.page.locator('[data-testid="accept-import"]').count(), 0);
      await s.page.click('[data-testid="fractions-percent"]');
      const text = await waitForText(s.page.locator(PREVIEW), (t) => /99\.1/.test(t));
      assert.match(text, /99\.1/, text);
      await s.page.click('[data-testid="accept-import"]');
      assert.match(await waitForText(current(s, 'PM2', 'CSPN'), (t) => t.includes('99.10%')), /99\.10%/);
    });
  });

  it('an unknown layout gets in after one mapping step, remembered for the next paste', { timeout: TEST_TIMEOUT }, async () => {
    await withApp(undefined, async (s) => {
      await paste(s, 'Who\tWhat\tWhen\tScore\nCSPN\tPM2\t2021-03\t97\n');
      await s.page.locator('[data-testid="question-columns"]').waitFor({ timeout: STEP_TIMEOUT });
      for (const [col, role] of [['A', 'provider'], ['B', 'measure'], ['C', 'period'], ['D', 'value']]) {
        await s.page.selectOption(`[data-testid="map-${col}"]`, role);
      }
      fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
      await s.page.screenshot({ path: path.join(SCREENSHOT_DIR, 'sheet-mapping.png'), fullPage: false });
      await s.page.click('[data-testid="apply-mapping"]');
      await s.page.locator('[data-testid="accept-import"]').waitFor({ timeout: STEP_TIMEOUT });
      await s.page.click('[data-testid="accept-import"]');
      assert.match(await waitForText(current(s, 'PM2', 'CSPN'), (t) => t.includes('97.00%')), /97\.00%/);
      // Next month's sheet, the same shape: no question asked.
      await paste(s, 'Who\tWhat\tWhen\tScore\nCSPN\tPM2\t2021-03\t96\n');
      await s.page.locator('[data-testid="accept-import"]').waitFor({ timeout: STEP_TIMEOUT });
      assert.equal(await s.page.locator('[data-testid="question-columns"]').count(), 0);
      await s.page.click('[data-testid="accept-import"]');
      assert.match(await waitForText(current(s, 'PM2', 'CSPN'), (t) => t.includes('96.00%')), /96\.00%/);
      // And a file of that shape, chosen rather than pasted.
      await s.page.setInputFiles('[data-testid="file-input"]', {
        name: 'april.tsv',
        mimeType: 'text/tab-separated-values',
        buffer: Buffer.from('Who\tWhat\tWhen\tScore\nCSPN\tPM2\t2021-03\t95\n'),
      });
      await s.page.locator('[data-testid="accept-import"]').waitFor({ timeout: STEP_TIMEOUT });
      assert.equal(await s.page.locator('[data-testid="question-columns"]').count(), 0);
      await s.page.click('[data-testid="accept-import"]');
      assert.match(await waitForText(current(s, 'PM2', 'CSPN'), (t) => t.includes('95.00%')), /95\.00%/);
    });
  });
});
