// createCipheriv / createDecipheriv against published vectors (NIST SP 800-38A
// CBC and CTR, the GCM spec's test cases 2-4, RFC 3610 CCM, RFC 8439
// ChaCha20-Poly1305), round trips of every mode, streams, getCipherInfo, and
// each error Node gives (codes and messages).
'use strict';
const crypto = require('crypto');
const { pipeline, Readable, Writable } = require('stream');

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
const h = (s) => Buffer.from(s, 'hex');
function seal(alg, key, iv, pt, { aad, tagLength } = {}) {
  const c = crypto.createCipheriv(alg, key, iv, tagLength ? { authTagLength: tagLength } : undefined);
  if (aad) c.setAAD(aad, { plaintextLength: pt.length });
  const ct = Buffer.concat([c.update(pt), c.final()]);
  return [ct.toString('hex'), alg.match(/gcm|ccm|ocb|poly/) ? c.getAuthTag().toString('hex') : ''];
}
function open(alg, key, iv, ct, tag, { aad, tagLength } = {}) {
  const d = crypto.createDecipheriv(alg, key, iv, tagLength ? { authTagLength: tagLength } : undefined);
  if (tag) d.setAuthTag(h(tag));
  if (aad) d.setAAD(aad, { plaintextLength: ct.length / 2 });
  return Buffer.concat([d.update(h(ct)), d.final()]).toString('hex');
}

// SP 800-38A F.2.1 (CBC) and F.5.1 (CTR), first block.
const k128 = h('2b7e151628aed2a6abf7158809cf4f3c');
const block1 = h('6bc1bee22e409f96e93d7e117393172a');
const cbc = crypto.createCipheriv('aes-128-cbc', k128, h('000102030405060708090a0b0c0d0e0f'));
cbc.setAutoPadding(false);
check('cbc F.2.1', Buffer.concat([cbc.update(block1), cbc.final()]).toString('hex'),
      '7649abac8119b246cee98e9b12e9197d');
check('ctr F.5.1', seal('aes-128-ctr', k128, h('f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff'), block1)[0],
      '874d6191b620e3261bef6864990db6ce');

// GCM test cases 2, 3 and 4.
check('gcm #2', seal('aes-128-gcm', Buffer.alloc(16), Buffer.alloc(12), Buffer.alloc(16)).join(' '),
      '0388dace60b6a392f328c2b971b2fe78 ab6e47d42cec13bdf53a67b21257bddf');
const gk = h('feffe9928665731c6d6a8f9467308308');
const giv = h('cafebabefacedbaddecaf888');
const gpt = h('d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a72' +
              '1c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b391aafd255');
const gct = '42831ec2217774244b7221b784d0d49ce3aa212f2c02a4e035c17e2329aca12e' +
            '21d514b25466931c7d8f6a5aac84aa051ba30b396a0aac973d58e091473f5985';
check('gcm #3', seal('aes-128-gcm', gk, giv, gpt).join(' '), `${gct} 4d5c2af327cd64a62cf35abd2ba6fab4`);
const gaad = h('feedfacedeadbeeffeedfacedeadbeefabaddad2');
check('gcm #4', seal('aes-128-gcm', gk, giv, gpt.subarray(0, 60), { aad: gaad }).join(' '),
      `${gct.slice(0, 120)} 5bc94fbc3221a5db94fae95ae7121a47`);
check('gcm #4 open', open('aes-128-gcm', gk, giv, gct.slice(0, 120), '5bc94fbc3221a5db94fae95ae7121a47',
                          { aad: gaad }), gpt.subarray(0, 60).toString('hex'));
check('gcm short tag', seal('aes-128-gcm', gk, giv, gpt, { tagLength: 8 })[1], '4d5c2af327cd64a6');

// RFC 3610 packet vector #1 (CCM, 8-byte tag, 13-byte nonce).
const ck = h('c0c1c2c3c4c5c6c7c8c9cacbcccdcecf');
const civ = h('00000003020100a0a1a2a3a4a5');
const cpt = h('08090a0b0c0d0e0f101112131415161718191a1b1c1d1e');
const ccmOpts = { aad: h('0001020304050607'), tagLength: 8 };
check('ccm rfc3610 #1', seal('aes-128-ccm', ck, civ, cpt, ccmOpts).join(' '),
      '588c979a61c663d2f066d0c2c0f989806d5f6b61dac384 17e8d12cfdf926e0');
check('ccm open', open('aes-128-ccm', ck, civ, '588c979a61c663d2f066d0c2c0f989806d5f6b61dac384',
                       '17e8d12cfdf926e0', ccmOpts), cpt.toString('hex'));

