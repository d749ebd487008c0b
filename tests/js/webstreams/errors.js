// Node's errors for bad input to the stream/web classes (codes and messages), wrong
// receivers, and util.inspect of the stream objects.
'use strict';
const util = require('util');

function show(f) {
  try {
    const result = f();
    if (result && typeof result.then === 'function') {
      return result.then(() => console.log('resolved'), (e) => console.log('rejects', e.name, e.code, e.message));
    }
    console.log('ok');
  } catch (e) {
    console.log('throws', e.name, e.code, e.message);
  }
}

async function main() {
  show(() => new CountQueuingStrategy());
  show(() => new CountQueuingStrategy({}));
  show(() => new ReadableStream({}, { highWaterMark: -1 }));
  show(() => new ReadableStream({}, { size: 1 }));
  show(() => new ReadableStream({ type: 'foo' }));
  show(() => new ReadableStream(1));
  show(() => { const r = new ReadableStream(); r.getReader(); r.getReader(); });
  show(() => new ReadableStream().getReader({ mode: 'x' }));
  show(() => new ReadableStream().getReader({ mode: 'byob' }));
  show(() => new ReadableStream({ start(c) { c.close(); c.close(); } }));
  show(() => new ReadableStream({ start(c) { c.close(); c.enqueue(1); } }));
  show(() => new ReadableStream({ type: 'bytes', start(c) { c.enqueue(1); } }));
  show(() => new ReadableStream({ type: 'bytes', start(c) { c.close(); c.enqueue(new Uint8Array(1)); } }));
  show(() => ReadableStream.prototype.getReader.call({}));
  show(() => new ReadableStreamDefaultController());
  show(() => new WritableStreamDefaultController());
  show(() => new WritableStream({ type: 'x' }));
  show(() => { const w = new WritableStream(); w.getWriter(); w.getWriter(); });
  show(() => { const w = new WritableStream().getWriter(); w.releaseLock(); return w.desiredSize; });
  show(() => new TransformStream({ readableType: 'bytes' }));
  show(() => new ReadableStream().pipeThrough(1));
  show(() => ReadableStream.from(1));
  await show(() => new ReadableStream().pipeTo(1));
  await show(() => new ReadableStream().pipeTo(new WritableStream(), { signal: 1 }));
  await show(() => { const r = new ReadableStream().getReader(); r.releaseLock(); return r.read(); });
  await show(() => { const w = new WritableStream().getWriter(); w.releaseLock(); return w.write(1); });
  await show(() => { const w = new WritableStream().getWriter(); w.close(); return w.close(); });
  await show(() => { const w = new WritableStream().getWriter(); w.close(); return w.write(1); });
  await show(() => { const w = new WritableStream(); w.getWriter(); return w.abort(); });
  await show(() => { const r = new ReadableStream(); r.getReader(); return r.cancel(); });
  await show(() => new ReadableStream({ type: 'bytes' }).getReader({ mode: 'byob' }).read(new Uint8Array(0)));
  await show(() => new ReadableStream({ type: 'bytes' }).getReader({ mode: 'byob' }).read(1));
  await show(() => ReadableStream.prototype.cancel.call(1));

  console.log(util.inspect(new ReadableStream()));
  console.log(util.inspect(new ReadableStream({ type: 'bytes' })));
  console.log(util.inspect(new WritableStream()));
  console.log(util.inspect(new TransformStream()));
  console.log(util.inspect(new ReadableStream().getReader()));
  console.log(util.inspect(new CountQueuingStrategy({ highWaterMark: 3 })));
  console.log(util.inspect(new ByteLengthQueuingStrategy({ highWaterMark: 3 })));
  console.log(Object.prototype.toString.call(new ReadableStream()), Object.prototype.toString.call(new WritableStream().getWriter()));
  console.log(Object.getOwnPropertyNames(ReadableStream.prototype).sort(), Object.getOwnPropertyNames(ReadableStream).sort());
  console.log(Object.keys(require('stream/web')).filter((k) => !/ompressionStream$/.test(k)));
  const names = Object.keys(require('stream/web')).filter((k) => !/ompressionStream$/.test(k));
  console.log(names.every((n) => globalThis[n] === require('stream/web')[n]),
              names.some((n) => Object.keys(globalThis).includes(n)));
}
main();
