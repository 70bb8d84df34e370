// Compare scenarios in the real app: keep the sample as a named scenario,
// make a what-if (a figure typed in, a scheme term changed), keep that too,
// and compare them: the inputs changed and the results they move, with
// signed differences. Scenarios survive a reload; a scenario exports alone;
// deleting asks first; identical sides say so.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { useApp, withApp, waitForText, row, SCREENSHOT_DIR, STEP_TIMEOUT, TEST_TIMEOUT } from './helpers.mjs';

const SUMMARY = '[data-testid="compare-summary"]';

async function openCompare(s) {
  await s.page.click('[data-testid="view-compare"]');
  await s.page.locator('[data-testid="scenarios"]').waitFor({ timeout: STEP_TIMEOUT });
}

/** Keeps the current work under `name` and waits for it in the list. */
async function saveScenario(s, name) {
  await s.page.fill('[data-testid="scenario-name"]', name);
  await s.page.click('[data-testid="save-scenario"]');
  await s.page.locator(`li[data-testid="scenario"][data-name="${name}"]`).waitFor({ timeout: STEP_TIMEOUT });
}

/** Every change row of a table as [section, item, left, right, difference]. */
async function changes(s, table) {
  return s.page.locator(`[data-testid="${table}"] tr[data-testid="change"]`).evaluateAll((rows) =>
    rows.map((r) => [r.dataset.section, ...Array.from(r.children).map((c) => c.textContent.trim())]),
  );
}

function assertRow(rows, want, what) {
  assert.ok(
    rows.some((r) => JSON.stringify(r) === JSON.stringify(want)),
    `${what}: no row ${JSON.stringify(want)} in\n${rows.map((r) => JSON.stringify(r)).join('\n')}`,
  );
}

/** A what-if: DSP PM2.4 typed in as 97.5, and DSP money per point set to £200. */
async function makeWhatIf(s) {
  await s.page.click('[data-testid="view-levels"]');
  await s.page.click(`${row('PM2.4', 'DSP')} [data-testid="edit"]`);
  const input = s.page.locator('[data-testid="edit-input"]');
  await input.fill('97.5');
  await input.press('Enter');
  await waitForText(s.page.locator(row('PM2.4', 'DSP')), (t) => t.includes('97.50%'));
  await s.page.click('[data-testid="view-credits"]');
  await s.page.click('[data-testid="tab-credits-scheme"]');
  await s.page.selectOption('[data-testid="scheme-provider"]', 'DSP');
  await s.page.locator('[data-testid="scheme-provider-terms"][data-provider="DSP"]').waitFor({ timeout: STEP_TIMEOUT });
  const mpp = s.page.locator('[data-testid="money-per-point"]');
  await mpp.fill('200');
  await mpp.press('Tab');
  await waitForText(s.page.locator('[data-testid="scheme-state"]'), (t) => /differs/.test(t));
}

