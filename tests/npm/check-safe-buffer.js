'use strict';
// safe-buffer: re-exports core Buffer when Buffer.alloc/from exist.
const SB = require('safe-buffer');
const { Buffer: SafeBuffer } = SB;

console.log('same Buffer', SafeBuffer === Buffer, SB.SlowBuffer === require('buffer').SlowBuffer, SB.kMaxLength === require('buffer').kMaxLength);
const b = SafeBuffer.from('héllo wörld', 'utf8');
console.log('from', b.length, b.toString('hex'), b.toString('base64'), b.toString('latin1'));
console.log('alloc', SafeBuffer.alloc(5).toString('hex'), SafeBuffer.alloc(5, 'ab').toString(), SafeBuffer.alloc(4, 0x41).toString(), SafeBuffer.allocUnsafe(3).length);
console.log('isBuffer', SafeBuffer.isBuffer(b), SafeBuffer.isBuffer(new Uint8Array(2)), b instanceof SafeBuffer, SafeBuffer.byteLength('€uro'));
console.log('concat', SafeBuffer.concat([SafeBuffer.from('ab'), SafeBuffer.from([0x63, 0x64])]).toString(), SafeBuffer.compare(SafeBuffer.from('a'), SafeBuffer.from('b')));
for (const bad of [5, -1]) {
  try { console.log('from number', SafeBuffer.from(bad)); } catch (e) { console.log('from number error', e.name, e.code || '', e.message); }
}
try { SafeBuffer.alloc('x'); } catch (e) { console.log('alloc error', e.name, e.code); }
const buf = SafeBuffer.alloc(8);
buf.writeUInt32BE(0xdeadbeef, 0); buf.writeInt16LE(-2, 4); buf.writeUInt8(7, 6);
console.log('rw', buf.toString('hex'), buf.readUInt32BE(0).toString(16), buf.readInt16LE(4), buf.slice(4, 6).toString('hex'), JSON.stringify(buf.subarray(6)));
