// net.connect / net.createConnection hand socket.connect one argument: the
// normalized [options, callback] array (what a patched Socket.prototype.connect
// sees), which connect takes as it is. An http Agent's options carry noDelay.
const net = require('net');
const http = require('http');

const original = net.Socket.prototype.connect;
const seen = [];
net.Socket.prototype.connect = function(...args) {
  seen.push(args.length === 1 && Array.isArray(args[0]) ?
    `array: port ${typeof args[0][0].port}, cb ${typeof args[0][1]}, noDelay ${args[0][0].noDelay}` :
    `args ${args.length}`);
  return original.apply(this, args);
};

const server = net.createServer((s) => s.end('HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n'));
server.listen(0, '127.0.0.1', () => {
  const port = server.address().port;
  const c = net.connect(port, '127.0.0.1', () => {
    console.log('connect callback ran');
    c.end();
    const d = net.createConnection({ port, host: '127.0.0.1' });
    d.on('connect', () => {
      d.end();
      const s = new net.Socket();
      s.connect(port, '127.0.0.1', () => {
        s.end();
        http.get({ port, host: '127.0.0.1' }, (res) => {
          res.resume();
          res.on('end', () => {
            server.close();
            for (const line of seen) console.log(line);
          });
        });
      });
    });
  });
  c.resume();
});
