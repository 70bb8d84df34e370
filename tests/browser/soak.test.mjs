// The soak: 1,000 random actions on the page, with a fixed seed (figures
// typed good and bad, undo and redo, files imported good and bad, scenarios
// kept, opened and deleted, scheme what-ifs, the baseline, months, reloads).
// Afterwards no error was logged, undo walks back, and the saved work, before
// and after the walk, is what a native replay of the same steps gives
// (`tests/it/soak.rs`, run here through cargo with the run's steps).
//   DCC_PERF_SOAK_SEED, DCC_PERF_SOAK_STEPS override the seed and the count;
//   DCC_PERF_SOAK_KEEP=1 keeps the run's steps and saved work (kept anyway
//   when the replay differs).

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { useApp, harness, assertClean, diagnostics, REPO_ROOT, TABLE, MONTH_VIEW, LOAD_TIMEOUT, STEP_TIMEOUT } from './helpers.mjs';

const KEY = 'dcc-perf/work';
const SEED = Number(process.env.DCC_PERF_SOAK_SEED || 20261203);
const STEPS = Number(process.env.DCC_PERF_SOAK_STEPS || 1000);

/** mulberry32: a small generator, the same run for the same seed. */
function dice(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const below = (n) => Math.floor(next() * n);
  return { below, pick: (xs) => xs[below(xs.length)] };
}

/** Figures typed: good ones, and some a level cannot take. */
const TYPED = ['97.5', '100', '0', '99.99', '88.125', 'abc', '101', '-3', '', 'N/A'];
const NAMES = ['Plan A', 'Plan B', 'Cautious'];
const POINTS = ['Up', 'Down', 'Nearest', 'None'];
const MONEY = ['DownToPound', 'NearestPound', 'NearestPenny'];

/** A long table of a few figures, sometimes with a row that cannot be read. */
function importFile(d) {
  const measures = [['PM2.4', 'DSP'], ['PM1.1', 'DSP'], ['PM2.1', 'CSPN'], ['PM2.3', 'CSPS'], ['PM6', 'DSP']];
  const months = ['2021-01', '2021-02', '2021-03', '2021-04'];
  let text = 'period,measure,provider,value\n';
  for (let i = 1 + d.below(4); i > 0; i -= 1) {
    const [m, p] = d.pick(measures);
    text += `${d.pick(months)},${m},${p},${90 + d.below(10)}.${d.below(100)}\n`;
  }
  if (d.below(3) === 0) text += d.pick(['2021-03,PM2.4,DSP,140\n', '2021-03,PM99,DSP,95\n']);
  return { name: `figures-${d.below(1000)}.csv`, text };
}

/** Lets the page draw what the last action changed. */
const settle = (page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));

async function view(page, name) {
  const tab = page.locator(`[data-testid="view-${name}"]`);
  if ((await tab.getAttribute('aria-selected')) !== 'true') await tab.click();
}

const enabled = async (page, sel) => (await page.$(sel)) !== null && !(await page.$eval(sel, (b) => b.disabled));

/**
 * Takes one random action on the page; gives the step as
 * `tests/it/soak.rs` replays it, or null if the action was not open (a
 * disabled undo, no scenario to open, a reload when `reloads` is false):
 * then another is drawn.
 */
