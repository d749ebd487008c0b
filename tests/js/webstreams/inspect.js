// util.inspect of every stream/web object (streams, readers, writers, controllers,
// the async iterator, strategies), nested and at limited depth, as node prints them.
'use strict';
const util = require('util');
console.log(util.inspect({ a: { b: { c: new ReadableStream() } } }));
console.log(util.inspect({ a: { b: { c: { d: new WritableStream() } } } }));
let ctl; new ReadableStream({ start(c) { ctl = c; } });
console.log(ctl);
let bctl; new ReadableStream({ type: 'bytes', start(c) { bctl = c; } });
console.log(bctl);
let wctl; new WritableStream({ start(c) { wctl = c; } });
console.log(wctl);
const w = new WritableStream().getWriter(); console.log(w);
const r = new ReadableStream({ type: 'bytes' }).getReader({ mode: 'byob' }); console.log(r);
let tctl; new TransformStream({ start(c) { tctl = c; } }); console.log(tctl);
console.log(new TextEncoderStream());
console.log(new TextDecoderStream());
console.log([new ReadableStream()], new ReadableStream()[Symbol.asyncIterator]());
console.log(util.inspect(new ReadableStream(), { depth: 0 }), util.inspect([new CountQueuingStrategy({highWaterMark: 1})], { depth: -1 }));
