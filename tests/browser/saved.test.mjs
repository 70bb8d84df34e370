// Saved work is never lost: when local storage is full the work is kept in
// IndexedDB instead, and opens from there; when that is refused too the
// page says so and the work saved before is kept as it was; when another tab saves
// over the work a tab opened, that tab is told, saves nothing over it, and
// can keep its own work as a scenario in the other's.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, harness, showLevels, assertClean, diagnostics, row, LOAD_TIMEOUT, STEP_TIMEOUT, TEST_TIMEOUT } from './helpers.mjs';

const KEY = 'dcc-perf/work';
const saved = (page) => page.evaluate((k) => localStorage.getItem(k), KEY);

/** Types `value` for DSP PM2.4 in the levels table and waits for it. */
async function edit(page, value) {
  await showLevels(page);
  await page.click(`${row('PM2.4', 'DSP')} [data-testid="edit"]`);
  await page.fill('[data-testid="edit-input"]', value);
  await page.press('[data-testid="edit-input"]', 'Enter');
  await page.waitForFunction(([sel, v]) => document.querySelector(sel)?.textContent.includes(v), [row('PM2.4', 'DSP'), `${value}.00%`], { timeout: STEP_TIMEOUT });
}

/** Fills the page's local storage to the last kilobyte; gives how many fillers it took. */
const fill = (page) =>
  page.evaluate(() => {
    let n = 0;
    for (let size = 1 << 20; size >= 1024; size >>= 1) {
      for (;;) {
        try { localStorage.setItem(`filler-${n}`, 'x'.repeat(size)); n += 1; } catch { break; }
      }
    }
    return n;
  });

/** Keeps the current work as scenario `name` (a change that needs more room). */
async function keepAs(page, name) {
  await page.click('[data-testid="view-compare"]');
  await page.fill('[data-testid="scenario-name"]', name);
  await page.click('[data-testid="save-scenario"]');
}

/** Waits until the saved work holds DSP PM2.4 at `value` (saved a moment after a change). */
async function savedWith(page, value) {
  await page.waitForFunction(([k, v]) => (localStorage.getItem(k) || '').includes(`"level":"${v}"`), [KEY, value], { timeout: STEP_TIMEOUT });
}

/** IndexedDB slow to open (a busy disk): each open answers 3 s late; `window.__opens` counts them. */
const slowIndexedDb = (page) =>
  page.evaluate(() => {
    const open = IDBFactory.prototype.open;
    window.__opens = 0;
    IDBFactory.prototype.open = function (...args) {
      window.__opens += 1;
      const req = open.apply(this, args);
      const late = (f) => (e) => setTimeout(() => (typeof f === 'function' ? f.call(req, e) : f.handleEvent(e)), 3000);
      const prop = Object.getOwnPropertyDescriptor(IDBRequest.prototype, 'onsuccess');
      Object.defineProperty(req, 'onsuccess', { configurable: true, get: () => prop.get.call(req), set: (f) => prop.set.call(req, f && late(f)) });
      const add = req.addEventListener.bind(req);
      req.addEventListener = (type, f, o) => add(type, type === 'success' && f ? late(f) : f, o);
      return req;
    };
  });

/** The app's IndexedDB store: `put` text under `item`, `get` an item, or list its `keys`. */
const idb = (page, op, item, text) =>
  page.evaluate(([op, item, text]) => new Promise((resolve, reject) => {
    const req = indexedDB.open('dcc-perf', 1);
    req.onupgradeneeded = () => req.result.createObjectStore('saved');
    req.onerror = () => reject(req.error);
    req.onsuccess = () => {
      const tx = req.result.transaction('saved', op === 'put' ? 'readwrite' : 'readonly');
      const store = tx.objectStore('saved');
      const r = op === 'put' ? store.put(text, item) : op === 'get' ? store.get(item) : store.getAllKeys();
      r.onsuccess = () => { tx.oncomplete = () => { req.result.close(); resolve(r.result); }; };
      r.onerror = () => reject(r.error);
    };
  }), [op, item, text]);

/**
 * Opens the app, saves DSP PM2.4 at 91, fills local storage and keeps a
 * scenario "A copy", so the work moves into IndexedDB; gives the notice.
 */
