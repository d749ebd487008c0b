// moveMessagePortToContext: a moved port moves on (to another context, in a
// transfer list, into a worker's context), and unref() lets the loop end.
'use strict';
const vm = require('vm');
const {
  MessageChannel, MessagePort, Worker, isMainThread, parentPort, moveMessagePortToContext,
} = require('worker_threads');

if (!isMainThread) {
  // In a worker: the port the parent sent is moved into a context made here.
  parentPort.once('message', ({ port }) => {
    const context = vm.createContext({});
    const moved = moveMessagePortToContext(port, context);
    const ObjectThere = vm.runInContext('Object', context);
    moved.onmessage = ({ data }) => {
      moved.postMessage(`worker context got ${data.n}, its own object: ${data instanceof ObjectThere}`);
      moved.close();
    };
    moved.start();
  });
  return;
}

const a = vm.createContext({});
const b = vm.createContext({});
const ObjectOfB = vm.runInContext('Object', b);

// From context a to context b: the port of a is left detached.
const first = new MessageChannel();
const inA = moveMessagePortToContext(first.port1, a);
const inB = moveMessagePortToContext(inA, b);
// (node's old object stays a referenced handle: unref() lets the test end there)
inA.unref();
console.log('a -> b:', inB instanceof ObjectOfB, inA.postMessage('x'), inB !== inA);
inB.onmessage = ({ data }) => {
  console.log('b got:', data, data instanceof ObjectOfB);
  inB.close();
};
inB.start();
first.port2.postMessage({ n: 1 });

// A moved port in a transfer list comes out as a plain MessagePort of the receiver.
const second = new MessageChannel();
const carrier = new MessageChannel();
const movedAgain = moveMessagePortToContext(second.port1, a);
carrier.port2.once('message', ({ port }) => {
  console.log('transferred moved port arrives as:', port instanceof MessagePort);
  port.once('message', (m) => {
    console.log('through it:', m);
    port.close();
    carrier.port2.close();
    startWorker();
  });
  second.port2.postMessage('via the transferred port');
});
carrier.port1.postMessage({ port: movedAgain }, [movedAgain]);
console.log('moved port after transfer:', movedAgain.postMessage('gone'));

// Into a worker's own context.
function startWorker() {
  const third = new MessageChannel();
  const worker = new Worker(__filename);
  worker.postMessage({ port: third.port1 }, [third.port1]);
  third.port2.on('message', (m) => {
    console.log(m);
    third.port2.close();
  });
  third.port2.postMessage({ n: 3 });
  worker.on('exit', (code) => console.log('worker exit', code));
}

// Moved ports keep the loop alive, as node's; this one is unref()ed, so the
// process ends though it never closes.
const idle = moveMessagePortToContext(new MessageChannel().port1, b);
console.log('idle hasRef:', idle.hasRef());
idle.unref();
console.log('idle hasRef after unref:', idle.hasRef());
