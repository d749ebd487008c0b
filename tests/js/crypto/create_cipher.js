// The deprecated crypto.createCipher / createDecipher (DEP0106): key and IV come
// from the password by EVP_BytesToKey with MD5, no salt and one round, so each
// must equal createCipheriv with the key and IV derived here by hand (D1 =
// MD5(password), Di = MD5(Di-1 + password), key then IV taken from D1 D2 ...).
// The deprecation warning comes once for both; counter modes warn too.
'use strict';
const assert = require('assert');
const crypto = require('crypto');

const warnings = [];
process.on('warning', (w) => warnings.push(`${w.name} ${w.code} ${w.message}`));

function bytesToKey(password, keyLen, ivLen) {
  const pw = Buffer.from(password);
  let out = Buffer.alloc(0);
  let prev = Buffer.alloc(0);
  while (out.length < keyLen + ivLen) {
    prev = crypto.createHash('md5').update(Buffer.concat([prev, pw])).digest();
    out = Buffer.concat([out, prev]);
  }
  return { key: out.subarray(0, keyLen), iv: out.subarray(keyLen, keyLen + ivLen) };
}

for (const [name, keyLen, ivLen] of [['aes-256-cbc', 32, 16], ['aes-128-ecb', 16, 0],
                                     ['des-ede3-cbc', 24, 8], ['aes-192-cfb', 24, 16]]) {
  const plain = 'The quick brown fox jumps over the lazy dog';
  const c = crypto.createCipher(name, 'secret password');
  const enc = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
  const { key, iv } = bytesToKey('secret password', keyLen, ivLen);
  const ref = crypto.createCipheriv(name, key, ivLen ? iv : null);
  assert.deepStrictEqual(enc, Buffer.concat([ref.update(plain, 'utf8'), ref.final()]));
  const d = crypto.createDecipher(name, Buffer.from('secret password'));
  assert.strictEqual(d.update(enc, undefined, 'utf8') + d.final('utf8'), plain);
  console.log(name, enc.toString('hex').slice(0, 32));
}

// Known answer, the same as `openssl enc -aes-256-cbc -md md5 -nosalt -k secret`.
const known = crypto.createCipher('aes-256-cbc', 'secret');
console.log(Buffer.concat([known.update('hello world'), known.final()]).toString('hex'));

const c = crypto.createCipher('aes-128-cbc', 'k');
console.log(c instanceof crypto.Cipher, c instanceof crypto.Cipheriv, c.constructor.name,
            crypto.createDecipher('aes-128-cbc', 'k').constructor.name);
// A stream, as Cipheriv.
const s = crypto.createCipher('aes-128-cbc', 'k');
const chunks = [];
s.on('data', (d) => chunks.push(d));
s.on('end', () => console.log('stream', Buffer.concat(chunks).length));
s.end('sixteen bytes!!!');

// Counter modes: a warning that the IV repeats with the password.
crypto.createCipher('aes-256-ctr', 'pw');

for (const bad of [() => crypto.createCipher('no-such-cipher', 'k'),
                   () => crypto.createCipher('aes-128-cbc', 5),
                   () => crypto.createCipher(5, 'k'),
                   () => crypto.createDecipher('aes-128-cbc', null)]) {
  try {
    bad();
  } catch (e) {
    console.log(e.code, e.name, e.message);
  }
}

setImmediate(() => console.log(warnings.join('\n')));
