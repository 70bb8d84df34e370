#!/usr/bin/env node
// Import benchmark (prints figures, asserts nothing).
//
//   trunk build --offline --release && node scripts/bench-import.mjs   (or: npm run bench:import)
//
// Generates an incident list of ROWS rows (default 100,000, about 9 MB) with
// scripts/gen-incidents.mjs, then in headless Chromium:
//  1. imports it RUNS times through the app's real upload path (the file
//     input, FileReader, the Rust reader and aggregation, in wasm) and reads
//     the time the app measured from the input's change event to the
//     checked import (data-ms on the preview);
//  2. parses the same text RUNS times with papaparse (npm) in the same page,
//     in its default mode and in fastMode (string input, no header, no
//     worker: its fastest), and prints the ratio to the app's time;
//  3. like for like: the same in-memory File given to the app (its drop
//     handler) and to papaparse (its File path, fastMode).

import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { startServer, launchBrowser, REPO_ROOT } from '../tests/browser/serve-dist.mjs';

const ROWS = Number(process.env.BENCH_ROWS || 100_000);
const RUNS = Number(process.env.BENCH_RUNS || 5);
const DIST = path.resolve(REPO_ROOT, process.env.DCC_PERF_DIST || 'dist');
const FILE = path.join(REPO_ROOT, 'target', 'bench', `incidents-${ROWS}.csv`);
const PREVIEW = '[data-testid="import-preview"]';

if (!fs.existsSync(path.join(DIST, 'index.html'))) {
  console.error('bench-import: build the app first: trunk build --offline --release');
  process.exit(1);
}
if (!fs.existsSync(FILE)) {
  fs.mkdirSync(path.dirname(FILE), { recursive: true });
  execFileSync('node', [path.join(REPO_ROOT, 'scripts', 'gen-incidents.mjs'), String(ROWS), FILE], { stdio: 'inherit' });
}
const bytes = fs.statSync(FILE).size;
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const fmt = (ms) => `${ms.toFixed(1)} ms`;

