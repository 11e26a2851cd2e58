// What the end-to-end tests share: the bantin binary from the command
// line, a counter of checks, and a temporary site folder to write into.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** The binary given as first argument; exits 2 (one failure) without it. */
export function binaryArg(script) {
  const bin = process.argv[2];
  if (!bin || !fs.existsSync(bin)) {
    console.error(`usage: node tests/e2e/${script} BANTIN_BINARY`);
    console.log('0 passed, 1 failed');
    process.exit(2);
  }
  return bin;
}

/** `check(name, ok, detail)` prints each result; `done()` prints the count and exits. */
export function checks() {
  let passed = 0;
  let failed = 0;
  return {
    check(name, ok, detail = '') {
      if (ok) { passed++; console.log(`ok   ${name}`); }
      else { failed++; console.log(`FAIL ${name} ${detail}`); }
    },
    done() {
      console.log(`${passed} passed, ${failed} failed`);
      process.exit(failed === 0 ? 0 : 1);
    },
  };
}

/** A new temporary site folder and a function writing files into it. */
export function tempSite(prefix) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const write = (rel, text) => {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), text);
  };
  return { root, write };
}
