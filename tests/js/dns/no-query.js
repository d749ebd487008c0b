// Queries that are answered without sending anything: a name under .onion
// (ENOTFOUND, RFC 7686), a resolver with no servers (ECONNREFUSED), a name that
// is no DNS name (a label over 63 bytes); and setServers' handling of holes.
const dns = require('dns');

const servers = [];
servers[0] = '127.0.0.1';
servers[2] = '127.0.0.2';
dns.setServers(servers);
console.log('holes skipped:', dns.getServers());

const r = new dns.Resolver();
r.setServers(['127.0.0.1:1']);
let sync = true;
r.resolveMx('foo.onion', (err) => {
  console.log('onion:', err.message, err.code, err.syscall, err.hostname, 'async:', !sync);
  const none = new dns.Resolver();
  none.setServers([]);
  console.log('no servers:', none.getServers());
  none.resolve4('a.test', (err) => {
    console.log('no servers:', err.code, err.syscall);
  });
});
sync = false;

try {
  dns.promises.lookupService('0.0.0.0');
} catch (e) {
  console.log(e.code, e.message);
}

// Names c-ares will not send: an empty label, a space, a label over 63 bytes.
for (const name of ['a..b', 'a b.test', `${'x'.repeat(64)}.test`]) {
  r.resolveTxt(name, (err) => console.log('bad name:', name.length, err.code, err.syscall));
}
