// Digests and HMACs against published vectors (FIPS 180-2/202 "abc" and empty
// messages, RFC 4231 HMAC-SHA-2), crypto.hash() one-shots and their argument
// errors, copy() and XOF lengths, Hash and Hmac as streams, and the algorithm
// lists (getHashes, getCiphers, getCurves).
'use strict';
const crypto = require('crypto');
const { pipeline, Readable } = require('stream');

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

const abc = {
  sha1: 'a9993e364706816aba3e25717850c26c9cd0d89d',
  sha224: '23097d223405d8228642a477bda255b32aadbce4bda0b3f7e36c9da7',
  sha256: 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
  sha384: 'cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed' +
          '8086072ba1e7cc2358baeca134c825a7',
  sha512: 'ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a' +
          '2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f',
  'sha3-256': '3a985da74fe225b2045c172d6bd390bd855f086e3e9d525b46bfe24511431532',
};
for (const [alg, want] of Object.entries(abc)) {
  check(`${alg}(abc)`, crypto.createHash(alg).update('abc').digest('hex'), want);
  check(`hash ${alg}(abc)`, crypto.hash(alg, 'abc'), want);
}
check('sha3-512()', crypto.createHash('sha3-512').digest('hex'),
      'a69f73cca23a9ac5c8b567dc185a756e97c982164fe25859e0d1dcc1475c80a6' +
      '15b2123af1f5f94c11e3e9402c3ac558f500199d95b6d3e301758586281dcd26');
check('shake128(), 32', crypto.createHash('shake128', { outputLength: 32 }).digest('hex'),
      '7f9c2ba4e88f827d616045507605853ed73b8093f6efbc88eb1a6eacfa66ef26');
check('shake256(), 64', crypto.createHash('shake256', { outputLength: 64 }).digest('hex'),
      '46b9dd2b0ba88d13233b3feb743eeb243fcd52ea62b81b82b50c27646ed5762f' +
      'd75dc4ddd8c0f200cb05019d67b592f6fc821c49479ab48640292eacb3b7c4be');
// copy() with its own XOF length continues the same state.
const shake = crypto.createHash('shake128', { outputLength: 32 });
check('shake copy 16', shake.copy({ outputLength: 16 }).digest('hex'),
      '7f9c2ba4e88f827d616045507605853e');
check('shake own 32', shake.digest('hex').length, 64);

// RFC 4231 test cases 1, 2 and 6.
const hmacCases = [
  [Buffer.alloc(20, 0x0b), 'Hi There', 'sha256',
   'b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7'],
  [Buffer.alloc(20, 0x0b), 'Hi There', 'sha512',
   '87aa7cdea5ef619d4ff0b4241a1d6cb02379f4e2ce4ec2787ad0b30545e17cde' +
   'daa833b7d6b8a702038b274eaea3f4e4be9d914eeb61f1702e696c203a126854'],
  ['Jefe', 'what do ya want for nothing?', 'sha256',
   '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843'],
  [Buffer.alloc(131, 0xaa), 'Test Using Larger Than Block-Size Key - Hash Key First', 'sha256',
   '60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54'],
];
for (const [i, [key, data, alg, want]] of hmacCases.entries()) {
  check(`rfc4231 #${i} ${alg}`, crypto.createHmac(alg, key).update(data).digest('hex'), want);
}

// An empty key (OpenSSL refuses one; HMAC pads it as zeros).
check('hmac empty key', crypto.createHmac('md5', '').update('').digest('hex'),
      '74e6f7298a9c2d168935f58c001bad88');

// crypto.hash's encodings and errors.
check('hash base64', crypto.hash('sha256', 'abc', 'base64'),
      Buffer.from(abc.sha256, 'hex').toString('base64'));
check('hash buffer', crypto.hash('sha1', Buffer.from('abc'), 'buffer').toString('hex'), abc.sha1);
tryIt('hash alg type', () => crypto.hash(1, 'x'));
tryIt('hash input type', () => crypto.hash('sha256', 1));
tryIt('hash bad encoding', () => crypto.hash('sha256', 'x', 'nope'));
tryIt('hash encoding type', () => crypto.hash('sha256', 'x', 1));
tryIt('hash unknown', () => crypto.hash('nope', 'x'));

// The lists: sorted, no case duplicates, and the names programs look for.
const ciphers = crypto.getCiphers();
const curves = crypto.getCurves();
console.log('ciphers sorted', ciphers.join() === [...ciphers].sort().join(),
            ['aes-128-cbc', 'aes-256-gcm', 'aes-128-ccm', 'aes-128-ocb', 'chacha20-poly1305',
             'aes-256-ctr', 'id-aes128-GCM'].every((n) => ciphers.includes(n)),
            ciphers.includes('AES-128-CBC'));
console.log('curves', ['prime256v1', 'secp384r1', 'secp521r1', 'secp256k1'].every((n) => curves.includes(n)),
            curves.join() === [...curves].sort().join());
console.log('lists are copies', crypto.getCiphers() !== ciphers, crypto.getHashes() !== crypto.getHashes());

// Hash and Hmac as streams: piped input, the digest as the readable side.
pipeline(Readable.from(['a', 'b', 'c']), crypto.createHash('sha256'), async function(source) {
  for await (const chunk of source) check('stream sha256', chunk.toString('hex'), abc.sha256);
}, (err) => {
  console.log('pipeline done', err);
  const h = crypto.createHmac('sha256', 'Jefe');
  h.setEncoding('hex');
  h.on('data', (d) => check('hmac stream', d, hmacCases[2][3]));
  h.write('what do ya want ');
  h.end('for nothing?');
});