async function movedIntoIndexedDb(page) {
  await page.goto(harness().server.url, { waitUntil: 'load', timeout: LOAD_TIMEOUT });
  await edit(page, '91');
  await savedWith(page, '91');
  assert.ok((await fill(page)) > 0);
  await keepAs(page, 'A copy');
  const notice = page.locator('[data-testid="notice"]');
  await notice.filter({ hasText: 'IndexedDB' }).waitFor({ timeout: STEP_TIMEOUT });
  return notice.innerText();
}

/** Runs `body` with a new page of the app's browser, closed after. */
async function withPage(body) {
  const s = await harness().browser.newPage({ viewport: { width: 1280, height: 900 } });
  try {
    await body(s);
  } finally {
    await s.close().catch(() => {});
  }
}

describe('saved work is never lost', { timeout: 3 * TEST_TIMEOUT }, () => {
  useApp();

  it('keeps the work in IndexedDB when local storage is full, and opens it from there', { timeout: TEST_TIMEOUT }, () => withPage(async (s) => {
    assert.match(await movedIntoIndexedDb(s.page), /^This browser's local storage for the page is full, so your work is now kept in its IndexedDB store, which has more room; it opens from there\./);
    const pointer = await saved(s.page);
    assert.match(pointer, /^\{"schema":"dcc-perf\/in-indexeddb\/2","saved":\d+,"item":"work@\d+-[0-9a-f]{8}"\}$/, 'local storage points to an item of IndexedDB');
    // A reload (local storage still full) opens the work from IndexedDB.
    await s.page.reload({ waitUntil: 'load', timeout: LOAD_TIMEOUT });
    await showLevels(s.page, LOAD_TIMEOUT);
    assert.match(await s.page.locator(row('PM2.4', 'DSP')).innerText(), /91\.00%/);
    await s.page.click('[data-testid="view-compare"]');
    await s.page.locator('li[data-testid="scenario"][data-name="A copy"]').waitFor({ timeout: STEP_TIMEOUT });
    // A later change goes there too (the pointer is stamped again), and opens.
    await s.page.click('[data-testid="view-levels"]');
    await edit(s.page, '92');
    await s.page.waitForFunction(([k, p]) => localStorage.getItem(k) !== p, [KEY, pointer], { timeout: STEP_TIMEOUT });
    await s.page.reload({ waitUntil: 'load', timeout: LOAD_TIMEOUT });
    await showLevels(s.page, LOAD_TIMEOUT);
    assert.match(await s.page.locator(row('PM2.4', 'DSP')).innerText(), /92\.00%/);
    // Each save has an item of its own: once the pointer names a later
    // one, this page's earlier ones are deleted, and other tabs' once
    // written ten minutes ago (one planted here, written in 1970).
    const itemOf = (p) => JSON.parse(p).item;
    await idb(s.page, 'put', 'work@1000-00000000', 'an old tab\'s work');
    const p92 = await saved(s.page);
    await edit(s.page, '94');
    await s.page.waitForFunction(([k, p]) => localStorage.getItem(k) !== p, [KEY, p92], { timeout: STEP_TIMEOUT });
    const p94 = await saved(s.page);
    await edit(s.page, '96');
    await s.page.waitForFunction(([k, p]) => localStorage.getItem(k) !== p, [KEY, p94], { timeout: STEP_TIMEOUT });
    const now = itemOf(await saved(s.page));
    // (Deleted just after the switch.)
    let keys = [];
    for (let i = 0; i < 50 && (!i || keys.includes(itemOf(p94))); i++) {
      if (i) await s.page.waitForTimeout(200);
      keys = await idb(s.page, 'keys');
    }
    assert.ok(!keys.includes(itemOf(p94)), `${itemOf(p94)} in ${keys}`);
    assert.ok(keys.includes(now), `${now} in ${keys}`);
    assert.ok(!keys.includes('work@1000-00000000'), `${keys}`);
    assert.ok(keys.includes(itemOf(p92)), 'the earlier page\'s item is left ten minutes');
    assert.equal(await idb(s.page, 'get', now).then((t) => /"level":"96"/.test(t)), true);
    // Room made: the next change is back in local storage, whole.
    await s.page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('filler-')).forEach((k) => localStorage.removeItem(k)));
    await edit(s.page, '93');
    await savedWith(s.page, '93');
    assert.match(await saved(s.page), /"name":"A copy"/);
    assertClean(s);
  }));

  it('closing the page while the work is being moved into IndexedDB asks first', { timeout: TEST_TIMEOUT }, () => withPage(async (s) => {
    await movedIntoIndexedDb(s.page);
    const pointer = await saved(s.page);
    // IndexedDB slow to open (a busy disk): each open answers 3 s late.
    await slowIndexedDb(s.page);
    await s.page.click('[data-testid="view-levels"]');
    await edit(s.page, '92');
    await s.page.waitForFunction(() => window.__opens > 0, null, { timeout: STEP_TIMEOUT });
    // The change has left the page's hands but is not stored yet: closing asks.
    const asked = s.page.waitForEvent('dialog', { timeout: STEP_TIMEOUT });
    await s.page.close({ runBeforeUnload: true });
    const dialog = await asked;
    assert.equal(dialog.type(), 'beforeunload');
    await dialog.dismiss();
    // Once stored, closing does not ask, and the work opens from there.
    await s.page.waitForFunction(([k, p]) => localStorage.getItem(k) !== p, [KEY, pointer], { timeout: STEP_TIMEOUT });
    let again = false;
    s.page.on('dialog', (d) => { again = true; d.dismiss().catch(() => {}); });
    await s.page.close({ runBeforeUnload: true });
    await new Promise((r) => setTimeout(r, 1000));
    assert.equal(again, false, 'closing asked after the work was stored');
    const next = await s.context.newPage();
    await next.goto(harness().server.url, { waitUntil: 'load', timeout: LOAD_TIMEOUT });
    await showLevels(next, LOAD_TIMEOUT);
    assert.match(await next.locator(row('PM2.4', 'DSP')).innerText(), /92\.00%/);
  }));

  it('saves that overlap on their way into IndexedDB keep the last one', { timeout: TEST_TIMEOUT }, () => withPage(async (s) => {
    await movedIntoIndexedDb(s.page);
    await slowIndexedDb(s.page);
    await s.page.click('[data-testid="view-levels"]');
    // The second change is saved while the first is still on its way.
    await edit(s.page, '92');
    await s.page.waitForFunction(() => window.__opens > 0, null, { timeout: STEP_TIMEOUT });
    await edit(s.page, '93');
    await s.page.waitForFunction(() => window.__opens > 1, null, { timeout: STEP_TIMEOUT });
    // Both writes and the deleting after them done (each open is 3 s late).
    await s.page.waitForTimeout(12_000);
    const pointer = await saved(s.page);
    assert.ok(await idb(s.page, 'get', JSON.parse(pointer).item), `the item ${pointer} names is there`);
    await s.page.reload({ waitUntil: 'load', timeout: LOAD_TIMEOUT });
    await showLevels(s.page, LOAD_TIMEOUT);
    assert.match(await s.page.locator(row('PM2.4', 'DSP')).innerText(), /93\.00%/);
    assertClean(s);
  }));

  it('a move into IndexedDB that ends after another tab saved leaves that tab\'s work standing', { timeout: TEST_TIMEOUT }, () => withPage(async (a) => {
    await movedIntoIndexedDb(a.page);
    const b = await a.context.newPage();
    await b.goto(harness().server.url, { waitUntil: 'load', timeout: LOAD_TIMEOUT });
    await showLevels(b, LOAD_TIMEOUT);
    // A's change is on its way into IndexedDB, slowly.
    await slowIndexedDb(a.page);
    await a.page.click('[data-testid="view-levels"]');
    await edit(a.page, '92');
    await a.page.waitForFunction(() => window.__opens > 0, null, { timeout: STEP_TIMEOUT });
    // B saves meanwhile (local storage is still full: into IndexedDB too).
    const before = await saved(b);
    await edit(b, '95');
    await b.waitForFunction(([k, p]) => localStorage.getItem(k) !== p, [KEY, before], { timeout: STEP_TIMEOUT });
    const theirs = await saved(b);
    // A is told, and once its write has ended it points nowhere: B's work stands.
    await a.page.locator('[data-testid="elsewhere"]').waitFor({ timeout: STEP_TIMEOUT });
    await a.page.waitForTimeout(5000);
    assert.equal(await saved(b), theirs);
    const c = await a.context.newPage();
    await c.goto(harness().server.url, { waitUntil: 'load', timeout: LOAD_TIMEOUT });
    await showLevels(c, LOAD_TIMEOUT);
    assert.match(await c.locator(row('PM2.4', 'DSP')).innerText(), /95\.00%/);
    assert.equal(await b.locator('[data-testid="elsewhere"]').count(), 0, 'B was not told: nothing was saved over its work');
  }));

  it('saved work in IndexedDB that cannot be read is kept aside there, and the sample opens', { timeout: TEST_TIMEOUT }, () => withPage(async (s) => {
    await s.page.goto(harness().server.url, { waitUntil: 'load', timeout: LOAD_TIMEOUT });
    // Work saved by a later version, say, that this one cannot read.
    const text = '{"schema":"dcc-perf/scenario/99","figures":"not these"}';
    await idb(s.page, 'put', 'work', text);
    // (A pointer as version 1 wrote it, naming no item: the one item then.)
    const pointer = '{"schema":"dcc-perf/in-indexeddb/1","saved":1}';
    await s.page.evaluate(([k, p]) => localStorage.setItem(k, p), [KEY, pointer]);
    await s.page.reload({ waitUntil: 'load', timeout: LOAD_TIMEOUT });
    const notice = s.page.locator('[data-testid="notice"]');
    await notice.filter({ hasText: 'could not be read' }).waitFor({ timeout: LOAD_TIMEOUT });
    assert.match(await notice.innerText(), /^Your saved figures could not be read \(.+\)\. They are kept in this browser's IndexedDB store \(database "dcc-perf", item "work-unreadable"\); the sample is shown\./);
    assert.equal(await idb(s.page, 'get', 'work-unreadable'), text);
    await showLevels(s.page, LOAD_TIMEOUT);
    assert.match(await s.page.locator(row('PM2.4', 'DSP')).innerText(), /%/);
    assert.deepEqual(s.pageErrors, [], diagnostics(s));
  }));

  it('saved work in IndexedDB that cannot be read is said so, and nothing is saved over it', { timeout: TEST_TIMEOUT }, () => withPage(async (s) => {
    // Saved work kept in IndexedDB, in a browser that now gives the page none.
    // (A pointer as version 1 wrote it, naming no item: the one item then.)
    const pointer = '{"schema":"dcc-perf/in-indexeddb/1","saved":1}';
    await s.context.addInitScript((p) => {
      localStorage.setItem('dcc-perf/work', p);
      Object.defineProperty(window, 'indexedDB', { value: undefined, configurable: true });
    }, pointer);
    await s.page.goto(harness().server.url, { waitUntil: 'load', timeout: LOAD_TIMEOUT });
    const notice = s.page.locator('[data-testid="notice"]');
    await notice.waitFor({ timeout: LOAD_TIMEOUT });
    assert.match(await notice.innerText(), /^Your saved work could not be opened: it is in this browser's IndexedDB store, and IndexedDB could not be opened: .*\. It is still kept in this browser; reload the page to try again\./);
    // Still opening it: nothing shown to change, nothing saved over it.
    assert.equal(await s.page.locator('[data-testid="restoring"]').count(), 1);
    await s.page.waitForTimeout(1000);
    assert.equal(await saved(s.page), pointer);
    assert.deepEqual(s.pageErrors, [], diagnostics(s));
  }));

  it('says so when local storage is full and IndexedDB refused, keeps what was saved before, and asks before closing', { timeout: TEST_TIMEOUT }, () => withPage(async (s) => {
    // A browser that gives the page no IndexedDB.
    await s.context.addInitScript(() => Object.defineProperty(window, 'indexedDB', { value: undefined, configurable: true }));
    await s.page.goto(harness().server.url, { waitUntil: 'load', timeout: LOAD_TIMEOUT });
    await edit(s.page, '91');
    await savedWith(s.page, '91');
    const before = await saved(s.page);
    // The page's storage filled to the last kilobyte.
    assert.ok((await fill(s.page)) > 0);
    // A change that needs more room: the work kept again as a scenario.
    await keepAs(s.page, 'A copy');
    const notice = s.page.locator('[data-testid="notice"]');
    await notice.filter({ hasText: 'not saved' }).waitFor({ timeout: STEP_TIMEOUT });
    assert.match(await notice.innerText(), /^Your latest changes are not saved in this browser: it refused to store them \(its storage for this page is full, and IndexedDB could not be opened: .*\)\. The work saved before them is kept as it was\./);
    assert.equal(await saved(s.page), before, 'the work saved before is as it was');
    // Closing now would lose the change: the browser asks first.
    const asked = s.page.waitForEvent('dialog', { timeout: STEP_TIMEOUT });
    await s.page.close({ runBeforeUnload: true });
    const dialog = await asked;
    assert.equal(dialog.type(), 'beforeunload');
    await dialog.dismiss();
    // Room made, the next change is saved, with the scenario kept
    // meanwhile, and closing no longer asks.
    await s.page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('filler-')).forEach((k) => localStorage.removeItem(k)));
    await s.page.click('[data-testid="view-levels"]');
    await edit(s.page, '92');
    await savedWith(s.page, '92');
    assert.match(await saved(s.page), /"name":"A copy"/);
    // The refused save was said, not thrown: no page error.
    assert.deepEqual(s.pageErrors, [], diagnostics(s));
    let again = false;
    s.page.on('dialog', (d) => { again = true; d.dismiss().catch(() => {}); });
    await s.page.close({ runBeforeUnload: true });
    await new Promise((r) => setTimeout(r, 1000));
    assert.equal(again, false, 'closing asked after the work was saved');
  }));

  it('a tab told that another saved over its work keeps its own as a scenario', { timeout: TEST_TIMEOUT }, async () => {
    // Two tabs of one browser profile share the saved work.
    const a = await harness().browser.newPage({ viewport: { width: 1280, height: 900 } });
    try {
      const b = await a.context.newPage();
      await a.page.goto(harness().server.url, { waitUntil: 'load', timeout: LOAD_TIMEOUT });
      await b.goto(harness().server.url, { waitUntil: 'load', timeout: LOAD_TIMEOUT });
      await showLevels(b, LOAD_TIMEOUT);
      // A saves: B is told.
      await edit(a.page, '91');
      await savedWith(a.page, '91');
      const banner = b.locator('[data-testid="elsewhere"]');
      await banner.waitFor({ timeout: STEP_TIMEOUT });
      assert.match(await banner.innerText(), /Your saved work was changed in another tab of this calculator\./);
      // B's own change is not written over A's.
      await edit(b, '80');
      await new Promise((r) => setTimeout(r, 1500));
      assert.match(await saved(a.page), /"level":"91"/);
      assert.doesNotMatch(await saved(a.page), /"level":"80"/);
      // B keeps its work as a scenario in A's: B now shows A's figures, its
      // own kept by name, and saves that (A is told in turn).
      await b.click('[data-testid="elsewhere-keep"]');
      await b.locator('[data-testid="notice"]').filter({ hasText: "This tab's work is kept as scenario" }).waitFor({ timeout: LOAD_TIMEOUT });
      await showLevels(b);
      assert.match(await b.locator(row('PM2.4', 'DSP')).innerText(), /91\.00%/);
      await b.waitForFunction((k) => /This tab's work, /.test(localStorage.getItem(k) || ''), KEY, { timeout: STEP_TIMEOUT });
      const text = await saved(b);
      assert.match(text, /"level":"91"/, 'A\'s work');
      assert.match(text, /"level":"80"/, 'B\'s work, as a scenario');
      // B's what-if baseline (the sample, not its work) is kept too.
      assert.match(text, /"name":"This tab's baseline, /, 'B\'s baseline, as a scenario');
      await a.page.locator('[data-testid="elsewhere"]').waitFor({ timeout: STEP_TIMEOUT });
      assert.equal(await b.locator('[data-testid="elsewhere"]').count(), 0);
      await b.close();
      assertClean(a);
    } finally {
      await a.close().catch(() => {});
    }
  });
});
