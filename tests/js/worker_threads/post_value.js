// postMessage without a transfer list (serialized and rebuilt natively): what
// cannot be cloned throws the same errors, a closed port still checks the value,
// SharedArrayBuffers share their memory, a getter that posts while the value is
// being serialized gets a message of its own, large and varied values arrive whole
// and in order, and a received Buffer is a Uint8Array.
const { MessageChannel } = require('worker_threads');

const { port1, port2 } = new MessageChannel();
const other = new MessageChannel();
for (const bad of [() => 1, Symbol('s'), { f() {} }, other.port1]) {
  try {
    port1.postMessage(bad);
    console.log('posted', typeof bad);
  } catch (e) {
    console.log(e.name, e.code, e.message);
  }
}
other.port1.close();

const sab = new SharedArrayBuffer(4);
const big = 'x'.repeat(1 << 20);
const nested = {
  get inner() {
    port1.postMessage('from the getter');
    return 'inner';
  },
};
const values = [
  undefined, null, 7, -0, 1n << 70n, 'text', [1, [2, { a: 3 }]], new Map([[1, { b: 2 }]]), new Set(['s']),
  new Date(0), /re/gi, new Error('boom'), new Uint16Array([1, 2]), Buffer.from('buf'), sab, big, nested,
];
for (const v of values) port1.postMessage(v);

const got = [];
port2.on('message', (m) => {
  got.push(m);
  if (got.length < values.length + 1) return;
  for (const m of got) {
    if (typeof m === 'string' && m.length > 100) console.log('big string', m.length, m === big);
    else if (m instanceof SharedArrayBuffer) {
      new Int32Array(m)[0] = 42;
      console.log('shared memory seen by the sender:', new Int32Array(sab)[0]);
    } else if (m instanceof Uint8Array) console.log(m.constructor.name, Array.from(m));
    else if (m instanceof Error) console.log('error', m.name, m.message);
    else console.log(m);
  }
  port2.close();
});
port2.on('close', () => {
  try {
    port1.postMessage(() => {});
  } catch (e) {
    console.log('closed port still checks:', e.name);
  }
  port1.postMessage('dropped');
  console.log('posted to a closed port');
});
