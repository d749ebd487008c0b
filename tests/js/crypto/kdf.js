// Key derivation against published vectors: PBKDF2-HMAC-SHA1 (RFC 6070), HKDF
// (RFC 5869), scrypt (RFC 7914); the callback forms (run on the work pool, many at
// once, results in call order of completion irrelevant) and each argument error.
'use strict';
const crypto = require('crypto');

function check(name, got, want) {
  console.log(name, got === want ? 'ok' : `MISMATCH ${got}`);
}
function tryIt(name, f) {
  try {
    const r = f();
    console.log(name, Buffer.isBuffer(r) ? r.toString('hex') : r);
  } catch (e) {
    console.log(name, e.name, e.code, e.message);
  }
}
const hex = (b) => Buffer.from(b).toString('hex');

const pbkdf2Cases = [
  ['password', 'salt', 1, 20, '0c60c80f961f0e71f3a9b524af6012062fe037a6'],
  ['password', 'salt', 2, 20, 'ea6c014dc72d6f8ccd1ed92ace1d41f0d8de8957'],
  ['password', 'salt', 4096, 20, '4b007901b765489abead49d926f721d065a429c1'],
  ['passwordPASSWORDpassword', 'saltSALTsaltSALTsaltSALTsaltSALTsalt', 4096, 25,
   '3d2eec4fe41c849b80c8d83662c0e44a8b291a964cf2f07038'],
  ['pass\0word', 'sa\0lt', 4096, 16, '56fa6aa75548099dcc37d7f03425e0c3'],
];
for (const [i, [p, s, c, len, want]] of pbkdf2Cases.entries()) {
  check(`rfc6070 #${i}`, crypto.pbkdf2Sync(p, s, c, len, 'sha1').toString('hex'), want);
}

const ikm = Buffer.alloc(22, 0x0b);
const salt13 = Buffer.from('000102030405060708090a0b0c', 'hex');
const info10 = Buffer.from('f0f1f2f3f4f5f6f7f8f9', 'hex');
check('rfc5869 #1', hex(crypto.hkdfSync('sha256', ikm, salt13, info10, 42)),
      '3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865');
check('rfc5869 #3', hex(crypto.hkdfSync('sha256', ikm, '', '', 42)),
      '8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9d201395faa4b61a96c8');
check('rfc5869 #4', hex(crypto.hkdfSync('sha1', Buffer.alloc(11, 0x0b), salt13, info10, 42)),
      '085a01ea1b10f36933068b56efa5ad81a4f14b822f5b091568a9cdd4f155fda2c22e422478d305f3f896');
console.log('hkdf result', crypto.hkdfSync('sha256', 'k', 's', 'i', 4) instanceof ArrayBuffer);

check('rfc7914 #1', crypto.scryptSync('', '', 64, { N: 16, r: 1, p: 1 }).toString('hex'),
      '77d6576238657b203b19ca42c18a0497f16b4844e3074ae8dfdffa3fede21442' +
      'fcd0069ded0948f8326a753a0fc81f17e8d3e0fb2e0d3628cf35e20c38d18906');
check('rfc7914 #2', crypto.scryptSync('password', 'NaCl', 64,
                                      { cost: 1024, blockSize: 8, parallelization: 16 }).toString('hex'),
      'fdbabe1c9d3472007856e7190d01e9fe7c6ad7cbc8237830e77376634b373162' +
      '2eaf30d92e22a3886ff109279d9830dac727afb94a83ee6d8360cbdfa2cc0640');

tryIt('pbkdf2 digest', () => crypto.pbkdf2Sync('p', 's', 1, 20, 'nope'));
tryIt('pbkdf2 iterations', () => crypto.pbkdf2Sync('p', 's', 0, 20, 'sha1'));
tryIt('pbkdf2 keylen', () => crypto.pbkdf2Sync('p', 's', 1, -1, 'sha1'));
tryIt('pbkdf2 no digest', () => crypto.pbkdf2Sync('p', 's', 1, 20));
tryIt('pbkdf2 password', () => crypto.pbkdf2Sync(1, 's', 1, 20, 'sha1'));
tryIt('pbkdf2 no callback', () => crypto.pbkdf2('p', 's', 1, 20, 'sha1'));
tryIt('pbkdf2 async digest', () => crypto.pbkdf2('p', 's', 1, 20, 'nope', () => {}));
tryIt('pbkdf2 keylen 0', () => crypto.pbkdf2Sync('p', 's', 1, 0, 'sha1'));
tryIt('scrypt N', () => crypto.scryptSync('p', 's', 16, { N: 3 }));
tryIt('scrypt memory', () => crypto.scryptSync('p', 's', 16, { N: 2 ** 20 }));
tryIt('scrypt N and cost', () => crypto.scryptSync('p', 's', 16, { N: 16, cost: 16 }));
tryIt('scrypt keylen', () => crypto.scryptSync('p', 's', -1));
tryIt('scrypt r 0 is default', () => crypto.scryptSync('p', 's', 16, { r: 0 }));
tryIt('scrypt cost type', () => crypto.scryptSync('p', 's', 16, { cost: 'x' }));
tryIt('scrypt async memory', () => crypto.scrypt('p', 's', 4, { N: 2 ** 20 }, () => {}));
tryIt('hkdf digest', () => crypto.hkdfSync('nope', 'k', 's', 'i', 10));
tryIt('hkdf too long', () => crypto.hkdfSync('sha256', 'k', 's', 'i', 255 * 32 + 1));
tryIt('hkdf info', () => crypto.hkdfSync('sha256', 'k', 's', Buffer.alloc(1025), 10));
tryIt('hkdf ikm', () => crypto.hkdfSync('sha256', 1, '', '', 10));
tryIt('hkdf empty ikm', () => hex(crypto.hkdfSync('sha256', '', 's', 'i', 10)));
tryIt('hkdf length 0', () => crypto.hkdfSync('sha256', 'k', 's', 'i', 0).byteLength);

// Callback forms: many at once, each completing with the synchronous result;
// printed in a fixed order once all have completed (their order is the pool's).
const results = {};
let pending = 0;
function expect(name) {
  pending++;
  return (line) => {
    results[name] = line;
    if (--pending === 0) for (const k of Object.keys(results).sort()) console.log(k, results[k]);
  };
}
const want = crypto.pbkdf2Sync('secret', 'salt', 1000, 32, 'sha256').toString('hex');
const pbkdf2Done = expect('pbkdf2 async x16');
let done = 0;
let bad = 0;
for (let i = 0; i < 16; i++) {
  crypto.pbkdf2('secret', 'salt', 1000, 32, 'sha256', (err, key) => {
    if (err || key.toString('hex') !== want) bad++;
    if (++done === 16) pbkdf2Done(bad === 0 ? 'ok' : `${bad} bad`);
  });
}
const scryptDone = expect('scrypt async');
crypto.scrypt('', '', 64, { N: 16, r: 1, p: 1 }, (err, key) => {
  scryptDone(`${err} ${key.toString('hex').slice(0, 16)}`);
});
const hkdfDone = expect('hkdf async');
crypto.hkdf('sha256', ikm, salt13, info10, 42, (err, key) => {
  hkdfDone(`${err} ${key instanceof ArrayBuffer} ${hex(key).slice(0, 16)}`);
});
const hkdf0Done = expect('hkdf async 0');
crypto.hkdf('sha256', 'k', 's', 'i', 0, (err, key) => hkdf0Done(`${err} ${key.byteLength}`));
console.log('sync part done');
