// Transfer lists: an ArrayBuffer moves (the sender's copy is detached, the bytes
// arrive), a MessagePort moves to a worker and carries messages from there, and
// the errors: a port not in the list, the source port in the list, functions and
// symbols (DataCloneError with V8's message); an untransferable buffer is copied.
const { Worker, MessageChannel, markAsUntransferable } = require('worker_threads');

const ab = new ArrayBuffer(16);
new Uint8Array(ab).fill(7);
const { port1, port2 } = new MessageChannel();

function tryPost(what, value, list) {
  try {
    port1.postMessage(value, list);
    console.log(what, 'ok');
  } catch (e) {
    console.log(what, e.name, e.code, e.message);
  }
}
tryPost('function', { f() {} });
tryPost('symbol', Symbol('s'));
tryPost('port not listed', { port: port2 });
tryPost('source port', 1, [port1]);
const kept = new ArrayBuffer(4);
markAsUntransferable(kept);
tryPost('untransferable', kept, [kept]);
console.log('kept length', kept.byteLength);

const worker = new Worker(`
  const { parentPort } = require('worker_threads');
  parentPort.once('message', ({ buf, port }) => {
    port.postMessage({ len: buf.byteLength, first: new Uint8Array(buf)[0] });
    port.close();
  });
`, { eval: true });
const other = new MessageChannel();
// The worker's end and the port's close may come in either order.
const late = [];
const done = (what) => {
  late.push(what);
  if (late.length === 2) console.log(late.sort());
};
other.port1.on('message', (m) => console.log('via transferred port', m));
other.port1.on('close', () => done('transferred port closed'));
worker.postMessage({ buf: ab, port: other.port2 }, [ab, other.port2]);
console.log('after transfer', ab.byteLength);
worker.on('exit', (c) => done(`worker exit ${c}`));
port1.close();
