// args: --test-reporter=dot --test-reporter-destination=stderr
// coil-only: node's own test runner calls Array.prototype.push, map and Object.prototype.get
'use strict';
// node:test keeps working when a program has patched the built-ins it would
// otherwise call (coil's lib/ uses primordials).
const { test, describe, it, mock } = require('node:test');

const seen = [];
const saved = {
  push: Array.prototype.push, shift: Array.prototype.shift, pop: Array.prototype.pop,
  splice: Array.prototype.splice, slice: Array.prototype.slice, split: String.prototype.split,
  map: Array.prototype.map, call: Function.prototype.call, apply: Function.prototype.apply,
};
function patch() {
  for (const [proto, name] of [[Array.prototype, 'push'], [Array.prototype, 'shift'], [Array.prototype, 'pop'],
    [Array.prototype, 'splice'], [Array.prototype, 'slice'], [Array.prototype, 'map'], [String.prototype, 'split'],
    [Function.prototype, 'call'], [Function.prototype, 'apply']]) {
    proto[name] = function() { throw new Error(`patched ${name} called`); };
  }
  Object.defineProperty(Object.prototype, 'get', { configurable: true, get() { throw new Error('Object.prototype.get read'); } });
  Object.defineProperty(Object.prototype, 'set', { configurable: true, get() { throw new Error('Object.prototype.set read'); } });
}
function unpatch() {
  Function.prototype.call = saved.call; // eslint-disable-line no-extend-native
  Function.prototype.apply = saved.apply; // eslint-disable-line no-extend-native
  Object.assign(Array.prototype, {
    push: saved.push, shift: saved.shift, pop: saved.pop, splice: saved.splice, slice: saved.slice, map: saved.map,
  });
  String.prototype.split = saved.split; // eslint-disable-line no-extend-native
  delete Object.prototype.get;
  delete Object.prototype.set;
}

patch();
describe('suite under patched built-ins', () => {
  it('a test', (t) => {
    const fn = t.mock.fn((x) => x * 2);
    fn(2);
    const obj = { m() { return 1; } };
    t.mock.method(obj, 'm', () => 5);
    t.mock.timers.enable({ apis: ['setTimeout'] });
    let fired = false;
    setTimeout(() => { fired = true; }, 10);
    t.mock.timers.tick(10);
    seen[seen.length] = `calls ${fn.mock.callCount()} method ${obj.m()} fired ${fired}`;
  });
  it('a subtest parent', async (t) => {
    await t.test('child', () => { seen[seen.length] = 'child ran'; });
  });
});
test('after the suite', () => {
  const m = mock.fn();
  m();
  seen[seen.length] = `top-level mock calls ${m.mock.callCount()}`;
});
process.on('exit', (code) => {
  unpatch();
  console.log(seen.join('\n'));
  console.log('exit code', code);
});
