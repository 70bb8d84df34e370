// The month view: the verdict on one laptop screen, findings one click from
// their explanations, claims checked and added, partial months flagged,
// keyboard tabs and the skip link.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import fs from 'node:fs';
import { useApp, harness, assertClean, diagnostics, waitForText, SCREENSHOT_DIR, EXPLANATION, MONTH_VIEW, LOAD_TIMEOUT, STEP_TIMEOUT, TEST_TIMEOUT } from './helpers.mjs';

const VIEW = MONTH_VIEW;
const SCORECARD = '[data-testid="scorecard"]';
const MISSES = '[data-testid="month-misses"]';
const FINDINGS = '[data-testid="month-findings"]';
const MONEY = '[data-testid="month-money"]';
const RECOVERIES = '[data-testid="recoveries"]';
const CLAIMS = '[data-testid="month-claims"]';

/** A fresh page opened as a visitor opens it: on the month view. */
async function withMonth(viewport, body) {
  const s = await harness().browser.newPage({ viewport });
  try {
    await s.page.goto(harness().server.url, { waitUntil: 'load', timeout: LOAD_TIMEOUT });
    await s.page.waitForSelector(VIEW, { timeout: LOAD_TIMEOUT });
    try {
      await body(s);
    } catch (err) {
      throw new Error(`${err && err.message}${diagnostics(s)}`, { cause: err });
    }
    assertClean(s);
  } finally {
    await s.close().catch(() => {});
  }
}

/** The bottom of an element, in CSS px from the top of the page. */
const bottom = (page, sel) => page.locator(sel).evaluate((e) => e.getBoundingClientRect().bottom + window.scrollY);

