// Headers: names are case-insensitive and shown sorted and lowercased when
// iterated, values are trimmed and joined by ', ' except Set-Cookie (kept apart,
// getSetCookie), bad names and values throw node's TypeErrors, a fetched
// response's headers are immutable, and the globals are shaped as node's.
const assert = require('assert');

const h = new Headers({ b: '2', A: ' 1 ', 'Set-Cookie': 'x=1' });
h.append('set-cookie', 'y=2');
h.append('a', '3');
console.log([...h]);
console.log(h.get('A'), h.get('set-cookie'), h.getSetCookie(), h.has('B'), h.get('missing'));
h.set('a', 'z');
h.delete('b');
console.log([...h.keys()], [...h.values()]);
const seen = [];
h.forEach(function (value, name, self) { seen.push(`${name}=${value}`, self === h, this.tag); }, { tag: 't' });
console.log(seen);
console.log(Object.prototype.toString.call(h), Object.prototype.toString.call(h.entries()));
console.log(new Headers([['x', '1'], ['x', '2']]).get('x'), new Headers(new Headers({ q: 'r' })).get('q'));

for (const bad of [
  () => h.append('a b', 'x'),
  () => h.append('a', 'x\0'),
  () => h.set('a', 'x\ny'),
  () => new Headers([['a']]),
  () => new Headers(5),
  () => h.get(),
]) {
  try {
    bad();
    console.log('no throw');
  } catch (err) {
    console.log(err.name, JSON.stringify(err.message));
  }
}

const immutable = Response.error().headers;
assert.throws(() => immutable.set('a', 'b'), { name: 'TypeError', message: 'immutable' });

// The globals as node has them: fetch enumerable, the classes lazy accessors.
const fetchDesc = Object.getOwnPropertyDescriptor(globalThis, 'fetch');
console.log(typeof fetchDesc.value, fetchDesc.enumerable, fetch.length, fetch.name);
for (const name of ['Headers', 'Request', 'Response', 'FormData']) {
  const desc = Object.getOwnPropertyDescriptor(globalThis, name);
  console.log(name, desc.enumerable, typeof globalThis[name]);
}
console.log(Object.getPrototypeOf(fetch) === Function.prototype);
