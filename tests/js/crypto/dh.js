// Classic Diffie-Hellman: the RFC 2409 / RFC 3526 MODP groups, key agreement
// checked against BigInt arithmetic, key setters, KeyObject DH, and Node's errors.
'use strict';
const crypto = require('crypto');
const assert = require('assert');

const big = (buf) => BigInt(`0x${buf.toString('hex') || '0'}`);
function modPow(b, e, m) {
  let r = 1n;
  b %= m;
  while (e > 0n) {
    if (e & 1n) r = (r * b) % m;
    b = (b * b) % m;
    e >>= 1n;
  }
  return r;
}
function code(fn) {
  try { fn(); } catch (e) { return `${e.name} ${e.code} ${e.message}`; }
  return 'no error';
}

// Every MODP prime begins with 64 one bits then the first digits of pi
// (C90FDAA2 2168C234 ...) and ends with 64 one bits (RFC 2409 section 6, RFC 3526).
const sizes = { modp1: 768, modp2: 1024, modp5: 1536, modp14: 2048, modp15: 3072,
                modp16: 4096, modp17: 6144, modp18: 8192 };
for (const [name, bits] of Object.entries(sizes)) {
  const g = crypto.getDiffieHellman(name);
  const hex = g.getPrime('hex').toUpperCase();
  assert.strictEqual(hex.length * 4, bits);
  assert.ok(hex.startsWith('FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD1'), name);
  assert.ok(hex.endsWith('FFFFFFFFFFFFFFFF'), name);
  assert.strictEqual(g.getGenerator('hex'), '02');
  assert.strictEqual(g.verifyError, 0);
  assert.strictEqual(typeof g.setPrivateKey, 'undefined');
  console.log(name, bits);
}
// The last words of the 768-bit (RFC 2409 6.1) and 2048-bit (RFC 3526 3) primes.
assert.ok(crypto.getDiffieHellman('modp1').getPrime('hex').toUpperCase()
  .endsWith('F44C42E9A63A3620FFFFFFFFFFFFFFFF'));
assert.ok(crypto.getDiffieHellman('modp14').getPrime('hex').toUpperCase()
  .endsWith('15728E5A8AACAA68FFFFFFFFFFFFFFFF'));

// Two parties agree; the public values are g^x mod p; the secret is padded to
// the prime's size.
{
  const alice = crypto.createDiffieHellmanGroup('modp5');
  const bob = crypto.createDiffieHellman(alice.getPrime(), alice.getGenerator());
  const pa = alice.generateKeys();
  const pb = bob.generateKeys('hex');
  const p = big(alice.getPrime());
  assert.strictEqual(big(pa), modPow(2n, big(alice.getPrivateKey()), p));
  const s1 = alice.computeSecret(pb, 'hex');
  const s2 = bob.computeSecret(pa, undefined, 'base64');
  assert.strictEqual(s1.toString('base64'), s2);
  assert.strictEqual(s1.length, 192);
  assert.strictEqual(big(s1), modPow(big(pa), big(bob.getPrivateKey()), p));
  console.log('agree', s1.length);
}

// Set keys: x = 5 gives g^5 = 0x20 after generateKeys; a secret that is
// small comes back zero-padded.
{
  const dh = crypto.createDiffieHellman(crypto.getDiffieHellman('modp2').getPrime(), 2);
  assert.strictEqual(dh.setPrivateKey(Buffer.from([0, 5])), dh);
  assert.strictEqual(dh.getPrivateKey('hex'), '05');
  console.log(code(() => dh.getPublicKey()));
  assert.strictEqual(dh.generateKeys('hex'), '20');
  const secret = dh.computeSecret('20', 'hex');
  assert.strictEqual(secret.length, 128);
  assert.strictEqual(secret.toString('hex'), '2000000'.padStart(256, '0'));
  dh.setPublicKey('abcd', 'hex');
  assert.strictEqual(dh.getPublicKey('hex'), 'abcd');
  console.log('setters ok');
}

// Generators in every form.
{
  const prime = crypto.getDiffieHellman('modp2').getPrime();
  for (const g of [2, 5, 0, '\x02', Buffer.from([5]), new Uint8Array([2]).buffer]) {
    console.log(crypto.createDiffieHellman(prime, g).getGenerator('hex'));
  }
  console.log(crypto.createDiffieHellman(prime.toString('base64'), 'base64', '05', 'hex')
    .getGenerator('hex'));
  console.log(crypto.DiffieHellman(prime).getGenerator('hex'));
}

// Bad input.
const prime = crypto.getDiffieHellman('modp2').getPrime();
console.log(code(() => crypto.createDiffieHellman({})));
console.log(code(() => crypto.createDiffieHellman(1.5)));
console.log(code(() => crypto.createDiffieHellman(prime, {})));
console.log(code(() => crypto.createDiffieHellman(prime, 1)));
console.log(code(() => crypto.createDiffieHellman(prime, 2 ** 31)));
console.log(code(() => crypto.createDiffieHellman(8)));
console.log(code(() => crypto.createDiffieHellman(512, Buffer.from([2]))));
console.log(code(() => crypto.createDiffieHellmanGroup('modp3')));
console.log(code(() => crypto.createDiffieHellmanGroup(14)));
assert.notStrictEqual(crypto.createDiffieHellman('02', 'hex').verifyError, 0);
{
  const dh = crypto.createDiffieHellman(prime);
  console.log(code(() => dh.getPrivateKey()));
  dh.generateKeys();
  console.log(code(() => dh.computeSecret(Buffer.from([1]))));
  console.log(code(() => dh.computeSecret(prime)));
  console.log(code(() => dh.computeSecret({})));
}

// KeyObjects: generateKeyPair('dh') and crypto.diffieHellman.
{
  const a = crypto.generateKeyPairSync('dh', { group: 'modp14' });
  const b = crypto.generateKeyPairSync('dh', { prime: crypto.getDiffieHellman('modp14').getPrime() });
  assert.strictEqual(a.privateKey.asymmetricKeyType, 'dh');
  const s1 = crypto.diffieHellman({ privateKey: a.privateKey, publicKey: b.publicKey });
  const s2 = crypto.diffieHellman({ privateKey: b.privateKey, publicKey: a.publicKey });
  assert.deepStrictEqual(s1, s2);
  console.log('keyobject', s1.length);
  console.log(code(() => crypto.generateKeyPairSync('dh', {})));
  console.log(code(() => crypto.generateKeyPairSync('dh', { group: 'modp2', prime })));
  console.log(code(() => crypto.generateKeyPairSync('dh', { group: 'nope' })));
}

// ECDH's public key setter: a point that is not the private key's own makes
// computeSecret refuse.
{
  const e1 = crypto.createECDH('prime256v1');
  const e2 = crypto.createECDH('prime256v1');
  e1.generateKeys();
  const p2 = e2.generateKeys();
  e1.setPublicKey(p2);
  assert.deepStrictEqual(e1.getPublicKey(), p2);
  console.log(code(() => e1.computeSecret(p2)));
  console.log(code(() => e1.setPublicKey(Buffer.from([4, 1, 2]))));
  console.log(String(code(() => crypto.createECDH('prime256v1').getPublicKey())));
}
