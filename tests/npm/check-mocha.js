'use strict';
// mocha 10's command line, run as a user runs it on a folder of CommonJS and ES
// module test files (mocha loads each with import()): passing, asynchronous, failing
// and skipped tests and a before hook, reported as TAP; then the exit code. Stack
// frames are left out (node's internal file names differ).
const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mocha-'));
fs.mkdirSync(path.join(dir, 'test'));
fs.writeFileSync(path.join(dir, 'test', 'a.spec.cjs'), `const assert = require('assert');
describe('cjs suite', () => {
  it('adds', () => { assert.strictEqual(1 + 1, 2); });
  it('waits', (done) => { setTimeout(done, 5); });
  it('awaits', async () => { await new Promise((r) => setImmediate(r)); });
});
`);
fs.writeFileSync(path.join(dir, 'test', 'b.spec.mjs'), `import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
let self;
describe('esm suite', () => {
  before(async () => { self = await readFile(new URL(import.meta.url), 'utf8'); });
  it('read itself', () => { assert.match(self, /esm suite/); });
  it('fails on purpose', () => { assert.deepEqual({ a: [1] }, { a: [2] }); });
  it.skip('is skipped', () => {});
});
`);
fs.writeFileSync(path.join(dir, 'test', 'c.spec.js'), `const { ok } = require('assert');
describe('plain js', () => { it('works', () => ok(true)); });
`);
const mocha = require.resolve('mocha/bin/mocha.js');
const run = spawnSync(process.execPath, [mocha, '--reporter', 'tap', 'test/*.spec.*'], { cwd: dir, encoding: 'utf8' });
console.log(run.stdout.split('\n').filter((l) => !/^\s+at /.test(l)).join('\n'));
console.log('exit', run.status, run.stderr);
fs.rmSync(dir, { recursive: true });
