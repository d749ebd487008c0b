// resolve* and reverse against a tiny DNS server run by this test on 127.0.0.1
// (fixtures/server.js, over dgram), reached only through setServers: every
// record type, the ttl option, a truncated answer retried over TCP, and Node's
// errors for NXDOMAIN, SERVFAIL, REFUSED, an empty answer and a malformed one; an oversized
// datagram (a server ignoring the 512-byte limit) still gives every address.
const dns = require('dns');
const { start } = require('./fixtures/server.js');

start((port, seen, close) => {
  dns.setServers([`127.0.0.1:${port}`]);
  console.log('servers:', dns.getServers()[0] === `127.0.0.1:${port}`);
  const calls = [
    ['resolve4', 'a.test'],
    ['resolve4', 'a.test', { ttl: true }],
    ['resolve6', 'a.test'],
    ['resolve6', 'a.test', { ttl: true }],
    ['resolve', 'a.test'],
    ['resolve', 'mx.test', 'MX'],
    ['resolveCname', 'alias.test'],
    ['resolveMx', 'mx.test'],
    ['resolveTxt', 'txt.test'],
    ['resolveSrv', '_sip._tcp.test'],
    ['resolveNs', 'ns.test'],
    ['resolvePtr', '1.0.0.127.in-addr.arpa'],
    ['resolveSoa', 'soa.test'],
    ['resolveNaptr', 'naptr.test'],
    ['resolveCaa', 'caa.test'],
    ['resolveAny', 'any.test'],
    ['reverse', '::1'],
    ['resolve4', 'big.test'],
    ['resolve4', 'huge.test'],
    ['resolve4', 'missing.test'],
    ['resolveMx', 'missing.test'],
    ['resolve4', 'fail.test'],
    ['resolve4', 'refused.test'],
    ['resolve4', 'empty.test'],
    ['resolveTxt', 'garbage.test'],
    // Only a CNAME in the answer: each type reports it as c-ares does.
    ['resolve4', 'alias.test'],
    ['resolveMx', 'alias.test'],
    ['resolveNs', 'alias.test'],
    ['resolveSoa', 'alias.test'],
    ['resolveAny', 'alias.test'],
  ];
  let i = 0;
  function next() {
    if (i === calls.length) {
      console.log('queries for missing.test:', seen['missing.test']);
      close();
      return;
    }
    const [method, ...args] = calls[i++];
    dns[method](...args, (err, result) => {
      const label = `${method}(${args.map((a) => JSON.stringify(a)).join(', ')})`;
      if (err) {
        console.log(label, 'error:', err.message, err.code, err.syscall, err.hostname, 'errno' in err, err.errno);
      } else if (method === 'resolve4' && /^(big|huge)\.test$/.test(args[0])) {
        console.log(label, result.length, 'addresses, last', result[result.length - 1]);
      } else {
        console.log(label, JSON.stringify(result));
      }
      next();
    });
  }
  next();
});
