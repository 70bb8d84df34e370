// CPU profile of the five-year credits what-if.
import fs from 'node:fs';
import { execFileSync } from 'node:child_process';
import { startServer, launchBrowser } from '../serve-dist.mjs';
const server = await startServer(process.env.DCC_PERF_DIST || 'dist');
const b = await launchBrowser();
const { page, context } = await b.newPage({ viewport: { width: 1280, height: 900 } });
const csv = execFileSync(process.execPath, ['scripts/gen-five-years.mjs'], { encoding: 'utf8', maxBuffer: 64 << 20 });
await page.goto(server.url);
await page.waitForSelector('[data-testid="scorecard"] tbody tr');
await page.click('[data-testid="view-levels"]');
await page.evaluate((text) => {
  const box = document.querySelector('[data-testid="paste-box"]');
  box.value = text;
  box.dispatchEvent(new InputEvent('input', { bubbles: true }));
}, csv);
await page.click('[data-testid="check-paste"]');
await page.waitForSelector('[data-testid="import-preview"]');
await page.click('[data-testid="replace-import"]');
await page.waitForFunction(() => !document.querySelector('[data-testid="import-preview"]'));
await page.click('[data-testid="view-credits"]');
await page.click('[data-testid="tab-credits-scheme"]');
const cdp = await context.newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
await cdp.send('Profiler.start');
const times = [];
for (let i = 0; i < 20; i++) {
  const provider = i % 2 ? 'CSPN' : 'DSP';
  await page.selectOption('[data-testid="scheme-provider"]', provider);
  await page.waitForSelector(`[data-testid="scheme-provider-terms"][data-provider="${provider}"]`);
  times.push(await page.evaluate(({ value, provider }) => new Promise((resolve) => {
    const input = document.querySelector('[data-testid="money-per-point"]');
    const status = () => document.querySelector('[data-testid="notice"]')?.textContent ?? '';
    input.value = String(value);
    const t0 = performance.now();
    const done = () => { if (status().startsWith(provider)) { obs.disconnect(); resolve(performance.now() - t0); } };
    const obs = new MutationObserver(done);
    obs.observe(document.body, { subtree: true, childList: true, characterData: true });
    input.dispatchEvent(new Event('change', { bubbles: true }));
    done();
  }), { value: 150 + i, provider }));
}
const { profile } = await cdp.send('Profiler.stop');
console.log('times', times.map((x) => x.toFixed(1)).join(' '));
const self = new Map();
const dt = profile.timeDeltas; const byId = new Map(profile.nodes.map((n) => [n.id, n]));
profile.samples.forEach((id, i) => { const n = byId.get(id); const k = n.callFrame.functionName || n.callFrame.url.split('/').pop() || '(anon)'; self.set(k, (self.get(k) || 0) + (dt[i] || 0)); });
const top = [...self.entries()].filter(([k]) => k !== '(idle)' && k !== '(program)').sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.TOP || 40));
for (const [k, v] of top) console.log((v / 1000).toFixed(1).padStart(8), 'ms', k.slice(0, 140));
fs.writeFileSync('/tmp/whatif.cpuprofile', JSON.stringify(profile));
await b.close(); await server.close();
