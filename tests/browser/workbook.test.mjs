// Workbooks in the real app: an .xlsx or .ods dropped on the import box is
// read by the sheet worker (a second wasm module, fetched only then) and
// previewed like a pasted block; a sheet picker when several sheets hold
// data; a damaged workbook is an error naming the file.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { useApp, harness, showLevels, withApp, waitForText, assertClean, diagnostics, REPO_ROOT, TABLE, LOAD_TIMEOUT, STEP_TIMEOUT, TEST_TIMEOUT } from './helpers.mjs';

const PREVIEW = '[data-testid="import-preview"]';
const PICKER = '[data-testid="sheet-picker"]';
const WORKER = /dcc-perf-sheet-worker/;
// Neither worker (workbooks; the second half of a big incident list) is part of the first load.
const WORKERS = /dcc-perf-(sheet|import)-worker/;
const fixture = (name) => fs.readFileSync(path.join(REPO_ROOT, 'tests', 'fixtures', 'workbooks', name));

/** Drops a file on the import box, as a user dragging it from their desktop. */
async function drop(page, name, bytes) {
  const dt = await page.evaluateHandle(
    ([name, b64]) => {
      const bin = atob(b64);
      const buf = new Uint8Array(bin.length);
      for (let i = 0; i < bin.length; i++) buf[i] = bin.charCodeAt(i);
      const d = new DataTransfer();
      d.items.add(new File([buf], name));
      return d;
    },
    [name, bytes.toString('base64')],
  );
  await page.dispatchEvent('[data-testid="import-panel"]', 'drop', { dataTransfer: dt });
}

async function preview(page, test) {
  await page.locator(PREVIEW).waitFor({ timeout: STEP_TIMEOUT });
  return waitForText(page.locator(PREVIEW), test);
}

describe('workbooks', { timeout: 6 * TEST_TIMEOUT }, () => {
  useApp();

  it('the first load does not fetch the sheet worker; a dropped .xlsx is read by it and previewed', { timeout: TEST_TIMEOUT }, async () => {
    const s = await harness().browser.newPage({ viewport: { width: 1280, height: 900 } });
    try {
      const requested = [];
      s.context.on('request', (r) => requested.push(r.url()));
      await s.page.goto(harness().server.url, { waitUntil: 'load', timeout: LOAD_TIMEOUT });
      await showLevels(s.page, LOAD_TIMEOUT);
      await s.page.waitForLoadState('networkidle', { timeout: 5_000 }).catch(() => {});
      assert.ok(requested.some((u) => /\.wasm/.test(u)), `the app's wasm was fetched: ${requested.join(', ')}`);
      assert.deepEqual(requested.filter((u) => WORKERS.test(u)), [], 'no part of either worker on first load');

      await drop(s.page, 'sample-long.xlsx', fixture('sample-long.xlsx'));
      const text = await preview(s.page, (t) => /rows good/.test(t));
      assert.match(text, /sample-long\.xlsx, sheet Figures/, text);
      assert.match(text, /239 of 239 rows good, 0 rejected/, text);
      assert.doesNotMatch(text, /tab-separated/, 'a workbook is not called tab-separated');
      assert.equal(await s.page.locator(PICKER).count(), 0, 'one sheet: nothing to pick');
      const worker = requested.filter((u) => WORKER.test(u)).map((u) => new URL(u).pathname);
      assert.ok(worker.includes('/dcc-perf-sheet-worker_loader.js'), `the worker was started: ${worker.join(', ')}`);
      assertClean(s);
    } catch (err) {
      throw new Error(`${err && err.message}${diagnostics(s)}`, { cause: err });
    } finally {
      await s.close().catch(() => {});
    }
  });

  it('an .ods with a notes sheet opens on its data, and the picker reads another sheet', { timeout: TEST_TIMEOUT }, async () => {
    await withApp(undefined, async (s) => {
      await drop(s.page, 'two-sheets.ods', fixture('two-sheets.ods'));
      let text = await preview(s.page, (t) => /rows good/.test(t));
      assert.match(text, /two-sheets\.ods, sheet Data/, text);
      assert.match(text, /3 of 3 rows good/, text);
      const picker = s.page.locator(PICKER);
      await picker.waitFor({ timeout: STEP_TIMEOUT });
      assert.match(await picker.innerText(), /2 of its 3 sheets hold data/);
      const options = await s.page.locator('[data-testid="sheet-select"] option').allInnerTexts();
      assert.deepEqual(options, ['Notes (3 rows)', 'Data (4 rows)']);
      await s.page.selectOption('[data-testid="sheet-select"]', { label: 'Notes (3 rows)' });
      text = await waitForText(s.page.locator(PREVIEW), (t) => t.includes('sheet Notes'));
      assert.match(text, /two-sheets\.ods, sheet Notes/, text);
      assert.equal(await s.page.locator('[data-testid="accept-import"]').count(), 0, 'notes cannot be accepted');
      await s.page.selectOption('[data-testid="sheet-select"]', { label: 'Data (4 rows)' });
      text = await waitForText(s.page.locator(PREVIEW), (t) => t.includes('sheet Data'));
      await s.page.click('[data-testid="accept-import"]');
      await s.page.locator(PREVIEW).waitFor({ state: 'detached', timeout: STEP_TIMEOUT });
      assert.equal(await picker.count(), 0, 'the picker goes with the preview');
    });
  });

  it('an .xlsx chosen with the file picker, month headers as dates, reads as a wide table', { timeout: TEST_TIMEOUT }, async () => {
    await withApp(undefined, async (s) => {
      const accept = await s.page.locator('[data-testid="file-input"]').getAttribute('accept');
      assert.match(accept, /\.xlsx/);
      assert.match(accept, /\.ods/);
      await s.page.setInputFiles('[data-testid="file-input"]', { name: 'wide-dates.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: fixture('wide-dates.xlsx') });
      const text = await preview(s.page, (t) => /rows good/.test(t));
      assert.match(text, /Check: wide-dates\.xlsx, sheet Wide/, text);
      assert.match(text, /Read as wide table/, text);
      assert.match(text, /20 of 20 rows good, 0 rejected/, text);
    });
  });

  it('a damaged workbook is an error naming the file', { timeout: TEST_TIMEOUT }, async () => {
    await withApp(undefined, async (s) => {
      await drop(s.page, 'truncated.xlsx', fixture('truncated.xlsx'));
      const text = await preview(s.page, (t) => /truncated\.xlsx/.test(t) && /damaged/.test(t));
      assert.match(text, /Check: truncated\.xlsx/, text);
      assert.match(text, /an \.xlsx workbook; this file is damaged or not a workbook/, text);
    });
  });

  it('a sheet worker that cannot be loaded is said so', { timeout: TEST_TIMEOUT }, async () => {
    await withApp(undefined, async (s) => {
      await s.context.route(/dcc-perf-sheet-worker_loader\.js/, (route) => route.fulfill({ status: 404, body: 'gone' }));
      await drop(s.page, 'sample-long.xlsx', fixture('sample-long.xlsx'));
      const text = await preview(s.page, (t) => /sample-long\.xlsx/.test(t));
      assert.match(text, /a workbook the spreadsheet reader could read; it stopped/, text);
    });
  });
});
