// Out to the paper: any view printed to clean A4 pages (controls hidden, a
// header with the month, source and rule), and any table copied as
// tab-separated text for Excel or Word.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { useApp, withApp, waitForText, harness, TABLE, SCREENSHOT_DIR, STEP_TIMEOUT, TEST_TIMEOUT } from './helpers.mjs';

const COPY_MEASURES = '[data-testid="copy-table"][data-target="measures-table"]';
const STATUS_MEASURES = `.copy-table:has(${COPY_MEASURES}) [data-testid="copy-table-status"]`;
// A4 less the print margins (12 mm each side) at 96 px per inch: what print lays out in.
const PRINT_WIDTH = 703;

/** Pages in a PDF Chromium wrote: its page tree's count. */
function pdfPages(buf) {
  const text = buf.toString('latin1');
  const counts = [...text.matchAll(/\/Type\s*\/Pages\b[^>]*?\/Count\s+(\d+)|\/Count\s+(\d+)[^>]*?\/Type\s*\/Pages\b/g)].map((m) => Number(m[1] ?? m[2]));
  if (counts.length) return Math.max(...counts);
  return (text.match(/\/Type\s*\/Page\b/g) || []).length;
}

/**
 * Points per CSS pixel on a PDF's first page, from the transforms Chromium
 * (Skia) writes first: 0.75 when printed at full size, less when content
 * wider than the page made it shrink everything to fit. `null` if not found.
 */
function pdfScale(buf) {
  const text = buf.toString('latin1');
  for (let i = text.indexOf('stream\n'); i >= 0; i = text.indexOf('stream\n', i + 1)) {
    const start = i + 'stream\n'.length;
    const end = text.indexOf('endstream', start);
    let body;
    try {
      body = zlib.inflateSync(buf.subarray(start, end)).toString('latin1');
    } catch {
      continue;
    }
    const m = [...body.slice(0, 400).matchAll(/([\d.]+) 0 0 (-?[\d.]+) (-?[\d.]+) (-?[\d.]+) cm/g)];
    if (m.length >= 2) return Number(m[0][1]) * Number(m[1][1]);
  }
  return null;
}

/** The clipboard's text, read in the page (permission granted to its origin). */
const readClipboard = (page) => page.evaluate(() => navigator.clipboard.readText());

async function grantClipboard(s) {
  const { server } = harness();
  await s.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(server.url).origin });
}

/** Computed `display` of every element matching each selector. */
async function displays(page, selectors) {
  return page.evaluate((sels) => Object.fromEntries(sels.map((sel) => [
    sel, [...document.querySelectorAll(sel)].map((el) => getComputedStyle(el).display),
  ])), selectors);
}

