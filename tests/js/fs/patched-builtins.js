// A program that replaces built-ins with throwing functions still gets working
// events, timers, streams and fs (tests/js/fs/fixtures/patched-builtins.js does
// the work). Left alone here: what Node's own lib/ calls unprotected (so this runs
// under node too; patched-builtins-strict.js patches those for coil), and what
// coil modules outside these areas still call (validators, dom_exception, buffer).
require('./fixtures/patched-builtins')([
  // reached by coil's internal/validators, internal/dom_exception, buffer
  'Number.isInteger', 'Number.isNaN', 'Array.isArray', 'WeakMap.prototype.get', 'WeakMap.prototype.set',
  'Math.trunc', 'String.prototype.charCodeAt',
  // reached by Node's events, streams and fs
  'Function.prototype.call', 'Function.prototype.bind', 'Function.prototype.apply',
  'Array.prototype.unshift', 'Array.prototype.pop', 'Array.prototype.push', 'Array.prototype.splice',
  'Array.prototype.shift', 'Array.prototype.forEach', 'Array.prototype.filter', 'Promise.prototype.then',
]);
