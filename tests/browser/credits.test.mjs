// The service credits page in the real app: the month's credits and their
// working, the 12-month tables, the checks of the report's figures, scheme
// what-ifs with undo, manual decisions, and the scheme kept over a reload.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { useApp, withApp, waitForText, SCREENSHOT_DIR, STEP_TIMEOUT, TEST_TIMEOUT } from './helpers.mjs';

const CREDITS_TABLE = '[data-testid="credits-table"]';
const TOTAL = '[data-testid="credit-total"]';
const line = (provider, measure) => `${CREDITS_TABLE} tr[data-testid="credit-line"][data-provider="${provider}"][data-measure="${measure}"]`;
const cell = (s, provider, measure, id) => s.page.locator(`${line(provider, measure)} [data-testid="${id}"]`);
const credit = (s, provider, measure) => cell(s, provider, measure, 'line-credit');

/** Opens the Service credits view on the month tab and waits for its table. */
async function openCredits(s) {
  await s.page.click('[data-testid="view-credits"]');
  await s.page.locator(CREDITS_TABLE).waitFor({ timeout: STEP_TIMEOUT });
}

/** Switches to one of the credits tabs: month, year, checks, scheme. */
async function creditsTab(s, tab) {
  await s.page.click(`[data-testid="tab-credits-${tab}"]`);
  const shows = { month: CREDITS_TABLE, year: '[data-testid="credits-year"]', checks: '[data-testid="credit-checks"]', scheme: '[data-testid="scheme-editor"]' };
  await s.page.locator(shows[tab]).waitFor({ timeout: STEP_TIMEOUT });
}

/** On the Scheme tab, shows `provider`'s terms. */
async function schemeProvider(s, provider) {
  await s.page.selectOption('[data-testid="scheme-provider"]', provider);
  await s.page.locator(`[data-testid="scheme-provider-terms"][data-provider="${provider}"]`).waitFor({ timeout: STEP_TIMEOUT });
}

/** Types into a scheme figure and commits it as a user would (Tab leaves the box). */
async function setFigure(s, testid, value) {
  const input = s.page.locator(`[data-testid="${testid}"]`);
  await input.fill(value);
  await input.press('Tab');
}

/** The rows of a year table keyed by month (YYYY-MM), as innerText. */
const yearRow = (s, table, month) => s.page.locator(`[data-testid="${table}"] tr[data-month="${month}"]`);
const rowTotal = (s, table, month) => yearRow(s, table, month).locator('[data-testid="row-total"]');

