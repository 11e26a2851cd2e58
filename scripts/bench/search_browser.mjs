#!/usr/bin/env node
// Browser half of scripts/bench/search.py: runs queries in headless Chromium
// against a built site (bantin's /tim-kiem/ page, or Pagefind's API on the
// same output) served over http, and prints one JSON object on stdout.
//
// Usage: node search_browser.mjs SITE_DIR PAGEFIND_DIR|- QUERY...
//
// Each query runs in a fresh browser context (empty cache). For every file
// the page requests, the JSON gives its path, its size on disk and its size
// gzip-compressed (what a server that compresses text sends; Pagefind's own
// index files are already compressed, so theirs is their size on disk).

import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(path.join(here, '../../tests/e2e/package.json'));
const { chromium } = require('playwright-core');

const [site, pfDir, ...queries] = process.argv.slice(2);
if (!site || !pfDir || queries.length === 0) {
  console.error('usage: node search_browser.mjs SITE_DIR PAGEFIND_DIR|- QUERY...');
  process.exit(2);
}

const PF_PAGE = '<!doctype html><html lang="vi"><meta charset="utf-8"><title>pf</title><body></body></html>';
const TYPES = { '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css', '.json': 'application/json',
  '.wasm': 'application/wasm', '.html': 'text/html; charset=utf-8' };

function fileOf(urlPath) {
  let p = decodeURIComponent(urlPath);
  if (p.endsWith('/')) p += 'index.html';
  if (p.startsWith('/pagefind/') && pfDir !== '-') return path.join(pfDir, p.slice('/pagefind/'.length));
  return path.join(site, p);
}

const server = http.createServer((req, res) => {
  const u = new URL(req.url, 'http://x');
  if (u.pathname === '/__pf.html') { res.writeHead(200, { 'Content-Type': TYPES['.html'] }); res.end(PF_PAGE); return; }
  const file = fileOf(u.pathname);
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) { res.writeHead(404); res.end(); return; }
  res.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] || 'application/octet-stream' });
  fs.createReadStream(file).pipe(res);
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${server.address().port}`;

const gzCache = new Map();
function sizes(urlPath) {
  const file = fileOf(urlPath);
  if (!fs.existsSync(file)) return { path: urlPath, bytes: 0, gzip: 0 };
  const bytes = fs.statSync(file).size;
  if (!gzCache.has(file)) {
    // Pagefind's .pf_* and .pagefind files are gzip streams already.
    const packed = /\.(pf_\w+|pagefind)$/.test(file);
    gzCache.set(file, packed ? bytes : zlib.gzipSync(fs.readFileSync(file), { level: 6 }).length);
  }
  return { path: urlPath, bytes, gzip: gzCache.get(file) };
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});

// Requests made by a page, in order, each with the phase it started in.
function recorder(page) {
  const log = { phase: 'load', files: [] };
  page.on('request', (r) => {
    const u = new URL(r.url());
    if (u.origin === base && u.pathname !== '/__pf.html') log.files.push({ phase: log.phase, ...sizes(u.pathname) });
  });
  return log;
}

async function bantin(q) {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  const log = recorder(page);
  await page.goto(`${base}/tim-kiem/index.html`);
  // meta.js is loaded with the page: the filters show once it is there.
  await page.locator('.search-filters').waitFor({ state: 'visible', timeout: 60_000 });
  log.phase = 'query';
  const t0 = Date.now();
  await page.fill('#tu-khoa', q);
  await page.waitForFunction(() => {
    const s = document.querySelector('.search-status');
    const done = s && s.textContent && !/…$/.test(s.textContent);
    return done && (document.querySelectorAll('.search-results li').length > 0 || s.textContent.startsWith('Không'));
  }, null, { timeout: 120_000, polling: 5 });
  const ms = Date.now() - t0;
  log.phase = 'after';
  const urls = await page.locator('.search-results h3 a').evaluateAll((as) => as.map((a) => new URL(a.href).pathname));
  const status = await page.locator('.search-status').textContent();
  await ctx.close();
  return { q, ms, status, urls: urls.slice(0, 10), files: log.files, errors };
}

async function pagefind(q) {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  const log = recorder(page);
  await page.goto(`${base}/__pf.html`);
  log.phase = 'init';
  await page.evaluate(async () => {
    window.pf = await import('/pagefind/pagefind.js');
    await window.pf.init();
  });
  log.phase = 'query';
  const r = await page.evaluate(async (q) => {
    const t0 = performance.now();
    const s = await window.pf.search(q);
    const data = await Promise.all(s.results.slice(0, 10).map((x) => x.data()));
    return { ms: Math.round(performance.now() - t0), count: s.results.length, urls: data.map((d) => d.url) };
  }, q);
  log.phase = 'after';
  await ctx.close();
  return { q, ms: r.ms, status: `${r.count} results`, count: r.count, urls: r.urls, files: log.files, errors };
}

const out = { bantin: [], pagefind: [] };
try {
  for (const q of queries) out.bantin.push(await bantin(q));
  if (pfDir !== '-') for (const q of queries) out.pagefind.push(await pagefind(q));
} finally {
  await browser.close();
  server.close();
}
console.log(JSON.stringify(out));
