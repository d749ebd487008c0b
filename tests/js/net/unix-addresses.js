// A Unix socket's connection shows no addresses, as in node: remoteAddress and
// friends are undefined and address() is {}, on both ends; the server's
// address() is its path.
const net = require('net');
const path = require('path');
const os = require('os');
const p = path.join(os.tmpdir(), `coil-unix-addr-${process.pid}.sock`);
const server = net.createServer((c) => {
  console.log('server side:', c.remoteAddress, c.remoteFamily, c.remotePort, c.localAddress,
              c.localPort, JSON.stringify(c.address()));
  c.end();
});
server.listen(p, () => {
  console.log('server address is its path:', server.address() === p);
  let seen;
  const c = net.connect(p, () => {
    seen = [c.remoteAddress, c.localAddress, c.localPort, JSON.stringify(c.address())];
  });
  // Printed at the end: the two ends' callbacks come in either order.
  c.on('close', () => {
    console.log('client side:', ...seen);
    server.close();
  });
});
