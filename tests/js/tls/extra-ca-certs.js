// NODE_EXTRA_CA_CERTS: a child started with it trusts the named CA beside the
// system's roots (a client without `ca` verifies a server that CA signed); a
// client with a `ca` of its own does not use it; a file that cannot be read gives
// node's start-up warning on stderr and is otherwise ignored.
'use strict';
const tls = require('tls');
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');
const fx = (n) => path.join(__dirname, 'fixtures', n);

if (process.argv[2] === 'client') {
  const port = Number(process.argv[3]);
  const ca = process.argv[4] === 'own-ca' ? [fs.readFileSync(fx('self-cert.pem'))] : undefined;
  const c = tls.connect({ port, host: '127.0.0.1', ca }, () => {
    console.log(`connected authorized=${c.authorized}`);
    c.end();
  });
  c.on('error', (e) => console.log(`error ${e.code}`));
  return;
}

const server = tls.createServer({ key: fs.readFileSync(fx('server-key.pem')),
                                  cert: fs.readFileSync(fx('server-cert.pem')) }, (s) => s.end());
server.listen(0, '127.0.0.1', async () => {
  const port = server.address().port;
  const run = (file, ...args) => new Promise((resolve) => {
    const { spawn } = require('child_process');
    const child = spawn(process.execPath, [__filename, 'client', port, ...args], {
      env: { ...process.env, NODE_EXTRA_CA_CERTS: file },
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => { out += d; });
    child.stderr.on('data', (d) => { err += d; });
    child.on('close', () => resolve({ out: out.trim(), err: err.trim() }));
  });
  console.log('extra CA:', (await run(fx('ca-cert.pem'))).out);
  console.log('unrelated extra file:', (await run(fx('self-cert.pem'))).out);
  console.log('own ca wins:', (await run(fx('ca-cert.pem'), 'own-ca')).out);
  const missing = await run('/nonexistent/extra.pem');
  console.log('missing file:', missing.out);
  console.log('warning:', missing.err);
  server.close();
  // Not used by a process that never makes a TLS context: the warning still comes.
  const bare = spawnSync(process.execPath, ['-e', '0'], {
    env: { ...process.env, NODE_EXTRA_CA_CERTS: '/nonexistent/extra.pem' }, encoding: 'utf8' });
  console.log('bare:', bare.stderr.trim());
});
