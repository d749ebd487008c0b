// A program that breaks built-ins (Array.prototype.indexOf/includes, Object.prototype get/set
// accessors, Map.prototype.get/set, Promise.prototype.then) still gets working
// workers, MessageChannels and transfers: coil's
// own code does not go through what user code patched.
const { Worker, MessageChannel, receiveMessageOnPort } = require('worker_threads');

console.log('start'); // stdout is made before the patches (node needs them for it)
const boom = () => { throw new Error('patched built-in reached'); };
Array.prototype.indexOf = boom;
Array.prototype.includes = boom;
Object.defineProperty(Object.prototype, 'get', { get: boom, configurable: true });
Object.defineProperty(Object.prototype, 'set', { get: boom, configurable: true });
Promise.prototype.then = boom;
Map.prototype.get = boom;
Map.prototype.set = boom;

const { port1, port2 } = new MessageChannel();
const ab = new ArrayBuffer(3);
port1.postMessage({ ab }, [ab]);
console.log('channel', receiveMessageOnPort(port2).message.ab.byteLength, ab.byteLength);

const w = new Worker(`
  const { parentPort, workerData } = require('worker_threads');
  parentPort.once('message', (m) => parentPort.postMessage([m, workerData]));
`, { eval: true, workerData: 'data' });
w.on('message', (m) => console.log('worker replied', m.join(',')));
w.on('exit', (c) => console.log('exit', c));
w.postMessage('hi');
w.terminate.length; // terminate() itself is not called: it returns a promise
