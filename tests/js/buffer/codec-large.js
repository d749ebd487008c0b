// Base64/hex/text conversions on inputs long enough for the SIMD block loops
// (64-character blocks), the 64 KiB read chunks and the external-string results
// (1 MiB and up): every irregular input must still decode exactly as Node's
// lenient decoders do. Checksums keep the output short.
const { Buffer } = require('buffer');

function sum(x) {
  let h = 0x811c9dc5;
  if (typeof x === 'string') {
    for (let i = 0; i < x.length; i++) h = Math.imul(h ^ x.charCodeAt(i), 16777619) >>> 0;
  } else {
    for (let i = 0; i < x.length; i++) h = Math.imul(h ^ x[i], 16777619) >>> 0;
  }
  return `${x.length}:${h.toString(16)}`;
}
function bytes(n, seed) {
  const b = Buffer.alloc(n);
  for (let i = 0; i < n; i++) b[i] = (i * 131 + seed * 7 + (i >> 8)) & 0xff;
  return b;
}

// Round trips at the block edges, through the scratch and the external paths.
for (const n of [47, 48, 49, 95, 96, 97, 3 * 21845, 786431, 786432, 786433, (1 << 20) + 5]) {
  const b = bytes(n, n);
  const t = b.toString('base64');
  const u = b.toString('base64url');
  const h = b.toString('hex');
  console.log(n, sum(t), sum(u), sum(h), Buffer.from(t, 'base64').equals(b), Buffer.from(u, 'base64url').equals(b),
    Buffer.from(u, 'base64').equals(b), Buffer.from(t, 'base64url').equals(b), Buffer.from(h, 'hex').equals(b));
}

const b = bytes(200000, 1);
const t = b.toString('base64');
// A bad character, an '=' and non-ASCII characters in the middle of a block.
for (const at of [10, 64, 100, 65536, 65537, 100001]) {
  console.log('bad', at, sum(Buffer.from(t.slice(0, at) + '*' + t.slice(at), 'base64')),
    sum(Buffer.from(t.slice(0, at) + '=' + t.slice(at), 'base64')),
    sum(Buffer.from(t.slice(0, at) + 'é\u0141' + t.slice(at), 'base64')));
}
// MIME line breaks, spaces, and a mix of both alphabets.
const mime = t.replace(/(.{76})/g, '$1\r\n');
console.log('mime', sum(Buffer.from(mime, 'base64')), Buffer.from(mime, 'base64').equals(b));
const mixed = t.replace(/\+/g, (m, i) => (i % 3 ? '-' : m)).replace(/\//g, (m, i) => (i % 2 ? '_' : m));
console.log('mixed', Buffer.from(mixed, 'base64').equals(b), Buffer.from(mixed, 'base64url').equals(b));
// Dangling characters and padding at the end of a long text.
for (const tail of ['Q', 'QQ', 'QQ=', 'QQ==', 'QUI', 'QUI=', 'QR==', '====', '=Q']) {
  console.log('tail', JSON.stringify(tail), sum(Buffer.from(t.slice(0, 4000) + tail, 'base64')));
}
// Decoding into a buffer that fills up first.
const small = Buffer.alloc(1000);
console.log('write', small.write(t, 'base64'), small.equals(b.subarray(0, 1000)), small.write(t, 7, 'base64'),
  small.write(t.slice(0, 99), 'base64'));

// hex: stops at the first bad pair, drops an odd last digit, takes upper case.
const h = b.toString('hex');
for (const at of [0, 62, 64, 65, 131072, 131073, 399999]) {
  console.log('hex', at, sum(Buffer.from(h.slice(0, at) + 'g' + h.slice(at), 'hex')));
}
console.log('hex', sum(Buffer.from(h + 'a', 'hex')), Buffer.from(h.toUpperCase(), 'hex').equals(b),
  sum(Buffer.from(h.slice(0, 300) + '\u0130' + h.slice(300), 'hex')));

// Big text results: ASCII, non-ASCII UTF-8, latin1 and ascii of high bytes.
const ascii = Buffer.alloc(3 << 20, 'abcdefghij');
const s1 = ascii.toString();
console.log('utf8', sum(s1), s1.slice(-5), (s1 + '!').length, s1 === 'abcdefghij'.repeat(3 << 20 / 10).padEnd(3 << 20, 'abcdefghij'));
const euro = Buffer.alloc(3 << 20, 'ab€');
console.log('utf8', sum(euro.toString()), sum(euro.toString('latin1')), sum(euro.toString('ascii')), sum(euro.toString('binary', 5)));
const big64 = euro.toString('base64');
console.log('big', big64.length, sum(big64), big64.slice(0, 12), big64.slice(-12), big64.indexOf('Kw'), big64.charCodeAt(1 << 21));

// Big results are external strings, which decoding reads in place: irregular ones
// (any byte as latin1, base64 with line breaks) must decode as any other string.
const raw = bytes((1 << 20) + 100, 3).toString('latin1');
console.log('ext', sum(Buffer.from(raw, 'base64')), sum(Buffer.from(raw, 'hex')), sum(Buffer.from(raw, 'latin1')));
const lines = Buffer.alloc(3 << 20, 'QUJD\nYWJj\r\n').toString();
console.log('ext', sum(Buffer.from(lines, 'base64')), sum(Buffer.from(lines, 'base64url')), sum(Buffer.from(lines.slice(1), 'base64')));
const hexText = Buffer.alloc(1 << 20, 0xab).toString('hex');
console.log('ext', sum(Buffer.from(hexText, 'hex')), sum(Buffer.from(hexText, 'base64')), Buffer.alloc(10).write(hexText, 'hex'));
