#!/usr/bin/env node
// End-to-end test of responsive images in headless Chromium: a phone, a
// high-density phone and a desktop each load the size of a photo that fits
// them (WebP), never the camera's original; lazy body images load when
// scrolled to; the page does not move as images arrive.
//
// Usage: node tests/e2e/images.mjs BANTIN_BINARY
// Prints "N passed, M failed" last; exit code 0 only if M == 0.

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { CHROMIUM, binaryArg, checks, tempSite } from './harness.mjs';

const require = createRequire(import.meta.url);
const bin = binaryArg('images.mjs');
const { check, done } = checks();
const { root, write } = tempSite('bantin-images-');
const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const photo = path.join(repo, 'content/hoat-dong-hdnd/2021/ky-hop-thu-hai-hdnd-thanh-pho/anh-ky-hop.jpg');
if (!fs.existsSync(photo)) {
  console.error(`missing ${photo}`);
  console.log('0 passed, 1 failed');
  process.exit(1);
}
write('config.yaml', 'title: "Bản tin thử"\nbase_url: "https://thu.example.vn/"\n');
write('content/tin-tuc/_index.md', '---\ntitle: Tin tức\n---\n');
const filler = Array.from({ length: 40 }, (_, i) => `Đoạn ${i + 1}: các đại biểu thảo luận về ngân sách và đầu tư công.`).join('\n\n');
write('content/tin-tuc/ky-hop/index.md',
  `---\ntitle: "Kỳ họp thứ năm"\ndate: 2025-06-01\nimage: anh.jpg\nimage_alt: "Toàn cảnh kỳ họp"\n---\n\nMở đầu.\n\n${filler}\n\n![Đại biểu biểu quyết](anh-2.jpg)\n`);
fs.copyFileSync(photo, path.join(root, 'content/tin-tuc/ky-hop/anh.jpg'));
fs.copyFileSync(photo, path.join(root, 'content/tin-tuc/ky-hop/anh-2.jpg'));
const original = fs.statSync(photo).size;
const out = path.join(root, 'public');
execFileSync(bin, ['build', '-q', '--root', root, '--output', out], { stdio: 'inherit' });

const server = http.createServer((req, res) => {
  let p = decodeURIComponent(new URL(req.url, 'http://x').pathname);
  if (p.endsWith('/')) p += 'index.html';
  const file = path.join(out, p);
  if (!file.startsWith(out) || !fs.existsSync(file)) { res.writeHead(404); res.end(); return; }
  const types = { '.js': 'text/javascript', '.css': 'text/css', '.webp': 'image/webp', '.jpg': 'image/jpeg', '.png': 'image/png' };
  res.writeHead(200, { 'Content-Type': types[path.extname(file)] || 'text/html; charset=utf-8' });
  fs.createReadStream(file).pipe(res);
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${server.address().port}/`;

const { chromium } = require('playwright-core');
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});

// [device, viewport width, pixel ratio, width of the file expected]
const DEVICES = [
  ['phone 1x', 390, 1, 480],
  ['phone 2x', 390, 2, 960],
  ['phone 3x', 390, 3, 1600],
  ['desktop', 1366, 1, 960],
];

try {
  for (const [name, width, dpr, want] of DEVICES) {
    const context = await browser.newContext({ viewport: { width, height: 800 }, deviceScaleFactor: dpr });
    const page = await context.newPage();
    const images = [];
    page.on('response', async (r) => {
      if (/\.(jpe?g|webp|png)$/.test(new URL(r.url()).pathname)) {
        images.push({ url: r.url(), bytes: (await r.body().catch(() => Buffer.alloc(0))).length });
      }
    });
    await page.goto(`${base}tin-tuc/ky-hop/index.html`, { waitUntil: 'load' });
    const featured = await page.$eval('.featured-image img', (i) => i.currentSrc);
    check(`${name}: the featured image is the ${want}-pixel WebP`, featured.endsWith(`anh-${want}w.webp`), featured);
    const before = images.filter((i) => i.url.includes('anh-2')).length;
    check(`${name}: the body image below the fold waits`, before === 0, JSON.stringify(images));
    const top = await page.$eval('.article-footer', (e) => e.getBoundingClientRect().top + window.scrollY);
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await page.waitForFunction(() => {
      const i = document.querySelector('.prose picture img');
      return i && i.complete && i.naturalWidth > 0;
    }, null, { timeout: 10_000 });
    const body = await page.$eval('.prose picture img', (i) => i.currentSrc);
    check(`${name}: the body image loads when scrolled to, at ${want} pixels`, body.endsWith(`anh-2-${want}w.webp`), body);
    const after = await page.$eval('.article-footer', (e) => e.getBoundingClientRect().top + window.scrollY);
    check(`${name}: nothing moved as the images arrived`, Math.abs(after - top) < 1, `${top} → ${after}`);
    await page.waitForTimeout(200);
    const total = images.reduce((s, i) => s + i.bytes, 0);
    const originals = images.filter((i) => /\/anh(-2)?\.jpg$/.test(i.url));
    check(`${name}: the camera originals are never loaded`, originals.length === 0, JSON.stringify(originals));
    check(`${name}: ${images.length} images, ${(total / 1024).toFixed(0)} KB against ${(2 * original / 1024).toFixed(0)} KB of originals`,
      images.length === 2 && total < original / 2, JSON.stringify(images));
    await context.close();
  }
} catch (e) {
  check('no exception', false, String(e && e.stack || e));
} finally {
  await browser.close();
  server.close();
  fs.rmSync(root, { recursive: true, force: true });
}
done();
