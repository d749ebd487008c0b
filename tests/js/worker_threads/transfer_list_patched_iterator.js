// A transfer list that is a real array is read without Array.prototype's
// iterator (a user's patch of it is not reached); other iterables are iterated.
const { MessageChannel } = require('worker_threads');
const { port1, port2 } = new MessageChannel();
port2.on('message', (m) => {
  console.log('received', m.byteLength);
  if (m.byteLength === 8) port2.close();
});

console.log('start');
const realIterator = Array.prototype[Symbol.iterator];
Array.prototype[Symbol.iterator] = function () { throw new Error('patched iterator reached'); };
const ab = new ArrayBuffer(4);
port1.postMessage(ab, [ab]);
Array.prototype[Symbol.iterator] = realIterator;
console.log('array list, sender byteLength', ab.byteLength);

const ab2 = new ArrayBuffer(8);
const set = new Set([ab2]);
port1.postMessage(ab2, set);
console.log('set list, sender byteLength', ab2.byteLength);

try {
  port1.postMessage(1, [{}]);
} catch (e) {
  console.log(e.code, e.message);
}
