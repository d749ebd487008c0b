// net.connect to a name with several addresses (node 20's autoSelectFamily): a
// 'lookup' per address, then the addresses tried in turn (families alternating)
// until one connects, with 'connectionAttempt'/'connectionAttemptFailed' events;
// when all fail, an AggregateError of their errors. Every address is loopback.
const net = require('net');

const server = net.createServer((c) => c.end()).listen(0, '127.0.0.1', () => {
  const port = server.address().port;
  const three = [
    { address: '::1', family: 6 }, { address: '127.0.0.2', family: 4 },
    { address: '127.0.0.1', family: 4 }, { address: '127.0.0.1', family: 4 },
  ];
  const a = net.connect({
    port, host: 'three.custom',
    lookup: (host, options, cb) => setImmediate(() => cb(null, three)),
  });
  a.on('lookup', (...args) => console.log('lookup', args));
  a.on('connectionAttempt', (ip, p, family) => console.log('attempt', ip, p === port, family));
  a.on('connectionAttemptFailed', (ip, p, family, err) => console.log('failed', ip, family, err.code));
  a.on('connect', () => {
    console.log('connected to', a.remoteAddress, a.autoSelectFamilyAttemptedAddresses.length, 'tried');
    a.destroy();
    const b = net.connect({
      port: 1, host: 'none.custom',
      lookup: (host, options, cb) => setImmediate(() => cb(null, [three[0], three[2]])),
    });
    b.on('error', (err) => {
      console.log('all failed:', err.name, err.code, err.errors.map((e) => e.message));
      server.close();
    });
  });
});
