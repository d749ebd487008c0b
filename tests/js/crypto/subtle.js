// Web Crypto's SubtleCrypto against published vectors: FIPS 180 SHA-256,
// RFC 4231 HMAC, RFC 5869 HKDF, RFC 6070 PBKDF2, SP 800-38A AES-CBC/CTR, the GCM
// specification's test case 3, RFC 3394 AES key wrap, RFC 7748 X25519, RFC 8032
// Ed25519; then key round trips, CryptoKey's shape and DOMException errors.
'use strict';
const assert = require('assert');
const { subtle } = globalThis.crypto;
const hex = (s) => Buffer.from(s, 'hex');
const out = (ab) => Buffer.from(ab).toString('hex');

async function rejects(name, promise) {
  try {
    await promise;
    console.log(name, 'no error');
  } catch (e) {
    console.log(name, e.name, e.code, e.message);
  }
}

(async () => {
  assert.strictEqual(require('crypto').subtle, subtle);
  assert.strictEqual(require('crypto').webcrypto.subtle, subtle);
  console.log(Object.prototype.toString.call(subtle), typeof CryptoKey, typeof SubtleCrypto);

  console.log('sha256', out(await subtle.digest('SHA-256', Buffer.from('abc'))));
  console.log('sha1 view', out(await subtle.digest({ name: 'sha-1' }, new DataView(new Uint8Array([0, 97, 98, 99, 0]).buffer, 1, 3))));

  const hmacKey = await subtle.importKey('raw', Buffer.from('Jefe'), { name: 'HMAC', hash: 'SHA-256' },
                                         true, ['sign', 'verify']);
  const mac = await subtle.sign('HMAC', hmacKey, Buffer.from('what do ya want for nothing?'));
  console.log('hmac rfc4231 2', out(mac));
  console.log('hmac verify', await subtle.verify('HMAC', hmacKey, mac, Buffer.from('what do ya want for nothing?')));
  console.log('hmac key', hmacKey.algorithm, hmacKey.usages, hmacKey.type, hmacKey.extractable);

  const ikm = await subtle.importKey('raw', Buffer.alloc(22, 0x0b), 'HKDF', false, ['deriveBits']);
  console.log('hkdf rfc5869 1', out(await subtle.deriveBits({
    name: 'HKDF', hash: 'SHA-256', salt: hex('000102030405060708090a0b0c'), info: hex('f0f1f2f3f4f5f6f7f8f9'),
  }, ikm, 42 * 8)));

  const pw = await subtle.importKey('raw', Buffer.from('password'), 'PBKDF2', false, ['deriveBits', 'deriveKey']);
  console.log('pbkdf2 rfc6070 1', out(await subtle.deriveBits({
    name: 'PBKDF2', hash: 'SHA-1', salt: Buffer.from('salt'), iterations: 1,
  }, pw, 160)));

  const aes128 = hex('2b7e151628aed2a6abf7158809cf4f3c');
  const block = hex('6bc1bee22e409f96e93d7e117393172a');
  const cbcKey = await subtle.importKey('raw', aes128, 'AES-CBC', false, ['encrypt', 'decrypt']);
  const cbc = await subtle.encrypt({ name: 'AES-CBC', iv: hex('000102030405060708090a0b0c0d0e0f') }, cbcKey, block);
  console.log('cbc sp800-38a', out(cbc).slice(0, 32), cbc.byteLength);
  console.log('cbc back', out(await subtle.decrypt({ name: 'AES-CBC', iv: hex('000102030405060708090a0b0c0d0e0f') }, cbcKey, cbc)));

  const ctrKey = await subtle.importKey('raw', aes128, 'AES-CTR', false, ['encrypt']);
  console.log('ctr sp800-38a', out(await subtle.encrypt({
    name: 'AES-CTR', counter: hex('f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff'), length: 64,
  }, ctrKey, block)));
  // With an 8-bit counter at ff, the second block's counter wraps to 00.
  const wrapA = await subtle.encrypt({ name: 'AES-CTR', counter: hex('000000000000000000000000000000ff'), length: 8 },
                                     ctrKey, Buffer.alloc(32));
  const wrapB = await subtle.encrypt({ name: 'AES-CTR', counter: hex('00000000000000000000000000000000'), length: 8 },
                                     ctrKey, Buffer.alloc(16));
  console.log('ctr wrap', out(wrapA).slice(32) === out(wrapB));

  const gcmKey = await subtle.importKey('raw', hex('feffe9928665731c6d6a8f9467308308'), 'AES-GCM', true,
                                        ['encrypt', 'decrypt']);
  const gcmPlain = hex('d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a72' +
                       '1c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b391aafd255');
  const gcm = await subtle.encrypt({ name: 'AES-GCM', iv: hex('cafebabefacedbaddecaf888') }, gcmKey, gcmPlain);
  console.log('gcm tc3', out(gcm));
  const tampered = Buffer.from(gcm);
  tampered[0] ^= 1;
  await rejects('gcm tampered', subtle.decrypt({ name: 'AES-GCM', iv: hex('cafebabefacedbaddecaf888') }, gcmKey, tampered));
  console.log('gcm jwk', await subtle.exportKey('jwk', gcmKey));

  const kek = await subtle.importKey('raw', hex('000102030405060708090a0b0c0d0e0f'), 'AES-KW', false,
                                     ['wrapKey', 'unwrapKey']);
  const toWrap = await subtle.importKey('raw', hex('00112233445566778899aabbccddeeff'), 'AES-GCM', true, ['encrypt']);
  console.log('aes-kw rfc3394 4.1', out(await subtle.wrapKey('raw', toWrap, kek, 'AES-KW')));
  const wrappedJwk = await subtle.wrapKey('jwk', toWrap, kek, 'AES-KW');
  const unwrapped = await subtle.unwrapKey('jwk', wrappedJwk, kek, 'AES-KW', 'AES-GCM', true, ['encrypt']);
  console.log('unwrapped', out(await subtle.exportKey('raw', unwrapped)), unwrapped.algorithm);

  const alice = await subtle.importKey('jwk', {
    kty: 'OKP', crv: 'X25519',
    d: hex('77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a').toString('base64url'),
    x: hex('8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a').toString('base64url'),
  }, 'X25519', false, ['deriveBits']);
  const bobPublic = await subtle.importKey('raw', hex('de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f'),
                                           'X25519', true, []);
  console.log('x25519 rfc7748', out(await subtle.deriveBits({ name: 'X25519', public: bobPublic }, alice, 256)));

  const edPublic = await subtle.importKey('raw', hex('d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a'),
                                          'Ed25519', true, ['verify']);
  const edSig = hex('e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bac' +
                    'c61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b');
  console.log('ed25519 rfc8032 1', await subtle.verify('Ed25519', edPublic, edSig, Buffer.alloc(0)),
              await subtle.verify('Ed25519', edPublic, edSig, Buffer.from('x')));

  // ECDSA and ECDH pairs: generated, exported, imported back.
  const ecdsa = await subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify']);
  console.log('ecdsa pair', ecdsa.publicKey.usages, ecdsa.privateKey.usages, ecdsa.privateKey.algorithm);
  const sig = await subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, ecdsa.privateKey, Buffer.from('m'));
  console.log('ecdsa sig', sig.byteLength);
  const spki = await subtle.exportKey('spki', ecdsa.publicKey);
  const back = await subtle.importKey('spki', spki, { name: 'ECDSA', namedCurve: 'P-256' }, true, ['verify']);
  console.log('ecdsa verify', await subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, back, sig, Buffer.from('m')));
  const raw = await subtle.exportKey('raw', ecdsa.publicKey);
  console.log('ec raw', raw.byteLength, Buffer.from(raw)[0]);
  const e1 = await subtle.generateKey({ name: 'ECDH', namedCurve: 'P-384' }, false, ['deriveKey']);
  const e2 = await subtle.generateKey({ name: 'ECDH', namedCurve: 'P-384' }, false, ['deriveBits']);
  const k1 = await subtle.deriveKey({ name: 'ECDH', public: e2.publicKey }, e1.privateKey,
                                    { name: 'HMAC', hash: 'SHA-256', length: 256 }, true, ['sign']);
  const bits = await subtle.deriveBits({ name: 'ECDH', public: e1.publicKey }, e2.privateKey, 256);
  console.log('ecdh agree', out(await subtle.exportKey('raw', k1)) === out(bits));

  // KeyObject.from: the KeyObject under a CryptoKey.
  const { KeyObject } = require('crypto');
  const ko = KeyObject.from(gcmKey);
  console.log('KeyObject.from', ko instanceof KeyObject, ko.type, ko.export().toString('hex'));
  try {
    KeyObject.from({});
  } catch (e) {
    console.log('KeyObject.from({})', e.name, e.code);
  }

  // Errors.
  await rejects('digest md5', subtle.digest('MD5', Buffer.alloc(1)));
  await rejects('digest data', subtle.digest('SHA-256', 'abc'));
  await rejects('digest args', subtle.digest('SHA-256'));
  await rejects('cbc iv', subtle.encrypt({ name: 'AES-CBC', iv: Buffer.alloc(8) }, cbcKey, block));
  await rejects('gcm tag', subtle.encrypt({ name: 'AES-GCM', iv: Buffer.alloc(12), tagLength: 12 }, gcmKey, block));
  await rejects('gcm no iv', subtle.encrypt({ name: 'AES-GCM' }, gcmKey, block));
  await rejects('wrong usage', subtle.encrypt({ name: 'AES-CTR', counter: Buffer.alloc(16), length: 8 }, cbcKey, block));
  await rejects('sign usage', subtle.sign('HMAC', ecdsa.publicKey, block));
  await rejects('not extractable', subtle.exportKey('raw', cbcKey));
  await rejects('key length', subtle.importKey('raw', Buffer.alloc(5), 'AES-GCM', true, ['encrypt']));
  await rejects('bad usage', subtle.importKey('raw', Buffer.alloc(16), 'AES-GCM', true, ['sign']));
  await rejects('no usages', subtle.importKey('raw', Buffer.alloc(16), 'AES-GCM', true, []));
  await rejects('format', subtle.importKey('foo', Buffer.alloc(16), 'AES-GCM', true, ['encrypt']));
  await rejects('hkdf length', subtle.deriveBits({ name: 'HKDF', hash: 'SHA-256', salt: Buffer.alloc(0),
                                                   info: Buffer.alloc(0) }, ikm, 12));
  await rejects('not a key', subtle.encrypt({ name: 'AES-GCM', iv: Buffer.alloc(12) }, {}, block));
  try {
    new CryptoKey();
  } catch (e) {
    console.log('new CryptoKey', e.name, e.code);
  }
})();
