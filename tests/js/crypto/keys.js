// KeyObject and asymmetric crypto: Ed25519 against RFC 8032 vectors and X25519
// against RFC 7748 (keys imported from JWK), key generation for every type, PEM /
// DER / JWK export and re-import, encrypted PKCS#8, sign/verify (PKCS#1, PSS,
// ECDSA in DER and IEEE P1363), Sign/Verify streams, RSA encryption, and each
// error Node gives.
'use strict';
const crypto = require('crypto');
const { promisify } = require('util');

function check(name, got, want) {
  console.log(name, got === want ? 'ok' : `MISMATCH ${got}`);
}
function tryIt(name, f) {
  try {
    console.log(name, f());
  } catch (e) {
    console.log(name, e.name, e.code, e.message);
  }
}
const b64u = (hex) => Buffer.from(hex, 'hex').toString('base64url');

// RFC 8032 section 7.1, tests 1 and 2.
const edCases = [
  ['9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60',
   'd75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a', '',
   'e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b'],
  ['4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb',
   '3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c', '72',
   '92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00'],
];
for (const [i, [d, x, msg, sig]] of edCases.entries()) {
  const priv = crypto.createPrivateKey({ key: { kty: 'OKP', crv: 'Ed25519', d: b64u(d), x: b64u(x) }, format: 'jwk' });
  const pub = crypto.createPublicKey(priv);
  check(`rfc8032 #${i + 1} sign`, crypto.sign(null, Buffer.from(msg, 'hex'), priv).toString('hex'), sig);
  console.log(`rfc8032 #${i + 1} verify`, crypto.verify(null, Buffer.from(msg, 'hex'), pub, Buffer.from(sig, 'hex')),
              crypto.verify(null, Buffer.from('ff', 'hex'), pub, Buffer.from(sig, 'hex')));
  check(`rfc8032 #${i + 1} public x`, pub.export({ format: 'jwk' }).x, b64u(x));
}

// RFC 7748 section 6.1.
const alice = crypto.createPrivateKey({ format: 'jwk', key: { kty: 'OKP', crv: 'X25519',
  d: b64u('77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a'),
  x: b64u('8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a') } });
const bobPublic = crypto.createPublicKey({ format: 'jwk', key: { kty: 'OKP', crv: 'X25519',
  x: b64u('de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f') } });
check('rfc7748 shared', crypto.diffieHellman({ privateKey: alice, publicKey: bobPublic }).toString('hex'),
      '4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742');

// Generation, details and export round trips.
const { publicKey, privateKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 1024 });
console.log('rsa', privateKey.type, publicKey.type, privateKey.asymmetricKeyType, privateKey.asymmetricKeyDetails,
            Object.prototype.toString.call(privateKey));
const pem = publicKey.export({ format: 'pem', type: 'spki' });
console.log('spki pem', pem.split('\n')[0], crypto.createPublicKey(pem).equals(publicKey));
const pkcs1 = privateKey.export({ format: 'der', type: 'pkcs1' });
console.log('pkcs1 der', crypto.createPrivateKey({ key: pkcs1, format: 'der', type: 'pkcs1' }).equals(privateKey));
const jwk = privateKey.export({ format: 'jwk' });
console.log('rsa jwk', Object.keys(jwk).join(), crypto.createPrivateKey({ key: jwk, format: 'jwk' }).equals(privateKey));
const enc = privateKey.export({ format: 'pem', type: 'pkcs8', cipher: 'aes-256-cbc', passphrase: 'pw' });
console.log('encrypted pem', enc.split('\n')[0],
            crypto.createPrivateKey({ key: enc, passphrase: 'pw' }).equals(privateKey));
console.log('public from private pem', crypto.createPublicKey(privateKey.export({ format: 'pem', type: 'pkcs1' }))
  .equals(publicKey));
for (const [type, options] of [['ec', { namedCurve: 'P-256' }], ['ec', { namedCurve: 'secp384r1' }],
                               ['ed25519'], ['ed448'], ['x25519'], ['x448'],
                               ['rsa-pss', { modulusLength: 1024 }]]) {
  const pair = crypto.generateKeyPairSync(type, options);
  const back = crypto.createPrivateKey(pair.privateKey.export({ format: 'der', type: 'pkcs8' }).length ?
    { key: pair.privateKey.export({ format: 'der', type: 'pkcs8' }), format: 'der', type: 'pkcs8' } : null);
  console.log('keygen', type, pair.publicKey.asymmetricKeyType, JSON.stringify(pair.publicKey.asymmetricKeyDetails,
    (k, v) => (typeof v === 'bigint' ? `${v}` : v)), back.equals(pair.privateKey));
}
const ecPair = crypto.generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
const ecJwk = ecPair.privateKey.export({ format: 'jwk' });
console.log('ec jwk', ecJwk.kty, ecJwk.crv, Buffer.from(ecJwk.x, 'base64url').length,
            crypto.createPrivateKey({ key: ecJwk, format: 'jwk' }).equals(ecPair.privateKey));
const sec1 = ecPair.privateKey.export({ format: 'pem', type: 'sec1' });
console.log('sec1', sec1.split('\n')[0], crypto.createPrivateKey(sec1).equals(ecPair.privateKey));
const encoded = crypto.generateKeyPairSync('ec', { namedCurve: 'P-256',
  publicKeyEncoding: { type: 'spki', format: 'pem' }, privateKeyEncoding: { type: 'pkcs8', format: 'der' } });
console.log('encoded pair', typeof encoded.publicKey, Buffer.isBuffer(encoded.privateKey));

