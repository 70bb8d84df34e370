// Shared harness for the browser tests: serve dist/, open the app in a
// fresh context, collect page errors and escaped requests, wait for text.

import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { startServer, launchBrowser, REPO_ROOT } from './serve-dist.mjs';

export { REPO_ROOT };
// DCC_PERF_DIST overrides the directory under test (used to check the harness itself).
export const DIST = path.resolve(REPO_ROOT, process.env.DCC_PERF_DIST || 'dist');
export const SCREENSHOT_DIR = path.join(REPO_ROOT, 'target', 'screenshots');

export const TABLE = '[data-testid="measures-table"]';
export const MONTH_VIEW = '[data-testid="month-view"]';
export const EXPLANATION = '[data-testid="explanation"]';
export const RULE_SELECT = '[data-testid="rule-select"]';
export const RULE_FLIPS = '[data-testid="rule-flips"]';
export const row = (measure, provider) =>
  `${TABLE} tr[data-measure="${measure}"][data-provider="${provider}"]`;

export const LOAD_TIMEOUT = 20_000; // the table must appear within 20 s (wasm load + compute)
export const STEP_TIMEOUT = 10_000; // reactions to clicks and selections
export const TEST_TIMEOUT = 90_000;

let server;
let browser;

/** The browser, for tests that need their own contexts. */
export const harness = () => ({ server, browser });

/** What went wrong in the page so far, for assertion messages. */
export function diagnostics(s) {
  const parts = [];
  if (s.pageErrors.length) parts.push(`page errors:\n  ${s.pageErrors.join('\n  ')}`);
  if (s.consoleErrors.length) parts.push(`console errors:\n  ${s.consoleErrors.join('\n  ')}`);
  if (s.external.length) parts.push(`requests that left 127.0.0.1:\n  ${s.external.join('\n  ')}`);
  return parts.length ? `\n${parts.join('\n')}` : '';
}

/** The app opens on the month view; most tests start from the levels table. */
export async function showLevels(page, timeout = STEP_TIMEOUT) {
  await page.waitForSelector(`${MONTH_VIEW}, ${TABLE}`, { timeout });
  if (!(await page.$(TABLE))) await page.click('[data-testid="view-levels"]');
  await page.waitForSelector(TABLE, { timeout });
}

/** Open a fresh context + page on the app and wait for the measures table. */
export async function openApp(viewport = { width: 1280, height: 900 }) {
  const s = await browser.newPage({ viewport });
  try {
    await s.page.goto(server.url, { waitUntil: 'load', timeout: LOAD_TIMEOUT });
    await showLevels(s.page, LOAD_TIMEOUT);
  } catch (err) {
    await s.close().catch(() => {});
    throw new Error(`the app did not show ${TABLE} within ${LOAD_TIMEOUT / 1000} s: ${err.message}${diagnostics(s)}`);
  }
  return s;
}

/** Checks that hold for every page: no page errors, nothing left 127.0.0.1. */
export function assertClean(s, { console: checkConsole = true } = {}) {
  assert.deepEqual(s.external, [], `the app made requests that left 127.0.0.1${diagnostics(s)}`);
  assert.deepEqual(s.pageErrors, [], `the page threw errors${diagnostics(s)}`);
  if (checkConsole) {
    assert.deepEqual(s.consoleErrors, [], `the page logged console errors${diagnostics(s)}`);
  }
}

/** Poll a locator's innerText until `test(text)` holds; return the last text. */
export async function waitForText(locator, test, timeout = STEP_TIMEOUT) {
  const deadline = Date.now() + timeout;
  let text = '';
  for (;;) {
    text = (await locator.innerText({ timeout: Math.max(1, deadline - Date.now()) }).catch(() => text)) ?? '';
    if (test(text) || Date.now() >= deadline) return text;
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Run `body` with a fresh page; always close it; then check it stayed clean. */
export async function withApp(viewport, body) {
  const s = await openApp(viewport);
  try {
    try {
      await body(s);
    } catch (err) {
      // Add what the page reported (errors, escaped requests) to the failure.
      const d = diagnostics(s);
      throw d ? new Error(`${err && err.message}${d}`, { cause: err }) : err;
    }
    assertClean(s);
  } finally {
    await s.close().catch(() => {});
  }
}

/** Registers before/after hooks that start the server and browser for a describe(). */
export function useApp() {
  before(async () => {
    if (!fs.existsSync(path.join(DIST, 'index.html'))) {
      throw new Error(
        `dist/index.html is missing (${DIST}): run trunk build first ` +
          '(`trunk build --offline --release`, or just `bash scripts/test.sh`).',
      );
    }
    server = await startServer(DIST);
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close().catch(() => {});
    await server?.close().catch(() => {});
  });
}