async function act(page, d, reloads = true) {
  const roll = d.below(100);
  if (roll < 35) {
    await view(page, 'levels');
    await page.waitForSelector(TABLE, { timeout: STEP_TIMEOUT });
    const rows = await page.$$(`${TABLE} tr[data-measure]:has([data-testid="edit"])`);
    if (!rows.length) return null;
    const tr = d.pick(rows);
    const [period, measure, provider] = await tr.evaluate((r) => [r.dataset.period, r.dataset.measure, r.dataset.provider]);
    const text = d.pick(TYPED);
    await (await tr.$('[data-testid="edit"]')).click();
    const input = page.locator('[data-testid="edit-input"]');
    await input.fill(text);
    await input.press('Enter');
    await settle(page);
    // Refused: the box says why and stays open; Escape closes it.
    if (await page.$('[data-testid="edit-error"]')) await input.press('Escape');
    return { do: 'edit', period, measure, provider, text };
  }
  if (roll < 60) {
    const which = roll < 50 ? 'undo' : 'redo';
    if (!(await enabled(page, `[data-testid="${which}"]`))) return null;
    await page.click(`[data-testid="${which}"]`);
    return { do: which };
  }
  if (roll < 65) {
    await view(page, 'levels');
    const months = await page.$$eval('[data-testid="month-select"] option', (os) => os.map((o) => o.value));
    if (!months.length) return null;
    const month = d.pick(months);
    await page.selectOption('[data-testid="month-select"]', month);
    return { do: 'month', month };
  }
  if (roll < 75) {
    const { name, text } = importFile(d);
    await page.setInputFiles('[data-testid="file-input"]', { name, mimeType: 'text/csv', buffer: Buffer.from(text) });
    await page.waitForSelector('[data-testid="cancel-import"]', { timeout: STEP_TIMEOUT });
    // Replacing everything is rare: the figures would dwindle.
    const then = !(await page.$('[data-testid="accept-import"]')) ? 'close' : d.below(10) === 0 ? 'replace' : 'add';
    await page.click(`[data-testid="${{ add: 'accept-import', replace: 'replace-import', close: 'cancel-import' }[then]}"]`);
    await page.waitForSelector('[data-testid="cancel-import"]', { state: 'detached', timeout: STEP_TIMEOUT });
    return { do: 'import', name, text, then };
  }
  if (roll < 86) {
    await view(page, 'compare');
    await page.waitForSelector('[data-testid="scenarios"]', { timeout: STEP_TIMEOUT });
    const kept = await page.$$eval('li[data-testid="scenario"]', (ls) => ls.map((l) => l.dataset.name));
    if (roll < 80) {
      const name = d.pick(NAMES);
      await page.fill('[data-testid="scenario-name"]', name);
      await page.click('[data-testid="save-scenario"]');
      await page.waitForSelector(`li[data-testid="scenario"][data-name="${name}"]`, { timeout: STEP_TIMEOUT });
      return { do: 'save-scenario', name };
    }
    if (!kept.length) return null;
    const name = d.pick(kept);
    const li = `li[data-testid="scenario"][data-name="${name}"]`;
    if (roll < 85) {
      await page.click(`${li} [data-testid="open-scenario"]`);
      return { do: 'open-scenario', name };
    }
    await page.click(`${li} [data-testid="delete-scenario"]`);
    await page.click(`${li} [data-testid="confirm-delete"]`);
    await page.waitForSelector(li, { state: 'detached', timeout: STEP_TIMEOUT });
    return { do: 'delete-scenario', name };
  }
  if (roll < 97) {
    await view(page, 'credits');
    if (roll >= 94) {
      if (!(await page.$('[data-testid="set-baseline"]'))) return null;
      await page.click('[data-testid="set-baseline"]');
      return { do: 'set-baseline' };
    }
    const tab = page.locator('[data-testid="tab-credits-scheme"]');
    if ((await tab.getAttribute('aria-selected')) !== 'true') await tab.click();
    await page.waitForSelector('[data-testid="scheme-editor"]', { timeout: STEP_TIMEOUT });
    if (roll < 90) {
      const value = d.pick(POINTS);
      await page.selectOption('[data-testid="point-rounding"]', value);
      return { do: 'point-rounding', value };
    }
    if (roll < 93) {
      const value = d.pick(MONEY);
      await page.selectOption('[data-testid="money-rounding"]', value);
      return { do: 'money-rounding', value };
    }
    if (!(await page.$('[data-testid="scheme-reset"]'))) return null;
    await page.click('[data-testid="scheme-reset"]');
    return { do: 'scheme-reset' };
  }
  if (!reloads) return null;
  // A reload, at once or a moment after the last change.
  if (d.below(2)) await page.waitForTimeout(300);
  await page.reload({ waitUntil: 'load', timeout: LOAD_TIMEOUT });
  await page.waitForSelector(`${MONTH_VIEW}, ${TABLE}, [data-testid="empty"]`, { timeout: LOAD_TIMEOUT });
  return { do: 'reload' };
}

