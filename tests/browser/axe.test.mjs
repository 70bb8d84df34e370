// Accessibility: axe-core (npm, injected into the page) on every view and
// every credits sub-tab, at 1280×800 and at 390×844, and with a measure's
// explanation open. Any violation fails, listed with its rule, impact,
// elements and what is wrong.
// Run: trunk build --offline --release && node --test tests/browser/axe.test.mjs

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { useApp, withApp, row, EXPLANATION, REPO_ROOT, STEP_TIMEOUT, TEST_TIMEOUT } from './helpers.mjs';

const AXE_SOURCE = fs.readFileSync(path.join(REPO_ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
const VIEW_TABS = '.views [role=tab]';
const CREDIT_TABS = ['tab-credits-month', 'tab-credits-year', 'tab-credits-checks', 'tab-credits-scheme'];
const SIZES = [
  { width: 1280, height: 800 },
  { width: 390, height: 844 },
];

/** Loads axe into the page once, evaluated through the DevTools protocol:
 * the page's policy refuses inline scripts, a script tag among them. */
async function injectAxe(page) {
  if (await page.evaluate(() => typeof window.axe === 'object')) return;
  await page.evaluate(AXE_SOURCE);
  assert.ok(await page.evaluate(() => typeof window.axe === 'object'), 'axe-core could not be loaded into the page');
}

/** Lets the page settle: two frames and a short pause. */
async function settle(page) {
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await page.waitForTimeout(150);
}

/** Runs axe on the whole document; returns the violations, each in a few lines. */
async function violations(page) {
  await injectAxe(page);
  const found = await page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target.join(' '), summary: n.failureSummary })),
    }));
  });
  return found.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help}\n` +
      v.nodes.map((n) => `    ${n.target}\n      ${(n.summary || '').replace(/\n/g, '\n      ')}`).join('\n'),
  );
}

/** Checks the page as it is now, recording failures under `where`. */
async function check(page, where, failures) {
  await settle(page);
  for (const v of await violations(page)) failures.push(`[${where}] ${v}`);
}

describe('axe-core finds no accessibility violation', { timeout: 12 * TEST_TIMEOUT }, () => {
  useApp();

  for (const size of SIZES) {
    const label = `${size.width}×${size.height}`;

    it(`every view and credits sub-tab at ${label}`, { timeout: 4 * TEST_TIMEOUT }, async () => {
      await withApp(size, async (s) => {
        const { page } = s;
        const failures = [];
        const tabs = page.locator(VIEW_TABS);
        const n = await tabs.count();
        assert.ok(n >= 5, `expected the view tabs (${VIEW_TABS}), found ${n}`);
        const seen = [];
        for (let i = 0; i < n; i += 1) {
          const tab = tabs.nth(i);
          const name = (await tab.innerText()).trim();
          seen.push(name);
          await tab.click();
          await settle(page);
          if ((await page.locator('[data-testid="credits"]').count()) > 0) {
            for (const id of CREDIT_TABS) {
              await page.locator(`[data-testid="${id}"]`).click();
              await check(page, `${label}, ${name} › ${id.replace('tab-credits-', '')}`, failures);
            }
          } else {
            await check(page, `${label}, ${name}`, failures);
          }
        }
        assert.deepEqual(failures, [], `axe-core violations (views: ${seen.join(', ')}):\n${failures.join('\n')}`);
      });
    });

    it(`a measure selected, its explanation open, at ${label}`, { timeout: TEST_TIMEOUT }, async () => {
      await withApp(size, async (s) => {
        const { page } = s;
        const levels = page.locator('[data-testid="view-levels"]');
        if ((await levels.count()) > 0) await levels.click();
        const r = page.locator(row('PM2', 'CSPN'));
        await r.waitFor({ timeout: STEP_TIMEOUT });
        await r.click();
        await page.locator(EXPLANATION).waitFor({ state: 'visible', timeout: STEP_TIMEOUT });
        const failures = [];
        await check(page, `${label}, CSPN PM2 selected`, failures);
        // A selected row below target: its status colour on the selected row's blue.
        const amber = page.locator(row('PM2.7', 'DSP'));
        if ((await amber.count()) > 0) {
          await amber.click();
          await check(page, `${label}, DSP PM2.7 (below target) selected`, failures);
        }
        assert.deepEqual(failures, [], `axe-core violations:\n${failures.join('\n')}`);
      });
    });
  }
});
