// Buffer.concat with a total length that cuts a part, pads with zeros, is zero,
// and parts that are Uint8Arrays or views into a larger buffer.
const big = Buffer.from('0123456789');
const parts = [Buffer.from('ab'), new Uint8Array([0x63, 0x64, 0x65]), big.subarray(3, 6), Buffer.alloc(0)];
for (const len of [undefined, 0, 1, 3, 4, 7, 8, 10, 12]) {
  const b = Buffer.concat(parts, len);
  console.log(len, b.length, JSON.stringify(b.toString('latin1')), b instanceof Buffer);
}
try { Buffer.concat([Buffer.from('x'), 'y']); } catch (e) { console.log(e.code, e.message); }
try { Buffer.concat([Buffer.from('x')], -1); } catch (e) { console.log(e.code); }
console.log(Buffer.concat([]).length, Buffer.concat([Buffer.alloc(5000, 1), Buffer.alloc(3, 2)]).subarray(4998).toString('hex'));
