// node wasm-funcs.mjs file.wasm [N]: biggest functions (body bytes) with names from the name section.
import fs from 'node:fs';
const buf = fs.readFileSync(process.argv[2]);
let pos = 8;
const u = () => { let r = 0, s = 0, b; do { b = buf[pos++]; r |= (b & 0x7f) << s; s += 7; } while (b & 0x80); return r >>> 0; };
let imports = 0; const sizes = []; const names = new Map();
while (pos < buf.length) {
  const id = buf[pos++]; const len = u(); const end = pos + len;
  if (id === 2) { const n = u(); for (let i = 0; i < n; i++) { let l = u(); pos += l; l = u(); pos += l; const kind = buf[pos++]; if (kind === 0) { imports++; u(); } else if (kind === 1) { pos++; const f = u(); u(); if (f & 1) u(); } else if (kind === 2) { const f = u(); u(); if (f & 1) u(); } else if (kind === 3) { pos += 2; } else if (kind === 4) { pos++; u(); } } }
  else if (id === 10) { const n = u(); for (let i = 0; i < n; i++) { const l = u(); sizes.push(l); pos += l; } }
  else if (id === 0) { const nl = u(); const name = buf.toString('utf8', pos, pos + nl); pos += nl; if (name === 'name') { while (pos < end) { const sid = buf[pos++]; const sl = u(); const se = pos + sl; if (sid === 1) { const n = u(); for (let i = 0; i < n; i++) { const idx = u(); const l = u(); names.set(idx, buf.toString('utf8', pos, pos + l)); pos += l; } } pos = se; } } }
  pos = end;
}
const rows = sizes.map((s, i) => [s, names.get(i + imports) || `f${i + imports}`]);
const total = sizes.reduce((a, b) => a + b, 0);
if (process.env.JSON) { fs.writeFileSync(process.env.JSON, JSON.stringify(rows)); }
rows.sort((a, b) => b[0] - a[0]);
console.log('functions', sizes.length, 'code bytes', total);
for (const [s, n] of rows.slice(0, Number(process.argv[3] || 40))) console.log(String(s).padStart(7), n.slice(0, 160));
