// Objects without a prototype are named as node names them: by the class that made
// them, else by a data Symbol.toStringTag, unless that tag is already shown beside.
'use strict';
const util = require('util');
class Foo {}
const tag = (o, value, enumerable) =>
  Object.defineProperty(o, Symbol.toStringTag, { value, enumerable, configurable: true });
const cases = {
  classInstance: Object.setPrototypeOf(new Foo(), null),
  plain: { __proto__: null, a: 1 },
  enumerableTag: tag({ __proto__: null }, 'X', true),
  hiddenTag: tag({ __proto__: null, b: 2 }, 'Hidden', false),
  classAndHiddenTag: tag(Object.setPrototypeOf(new Foo(), null), 'T', false),
  classAndTag: tag(Object.setPrototypeOf(new Foo(), null), 'T', true),
  tagObject: tag({ __proto__: null }, 'Object', true),
  emptyTag: tag({ __proto__: null }, '', true),
  numberTag: tag({ __proto__: null }, 5, true),
  getterTag: Object.defineProperty({ __proto__: null }, Symbol.toStringTag, { get() { return 'G'; } }),
  inheritsTag: Object.create(tag({ __proto__: null }, 'P', false)),
  nullArray: tag(Object.setPrototypeOf([1], null), 'A', true),
  nullMap: tag(Object.setPrototypeOf(new Map(), null), 'M', false),
  deep: { a: { b: { c: { d: Object.setPrototypeOf(new Foo(), null) } } } },
};
for (const [name, value] of Object.entries(cases)) {
  console.log(name, '|', util.inspect(value), '|',
    util.inspect(value, { showHidden: true, breakLength: Infinity }), '|', util.format('%s', value));
}
