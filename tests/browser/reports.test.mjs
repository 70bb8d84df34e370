// The other reports' view: forecast variance, RDP incidents and problem
// records from the sample, checked and charted; a bad file refused whole
// with its location; a good one merged, kept across a reload, exported;
// the report's own text read for its problem records; reset to the sample;
// figures another tab loads shown here, not written over.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { useApp, withApp, harness, assertClean, waitForText, REPO_ROOT, SCREENSHOT_DIR, LOAD_TIMEOUT, STEP_TIMEOUT, TEST_TIMEOUT } from './helpers.mjs';

const VIEW = '[data-testid="reports-view"]';
const NOTICE = '[data-testid="reports-notice"]';

async function openReports(s) {
  await s.page.click('[data-testid="view-reports"]');
  await s.page.waitForSelector(VIEW, { timeout: STEP_TIMEOUT });
}

async function load(s, id, name, text) {
  await s.page.setInputFiles(`[data-testid="${id}-file"]`, { name, mimeType: 'text/csv', buffer: Buffer.from(text) });
}

describe('the other reports in headless Chromium', { timeout: 6 * TEST_TIMEOUT }, () => {
  useApp();

  it('shows July 2019 both ways, August 2021 carried over and Table 31 checked', { timeout: TEST_TIMEOUT }, async () => {
    await withApp(undefined, async (s) => {
      await openReports(s);
      const csr = s.page.locator('[data-testid="variance-month"]').first();
      assert.match(await csr.innerText(), /CSR July 2019: 112\.8% of forecast with zero forecasts left out, 124\.6% of all requests/);
      await csr.locator('summary').click();
      assert.match(await csr.locator('[data-testid="variance-why"]').innerText(), /about 384,999 \(between 383,362 and 386,635/);
      const aug = s.page.locator('[data-testid="rdp-row"]').last();
      assert.match(await aug.innerText(), /August 2021\s+8 \(implied/);
      assert.equal(await aug.getAttribute('data-balances'), 'true');
      assert.match(await s.page.locator('[data-testid="problems-checks"] caption').innerText(), /^14 checks, 0 differ$/);
      assert.equal(await s.page.locator('[data-testid="exclusions-summary"]').innerText(), '8 list(s); 2 count(s) flagged; 0 list(s) whose sums differ.');
      // Each list's share of its measures' events, beside their levels.
      const pmel = s.page.locator('[data-testid="excluded-share"][data-list="CPM4/5 (PMEL)"]');
      assert.equal(await pmel.locator('[data-testid="share"]').innerText(), '87.55%');
      assert.match(await pmel.innerText(), /DCC CPM4: 100\.00%; DCC CPM5: 90\.12%/);
      const hubs = s.page.locator('[data-testid="excluded-share"][data-list="CSPN PM1.4"]');
      assert.equal(await hubs.locator('[data-testid="share"]').innerText(), 'unknown');
      assert.match(await hubs.innerText(), /given as a level, not as counts/);
      const cspc = s.page.locator('[data-testid="exclusion-list"]', { hasText: 'CSPC PM1.1:' });
      await cspc.locator('summary').click();
      assert.match(await cspc.locator('[data-testid="exclusion-flag"]').innerText(), /printed “8\.016\*”, not a whole number: the list adds up to its stated 13,662 only if it is 8,016/);
      for (const id of ['variance-csr', 'variance-sr', 'rdp']) {
        const chart = s.page.locator(`[data-testid="chart-${id}"]`);
        await chart.waitFor({ timeout: STEP_TIMEOUT });
        assert.ok((await chart.locator('[data-testid="hotspot"]').count()) > 0, `${id} has points`);
      }
      const aged = s.page.locator('[data-testid="aged-table"]');
      assert.deepEqual(await aged.locator(':scope > summary').allInnerTexts(), [
        'Assigned to service providers or the DCC, March 2021 report: 3,051 tickets; 35 of 36 checks hold, 1 cannot be checked',
        'Assigned to service users, March 2021 report: 20,467 tickets; 38 of 38 checks hold',
      ]);
      await s.page.locator('[data-testid="chart-aged"]').waitFor({ timeout: STEP_TIMEOUT });
      fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
      await s.page.screenshot({ path: path.join(SCREENSHOT_DIR, 'reports.png'), fullPage: true });
      // The month view lists what the other reports found in its month:
      // the 8.016 of the two CSPC lists.
      await s.page.click('[data-testid="view-month"]');
      const findings = s.page.locator('[data-testid="month-findings"] li[data-kind="OtherReport"]');
      await findings.first().waitFor({ timeout: STEP_TIMEOUT });
      assert.equal(await findings.count(), 2);
      // The headline counts what the list shows.
      const all = await s.page.locator('[data-testid="month-findings"] li').count();
      assert.match(await s.page.locator('#month-title').innerText(),
        new RegExp(`; ${all} discrepancies in the report \\(${all - 2} in its figures, 2 in its other tables and reports\\)\\.$`));
      assert.match(await findings.first().innerText(), /CSPC PM1\.1 exclusions, “There were no, or incomplete address details provided by the Service User”: printed “8\.016\*”/);
    });
  });

  it('shows figures another tab loaded, and adds a load here to them', { timeout: TEST_TIMEOUT }, async () => {
    const a = await harness().browser.newPage({ viewport: { width: 1280, height: 900 } });
    try {
      const b = { page: await a.context.newPage() };
      for (const t of [a, b]) {
        await t.page.goto(harness().server.url, { waitUntil: 'load', timeout: LOAD_TIMEOUT });
        await t.page.waitForSelector('[data-testid="view-reports"]', { timeout: LOAD_TIMEOUT });
        await openReports(t);
      }
      await load(a, 'rdp', 'sept.csv', 'period,opened,resolved,open_at_end\n2021-09,3,2,6\n');
      await waitForText(a.page.locator(NOTICE), (t) => t.includes('sept.csv'));
      // B is told and shows A's months...
      assert.match(await waitForText(b.page.locator(NOTICE), (t) => t.includes('Another tab')), /^Another tab of the calculator loaded other figures: they are shown here now\./);
      assert.equal(await b.page.locator('[data-testid="rdp-row"]').count(), 3);
      // ...and its own load adds to them: A's September is kept.
      await load(b, 'rdp', 'oct.csv', 'period,opened,resolved,open_at_end\n2021-10,1,1,6\n');
      await waitForText(b.page.locator(NOTICE), (t) => t.includes('oct.csv'));
      assert.equal(await b.page.locator('[data-testid="rdp-row"]').count(), 4);
      const kept = await b.page.evaluate(() => localStorage.getItem('dcc-perf-reports-v1'));
      assert.match(kept, /2021-09/);
      assert.match(kept, /2021-10/);
      await b.page.close();
      assertClean(a);
    } finally {
      await a.close().catch(() => {});
    }
  });

  it('refuses a bad file whole, merges a good one, keeps it across a reload, exports and resets', { timeout: TEST_TIMEOUT }, async () => {
    await withApp(undefined, async (s) => {
      await openReports(s);
      const rows = s.page.locator('[data-testid="rdp-row"]');
      assert.equal(await rows.count(), 2);
      await load(s, 'rdp', 'bad.csv', 'period,opened,resolved,open_at_end\n2021-09,-1,1,1\n2021-10,1,1,\n');
      const errors = await waitForText(s.page.locator('[data-testid="rdp-section"] [data-testid="report-errors"]'), (t) => t.includes('bad.csv'));
      assert.match(errors, /Nothing was loaded: 1 problem/);
      assert.match(errors, /bad\.csv, row 2, column opened: found "-1"/);
      assert.equal(await rows.count(), 2, 'nothing was loaded');

      await load(s, 'rdp', 'sept.csv', 'period,opened,resolved,open_at_end\n2021-09,3,2,6\n');
      assert.match(await waitForText(s.page.locator(NOTICE), (t) => t.includes('sept.csv')), /1 new month\(s\) of RDP incidents, 0 replaced/);
      assert.equal(await rows.count(), 3);
      // 4 carried from August + 3 − 2 = 5, not the 6 stated: flagged.
      assert.equal(await rows.last().getAttribute('data-balances'), 'false');
      assert.match(await rows.last().innerText(), /4 \(carried/);

      await s.page.reload();
      await openReports(s);
      assert.equal(await s.page.locator('[data-testid="rdp-row"]').count(), 3, 'kept across a reload');

      const [download] = await Promise.all([s.page.waitForEvent('download'), s.page.click('[data-testid="rdp-export"]')]);
      assert.equal(download.suggestedFilename(), 'dcc-perf-rdp.csv');
      const csv = fs.readFileSync(await download.path(), 'utf8');
      assert.match(csv, /^period,open_at_start,opened,resolved,reassigned,open_at_end,note\n/);
      assert.match(csv, /\n2021-09,,3,2,,6,\n/);

      await s.page.click('[data-testid="reports-reset"]');
      await waitForText(s.page.locator(NOTICE), (t) => t.includes('back to the sample'));
      assert.equal(await s.page.locator('[data-testid="rdp-row"]').count(), 2);
    });
  });

  it("checks the aged incidents' claimed reduction once the previous report's table is loaded", { timeout: TEST_TIMEOUT }, async () => {
    await withApp(undefined, async (s) => {
      await openReports(s);
      await load(s, 'aged', 'february.csv', 'table,report,raised,cat_1,cat_2,cat_3,cat_4,cat_5,total\nproviders,2021-02,2020-06,,,,,2110,2110\n');
      assert.match(await waitForText(s.page.locator(NOTICE), (t) => t.includes('february.csv')), /1 new aged incident table\(s\), 0 replaced/);
      const march = s.page.locator('[data-testid="aged-table"]', { hasText: 'service providers or the DCC, March 2021' });
      assert.match(await march.locator(':scope > summary').innerText(), /36 of 36 checks hold$/);
      await march.locator(':scope > summary').click();
      await march.locator('summary', { hasText: 'checks that hold' }).click();
      assert.match(await march.innerText(), /1,646 over 90 days at March 2021 against 2,110 at February 2021, a change of -22%/);
    });
  });

  it('takes the bank holidays as data: a bad line refused, a good list used and kept', { timeout: TEST_TIMEOUT }, async () => {
    await withApp(undefined, async (s) => {
      await openReports(s);
      const box = s.page.locator('[data-testid="holidays"]');
      assert.match(await box.locator('summary').innerText(), /England and Wales, 2019 to 2026, as shipped \(67 days\)/);
      await box.locator('summary').click();
      await s.page.fill('[data-testid="holidays-text"]', '2021-12-27\n2021-02-30\n');
      await s.page.click('[data-testid="holidays-use"]');
      assert.match(await box.locator('[data-testid="report-errors"]').innerText(), /line 2: found “2021-02-30”; expected a day that exists/);
      assert.match(await box.locator('summary').innerText(), /as shipped/);
      await s.page.fill('[data-testid="holidays-text"]', '2021-12-27\n2021-12-28\n');
      await s.page.click('[data-testid="holidays-use"]');
      await waitForText(s.page.locator(NOTICE), (t) => t.includes('2 bank holidays in use'));
      assert.match(await box.locator('summary').innerText(), /your list \(2 days\)/);
      await s.page.click('[data-testid="holidays-shipped"]');
      await waitForText(box.locator('summary'), (t) => t.includes('as shipped'));
    });
  });

  it("reads the problem records from the report's own text, pasted", { timeout: TEST_TIMEOUT }, async () => {
    await withApp(undefined, async (s) => {
      await openReports(s);
      // A variant of the report's text: March 2021's row says 8 related
      // where seven records are listed.
      const seed = path.join(REPO_ROOT, 'tests', 'fixtures', 'reports', 'pmr-2021-03.txt');
      const text = fs.readFileSync(seed, 'utf8').replace('2021 March 7 0 7', '2021 March 8 0 8');
      const section = s.page.locator('[data-testid="problems-section"]');
      await section.locator('summary', { hasText: 'or paste' }).click();
      // Set as a paste would (Playwright's fill stalls on 120 KB of text).
      await s.page.locator('[data-testid="problems-paste"]').evaluate((el, t) => { el.value = t; }, text);
      await s.page.click('[data-testid="problems-read"]');
      await waitForText(s.page.locator(NOTICE), (t) => t.includes('pasted text'));
      const caption = await waitForText(section.locator('[data-testid="problems-checks"] caption'), (t) => /differ$/.test(t) && !t.endsWith(' 0 differ'));
      assert.match(caption, /1 differ$/, caption);
      assert.match(await section.locator('[data-testid="problems-checks"] tr').first().innerText(), /March 2021: 8 related in the table, 7 listed after it/);
    });
  });
});
