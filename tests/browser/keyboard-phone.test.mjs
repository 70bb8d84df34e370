// What a keyboard or phone user hit (issue 13 §5), each checked as they
// would try it: ✎ opened from the keyboard, Escape closing the explanation,
// every column in view at 1280 px with the explanation open, the rounding
// notice bringing its row into view, chart text of at least 10 px on a
// 390 px phone, and the money of the credits and OPR tables on screen there.
// Run: trunk build --offline --release && node --test tests/browser/keyboard-phone.test.mjs

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, withApp, row, TABLE, EXPLANATION, RULE_FLIPS, STEP_TIMEOUT, TEST_TIMEOUT } from './helpers.mjs';

const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };

/** Opens a view by its tab's test id, if the app is not already on it. */
async function view(page, id) {
  await page.locator(`[data-testid="${id}"]`).click();
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

/** The element that has the focus, described. */
const focused = (page) =>
  page.evaluate(() => {
    const e = document.activeElement;
    const tr = e && e.closest('tr');
    return {
      tag: e ? e.tagName.toLowerCase() : '',
      testid: e?.getAttribute('data-testid') || '',
      measure: tr?.getAttribute('data-measure') || '',
      provider: tr?.getAttribute('data-provider') || '',
    };
  });

/** Waits until `f()` is true, or fails with `what`. */
async function until(f, what, timeout = STEP_TIMEOUT) {
  const end = Date.now() + timeout;
  for (;;) {
    if (await f()) return;
    if (Date.now() > end) assert.fail(`timed out: ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * The smallest text of the charts in view, in CSS pixels: each chart is an
 * SVG shown as an image, so its text is drawn at font-size × (shown width ÷
 * drawn width). Also measured directly: the SVG is put in the page at the
 * image's size and its smallest <text> box taken with getBoundingClientRect.
 */
async function chartText(page) {
  return page.evaluate(async () => {
    const out = [];
    for (const fig of document.querySelectorAll('figure.chart')) {
      const img = fig.querySelector('.chart-canvas img');
      if (!img || !img.src.startsWith('data:image/svg+xml')) continue;
      const box = img.getBoundingClientRect();
      if (box.width === 0) continue;
      const svgText = decodeURIComponent(img.src.slice(img.src.indexOf(',') + 1));
      const doc = new DOMParser().parseFromString(svgText, 'image/svg+xml');
      const svg = doc.documentElement;
      const drawn = Number(svg.getAttribute('width'));
      const sizes = [...doc.querySelectorAll('text')]
        .map((t) => Number.parseFloat(t.getAttribute('font-size') || t.style.fontSize || 'NaN'))
        .filter((n) => Number.isFinite(n));
      const scale = box.width / drawn;
      // The same SVG laid out at the size the image is shown.
      const host = document.createElement('div');
      host.style.cssText = `position:absolute;left:0;top:0;width:${box.width}px;visibility:hidden`;
      const live = document.importNode(svg, true);
      if (!live.getAttribute('viewBox')) live.setAttribute('viewBox', `0 0 ${drawn} ${svg.getAttribute('height')}`);
      live.setAttribute('width', String(box.width));
      live.setAttribute('height', String((box.width * Number(svg.getAttribute('height'))) / drawn));
      host.appendChild(live);
      document.body.appendChild(host);
      const heights = [...live.querySelectorAll('text')]
        .filter((t) => t.textContent.trim())
        .map((t) => {
          const fs = Number.parseFloat(t.getAttribute('font-size') || 'NaN');
          // A text box is taller than its font; its font size is its drawn size × scale.
          return Number.isFinite(fs) ? fs * (live.getBoundingClientRect().width / drawn) : NaN;
        })
        .filter((n) => Number.isFinite(n));
      const textBoxes = [...live.querySelectorAll('text')].filter((t) => t.textContent.trim()).map((t) => t.getBoundingClientRect().height);
      host.remove();
      out.push({
        id: fig.dataset.testid,
        drawn,
        shown: Math.round(box.width),
        minFont: Math.min(...sizes) * scale,
        minFontLaidOut: Math.min(...heights),
        minTextBox: Math.min(...textBoxes),
      });
    }
    return out;
  });
}

describe('keyboard and phone (issue 13 §5)', { timeout: 10 * TEST_TIMEOUT }, () => {
  useApp();

  it('Tab from a row reaches ✎, and Enter on it opens the editor, not the explanation', { timeout: TEST_TIMEOUT }, async () => {
    await withApp(DESKTOP, async (s) => {
      const { page } = s;
      await view(page, 'view-levels');
      const r = page.locator(row('PM2', 'CSPN'));
      await r.waitFor({ timeout: STEP_TIMEOUT });
      await r.focus();
      await page.keyboard.press('Tab');
      const f = await focused(page);
      assert.deepEqual(f, { tag: 'button', testid: 'edit', measure: 'PM2', provider: 'CSPN' }, 'Tab from the row should land on its ✎');
      await page.keyboard.press('Enter');
      await r.locator('[data-testid="edit-input"]').waitFor({ state: 'visible', timeout: STEP_TIMEOUT });
      assert.equal(await page.locator(EXPLANATION).count(), 0, 'Enter on ✎ opened the explanation');
      // Escape in the box cancels the edit and leaves the figure as it was.
      await page.keyboard.press('Escape');
      await until(async () => (await page.locator('[data-testid="edit-input"]').count()) === 0, 'Escape closes the editor');
      assert.match(await r.innerText(), /23\.74%/);
      // Space on ✎ opens it too.
      await r.locator('[data-testid="edit"]').focus();
      await page.keyboard.press(' ');
      await r.locator('[data-testid="edit-input"]').waitFor({ state: 'visible', timeout: STEP_TIMEOUT });
      assert.equal(await page.locator(EXPLANATION).count(), 0, 'Space on ✎ opened the explanation');
    });
  });

  it('Escape closes the explanation and the focus returns to its row', { timeout: TEST_TIMEOUT }, async () => {
    await withApp(DESKTOP, async (s) => {
      const { page } = s;
      await view(page, 'view-levels');
      const r = page.locator(row('PM2', 'CSPN'));
      await r.focus();
      await page.keyboard.press('Enter');
      await page.locator(EXPLANATION).waitFor({ state: 'visible', timeout: STEP_TIMEOUT });
      await page.keyboard.press('Escape');
      await until(async () => (await page.locator(EXPLANATION).count()) === 0, 'Escape closes the explanation');
      await until(async () => (await focused(page)).measure === 'PM2', 'the focus returns to the row');
      assert.deepEqual(await focused(page), { tag: 'tr', testid: '', measure: 'PM2', provider: 'CSPN' });
    });
  });

  it('at 1280 px every column, Status and Change included, stays in view with the explanation open', { timeout: TEST_TIMEOUT }, async () => {
    await withApp(DESKTOP, async (s) => {
      const { page } = s;
      await view(page, 'view-levels');
      await page.locator(row('PM2', 'CSPN')).click();
      await page.locator(EXPLANATION).waitFor({ state: 'visible', timeout: STEP_TIMEOUT });
      const m = await page.evaluate((sel) => {
        const table = document.querySelector(sel);
        const wrap = table.closest('.table-wrap');
        const w = wrap.getBoundingClientRect();
        const heads = [...table.querySelectorAll('thead th')].map((th) => {
          const b = th.getBoundingClientRect();
          return { text: th.textContent.trim(), left: b.left, right: b.right };
        });
        return { heads, wrap: { left: w.left, right: w.right }, scrolls: wrap.scrollWidth > wrap.clientWidth + 1, vw: innerWidth };
      }, TABLE);
      assert.equal(m.scrolls, false, `the table scrolls sideways with the panel open: ${JSON.stringify(m)}`);
      for (const h of m.heads) {
        assert.ok(h.right <= Math.min(m.wrap.right, m.vw) + 1, `column ${h.text} is out of view: ${JSON.stringify(m)}`);
      }
      for (const name of ['Status', 'Change']) {
        const box = await page.locator(`${TABLE} thead th`, { hasText: name }).boundingBox();
        assert.ok(box && box.x >= 0 && box.x + box.width <= DESKTOP.width, `${name} header not within the viewport: ${JSON.stringify(box)}`);
      }
    });
  });

  it('the rounding notice opens its row\'s explanation and brings the row into view', { timeout: TEST_TIMEOUT }, async () => {
    await withApp(DESKTOP, async (s) => {
      const { page } = s;
      await view(page, 'view-levels');
      await page.locator(`${RULE_FLIPS} button`, { hasText: 'CH1.3' }).click();
      await page.locator(EXPLANATION).waitFor({ state: 'visible', timeout: STEP_TIMEOUT });
      const r = page.locator(row('CH1.3', 'CSPC'));
      await until(async () => {
        const b = await r.boundingBox();
        return b && b.y >= 0 && b.y + b.height <= DESKTOP.height;
      }, 'the CH1.3 row is scrolled into view');
      assert.match(await page.locator(EXPLANATION).innerText(), /CH1\.3/);
    });
  });

  it('on a 390 px phone, chart text is at least 10 px', { timeout: 2 * TEST_TIMEOUT }, async () => {
    await withApp(PHONE, async (s) => {
      const { page } = s;
      const seen = [];
      const check = async (where) => {
        await page.waitForTimeout(300);
        for (const c of await chartText(page)) {
          seen.push(c.id);
          assert.ok(c.minFont >= 10, `${where}: ${c.id} text ${c.minFont.toFixed(1)} px (drawn ${c.drawn}, shown ${c.shown})`);
          assert.ok(c.minFontLaidOut >= 10, `${where}: ${c.id} laid out at ${c.minFontLaidOut.toFixed(1)} px`);
          assert.ok(c.minTextBox >= 10, `${where}: ${c.id} smallest text box ${c.minTextBox.toFixed(1)} px high`);
        }
      };
      await view(page, 'view-levels');
      await check('Service levels');
      await view(page, 'view-trends');
      await check('CPM trends');
      await view(page, 'view-credits');
      await page.locator('[data-testid="tab-credits-year"]').click();
      await check('Credits, 12 months');
      await view(page, 'view-opr');
      await check('OPR');
      for (const id of ['chart-trend', 'chart-cpm-overview', 'chart-status-grid', 'chart-credits-by-provider', 'chart-opr-margin']) {
        assert.ok(seen.includes(id), `chart ${id} was not checked (saw ${seen.join(', ')})`);
      }
      // The page itself does not scroll sideways.
      const sw = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(sw <= PHONE.width + 1, `the page is ${sw} px wide at ${PHONE.width}`);
    });
  });

  it('on a 390 px phone, the money of the credits and OPR tables is on screen', { timeout: TEST_TIMEOUT }, async () => {
    await withApp(PHONE, async (s) => {
      const { page } = s;
      const onScreen = async (sel, what) => {
        const cell = page.locator(sel).first();
        await cell.waitFor({ timeout: STEP_TIMEOUT });
        await cell.scrollIntoViewIfNeeded();
        const b = await cell.boundingBox();
        assert.ok(b && b.x >= 0 && b.x + b.width <= PHONE.width + 1, `${what} is off screen at ${PHONE.width} px: ${JSON.stringify(b)}`);
        const text = (await cell.innerText()).trim();
        assert.match(text, /£|Pending|\d/, `${what} shows ${JSON.stringify(text)}`);
        return text;
      };
      await view(page, 'view-credits');
      await page.locator('[data-testid="tab-credits-month"]').click();
      await onScreen('[data-testid="line-credit"]', 'a credit line\'s money');
      await onScreen('[data-testid="month-total"]', 'the month\'s total');
      await view(page, 'view-opr');
      await onScreen('#opr-table [data-testid="opr-kept"]', 'the OPR margin kept');
    });
  });
});
