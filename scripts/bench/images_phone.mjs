#!/usr/bin/env node
// Browser half of scripts/bench/images.py: the bytes of images a browser
// loads from a built site, on a phone and on a desktop, and prints one JSON
// object on stdout.
//
// Usage: node images_phone.mjs SITE_DIR KIND=PATH...
//   e.g. node images_phone.mjs public home=/ section=/tin-tuc/ article=/tin-tuc/2024/bai/
//
// The site is served over http from this process (static files, no
// compression: images are compressed already). Each page opens in a fresh
// browser context (empty cache) for each device, then the script scrolls to
// the bottom slowly so that lazy images load, waits for the network to be
// quiet, and sums the bytes of every image response (its body's length).
// Devices: a phone 390×844 at device pixel ratio 3 and 2, and a desktop
// 1366×768 at 1. Chromium is Debian's /usr/bin/chromium (CHROMIUM_PATH),
// driven by playwright-core from tests/e2e: no browser is downloaded.

import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(path.join(here, '../../tests/e2e/package.json'));
const { chromium } = require('playwright-core');

const [site, ...specs] = process.argv.slice(2);
if (!site || specs.length === 0 || specs.some((s) => !/^[\w-]+=\//.test(s))) {
  console.error('usage: node images_phone.mjs SITE_DIR KIND=/PATH/...');
  process.exit(2);
}
const pages = specs.map((s) => ({ kind: s.slice(0, s.indexOf('=')), path: s.slice(s.indexOf('=') + 1) }));

const DEVICES = [
  { name: 'phone@3x', viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true },
  { name: 'phone@2x', viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true },
  { name: 'desktop@1x', viewport: { width: 1366, height: 768 }, deviceScaleFactor: 1, isMobile: false, hasTouch: false },
];

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript', '.json': 'application/json',
  '.xml': 'application/xml', '.svg': 'image/svg+xml', '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg',
  '.webp': 'image/webp', '.avif': 'image/avif', '.gif': 'image/gif', '.ico': 'image/x-icon', '.woff2': 'font/woff2',
};

const server = http.createServer((req, res) => {
  let p = decodeURIComponent(new URL(req.url, 'http://x').pathname);
  if (p.endsWith('/')) p += 'index.html';
  const file = path.join(site, p);
  if (!file.startsWith(path.resolve(site)) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
    res.writeHead(404);
    res.end();
    return;
  }
  res.writeHead(200, {
    'Content-Type': TYPES[path.extname(file).toLowerCase()] || 'application/octet-stream',
    'Content-Length': fs.statSync(file).size,
  });
  fs.createReadStream(file).pipe(res);
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${server.address().port}`;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});

async function visit(device, page0) {
  const { name, ...opts } = device;
  const ctx = await browser.newContext(opts);
  const page = await ctx.newPage();
  const bodies = [];
  const failed = [];
  page.on('response', (r) => {
    if (r.request().resourceType() !== 'image') return;
    const u = new URL(r.url());
    if (u.origin !== base) { failed.push(`other host: ${r.url()}`); return; }
    bodies.push(r.body().then((b) => ({ path: u.pathname, bytes: b.length, status: r.status() }),
      (e) => ({ path: u.pathname, bytes: 0, status: r.status(), error: String(e) })));
  });
  page.on('requestfailed', (r) => failed.push(`${r.url()}: ${r.failure()?.errorText}`));
  const resp = await page.goto(base + page0.path, { waitUntil: 'load', timeout: 120_000 });
  // Scroll down half a screen at a time so that lazy images come near the viewport.
  for (let i = 0; i < 400; i++) {
    const done = await page.evaluate(() => {
      window.scrollBy(0, Math.round(window.innerHeight / 2));
      return window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 2;
    });
    await page.waitForTimeout(120);
    if (done) break;
  }
  await page.waitForLoadState('networkidle', { timeout: 120_000 }).catch(() => {});
  await page.waitForTimeout(300);
  const files = await Promise.all(bodies);
  await ctx.close();
  return {
    kind: page0.kind,
    path: page0.path,
    status: resp ? resp.status() : 0,
    images: files.length,
    bytes: files.reduce((s, f) => s + f.bytes, 0),
    files,
    failed,
  };
}

const out = { devices: [] };
try {
  for (const d of DEVICES) {
    const res = { name: d.name, width: d.viewport.width, dpr: d.deviceScaleFactor, pages: [] };
    for (const p of pages) res.pages.push(await visit(d, p));
    out.devices.push(res);
  }
} finally {
  await browser.close();
  server.close();
}
console.log(JSON.stringify(out));
