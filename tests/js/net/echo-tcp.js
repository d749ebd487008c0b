// A TCP echo over IPv4 and IPv6 loopback: listen on port 0, address(), connect,
// 'connect'/'ready'/'data'/'end'/'close' in order, peer and local addresses, byte counts.
const net = require('net');
const assert = require('assert');

function round(host, family, done) {
  const events = [];
  const server = net.createServer((sock) => {
    assert.strictEqual(sock.remoteAddress, host);
    assert.strictEqual(sock.remoteFamily, family);
    sock.on('data', (d) => sock.write(d));
    sock.on('end', () => sock.end());
  });
  server.on('listening', () => events.push('listening'));
  server.listen(0, host, () => {
    const addr = server.address();
    assert.strictEqual(addr.address, host);
    assert.strictEqual(addr.family, family);
    assert.ok(addr.port > 0);
    const c = net.connect({ port: addr.port, host });
    c.on('connect', () => events.push('connect'));
    c.on('ready', () => {
      events.push('ready');
      assert.strictEqual(c.remotePort, addr.port);
      assert.strictEqual(c.localAddress, host);
      assert.ok(c.localPort > 0);
      c.setNoDelay(true);
      c.setKeepAlive(true, 1000);
      c.write('ping ');
      c.end('pong');
    });
    let got = '';
    c.setEncoding('utf8');
    c.on('data', (d) => { got += d; });
    c.on('end', () => events.push(`end ${got}`));
    c.on('close', (hadError) => {
      events.push(`close ${hadError} read=${c.bytesRead} written=${c.bytesWritten}`);
      server.close(() => {
        console.log(family, events.join(', '));
        done();
      });
    });
  });
}

round('127.0.0.1', 'IPv4', () => round('::1', 'IPv6', () => console.log('done')));