/** The saved work once it has stopped changing (it is saved a moment after a change). */
async function savedWhenStill(page) {
  let last;
  let still = 0;
  for (const deadline = Date.now() + 20_000; Date.now() < deadline; ) {
    const now = await page.evaluate((k) => localStorage.getItem(k), KEY);
    still = now === last ? still + 1 : 0;
    last = now;
    if (still >= 5) return now;
    await page.waitForTimeout(200);
  }
  throw new Error('the saved work kept changing for 20 s');
}

describe('soak: 1,000 random actions', { timeout: 15 * 60_000 }, () => {
  useApp();

  it(`leaves no error, undo walking back, and the saved work a native replay gives (seed ${SEED})`, { timeout: 15 * 60_000 }, async () => {
    const s = await harness().browser.newPage({ viewport: { width: 1280, height: 900 } });
    // A page closed with work its writer has not saved asks first: that
    // would lose a step the native replay keeps, so it fails the run.
    const dialogs = [];
    s.page.on('dialog', (dialog) => {
      dialogs.push(dialog.type());
      dialog.accept().catch(() => {});
    });
    try {
      await s.page.goto(harness().server.url, { waitUntil: 'load', timeout: LOAD_TIMEOUT });
      await s.page.waitForSelector(`${MONTH_VIEW}, ${TABLE}`, { timeout: LOAD_TIMEOUT });
      const d = dice(SEED);
      const steps = [];
      while (steps.length < STEPS) {
        let step;
        try {
          // No reload in the last hundred: undo has a history to walk back.
          step = await act(s.page, d, steps.length < STEPS - 100);
        } catch (err) {
          throw new Error(`step ${steps.length + 1} failed after ${JSON.stringify(steps.slice(-3))}: ${err.message}${diagnostics(s)}`, { cause: err });
        }
        if (step) steps.push(step);
        await settle(s.page);
      }
      const kinds = {};
      for (const st of steps) kinds[st.do] = (kinds[st.do] || 0) + 1;
      if (STEPS >= 1000) assert.equal(Object.keys(kinds).length, 13, `every kind of step was taken: ${JSON.stringify(kinds)}`);
      const saved = await savedWhenStill(s.page);
      // Undo walks back, one step at a time, until there is nothing left.
      let undone = 0;
      while (await enabled(s.page, '[data-testid="undo"]')) {
        await s.page.click('[data-testid="undo"]');
        await settle(s.page);
        undone += 1;
        assert.ok(undone <= 100, 'undo keeps at most 100 steps');
      }
      if (STEPS >= 1000) assert.ok(undone >= 20, `undo walked back only ${undone} steps`);
      const savedAfterUndo = await savedWhenStill(s.page);
      assert.deepEqual(dialogs, [], 'no reload had to ask about unsaved work');
      assertClean(s);

      // The same steps, natively.
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dcc-perf-soak-'));
      fs.writeFileSync(path.join(dir, 'run.json'), JSON.stringify({ steps, saved, undone, saved_after_undo: savedAfterUndo }));
      const replay = spawnSync(
        'cargo',
        ['test', '--locked', '-q', '--test', 'it', 'soak::the_browser_run_replays_natively', '--', '--ignored', '--exact'],
        { cwd: REPO_ROOT, env: { ...process.env, DCC_PERF_SOAK: dir }, encoding: 'utf8', timeout: 10 * 60_000 },
      );
      assert.equal(replay.status, 0, `the native replay of ${dir}/run.json (${JSON.stringify(kinds)}, ${undone} undone):\n${replay.stdout}\n${replay.stderr}`);
      assert.match(replay.stdout, /1 passed/, replay.stdout);
      console.log(`soak: ${steps.length} steps ${JSON.stringify(kinds)}, ${undone} undone, replayed natively`);
      if (process.env.DCC_PERF_SOAK_KEEP) console.log(`soak: the run is kept in ${dir}`);
      else fs.rmSync(dir, { recursive: true, force: true });
    } finally {
      await s.close().catch(() => {});
    }
  });
});
