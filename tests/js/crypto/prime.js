// generatePrime / checkPrime: known primes and composites, add/rem constraints,
// safe primes, bigint results, the callback forms, and each argument error.
'use strict';
const crypto = require('crypto');

function tryIt(name, f) {
  try {
    console.log(name, f());
  } catch (e) {
    console.log(name, e.name, e.code, e.message);
  }
}

// Mersenne prime 2^61-1 and its neighbours; 561 is a Carmichael number.
console.log('known', crypto.checkPrimeSync(2n ** 61n - 1n), crypto.checkPrimeSync(2n ** 61n + 1n),
            crypto.checkPrimeSync(561n), crypto.checkPrimeSync(Buffer.from([2])),
            crypto.checkPrimeSync(Buffer.from([1])), crypto.checkPrimeSync(new Uint8Array([0, 97]).buffer));
const p = crypto.generatePrimeSync(64, { bigint: true });
console.log('64-bit', typeof p, p >= 2n ** 63n && p < 2n ** 64n, crypto.checkPrimeSync(p));
const ab = crypto.generatePrimeSync(48);
console.log('array buffer', ab instanceof ArrayBuffer, ab.byteLength, crypto.checkPrimeSync(ab));
const safe = crypto.generatePrimeSync(40, { safe: true, bigint: true });
console.log('safe', crypto.checkPrimeSync(safe), crypto.checkPrimeSync((safe - 1n) / 2n));
const constrained = crypto.generatePrimeSync(40, { add: 12n, rem: 11n, bigint: true });
console.log('add/rem', constrained % 12n, crypto.checkPrimeSync(constrained));
console.log('tiny', crypto.generatePrimeSync(3, { bigint: true }), crypto.generatePrimeSync(4, { add: 15n, rem: 13n, bigint: true }));

tryIt('size 0', () => crypto.generatePrimeSync(0));
tryIt('size type', () => crypto.generatePrimeSync('8'));
tryIt('safe type', () => crypto.generatePrimeSync(8, { safe: 1 }));
tryIt('bigint type', () => crypto.generatePrimeSync(8, { bigint: '' }));
tryIt('add type', () => crypto.generatePrimeSync(8, { add: 5 }));
tryIt('add negative', () => crypto.generatePrimeSync(20, { add: -1n }));
tryIt('add too big', () => crypto.generatePrimeSync(64, { add: 2n ** 64n }));
tryIt('rem >= add', () => crypto.generatePrimeSync(64, { add: 7n, rem: 7n }));
tryIt('candidate type', () => crypto.checkPrimeSync(1));
tryIt('candidate negative', () => crypto.checkPrimeSync(-1n));
tryIt('checks type', () => crypto.checkPrimeSync(2n, { checks: 'x' }));
tryIt('checks range', () => crypto.checkPrimeSync(2n, { checks: -1 }));
tryIt('no callback', () => crypto.checkPrime(2n));

crypto.generatePrime(32, { bigint: true }, (err, prime) => {
  console.log('async generate', err, typeof prime);
  crypto.checkPrime(prime, (err2, ok) => console.log('async check', err2, ok));
});
