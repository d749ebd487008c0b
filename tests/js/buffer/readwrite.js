// Buffer numeric reads and writes with node's range checks.
const { Buffer } = require('buffer');
const t = (f) => { try { console.log(f()); } catch (e) { console.log(e.name, e.code, e.message); } };
const b = Buffer.from([1, 0x82, 0xf3, 4, 5, 0x86, 7, 8, 0xf9]);
for (const m of ['UInt8', 'Int8', 'UInt16LE', 'UInt16BE', 'Int16LE', 'Int16BE', 'UInt32LE', 'UInt32BE', 'Int32LE', 'Int32BE', 'FloatLE', 'FloatBE', 'DoubleLE', 'DoubleBE', 'BigUInt64LE', 'BigUInt64BE', 'BigInt64LE', 'BigInt64BE']) {
  console.log(m, b['read' + m](0), b['read' + m](1));
}
for (let n = 1; n <= 6; n++) console.log(n, b.readUIntLE(1, n), b.readUIntBE(1, n), b.readIntLE(1, n), b.readIntBE(1, n));
console.log(b.readUint8 === b.readUInt8, b.readUint32LE(0) === b.readUInt32LE(0), typeof b.writeBigUint64LE);
const w = Buffer.alloc(8);
console.log(w.writeUInt16BE(0xabcd, 1), w.writeInt32LE(-2, 3), w);
console.log(w.writeDoubleBE(Math.PI), w, w.writeFloatLE(1.5, 4), w);
console.log(w.writeUIntBE(0x123456789a, 0, 5), w, w.writeIntLE(-(2 ** 47), 2, 6), w);
console.log(w.writeBigInt64BE(-5n), w, w.writeBigUInt64LE(2n ** 64n - 2n), w);
console.log(w.writeUInt8(1.9, 0), w.writeUInt8('7', 1), w[0], w[1]);
t(() => b.readUInt8(9)); t(() => b.readUInt8(-1)); t(() => b.readUInt8(1.5)); t(() => b.readUInt8('1')); t(() => b.readUInt32LE(6));
t(() => Buffer.alloc(2).readUInt32LE(0)); t(() => b.readIntLE(0, 7)); t(() => b.readIntLE(0)); t(() => b.readIntLE(undefined, 2)); t(() => b.readUIntBE(0, 1.5));
t(() => w.writeUInt8(256, 0)); t(() => w.writeInt8(-129)); t(() => w.writeUInt8(300, 'x')); t(() => w.writeUInt16LE(70000, 'x')); t(() => w.writeUInt16LE(1, 7));
t(() => w.writeUInt32LE(2 ** 32)); t(() => w.writeInt32BE(2 ** 31)); t(() => w.writeUIntLE(2 ** 48, 0, 6)); t(() => w.writeIntBE(2 ** 47, 0, 6));
t(() => w.writeUIntBE(2 ** 40, 0, 5)); t(() => w.writeIntLE(-(2 ** 23) - 1, 0, 3)); t(() => w.writeUIntLE(1, 0, 7)); t(() => w.writeUIntLE(1, 0, '2'));
t(() => w.writeBigInt64LE(2n ** 63n)); t(() => w.writeBigUInt64BE(-1n)); t(() => w.writeBigUInt64LE(1)); t(() => w.writeBigInt64LE(1n, 1));
t(() => w.writeFloatBE(1, 5)); t(() => w.writeDoubleLE(1, 1)); t(() => w.writeDoubleLE(1, '0'));
t(() => Buffer.alloc(0).readUInt8()); t(() => Buffer.alloc(0).writeUInt8(0));