describe('service credits in headless Chromium', { timeout: 10 * TEST_TIMEOUT }, () => {
  useApp();

  it("the month's credits by provider, with the total, the pending line and the working", { timeout: TEST_TIMEOUT }, async () => {
    await withApp(undefined, async (s) => {
      await openCredits(s);
      const table = await s.page.locator(CREDITS_TABLE).innerText();
      const expect = [
        ['CSPN', 'PM2', '175', '£43,198'],
        ['DSP', 'PM2.7', '9', '£1,357'],
        ['CAPGEMINI', 'PM2.1', '62', '£5,688'],
      ];
      for (const [provider, measure, points, money] of expect) {
        assert.equal((await cell(s, provider, measure, 'line-points').innerText()).trim(), points, `${provider} ${measure} points\n${table}`);
        assert.equal((await credit(s, provider, measure).innerText()).trim(), money, `${provider} ${measure} credit\n${table}`);
      }
      // A credit under discussion is pending, never £0.
      const ch13 = (await credit(s, 'CSPC', 'CH1.3').innerText()).trim();
      assert.equal(ch13, 'Pending', `CSPC CH1.3 credit: ${JSON.stringify(ch13)}`);
      assert.doesNotMatch(ch13, /£/);
      // A KPI miss earns no credit and says so.
      assert.match(await credit(s, 'CSPN', 'PM6.3').innerText(), /KPI – no credit/);

      assert.equal((await s.page.locator(TOTAL).innerText()).trim(), '£50,243');
      const statement = await s.page.locator('[data-testid="credit-statement"]').innerText();
      assert.match(statement, /1 still pending \(CSPC CH1\.3\)/, statement);
      assert.match(await s.page.locator('[data-testid="month-total"]').innerText(), /£50,243 \+ 1 pending/);

      await s.page.click(`${line('CSPN', 'PM2')} button`);
      const ex = s.page.locator('[data-testid="credit-explanation"]');
      await ex.waitFor({ state: 'visible', timeout: STEP_TIMEOUT });
      const text = await waitForText(ex, (t) => t.includes('rounded down to whole pounds'));
      assert.match(text, /175 points × £246\.85 = £43,198\.75/, text);
      assert.match(text, /rounded down to whole pounds = £43,198/, text);
      fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
      await s.page.screenshot({ path: path.join(SCREENSHOT_DIR, 'credits-month.png'), fullPage: true });
    });
  });

  it('the 12-month tables: row totals, TBC, grand totals and the flagged §15 total', { timeout: TEST_TIMEOUT }, async () => {
    await withApp(undefined, async (s) => {
      await openCredits(s);
      await creditsTab(s, 'year');
      assert.equal(await s.page.locator('[data-testid="credit-source"]').evaluate((el) => el.tagName), 'SELECT');
      for (const [month, total] of [['2020-04', '£64,884'], ['2020-08', '£113,644'], ['2021-03', '£44,555']]) {
        const t = await rowTotal(s, 'year-smets2', month).innerText();
        assert.match(t, new RegExp(`^${total}\\b`), `SMETS2 ${month} total: ${JSON.stringify(t)}`);
      }
      // June 2020: Telefonica's credit was TBC; the total says so instead of counting it as £0.
      const june = await yearRow(s, 'year-smets2', '2020-06').innerText();
      assert.match(june, /TBC/, june);
      assert.match(await rowTotal(s, 'year-smets2', '2020-06').innerText(), /£72,084 \+ 1 TBC/);
      assert.match(await rowTotal(s, 'year-smets1', '2020-07').innerText(), /^£46,088\b/);

      for (const t of ['year-smets2', 'year-smets1']) {
        const grand = await s.page.locator(`[data-testid="${t}"] [data-testid="grand-total"]`).innerText();
        assert.match(grand, /^£[\d,]+$/, `${t} grand total: ${JSON.stringify(grand)}`);
      }
      assert.equal(await s.page.locator('[data-testid="year-smets2"] [data-testid="grand-total"]').innerText(), '£737,965');
      assert.equal(await s.page.locator('[data-testid="year-smets1"] [data-testid="grand-total"]').innerText(), '£140,633');

      const march = await yearRow(s, 'year-overall', '2021-03').innerText();
      assert.match(march, /£50,243/, march);
      assert.match(march, /£50,432\s*⚠/, `the report's £50,432 is flagged:\n${march}`);
      assert.equal(await yearRow(s, 'year-overall', '2021-03').locator('td.differs').count(), 1, march);
      // Months without a stated total are not flagged.
      assert.equal(await yearRow(s, 'year-overall', '2021-02').locator('td.differs').count(), 0);
      fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
      await s.page.screenshot({ path: path.join(SCREENSHOT_DIR, 'credits-year.png'), fullPage: true });
    });
  });

  it("the checks list the report's differences first, with §15's total £189 out", { timeout: TEST_TIMEOUT }, async () => {
    await withApp(undefined, async (s) => {
      await openCredits(s);
      await creditsTab(s, 'checks');
      const summary = await s.page.locator('[data-testid="checks-summary"]').innerText();
      const m = summary.match(/(\d+) figures checked: (\d+) differences, (\d+) agree/);
      assert.ok(m, summary);
      assert.ok(Number(m[2]) > 0, `some differences: ${summary}`);
      assert.equal(Number(m[1]), Number(m[2]) + Number(m[3]), summary);

      const differ = s.page.locator('tr[data-testid="check"][data-agrees="false"]');
      assert.equal(await differ.count(), Number(m[2]), summary);
      const rows = await differ.allInnerTexts();
      const total = rows.filter((t) => /Total, all providers/.test(t));
      assert.ok(total.length >= 1, rows.join('\n'));
      assert.ok(
        total.some((t) => /£50,432/.test(t) && /£50,243/.test(t) && /£189/.test(t)),
        `a row for §15's total with £50,432, £50,243 and £189:\n${rows.join('\n')}`,
      );
      // Agreeing figures are hidden until asked for.
      assert.equal(await s.page.locator('tr[data-testid="check"][data-agrees="true"]').count(), 0);
      await s.page.click('[data-testid="show-agreeing"]');
      await waitForText(s.page.locator('[data-testid="show-agreeing"]'), (t) => /Hide/.test(t));
      assert.equal(await s.page.locator('tr[data-testid="check"][data-agrees="true"]').count(), Number(m[3]));
    });
  });

  it('a scheme edit is a what-if: the credit, its difference and the total change, undo restores; bad values are refused', { timeout: TEST_TIMEOUT }, async () => {
    await withApp(undefined, async (s) => {
      await openCredits(s);
      assert.equal((await credit(s, 'DSP', 'PM2.7').innerText()).trim(), '£1,357');
      await creditsTab(s, 'scheme');
      assert.match(await s.page.locator('[data-testid="scheme-state"]').innerText(), /default scheme/);
      assert.ok(await s.page.locator('[data-testid="provenance"]').count(), 'the default scheme says where it comes from');
      await schemeProvider(s, 'DSP');
      await setFigure(s, 'money-per-point', '200');
      const state = await waitForText(s.page.locator('[data-testid="scheme-state"]'), (t) => /differs/.test(t));
      assert.match(state, /differs from the default/, state);
      assert.equal(await s.page.locator('[data-testid="scheme-reset"]').count(), 1);

      await creditsTab(s, 'month');
      assert.equal((await waitForText(credit(s, 'DSP', 'PM2.7'), (t) => t.trim() === '£1,800')).trim(), '£1,800', '9 points × £200');
      assert.equal((await cell(s, 'DSP', 'PM2.7', 'line-delta').innerText()).trim(), '+£443');
      assert.equal((await s.page.locator(TOTAL).innerText()).trim(), '£50,686');
      // Other providers are untouched.
      assert.equal((await credit(s, 'CSPN', 'PM2').innerText()).trim(), '£43,198');

      await s.page.click('[data-testid="undo"]');
      assert.equal((await waitForText(credit(s, 'DSP', 'PM2.7'), (t) => t.trim() === '£1,357')).trim(), '£1,357');
      assert.equal((await cell(s, 'DSP', 'PM2.7', 'line-delta').innerText()).trim(), '=');
      assert.equal((await s.page.locator(TOTAL).innerText()).trim(), '£50,243');

      // Invalid figures are refused in place and change nothing.
      await creditsTab(s, 'scheme');
      await schemeProvider(s, 'DSP');
      const terms = s.page.locator('[data-testid="scheme-provider-terms"][data-provider="DSP"]');
      for (const bad of ['-5', 'abc']) {
        await setFigure(s, 'money-per-point', bad);
        const alert = terms.locator('[role="alert"]');
        await alert.first().waitFor({ timeout: STEP_TIMEOUT });
        assert.match(await alert.first().innerText(), new RegExp(`“${bad}” is not a number of 0 or more`));
        assert.equal(await s.page.locator('[data-testid="money-per-point"]').getAttribute('aria-invalid'), 'true');
        assert.match(await s.page.locator('[data-testid="scheme-state"]').innerText(), /This is the default scheme/);
      }
      await creditsTab(s, 'month');
      assert.equal((await credit(s, 'DSP', 'PM2.7').innerText()).trim(), '£1,357');
      assert.equal((await s.page.locator(TOTAL).innerText()).trim(), '£50,243');
    });
  });

  it('a manual decision needs a reason and overrides the credit', { timeout: TEST_TIMEOUT }, async () => {
    await withApp(undefined, async (s) => {
      await openCredits(s);
      await s.page.click(`${line('CSPC', 'CH1.3')} button`);
      const ex = s.page.locator('[data-testid="credit-explanation"]');
      await ex.waitFor({ state: 'visible', timeout: STEP_TIMEOUT });
      assert.match(await ex.innerText(), /Pending/);

      await s.page.selectOption('[data-testid="decision-kind"]', 'money');
      await s.page.fill('[data-testid="decision-value"]', '500');
      await s.page.click('[data-testid="decision-save"]');
      const err = s.page.locator('[data-testid="decision-error"]');
      await err.waitFor({ timeout: STEP_TIMEOUT });
      assert.match(await err.innerText(), /reason/i);
      assert.equal(await err.getAttribute('role'), 'alert');
      assert.equal((await credit(s, 'CSPC', 'CH1.3').innerText()).trim(), 'Pending', 'nothing recorded without a reason');
      assert.equal((await s.page.locator(TOTAL).innerText()).trim(), '£50,243');

      await s.page.fill('[data-testid="decision-reason"]', 'Agreed with Telefonica');
      await s.page.click('[data-testid="decision-save"]');
      const now = await waitForText(credit(s, 'CSPC', 'CH1.3'), (t) => t.includes('£500'));
      assert.match(now, /^£500\s*\(Overridden\)$/, JSON.stringify(now));
      assert.equal((await s.page.locator(TOTAL).innerText()).trim(), '£50,743');
      const statement = await s.page.locator('[data-testid="credit-statement"]').innerText();
      assert.doesNotMatch(statement, /pending/, `nothing is pending after the decision: ${statement}`);
      assert.match(await s.page.locator('[data-testid="current-decision"]').innerText(), /£500 — Agreed with Telefonica/);
      assert.equal(await err.count(), 0, 'the error goes once the decision is recorded');
      // Against the baseline, the line was pending, not absent.
      const change = await s.page.locator(`${line('CSPC', 'CH1.3')} [data-testid="line-delta"]`).innerText();
      assert.equal(change.trim(), '+£500 (was pending)');
    });
  });

  // Known bug: DecimalField keeps its error state when its value prop changes, so a
  // refusal on one provider's box is still shown (aria-invalid, role=alert) beside
  // another provider's valid figure, and after undo. Passes once fixed.
  it('a refused figure does not leave its error on another provider', { timeout: TEST_TIMEOUT }, async () => {
    await withApp(undefined, async (s) => {
      await openCredits(s);
      await creditsTab(s, 'scheme');
      await schemeProvider(s, 'DSP');
      await setFigure(s, 'money-per-point', 'abc');
      const terms = s.page.locator('[data-testid="scheme-provider-terms"]');
      await terms.locator('[role="alert"]').first().waitFor({ timeout: STEP_TIMEOUT });
      await schemeProvider(s, 'CSPN');
      assert.equal(await s.page.locator('[data-testid="money-per-point"]').inputValue(), '246.85');
      assert.deepEqual(await terms.locator('[role="alert"]').allInnerTexts(), [], "CSPN's valid figure is shown with DSP's refusal");
      assert.equal(await s.page.locator('[data-testid="money-per-point"]').getAttribute('aria-invalid'), 'false');
    });
  });

  it('an edited scheme is kept after a reload', { timeout: TEST_TIMEOUT }, async () => {
    await withApp(undefined, async (s) => {
      await openCredits(s);
      await creditsTab(s, 'scheme');
      await schemeProvider(s, 'CSPN');
      await setFigure(s, 'money-per-point', '300');
      await waitForText(s.page.locator('[data-testid="scheme-state"]'), (t) => /differs/.test(t));
      await creditsTab(s, 'month');
      // 175 points × £300; the total moves by the same amount.
      assert.equal((await waitForText(credit(s, 'CSPN', 'PM2'), (t) => t.trim() === '£52,500')).trim(), '£52,500');
      assert.equal((await s.page.locator(TOTAL).innerText()).trim(), '£59,545');

      await s.page.reload();
      await s.page.locator('[data-testid="view-credits"]').waitFor({ timeout: STEP_TIMEOUT });
      const notice = await s.page.locator('[data-testid="notice"]').innerText();
      assert.match(notice, /Restored/, notice);
      await openCredits(s);
      assert.equal((await credit(s, 'CSPN', 'PM2').innerText()).trim(), '£52,500');
      assert.equal((await s.page.locator(TOTAL).innerText()).trim(), '£59,545');
      await creditsTab(s, 'scheme');
      await schemeProvider(s, 'CSPN');
      assert.equal(await s.page.locator('[data-testid="money-per-point"]').inputValue(), '300');
      assert.match(await s.page.locator('[data-testid="scheme-state"]').innerText(), /differs from the default/);
    });
  });

  it('a pasted credits table is previewed, added without touching the measures, and checked', { timeout: TEST_TIMEOUT }, async () => {
    await withApp(undefined, async (s) => {
      // A spreadsheet copy (tab-separated) restating Arqiva's March 2021 credit.
      await s.page.fill('[data-testid="paste-box"]', 'period\tparty\tcredits\treported_in\n2021-03\tArqiva\t£40,000\t2021-03\n');
      await s.page.click('[data-testid="check-paste"]');
      const preview = await waitForText(s.page.locator('[data-testid="preview-credits"]'), (t) => t.includes('reported credits'));
      assert.match(preview, /1 reported credits: 0 new, 1 would change/);
      assert.match(await s.page.locator('[data-testid="credit-changes"]').innerText(), /Mar 2021 Arqiva: loaded £43,198, incoming £40,000/);
      // "Replace all" on a credits file replaces credits only: the measures stay.
      await s.page.click('[data-testid="replace-import"]');
      await openCredits(s);
      assert.equal((await s.page.locator(TOTAL).innerText()).trim(), '£50,243', 'computed credits unchanged');
      await creditsTab(s, 'year');
      const march = s.page.locator('[data-testid="year-smets2"] tr[data-month="2021-03"] td').first();
      const text = await march.innerText();
      assert.match(text, /£40,000/);
      assert.equal(await march.getAttribute('data-differs'), 'true', 'the reported £40,000 differs from the computed £43,198');
      await creditsTab(s, 'checks');
      const rows = await s.page.locator('tr[data-testid="check"][data-agrees="false"]').allInnerTexts();
      assert.ok(rows.some((r) => r.includes('Arqiva') && r.includes('£40,000') && r.includes('£43,198')), rows.join('\n'));
    });
  });
});