describe('the month view', { timeout: 8 * TEST_TIMEOUT }, () => {
  useApp();

  it('opens first and shows March 2021 on one 1280×800 screen', { timeout: TEST_TIMEOUT }, async () => {
    await withMonth({ width: 1280, height: 800 }, async ({ page }) => {
      assert.equal(await page.locator('[data-testid="view-month"]').getAttribute('aria-selected'), 'true');
      const verdict = await page.locator('#month-title').innerText();
      assert.match(verdict, /^March 2021: 1 of 8 CPMs below target; 8 measures below target; \d+ discrepancies in the report\.$/, verdict);
      const cpm1 = await page.locator(`${SCORECARD} tr[data-measure="CPM1"]`).innerText();
      assert.match(cpm1, /92\.75%/);
      assert.match(cpm1, /Below minimum/);
      assert.match(cpm1, /≥ 2 months/, 'only two months of CPM1 are loaded: at least');
      const back = await page.locator(RECOVERIES).innerText();
      assert.match(back, /weakest component is CSPN PM2 \(23\.74%\)\. It meets 99% only if CSPN PM2 reaches 92\.48%/, back);
      assert.match(back, /its minimum 96% only if CSPN PM2 reaches 59\.48%/, back);
      const pm2 = await page.locator(`${MISSES} tr[data-measure="PM2"][data-provider="CSPN"]`).innerText();
      assert.match(pm2, /179,963 successes short/);
      assert.match(pm2, /£43,198/);
      const money = await page.locator(MONEY).innerText();
      assert.match(money, /£50,243 \+ 1 credit pending computed; the report states £50,432/, money);
      assert.match(money, /No OPR year loaded covers March 2021/, money);
      const findings = await page.locator(FINDINGS).innerText();
      for (const want of [/Printed level/, /CSPC CH1\.3, March 2021: report 99\.896%, computed 99\.897%/, /Restated/, /Total of parts/, /Claim in words/, /level 23\.48%/]) {
        assert.match(findings, want, findings);
      }
      assert.match(await page.locator('[data-testid="complete-month"]').innerText(), /all 116 measures/);
      // The verdict, scorecard, misses, money, what would bring it back and
      // the findings all end within the first screen.
      for (const sel of [SCORECARD, MISSES, MONEY, RECOVERIES, FINDINGS]) {
        const b = await bottom(page, sel);
        assert.ok(b <= 800, `${sel} ends at ${b} px, below the 800 px screen`);
      }
      fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
      await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'month-1280.png') });
      // Printing opens the claims list, so the paper carries every claim.
      assert.equal(await page.locator('#claims-details').getAttribute('open'), null);
      await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
      assert.equal(await page.locator('#claims-details').getAttribute('open'), '');
    });
  });

  it('on a phone the verdict and scorecard come first and nothing runs off the side', { timeout: TEST_TIMEOUT }, async () => {
    await withMonth({ width: 390, height: 844 }, async ({ page }) => {
      assert.ok((await bottom(page, SCORECARD)) <= 844, 'the scorecard ends within the first screen');
      for (const sel of [MISSES, MONEY, RECOVERIES]) {
        const b = await bottom(page, sel);
        assert.ok(b <= 2 * 844, `${sel} ends at ${b} px, beyond the first two screens`);
      }
      const wide = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(wide <= 390, `the page is ${wide} px wide on a 390 px screen`);
      await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'month-390.png'), fullPage: true });
    });
  });

  it('each finding opens its explanation; a measure opens from the scorecard', { timeout: TEST_TIMEOUT }, async () => {
    await withMonth({ width: 1280, height: 800 }, async ({ page }) => {
      await page.locator(`${FINDINGS} li[data-kind="PrintedLevel"] button`).first().click();
      await page.locator(EXPLANATION).waitFor({ timeout: STEP_TIMEOUT });
      assert.equal(await page.locator('[data-testid="view-levels"]').getAttribute('aria-selected'), 'true');
      const ex = await page.locator(EXPLANATION).innerText();
      assert.match(ex, /CH1\.3/, ex);
      assert.match(ex, /99\.896%/, ex);
      await page.locator('[data-testid="view-month"]').click();
      await page.locator(`${FINDINGS} li[data-kind="TotalOfParts"] button`).click();
      await page.locator('[data-testid="view-credits"][aria-selected="true"]').waitFor({ timeout: STEP_TIMEOUT });
      await page.locator('[data-testid="view-month"]').click();
      // A claim's finding opens the claims list at its row.
      assert.equal(await page.locator('#claims-details').getAttribute('open'), null, 'the claims list starts closed');
      await page.locator(`${FINDINGS} li[data-kind="Claim"] button`).first().click();
      await page.waitForFunction(() => document.activeElement?.id?.startsWith('claim-'), null, { timeout: STEP_TIMEOUT });
      const focused = await page.evaluate(() => document.activeElement.innerText);
      assert.match(focused, /Differs/, focused);
      await page.locator(`${SCORECARD} tr[data-measure="CPM1"] button`).click();
      const cpm = await waitForText(page.locator(EXPLANATION), (t) => /CPM1/.test(t));
      assert.match(cpm, /plain mean/, cpm);
    });
  });

  it('checks the report\'s claims, and takes one added by hand (undo removes it)', { timeout: TEST_TIMEOUT }, async ({ }) => {
    await withMonth({ width: 1280, height: 800 }, async ({ page }) => {
      const summary = await page.locator(`${CLAIMS} summary`).innerText();
      assert.match(summary, /^\d+ claims: 2 differ, \d+ agree, \d+ cannot be checked$/, summary);
      await page.locator(`${CLAIMS} summary`).click();
      const table = await page.locator(`${CLAIMS} table`).innerText();
      assert.match(table, /below target for the last 21 months\s+at least 2 months \(history loaded from February 2021\)\s+Cannot be checked: only 2 can be seen/, table);
      assert.match(table, /level 23\.48%\s+23\.74%\s+Differs: the report's figure is 0\.26 percentage points lower/, table);
      const rows = await page.locator(`${CLAIMS} tbody tr`).count();
      // A bad value is refused with a message; nothing is added.
      const form = page.locator(`${CLAIMS} form`);
      await form.locator('select').first().selectOption({ label: 'CSPN PM2' });
      await form.locator('input').fill('about half');
      await form.locator('button[type="submit"]').click();
      const err = await waitForText(form.locator('[role="alert"]'), (t) => t.length > 0);
      assert.match(err, /“about half” is not a level: type a percentage such as 92\.75/);
      assert.equal(await page.locator(`${CLAIMS} tbody tr`).count(), rows);
      await form.locator('input').fill('41.5');
      await form.locator('button[type="submit"]').click();
      await waitForText(page.locator('[data-testid="notice"]'), (t) => /Added the claim/.test(t));
      assert.equal(await page.locator(`${CLAIMS} tbody tr`).count(), rows + 1);
      const added = await page.locator(`${CLAIMS} tbody tr`, { hasText: 'level 41.5%' }).innerText();
      assert.match(added, /Differs: the report's figure is 17\.80 percentage points higher/, added);
      await page.locator('[data-testid="undo"], button:has-text("Undo")').first().click();
      await waitForText(page.locator('[data-testid="notice"]'), (t) => /Undone/.test(t));
      assert.equal(await page.locator(`${CLAIMS} tbody tr`).count(), rows);
    });
  });

  it('flags a partial month (January 2021 looks healthy only because most measures are missing)', { timeout: TEST_TIMEOUT }, async () => {
    await withMonth({ width: 1280, height: 800 }, async ({ page }) => {
      await page.locator('[data-testid="month-select"]').selectOption({ label: 'January 2021' });
      const w = await waitForText(page.locator('[data-testid="partial-month"]'), (t) => /Partial month/.test(t));
      assert.match(w, /Partial month: only \d+ of the 116 measures the catalogue expects are loaded for January 2021/, w);
    });
  });

  it('the view tabs move with the arrow keys, and a skip link leads to the results', { timeout: TEST_TIMEOUT }, async () => {
    await withMonth({ width: 1280, height: 800 }, async ({ page }) => {
      await page.keyboard.press('Tab');
      assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Skip to the results');
      await page.locator('[data-testid="view-month"]').focus();
      await page.keyboard.press('ArrowRight');
      await page.locator('[data-testid="view-levels"][aria-selected="true"]').waitFor({ timeout: STEP_TIMEOUT });
      await page.waitForFunction(() => document.activeElement?.id === 'view-levels', null, { timeout: STEP_TIMEOUT });
      // End: the last tab, the other reports.
      await page.keyboard.press('End');
      await page.locator('[data-testid="view-reports"][aria-selected="true"]').waitFor({ timeout: STEP_TIMEOUT });
      await page.keyboard.press('Home');
      await page.locator(VIEW).waitFor({ timeout: STEP_TIMEOUT });
      assert.equal(await page.locator('[role="tabpanel"]').getAttribute('aria-labelledby'), 'view-month');
      assert.equal(await page.locator('[role="tab"][tabindex="0"]').count(), 1, 'only the chosen tab is in the Tab order');
    });
  });
});
