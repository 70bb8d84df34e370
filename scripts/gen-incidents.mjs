#!/usr/bin/env node
// Writes a large, realistic, deterministic incident list for the import
// benchmark and tests (node 20, no dependencies).
//
//   node scripts/gen-incidents.mjs [rows=100000] [out=target/incidents-<rows>.csv]
//
// Header: reference,category,raised,resolved,closed,within_target,resolver,exclusion
// About 90 bytes a row: ~2% still open (no resolved or closed time), ~7%
// excluded under the March 2021 report's exclusion types, categories
// weighted toward 3–5, times over the twelve months to March 2021.

import fs from 'node:fs';
import path from 'node:path';

const rows = Number(process.argv[2] ?? 100000);
if (!Number.isInteger(rows) || rows < 0) {
  console.error('usage: gen-incidents.mjs [rows=100000] [out=path]');
  process.exit(2);
}
const out = process.argv[3] ?? path.join('target', `incidents-${rows}.csv`);

// mulberry32: small, seeded, deterministic.
let seed = 0x5eed2021;
function rand() {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = (xs) => xs[Math.floor(rand() * xs.length)];

// Category weights (1..5) and target resolution times in hours.
const CAT_WEIGHTS = [0.005, 0.02, 0.12, 0.15, 0.705];
const TRT_HOURS = [4, 8, 24, 72, 120];
const EXCLUSIONS = [
  'Cancelled',
  'Duplicate',
  'Alert / Event Monitoring (For Information only)',
  'User Request - CH Reboot Request',
  'Non DCC Service Impacting',
  'Incident Resolution Not DCC Responsibility - PCO',
  'SMETS1 Migration Related',
  'Prod Proving',
];
const RESOLVERS = ['DSP', 'CSP North', 'CSP Central', 'CSP South', 'TSP', 'SMETS1 SP'];

function category() {
  let r = rand();
  for (let i = 0; i < CAT_WEIGHTS.length; i++) {
    if ((r -= CAT_WEIGHTS[i]) < 0) return i + 1;
  }
  return 5;
}

const pad = (n, w = 2) => String(n).padStart(w, '0');
function stamp(ms) {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ` +
    `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

const START = Date.UTC(2020, 3, 1); // 1 April 2020
const SPAN = Date.UTC(2021, 2, 31) - START; // to 31 March 2021
const HOUR = 3_600_000;

const lines = ['reference,category,raised,resolved,closed,within_target,resolver,exclusion'];
let ref = 701200;
for (let i = 0; i < rows; i++) {
  ref += 1 + Math.floor(rand() * 3);
  const cat = category();
  const raised = START + Math.floor(rand() * SPAN / 1000) * 1000;
  const trt = TRT_HOURS[cat - 1] * HOUR;
  // Most within target; the late ones up to three times the target.
  const late = rand() < 0.1;
  const took = Math.floor((late ? trt * (1 + rand() * 2) : trt * rand()) / 1000) * 1000 + 60_000;
  const resolved = raised + took;
  const closed = resolved + Math.floor(rand() * 48 * HOUR / 1000) * 1000;
  const open = rand() < 0.02;
  const excluded = !open && rand() < 0.07;
  const exclusion = excluded ? pick(EXCLUSIONS) : '';
  const within = open || (excluded && rand() < 0.5) ? '' : late ? 'no' : 'yes';
  lines.push([
    `INC${pad(ref, 12)}`,
    cat,
    stamp(raised),
    open ? '' : stamp(resolved),
    open ? '' : stamp(closed),
    within,
    pick(RESOLVERS),
    exclusion,
  ].join(','));
}
const text = lines.join('\n') + '\n';
fs.mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
fs.writeFileSync(out, text);
console.log(`${out}: ${rows.toLocaleString('en-GB')} rows, ${Buffer.byteLength(text).toLocaleString('en-GB')} bytes`);
