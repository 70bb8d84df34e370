// node inclusive.mjs profile.cpuprofile [regex]: inclusive ms per function (names matching regex).
import fs from 'node:fs';
const p = JSON.parse(fs.readFileSync(process.argv[2]));
const re = new RegExp(process.argv[3] || '.');
const byId = new Map(p.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of p.nodes) for (const c of n.children || []) parent.set(c, n.id);
const incl = new Map();
p.samples.forEach((id, i) => {
  const seen = new Set();
  for (let x = id; x !== undefined; x = parent.get(x)) {
    const f = byId.get(x).callFrame.functionName.replace(/::h[0-9a-f]{16}$/, '').replace(/17h[0-9a-f]{16}E$/, '');
    if (!seen.has(f)) { seen.add(f); incl.set(f, (incl.get(f) || 0) + (p.timeDeltas[i] || 0)); }
  }
});
const top = [...incl.entries()].filter(([k]) => re.test(k)).sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.TOP || 50));
for (const [k, v] of top) console.log((v / 1000).toFixed(1).padStart(8), k.slice(0, 150));
