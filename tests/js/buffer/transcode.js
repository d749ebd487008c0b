// buffer.transcode between utf8, ucs2/utf16le, latin1 and ascii, with ICU's
// substitution rules, its strict pairs, and its errors for other encodings.
const { transcode, Buffer } = require('buffer');

function show(bytes, from, to) {
  try {
    const out = transcode(Buffer.from(bytes), from, to);
    console.log(from, to, out.toString('hex'), Buffer.isBuffer(out));
  } catch (e) {
    console.log(from, to, 'throws', e.name, e.code, e.errno, e.message, Object.keys(e));
  }
}

const samples = [
  Buffer.from('h\u00e9llo \u20ac\ud83d\ude00 \u00ff', 'utf8'),
  Buffer.from('h\u00e9llo \u20ac\ud83d\ude00', 'utf16le'),
  [0x41, 0xe9, 0xff, 0x80, 0x7f],
  [0xc3, 0x28, 0xe2, 0x82, 0x41, 0xed, 0xa0, 0x80],
  [0x41, 0x00, 0x00, 0xd8, 0x42, 0x00],
  [0x41, 0x00, 0x42],
];
const encs = ['utf8', 'ucs2', 'latin1', 'ascii'];
for (const s of samples) {
  for (const from of encs) for (const to of encs) show(s, from, to);
}
// Odd lengths, surrogates, BOMs and default-ignorable characters.
show([0x41], 'ucs2', 'utf8');
show([0x41], 'ucs2', 'latin1');
show([0x41], 'ucs2', 'ucs2');
show([0x3d, 0xd8, 0x00, 0xde], 'ucs2', 'utf8');
show([0x00, 0xde, 0x3d, 0xd8], 'ucs2', 'utf8');
show([0x3d, 0xd8, 0x41], 'ucs2', 'ucs2');
show([0xf4, 0x90, 0x80, 0x80], 'utf8', 'utf8');
show([0xef, 0xbb, 0xbf, 0x41], 'utf8', 'latin1');
show([0xef, 0xbb, 0xbf, 0x41], 'utf8', 'ucs2');
show([0xff, 0xfe, 0x41, 0x00], 'ucs2', 'ascii');
show(Buffer.from('\u00ad\u200b\ufff9\u{e0001}A', 'utf8'), 'utf8', 'ascii');
show(Buffer.from('\u00adA', 'utf8'), 'utf8', 'latin1');
// Aliases and unsupported encodings.
show([0x61, 0x62], 'UTF-8', 'UCS-2');
show([0x61, 0x62], 'binary', 'utf-16le');
show([0x61, 0x62], 'utf8', undefined);
show([0x61, 0x62], 'hex', 'utf8');
show([0x61, 0x62], 'utf8', 'base64');
show([0x61, 0x62], 'nope', 'utf8');
console.log(transcode(new Uint8Array([65, 66]), 'ascii', 'ucs2'));
console.log(transcode(Buffer.alloc(0), 'nope', 'nope'));
for (const bad of ['ab', new Uint16Array(1), null]) {
  try {
    transcode(bad, 'utf8', 'ascii');
  } catch (e) {
    console.log(e.code, e.message);
  }
}
