// TextDecoder's one-call path for a whole buffer (utf-8, not fatal, not streaming)
// must agree with the general path: BOM, views of every kind, state left by a
// stream, brand checks.
'use strict';
const show = (s) => JSON.stringify(s);
const d = new TextDecoder();
const bom = Uint8Array.of(0xef, 0xbb, 0xbf, 0x68, 0x69);
console.log(show(d.decode(bom)), show(d.decode(bom)));
console.log(show(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bom)));
console.log(show(d.decode(Buffer.from('\ufeff\ufeffx'))));
// Views other than Uint8Array decode their bytes, not their elements.
const u16 = new Uint16Array([0x6968, 0x2121]);
console.log(show(d.decode(u16)), show(d.decode(new DataView(u16.buffer, 1, 2))));
console.log(show(d.decode(new Uint8Array([0x61, 0x62, 0x63, 0x64]).subarray(1, 3))));
console.log(show(d.decode(Uint8Array.of(0x61, 0xff, 0xe2, 0x82))));
console.log(show(d.decode()), show(d.decode(new Uint8Array(0))));
// A stream that has produced output treats a later BOM as text until it ends.
const s = new TextDecoder();
console.log(show(s.decode(Uint8Array.of(0xef, 0xbb, 0xbf, 0x61), { stream: true })));
console.log(show(s.decode(Uint8Array.of(0xef, 0xbb, 0xbf, 0x62))));
console.log(show(s.decode(Uint8Array.of(0xef, 0xbb, 0xbf, 0x63))));
// An unfinished character kept from a stream joins the next whole decode.
console.log(show(s.decode(Uint8Array.of(0xe2, 0x82), { stream: true })), show(s.decode(Uint8Array.of(0xac))));
class Sub extends Uint8Array { get length() { return 1; } }
console.log(show(d.decode(Sub.of(0x6f, 0x6b))));
try { TextDecoder.prototype.decode.call({}, bom); } catch (e) { console.log(e.code, e.message); }
try { TextDecoder.prototype.decode.call(1, bom); } catch (e) { console.log(e.code); }
try { Object.getOwnPropertyDescriptor(TextDecoder.prototype, 'encoding').get.call(new TextEncoder()); } catch (e) { console.log(e.code); }
try { TextEncoder.prototype.encode.call(d, 'x'); } catch (e) { console.log(e.code, e.message); }
console.log(new TextEncoder().encode('hé').join(), new TextEncoder().encoding);
class MyDecoder extends TextDecoder {}
console.log(show(new MyDecoder().decode(bom)), new MyDecoder('utf-16le').encoding);
