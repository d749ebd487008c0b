// assert.CallTracker: calls/getCalls/report/verify/reset, argument checks and the
// DEP0173 deprecation warning printed once.
const assert = require('assert');

const tracker = new assert.CallTracker();
new assert.CallTracker();
function double(a) { return a * 2; }
const twice = tracker.calls(double, 2);
console.log(twice.name, twice.length, twice(3));
twice.call({ k: 1 }, 5, 6);
console.log(tracker.getCalls(twice));
const calls = tracker.getCalls(twice);
console.log(Object.isFrozen(calls), Object.isFrozen(calls[0]), Object.isFrozen(calls[0].arguments));

const once = tracker.calls();
const byNumber = tracker.calls(3);
console.log(JSON.stringify(once.name), typeof byNumber);
const report = tracker.report();
console.log(report.length);
for (const r of report) {
  console.log(r.message, r.actual, r.expected, r.operator, r.stack instanceof Error, Object.keys(r));
}
try {
  tracker.verify();
} catch (e) {
  console.log(e.name, e.code, e.message, e.generatedMessage, e.operator);
}
byNumber(); byNumber(); byNumber();
try {
  tracker.verify();
} catch (e) {
  console.log(e.message);
}
once();
tracker.verify();
console.log('verified');
byNumber();
try {
  tracker.verify();
} catch (e) {
  console.log(e.message);
}

tracker.reset(byNumber);
console.log(tracker.getCalls(byNumber).length, tracker.getCalls(twice).length);
tracker.reset();
console.log(tracker.getCalls(twice).length, tracker.report().length);

for (const bad of [() => tracker.getCalls(double), () => tracker.reset(double), () => tracker.calls(double, 0),
  () => tracker.calls(double, 1.5), () => tracker.calls(double, '1')]) {
  try {
    bad();
  } catch (e) {
    console.log(e.code, e.message);
  }
}

// A named function's report names it, in the message and as the operator.
const named = new assert.CallTracker();
named.calls(double);
console.log(named.report()[0].operator, named.report()[0].message);
// Traps are not looked up on a patched Object.prototype.
Object.prototype.get = () => { throw new Error('trap read from Object.prototype'); };
const plain = named.calls(function plain(a, b) { return a + b; });
const seen = [plain.customMissing, plain(1, 2), Object.hasOwn(plain, 'length')];
delete Object.prototype.get;
console.log(seen);

// The wrapper forwards `this` and return values; `new` still works.
const t2 = new assert.CallTracker();
const self = t2.calls(function() { 'use strict'; return this; });
console.log(self.call(7));
class K { constructor() { this.v = 1; } }
const KK = t2.calls(K);
console.log(new KK());
console.log(Object.getOwnPropertyNames(assert.CallTracker.prototype));
console.log(assert.strict.CallTracker === assert.CallTracker);

process.on('exit', () => {
  try {
    tracker.calls(double);
  } catch (e) {
    console.log('during exit', e.code, e.message);
  }
});
