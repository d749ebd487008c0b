// crypto's lib/ files keep working after a program patches built-ins their code
// could reach (array, string, map and function methods, Object.prototype
// accessors): each area's API is used after the patches.
'use strict';
const crypto = require('crypto');

const key = crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' });
function boom() {
  throw new Error('patched built-in reached');
}
const saved = [];
for (const [proto, names] of [
  [Array.prototype, ['push', 'includes', 'join', 'map', 'slice', 'sort', 'indexOf', 'concat']],
  [String.prototype, ['slice', 'split', 'toLowerCase', 'startsWith', 'match']],
  [Map.prototype, ['get', 'set', 'has']],
  [Function.prototype, ['call', 'apply', 'bind']],
]) {
  for (const name of names) {
    saved[saved.length] = [proto, name, proto[name]];
    proto[name] = boom;
  }
}
Object.defineProperty(Object.prototype, 'get', { get: boom, configurable: true });
Object.defineProperty(Object.prototype, 'set', { get: boom, configurable: true });

const out = [];
out[out.length] = crypto.createHash('sha256').update('abc').digest('hex').substring(0, 8);
out[out.length] = crypto.createHmac('sha256', 'k').update('abc').digest('hex').substring(0, 8);
out[out.length] = crypto.hash('sha1', 'abc').substring(0, 8);
out[out.length] = crypto.pbkdf2Sync('p', 's', 1, 8, 'sha1').toString('hex');
out[out.length] = Buffer.from(crypto.hkdfSync('sha256', 'k', 's', 'i', 4)).toString('hex');
out[out.length] = crypto.scryptSync('p', 's', 4, { N: 16 }).toString('hex');
const k = Buffer.alloc(16, 1);
const c = crypto.createCipheriv('aes-128-gcm', k, Buffer.alloc(12));
const ct = Buffer.concat([c.update('text'), c.final()]);
const d = crypto.createDecipheriv('aes-128-gcm', k, Buffer.alloc(12));
d.setAuthTag(c.getAuthTag());
out[out.length] = Buffer.concat([d.update(ct), d.final()]).toString();
const sig = crypto.sign('sha256', Buffer.from('m'), key.privateKey);
out[out.length] = String(crypto.verify('sha256', Buffer.from('m'), key.publicKey, sig));
out[out.length] = key.publicKey.export({ format: 'pem', type: 'spki' }).substring(0, 10);
out[out.length] = String(crypto.createPublicKey(key.publicKey.export({ format: 'jwk' })
  && { key: key.publicKey.export({ format: 'jwk' }), format: 'jwk' }).equals(key.publicKey));
out[out.length] = String(crypto.getCiphers().length > 50 && crypto.getHashes().length > 20);
out[out.length] = String(crypto.getRandomValues(new Uint8Array(4)).length);
const e = crypto.createECDH('prime256v1');
out[out.length] = String(e.generateKeys().length);
// Restored before printing: node's own console is not under test.
delete Object.prototype.get;
delete Object.prototype.set;
for (let i = 0; i < saved.length; i++) saved[i][0][saved[i][1]] = saved[i][2];
console.log(out.join('\n'));
