// Built-in modules as namespaces: a default export (the module's exports object)
// and one named export per key; module.syncBuiltinESMExports() brings the named
// exports up to date after the exports object changes.
import fs, { readFileSync } from 'fs';
import * as fsNs from 'node:fs';
import { syncBuiltinESMExports, createRequire } from 'node:module';
import EventEmitter, { once } from 'events';
import { promisify } from 'util';

console.log(fs.readFileSync === readFileSync, fsNs.default === fs, typeof once, typeof promisify);
console.log(typeof EventEmitter, Object.keys(fsNs).includes('default'), fsNs.readFileSync === readFileSync);
const require = createRequire(import.meta.url);
console.log(require('fs') === fs, require('./fixtures/plain.cjs').kind);
const original = fs.readFileSync;
fs.readFileSync = function patched() {};
console.log(fsNs.readFileSync === original);
syncBuiltinESMExports();
console.log(fsNs.readFileSync === fs.readFileSync, readFileSync.name);
fs.readFileSync = original;
syncBuiltinESMExports();
console.log(readFileSync === original);
try {
  await import('node:no-such-builtin');
} catch (err) {
  console.log(err.code, err.message);
}
