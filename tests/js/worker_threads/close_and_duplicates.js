// A port closed from its 'message' listener still receives what had already
// arrived, then 'close'; a transfer list naming the same ArrayBuffer or MessagePort
// twice is a DataCloneError (one marked untransferable may repeat: it is copied).
const { MessageChannel, markAsUntransferable } = require('worker_threads');

const { port1, port2 } = new MessageChannel();
port1.on('message', (m) => {
  console.log('received', m);
  port1.close();
});
port1.on('close', () => console.log('closed'));
port2.postMessage('foo');
port2.postMessage('bar');

const { port1: a } = new MessageChannel();
const other = new MessageChannel().port1;
const buf = new Uint8Array(4);
for (const [value, list] of [[other, [other, other]], [buf, [buf.buffer, buf.buffer]]]) {
  try {
    a.postMessage(value, list);
    console.log('posted');
  } catch (e) {
    console.log(e.name, e.message);
  }
}
const kept = new ArrayBuffer(2);
markAsUntransferable(kept);
a.postMessage(kept, [kept, kept]);
console.log('untransferable twice: still attached', kept.byteLength);
a.close();
other.close();
