// MessagePort details node's tests rely on: any iterable (or { transfer }) as the
// transfer list and the errors for the rest, close(callback), emit() reaching
// node-style and DOM listeners, event.target, receiveMessageOnPort's argument
// check, the prototype's own names; BroadcastChannel's SharedArrayBuffer,
// receiveMessageOnPort, ERR_INVALID_THIS and inspect.
const { MessageChannel, MessagePort, BroadcastChannel, receiveMessageOnPort } = require('worker_threads');
const { inspect } = require('util');

const { port1, port2 } = new MessageChannel();
const abs = [new ArrayBuffer(1), new ArrayBuffer(2)];
port1.postMessage(abs[0], (function* gen() { yield abs[0]; })());
port1.postMessage(abs[1], { transfer: [abs[1]] });
console.log('detached', abs.map((b) => b.byteLength));
for (const list of [0, 'X', { transfer: null }, { transfer: {} }, { transfer: { [Symbol.iterator]() { return {}; } } }]) {
  try {
    port1.postMessage(1, list);
  } catch (e) {
    console.log(e.name, e.code, e.message);
  }
}
try {
  receiveMessageOnPort({});
} catch (e) {
  console.log(e.code, e.message);
}
console.log(Object.getOwnPropertyNames(MessagePort.prototype).sort().join());

port2.addEventListener('foo', (e) => console.log('dom foo', e.type, e.detail));
port2.on('foo', (v) => console.log('node foo', v));
port2.emit('foo', 'bar');
port2.onmessage = (e) => console.log('onmessage', e.data.byteLength, e.target === port2);
port2.on('message', (v) => {
  if (v.byteLength === 2) port2.close(() => console.log('close callback'));
});

const a = new BroadcastChannel('details');
const b = new BroadcastChannel('details');
const sab = new SharedArrayBuffer(4);
a.postMessage(sab);
const got = receiveMessageOnPort(b).message;
new Int32Array(got)[0] = 5;
console.log('same memory', got instanceof SharedArrayBuffer, new Int32Array(sab)[0]);
console.log(receiveMessageOnPort(b));
try {
  Reflect.apply(BroadcastChannel.prototype.postMessage, {}, [1]);
} catch (e) {
  console.log(e.code);
}
try {
  a.postMessage();
} catch (e) {
  console.log(e.code, e.message);
}
console.log(inspect(a));
a.close();
b.close();
console.log(inspect(a));
