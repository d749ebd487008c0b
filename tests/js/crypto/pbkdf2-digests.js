// pbkdf2 over every SHA-1/SHA-2 digest (coil's fast path) and others (OpenSSL's),
// names in any case, long passwords (hashed first), empty inputs, keys longer
// than one block, sync and async: the bytes node gives.
'use strict';
const crypto = require('crypto');
const digests = ['sha1', 'SHA256', 'sha224', 'sha384', 'sha512', 'sha512-256', 'md5', 'RSA-SHA256', 'sha3-256'];
const inputs = [
  ['password', 'salt', 1, 20],
  ['passwordPASSWORDpassword', 'saltSALTsaltSALTsaltSALTsaltSALTsalt', 4096, 75],
  ['', '', 3, 0],
  [Buffer.alloc(200, 7), 'x', 2, 130],
];
for (const d of digests) {
  for (const [p, s, i, k] of inputs) console.log(d, i, k, crypto.pbkdf2Sync(p, s, i, k, d).toString('hex'));
}
crypto.pbkdf2('p', 's', 1000, 32, 'sha256', (err, key) => console.log('async', err, key.toString('hex')));
crypto.pbkdf2('p', 's', 1000, 64, 'sha512', (err, key) => console.log('async', err, key.toString('hex')));
