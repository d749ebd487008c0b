// Resolver servers and local addresses: setServers' forms and validation, a
// resolver refusing new servers under a pending query (while the module's
// setServers swaps its default resolver and does not throw), setLocalAddress'
// checks. Queries here go to 127.0.0.1 only and are cancelled at once.
const dns = require('dns');

const r = new dns.Resolver({ timeout: 100, tries: 1 });
r.setServers(['127.0.0.1:1']);
r.resolve4('pending.test', (err) => console.log('pending query:', err.code));
try {
  r.setServers(['127.0.0.1']);
} catch (e) {
  console.log(e.name, e.code, '|', e.message);
}
r.cancel();
r.setServers(['127.0.0.1', '127.0.0.1:53', '[::1]:5353', '[127.0.0.2]']);
console.log('after cancel:', r.getServers());

dns.setServers(['127.0.0.1:1']);
dns.resolve4('pending.test', (err) => console.log('module query:', err.code));
dns.setServers(['127.0.0.1:2', '::1']);
console.log('module servers:', dns.getServers(), dns.promises.getServers());

for (const args of [['127.0.0.1'], ['::1'], ['127.0.0.1', '::1'], ['127.0.0.1', '127.0.0.1'],
  ['::1', '::1'], ['bad'], [123], ['127.0.0.1', 42], []]) {
  try {
    r.setLocalAddress(...args);
    console.log('setLocalAddress', JSON.stringify(args), 'ok');
  } catch (e) {
    console.log('setLocalAddress', JSON.stringify(args), e instanceof Error, e.code === 'ERR_INVALID_ARG_TYPE');
  }
}
// The module's first query went to 127.0.0.1:1, where nothing listens: it ends
// with ECONNREFUSED (or a timeout) on its own, on the channel it started on.

// reverse() looks in /etc/hosts first (as c-ares): 127.0.0.1 is answered from
// there, with no query (the server here refuses everything).
const hostsOnly = new dns.Resolver({ timeout: 100, tries: 1 });
hostsOnly.setServers(['127.0.0.1:1']);
hostsOnly.reverse('127.0.0.1', (err, names) => {
  console.log('reverse 127.0.0.1 from /etc/hosts:', err, Array.isArray(names));
});
