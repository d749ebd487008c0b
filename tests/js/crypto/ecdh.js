// createECDH against RFC 5903 section 8.1 (P-256), key formats and conversion,
// round trips between two parties, and each error Node gives.
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

const i = crypto.createECDH('prime256v1');
i.setPrivateKey('c88f01f510d9ac3f70a292daa2316de544e9aab8afe84049c62a9c57862d1433', 'hex');
check('rfc5903 gi', i.getPublicKey('hex'), '04' +
      'dad0b65394221cf9b051e1feca5787d098dfe637fc90b9ef945d0c3772581180' +
      '5271a0461cdb8252d61f1c456fa3e59ab1f45b33accf5f58389e0577b8990bb3');
const r = crypto.createECDH('prime256v1');
r.setPrivateKey(Buffer.from('c6ef9c5d78ae012a011164acb397ce2088685d8f06bf9be0b283ab46476bee53', 'hex'));
const shared = 'd6840f6b42f6edafd13116e0e12565202fef8e9ece7dce03812464d04b9442de';
check('rfc5903 shared i', i.computeSecret(r.getPublicKey()).toString('hex'), shared);
check('rfc5903 shared r', r.computeSecret(i.getPublicKey('base64'), 'base64', 'hex'), shared);
check('compressed peer', r.computeSecret(i.getPublicKey(null, 'compressed')).toString('hex'), shared);
console.log('formats', i.getPublicKey(null, 'compressed').length, i.getPublicKey(null, 'hybrid')[0] >= 6,
            crypto.ECDH.convertKey(i.getPublicKey(), 'prime256v1', undefined, 'hex', 'compressed') ===
            i.getPublicKey('hex', 'compressed'));

for (const curve of ['secp256k1', 'secp384r1', 'secp521r1']) {
  const a = crypto.createECDH(curve);
  const b = crypto.createECDH(curve);
  const pa = a.generateKeys();
  b.generateKeys();
  console.log('round trip', curve, pa.length, a.computeSecret(b.getPublicKey()).equals(b.computeSecret(pa)));
}
console.log('short private key', crypto.createECDH('secp521r1').setPrivateKey(Buffer.from([1])).getPrivateKey().length);

const fresh = crypto.createECDH('prime256v1');
tryIt('public before keys', () => fresh.getPublicKey());
tryIt('private before keys', () => fresh.getPrivateKey());
tryIt('private zero', () => fresh.setPrivateKey(Buffer.alloc(32)));
tryIt('private too big', () => fresh.setPrivateKey(Buffer.alloc(32, 0xff)));
tryIt('bad peer', () => i.computeSecret(Buffer.from('04', 'hex')));
tryIt('peer type', () => i.computeSecret(5));
tryIt('bad format', () => i.getPublicKey('hex', 'nope'));
tryIt('curve type', () => crypto.createECDH(5));
tryIt('unknown curve', () => crypto.createECDH('nope'));
tryIt('NIST name', () => crypto.createECDH('P-256'));
tryIt('convert bad point', () => crypto.ECDH.convertKey(Buffer.from('0400', 'hex'), 'prime256v1'));
tryIt('convert bad curve', () => crypto.ECDH.convertKey(Buffer.from('0400', 'hex'), 'nope'));