// Signatures.
const data = Buffer.from('message to sign');
for (const opts of [{}, { padding: crypto.constants.RSA_PKCS1_PSS_PADDING },
                    { padding: crypto.constants.RSA_PKCS1_PSS_PADDING, saltLength: 20 }]) {
  const sig = crypto.sign('sha256', data, { key: privateKey, ...opts });
  console.log('rsa sign', JSON.stringify(opts), sig.length, crypto.verify('sha256', data, { key: publicKey, ...opts }, sig),
              crypto.verify('sha256', Buffer.from('other'), { key: publicKey, ...opts }, sig));
}
check('pkcs1 v1.5 deterministic', crypto.sign('sha256', data, privateKey).toString('hex'),
      crypto.createSign('RSA-SHA256').update('message ').update('to sign').sign(privateKey, 'hex'));
const der = crypto.sign('sha256', data, ecPair.privateKey);
const p1363 = crypto.sign('sha256', data, { key: ecPair.privateKey, dsaEncoding: 'ieee-p1363' });
console.log('ecdsa', der[0] === 0x30, p1363.length, crypto.verify('sha256', data, ecPair.publicKey, der),
            crypto.verify('sha256', data, { key: ecPair.publicKey, dsaEncoding: 'ieee-p1363' }, p1363),
            crypto.verify('sha256', data, ecPair.publicKey, p1363));
const verifier = crypto.createVerify('sha256');
verifier.write('message to ');
verifier.end('sign');
console.log('verify stream', verifier.verify(ecPair.publicKey, der));
console.log('verify with private key', crypto.verify('sha256', data, ecPair.privateKey, der));

// RSA encryption.
const secret = Buffer.from('secret');
for (const opts of [{}, { oaepHash: 'sha256' }, { oaepHash: 'sha256', oaepLabel: Buffer.from('l') },
                    { padding: crypto.constants.RSA_PKCS1_OAEP_PADDING }]) {
  const ct = crypto.publicEncrypt({ key: publicKey, ...opts }, secret);
  console.log('rsa encrypt', JSON.stringify(opts), ct.length,
              crypto.privateDecrypt({ key: privateKey, ...opts }, ct).toString());
}
tryIt('pkcs1 private decrypt', () => crypto.privateDecrypt({ key: privateKey, padding: 1 }, Buffer.alloc(128)));
console.log('private encrypt', crypto.publicDecrypt(publicKey, crypto.privateEncrypt(privateKey, secret)).toString());

const secretKey = crypto.createSecretKey(Buffer.from('abc'));
console.log('secret', secretKey.type, secretKey.symmetricKeySize, secretKey.export().toString(),
            secretKey.export({ format: 'jwk' }), Object.prototype.toString.call(secretKey));
console.log('hmac with KeyObject', crypto.createHmac('sha256', crypto.createSecretKey(Buffer.from('Jefe')))
  .update('what do ya want for nothing?').digest('hex').slice(0, 16));
const aesKey = crypto.generateKeySync('aes', { length: 256 });
console.log('generateKeySync', aesKey.symmetricKeySize, crypto.generateKeySync('hmac', { length: 123 }).symmetricKeySize);

tryIt('garbage private', () => crypto.createPrivateKey('garbage'));
tryIt('garbage public', () => crypto.createPublicKey('garbage'));
tryIt('der without type', () => crypto.createPrivateKey({ key: Buffer.alloc(3), format: 'der' }));
tryIt('bad der', () => crypto.createPrivateKey({ key: Buffer.alloc(3), format: 'der', type: 'pkcs8' }));
tryIt('no passphrase', () => crypto.createPrivateKey(enc));
tryIt('wrong passphrase', () => crypto.createPrivateKey({ key: enc, passphrase: 'nope' }));
tryIt('export bad type', () => publicKey.export({ format: 'pem', type: 'pkcs8' }));
tryIt('export no type', () => publicKey.export({ format: 'der' }));
tryIt('export pkcs1 of ec', () => ecPair.privateKey.export({ format: 'der', type: 'pkcs1' }));
tryIt('sign without key', () => crypto.sign('sha256', data));
tryIt('sign with public', () => crypto.sign('sha256', data, publicKey));
tryIt('createSign no key', () => crypto.createSign('sha256').update('x').sign());
tryIt('createSign bad digest', () => crypto.createSign('nope'));
tryIt('bad curve', () => crypto.generateKeyPairSync('ec', { namedCurve: 'nope' }));
tryIt('rsa without length', () => crypto.generateKeyPairSync('rsa', {}));
tryIt('unknown type', () => crypto.generateKeyPairSync('nope', {}));
tryIt('aes length', () => crypto.generateKeySync('aes', { length: 123 }));
tryIt('bad OAEP data', () => crypto.privateDecrypt(privateKey, Buffer.alloc(128)));
tryIt('short signature', () => crypto.verify('sha256', data, publicKey, Buffer.alloc(3)));
tryIt('bad dsaEncoding', () => crypto.sign('sha256', data, { key: ecPair.privateKey, dsaEncoding: 'x' }));
tryIt('dh key types', () => crypto.diffieHellman({ privateKey: alice, publicKey: ecPair.publicKey }));
tryIt('jwk kty', () => crypto.createPublicKey({ key: { kty: 'nope' }, format: 'jwk' }));

crypto.generateKeyPair('ed25519', (err, pub, priv) => {
  console.log('generateKeyPair', err, pub.type, priv.type);
  promisify(crypto.generateKeyPair)('x25519').then(({ publicKey: p, privateKey: q }) => {
    console.log('promisified', p.asymmetricKeyType, q.type);
    crypto.sign(null, data, priv, (e, sig) => {
      console.log('sign callback', e, sig.length);
      crypto.verify(null, data, pub, sig, (e2, ok) => console.log('verify callback', e2, ok));
    });
  });
});
