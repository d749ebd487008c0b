// buffer.File and the global File (Node 20): name, lastModified, Blob behaviour,
// argument handling and inspection; Blob.bytes(); buffer.resolveObjectURL.
const { Blob, File, resolveObjectURL } = require('buffer');
const util = require('util');

const f = new File(['ab', 'c'], 'a.txt', { type: 'Text/Plain', lastModified: 42 });
console.log(f);
console.log(f.name, f.lastModified, f.size, f.type, f instanceof Blob, Object.prototype.toString.call(f));
console.log(File.name, File.length, globalThis.File === File, Object.getOwnPropertyNames(File.prototype));
const now = new File([], 'x');
console.log(typeof now.lastModified, Math.abs(now.lastModified - Date.now()) < 5000);
for (const args of [[['a']], []]) {
  try {
    new File(...args);
  } catch (e) {
    console.log(e.code, e.message);
  }
}
console.log(new File(['a'], { toString() { return 'nm'; } }).name);
for (const lastModified of ['12', 1.7, -1.5, NaN, null]) {
  console.log(new File(['a'], 'n', { lastModified }).lastModified);
}
console.log(new File(['a'], 'n', null).name);
for (const bad of [5, 'x']) {
  try {
    new File(['a'], 'n', bad);
  } catch (e) {
    console.log(e.code, e.message);
  }
}
try {
  new File(['a'], 'n', { lastModified: Symbol('s') });
} catch (e) {
  console.log(e.name, e.message);
}
console.log(f.slice(1) instanceof File, f.slice(1));
console.log(Object.keys(f), JSON.stringify(f));
try {
  Object.getOwnPropertyDescriptor(File.prototype, 'name').get.call(new Blob([]));
} catch (e) {
  console.log(e.name);
}
console.log(util.inspect(f, { depth: 0 }), util.inspect({ f }, { depth: 0 }), util.inspect({ f }, { depth: 1 }));
console.log(util.inspect({ b: new Blob(['a']) }, { depth: 0 }), util.inspect({ a: { b: new Blob(['a']) } }, { depth: null }));
console.log(new File([new File(['zz'], 'i'), new Uint8Array([1])], 'o').size);
console.log(typeof resolveObjectURL, resolveObjectURL('blob:nodedata:nothing'));
const url = URL.createObjectURL(f);
const resolved = resolveObjectURL(url);
console.log(resolved, resolved === f, resolved instanceof File);
(async () => {
  console.log('text', await f.text());
  console.log('bytes', await new Blob(['abc']).bytes());
  console.log('resolved text', await resolved.text());
})();
