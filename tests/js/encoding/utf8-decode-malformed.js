// UTF-8 decoding of ill-formed input (buf.toString, TextDecoder, fatal mode) must
// give Node's U+FFFD replacements exactly: fixed cases plus a seeded random sweep.
const esc = (s) => [...s].map((c) => { const n = c.codePointAt(0); return n < 0x7f && n >= 0x20 ? c : `\\u{${n.toString(16)}}`; }).join('');
const cases = [
  [0xc0, 0x80], [0xe0, 0x80, 0x80], [0xed, 0xa0, 0x80], [0xed, 0xbf, 0xbf], [0xf4, 0x90, 0x80, 0x80],
  [0xf0, 0x9f, 0x98], [0x61, 0xf0, 0x9f, 0x98, 0x62], [0xe2, 0x98], [0xff, 0xfe, 0x41], [0x80, 0x80],
  [0xc3, 0xa9, 0xe2, 0x98, 0x83, 0xf0, 0x9f, 0x98, 0x80], [0xef, 0xbb, 0xbf, 0x41], [0xf8, 0x88, 0x80, 0x80, 0x80],
];
const td = new TextDecoder();
const fatal = new TextDecoder('utf-8', { fatal: true });
for (const c of cases) {
  const b = Buffer.from(c);
  let f;
  try { f = esc(fatal.decode(b)); } catch (e) { f = e.code; }
  console.log(c.map((x) => x.toString(16)).join(' '), '|', esc(b.toString()), '|', esc(td.decode(b)), '|', f,
    '|', esc(b.toString('utf8', 1)));
}
// Random bytes weighted toward UTF-8 lead and continuation bytes.
let seed = 12345;
const rnd = () => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed; };
const pool = [0x41, 0x7f, 0x80, 0xbf, 0xc2, 0xc3, 0xdf, 0xe0, 0xe2, 0xed, 0xef, 0xf0, 0xf4, 0xf5, 0xa0, 0x9f, 0x8f, 0x90];
let sum = 0, valid = 0;
for (let i = 0; i < 3000; i++) {
  const len = 1 + (rnd() % 40);
  const bytes = new Uint8Array(len);
  for (let j = 0; j < len; j++) bytes[j] = pool[rnd() % pool.length];
  const s = Buffer.from(bytes).toString();
  if (s !== td.decode(bytes)) console.log('mismatch between toString and TextDecoder at', i);
  for (let k = 0; k < s.length; k++) sum = (sum * 31 + s.charCodeAt(k)) >>> 0;
  try { fatal.decode(bytes); valid++; } catch { /* ill-formed */ }
}
console.log('checksum', sum, 'well-formed', valid);
// And the other way: TextEncoder on lone surrogates, astral pairs and Latin-1.
const te = new TextEncoder();
for (const s of ['a\ud800b', '\udc00', '\ud83d\ude00x', 'é☃', '\ud800\ud800\udc00', 'x'.repeat(70) + '\ud800']) {
  console.log(JSON.stringify(s).length, Buffer.from(te.encode(s)).toString('hex'));
}
