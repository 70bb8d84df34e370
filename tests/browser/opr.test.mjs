// The OPR margin page in the real app: RY23/24 reproduces the submission's
// Table 7, a part's working, a performance what-if with its difference from
// the baseline and undo, "what would it take", RY22/23's customer
// engagement and contract management, and OPR years files.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { useApp, withApp, waitForText, SCREENSHOT_DIR, STEP_TIMEOUT, TEST_TIMEOUT } from './helpers.mjs';

const TABLE = '[data-testid="opr-table"]';
const measure = (code) => `${TABLE} tr[data-testid="opr-measure"][data-measure="${code}"]`;
const part = (code, i) => `${TABLE} tr[data-testid="opr-part"][data-measure="${code}"][data-part="${i}"]`;
const TOTAL = `${TABLE} tr[data-testid="opr-total"]`;
const group = (name) => `${TABLE} tr[data-testid="opr-group"][data-group="${name}"]`;

const text = async (s, sel) => (await s.page.locator(sel).innerText()).trim();
const cell = (s, row, id) => text(s, `${row} [data-testid="${id}"]`);

/** Opens the OPR margin view and waits for its table. */
async function openOpr(s, year) {
  await s.page.click('[data-testid="view-opr"]');
  await s.page.locator(TABLE).waitFor({ timeout: STEP_TIMEOUT });
  if (year) {
    await s.page.selectOption('[data-testid="opr-year"]', year);
    await waitForText(s.page.locator(`${TABLE} caption`), (t) => t.startsWith(year));
  }
}

/** Waits until a row's cell reads `want`, then asserts it. */
async function expectCell(s, row, id, want) {
  const got = (await waitForText(s.page.locator(`${row} [data-testid="${id}"]`), (t) => t.trim() === want)).trim();
  assert.equal(got, want, `${row} ${id}\n${await text(s, TABLE)}`);
}

