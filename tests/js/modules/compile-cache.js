// The module compile cache (node 22's NODE_COMPILE_CACHE / module.enableCompileCache):
// a program of CommonJS and ES modules runs the same from a cold and a warm cache,
// a file edited between runs runs its new source (never a stale entry), and syntax
// errors still throw, and damaged entries are left alone. Where the runtime has the API (coil; node 20 has not), the
// entries are checked too: written on the first run, used and left alone on the
// second, one more for the edited file; and enableCompileCache's results.
'use strict';
const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const Module = require('module');

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'compile-cache-'));
const cache = path.join(work, 'cache');
const app = path.join(work, 'app');
fs.mkdirSync(app);
fs.writeFileSync(path.join(app, 'lib.cjs'), "exports.twice = (x) => x * 2;\nexports.name = 'lib';\n");
fs.writeFileSync(path.join(app, 'util.mjs'), "export const inc = (x) => x + 1;\nexport default function label(v) { return `value ${v}`; }\n");
fs.writeFileSync(path.join(app, 'main.mjs'), [
  "import label, { inc } from './util.mjs';",
  "import lib from './lib.cjs';",
  "import { createRequire } from 'node:module';",
  "const require = createRequire(import.meta.url);",
  "const again = require('./lib.cjs');",
  'console.log(label(inc(lib.twice(20))), again === lib, lib.name);',
  '',
].join('\n'));
const fail = (what) => console.log('FAILED:', what);
const run = (file = 'main.mjs') => spawnSync(process.execPath, [path.join(app, file)], {
  env: { ...process.env, NODE_COMPILE_CACHE: cache }, encoding: 'utf8',
});
const entries = () => {
  if (!fs.existsSync(cache)) return [];
  return fs.readdirSync(cache).flatMap((tag) => fs.readdirSync(path.join(cache, tag)).map((f) => {
    const file = path.join(cache, tag, f);
    return `${file}:${fs.statSync(file).mtimeMs}`;
  }));
};

const cold = run();
console.log('cold', cold.status, cold.stdout.trim(), cold.stderr);
const afterCold = entries();
const warm = run();
console.log('warm', warm.status, warm.stdout.trim(), warm.stderr);
const afterWarm = entries();
fs.writeFileSync(path.join(app, 'util.mjs'), "export const inc = (x) => x + 100;\nexport default (v) => `new ${v}`;\n");
const edited = run();
console.log('edited', edited.status, edited.stdout.trim());
const afterEdit = entries();
// Damaged entries (bytes flipped, one cut short) are never given to V8.
const damaged = entries().map((e) => e.slice(0, e.lastIndexOf(':')));
damaged.forEach((file, i) => {
  const bytes = fs.readFileSync(file);
  if (i === 0) {
    fs.writeFileSync(file, bytes.subarray(0, bytes.length >> 1));
  } else {
    for (let k = 40; k < bytes.length; k += 7) bytes[k] ^= 0x5a;
    fs.writeFileSync(file, bytes);
  }
});
const afterDamage = run();
console.log('damaged', afterDamage.status, afterDamage.stdout.trim(), afterDamage.stderr);
// A worker inherits the variable: it and the main thread cache the same file.
fs.writeFileSync(path.join(app, 'threads.cjs'), [
  "const { Worker, isMainThread, parentPort } = require('worker_threads');",
  "const lib = require('./lib.cjs');",
  'if (isMainThread) {',
  '  new Worker(__filename).on(\'message\', (m) => console.log(\'from worker\', m, lib.twice(1)));',
  '} else {',
  '  parentPort.postMessage(lib.twice(21));',
  '}',
  '',
].join('\n'));
for (const pass of ['cold', 'warm']) {
  const threads = run('threads.cjs');
  console.log('threads', pass, threads.status, threads.stdout.trim(), threads.stderr);
}
fs.writeFileSync(path.join(app, 'broken.cjs'), 'module.exports = {;\n');
const broken = run('broken.cjs');
console.log('broken', broken.status, /SyntaxError: Unexpected token ';'/.test(broken.stderr));

if (typeof Module.enableCompileCache === 'function') {
  if (afterCold.length !== 3) fail(`3 entries after the cold run, not ${afterCold.length}`);
  if (afterWarm.join() !== afterCold.join()) fail('the warm run rewrote entries');
  if (afterEdit.length !== 4) fail(`one entry more for the edited file, not ${afterEdit.length}`);
  if (entries().length !== 5) fail(`one entry more for threads.cjs, not ${entries().length}`);
  // An entry is a SHA-256 of V8's bytes, then the bytes. The run rewrote the three
  // it used; the old util.mjs's stays damaged.
  const { createHash } = require('crypto');
  const sound = (file) => {
    const bytes = fs.readFileSync(file);
    return createHash('sha256').update(bytes.subarray(32)).digest().equals(bytes.subarray(0, 32));
  };
  const rewritten = damaged.filter(sound);
  if (damaged.length !== 4 || rewritten.length !== 3) fail(`${rewritten.length} of ${damaged.length} damaged entries written anew`);
  const { compileCacheStatus } = Module.constants;
  if (Module.getCompileCacheDir() !== undefined) fail('on before enabling');
  const first = Module.enableCompileCache(cache);
  if (first.status !== compileCacheStatus.ENABLED || first.directory !== cache) fail(`enable: ${JSON.stringify(first)}`);
  const second = Module.enableCompileCache(path.join(work, 'other'));
  if (second.status !== compileCacheStatus.ALREADY_ENABLED || second.directory !== cache) fail(`again: ${JSON.stringify(second)}`);
  if (Module.getCompileCacheDir() !== cache) fail('getCompileCacheDir');
  const blocked = spawnSync(process.execPath, ['-p', `JSON.stringify(require('module').enableCompileCache(${JSON.stringify(path.join(app, 'lib.cjs', 'x'))}))`], { encoding: 'utf8' });
  const result = JSON.parse(blocked.stdout);
  if (result.status !== compileCacheStatus.FAILED || typeof result.message !== 'string') fail(`a file in the way: ${blocked.stdout}`);
  try {
    Module.enableCompileCache(1);
    fail('a number as the directory');
  } catch (err) {
    if (err.code !== 'ERR_INVALID_ARG_TYPE') fail(err.code);
  }
}
fs.rmSync(work, { recursive: true });
