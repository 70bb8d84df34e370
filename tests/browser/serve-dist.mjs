// Test/bench harness helpers (not a test file itself).
//
//   startServer(dir = 'dist')  -> Promise<{ url, port, close, requests }>
//       A tiny static file server on 127.0.0.1 (random port) with correct MIME
//       types and gzip Content-Encoding when the client accepts it, so the
//       compressed transfer size can be measured.
//
//   launchBrowser(options)     -> Promise<{ browser, newContext, newPage, externalRequests, close }>
//       Headless Debian Chromium (/usr/bin/chromium) through playwright-core.
//       Never downloads a browser. Every request to a host other than
//       127.0.0.1 is aborted and recorded, so tests can fail on it: the app
//       must never touch the network.

import http from 'node:http';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // Belt and braces: any host name other than 127.0.0.1/localhost fails to
  // resolve, even for requests the route handler would not see.
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost',
];

export const MIME_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.map': 'application/json',
  '.woff2': 'font/woff2',
};

// Already-compressed formats: not worth gzipping.
const INCOMPRESSIBLE = new Set(['.png', '.jpg', '.jpeg', '.gif', '.webp', '.woff', '.woff2', '.gz', '.br', '.zip']);

/**
 * Serve `dir` (relative to the repository root unless absolute) on
 * 127.0.0.1 with a random port (or `port`: the same origin again).
 */
export async function startServer(dir = 'dist', { gzip = true, gzipLevel = 9, port: wanted = 0 } = {}) {
  const root = path.resolve(REPO_ROOT, dir);
  const st = await fsp.stat(root).catch(() => null);
  if (!st || !st.isDirectory()) {
    throw new Error(`startServer: directory not found: ${root}`);
  }
  const gzCache = new Map(); // absolute path -> { mtimeMs, body }
  const requests = []; // { method, url, status, bytes, encoding }

  const server = http.createServer(async (req, res) => {
    const record = { method: req.method, url: req.url, status: 0, bytes: 0, encoding: 'identity' };
    requests.push(record);
    const send = (status, headers, body) => {
      record.status = status;
      record.bytes = body ? body.length : 0;
      res.writeHead(status, headers);
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    try {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        return send(405, { 'Content-Type': 'text/plain', Allow: 'GET, HEAD' }, Buffer.from('method not allowed\n'));
      }
      let pathname = decodeURIComponent(new URL(req.url, 'http://127.0.0.1').pathname);
      if (pathname.endsWith('/')) pathname += 'index.html';
      const file = path.resolve(root, '.' + pathname);
      if (file !== root && !file.startsWith(root + path.sep)) {
        return send(403, { 'Content-Type': 'text/plain' }, Buffer.from('forbidden\n'));
      }
      let fst = await fsp.stat(file).catch(() => null);
      let target = file;
      if (fst && fst.isDirectory()) {
        target = path.join(file, 'index.html');
        fst = await fsp.stat(target).catch(() => null);
      }
      if (!fst || !fst.isFile()) {
        return send(404, { 'Content-Type': 'text/plain' }, Buffer.from(`not found: ${pathname}\n`));
      }
      const ext = path.extname(target).toLowerCase();
      const headers = {
        'Content-Type': MIME_TYPES[ext] || 'application/octet-stream',
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
      };
      const accepts = /\bgzip\b/i.test(String(req.headers['accept-encoding'] || ''));
      let body;
      if (gzip && !INCOMPRESSIBLE.has(ext)) {
        headers.Vary = 'Accept-Encoding';
      }
      if (gzip && accepts && !INCOMPRESSIBLE.has(ext)) {
        const hit = gzCache.get(target);
        if (hit && hit.mtimeMs === fst.mtimeMs) {
          body = hit.body;
        } else {
          body = zlib.gzipSync(await fsp.readFile(target), { level: gzipLevel });
          gzCache.set(target, { mtimeMs: fst.mtimeMs, body });
        }
        headers['Content-Encoding'] = 'gzip';
        record.encoding = 'gzip';
      } else {
        body = await fsp.readFile(target);
      }
      headers['Content-Length'] = String(body.length);
      return send(200, headers, body);
    } catch (err) {
      return send(500, { 'Content-Type': 'text/plain' }, Buffer.from(`server error: ${err && err.message}\n`));
    }
  });

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(wanted, '127.0.0.1', resolve);
  });
  const { port } = server.address();
  const url = `http://127.0.0.1:${port}/`;
  return {
    url,
    port,
    root,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}

/** True for URLs the app may load: only our own 127.0.0.1 server (and inline data/blob URLs). */
export function isLocalUrl(u) {
  let parsed;
  try {
    parsed = new URL(u);
  } catch {
    return false;
  }
  if (parsed.protocol === 'data:' || parsed.protocol === 'blob:' || u === 'about:blank') return true;
  return parsed.hostname === '127.0.0.1';
}

/**
 * Launch headless Debian Chromium via playwright-core. Playwright gives the
 * browser a fresh temporary --user-data-dir and deletes it on close.
 *
 * options.intercept (default true): abort non-127.0.0.1 requests with a
 * route handler. With intercept=false (used by the benchmark, to avoid the
 * interception overhead) such requests are still recorded and still fail,
 * through --host-resolver-rules.
 */
export async function launchBrowser({ intercept = true, args = [] } = {}) {
  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}: run bash scripts/setup.sh (installs Debian's chromium)`);
  }
  let chromium;
  try {
    ({ chromium } = await import('playwright-core'));
  } catch (err) {
    throw new Error(`playwright-core is not installed: run bash scripts/setup.sh (or npm ci). ${err.message}`);
  }
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...CHROMIUM_ARGS, ...args],
    timeout: 60_000,
  });

  /** Every request that tried to leave 127.0.0.1, across all contexts. */
  const externalRequests = [];

  async function newContext(options = {}) {
    const context = await browser.newContext({ serviceWorkers: 'block', ...options });
    context.on('request', (request) => {
      if (!isLocalUrl(request.url())) externalRequests.push(request.url());
    });
    if (intercept) {
      await context.route('**/*', (route) => {
        const u = route.request().url();
        if (isLocalUrl(u)) return route.continue();
        // Already recorded by the 'request' listener above.
        return route.abort('blockedbyclient');
      });
    }
    return context;
  }

  /**
   * A fresh context + page, with recorders for page errors, console errors
   * and external requests made by this page.
   */
  async function newPage(options = {}) {
    const context = await newContext(options);
    const page = await context.newPage();
    const pageErrors = [];
    const consoleErrors = [];
    const external = [];
    page.on('pageerror', (err) => pageErrors.push(String(err && err.stack ? err.stack : err)));
    page.on('console', (msg) => {
      if (msg.type() === 'error') consoleErrors.push(msg.text());
    });
    page.on('request', (request) => {
      if (!isLocalUrl(request.url())) external.push(request.url());
    });
    return { context, page, pageErrors, consoleErrors, external, close: () => context.close() };
  }

  return {
    browser,
    externalRequests,
    newContext,
    newPage,
    close: () => browser.close(),
  };
}