// RFC 8439 section 2.8.2.
const sunscreen = Buffer.from('Ladies and Gentlemen of the class of \'99: If I could offer you ' +
                              'only one tip for the future, sunscreen would be it.');
const [cct, ctag] = seal('chacha20-poly1305',
                         h('808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9f'),
                         h('070000004041424344454647'), sunscreen, { aad: h('50515253c0c1c2c3c4c5c6c7') });
check('chacha20-poly1305 ct', cct.slice(0, 32), 'd31a8d34648e60db7b86afbc53ef7ec2');
check('chacha20-poly1305 tag', ctag, '1ae10b594f09e26a7e902ecbd0600691');

// Round trips: every mode, odd lengths, several updates, string encodings.
const key32 = crypto.randomBytes(32);
const text = 'The quick brown fox jumps over the lazy dog, 0123456789!';
for (const [alg, ivLen, keyLen, opts] of [
  ['aes-128-cbc', 16, 16], ['aes-192-cbc', 16, 24], ['aes-256-cbc', 16, 32], ['aes-256-ctr', 16, 32],
  ['aes-128-ecb', 0, 16], ['aes-256-gcm', 12, 32], ['aes-256-gcm', 16, 32],
  ['aes-128-ccm', 11, 16, { authTagLength: 12 }], ['aes-256-ocb', 12, 32, { authTagLength: 16 }],
  ['chacha20-poly1305', 12, 32], ['aes-128-cfb', 16, 16], ['aes-128-ofb', 16, 16],
]) {
  const key = key32.subarray(0, keyLen);
  const iv = ivLen ? crypto.randomBytes(ivLen) : null;
  const c = crypto.createCipheriv(alg, key, iv, opts);
  const ccm = alg.includes('ccm');
  const enc = ccm ? c.update(text, 'utf8', 'base64') + c.final('base64') :
    c.update(text.slice(0, 10), 'utf8', 'base64') + c.update(text.slice(10), 'utf8', 'base64') +
    c.final('base64');
  const d = crypto.createDecipheriv(alg, key, iv, opts);
  if (/gcm|ccm|ocb|poly/.test(alg)) d.setAuthTag(c.getAuthTag());
  const dec = d.update(enc, 'base64', 'utf8') + d.final('utf8');
  console.log('round trip', alg, ivLen, dec === text);
}

// Tampered data or tag: Node's one message for every authenticated mode.
for (const alg of ['aes-128-gcm', 'chacha20-poly1305', 'aes-128-ocb', 'aes-128-ccm']) {
  const key = key32.subarray(0, alg.startsWith('chacha') ? 32 : 16);
  const iv = Buffer.alloc(12, 1);
  const opts = { authTagLength: 16 };
  const c = crypto.createCipheriv(alg, key, iv, opts);
  const ct = Buffer.concat([c.update('secret message'), c.final()]);
  ct[0] ^= 1;
  tryIt(`tampered ${alg}`, () => {
    const d = crypto.createDecipheriv(alg, key, iv, opts);
    d.setAuthTag(c.getAuthTag());
    d.update(ct);
    return d.final();
  });
}

const k16 = Buffer.alloc(16);
tryIt('bad decrypt', () => {
  const d = crypto.createDecipheriv('aes-128-cbc', k16, k16);
  d.update(Buffer.alloc(16));
  return d.final();
});
tryIt('no padding, partial block', () => {
  const c = crypto.createCipheriv('aes-128-cbc', k16, k16);
  c.setAutoPadding(false);
  c.update('abc');
  return c.final();
});
tryIt('unknown cipher', () => crypto.createCipheriv('nope', k16, k16));
tryIt('cipher type', () => crypto.createCipheriv(1, k16, k16));
tryIt('key length', () => crypto.createCipheriv('aes-128-cbc', Buffer.alloc(15), k16));
tryIt('key type', () => crypto.createCipheriv('aes-128-cbc', {}, k16));
tryIt('iv length', () => crypto.createCipheriv('aes-128-cbc', k16, Buffer.alloc(3)));
tryIt('iv null needed', () => crypto.createCipheriv('aes-128-cbc', k16, null));
tryIt('iv for ecb', () => crypto.createCipheriv('aes-128-ecb', k16, k16));
tryIt('iv type', () => crypto.createCipheriv('aes-128-cbc', k16, 5));
tryIt('gcm empty iv', () => crypto.createCipheriv('aes-128-gcm', k16, Buffer.alloc(0)));
tryIt('ccm short iv', () => crypto.createCipheriv('aes-128-ccm', k16, Buffer.alloc(5), { authTagLength: 16 }));
tryIt('ccm no tag length', () => crypto.createCipheriv('aes-128-ccm', k16, Buffer.alloc(12)));
tryIt('ocb no tag length', () => crypto.createCipheriv('aes-128-ocb', k16, Buffer.alloc(12)));
tryIt('gcm tag length 7', () => crypto.createCipheriv('aes-128-gcm', k16, Buffer.alloc(12), { authTagLength: 7 }));
tryIt('poly tag length 17', () => crypto.createCipheriv('chacha20-poly1305', Buffer.alloc(32), Buffer.alloc(12),
                                                        { authTagLength: 17 }));
