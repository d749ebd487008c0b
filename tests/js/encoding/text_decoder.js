// TextDecoder: labels, BOM, fatal, streaming across chunks, utf-16le/be, latin1.
const util = require('util');
const show = (s) => JSON.stringify(s) + ' ' + [...s].map((c) => c.codePointAt(0).toString(16)).join(',');
const td = new TextDecoder();
console.log(td, util.TextDecoder === TextDecoder, td.encoding, td.fatal, td.ignoreBOM);
console.log(new TextDecoder('utf-16le', { fatal: true, ignoreBOM: true }));
for (const l of [' UTF8 ', 'unicode-1-1-utf-8', 'unicode', 'UTF-16', 'utf-16be', 'ascii', 'latin1', 'ISO-8859-1', 'cp1252']) {
  console.log(JSON.stringify(l), new TextDecoder(l).encoding);
}
for (const l of ['foo', 'utf-32', '', 'utf 8']) {
  try { new TextDecoder(l); } catch (e) { console.log(e.name, e.code, e.message); }
}
console.log(show(td.decode(Uint8Array.of(0xef, 0xbb, 0xbf, 0x61, 0xef, 0xbb, 0xbf))));
console.log(show(new TextDecoder('utf8', { ignoreBOM: true }).decode(Uint8Array.of(0xef, 0xbb, 0xbf, 0x61))));
console.log(show(td.decode(Uint8Array.of(0xf0, 0x9f, 0x98, 0x80, 0xe2, 0x82, 0xff, 0xc0, 0x80, 0xed, 0xa0, 0x80, 0x41))));
console.log(show(td.decode(Buffer.from('héllo')), td.decode(new Uint16Array([0x6968]).buffer)));
console.log(show(td.decode()), show(td.decode(new DataView(Uint8Array.of(0x68, 0x69).buffer))));
// Streaming: a character split over chunks comes out whole; the BOM only at the start.
const sd = new TextDecoder();
const bytes = Buffer.from('\ufeff€😀x€');
let out = '';
for (let i = 0; i < bytes.length; i++) out += sd.decode(bytes.subarray(i, i + 1), { stream: true });
out += sd.decode();
console.log(show(out));
console.log(show(sd.decode(Uint8Array.of(0xe2, 0x82), { stream: true })), show(sd.decode()));
console.log(show(sd.decode(Uint8Array.of(0xe2), { stream: true })), show(sd.decode(Uint8Array.of(0x41))));
console.log(show(sd.decode(Uint8Array.of(0xef, 0xbb), { stream: true }) + sd.decode(Uint8Array.of(0xbf, 0xef, 0xbb, 0xbf))));
// fatal
const fd = new TextDecoder('utf-8', { fatal: true });
for (const b of [[0xff], [0xc0, 0x80], [0xe2, 0x82], [0xed, 0xa0, 0x80]]) {
  try { fd.decode(Uint8Array.from(b)); } catch (e) { console.log(e.name, e.code, e.message); }
}
console.log(show(fd.decode(Uint8Array.of(0xe2, 0x82), { stream: true }) + fd.decode(Uint8Array.of(0xac))));
try { fd.decode(Uint8Array.of(0xe2), { stream: true }); fd.decode(); } catch (e) { console.log(e.code); }
console.log(show(fd.decode(Uint8Array.of(0x6f, 0x6b))));
// utf-16
const u16 = new TextDecoder('utf-16le');
console.log(show(u16.decode(Uint8Array.of(0xff, 0xfe, 0x41, 0, 0x3d, 0xd8, 0x00, 0xde))));
console.log(show(u16.decode(Uint8Array.of(0x3d, 0xd8, 0x41, 0, 0x41))), show(u16.decode(Uint8Array.of(0x00, 0xdc))));
const s16 = new TextDecoder('utf-16le');
const src = Buffer.from('a😀b', 'utf16le');
out = '';
for (let i = 0; i < src.length; i++) out += s16.decode(src.subarray(i, i + 1), { stream: true });
console.log(show(out + s16.decode()));
try { new TextDecoder('utf-16le', { fatal: true }).decode(Uint8Array.of(0x41)); } catch (e) { console.log(e.code, e.message); }
try { new TextDecoder('utf-16le', { fatal: true }).decode(Uint8Array.of(0x3d, 0xd8)); } catch (e) { console.log(e.code, e.message); }
console.log(show(new TextDecoder('utf-16be').decode(Uint8Array.of(0xfe, 0xff, 0, 0x41, 0xd8, 0x3d, 0xde, 0x00))));
// windows-1252 labels decode one code point per byte in Node 20
console.log(show(new TextDecoder('latin1').decode(Uint8Array.of(0x41, 0xe9, 0xff))));
// errors
for (const bad of ['abc', 5, [1, 2], {}]) {
  try { td.decode(bad); } catch (e) { console.log(e.name, e.code, e.message); }
}
try { new TextDecoder('utf8', 5); } catch (e) { console.log(e.name, e.code, e.message); }
console.log(new TextDecoder('utf8', null).fatal);
try { TextDecoder.prototype.decode.call({}); } catch (e) { console.log(e.code, e.message); }
try { Object.getOwnPropertyDescriptor(TextDecoder.prototype, 'fatal').get.call({}); } catch (e) { console.log(e.code); }
console.log(Object.getOwnPropertyNames(TextDecoder.prototype), Object.keys(TextDecoder.prototype));
console.log(Object.prototype.toString.call(td));
const big = Buffer.alloc(1 << 22, 'é');
console.log(td.decode(big).length, new TextDecoder('utf-16le').decode(big).length);
