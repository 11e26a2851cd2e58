#!/usr/bin/env node
// End-to-end test of `bantin serve` in headless Chromium: a saved edit
// reloads the open tab; a broken file shows the errors over the page (with
// file:line:column) while the last good page stays; the fix removes them.
//
// Usage: node tests/e2e/serve.mjs BANTIN_BINARY
// Prints "N passed, M failed" last; exit code 0 only if M == 0.

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { CHROMIUM, binaryArg, checks, tempSite } from './harness.mjs';

const require = createRequire(import.meta.url);
const bin = binaryArg('serve.mjs');
const { check, done } = checks();
const { root, write } = tempSite('bantin-serve-');
const article = (title) => `---\ntitle: "${title}"\ndate: 2021-10-15 14:00\n---\n\nĐoạn mở đầu.\n\nNội dung bài.\n`;
write('config.yaml', 'title: "Bản tin thử"\nbase_url: "https://thu.example.vn/"\n');
write('content/tin-tuc/_index.md', '---\ntitle: Tin tức\n---\n');
write('content/tin-tuc/a.md', article('Tiêu đề đầu tiên'));

const server = spawn(bin, ['serve', '--port', '0', '--root', root], { stdio: ['ignore', 'pipe', 'pipe'] });
let stderr = '';
server.stderr.on('data', (d) => { stderr += d; });
const url = await new Promise((resolve, reject) => {
  let out = '';
  server.stdout.on('data', (d) => {
    out += d;
    const m = out.match(/http:\/\/127\.0\.0\.1:\d+\//);
    if (m) resolve(m[0]);
  });
  server.on('exit', (code) => reject(new Error(`bantin serve exited with ${code}: ${stderr}`)));
  setTimeout(() => reject(new Error(`bantin serve printed no address: ${out}${stderr}`)), 60_000);
});

const { chromium } = require('playwright-core');
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
try {
  const page = await browser.newPage();
  await page.goto(`${url}tin-tuc/a/`);
  check('the page is served', (await page.locator('h1').textContent()).includes('Tiêu đề đầu tiên'));

  // An edit: the tab reloads by itself.
  const reloaded = page.waitForEvent('load', { timeout: 60_000 });
  write('content/tin-tuc/a.md', article('Tiêu đề đã sửa'));
  await reloaded;
  await page.waitForFunction(() => document.querySelector('h1')?.textContent.includes('Tiêu đề đã sửa'), null, { timeout: 60_000 });
  check('a saved edit reloads the tab', true);

  // A broken file: the overlay shows the error; the page keeps the last good build.
  write('content/tin-tuc/a.md', '---\ntitle: "Hỏng"\ndate: 2021-10-15\ntag: [x]\n---\nNội dung.\n');
  const overlay = page.locator('#bantin-loi');
  await overlay.waitFor({ state: 'visible', timeout: 60_000 });
  const text = await overlay.textContent();
  check('the overlay names file, line and column', text.includes('content/tin-tuc/a.md:4:1'), text);
  check('the overlay is in the site language', text.includes('Lỗi khi dựng trang'), text);
  check('the overlay is announced', (await overlay.getAttribute('role')) === 'alert');
  check('the last good page stays under it', (await page.locator('h1').textContent()).includes('Tiêu đề đã sửa'));

  // A page opened while the site is broken shows the overlay at once.
  const other = await browser.newPage();
  await other.goto(url);
  await other.locator('#bantin-loi').waitFor({ state: 'visible', timeout: 30_000 });
  check('a tab opened during the error shows it', true);

  // The fix: the overlay goes, the page shows the fixed title.
  write('content/tin-tuc/a.md', article('Tiêu đề sau khi sửa lỗi'));
  await page.waitForFunction(
    () => !document.querySelector('#bantin-loi') && document.querySelector('h1')?.textContent.includes('sau khi sửa lỗi'),
    null, { timeout: 60_000 });
  check('fixing the file removes the overlay', true);
} catch (e) {
  check('serve in the browser', false, `${e.message}\n${stderr}`);
} finally {
  await browser.close();
  server.kill();
  fs.rmSync(root, { recursive: true, force: true });
}
done();
