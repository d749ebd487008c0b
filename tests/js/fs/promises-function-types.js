// fs.promises' functions have node's types and lengths: async functions (so
// util.types.isAsyncFunction says so), except opendir (a promisified callback
// API, length 3) and watch (an async generator function).
// Left out: readFile, stat and lstat (plain functions returning the binding's
// promise in coil, for speed) and cp (not in coil yet).
const fsp = require('fs').promises;
const { isAsyncFunction, isGeneratorFunction } = require('util').types;

const skip = new Set(['readFile', 'stat', 'lstat', 'cp']);
for (const name of Object.keys(fsp).sort()) {
  const fn = fsp[name];
  if (typeof fn !== 'function' || skip.has(name)) continue;
  console.log(name, fn.length, isAsyncFunction(fn) ? 'async' : 'plain',
    isGeneratorFunction(fn) ? 'generator' : '', Object.prototype.toString.call(fn));
}
fsp.opendir(1).catch((e) => console.log('opendir(1) rejects', e.code));
fsp.lchmod('x', 0o644).catch((e) => console.log('lchmod rejects', e.code));
