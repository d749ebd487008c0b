// Reads of a Buffer's `length` (a getter on %TypedArray%.prototype) in functions hot
// enough for the optimizing compiler keep their meaning: the right value for views of
// every size, and a getter redefined afterwards on the prototype chain is the one
// called (the compiled code that loaded the field directly must give way).
'use strict';
const { Readable, Writable } = require('stream');

function total(list) {
  let sum = 0;
  for (let i = 0; i < list.length; i++) sum += list[i].length;
  return sum;
}

const bufs = [];
for (let i = 0; i < 64; i++) bufs.push(Buffer.alloc(i));
let expected = 0;
for (let i = 0; i < 64; i++) expected += i;
let ok = true;
for (let round = 0; round < 20000; round++) {
  if (total(bufs) !== expected) ok = false;
}
console.log('hot sum', ok, total(bufs));

// A flowing stream moves every byte through readableAddChunk and fromList, whose
// `.length` reads are the hot ones.
let pushed = 0;
let seen = 0;
const src = new Readable({
  read() {
    if (pushed === 50000) this.push(null);
    else this.push(bufs[pushed++ % 64]);
  },
});
const dst = new Writable({
  write(chunk, enc, cb) {
    seen += chunk.length;
    cb();
  },
});
src.pipe(dst).on('finish', () => {
  console.log('stream bytes', seen, seen === Math.floor(50000 / 64) * expected + total(bufs.slice(0, 50000 % 64)));

  // Redefine the getter Buffer instances reach first: the hot function now sees it.
  const FastBufferProto = Object.getPrototypeOf(Buffer.alloc(1));
  // (Printed once it is gone again: writing to stdout reads Buffer lengths too.)
  Object.defineProperty(FastBufferProto, 'length', { get() { return 1; }, configurable: true });
  const redefined = total(bufs);
  delete FastBufferProto.length;
  console.log('after redefining', redefined);
  console.log('after deleting', total(bufs));
});
