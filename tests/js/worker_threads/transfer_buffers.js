// A transfer list of ArrayBuffers only takes the one-call native path: the
// buffers are detached at the sender (also on a closed port), arrive with their
// bytes, keep their identity inside the value, and the list's errors are node's.
const { MessageChannel, markAsUntransferable, Worker } = require('worker_threads');
const { port1, port2 } = new MessageChannel();
const ab = new ArrayBuffer(8);
new Uint8Array(ab).set([1, 2, 3, 4, 5, 6, 7, 8]);
const view = new Uint16Array(ab, 2, 2);
const kept = new ArrayBuffer(4);
markAsUntransferable(kept);
port1.postMessage({ ab, view, again: ab, kept }, [ab, kept]);
console.log('sender sees', ab.byteLength, view.length, kept.byteLength);
port2.once('message', (m) => {
  console.log('same buffer', m.ab === m.again, m.view.buffer === m.ab);
  console.log('bytes', [...new Uint8Array(m.ab)].join(','), 'view', [...m.view].join(','));
  console.log('kept copy', m.kept.byteLength);
  for (const [what, fn] of [
    ['duplicate', () => { const b = new ArrayBuffer(1); port1.postMessage(b, [b, b]); }],
    ['invalid', () => port1.postMessage(1, [{}])],
    ['uncloneable', () => { const b = new ArrayBuffer(2); port1.postMessage({ f() {} , b }, [b]); return b.byteLength; }],
  ]) {
    try { console.log(what, 'ok', fn()); } catch (e) { console.log(what, e.name, e.message); }
  }
  const b2 = new ArrayBuffer(16);
  port1.postMessage({ b2 }, { transfer: [b2] });
  port2.once('message', (m2) => {
    console.log('options.transfer', b2.byteLength, m2.b2.byteLength);
    port1.close();
    port1.once('close', () => {
      const b3 = new ArrayBuffer(3);
      port1.postMessage(b3, [b3]);
      console.log('closed port: detached?', b3.byteLength);
      try { port1.postMessage(() => 1, [new ArrayBuffer(1)]); } catch (e) { console.log('closed port throws', e.name); }
      const w = new Worker(`require('worker_threads').parentPort.on('message', (m) => { require('worker_threads').parentPort.postMessage(m.byteLength + new Uint8Array(m)[5]); process.exit(0) })`, { eval: true });
      const big = new ArrayBuffer(1 << 20);
      new Uint8Array(big)[5] = 7;
      w.postMessage(big, [big]);
      w.on('message', (n) => console.log('worker got', n, 'left here', big.byteLength));
    });
  });
});
