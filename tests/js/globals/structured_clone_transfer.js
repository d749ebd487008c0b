// structuredClone's transfer list moves ArrayBuffers: the clone has their bytes, the
// originals (and their views) are left detached; bad lists throw node's errors.
'use strict';
const buf = new ArrayBuffer(4);
const view = new Uint8Array(buf);
view[0] = 9;
const out = structuredClone({ buf, view }, { transfer: [buf] });
console.log(buf.byteLength, view.length, out.buf.byteLength, out.view, out.view.buffer === out.buf);
try { view.fill(1); console.log('filled', view.length); } catch (e) { console.log(e.constructor.name); }
try { structuredClone(1, { transfer: [{}] }); } catch (e) { console.log(e.name, e.code, e.message); }
const dup = new ArrayBuffer(2);
try { structuredClone(1, { transfer: [dup, dup] }); } catch (e) { console.log(e.name, e.message); }
console.log(dup.byteLength);
const rab = new ArrayBuffer(2, { maxByteLength: 8 });
const moved = structuredClone(rab, { transfer: [rab] });
console.log(moved.resizable, moved.maxByteLength, rab.byteLength);
