// Resizable ArrayBuffers and growable SharedArrayBuffers (Node 20 ships them): resize,
// grow, length-tracking views, out-of-bounds views, and views on them named right by
// Object.prototype.toString, util.types and util.inspect.
'use strict';
const util = require('util');
const rab = new ArrayBuffer(4, { maxByteLength: 16 });
console.log(rab.resizable, rab.byteLength, rab.maxByteLength, new ArrayBuffer(2).resizable);
const tracking = new Uint8Array(rab);
const fixed = new Uint16Array(rab, 2, 1);
tracking.set([1, 2, 3, 4]);
rab.resize(8);
console.log(tracking.length, fixed.length, tracking);
rab.resize(2);
console.log(tracking.length, fixed.length, fixed.byteLength, tracking);
try { rab.resize(17); } catch (e) { console.log(e.constructor.name, e.message); }
try { fixed.at(0); } catch (e) { console.log(e.constructor.name); }
console.log(Object.prototype.toString.call(tracking), util.types.isUint8Array(tracking),
  util.types.isUint16Array(fixed), util.types.isTypedArray(new Int8Array(rab)));
const gsab = new SharedArrayBuffer(4, { maxByteLength: 8 });
const view = new Int32Array(gsab);
gsab.grow(8);
console.log(gsab.growable, gsab.byteLength, view.length, view);
try { gsab.grow(4); } catch (e) { console.log(e.constructor.name, e.message); }
console.log(util.inspect(new BigInt64Array(new ArrayBuffer(8, { maxByteLength: 8 }))));
const copy = structuredClone(rab);
console.log(copy.resizable, copy.maxByteLength, copy.byteLength);
