// A port whose close() was called cannot be transferred any more, even before its
// 'close' event: DataCloneError "already detached", and nothing in that transfer
// list (an ArrayBuffer before it) is moved.
const { MessageChannel } = require('worker_threads');

const { port1, port2 } = new MessageChannel();
const carrier = new MessageChannel();
const ab = new ArrayBuffer(8);
port1.close(() => console.log('close event'));
try {
  carrier.port1.postMessage(null, [ab, port1]);
} catch (e) {
  console.log(e.name, e.code, e.message, 'buffer kept:', ab.byteLength);
}
port2.on('close', () => carrier.port1.close());