describe('compare scenarios in headless Chromium', { timeout: 6 * TEST_TIMEOUT }, () => {
  useApp();

  it('a what-if against the report: inputs and results that differ, kept over a reload', { timeout: 2 * TEST_TIMEOUT }, async () => {
    await withApp({ width: 1280, height: 900 }, async (s) => {
      await openCompare(s);
      assert.match(await s.page.locator('[data-testid="scenarios"]').innerText(), /saved in this browser/);
      assert.match(await s.page.locator(SUMMARY).innerText(), /Baseline and Current work are the same/);
      await saveScenario(s, 'Reported');
      await makeWhatIf(s);
      await openCompare(s);
      await saveScenario(s, 'What-if');

      await s.page.selectOption('[data-testid="compare-left"]', 'named:Reported');
      await s.page.selectOption('[data-testid="compare-right"]', 'named:What-if');
      const summary = await waitForText(s.page.locator(SUMMARY), (t) => /2 inputs changed/.test(t));
      assert.match(summary, /^2 inputs changed, \d+ results changed/, summary);
      assert.match(summary, /from Reported \(left\) to What-if \(right\)/, summary);

      const inputs = await changes(s, 'compare-inputs');
      assert.equal(inputs.length, 2, JSON.stringify(inputs));
      assertRow(inputs, ['figures', 'DSP PM2.4 March 2021', '99.95%', '97.50%', '-2.45 pp'], 'the figure typed in');
      assertRow(inputs, ['scheme', 'DSP money per point', '£150.78', '£200', '+£49.22'], 'the scheme term');

      const results = await changes(s, 'compare-results');
      assertRow(results, ['service_level', 'DSP PM2.4 March 2021', '99.95%', '97.50%', '-2.45 pp'], 'its level');
      assertRow(results, ['status', 'DSP PM2.4 March 2021', 'Meets target', 'Below minimum', ''], 'its status');
      assertRow(results, ['cpm', 'DCC CPM6 March 2021', '99.95%', '97.50%', '-2.45 pp'], 'the CPM it feeds');
      assertRow(results, ['credit', 'DSP PM2.7 March 2021 credit', '£1,357', '£1,800', '+£443'], '9 points × £200');
      assertRow(results, ['credit', 'DSP PM2.4 March 2021 credit', 'no credit', '£4,000', '+£4,000'], '20 points × £200');
      assertRow(results, ['credit', 'March 2021 total, all providers', '£50,243 + 1 pending', '£54,686 + 1 pending', '+£4,443'], 'the month');
      // Sections have headings, and the filter narrows to one.
      assert.match(await s.page.locator('[data-testid="compare-results"]').innerText(), /Service credits \(\d+\)/);
      await s.page.selectOption('[data-testid="compare-filter"]', 'credit');
      await waitForText(s.page.locator('[data-testid="compare-inputs"]'), (t) => /No input differs/.test(t));
      const credits = await changes(s, 'compare-results');
      assert.ok(credits.length > 0 && credits.every((r) => r[0] === 'credit'), JSON.stringify(credits));
      await s.page.selectOption('[data-testid="compare-filter"]', '');

      fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
      await s.page.locator('[data-testid="compare-view"]').screenshot({ path: path.join(SCREENSHOT_DIR, 'compare-1280.png') });

      // Saved with the work: both scenarios are there after a reload.
      await s.page.reload();
      await s.page.locator('[data-testid="view-compare"]').waitFor({ timeout: STEP_TIMEOUT });
      await openCompare(s);
      const names = await s.page.locator('li[data-testid="scenario"]').evaluateAll((li) => li.map((l) => l.dataset.name));
      assert.deepEqual(names, ['Reported', 'What-if']);
      // Baseline (the sample) against the current work (the what-if).
      assert.equal(await s.page.locator('[data-testid="compare-left"]').inputValue(), 'baseline');
      assert.equal(await s.page.locator('[data-testid="compare-right"]').inputValue(), 'current');
      const again = await waitForText(s.page.locator(SUMMARY), (t) => /inputs changed/.test(t));
      assert.match(again, /^2 inputs changed/, again);
      assertRow(await changes(s, 'compare-results'), ['credit', 'DSP PM2.7 March 2021 credit', '£1,357', '£1,800', '+£443'], 'after a reload');
    });
  });

  it('identical sides say so; a scenario exports alone; deleting asks first', { timeout: TEST_TIMEOUT }, async () => {
    await withApp(undefined, async (s) => {
      await openCompare(s);
      await saveScenario(s, 'Sample <b>copy</b>');
      const li = s.page.locator('li[data-testid="scenario"]').first();
      // A name is text, never markup.
      assert.equal(await li.locator('b').count(), 0);
      assert.match(await li.innerText(), /Sample <b>copy<\/b>/);

      await s.page.selectOption('[data-testid="compare-left"]', 'named:Sample <b>copy</b>');
      const same = await waitForText(s.page.locator(SUMMARY), (t) => /the same/.test(t));
      assert.match(same, /Sample <b>copy<\/b> and Current work are the same/, same);
      assert.equal(await s.page.locator('[data-testid="compare-results"]').count(), 0);

      const [download] = await Promise.all([s.page.waitForEvent('download'), li.locator('[data-testid="export-scenario"]').click()]);
      assert.equal(download.suggestedFilename(), 'dcc-perf-scenario-sample--b-copy--b.json');
      const file = JSON.parse(fs.readFileSync(await download.path(), 'utf8'));
      assert.equal(file.schema, 'dcc-perf/scenario/3');
      assert.equal(file.name, 'Sample <b>copy</b>');
      assert.equal(file.scenarios, undefined, 'the export holds that scenario alone');
      assert.ok(file.data.observations.length > 100);

      await li.locator('[data-testid="delete-scenario"]').click();
      assert.equal(await s.page.locator('li[data-testid="scenario"]').count(), 1, 'nothing is deleted before the yes');
      await li.locator('[data-testid="confirm-delete"]').click();
      await s.page.locator('[data-testid="no-scenarios"]').waitFor({ timeout: STEP_TIMEOUT });
      // The side that showed it falls back to the baseline.
      assert.equal(await s.page.locator('[data-testid="compare-left"]').inputValue(), 'baseline');
    });
  });
});
