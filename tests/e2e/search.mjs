#!/usr/bin/env node
// End-to-end test of search in headless Chromium: queries typed with and
// without diacritics and as abbreviations find the articles that contain
// them first, over http and from file://; the header box suggests titles;
// arrows move through results; the query stays in the URL.
//
// Usage: node tests/e2e/search.mjs BANTIN_BINARY
// Prints "N passed, M failed" last; exit code 0 only if M == 0.

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { createRequire } from 'node:module';
import { CHROMIUM, binaryArg, checks, tempSite } from './harness.mjs';

const require = createRequire(import.meta.url);
const bin = binaryArg('search.mjs');
const { check, done } = checks();
const { root, write } = tempSite('bantin-search-');
const article = (slug, title, date, body) => write(`content/tin-tuc/${slug}.md`,
  `---\ntitle: "${title}"\ndate: ${date}\ncategories: [Thời sự]\n---\n\n${body}\n`);
write('config.yaml', 'title: "Bản tin thử"\nbase_url: "https://thu.example.vn/"\n');
write('content/tin-tuc/_index.md', '---\ntitle: Tin tức\n---\n');
article('ky-hop', 'Khai mạc kỳ họp thứ mười', '2025-07-03', 'Hội đồng nhân dân tỉnh khai mạc kỳ họp thường lệ giữa năm.');
article('viet-tat', 'Phiên họp chuyên đề', '2025-05-02', 'Thường trực HĐND tỉnh chủ trì phiên họp.');
article('tach-roi', 'Hội nghị đồng thuận', '2025-08-04', 'Hội nghị bàn về sự đồng thuận của nhân dân. Nhân dân tham gia đông đủ.');
article('duong', 'Thông xe tuyến mới', '2024-03-01', 'Tuyến đường liên xã dài 5 km đã thông xe.');
for (let i = 0; i < 12; i++) {
  article(`khac-${i}`, `Tin hoạt động số ${i}`, `2023-0${1 + (i % 9)}-1${i % 10}`, 'Các đại biểu tiếp xúc cử tri tại xã, ghi nhận ý kiến của nhân dân về giao thông nông thôn.');
}
const out = path.join(root, 'public');
execFileSync(bin, ['build', '--root', root, '--output', out], { stdio: 'inherit' });

// A static server: a folder URL serves its index.html.
const server = http.createServer((req, res) => {
  let p = decodeURIComponent(new URL(req.url, 'http://x').pathname);
  if (p.endsWith('/')) p += 'index.html';
  const file = path.join(out, p);
  if (!file.startsWith(out) || !fs.existsSync(file)) { res.writeHead(404); res.end(); return; }
  const type = file.endsWith('.js') ? 'text/javascript' : file.endsWith('.css') ? 'text/css' : 'text/html; charset=utf-8';
  res.writeHead(200, { 'Content-Type': type });
  fs.createReadStream(file).pipe(res);
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const httpBase = `http://127.0.0.1:${server.address().port}/`;
const fileBase = `file://${out}/`;

const { chromium } = require('playwright-core');
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});

// [query, title that must come first, title that must not be found]
const QUERIES = [
  ['hoi dong nhan dan', 'Khai mạc kỳ họp thứ mười', null],
  ['Hội đồng nhân dân', 'Khai mạc kỳ họp thứ mười', null],
  ['HĐND', null, 'Hội nghị đồng thuận'],
  ['duong', 'Thông xe tuyến mới', null],
  ['đường', 'Thông xe tuyến mới', null],
];

async function titles(page) {
  await page.waitForFunction(() => {
    const s = document.querySelector('.search-status');
    return s && s.textContent && !/…$/.test(s.textContent);
  }, null, { timeout: 20_000 });
  return page.locator('.search-results h3').allTextContents();
}

try {
  for (const [name, base] of [['http', httpBase], ['file', fileBase]]) {
    const page = await browser.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`${base}tim-kiem/index.html`);
    for (const [q, first, absent] of QUERIES) {
      await page.fill('#tu-khoa', '');
      await page.type('#tu-khoa', q, { delay: 5 });
      await page.waitForFunction((q) => new URLSearchParams(location.search).get('q') === q, q, { timeout: 20_000 })
        .catch(() => {});
      await page.waitForTimeout(300);
      const t = await titles(page);
      if (first) check(`${name}: "${q}" finds "${first}" first`, t[0] === first, JSON.stringify(t));
      if (q === 'HĐND') {
        const both = t.slice(0, 2).sort();
        check(`${name}: "HĐND" finds the abbreviation and the phrase first`,
          JSON.stringify(both) === JSON.stringify(['Khai mạc kỳ họp thứ mười', 'Phiên họp chuyên đề']), JSON.stringify(t));
      }
      if (absent) check(`${name}: "${q}" does not find "${absent}"`, !t.includes(absent), JSON.stringify(t));
    }
    // The snippet marks the words in the original spelling.
    await page.fill('#tu-khoa', 'duong');
    await page.waitForTimeout(400);
    await titles(page);
    const mark = await page.locator('.search-results .snippet mark').first().textContent();
    check(`${name}: the snippet marks "đường"`, mark === 'đường', mark);
    // The status line quotes the query as typed, even with the characters
    // that String.replace reads as a pattern.
    for (const q of ['duong $&', '$1 đường', 'đường $$ $$', 'duong $`', "$' đường", '$<a> duong', 'khong-co $&']) {
      await page.fill('#tu-khoa', q);
      await page.waitForFunction((q) => new URLSearchParams(location.search).get('q') === q, q, { timeout: 20_000 })
        .catch(() => {});
      await titles(page);
      const status = await page.locator('.search-status').textContent();
      check(`${name}: the status line quotes ${JSON.stringify(q)}`, status.includes(`“${q}”`), status);
    }
    // A linked query runs on load.
    await page.goto(`${base}tim-kiem/index.html?q=${encodeURIComponent('hoi dong')}`);
    const linked = await titles(page);
    check(`${name}: ?q= runs the query`, linked[0] === 'Khai mạc kỳ họp thứ mười', JSON.stringify(linked));
    // Arrow down from the box goes to the first result.
    await page.focus('#tu-khoa');
    await page.keyboard.press('ArrowDown');
    const focused = await page.evaluate(() => document.activeElement.textContent);
    check(`${name}: ArrowDown focuses the first result`, focused === 'Khai mạc kỳ họp thứ mười', focused);
    // The header box on another page suggests titles as you type.
    await page.goto(`${base}index.html`);
    await page.type('#tim-nhanh', 'hđnd', { delay: 5 });
    await page.locator('#tim-nhanh-ket-qua a').first().waitFor({ timeout: 20_000 });
    const sug = await page.locator('#tim-nhanh-ket-qua a').allTextContents();
    check(`${name}: the header box suggests as you type`, sug.some((s) => s.startsWith('Phiên họp chuyên đề')), JSON.stringify(sug));
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.waitForURL(/tin-tuc\//, { timeout: 20_000 });
    check(`${name}: Enter opens the selected suggestion`, /tin-tuc\/(viet-tat|ky-hop)\//.test(page.url()), page.url());
    check(`${name}: no script errors`, errors.length === 0, errors.join('; '));
    await page.close();
  }
} catch (e) {
  check('the test ran to its end', false, e.stack);
} finally {
  await browser.close();
  server.close();
  fs.rmSync(root, { recursive: true, force: true });
}
done();
