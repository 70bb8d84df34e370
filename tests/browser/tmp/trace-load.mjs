// First-load trace: main-thread events (>= MIN ms) and resource timings, relative to navigation start.
import { startServer, launchBrowser } from '../serve-dist.mjs';
const DIST = process.env.DCC_PERF_DIST || 'dist';
const MIN = Number(process.env.MIN || 2);
const RUNS = Number(process.env.RUNS || 3);
const server = await startServer(DIST);
const b = await launchBrowser();
for (let r = 0; r < RUNS; r++) {
  const context = await b.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  const events = [];
  cdp.on('Tracing.dataCollected', (d) => events.push(...d.value));
  const done = new Promise((res) => cdp.once('Tracing.tracingComplete', res));
  await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline,v8,v8.wasm,blink.user_timing,loading,toplevel', transferMode: 'ReportEvents' });
  await page.goto(server.url, { waitUntil: 'commit' });
  await page.waitForSelector('[data-testid="scorecard"] tbody tr');
  const t = await page.evaluate(() => performance.now());
  const res = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => [e.name.split('/').pop(), e.startTime | 0, e.responseEnd | 0, e.transferSize]));
  await cdp.send('Tracing.end');
  await done;
  const nav = events.find((e) => e.name === 'navigationStart' || e.name === 'NavigationStartToBegin') ;
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const pid = main?.pid, tid = main?.tid;
  const t0 = events.filter((e) => e.name === 'navigationStart' && e.pid === pid).map((e) => e.ts)[0] ?? nav?.ts;
  console.log(`run ${r}: scorecard seen at ${t.toFixed(0)} ms (in-page)`);
  for (const x of res) console.log(`  res ${x[0]} start ${x[1]} end ${x[2]} bytes ${x[3]}`);
  const tops = events.filter((e) => e.pid === pid && e.tid === tid && e.ph === 'X' && e.dur >= MIN * 1000 && ['RunTask', 'ThreadControllerImpl::RunTask'].includes(e.name) === false);
  tops.sort((a, b) => a.ts - b.ts);
  for (const e of tops) if (e.ts - t0 < t * 1000 + 50000) console.log(`  ${((e.ts - t0) / 1000).toFixed(1).padStart(7)} +${(e.dur / 1000).toFixed(1).padStart(6)} ${e.name} ${e.args?.data?.url?.split('/').pop() ?? e.args?.data?.functionName ?? ''}`);
  // Wasm compile on any thread
  for (const e of events.filter((e) => /wasm/i.test(e.name) && e.dur >= 1000)) console.log(`  [${e.tid === tid ? 'main' : e.tid}] ${((e.ts - t0) / 1000).toFixed(1)} +${(e.dur / 1000).toFixed(1)} ${e.name}`);
  await context.close();
}
await b.close();
await server.close();
