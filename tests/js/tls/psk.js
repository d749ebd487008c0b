// TLS with pre-shared keys: the client's pskCallback(hint) gives { psk, identity },
// the server's pskCallback(socket, identity) the key for that identity (or null
// to refuse); no certificates. TLSv1.2 PSK ciphers carry the server's
// pskIdentityHint; TLSv1.3 has no hint (null). The client is authorized (no
// certificate to verify) and sees an empty peer certificate. A wrong identity, a callback that
// throws or answers the wrong type, and a hint OpenSSL refuses fail the
// handshake with Node's errors; bad options throw at once.
'use strict';
const tls = require('tls');
const assert = require('assert');

const KEY = Buffer.from('d731ef57be09e5204f0b205b60627028', 'hex');
const ciphers = 'PSK-AES128-GCM-SHA256';

const cases = [
  { name: 'TLSv1.2 with hint', maxVersion: 'TLSv1.2', hint: 'use alice' },
  { name: 'TLSv1.3', maxVersion: 'TLSv1.3' },
  { name: 'unknown identity', maxVersion: 'TLSv1.2', identity: 'mallory' },
  { name: 'server callback throws', maxVersion: 'TLSv1.2', serverThrows: true },
  { name: 'server answers a string', maxVersion: 'TLSv1.2', serverAnswer: 'abc' },
  { name: 'client answers a string psk', maxVersion: 'TLSv1.2', clientAnswer: { psk: 'x', identity: 'alice' } },
  { name: 'client identity not a string', maxVersion: 'TLSv1.3', clientAnswer: { psk: KEY, identity: 5 } },
  { name: 'hint too long', maxVersion: 'TLSv1.2', hint: 'h'.repeat(512) },
];

function run(i) {
  const t = cases[i];
  if (t === undefined) return validation();
  const log = [];
  const hints = [];
  const server = tls.createServer({
    ciphers, maxVersion: t.maxVersion, pskIdentityHint: t.hint,
    pskCallback(socket, identity) {
      assert.strictEqual(this, socket);
      assert.ok(socket instanceof tls.TLSSocket);
      log.push(`server: pskCallback ${identity}`);
      if (t.serverThrows) throw new Error('server says no');
      if (t.serverAnswer !== undefined) return t.serverAnswer;
      return identity === 'alice' ? KEY : null;
    },
  }, (s) => {
    log.push(`server: secureConnection ${s.getProtocol()} ${s.getCipher().name}`);
    s.end('secret hello');
  });
  // OpenSSL's errors: the code only (Node's message has its build's file names);
  // a reset's message depends on whether the peer's FIN or RST came first.
  const text = (e) => (/^ERR_SSL_|^ECONNRESET$/.test(e.code) ? e.code : `${e.code} ${e.message}`);
  server.on('tlsClientError', (err) => log.push(`server: tlsClientError ${text(err)}`));
  server.listen(0, () => {
    const c = tls.connect({
      port: server.address().port, ciphers, maxVersion: t.maxVersion,
      // No certificate to match a name against (TLSv1.3's PSK resumes, and
      // resumptions skip the check).
      checkServerIdentity: () => undefined,
      pskCallback(hint) {
        assert.strictEqual(this, c);
        hints.push(hint);
        if (t.clientAnswer) return t.clientAnswer;
        return { psk: KEY, identity: t.identity || 'alice' };
      },
    });
    c.on('secureConnect', () => {
      log.push(`client: secureConnect ${c.authorized} ${c.authorizationError} ${c.getProtocol()}`);
      assert.deepStrictEqual(c.getPeerCertificate(), {});
    });
    c.on('data', (d) => log.push(`client: data ${d}`));
    c.on('error', (e) => log.push(`client: error ${text(e)}`));
    c.on('close', () => {
      server.close();
      setTimeout(() => {
        // The hint: the server's in TLSv1.2 (after a first call without one, for
        // TLSv1.3, which the client also offers).
        log.push(`client: hints ${[...new Set(hints)].join(',')}`);
        console.log(`${t.name}:\n  ${log.join('\n  ')}`);
        run(i + 1);
      }, 50);
    });
  });
}

function validation() {
  for (const f of [() => tls.createServer({ pskCallback: 'x' }),
                   () => tls.createServer({ pskIdentityHint: 5 }),
                   () => tls.connect({ port: 1, pskCallback: {} })]) {
    try {
      f();
    } catch (e) {
      console.log(e.code, e.message);
    }
  }
  // Falsy values are no PSK at all.
  tls.createServer({ pskCallback: null, pskIdentityHint: '' }).close();
}

run(0);