describe('OPR margin in headless Chromium', { timeout: 10 * TEST_TIMEOUT }, () => {
  useApp();

  it("RY23/24 reproduces the submission's Table 7, and a part's working shows its steps", { timeout: TEST_TIMEOUT }, async () => {
    await withApp({ width: 1280, height: 900 }, async (s) => {
      await openOpr(s);
      assert.equal(await s.page.locator('[data-testid="opr-year"]').inputValue(), 'RY23/24');
      assert.match(await text(s, '[data-testid="opr-months"]'), /April 2023 – March 2024/);
      assert.match(await text(s, '[data-testid="opr-notes"]'), /Where the figures come from/);
      for (const code of ['SUM1', 'SDM1', 'SDM2']) {
        await expectCell(s, measure(code), 'opr-kept', '2.086');
        assert.equal(await cell(s, measure(code), 'opr-share'), '100%');
      }
      await expectCell(s, measure('VMM1'), 'opr-kept', '1.080');
      await expectCell(s, measure('VMM1'), 'opr-lost', '0.261');
      assert.equal(await cell(s, measure('VMM1'), 'opr-share'), '81%');
      assert.match(await text(s, measure('VMM1')), /2\.416 out of 3/);
      assert.match(await text(s, measure('SDM1')), /North 99\.30%/);
      await expectCell(s, measure('VMM2'), 'opr-kept', '1.041');
      await expectCell(s, measure('VMM2'), 'opr-lost', '0.298');
      assert.equal(await cell(s, measure('VMM2'), 'opr-share'), '78%');
      await expectCell(s, TOTAL, 'opr-kept', '8.379');
      await expectCell(s, TOTAL, 'opr-lost', '0.559');
      // Zero-weighted measures come after the total, marked, with no money.
      assert.match(await text(s, measure('SUM2')), /zero-weighted/);
      // Nothing changed yet: no differences from the baseline.
      assert.equal(await cell(s, TOTAL, 'opr-delta'), '');

      await s.page.click(`${part('VMM1', 0)} [data-testid="opr-working"]`);
      const ex = s.page.locator('[data-testid="opr-explanation"]');
      await ex.waitFor({ state: 'visible', timeout: STEP_TIMEOUT });
      const working = await waitForText(ex, (t) => t.includes('share kept ='));
      assert.match(working, /share kept = 2\.416 ÷ 3 = 80\.53%/, working);
      assert.match(working, /kept = £1,341,000 × 80\.53% = £1,079,952/, working);

      await s.page.click(`${part('SDM1', 0)} [data-testid="opr-working"]`);
      const north = await waitForText(ex, (t) => t.includes('SDM1 North'));
      assert.match(north, /metrics/i, north);
      assert.match(north, /Comms hubs accepted by customers \(IC1\)\t1\t[^\n]*\t(annual figure|missing|monthly)/, north);

      // Checks: differences first, each marked in words and symbol.
      const checks = s.page.locator('[data-testid="opr-checks"] tr[data-testid="opr-check"]');
      assert.equal(await checks.first().getAttribute('data-agreement'), 'differs');
      assert.match(await checks.first().innerText(), /✗ differs/);
      assert.ok(await s.page.locator('[data-testid="opr-checks"] tr[data-agreement="agrees"]').count() > 10);

      fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
      await s.page.screenshot({ path: path.join(SCREENSHOT_DIR, 'opr.png'), fullPage: true });
    });
  });

  it('a performance what-if shows its difference from the baseline, and undo restores', { timeout: TEST_TIMEOUT }, async () => {
    await withApp(undefined, async (s) => {
      await openOpr(s);
      const input = s.page.locator(`${part('SDM1', 0)} input[data-testid="opr-performance"]`);
      await input.fill('97.5');
      await input.press('Tab');
      await expectCell(s, measure('SDM1'), 'opr-kept', '1.738');
      await expectCell(s, measure('SDM1'), 'opr-lost', '0.348');
      await expectCell(s, TOTAL, 'opr-lost', '0.906');
      assert.equal(await cell(s, measure('SDM1'), 'opr-delta'), '−£347,666.67');
      assert.equal(await cell(s, TOTAL, 'opr-delta'), '−£347,666.67');
      assert.match(await text(s, '[data-testid="notice"]'), /SDM1 North RPL set to 97\.5/);

      // Text that is not a number is refused in place and changes nothing.
      await input.fill('lots');
      await input.press('Tab');
      assert.match(await text(s, `${part('SDM1', 0)} [role="alert"]`), /not a number/);
      assert.equal(await cell(s, TOTAL, 'opr-lost'), '0.906');

      await s.page.click('[data-testid="undo"]');
      await expectCell(s, TOTAL, 'opr-lost', '0.559');
      await expectCell(s, measure('SDM1'), 'opr-kept', '2.086');
      assert.equal(await cell(s, TOTAL, 'opr-delta'), '');

      // Redo brings it back; the OPR years are saved with the work, so a
      // reload keeps the what-if and its difference from the baseline.
      await s.page.click('[data-testid="redo"]');
      await expectCell(s, TOTAL, 'opr-lost', '0.906');
      await s.page.reload();
      await openOpr(s);
      await expectCell(s, TOTAL, 'opr-lost', '0.906');
      assert.equal(await cell(s, TOTAL, 'opr-delta'), '−£347,666.67');
    });
  });

  it("settings are what-ifs: a measure's margin from its weight, and the loss curve refuses bad points", { timeout: TEST_TIMEOUT }, async () => {
    await withApp(undefined, async (s) => {
      await openOpr(s);
      const settings = '[data-testid="opr-settings"]';
      await s.page.click(`${settings} tr[data-measure="VMM1"] [data-testid="opr-use-weight"]`);
      await waitForText(s.page.locator('[data-testid="notice"]'), (t) => t.includes('VMM1 margin now weight × margin at risk'));
      const weight = s.page.locator(`${settings} tr[data-measure="VMM1"] input[data-testid="opr-weight"]`);
      await weight.fill('20');
      await weight.press('Tab');
      await expectCell(s, measure('VMM1'), 'opr-margin', '1.788');
      await expectCell(s, measure('VMM1'), 'opr-kept', '1.440');
      assert.notEqual(await cell(s, TOTAL, 'opr-delta'), '');

      await s.page.selectOption('[data-testid="opr-curve"]', 'points');
      const pts = s.page.locator('input[data-testid="opr-curve-points"]');
      await pts.waitFor({ timeout: STEP_TIMEOUT });
      await pts.fill('25:10, lots');
      await pts.press('Tab');
      assert.match(await text(s, '[data-testid="opr-curve-error"]'), /“lots” is not at%:kept%/);
      await pts.fill('50:25, 40:60');
      await pts.press('Tab');
      assert.match(await text(s, '[data-testid="opr-curve-error"]'), /must rise/);
      await pts.fill('50:25');
      await pts.press('Tab');
      await waitForText(s.page.locator('[data-testid="opr-curve-words"]'), (t) => t.includes('50% of the way → 25% kept'));
      assert.equal(await s.page.locator('[data-testid="opr-curve-error"]').count(), 0);
    });
  });

  it('what would it take: the score or RPL that keeps a chosen share', { timeout: TEST_TIMEOUT }, async () => {
    await withApp(undefined, async (s) => {
      await openOpr(s);
      const needed = (code, i) => `[data-testid="opr-needed"] tr[data-testid="opr-needed-row"][data-measure="${code}"][data-part="${i}"]`;
      assert.equal(await cell(s, needed('VMM1', 0), 'opr-needed-value'), '2.7');
      assert.equal(await cell(s, needed('SDM1', 0), 'opr-needed-value'), '98.7');
      assert.match(await text(s, needed('VMM1', 0)), /each 0\.1 of score is worth £44,700/);
      const target = s.page.locator('input[data-testid="opr-target-share"]');
      await target.fill('100');
      await target.press('Tab');
      await waitForText(s.page.locator(`${needed('VMM1', 0)} [data-testid="opr-needed-value"]`), (t) => t.trim() === '3');
      assert.equal(await cell(s, needed('VMM1', 0), 'opr-needed-value'), '3');
      assert.equal(await cell(s, needed('SDM1', 0), 'opr-needed-value'), '99');
    });
  });

  it("RY22/23: customer engagement and contract management together keep 62%", { timeout: TEST_TIMEOUT }, async () => {
    await withApp(undefined, async (s) => {
      await openOpr(s, 'RY22/23');
      await expectCell(s, group('Customer engagement'), 'opr-kept', '0.761');
      await expectCell(s, group('Contract management'), 'opr-kept', '0.651');
      assert.equal(await cell(s, group('Customer engagement'), 'opr-share'), '67%');
      assert.equal(await cell(s, group('Contract management'), 'opr-share'), '57%');
      // The submission's own line: 62% of £2.28m, shown together and checked.
      const both = `${TABLE} tr[data-testid="opr-combined"][data-group="Customer engagement and contract management"]`;
      assert.equal(await cell(s, both, 'opr-share'), '62%');
      assert.equal(await cell(s, both, 'opr-margin'), '2.283');
      assert.equal(await cell(s, both, 'opr-kept'), '1.412');
      // Agreeing checks are folded away; they are still on the page.
      const checks = await s.page.locator('[data-testid="opr-checks"]').textContent();
      assert.match(checks, /Customer engagement and contract management share kept.*62%.*61\.83%/s);
      // The RPLs are not in the documents: decided shares, said so.
      assert.match(await text(s, part('SDM1', 0)), /100% \(decided\)/);
    });
  });

  it('OPR years files: a bad file is refused with located errors; a good one loads; RY24/25 is not assessed', { timeout: TEST_TIMEOUT }, async () => {
    await withApp(undefined, async (s) => {
      await openOpr(s, 'RY24/25');
      assert.equal(await cell(s, TOTAL, 'opr-kept'), 'not assessed');
      const bad = '{"years": [{"name": "RY", "start": "2023-04", "margin_at_risk": "1", "measures": [{"code": "X", "name": "x", "group": "g", "weight": "10", "scale": {"kind": "levels", "tpl": "96", "mpl": "99"}, "parts": [{}]}]}]}';
      await s.page.setInputFiles('[data-testid="opr-load"]', { name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from(bad) });
      const errs = await waitForText(s.page.locator('[data-testid="opr-load-errors"]'), (t) => t.includes('TPL'));
      assert.match(errs, /nothing changed/);
      assert.match(errs, /TPL \(96\) must be above MPL \(99\)/);
      assert.equal(await s.page.locator('[data-testid="opr-year"] option').count(), 3);

      const good = fs.readFileSync(path.join(import.meta.dirname, '..', '..', 'data', 'opr-years.json'), 'utf8')
        .replace(/"margin_at_risk": "8938000"/g, '"margin_at_risk": "9000000"');
      await s.page.setInputFiles('[data-testid="opr-load"]', { name: 'years.json', mimeType: 'application/json', buffer: Buffer.from(good) });
      await waitForText(s.page.locator('[data-testid="notice"]'), (t) => t.includes('Loaded 3 OPR year(s) from years.json'));
      assert.match(await text(s, '[data-testid="opr-year-margin"]'), /£9,000,000/);
      assert.equal(await s.page.locator('[data-testid="opr-load-errors"]').count(), 0);
    });
  });
});