tryIt('tag length type', () => crypto.createCipheriv('aes-128-gcm', k16, k16, { authTagLength: 'x' }));
tryIt('getAuthTag early', () => crypto.createCipheriv('aes-128-gcm', k16, Buffer.alloc(12)).getAuthTag());
tryIt('setAuthTag on cipher', () => typeof crypto.createCipheriv('aes-128-gcm', k16, k16).setAuthTag);
tryIt('getAuthTag on decipher', () => typeof crypto.createDecipheriv('aes-128-gcm', k16, k16).getAuthTag);
tryIt('setAuthTag twice', () => {
  const d = crypto.createDecipheriv('aes-128-gcm', k16, Buffer.alloc(12));
  d.setAuthTag(Buffer.alloc(16));
  d.setAuthTag(Buffer.alloc(16));
});
tryIt('setAuthTag length', () => crypto.createDecipheriv('aes-128-gcm', k16, k16).setAuthTag(Buffer.alloc(3)));
tryIt('setAuthTag vs authTagLength', () => crypto.createDecipheriv('aes-128-gcm', k16, k16, { authTagLength: 8 })
  .setAuthTag(Buffer.alloc(16)));
tryIt('setAuthTag type', () => crypto.createDecipheriv('aes-128-gcm', k16, k16).setAuthTag(5));
tryIt('gcm without tag', () => crypto.createDecipheriv('aes-128-gcm', k16, Buffer.alloc(12)).final());
tryIt('final twice', () => {
  const c = crypto.createCipheriv('aes-128-cbc', k16, k16);
  c.final();
  return c.final();
});
tryIt('update after final', () => {
  const c = crypto.createCipheriv('aes-128-cbc', k16, k16);
  c.final();
  return c.update('a');
});
tryIt('setAutoPadding after final', () => {
  const c = crypto.createCipheriv('aes-128-cbc', k16, k16);
  c.final();
  return c.setAutoPadding(false);
});
tryIt('setAAD after update', () => {
  const c = crypto.createCipheriv('aes-128-gcm', k16, k16);
  c.update('a');
  return c.setAAD(Buffer.alloc(2));
});
tryIt('ccm AAD without length', () => crypto.createCipheriv('aes-128-ccm', k16, Buffer.alloc(12), { authTagLength: 16 })
  .setAAD(Buffer.alloc(1)));
tryIt('update type', () => crypto.createCipheriv('aes-128-cbc', k16, k16).update(1));
tryIt('update bad output encoding', () => crypto.createCipheriv('aes-128-cbc', k16, k16)
  .update(Buffer.alloc(1), 'utf8', 'nope'));
tryIt('setAutoPadding returns this', () => {
  const c = crypto.createCipheriv('aes-128-cbc', k16, k16);
  return c.setAutoPadding(false) === c;
});
tryIt('own keys', () => Object.keys(crypto.createCipheriv('aes-128-cbc', k16, k16)).join());

console.log('info gcm', crypto.getCipherInfo('aes-128-gcm'));
console.log('info alias', crypto.getCipherInfo('aes128'));
console.log('info unknown', crypto.getCipherInfo('nope'));
console.log('info iv 5', crypto.getCipherInfo('aes-128-gcm', { ivLength: 5 }));
console.log('info ccm iv 5', crypto.getCipherInfo('aes-128-ccm', { ivLength: 5 }));
console.log('info chacha', crypto.getCipherInfo('chacha20-poly1305'));

// As streams: ciphertext piped through a Decipheriv gives the text back. A fixed key
// (not random): 16 zero bytes decrypted with it end in no valid padding, where a
// random key's would by chance about once in 200 runs.
const skey = Buffer.alloc(32, 7);
const siv = Buffer.alloc(16, 9);
const chunks = [];
pipeline(Readable.from(['stream ', 'of ', 'text']), crypto.createCipheriv('aes-256-cbc', skey, siv),
         crypto.createDecipheriv('aes-256-cbc', skey, siv),
         new Writable({ write(c, e, cb) { chunks.push(c); cb(); } }), (err) => {
           console.log('stream round trip', err, Buffer.concat(chunks).toString());
           const bad = crypto.createDecipheriv('aes-256-cbc', skey, siv);
           bad.on('error', (e) => console.log('stream error', e.code));
           bad.on('data', () => {});
           bad.end(Buffer.alloc(16));
         });
