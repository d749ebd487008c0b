// coil-only: Node's own events, streams and fs call Function.prototype.call/apply/bind, Array.prototype.push/shift/splice and Promise.prototype.then, which this test replaces
// As patched-builtins.js, with Function.prototype.call/apply/bind, the Array
// methods and Promise.prototype.then replaced too: coil's events, timers, streams
// and fs reach none of them. Left alone: what coil modules outside these areas
// still call (validators, dom_exception, buffer).
require('./fixtures/patched-builtins')([
  'Number.isInteger', 'Number.isNaN', 'Array.isArray', 'WeakMap.prototype.get', 'WeakMap.prototype.set',
  'Math.trunc', 'String.prototype.charCodeAt',
]);
