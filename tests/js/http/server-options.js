// The fields an http.Server shows for its options, as node 20: maxHeaderSize and
// joinDuplicateHeaders undefined unless given (the default limit still holds:
// a head past 16 KiB gets 431), highWaterMark (node 20.1+) the default or the
// one given, and then every accepted socket's and request's; a request's and
// a response's `upgrade` false when they are none.
const http = require('http');
const net = require('net');

const show = (s) => JSON.stringify({
  maxHeaderSize: s.maxHeaderSize, joinDuplicateHeaders: s.joinDuplicateHeaders,
  highWaterMark: s.highWaterMark, requireHostHeader: s.requireHostHeader,
});
console.log(`default ${show(http.createServer())}`);
console.log(`given ${show(http.createServer({ maxHeaderSize: 100, joinDuplicateHeaders: true, highWaterMark: 1024 }))}`);
console.log(`net ${net.createServer().highWaterMark} ${net.createServer({ highWaterMark: 2048 }).highWaterMark} ` +
            `${net.createServer({ highWaterMark: -1 }).highWaterMark}`);

function serve(opts) {
  return new Promise((resolve) => {
    const srv = http.createServer(opts, (req, res) => {
      console.log(`  request upgrade ${req.upgrade}, readableHighWaterMark ${req.readableHighWaterMark}, ` +
                  `socket ${req.socket.readableHighWaterMark}/${req.socket.writableHighWaterMark}`);
      res.end('x');
    });
    srv.listen(0, '127.0.0.1', () => {
      const port = srv.address().port;
      http.get({ port, host: '127.0.0.1', agent: false }, (res) => {
        console.log(`  response upgrade ${res.upgrade}`);
        res.resume();
        res.on('end', () => {
          const c = net.connect(port, '127.0.0.1');
          let out = '';
          c.on('data', (d) => { out += d; });
          c.on('close', () => {
            console.log(`  20 KiB head: ${out.split('\r\n')[0]}`);
            srv.close();
            resolve();
          });
          c.write(`GET / HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20 * 1024)}\r\n\r\n`);
        });
      });
    });
  });
}

(async () => {
  console.log('server without options');
  await serve({});
  console.log('server with highWaterMark 4096');
  await serve({ highWaterMark: 4096 });
})();
