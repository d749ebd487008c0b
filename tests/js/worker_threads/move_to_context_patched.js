// moveMessagePortToContext with built-ins patched by user code: none of coil's
// own code for moved ports reaches them.
'use strict';
const vm = require('vm');
const { MessageChannel, moveMessagePortToContext, receiveMessageOnPort } = require('worker_threads');
const context = vm.createContext({});
const { port1, port2 } = new MessageChannel();
const other = new MessageChannel();
const stdout = process.stdout; const write = stdout.write.bind(stdout);
const out = (...a) => write(a.join(' ') + '\n');
const boom = () => { throw new Error('patched built-in reached'); };
for (const [o, k] of [[Array.prototype, 'push'], [Function.prototype, 'call'], [Function.prototype, 'apply'],
  [String.prototype, 'slice'], [Map.prototype, 'get'], [WeakMap.prototype, 'get'], [WeakMap.prototype, 'set'],
  [WeakSet.prototype, 'has'], [Array.prototype, 'includes']]) o[k] = boom;
Object.defineProperty(Object.prototype, 'get', { get: boom, configurable: true });
Object.defineProperty(Object.prototype, 'set', { get: boom, configurable: true });
const moved = moveMessagePortToContext(port1, context);
port2.postMessage({ a: 1 });
out(receiveMessageOnPort(moved).message.a);
moved.onmessage = ({ data, ports }) => { out('got', data.n, ports.length); moved.postMessage('back', [new ArrayBuffer(1)]); ports[0].close(); };
moved.start();
port2.once('message', (m) => { out('main', m); port2.close(); });
port2.postMessage({ n: 2, p: other.port1 }, [other.port1]);
