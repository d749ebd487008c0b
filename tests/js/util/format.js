// util.format / util.formatWithOptions: every placeholder, extra arguments, errors.
'use strict';
const util = require('util');
class WithToString { toString() { return 'custom!'; } }
class Plain { constructor() { this.x = 1; } }
const circular = {}; circular.self = circular;
const cases = [
  ['%s', 'a'], ['%s', 1], ['%s', -0], ['%s', 1n], ['%s', Symbol('x')], ['%s', null], ['%s', undefined],
  ['%s', { a: { b: { c: 1 } } }], ['%s', [1, [2, [3]]]], ['%s', new WithToString()], ['%s', new Plain()],
  ['%s', new Date(0)], ['%s', () => 1], ['%s', Object.create(null)], ['%s %s', 'only one'], ['%s'],
  ['%d', '42'], ['%d', 1.5], ['%d', 1n], ['%d', Symbol()], ['%d', {}], ['%d', -0], ['%d', '0x10'],
  ['%i', '42.9'], ['%i', 1n], ['%i', Symbol()], ['%i', -0.5], ['%f', '1.5e3'], ['%f', Symbol()], ['%f', 'x'],
  ['%j', { a: [1, 'b'] }], ['%j', circular], ['%j', undefined],
  ['%o', { a: [1, 2], f() {} }], ['%O', { a: { b: { c: { d: 1 } } } }], ['%c', 'color: red'],
  ['a%cb', 'x', 'y'], ['%%', 1], ['%% %s', 'x'], ['100%'], ['%x', 1], ['%', 1], ['a%', 1],
  [1, 2, 'three', { four: 4 }], ['no args'], [], ['%s:%s', 'a', 'b', 'c', { d: 1 }], [{ a: 1 }, '%s', 'x'],
  ['%s', 'a\nb'], ['%O', 'str'], ['%o', [1, [2, [3, [4, [5, [6]]]]]]], ['%s', new Map([[1, 2]])],
  ['%s', new Set([1])], ['%s', [1, 2, 3]], ['%s', { toString: 5 }], ['%s', new Proxy({ a: 1 }, {})],
  ['%d%%', 50], ['%s=%j', 'k', [1]], ['%i', '12abc'], ['%f', '3.14xyz'], ['%s', -1e21], ['%d', 2 ** 60],
];
for (const args of cases) {
  console.log(JSON.stringify(util.format(...args)));
}
try {
  util.format('%j', 1n);
} catch (e) {
  console.log('throws', e.name, e.message);
}
console.log(JSON.stringify(util.formatWithOptions({ colors: true }, '%s %O %d', 'x', { a: 1 }, 2)));
console.log(util.formatWithOptions({ depth: 0 }, { a: { b: 1 } }));
console.log(util.formatWithOptions({ compact: false }, 'x', [1, 2]));
console.log(util.formatWithOptions([], 'arrays are accepted as options'));
for (const bad of [1, null, 'x', undefined]) {
  try {
    util.formatWithOptions(bad, 'x');
  } catch (e) {
    console.log(e.name, e.code, e.message);
  }
}
