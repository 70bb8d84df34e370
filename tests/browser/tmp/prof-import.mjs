import fs from 'node:fs';
import { startServer, launchBrowser } from '../serve-dist.mjs';
const DIST = process.argv[2] || '/tmp/dist-prof';
const FILE = 'target/bench/incidents-100000.csv';
const server = await startServer(DIST);
const browser = await launchBrowser({ intercept: false });
const s = await browser.newPage({ viewport: { width: 1280, height: 900 } });
await s.page.goto(server.url);
await s.page.waitForSelector('[data-testid="month-view"]', { timeout: 60000 });
await s.page.evaluate((t) => { window.__csv = t; }, fs.readFileSync(FILE, 'utf8'));
const cdp = await s.context.newCDPSession(s.page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
const PREVIEW = '[data-testid="import-preview"]';
for (let i = 0; i < 4; i++) {
  if (i == 1) await cdp.send('Profiler.start');
  const dt = await s.page.evaluateHandle(() => { const d = new DataTransfer(); d.items.add(new File([window.__csv], 'incidents.csv', { type: 'text/csv' })); return d; });
  await s.page.dispatchEvent('[data-testid="import-panel"]', 'drop', { dataTransfer: dt });
  const p = s.page.locator(`${PREVIEW}[data-ms]`);
  await p.waitFor({ timeout: 120000 });
  console.log('ms', await p.getAttribute('data-ms'), 'read', await p.getAttribute('data-read-ms'));
  await s.page.click('[data-testid="cancel-import"]');
  await s.page.locator(PREVIEW).waitFor({ state: 'detached' });
}
const { profile } = await cdp.send('Profiler.stop');
const self = new Map();
const dt = profile.timeDeltas; const byId = new Map(profile.nodes.map(n => [n.id, n]));
const counts = new Map();
profile.samples.forEach((id, i) => counts.set(id, (counts.get(id) || 0) + (dt[i] || 0)));
for (const [id, t] of counts) { const n = byId.get(id); const k = n.callFrame.functionName || n.callFrame.url.split('/').pop() || '(anon)'; self.set(k, (self.get(k) || 0) + t); }
const tot = [...self.values()].reduce((a, b) => a + b, 0);
[...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 30).forEach(([k, t]) => console.log((t / 1000).toFixed(1).padStart(8), 'ms', k.slice(0, 120)));
console.log('total', (tot / 1000).toFixed(0));
await browser.close(); await server.close();
