// args: --test-reporter=dot --test-reporter-destination=stderr
'use strict';
// mock.fn and mock.method: call records, implementations (once, times), restore,
// getters and setters, and the errors for bad arguments.
const { test, mock } = require('node:test');

test('mock functions', (t) => {
  const sum = t.mock.fn((a, b) => a + b);
  console.log(sum(1, 2), sum.call('self', 3, 4), sum.mock.callCount());
  const [first, second] = sum.mock.calls;
  console.log(first.arguments, first.result, first.this, second.this, first.error, first.target);
  console.log(sum.name, sum.length, 'mock' in sum);

  const fn = t.mock.fn(() => 'a', () => 'b', { times: 1 });
  console.log(fn(), fn(), fn());
  fn.mock.mockImplementationOnce(() => 'once');
  fn.mock.mockImplementation(() => 'c');
  console.log(fn(), fn());
  fn.mock.resetCalls();
  console.log(fn.mock.callCount());
  try { fn.mock.mockImplementationOnce(() => {}, -1); } catch (e) { console.log(e.code, e.message); }

  class Point { constructor(x) { this.x = x; } }
  const P = t.mock.fn(Point);
  const p = new P(5);
  console.log(p instanceof Point, p.x, P.mock.calls[0].target === Point, P.mock.calls[0].this === p);

  const thrower = t.mock.fn(() => { throw new Error('bad'); });
  try { thrower(); } catch { /* recorded */ }
  console.log(thrower.mock.calls[0].error.message, thrower.mock.calls[0].result);
});

test('mock methods', (t) => {
  const obj = {
    base: 10,
    add(n) { return this.base + n; },
    get value() { return this.base; },
    set value(v) { this.base = v; },
  };
  const original = obj.add;
  const add = t.mock.method(obj, 'add');
  console.log(obj.add(5), add.mock.calls[0].this === obj, obj.add === add);
  t.mock.method(obj, 'add', function(n) { return n * 2; });
  console.log(obj.add(5));
  obj.add.mock.restore();
  console.log(obj.add === add);
  add.mock.restore();
  console.log(obj.add === original);

  const getter = t.mock.getter(obj, 'value', () => 42);
  console.log(obj.value, getter.mock.callCount());
  getter.mock.restore();
  const setter = t.mock.setter(obj, 'value');
  obj.value = 7;
  console.log(obj.base, setter.mock.calls[0].arguments);

  for (const bad of [
    () => t.mock.method(null, 'x'),
    () => t.mock.method({}, 'missing'),
    () => t.mock.method({ x: 1 }, 'x'),
    () => t.mock.method(obj, {}),
    () => t.mock.method(obj, 'add', { getter: true, setter: true }),
    () => t.mock.fn({ times: 0 }),
    () => t.mock.getter(obj, 'value', { getter: false }),
  ]) {
    try { bad(); console.log('no error'); } catch (e) { console.log(e.code, e.message); }
  }
});

test('mocks are restored when the test ends', async (t) => {
  const obj = { f() { return 'real'; } };
  await t.test('inner', (t) => {
    t.mock.method(obj, 'f', () => 'fake');
    console.log(obj.f());
  });
  console.log(obj.f());
  const top = mock.fn(() => 1, () => 2);
  console.log(top());
  mock.reset();
  console.log(top(), top.mock.callCount());
});
