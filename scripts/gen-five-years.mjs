#!/usr/bin/env node
// Prints (stdout) a realistic five-year long-format CSV, April 2016 to March
// 2021, for timing the app with as much history as a Panel member might load:
//
//   node scripts/gen-five-years.mjs > /tmp/five-years.csv
//
// Every measure and provider with a March 2021 row in data/sample-2021-03.csv
// gets a row in each month (quarterly ones, those the sample gives no
// February figure, in each quarter's last month). Values are deterministic
// pseudo-random figures near the measure's March 2021 level, with an
// occasional dip so that statuses vary; percentages stay within 0–100
// (PM12.2, above 100 by its formula, keeps its own range). Status rows
// (No Events, N/A, …) repeat as they are. Counts rows keep counts; CPM4 and
// CPM5 keep their category rows and print their level from them. The other
// CPMs are left to the engine, which derives them from their components, so
// a printed CPM never disagrees with its components. March 2021 itself is
// the sample's rows unchanged.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SAMPLE = path.join(ROOT, 'data', 'sample-2021-03.csv');
const HEADER = ['period', 'measure', 'provider', 'category', 'value', 'successes', 'total', 'reported_in', 'note'];
const DERIVED = new Set(['CPM1', 'CPM2', 'CPM3', 'CPM6', 'CPM7', 'CPM8']);

/** RFC 4180 rows: quoted fields may hold commas, quotes and newlines. */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field); rows.push(row); row = []; field = '';
    } else field += c;
  }
  if (field !== '' || row.length) { row.push(field); rows.push(row); }
  return rows.filter((r) => r.some((f) => f !== ''));
}

const quote = (f) => (/[",\n\r]/.test(f) ? `"${f.replace(/"/g, '""')}"` : f);
const line = (fields) => fields.map((f) => quote(String(f ?? ''))).join(',');

// mulberry32: small, fast and the same on every machine.
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = rng(20160401);

const [head, ...body] = parseCsv(fs.readFileSync(SAMPLE, 'utf8'));
const records = body.map((r) => Object.fromEntries(head.map((h, i) => [h, r[i] ?? ''])));
const key = (r) => `${r.measure}|${r.provider}`;
const february = new Set(records.filter((r) => r.period === '2021-02').map(key));
const march = records.filter((r) => r.period === '2021-03');

const months = [];
for (let i = 0; i < 60; i++) {
  const y = 2016 + Math.floor((3 + i) / 12);
  const m = ((3 + i) % 12) + 1;
  months.push({ period: `${y}-${String(m).padStart(2, '0')}`, m });
}

/** A level near `base`: small noise, and now and then a dip. */
function near(base, cap) {
  const gap = Math.min(4, Math.max(0.15, (cap - base) * 0.6));
  let v = base + (random() * 2 - 1) * gap;
  if (random() < 0.04) v -= 1 + random() * 6;
  return Math.min(cap, Math.max(0, v));
}

/** Counts near `successes` of `total`, the same rate give or take. */
function counts(successes, total) {
  const t = Math.max(1, Math.round(total * (0.8 + random() * 0.4)));
  const rate = near((100 * successes) / Math.max(1, total), 100) / 100;
  return [Math.min(t, Math.round(t * rate)), t];
}

const out = [line(HEADER)];
for (const { period, m } of months) {
  if (period === '2021-03') {
    for (const r of march) out.push(line(HEADER.map((h) => r[h])));
    continue;
  }
  const quarterly = (r) => !february.has(key(r));
  const cpmCounts = new Map(); // CPM4/CPM5: summed category counts, for the printed level
  for (const r of march) {
    if (quarterly(r) && m % 3 !== 0) continue;
    if (DERIVED.has(r.measure) && r.provider === 'DCC') continue;
    const row = { ...r, period, reported_in: period, note: '' };
    if (r.category !== '') {
      const [s, t] = counts(Number(r.successes), Number(r.total));
      Object.assign(row, { successes: s, total: t, value: '' });
      const sum = cpmCounts.get(r.measure) ?? [0, 0];
      cpmCounts.set(r.measure, [sum[0] + s, sum[1] + t]);
      out.push(line(HEADER.map((h) => row[h])));
      continue;
    }
    if ((r.measure === 'CPM4' || r.measure === 'CPM5') && r.provider === 'DCC') {
      row.value = `@${r.measure}`; // filled in once its categories are counted
    } else if (r.successes !== '' && r.total !== '') {
      const [s, t] = counts(Number(r.successes), Number(r.total));
      Object.assign(row, { successes: s, total: t, value: '' });
      if (r.measure === 'PM12.2') Object.assign(row, { successes: t, total: Math.max(1, Math.round(t / 3.95)) });
    } else if (/^-?\d+$/.test(r.value)) {
      // A count (lower is better): usually as in March, now and then one more.
      row.value = String(Number(r.value) + (random() < 0.05 ? 1 : 0));
    } else if (/^-?\d+(\.\d+)?$/.test(r.value)) {
      const base = Number(r.value);
      row.value = near(base, base > 100 ? base * 1.02 : 100).toFixed(2);
    }
    out.push(line(HEADER.map((h) => row[h])));
  }
  // Now that the categories are known, print CPM4 and CPM5 as the report would.
  for (let i = 0; i < out.length; i++) {
    const mm = /^([^,]+),(CPM[45]),DCC,,@CPM[45],/.exec(out[i]);
    if (!mm || mm[1] !== period) continue;
    const [s, t] = cpmCounts.get(mm[2]) ?? [0, 0];
    const level = t ? ((100 * s) / t).toFixed(2) : 'No Events';
    out[i] = out[i].replace(`@${mm[2]}`, level);
  }
}
process.stdout.write(`${out.join('\n')}\n`);
