// dns.Resolver instances: their own servers, timeout and tries (a server that
// never answers gives ETIMEOUT after `tries` queries), cancel() (ECANCELLED), a
// port where nothing listens (ECONNREFUSED), and the promise Resolver. The DNS
// server is this test's own, on 127.0.0.1 (fixtures/server.js).
const dns = require('dns');
const dgram = require('dgram');
const { start } = require('./fixtures/server.js');

function errLine(label, err) {
  console.log(label, err.message, err.code, err.syscall, err.hostname);
}

start(async (port, seen, close) => {
  const slow = new dns.Resolver({ timeout: 50, tries: 3 });
  slow.setServers([`127.0.0.1:${port}`]);
  await new Promise((resolve) => slow.resolve4('silent.test', (err) => {
    errLine('silent, 3 tries:', err);
    console.log('queries sent:', seen['silent.test']);
    resolve();
  }));

  const other = new dns.Resolver({ timeout: 100, tries: 1 });
  console.log('a new resolver has the system servers:', JSON.stringify(other.getServers()) ===
    JSON.stringify(new dns.Resolver().getServers()));
  other.setServers([`127.0.0.1:${port}`]);
  await new Promise((resolve) => {
    other.resolveTxt('silent.test', (err) => {
      errLine('cancelled:', err);
      resolve();
    });
    other.cancel();
  });

  // A port nothing listens on: bound, noted, closed.
  const tmp = dgram.createSocket('udp4');
  await new Promise((resolve) => tmp.bind(0, '127.0.0.1', resolve));
  const deadPort = tmp.address().port;
  await new Promise((resolve) => tmp.close(resolve));
  const refused = new dns.Resolver({ timeout: 200, tries: 1 });
  refused.setServers([`127.0.0.1:${deadPort}`]);
  await new Promise((resolve) => refused.resolve4('a.test', (err) => {
    errLine('nothing listening:', err);
    resolve();
  }));

  // The dead server first, then the live one: the next server answers.
  const two = new dns.Resolver({ timeout: 200, tries: 1 });
  two.setServers([`127.0.0.1:${deadPort}`, `127.0.0.1:${port}`]);
  await new Promise((resolve) => two.resolve4('a.test', (err, addrs) => {
    console.log('second server answers:', err, addrs);
    resolve();
  }));

  const p = new dns.promises.Resolver({ timeout: 200, tries: 1 });
  p.setServers([`127.0.0.1:${port}`]);
  console.log('promise resolveMx:', await p.resolveMx('mx.test'));
  console.log('promise reverse:', await p.reverse('::1'));
  try {
    await p.resolveSrv('missing.test');
  } catch (e) {
    errLine('promise NXDOMAIN:', e);
  }
  close();
});
