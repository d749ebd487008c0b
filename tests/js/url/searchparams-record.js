// new URLSearchParams(record): only enumerable own keys count, an enumerable Symbol key
// or value throws TypeError, a non-enumerable one is skipped; bad iterables and tuples
// throw node's coded errors.
'use strict';
const t = (label, f) => {
  try { console.log(label, f().toString()); } catch (e) { console.log(label, e.name, e.code, e.message); }
};
t('symbol key', () => new URLSearchParams({ [Symbol('k')]: 42 }));
t('hidden symbol key', () => new URLSearchParams(Object.defineProperty({ a: 1 }, Symbol('k'), { value: 2 })));
t('hidden string key', () => new URLSearchParams(Object.defineProperty({ a: 1 }, 'b', { value: 2 })));
t('symbol value', () => new URLSearchParams({ a: Symbol('v') }));
t('hasOwnProperty key', () => new URLSearchParams({ hasOwnProperty: 1 }));
t('non-iterable', () => new URLSearchParams({ [Symbol.iterator]: 42 }));
t('short tuple', () => new URLSearchParams([[1]]));
t('long tuple', () => new URLSearchParams([[1, 2, 3]]));
t('null tuple', () => new URLSearchParams([null]));
t('string tuple', () => new URLSearchParams(['ab']));
t('function iterable', () => new URLSearchParams(Object.assign(() => {}, {
  *[Symbol.iterator]() { yield ['k', 'v']; yield new Set(['x', 'y']); },
})));
t('toString throws', () => new URLSearchParams({ a: { toString() { throw new Error('toString'); } } }));
