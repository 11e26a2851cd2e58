#!/usr/bin/env node
// bantin e2e quality gate: validates and browser-checks a generated static site.
//
// Usage: node tests/e2e/gate.mjs SITE_DIR [--pages pages.txt] [--artifacts DIR]
//                                         [--vnu-max N]
//
// Checks (see README.md):
//   1. Nu Html Checker (vnu.jar) on every .html file (or a deterministic sample).
//   2. axe-core + horizontal-scroll + external-request + HTTP >= 400 checks in
//      Debian Chromium at a desktop and a phone viewport.
//   3. Relative <a href> links resolve to existing files (page opened via file://).
//   4. Full-page screenshots in the artifacts dir.
// The last line printed is "N passed, M failed"; exit code 0 only if M == 0.

import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const HERE = path.dirname(fileURLToPath(import.meta.url));

const VNU_JAR = path.join(HERE, 'node_modules', 'vnu-jar', 'build', 'dist', 'vnu.jar');
const VNU_BATCH = 200;
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];
const VIEWPORTS = [
  { name: 'desktop', viewport: { width: 1366, height: 768 }, deviceScaleFactor: 1, isMobile: false, hasTouch: false },
  { name: 'phone', viewport: { width: 390, height: 844 }, deviceScaleFactor: 1, isMobile: true, hasTouch: true },
];
const NAV_TIMEOUT_MS = 30_000;

// ---------------------------------------------------------------- utilities

function usage(msg) {
  if (msg) console.error(`gate: ${msg}`);
  console.error('usage: node tests/e2e/gate.mjs SITE_DIR [--pages pages.txt] [--artifacts DIR] [--vnu-max N]');
  if (msg) console.log('0 passed, 1 failed');
  process.exit(2);
}

function parseArgs(argv) {
  const opts = { site: null, pages: null, artifacts: path.join(HERE, 'artifacts'), vnuMax: 400 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const val = () => {
      if (i + 1 >= argv.length) usage(`${a} needs a value`);
      return argv[++i];
    };
    if (a === '--pages') opts.pages = val();
    else if (a.startsWith('--pages=')) opts.pages = a.slice(8);
    else if (a === '--artifacts') opts.artifacts = val();
    else if (a.startsWith('--artifacts=')) opts.artifacts = a.slice(12);
    else if (a === '--vnu-max') opts.vnuMax = Number(val());
    else if (a.startsWith('--vnu-max=')) opts.vnuMax = Number(a.slice(10));
    else if (a === '-h' || a === '--help') usage();
    else if (a.startsWith('-')) usage(`unknown option ${a}`);
    else if (opts.site === null) opts.site = a;
    else usage(`unexpected argument ${a}`);
  }
  if (!opts.site) usage('SITE_DIR is required');
  if (!Number.isInteger(opts.vnuMax) || opts.vnuMax < 1) usage('--vnu-max must be a positive integer');
  return opts;
}

/** All files under dir, as sorted POSIX paths relative to dir. */
function walk(dir) {
  const out = [];
  const rec = (abs, rel) => {
    for (const ent of fs.readdirSync(abs, { withFileTypes: true })) {
      if (ent.name === 'node_modules' || ent.name === '.git') continue;
      const r = rel ? `${rel}/${ent.name}` : ent.name;
      const p = path.join(abs, ent.name);
      if (ent.isDirectory()) rec(p, r);
      else if (ent.isFile()) out.push(r);
    }
  };
  rec(dir, '');
  return out.sort();
}

const warnings = [];
function warn(msg) {
  warnings.push(msg);
  console.log(`  WARN ${msg}`);
}

/** A path relative to the working directory when inside it, else absolute. */
function shownPath(abs) {
  const rel = path.relative(process.cwd(), abs);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : abs;
}