const server = await startServer(DIST);
const browser = await launchBrowser({ intercept: false });
try {
  const s = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await s.page.goto(server.url);
  // The app opens on the month view; the import panel is on every view.
  await s.page.waitForSelector('[data-testid="month-view"]', { timeout: 60_000 });

  // The preview is waited for by an observer in the page, not by polling it:
  // a poll on every frame would take the page's time during the import it
  // measures (papaparse is timed inside one call, with no poll).
  const armPreview = () => s.page.evaluate((sel) => {
    window.__preview = new Promise((resolve) => {
      const seen = () => document.querySelector(sel);
      const o = new MutationObserver(() => { if (seen()) { o.disconnect(); resolve(); } });
      o.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-ms'] });
    });
  }, `${PREVIEW}[data-ms]`);
  const previewShown = () => s.page.evaluate(() => Promise.race([
    window.__preview,
    new Promise((_, reject) => setTimeout(() => reject(new Error('no import preview within 120 s')), 120_000)),
  ]));

  const app = [];
  const reads = [];
  // Whether the import worker read the second half, and how long the page
  // then waited for it after its own half.
  const halves = [];
  const waits = [];
  let summary = '';
  let sawProgress = false;
  for (let i = 0; i < RUNS; i++) {
    await armPreview();
    await s.page.setInputFiles('[data-testid="file-input"]', FILE);
    // The progress bar shows while a big file is read in steps.
    sawProgress ||= await s.page.locator('[data-testid="import-progress"]').isVisible().catch(() => false);
    await previewShown();
    const preview = s.page.locator(`${PREVIEW}[data-ms]`);
    app.push(Number(await preview.getAttribute('data-ms')));
    reads.push(Number(await preview.getAttribute('data-read-ms')));
    halves.push(await preview.getAttribute('data-halves'));
    waits.push(Number(await preview.getAttribute('data-wait-ms') ?? NaN));
    summary = await s.page.locator('[data-testid="preview-summary"]').innerText();
    await s.page.click('[data-testid="cancel-import"]');
    await s.page.locator(PREVIEW).waitFor({ state: 'detached' });
  }

  // papaparse in the same page, on the same text (evaluated through the
  // DevTools protocol: the page's policy refuses inline script tags).
  await s.page.evaluate(fs.readFileSync(path.join(REPO_ROOT, 'node_modules', 'papaparse', 'papaparse.min.js'), 'utf8'));
  assert.equal(await s.page.evaluate(() => typeof window.Papa), 'object', 'papaparse loaded');
  await s.page.evaluate((t) => { window.__csv = t; }, fs.readFileSync(FILE, 'utf8'));
  const papa = await s.page.evaluate((runs) => {
    const time = (config) => {
      const out = [];
      let rows = 0;
      for (let i = 0; i < runs; i++) {
        const t0 = performance.now();
        const r = window.Papa.parse(window.__csv, config);
        out.push(performance.now() - t0);
        rows = r.data.length;
      }
      return { times: out, rows };
    };
    return { fast: time({ fastMode: true }), normal: time({}) };
  }, RUNS);

  // Like for like: the same in-memory File given to both. The app takes it
  // through its drop handler; papaparse through its own File path
  // (FileReader, then parse), in fastMode.
  const dropped = [];
  const droppedHalves = [];
  const papaFile = [];
  for (let i = 0; i < RUNS; i++) {
    const dt = await s.page.evaluateHandle(() => {
      const d = new DataTransfer();
      d.items.add(new File([window.__csv], 'incidents.csv', { type: 'text/csv' }));
      return d;
    });
    await armPreview();
    await s.page.dispatchEvent('[data-testid="import-panel"]', 'drop', { dataTransfer: dt });
    await previewShown();
    const preview = s.page.locator(`${PREVIEW}[data-ms]`);
    dropped.push(Number(await preview.getAttribute('data-ms')));
    droppedHalves.push(await preview.getAttribute('data-halves'));
    await s.page.click('[data-testid="cancel-import"]');
    await s.page.locator(PREVIEW).waitFor({ state: 'detached' });
    papaFile.push(await s.page.evaluate(() => new Promise((resolve) => {
      const file = new File([window.__csv], 'incidents.csv', { type: 'text/csv' });
      const t0 = performance.now();
      window.Papa.parse(file, { fastMode: true, complete: () => resolve(performance.now() - t0) });
    })));
  }

  const a = median(app);
  const fast = median(papa.fast.times);
  const normal = median(papa.normal.times);
  console.log(`incident list: ${ROWS.toLocaleString('en-GB')} rows, ${bytes.toLocaleString('en-GB')} bytes (${FILE})`);
  console.log(`app preview: ${summary.replace(/\s+/g, ' ').trim()}`);
  console.log(`progress bar shown during import: ${sawProgress ? 'yes' : 'no'}`);
  console.log(`app, upload -> read -> parse -> aggregate (median of ${RUNS}): ${fmt(a)}  [${app.map(fmt).join(', ')}]`);
  console.log(`  of which the first read (the whole file, or the head of one read in parts as it arrives): median ${fmt(median(reads))}; parse and aggregate: median ${fmt(median(app.map((t, i) => t - reads[i])))}`);
  console.log(`  read in halves (page and import worker): ${halves.join(', ')}; the page then waited for the worker: ${waits.map(fmt).join(', ')}`);
  console.log(`  throughput: ${((bytes / 1e6) / (a / 1000)).toFixed(1)} MB/s, ${Math.round(ROWS / (a / 1000)).toLocaleString('en-GB')} rows/s`);
  console.log(`papaparse fastMode, parse only (median of ${RUNS}): ${fmt(fast)}  [${papa.fast.times.map(fmt).join(', ')}], ${papa.fast.rows} rows`);
  console.log(`papaparse default, parse only (median of ${RUNS}): ${fmt(normal)}`);
  console.log(`ratio app (whole upload path) / papaparse fastMode (parse of a string already in memory): ${(a / fast).toFixed(2)} (below 1 means the app is faster)`);
  console.log(`ratio app parse+aggregate / papaparse fastMode parse: ${((a - median(reads)) / fast).toFixed(2)}`);
  console.log(`like for like, the same in-memory File: app (drop: read, parse, aggregate) median ${fmt(median(dropped))} [${dropped.map(fmt).join(', ')}];`);
  console.log(`  read in halves: ${droppedHalves.join(', ')}`);
  console.log(`  papaparse fastMode from the File (its FileReader path, parse only) median ${fmt(median(papaFile))} [${papaFile.map(fmt).join(', ')}]; ratio ${(median(dropped) / median(papaFile)).toFixed(2)}`);
  // Each app run is followed by a papaparse run on the same File: the ratio
  // within each pair shares the machine's state, so its median holds on a
  // noisy machine better than the ratio of medians.
  const pairs = dropped.map((t, i) => t / papaFile[i]);
  console.log(`  ratio within each pair (app / papaparse fastMode, same File): median ${median(pairs).toFixed(2)} [${pairs.map((r) => r.toFixed(2)).join(', ')}]`);
  // The best of each: what each can do when the machine lets it.
  const best = (xs) => Math.min(...xs);
  console.log(`  best of ${RUNS}: app ${fmt(best(dropped))}, papaparse fastMode from the File ${fmt(best(papaFile))}, ratio ${(best(dropped) / best(papaFile)).toFixed(2)}; papaparse fastMode parse only ${fmt(best(papa.fast.times))}`);
  await s.close();
} finally {
  await browser.close();
  await server.close();
}
