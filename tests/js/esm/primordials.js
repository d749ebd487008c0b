// The module loaders use none of the built-ins a program may patch: with
// Array.prototype.push, String.prototype.split/slice/startsWith, Map.prototype.get/set,
// Function.prototype.apply and Object.prototype.get/set all throwing (node's own
// loader needs Function.prototype.call and Promise.prototype.then; coil's does not),
// import() and require() of ES modules, CommonJS, JSON and built-ins
// still work.
const patched = [
  [Array.prototype, 'push'], [String.prototype, 'split'], [String.prototype, 'slice'],
  [String.prototype, 'startsWith'], [Map.prototype, 'get'], [Map.prototype, 'set'],
  [Function.prototype, 'apply'],
];
const saved = patched.map(([proto, name]) => proto[name]);
const thrower = function() { throw new Error('a patched built-in was used'); };
function patch() {
  for (const [proto, name] of patched) proto[name] = thrower;
  Object.defineProperty(Object.prototype, 'get', { get: thrower, set: thrower, configurable: true });
  Object.defineProperty(Object.prototype, 'set', { get: thrower, set: thrower, configurable: true });
}
function restore() {
  patched.forEach(([proto, name], i) => { proto[name] = saved[i]; });
  delete Object.prototype.get;
  delete Object.prototype.set;
}

async function main() {
  // Node loads parts of its own loader on first use: let that happen unpatched.
  await import('./fixtures/throws-not.mjs');
  patch();
  const results = [];
  try {
    const lib = await import('./fixtures/lib.mjs');
    const cjs = await import('./fixtures/cjs-literal.cjs');
    const json = await import('./fixtures/data.json', { with: { type: 'json' } });
    const fs = await import('node:fs');
    const pkg = await import('esm-cond/lib/util');
    const required = require('./fixtures/more.mjs');
    results[0] = [lib.alpha, cjs.default.a, json.default.name, typeof fs.readFileSync, pkg.util, required.beta];
  } catch (err) {
    results[0] = err;
  }
  restore();
  console.log(results[0]);
}
main();