describe('print and copy', { timeout: 10 * TEST_TIMEOUT }, () => {
  useApp();

  it('Copy table puts the measures table on the clipboard as tab-separated text', { timeout: TEST_TIMEOUT }, async () => {
    await withApp(undefined, async (s) => {
      await grantClipboard(s);
      await s.page.evaluate(() => navigator.clipboard.writeText('nothing yet'));
      const button = s.page.locator(COPY_MEASURES);
      assert.equal(await button.innerText(), 'Copy table');
      await button.click();
      const said = await waitForText(s.page.locator(STATUS_MEASURES), (t) => /Copied \d+ rows/.test(t));
      const text = await readClipboard(s.page);
      const lines = text.split('\n');
      assert.match(said, new RegExp(`Copied ${lines.length} rows`), said);
      assert.equal(lines[0], 'Measure\tProvider\tPrevious\tCurrent\tTarget / min\tStatus\tChange', text.slice(0, 400));
      const rowsOf = (code, provider) => lines.map((l) => l.split('\t')).filter((c) => c[0].split(' ')[0] === code && c[1] === provider);
      const [cpm1] = rowsOf('CPM1', 'DCC');
      assert.ok(cpm1, `a CPM1 row:\n${text.slice(0, 2000)}`);
      assert.equal(cpm1.length, 7, cpm1.join(' | '));
      assert.equal(cpm1[3], '92.75%', cpm1.join(' | '));
      assert.match(cpm1[5], /Below/, cpm1.join(' | '));
      // An editable figure: its ✎ button's text is left out.
      const [pm2] = rowsOf('PM2', 'CSPN');
      assert.equal(pm2[3], '23.74%', pm2.join(' | '));
      assert.ok(!text.includes('✎'), 'no ✎ in the copied text');
      // Group headings stay as rows of their own, one cell wide.
      assert.ok(lines.some((l) => /^CPM1 — /.test(l) && !l.includes('\t')), 'the CPM1 group heading is a row');
      // What an Excel paste needs: no cell spills over a line or a tab.
      assert.ok(lines.every((l) => l.split('\t').length <= 7), 'no line has more than seven cells');
    });
  });

  it('Copy table on the status grid copies its whole data table, closed or open', { timeout: TEST_TIMEOUT }, async () => {
    await withApp(undefined, async (s) => {
      await grantClipboard(s);
      await s.page.click('[data-testid="view-trends"]');
      const button = s.page.locator('[data-testid="copy-table"][data-target="status-grid-data"]');
      const status = s.page.locator('.copy-table:has([data-target="status-grid-data"]) [data-testid="copy-table-status"]');
      // The chart's data table is closed: its rows are not in the page.
      assert.equal(await s.page.locator('[data-testid="chart-status-grid"] [data-testid="chart-table"] tbody tr').count(), 0);
      await s.page.evaluate(() => navigator.clipboard.writeText('nothing yet'));
      await button.click();
      const said = await waitForText(status, (t) => /Copied \d+ rows/.test(t));
      const lines = (await readClipboard(s.page)).split('\n');
      assert.match(said, new RegExp(`Copied ${lines.length} rows`), said);
      assert.ok(lines.length > 50, `${lines.length} rows: ${lines.slice(0, 3).join(' / ')}`);
      const pm2 = lines.find((l) => l.startsWith('CSPN PM2\t'));
      assert.ok(pm2 && pm2.includes('23.74%'), `the CSPN PM2 row: ${pm2}`);
      // Opened, the table shows the same rows as were copied.
      await s.page.locator('[data-testid="chart-status-grid"] .chart-data summary').click();
      const shown = s.page.locator('[data-testid="chart-status-grid"] [data-testid="chart-table"] tbody tr');
      await shown.first().waitFor({ timeout: STEP_TIMEOUT });
      assert.equal(await shown.count(), lines.length - 1);
    });
  });

  it('without the Clipboard API, Copy table falls back to a selected text area', { timeout: TEST_TIMEOUT }, async () => {
    await withApp(undefined, async (s) => {
      // Remove the API and record what execCommand("copy") copies.
      await s.page.evaluate(() => {
        Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined, configurable: true });
        const copy = document.execCommand.bind(document);
        document.execCommand = (cmd, ...rest) => {
          window.__copied = cmd === 'copy' ? document.activeElement && document.activeElement.value : null;
          return copy(cmd, ...rest);
        };
      });
      await s.page.click(COPY_MEASURES);
      const said = await waitForText(s.page.locator(STATUS_MEASURES), (t) => t.length > 0);
      const copied = await s.page.evaluate(() => window.__copied);
      assert.ok(copied && copied.startsWith('Measure\tProvider\t'), `copied by the fallback: ${String(copied).slice(0, 200)}`);
      assert.match(said, /Copied \d+ rows|Could not copy/, said);
      assert.equal(await s.page.locator('textarea.copy-buffer').count(), 0, 'the text area is removed');
    });
  });

  it('every data table has its Copy table button', { timeout: TEST_TIMEOUT }, async () => {
    await withApp(undefined, async (s) => {
      const targets = async () => s.page.$$eval('[data-testid="copy-table"]', (bs) => bs.map((b) => b.dataset.target));
      const found = new Set(await targets());
      const month = (await s.page.locator('[data-testid="view-month"]').count()) > 0;
      for (const view of [...(month ? ['view-month'] : []), 'view-credits', 'view-trends', 'view-opr']) {
        await s.page.click(`[data-testid="${view}"]`);
        await s.page.waitForTimeout(300);
        for (const t of await targets()) found.add(t);
      }
      await s.page.click('[data-testid="view-credits"]');
      for (const tab of ['tab-credits-month', 'tab-credits-year', 'tab-credits-checks']) {
        await s.page.click(`[data-testid="${tab}"]`);
        await s.page.waitForTimeout(200);
        for (const t of await targets()) found.add(t);
      }
      const expected = ['measures-table', 'opr-table', 'status-grid-data', 'credits-month-table', 'credits-year-overall', 'credit-checks-table'];
      if (month) expected.push('month-scorecard', 'month-misses');
      for (const t of expected) {
        assert.ok(found.has(t), `a Copy table button for ${t}; found ${[...found].join(', ')}`);
      }
      // Each button's target is on the page with it.
      for (const t of await targets()) {
        assert.equal(await s.page.locator(`[id="${t}"]`).count(), 1, `exactly one element with id ${t}`);
      }
    });
  });

  it('printed, a view loses its controls, keeps its tables whole and gains a header', { timeout: TEST_TIMEOUT }, async () => {
    await withApp({ width: PRINT_WIDTH, height: 1000 }, async (s) => {
      const header = s.page.locator('[data-testid="print-header"]');
      assert.equal(await header.evaluate((el) => getComputedStyle(el).display), 'none', 'the print header is hidden on screen');
      await s.page.emulateMedia({ media: 'print' });
      assert.notEqual(await header.evaluate((el) => getComputedStyle(el).display), 'none', 'the print header shows in print');
      const said = await header.innerText();
      assert.match(said, /March 2021/, said);
      assert.match(said, /Performance Measurement Reports? for (\w+ 2021 to )?March 2021/, said);
      assert.match(said, /compared|rounded/i, said);
      const d = await displays(s.page, [
        'button:not(.link)', 'select', 'textarea', 'input', '.toolbar', '.views', '.import', '.data-actions', '[data-testid="copy-table"]',
      ]);
      for (const [sel, list] of Object.entries(d)) {
        assert.ok(list.every((v) => v === 'none'), `${sel} hidden in print: ${list.join(', ')}`);
      }
      // The phone's cards (an A4 page is narrower than 760 px) are a table again, its head repeated.
      const table = await s.page.$eval(TABLE, (t) => ({
        table: getComputedStyle(t).display,
        head: getComputedStyle(t.tHead).display,
        row: getComputedStyle(t.querySelector('tr.measure-row')).display,
        rowBreak: getComputedStyle(t.querySelector('tr.measure-row')).breakInside,
        cell: getComputedStyle(t.querySelector('tr.measure-row td')).display,
      }));
      assert.deepEqual(table, { table: 'table', head: 'table-header-group', row: 'table-row', rowBreak: 'avoid', cell: 'table-cell' });
      const [wide, page] = await s.page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
      assert.ok(wide <= page + 1, `nothing wider than the page (${wide} px in ${page} px)`);
      // The chart is as wide as the page.
      const chart = await s.page.$eval('.chart-canvas img', (img) => [img.getBoundingClientRect().width, document.querySelector('.app').getBoundingClientRect().width]);
      assert.ok(Math.abs(chart[0] - chart[1]) < 2, `the chart fills the page's width: ${chart.join(' of ')}`);
      fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
      await s.page.screenshot({ path: path.join(SCREENSHOT_DIR, 'print-levels.png'), fullPage: true });
      const pdf = await s.page.pdf({ format: 'A4', printBackground: true });
      fs.writeFileSync(path.join(SCREENSHOT_DIR, 'print-levels.pdf'), pdf);
      const pages = pdfPages(pdf);
      assert.ok(pages > 0 && pages < 40, `a reasonable number of A4 pages: ${pages}`);
      const scale = pdfScale(pdf);
      assert.ok(scale === null || scale > 0.745, `printed at full size, not shrunk to fit (${scale} pt/px)`);
    });
  });

  it('the other views print too', { timeout: TEST_TIMEOUT }, async () => {
    await withApp({ width: PRINT_WIDTH, height: 1000 }, async (s) => {
      fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
      const views = ['view-credits', 'view-trends', 'view-opr'];
      if (await s.page.$('[data-testid="view-month"]')) views.unshift('view-month');
      for (const view of views) {
        await s.page.emulateMedia({ media: 'screen' });
        await s.page.click(`[data-testid="${view}"]`);
        await s.page.waitForTimeout(400);
        await s.page.emulateMedia({ media: 'print' });
        const shown = await s.page.$$eval('button:not(.link), select, textarea', (els) => els.filter((el) => getComputedStyle(el).display !== 'none').length);
        assert.equal(shown, 0, `${view}: no control shows in print`);
        const [wide, page] = await s.page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
        assert.ok(wide <= page + 1, `${view}: nothing wider than the page (${wide} px in ${page} px)`);
        const name = view.replace('view-', 'print-');
        await s.page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
        const pdf = await s.page.pdf({ format: 'A4', printBackground: true });
        fs.writeFileSync(path.join(SCREENSHOT_DIR, `${name}.pdf`), pdf);
        const pages = pdfPages(pdf);
        assert.ok(pages > 0 && pages < 60, `${view}: ${pages} pages`);
        const scale = pdfScale(pdf);
        assert.ok(scale === null || scale > 0.745, `${view}: printed at full size, not shrunk to fit something too wide (${scale} pt/px)`);
      }
    });
  });
});



