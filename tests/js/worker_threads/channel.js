// MessageChannel on one thread: node-style and DOM listeners, onmessage starting
// the port, receiveMessageOnPort, close() giving 'close', messages
// after close dropped, and a port without listeners not keeping the loop alive.
const { MessageChannel, MessagePort, receiveMessageOnPort } = require('worker_threads');

const { port1, port2 } = new MessageChannel();
console.log(port1 instanceof MessagePort, port1 instanceof EventTarget, typeof port1.on);
try {
  new MessagePort();
} catch (e) {
  console.log(e.name, e.code, e.message);
}

port1.postMessage({ sync: 1 });
port1.postMessage({ sync: 2 });
console.log(receiveMessageOnPort(port2));
console.log(receiveMessageOnPort(port2));
console.log(receiveMessageOnPort(port2));

const seen = [];
port2.onmessage = (e) => {
  seen.push(['onmessage', e.data, e.constructor.name]);
};
port2.on('message', (v) => {
  seen.push(['on', v]);
  if (v === 'last') port2.close();
});
port1.postMessage('first');
port1.postMessage({ nested: [new Uint8Array([1, 2])] });
port1.postMessage('last');
port2.on('close', () => {
  console.log(JSON.stringify(seen));
  port1.postMessage('after close is dropped');
  console.log('closed');
});

// Never started, never listened to: it does not hold the process.
const idle = new MessageChannel();
idle.port1.postMessage('unread');
const kept = new MessageChannel();
kept.port1.on('message', () => {});
kept.port1.unref();
console.log('hasRef', kept.port1.hasRef(), port2.hasRef());
