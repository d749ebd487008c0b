// Connecting to a port nobody listens on: ECONNREFUSED with node's error shape,
// 'error' then 'close' (hadError true); and bad ports throw ERR_SOCKET_BAD_PORT.
const net = require('net');
const assert = require('assert');

// Find a free port: listen on 0, note it, close.
const probe = net.createServer();
probe.listen(0, '127.0.0.1', () => {
  const { port } = probe.address();
  probe.close(() => {
    const c = net.connect(port, '127.0.0.1');
    const seen = [];
    c.on('connect', () => seen.push('connect'));
    c.on('error', (err) => {
      seen.push('error');
      console.log(err.message === `connect ECONNREFUSED 127.0.0.1:${port}`);
      console.log(err.code, err.errno, err.syscall, err.address, err.port === port);
    });
    c.on('close', (hadError) => {
      seen.push(`close ${hadError}`);
      console.log(seen.join(', '));
    });
  });
});

for (const bad of [-1, 65536, 'abc', NaN]) {
  try {
    net.connect({ port: bad, host: '127.0.0.1' });
  } catch (err) {
    console.log(err.code, err.name);
  }
}
console.log(net.isIP('127.0.0.1'), net.isIP('::1'), net.isIP('fe80::1%eth0'), net.isIP('1.2.3'),
  net.isIPv4('10.0.0.256'), net.isIPv6('::ffff:1.2.3.4'), net.isIP('localhost'));
