// Key-wrap ciphers through createCipheriv (they emit more than a block in one
// update): RFC 3394 section 4.1 and RFC 5649 section 6 vectors, a Triple-DES
// wrap round trip, and a wrong-length input failing with an error.
'use strict';
const crypto = require('crypto');
const hex = (s) => Buffer.from(s, 'hex');

function wrap(name, key, iv, data) {
  const c = crypto.createCipheriv(name, key, iv);
  return Buffer.concat([c.update(data), c.final()]);
}
function unwrap(name, key, iv, data) {
  const d = crypto.createDecipheriv(name, key, iv);
  return Buffer.concat([d.update(data), d.final()]);
}

const kek = hex('000102030405060708090a0b0c0d0e0f');
const rfc3394 = wrap('id-aes128-wrap', kek, hex('a6a6a6a6a6a6a6a6'), hex('00112233445566778899aabbccddeeff'));
console.log('rfc3394 4.1', rfc3394.toString('hex'));
console.log('unwrapped', unwrap('id-aes128-wrap', kek, hex('a6a6a6a6a6a6a6a6'), rfc3394).toString('hex'));

const kek5649 = hex('5840df6e29b02af1ab493b705bf16ea1ae8338f4dcc176a8');
const padded = wrap('id-aes192-wrap-pad', kek5649, hex('a65959a6'), hex('c37b7e6492584340bed12207808941155068f738'));
console.log('rfc5649 20 bytes', padded.toString('hex'));
console.log('rfc5649 7 bytes', wrap('id-aes192-wrap-pad', kek5649, hex('a65959a6'), hex('466f7250617369')).toString('hex'));

const desKey = Buffer.alloc(24, 7);
const desWrapped = wrap('des3-wrap', desKey, Buffer.alloc(0), Buffer.alloc(24, 9));
console.log('3des wrap', desWrapped.length,
            unwrap('des3-wrap', desKey, Buffer.alloc(0), desWrapped).equals(Buffer.alloc(24, 9)));

try {
  wrap('id-aes128-wrap', kek, hex('a6a6a6a6a6a6a6a6'), Buffer.alloc(12));
  console.log('no error');
} catch (e) {
  console.log('12 bytes', e.name, typeof e.message);
}
