// worker_threads.moveMessagePortToContext: the moved port, what it delivers and
// the errors it throws belong to the vm context; the old port is unusable.
'use strict';
const assert = require('assert');
const vm = require('vm');
const {
  MessageChannel, MessagePort, moveMessagePortToContext, receiveMessageOnPort,
} = require('worker_threads');

const context = vm.createContext({ log: (...a) => console.log(...a) });
const ctx = vm.runInContext('({ Object, Array, Error, Function, ArrayBuffer, Uint8Array })', context);

// Bad arguments, as node names them.
function code(fn) {
  try {
    fn();
  } catch (e) {
    return `${e.name} ${e.code} ${e.message}`;
  }
  return 'no error';
}
console.log(code(() => moveMessagePortToContext({}, context)));
console.log(code(() => moveMessagePortToContext(null, context)));
console.log(code(() => moveMessagePortToContext(new MessageChannel().port1, {})));
console.log(code(() => moveMessagePortToContext(new MessageChannel().port1, globalThis)));
{
  const { port1 } = new MessageChannel();
  port1.close();
  console.log('closing:', code(() => moveMessagePortToContext(port1, context)));
}
{
  const { port1 } = new MessageChannel();
  const carrier = new MessageChannel();
  carrier.port1.postMessage(null, [port1]);
  console.log('transferred:', code(() => moveMessagePortToContext(port1, context)));
  carrier.port1.close();
}

const { port1, port2 } = new MessageChannel();
const moved = moveMessagePortToContext(port1, context);
console.log('class of the context:', moved instanceof ctx.Object, !(moved instanceof Object),
            !(moved instanceof MessagePort), moved.constructor.name);
const chain = [];
for (let o = Object.getPrototypeOf(moved); o !== ctx.Object.prototype; o = Object.getPrototypeOf(o)) {
  chain.push(`${o.constructor.name}: ${Object.keys(o).join(' ')}`);
  for (const k of Object.keys(o)) assert(o[k] instanceof ctx.Function);
}
console.log(chain.join(' / '));
console.log('onmessage before:', moved.onmessage, 'hasRef:', moved.hasRef());
console.log(code(() => new moved.constructor()));
console.log(code(() => moved.postMessage()));
console.log(code(() => moved.postMessage.call({}, 1)));
const cloneError = (() => {
  try {
    moved.postMessage(() => {});
  } catch (e) {
    return e;
  }
})();
console.log('clone error:', cloneError.name, cloneError.code, cloneError instanceof ctx.Error,
            !(cloneError instanceof Error), cloneError.constructor.name);

const TypeErrorThere = vm.runInContext('TypeError', context);
for (const list of [[{}], 5, { transfer: 5 }]) {
  try {
    moved.postMessage(1, list);
  } catch (e) {
    console.log('bad transfer list:', e.code, e instanceof TypeErrorThere);
  }
}

// The old object is detached: posting on it is dropped, it cannot be transferred.
port1.postMessage('dropped');
console.log('old in a transfer list:', code(() => port2.postMessage(null, [port1])));

// receiveMessageOnPort reads the moved port, in its context.
port2.postMessage({ sync: [1] });
const got = receiveMessageOnPort(moved);
console.log('received:', got.message, got.message instanceof ctx.Object, got.message.sync instanceof ctx.Array);
console.log('nothing left:', receiveMessageOnPort(moved));

const other = new MessageChannel();
other.port2.on('message', (m) => {
  console.log('carried port answered:', m);
  other.port2.close();
});
context.port = moved;
vm.runInContext(`port.onmessage = function(event) {
  const { data, ports, type, target } = event;
  log('message in the context:', type, target === port, event.constructor.name,
      data instanceof Object, Array.isArray(data.list) && data.list instanceof Array,
      ports instanceof Array, ports.length, ports[0] === data.p, data.p instanceof Object,
      data.buf instanceof ArrayBuffer, new Uint8Array(data.buf)[1]);
  data.p.postMessage('hello from the context');
  port.postMessage({ back: true });
};
port.start();`, context);

port2.on('message', (m) => {
  console.log('main got:', m, m instanceof Object);
  moved.close(function() {
    console.log('close callback, this is the port:', this === moved);
    console.log('after close:', moved.postMessage('late'), code(() => moveMessagePortToContext(moved, context)));
  });
});
const buf = new Uint8Array([7, 8]).buffer;
port2.postMessage({ list: [1, 2], p: other.port1, buf }, [other.port1, buf]);
console.log('buffer moved:', buf.byteLength);
