// StringDecoder: characters split across writes, invalid sequences,
// end() flushing, every encoding, argument checks.
'use strict';
const { StringDecoder } = require('string_decoder');
const t = (label, f) => {
  try { console.log(label, JSON.stringify(f())); } catch (e) { console.log(label, 'threw', e.code, e.name, e.message); }
};
const B = (...bytes) => Buffer.from(bytes);
function feed(enc, chunks) {
  const d = new StringDecoder(enc);
  const out = chunks.map((c) => [d.write(Buffer.from(c)), d.lastNeed, d.lastTotal]);
  out.push(d.end());
  return out;
}

console.log(Object.keys(new StringDecoder()), Object.getOwnPropertyNames(StringDecoder.prototype));
t('encodings', () => [undefined, 'utf8', 'UTF-8', 'ucs2', 'UTF16LE', 'binary', 'latin1', 'base64', 'base64url', 'hex', 'ascii']
  .map((e) => new StringDecoder(e).encoding));
t('unknown', () => new StringDecoder('foo'));
t('unknown number', () => new StringDecoder(1));
t('write number', () => new StringDecoder().write(1));
t('write null', () => new StringDecoder().write(null));
t('write string', () => new StringDecoder().write('abc'));
t('end string', () => new StringDecoder().end('abc'));

// utf8: euro sign (E2 82 AC) and emoji (F0 9F 98 80) split every way.
t('euro split', () => feed('utf8', [[0xE2], [0x82], [0xAC, 0x41]]));
t('euro split 2', () => feed('utf8', [[0x41, 0xE2, 0x82], [0xAC]]));
t('emoji split', () => feed('utf8', [[0xF0, 0x9F], [0x98], [0x80]]));
t('incomplete at end', () => feed('utf8', [[0x41, 0xE2, 0x82]]));
t('lead then ascii', () => feed('utf8', [[0xE2], [0x41]]));
t('bad continuation', () => feed('utf8', [[0xE2, 0x41, 0x82]]));
t('lone continuation', () => feed('utf8', [[0x80, 0xBF, 0x41]]));
t('overlong', () => feed('utf8', [[0xC0, 0xAF], [0xE0, 0x80, 0xAF]]));
t('surrogate encoded', () => feed('utf8', [[0xED, 0xA0, 0x80]]));
t('too big', () => feed('utf8', [[0xF4, 0x90, 0x80, 0x80], [0xF5]]));
t('F0 then bad', () => feed('utf8', [[0xF0], [0x41]]));
t('typed arrays', () => {
  const d = new StringDecoder('utf8');
  return [d.write(new Uint8Array([0xE2, 0x82])), d.write(new DataView(new Uint8Array([0xAC]).buffer))];
});

// utf16le
t('utf16 odd', () => feed('utf16le', [[0x61], [0x00, 0x62], [0x00]]));
t('utf16 pair split', () => feed('utf16le', [[0x3D, 0xD8], [0x00, 0xDE]]));
t('utf16 lone high at end', () => feed('utf16le', [[0x3D, 0xD8]]));
t('utf16 high + odd byte', () => feed('utf16le', [[0x3D, 0xD8, 0x00]]));
t('utf16 odd at end', () => feed('utf16le', [[0x61, 0x00, 0x62]]));

// base64 / base64url keep groups of three bytes together.
t('base64', () => feed('base64', [[1, 2, 3, 4], [5], [6, 7]]));
t('base64 end', () => feed('base64', [[1, 2, 3, 4]]));
t('base64url', () => feed('base64url', [[0xFB, 0xFF], [0xFE, 0x01]]));
t('hex', () => feed('hex', [[1, 255], [16]]));
t('latin1', () => feed('latin1', [[0xE9, 0x41]]));
t('ascii', () => feed('ascii', [[0xE9, 0x41]]));
t('end with buffer', () => { const d = new StringDecoder('utf8'); d.write(B(0xE2)); return d.end(B(0x82, 0xAC)); });
t('reuse after end', () => { const d = new StringDecoder('utf8'); d.write(B(0xE2)); d.end(); return d.write(B(0x41)); });
t('lastChar', () => { const d = new StringDecoder('utf8'); d.write(B(0xE2, 0x82)); return [...d.lastChar.subarray(0, 2)]; });
const shown = new StringDecoder('utf8');
shown.write(B(0xE2, 0x82));
console.log(shown, new StringDecoder('base64url'));
