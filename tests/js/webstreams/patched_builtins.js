// User patches of built-ins (Array.prototype.push/shift, Function.prototype.call/apply,
// Promise.prototype.then, the array iterator, Object.prototype.get/set ...) do not
// reach the stream/web code: the same scenario gives the same results with every
// patch in place, and under coil no patch is called from lib/internal/webstreams.
// (Under node only the results are compared.)
'use strict';
const { Readable } = require('stream');

const { apply } = Reflect;
const hits = new Set();
let recording = false;
const { split: originalSplit } = String.prototype;
const { exec: originalExec } = RegExp.prototype;
const inScope = /node:internal\/webstreams\//;
const record = (label) => {
  if (!recording) return;
  recording = false;
  const frames = apply(originalSplit, new Error().stack, ['\n']);
  const caller = frames.length > 3 ? frames[3] : '';
  if (apply(originalExec, inScope, [caller]) !== null) hits.add(label);
  recording = true;
};
const { defineProperty } = Object;
function spy(target, key, label) {
  const original = target[key];
  defineProperty(target, key, {
    __proto__: null,
    value: function patched(...args) { record(label); return apply(original, this, args); },
    writable: true, configurable: true, enumerable: false,
  });
}
const patches = [
  [Array.prototype, 'Array.prototype', ['push', 'pop', 'shift', 'unshift', 'slice', 'splice', 'map', 'forEach', 'indexOf', 'includes']],
  [String.prototype, 'String.prototype', ['slice', 'charCodeAt', 'split', 'toUpperCase']],
  [Function.prototype, 'Function.prototype', ['call', 'apply', 'bind']],
  [Promise.prototype, 'Promise.prototype', ['then', 'catch', 'finally']],
  [Promise, 'Promise', ['resolve', 'reject', 'all']],
  [Object.getPrototypeOf([][Symbol.iterator]()), 'ArrayIterator', ['next']],
  [Object.getPrototypeOf(Uint8Array.prototype), 'TypedArray.prototype', ['set', 'slice', 'subarray']],
  [ArrayBuffer.prototype, 'ArrayBuffer.prototype', ['slice']],
  [Map.prototype, 'Map.prototype', ['get', 'set']],
  [Object, 'Object', ['keys', 'defineProperty', 'defineProperties', 'getPrototypeOf', 'setPrototypeOf']],
  [Math, 'Math', ['min', 'max']],
];

// ReadableStream.from walks its argument's own iterator, as the spec says; a generator
// keeps the (patched) array iterator out of it.
function* items(...list) {
  for (let i = 0; i < list.length; i++) yield list[i];
}

async function scenario() {
  const out = [];
  const read = async (stream) => {
    const got = [];
    for await (const chunk of stream) got[got.length] = chunk instanceof Uint8Array ? `bytes:${chunk.length}` : chunk;
    return got;
  };
  out[out.length] = await read(new ReadableStream({ start(c) { c.enqueue('a'); c.enqueue('b'); c.close(); } }));
  const bytes = new ReadableStream({
    type: 'bytes',
    pull(c) { if (c.byobRequest) { c.byobRequest.view[0] = 1; c.byobRequest.respond(1); } c.close(); },
  });
  const byob = await bytes.getReader({ mode: 'byob' }).read(new Uint8Array(3));
  out[out.length] = `byob ${byob.value.length} ${byob.value[0]}`;
  const queued = new ReadableStream({ type: 'bytes', start(c) { c.enqueue(new Uint8Array([1, 2, 3])); c.close(); } });
  out[out.length] = (await queued.getReader({ mode: 'byob' }).read(new Uint16Array(1))).value.length;
  const [t1, t2] = ReadableStream.from(items('x', 'y')).tee();
  out[out.length] = `${await read(t1)} ${await read(t2)}`;
  const sunk = [];
  await ReadableStream.from(items(1, 2, 3))
    .pipeThrough(new TransformStream({ transform(chunk, c) { c.enqueue(chunk * 10); } }))
    .pipeTo(new WritableStream({ write(chunk) { sunk[sunk.length] = chunk; } }, new CountQueuingStrategy({ highWaterMark: 2 })));
  out[out.length] = sunk;
  const ac = new AbortController();
  const aborted = new ReadableStream({ start(c) { c.enqueue(1); } }).pipeTo(new WritableStream(), { signal: ac.signal });
  ac.abort();
  out[out.length] = await aborted.then(() => 'resolved', (e) => e.name);
  let cancelled = false;
  for await (const x of new ReadableStream({ pull(c) { c.enqueue('tick'); }, cancel() { cancelled = true; } })) { out[out.length] = x; break; }
  out[out.length] = `cancelled ${cancelled}`;
  const encoded = await read(ReadableStream.from(items('h\uD83D', '\uDE00')).pipeThrough(new TextEncoderStream()));
  out[out.length] = encoded;
  const decoded = await read(ReadableStream.from(items(new Uint8Array([0xE2, 0x82]), new Uint8Array([0xAC]))).pipeThrough(new TextDecoderStream()));
  out[out.length] = decoded;
  const writer = new WritableStream({ write() { throw new Error('sink'); } }).getWriter();
  out[out.length] = await writer.write(1).then(() => 'ok', (e) => e.message);
  out[out.length] = await read(Readable.toWeb(Readable.from(['n1', 'n2'])));
  const back = [];
  for await (const c of Readable.fromWeb(ReadableStream.from(items('w1', 'w2')), { objectMode: true })) back[back.length] = c;
  out[out.length] = back;
  return out.join(' | ');
}

async function main() {
  const before = await scenario();
  for (const [target, name, keys] of patches) for (const key of keys) spy(target, key, `${name}.${key}`);
  // Node's own stream/web breaks with these two in place (makeTransferable's descriptors).
  if (process.versions.coil !== undefined) {
    defineProperty(Object.prototype, 'get', { __proto__: null, value: function get() { record('Object.prototype.get'); }, configurable: true, writable: true });
    defineProperty(Object.prototype, 'set', { __proto__: null, value: function set() { record('Object.prototype.set'); }, configurable: true, writable: true });
  }
  recording = true;
  const after = await scenario();
  recording = false;
  console.log(before);
  console.log('same results:', before === after);
  const reached = [];
  if (process.versions.coil !== undefined) for (const label of hits) reached[reached.length] = label;
  console.log('patches reached:', reached);
}
main();
