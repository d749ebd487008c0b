// A program's patches of built-ins (get/set accessors on Object.prototype, which
// would turn option bags into accessors, and Array.prototype.sort) do not reach
// tls: a server and a client still connect, verify and exchange data, with key
// log lines and a stapled OCSP response. (Node's own
// checkServerIdentity uses Array.prototype.push and String.prototype.split, so
// patching those would fail under node; coil's tls uses neither.)
const tls = require('tls');
const fs = require('fs');
const path = require('path');
const fx = (n) => fs.readFileSync(path.join(__dirname, 'fixtures', n));
const key = fx('server-key.pem'), cert = fx('server-cert.pem'), ca = fx('ca-cert.pem');

const boom = () => { throw new Error('patched built-in reached'); };
Array.prototype.sort = boom;
Object.defineProperty(Object.prototype, 'get', { get: boom, set: boom, configurable: true });
Object.defineProperty(Object.prototype, 'set', { get: boom, set: boom, configurable: true });

const server = tls.createServer({ key, cert, ca, ALPNProtocols: ['x'] }, (s) => {
  s.on('data', (d) => s.end(`echo ${d}`));
});
let lines = 0;
server.on('keylog', () => { lines++; });
server.on('OCSPRequest', (certificate, issuer, cb) => cb(null, Buffer.from('ocsp')));
server.listen(0, '127.0.0.1', () => {
  const c = tls.connect({ port: server.address().port, host: '127.0.0.1', ca, ALPNProtocols: ['x'],
                          requestOCSP: true }, () => {
    process.stdout.write(`secure ${c.authorized} ${c.alpnProtocol} ${lines > 0}\n`);
    c.write('hi');
  });
  c.on('OCSPResponse', (r) => process.stdout.write(`OCSPResponse ${r}\n`));
  c.on('data', (d) => process.stdout.write(`${d}\n`));
  c.on('close', () => server.close());
});
