// TextEncoder: encode, encodeInto (read counts UTF-16 units), lone surrogates, errors.
const util = require('util');
const te = new TextEncoder();
console.log(te.encoding, util.TextEncoder === TextEncoder, te);
console.log(te.encode('héllo €😀'), te.encode(), te.encode(null), te.encode({}).length);
console.log(te.encode('a\ud800b'), te.encode('\udc00'), te.encode('\ud83d\ude00'));
const dest = new Uint8Array(5);
console.log(te.encodeInto('a€😀', dest), dest);
console.log(te.encodeInto('😀😀', new Uint8Array(7)), te.encodeInto('', new Uint8Array(2)));
console.log(te.encodeInto('abc', new Uint8Array(0)), te.encodeInto('ééé', new Uint8Array(3)));
const big = 'x'.repeat(1 << 20) + '€';
console.log(te.encode(big).length, te.encode(big)[1 << 20]);
for (const [src, d] of [[5, new Uint8Array(1)], ['a', []], ['a', new Uint16Array(2)], ['a', Buffer.alloc(2)]]) {
  try { console.log(te.encodeInto(src, d)); } catch (e) { console.log(e.name, e.code, e.message); }
}
try { TextEncoder.prototype.encode.call({}); } catch (e) { console.log(e.code, e.message); }
try { Object.getOwnPropertyDescriptor(TextEncoder.prototype, 'encoding').get.call(1); } catch (e) { console.log(e.code); }
console.log(Object.getOwnPropertyNames(TextEncoder.prototype), Object.keys(TextEncoder.prototype));
console.log(Object.prototype.toString.call(te), Object.getOwnPropertyDescriptor(TextEncoder.prototype, Symbol.toStringTag));
