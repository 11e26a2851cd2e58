#!/usr/bin/env node
// Viewport screenshots of pages of a generated site, opened via file://
// (no server, no network), for docs and for checking the theme by eye.
//
// Usage: node tests/e2e/screenshot.mjs SITE_DIR OUT_DIR [--screens N] [--print] PAGE[=NAME] ...
//   PAGE is a path inside SITE_DIR (`dir/` means `dir/index.html`); NAME
//   defaults to the path with `/` → `_`. Writes OUT_DIR/NAME-desktop.png
//   (1366 wide) and OUT_DIR/NAME-phone.png (390 wide), each N screens high
//   (default 1.5), and with --print also OUT_DIR/NAME-print.pdf.

import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const VIEWPORTS = [
  { name: 'desktop', viewport: { width: 1366, height: 768 }, isMobile: false, hasTouch: false },
  { name: 'phone', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true },
];

const args = process.argv.slice(2);
let screens = 1.5;
let print = false;
const rest = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--screens') screens = Number(args[++i]);
  else if (args[i] === '--print') print = true;
  else rest.push(args[i]);
}
const [site, out, ...pages] = rest;
if (!site || !out || !pages.length) {
  console.error('usage: node tests/e2e/screenshot.mjs SITE_DIR OUT_DIR [--screens N] [--print] PAGE[=NAME] ...');
  process.exit(2);
}
fs.mkdirSync(out, { recursive: true });
const { chromium } = await import('playwright-core');
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
try {
  for (const vp of VIEWPORTS) {
    const context = await browser.newContext({ viewport: vp.viewport, deviceScaleFactor: 1, isMobile: vp.isMobile, hasTouch: vp.hasTouch, locale: 'vi-VN' });
    await context.route((url) => url.protocol !== 'file:', (route) => route.abort('blockedbyclient'));
    for (const spec of pages) {
      const [rel, given] = spec.split('=');
      const file = path.resolve(site, rel.endsWith('/') || rel === '' ? `${rel}index.html` : rel);
      const name = given || rel.replace(/\/$/, '').replace(/\//g, '_') || 'index';
      const page = await context.newPage();
      await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
      const full = await page.evaluate(() => document.documentElement.scrollHeight);
      const height = Math.min(full, Math.round(vp.viewport.height * screens));
      const target = path.join(out, `${name}-${vp.name}.png`);
      await page.screenshot({ path: target, clip: { x: 0, y: 0, width: vp.viewport.width, height }, fullPage: true });
      console.log(`${target} (${vp.viewport.width}x${height}, ${fs.statSync(target).size} bytes)`);
      if (print && vp.name === 'desktop') {
        const pdf = path.join(out, `${name}-print.pdf`);
        await page.pdf({ path: pdf, format: 'A4' });
        console.log(pdf);
      }
      await page.close();
    }
    await context.close();
  }
} finally {
  await browser.close();
}