function isRedirectPage(abs) {
  try {
    const head = fs.readFileSync(abs, 'utf8').slice(0, 4096);
    return /<meta[^>]+http-equiv\s*=\s*["']?refresh/i.test(head);
  } catch {
    return false;
  }
}

// ------------------------------------------------------------ page selection

function pageName(rel) {
  if (rel === 'index.html') return 'home';
  const n = rel.replace(/\/index\.html$/, '').replace(/\.html$/, '').replace(/[^A-Za-z0-9._-]+/g, '_');
  return n || 'page';
}

function readPagesFile(file, site) {
  const pages = [];
  for (const raw of fs.readFileSync(file, 'utf8').split(/\r?\n/)) {
    const line = raw.replace(/#.*$/, '').trim();
    if (!line) continue;
    // "relative/path.html" or "name relative/path.html"
    const parts = line.split(/\s+/);
    let rel = parts.length > 1 ? parts[1] : parts[0];
    const name = parts.length > 1 ? parts[0] : null;
    rel = rel.replace(/^\.?\/+/, '');
    if (rel === '' || rel.endsWith('/')) rel += 'index.html';
    pages.push({ name: name || pageName(rel), rel, required: true });
  }
  // Make screenshot names unique.
  const seen = new Map();
  for (const p of pages) {
    const k = seen.get(p.name) || 0;
    seen.set(p.name, k + 1);
    if (k) p.name = `${p.name}-${k + 1}`;
  }
  return pages;
}

function autoPages(site, htmlFiles) {
  const has = new Set(htmlFiles);
  const pages = [];
  const add = (name, rel, what) => {
    if (rel && has.has(rel)) pages.push({ name, rel, required: true });
    else warn(`auto-detect: no ${what} page found${rel ? ` (${rel})` : ''}; skipped`);
  };
  add('home', 'index.html', 'home');

  // First article page (in sorted path order): an .html file outside the
  // listing sections that declares itself an article (og:type=article,
  // article:published_time, or JSON-LD NewsArticle/Article/BlogPosting);
  // failing that, the first one with exactly one <article> element.
  const listing = /(^|\/)(the|luu-tru|chuyen-muc|tim-kiem|trang)\//;
  const candidates = htmlFiles.filter((f) => f !== 'index.html' && f !== '404.html' && !listing.test(f));
  const contents = new Map();
  const content = (f) => {
    if (!contents.has(f)) {
      const abs = path.join(site, f);
      contents.set(f, isRedirectPage(abs) ? '' : fs.readFileSync(abs, 'utf8'));
    }
    return contents.get(f);
  };
  const declaresArticle = (html) =>
    /<meta\b[^>]*\bproperty\s*=\s*["']?og:type["']?[^>]*\bcontent\s*=\s*["']?article\b/i.test(html) ||
    /<meta\b[^>]*\bcontent\s*=\s*["']?article["']?[^>]*\bproperty\s*=\s*["']?og:type\b/i.test(html) ||
    /<meta\b[^>]*\bproperty\s*=\s*["']?article:published_time/i.test(html) ||
    /"@type"\s*:\s*"(NewsArticle|Article|BlogPosting|ReportageNewsArticle)"/.test(html);
  let article = candidates.find((f) => declaresArticle(content(f))) || null;
  if (!article) article = candidates.find((f) => (content(f).match(/<article[\s>]/gi) || []).length === 1) || null;
  add('article', article, 'article');

  add('tags', 'the/index.html', 'tag index');
  add('tag', htmlFiles.find((f) => /^the\/[^/]+\/index\.html$/.test(f)) || null, 'tag');
  add('archive', 'luu-tru/index.html', 'archive');
  add('month', htmlFiles.find((f) => /^luu-tru\/[^/]+\/[^/]+\/index\.html$/.test(f)) || null, 'archive month');
  add('404', '404.html', '404');
  return pages;
}

// ------------------------------------------------------------ vnu validation

function vnuSample(htmlFiles, pages, max) {
  if (htmlFiles.length <= max) return { files: htmlFiles, sampled: false };
  const must = new Set(pages.map((p) => p.rel).filter((r) => htmlFiles.includes(r)));
  for (const f of htmlFiles) {
    // index.html at depth <= 2: the home page and top-level section indexes
    // (index.html, the/index.html, luu-tru/index.html, ...).
    if (/(^|\/)index\.html$/.test(f) && f.split('/').length <= 2) must.add(f);
  }
  // Deterministic fill: order the rest by a hash of the path.
  const h = (s) => createHash('sha1').update(s).digest('hex');
  const rest = htmlFiles.filter((f) => !must.has(f)).sort((a, b) => (h(a) < h(b) ? -1 : h(a) > h(b) ? 1 : 0));
  const chosen = new Set(must);
  for (const f of rest) {
    if (chosen.size >= max) break;
    chosen.add(f);
  }
  return { files: [...chosen].sort(), sampled: true };
}

function runVnuBatch(site, files) {
  return new Promise((resolve) => {
    const args = ['-jar', VNU_JAR, '--errors-only', '--format', 'json', ...files.map((f) => path.join(site, f))];
    let stdout = '';
    let stderr = '';
    let child;
    try {
      child = spawn('java', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (e) {
      resolve({ fatal: `cannot start java: ${e.message}` });
      return;
    }
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', (e) => resolve({ fatal: `cannot start java: ${e.message}` }));
    child.on('close', (code) => {
      // vnu writes its JSON report to stderr.
      const text = stderr.trim() || stdout.trim();
      const start = text.indexOf('{');
      try {
        const json = JSON.parse(text.slice(start));
        resolve({ messages: json.messages || [], code });
      } catch {
        resolve({ fatal: `vnu exited ${code} without a JSON report:\n${(stderr + stdout).slice(0, 2000)}` });
      }
    });
  });
}

async function runVnu(site, files) {
  const site_ = path.resolve(site);
  if (!fs.existsSync(VNU_JAR)) {
    return { errors: [`vnu.jar not found at ${VNU_JAR} (run tests/e2e/install.sh)`] };
  }
  const errors = [];
  for (let i = 0; i < files.length; i += VNU_BATCH) {
    const batch = files.slice(i, i + VNU_BATCH);
    const res = await runVnuBatch(site_, batch);
    if (res.fatal) {
      errors.push(res.fatal);
      continue;
    }
    for (const m of res.messages) {
      if (m.type !== 'error' && m.type !== 'non-document-error') continue;
      let file = m.url || '?';
      try {
        file = shownPath(fileURLToPath(new URL(file)));
      } catch { /* keep as is */ }
      const line = m.firstLine ?? m.lastLine ?? 0;
      const col = m.firstColumn ?? m.lastColumn ?? 0;
      errors.push(`${file}:${line}:${col}: ${m.message}`);
    }
  }
  return { errors };
}

// --------------------------------------------------------------- HTTP server

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.rss': 'application/rss+xml; charset=utf-8',
  '.atom': 'application/atom+xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.pdf': 'application/pdf',
  '.webmanifest': 'application/manifest+json',
};

function startServer(root) {
  root = path.resolve(root);
  const server = http.createServer(async (req, res) => {
    const send = (status, body, type = 'text/plain; charset=utf-8', extra = {}) => {
      res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store', ...extra });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    let urlPath;
    try {
      urlPath = decodeURIComponent(new URL(req.url, 'http://127.0.0.1').pathname);
    } catch {
      return send(400, 'bad request');
    }
    const abs = path.join(root, urlPath);
    if (abs !== root && !abs.startsWith(root + path.sep)) return send(403, 'forbidden');
    try {
      let file = abs;
      let st = await fsp.stat(file);
      if (st.isDirectory()) {
        if (!urlPath.endsWith('/')) {
          const u = new URL(req.url, 'http://127.0.0.1');
          return send(301, 'moved', undefined, { Location: `${u.pathname}/${u.search}` });
        }
        file = path.join(file, 'index.html');
        st = await fsp.stat(file);
      }
      const body = await fsp.readFile(file);
      return send(200, body, MIME[path.extname(file).toLowerCase()] || 'application/octet-stream');
    } catch {
      try {
        const body = await fsp.readFile(path.join(root, '404.html'));
        return send(404, body, MIME['.html']);
      } catch {
        return send(404, 'not found');
      }
    }
  });
  return new Promise((resolve, reject) => {
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}

// ------------------------------------------------------------ browser checks

const AXE_SOURCE_PATH = require.resolve('axe-core/axe.min.js');

function fmtViolation(v) {
  const targets = v.nodes.slice(0, 5).map((n) => (Array.isArray(n.target) ? n.target.join(' ') : String(n.target)));
  const more = v.nodes.length > 5 ? ` (+${v.nodes.length - 5} more)` : '';
  return `${v.id} [${v.impact}] ${v.help} — ${targets.join(', ')}${more} (${v.helpUrl})`;
}

/** Check relative <a href> links of a page opened via file://. */
// Keeps a redirect page (alias, <meta http-equiv="refresh">) in place while it
// is checked: other main-frame navigations are aborted and reported in `blocked`.
async function holdPage(p, url, blocked) {
  await p.route('**/*', (route) => {
    const req = route.request();
    if (req.isNavigationRequest() && req.frame() === p.mainFrame() && req.url() !== url) {
      blocked.add(req.url());
      return route.abort('aborted');
    }
    return route.fallback();
  });
}

async function checkLinksViaFile(context, site, page) {
  const problems = [];
  const root = path.resolve(site);
  const fileUrl = pathToFileURL(path.join(root, page.rel)).href;
  const p = await context.newPage();
  await holdPage(p, fileUrl, new Set());
  try {
    await p.goto(fileUrl, { waitUntil: 'load', timeout: NAV_TIMEOUT_MS });
    const links = await p.evaluate(() =>
      [...document.querySelectorAll('a[href]')].map((a) => a.getAttribute('href')));
    const ids = new Set(await p.evaluate(() =>
      [...document.querySelectorAll('[id], a[name]')].map((e) => e.id || e.getAttribute('name'))));
    const seen = new Set();
    for (const raw of links) {
      const href = raw.trim();
      if (seen.has(href)) continue;
      seen.add(href);
      if (href === '') continue;
      if (/^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(href) || href.startsWith('//')) continue; // absolute URL
      if (href.startsWith('#')) {
        const frag = decodeURIComponent(href.slice(1));
        if (frag && frag !== 'top' && !ids.has(frag)) problems.push(`broken in-page link href="${href}": no element with id "${frag}"`);
        continue;
      }
      const clean = href.replace(/[?#].*$/, '');
      if (clean === '') continue;
      let target;
      try {
        if (clean.startsWith('/')) target = path.join(root, decodeURIComponent(clean)); // root-relative: site root
        else target = fileURLToPath(new URL(clean, fileUrl));
      } catch {
        problems.push(`unparseable link href="${href}"`);
        continue;
      }
      if (target !== root && !target.startsWith(root + path.sep)) {
        problems.push(`link href="${href}" points outside the site folder`);
        continue;
      }
      let ok = false;
      try {
        const st = fs.statSync(target);
        if (st.isDirectory()) ok = fs.existsSync(path.join(target, 'index.html'));
        else ok = !clean.endsWith('/') && st.isFile();
      } catch { ok = false; }
      if (!ok) {
        const shown = path.relative(root, clean.endsWith('/') ? path.join(target, 'index.html') : target);
        problems.push(`broken link href="${href}": ${shown} does not exist`);
      }
    }
  } catch (e) {
    problems.push(`could not open via file://: ${e.message.split('\n')[0]}`);
  } finally {
    await p.close();
  }
  return problems;
}

async function checkPage(context, vp, base, site, page, axeSource, artifacts) {
  const failures = [];
  const notes = [];
  const external = new Set();
  const bad = [];
  const blocked = new Set();
  const p = await context.newPage();
  p.on('request', (req) => {
    const u = req.url();
    if (/^(data|blob|about|chrome|chrome-extension):/.test(u)) return;
    try {
      if (new URL(u).hostname !== '127.0.0.1') external.add(u);
    } catch { external.add(u); }
  });
  p.on('response', (resp) => {
    try {
      if (new URL(resp.url()).hostname === '127.0.0.1' && resp.status() >= 400) {
        bad.push(`${resp.status()} ${new URL(resp.url()).pathname}`);
      }
    } catch { /* ignore */ }
  });
  p.on('requestfailed', (req) => {
    try {
      if (blocked.has(req.url())) return;
      if (new URL(req.url()).hostname === '127.0.0.1') bad.push(`failed ${new URL(req.url()).pathname}: ${req.failure()?.errorText}`);
    } catch { /* ignore */ }
  });
  p.on('pageerror', (err) => notes.push(`JavaScript error: ${err.message.split('\n')[0]}`));

  const url = base + '/' + page.rel.split('/').map(encodeURIComponent).join('/');
  await holdPage(p, url, blocked);
  try {
    const resp = await p.goto(url, { waitUntil: 'load', timeout: NAV_TIMEOUT_MS });
    if (!resp) failures.push('no response');
    await p.evaluate(() => document.fonts && document.fonts.ready.then(() => true));

    // Horizontal scrolling.
    const scroll = await p.evaluate((vpWidth) => {
      const de = document.documentElement;
      const inner = Math.min(window.innerWidth, vpWidth);
      const res = { scrollWidth: de.scrollWidth, innerWidth: window.innerWidth, overflow: de.scrollWidth > inner + 1, culprits: [] };
      res.hasViewportMeta = !!document.querySelector('meta[name="viewport"]');
      if (res.overflow) {
        const desc = (el) => {
          let s = el.tagName.toLowerCase();
          if (el.id) s += `#${el.id}`;
          if (el.classList.length) s += '.' + [...el.classList].join('.');
          return s;
        };
        for (const el of document.body.querySelectorAll('*')) {
          const r = el.getBoundingClientRect();
          const pr = el.parentElement ? el.parentElement.getBoundingClientRect() : null;
          if (r.right > inner + 1 && (!pr || pr.right <= inner + 1)) {
            res.culprits.push(`${desc(el)} (right edge ${Math.round(r.right)}px)`);
          } else if (r.right <= inner + 1 && el.scrollWidth > el.clientWidth + 1 && el.clientWidth > 0 &&
                     r.left + el.scrollWidth > inner + 1 && getComputedStyle(el).overflowX === 'visible') {
            res.culprits.push(`${desc(el)} (content ${el.scrollWidth}px wide spills out; use overflow-x:auto or wrapping)`);
          }
          if (res.culprits.length >= 5) break;
        }
      }
      return res;
    }, vp.viewport.width);
    if (scroll.overflow) {
      let msg = `horizontal scrolling: scrollWidth ${scroll.scrollWidth}px > viewport ${vp.viewport.width}px`;
      if (scroll.culprits.length) msg += `; overflowing: ${scroll.culprits.join(', ')}`;
      if (!scroll.hasViewportMeta) msg += '; page has no <meta name="viewport">';
      failures.push(msg);
    }

    // axe-core.
    await p.addScriptTag({ content: axeSource });
    const axe = await p.evaluate(
      (tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] })
        .then((r) => r.violations.map((v) => ({
          id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
          nodes: v.nodes.map((n) => ({ target: n.target })),
        }))),
      AXE_TAGS,
    );
    for (const v of axe) {
      if (v.impact === 'serious' || v.impact === 'critical') failures.push(`axe ${fmtViolation(v)}`);
      else notes.push(`axe ${fmtViolation(v)}`);
    }

    await fsp.mkdir(artifacts, { recursive: true });
    await p.screenshot({ path: path.join(artifacts, `${page.name}-${vp.name}.png`), fullPage: true });
  } catch (e) {
    failures.push(`browser error: ${e.message.split('\n')[0]}`);
  } finally {
    await p.close();
  }
  for (const u of external) failures.push(`request to another host: ${u}`);
  for (const b of bad) failures.push(`HTTP ${b}`);
  for (const u of blocked) notes.push(`redirect to ${u} not followed (the page itself was checked)`);
  return { failures, notes };
}

// --------------------------------------------------------------------- main

async function main() {
  const t0 = Date.now();
  const opts = parseArgs(process.argv.slice(2));
  const site = path.resolve(opts.site);
  if (!fs.existsSync(site) || !fs.statSync(site).isDirectory()) usage(`SITE_DIR ${opts.site} is not a directory`);
  const artifacts = path.resolve(opts.artifacts);

  const htmlFiles = walk(site).filter((f) => /\.html?$/i.test(f));
  console.log(`gate: ${site} — ${htmlFiles.length} HTML files`);

  let pages;
  if (opts.pages) {
    console.log(`pages: from ${opts.pages}`);
    pages = readPagesFile(opts.pages, site);
  } else {
    console.log('pages: auto-detect');
    pages = autoPages(site, htmlFiles);
  }

  let passed = 0;
  let failed = 0;

  // Start vnu now (JVM start is slow); it runs while the browser works.
  const sample = vnuSample(htmlFiles, pages, opts.vnuMax);
  const vnuStart = Date.now();
  const vnuPromise = htmlFiles.length ? runVnu(site, sample.files) : Promise.resolve({ errors: ['no .html files in SITE_DIR'] });

  // Browser checks.
  const pageResults = []; // { label, failures, notes }
  const missing = pages.filter((p) => !fs.existsSync(path.join(site, p.rel)));
  for (const p of missing) pageResults.push({ label: `${p.name} (${p.rel})`, failures: [`page ${p.rel} does not exist in SITE_DIR`], notes: [], count: VIEWPORTS.length });
  const present = pages.filter((p) => !missing.includes(p));
  for (const p of missing) console.log(`FAIL ${p.name} (${p.rel})\n       ✗ page ${p.rel} does not exist in SITE_DIR`);

  if (present.length) {
    let server;
    let browser;
    try {
      // Remove only what an earlier run wrote (never the whole folder).
      fs.mkdirSync(artifacts, { recursive: true });
      for (const f of fs.readdirSync(artifacts)) {
        if (/-(desktop|phone)\.png$/.test(f) || f === 'report.json') fs.rmSync(path.join(artifacts, f), { force: true });
      }
      const axeSource = fs.readFileSync(AXE_SOURCE_PATH, 'utf8');
      server = await startServer(site);
      const base = `http://127.0.0.1:${server.address().port}`;
      const { chromium } = await import('playwright-core');
      if (!fs.existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM} (run tests/e2e/install.sh)`);
      browser = await chromium.launch({
        executablePath: CHROMIUM,
        args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
          '--disable-component-update', '--disable-sync'],
      });
      for (const vp of VIEWPORTS) {
        const context = await browser.newContext({
          viewport: vp.viewport, deviceScaleFactor: vp.deviceScaleFactor, isMobile: vp.isMobile, hasTouch: vp.hasTouch,
          locale: 'vi-VN', serviceWorkers: 'block',
        });
        // Never let the page reach another host (there is no network anyway): abort and record.
        await context.route((url) => url.hostname !== '127.0.0.1' && url.protocol !== 'file:', (route) => route.abort('blockedbyclient'));
        for (const page of present) {
          const label = `${page.name} (${page.rel}) @ ${vp.name} ${vp.viewport.width}x${vp.viewport.height}`;
          const r = await checkPage(context, vp, base, site, page, axeSource, artifacts);
          if (vp.name === 'desktop') {
            for (const prob of await checkLinksViaFile(context, site, page)) r.failures.push(prob);
          }
          pageResults.push({ label, ...r, count: 1 });
          const status = r.failures.length ? 'FAIL' : 'ok  ';
          console.log(`${status} ${label}`);
          for (const f of r.failures) console.log(`       ✗ ${f}`);
          for (const n of r.notes) console.log(`       ! ${n}`);
        }
        await context.close();
      }
    } catch (e) {
      const done = new Set(pageResults.map((r) => r.label));
      console.log(`FAIL browser setup: ${e.message.split('\n')[0]}`);
      for (const vp of VIEWPORTS) {
        for (const page of present) {
          const label = `${page.name} (${page.rel}) @ ${vp.name} ${vp.viewport.width}x${vp.viewport.height}`;
          if (!done.has(label)) pageResults.push({ label, failures: [`not checked: ${e.message.split('\n')[0]}`], notes: [], count: 1 });
        }
      }
    } finally {
      if (browser) await browser.close().catch(() => {});
      if (server) server.close();
    }
  }
  for (const r of pageResults) {
    if (r.failures.length) failed += r.count;
    else passed += r.count;
  }

  // vnu results.
  const vnu = await vnuPromise;
  const vnuSecs = ((Date.now() - vnuStart) / 1000).toFixed(1);
  const what = sample.sampled ? `${sample.files.length} of ${htmlFiles.length} files (deterministic sample)` : `${sample.files.length} files`;
  if (vnu.errors.length) {
    failed += 1;
    console.log(`FAIL vnu: ${vnu.errors.length} error(s) in ${what} [${vnuSecs}s]`);
    for (const e of vnu.errors) console.log(`  ${e}`);
  } else {
    passed += 1;
    console.log(`ok   vnu: ${what} valid [${vnuSecs}s]`);
  }

  try {
    fs.mkdirSync(artifacts, { recursive: true });
    fs.writeFileSync(path.join(artifacts, 'report.json'), JSON.stringify({
      site, pages, vnu: { files: sample.files.length, sampled: sample.sampled, errors: vnu.errors },
      results: pageResults, warnings, passed, failed,
    }, null, 2));
  } catch { /* artifacts are best-effort */ }

  console.log(`gate: ${((Date.now() - t0) / 1000).toFixed(1)}s, screenshots in ${shownPath(artifacts)}`);
  console.log(`${passed} passed, ${failed} failed`);
  process.exitCode = failed === 0 ? 0 : 1;
}

main().catch((e) => {
  console.error(e);
  console.log('0 passed, 1 failed');
  process.exit(1);
});
