// crypto's first part: digests and HMACs (OpenSSL's names and results), their
// errors, Hash as a stream, copy(), XOF lengths, random values and their range
// checks, timingSafeEqual.
'use strict';
const c=require('crypto');
try{c.createHash('nope')}catch(e){console.log(e.message, e.code, Object.keys(e))}
const h=c.createHash('sha256'); h.update('a'); console.log(h.digest('hex')); try{h.digest()}catch(e){console.log(e.code,e.message)}
try{h.update('x')}catch(e){console.log(e.code,e.message)}
const m=c.createHmac('sha256','k'); m.update('a'); console.log(m.digest('base64')); console.log(JSON.stringify(m.digest('hex')), m.digest());
try{c.createHash('sha256').update(1)}catch(e){console.log(e.code,e.message)}
console.log(c.getHashes().length > 40, ["md5","sha1","sha256","sha512","sha3-256","shake256","RSA-SHA256"].every((n) => c.getHashes().includes(n)));
console.log(c.createHash('shake256',{outputLength:8}).update('').digest('hex'));
const s=c.createHash('md5'); s.end('abc'); s.on('data',d=>console.log('stream',d.toString('hex')));
try{c.timingSafeEqual(Buffer.alloc(1),Buffer.alloc(2))}catch(e){console.log(e.code,e.message)}
console.log(c.timingSafeEqual(Buffer.from('ab'), Buffer.from('ab')), c.timingSafeEqual(Buffer.from('ab'), Buffer.from('ac')));
try{c.randomBytes(-1)}catch(e){console.log(e.code,e.message)}
try{c.createHmac('sha256')}catch(e){console.log(e.code,e.message)}
try{c.randomInt(5,2)}catch(e){console.log(e.code,e.message)}
try{c.randomInt(2**48)}catch(e){console.log(e.code,e.message)}
try{c.randomInt(1.5)}catch(e){console.log(e.code,e.message)}
try{c.randomUUID({disableEntropyCache:1})}catch(e){console.log(e.code,e.message)}
try{c.getRandomValues(new Float32Array(2))}catch(e){console.log(e.name, e.code,e.message)}
try{c.getRandomValues(new Uint8Array(65537))}catch(e){console.log(e.name, e.code,e.message)}
try{c.randomFillSync(Buffer.alloc(4), 5)}catch(e){console.log(e.code,e.message)}
try{c.randomFillSync(Buffer.alloc(4), 1, 4)}catch(e){console.log(e.code,e.message)}
try{c.randomBytes('1')}catch(e){console.log(e.code,e.message)}
console.log(c.createHash('sha256').digest('nope'));
try{c.createHash('sha256',{outputLength:5})}catch(e){console.log(e.code,e.message)}
try{c.timingSafeEqual('a','b')}catch(e){console.log(e.code,e.message)}
console.log(c.createHash('sha1').update('héllo','latin1').digest('base64url'), c.createHash('sha1').update('héllo').digest('latin1').length);
console.log(c.createHmac('sha256', Buffer.from('k')).update(new Uint16Array([1,2])).digest('hex'));
const h1=c.createHash('sha256'); h1.update('ab'); const h2=h1.copy(); h1.update('c'); console.log(h1.digest('hex').slice(0,8), h2.digest('hex').slice(0,8));
try{c.createHmac('nope','k')}catch(e){console.log(e.code, e.message)}
console.log(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(c.randomUUID()));
const b = c.randomBytes(32); console.log(b.length, b.some(x => x));
const r = new Set(); for (let i=0;i<2000;i++) r.add(c.randomInt(3, 7)); console.log([...r].sort());
c.randomBytes(4, (err, buf) => {
  console.log('async', err, buf.length);
  c.randomFill(new Uint32Array(2), 1, (err, a) => console.log('fill', err, a.length, a[0] === 0));
});
c.randomInt(10, (err, n) => console.log('int', err, n >= 0 && n < 10));
console.log(typeof c.createHash('sha512').update(Buffer.alloc(1e6)).digest('base64'));
console.log(c.constants.OPENSSL_VERSION_NUMBER >= 0x30000000, Object.getPrototypeOf(c.constants));
