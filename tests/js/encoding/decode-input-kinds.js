// TextDecoder.decode reads the same bytes from every kind of input: a Buffer (also
// a pool slice), a plain Uint8Array and one at an offset, a subclass, other typed
// arrays, a DataView, an ArrayBuffer and a SharedArrayBuffer, also while streaming
// a character split across inputs of different kinds.
'use strict';
const bytes = [0x68, 0xc3, 0xa9, 0xe2, 0x98, 0x83, 0x21, 0x41];
const ab = new Uint8Array(bytes).buffer;
class MyU8 extends Uint8Array {}
const inputs = {
  buffer: Buffer.from(bytes),
  'pool slice': Buffer.from('xx\u00e9\u2603!A').subarray(2),
  uint8array: new Uint8Array(bytes),
  'uint8array at offset': new Uint8Array(ab, 1, 6),
  subclass: new MyU8(bytes),
  uint16array: new Uint16Array(ab, 0, 4),
  dataview: new DataView(ab, 3, 3),
  arraybuffer: ab,
  sharedarraybuffer: (() => { const s = new SharedArrayBuffer(8); new Uint8Array(s).set(bytes); return s; })(),
};
const d = new TextDecoder();
for (const [name, input] of Object.entries(inputs)) console.log(name, JSON.stringify(d.decode(input)));
const s = new TextDecoder();
const parts = [Buffer.from([0x68, 0xe2]), new Uint8Array([0x98]), new DataView(new Uint8Array([0x83, 0x21]).buffer)];
console.log('stream', JSON.stringify(parts.map((p) => s.decode(p, { stream: true })).join('') + s.decode()));
const fatal = new TextDecoder('utf-8', { fatal: true });
try { fatal.decode(Buffer.from([0xff])); } catch (e) { console.log('fatal', e.code); }
console.log('bom', JSON.stringify(d.decode(Buffer.from([0xef, 0xbb, 0xbf, 0x41]))), d.decode(new Uint8Array(0)) === '');
