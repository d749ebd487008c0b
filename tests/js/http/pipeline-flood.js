// A client that pipelines many requests while the first answer is slow: the
// answers behind it queue, and once they pass the socket's high-water mark the
// server stops reading requests (it does not buffer without bound); when the
// first answer comes, everything is answered in request order.
const http = require('http');
const net = require('net');

const body = Buffer.alloc(64 * 1024, 'b');
const count = 300;
let served = 0;
let releaseFirst;
const server = http.createServer((req, res) => {
  served++;
  if (req.url === '/0') releaseFirst = () => res.end('first');
  else res.end(body);
});
server.listen(0, '127.0.0.1', () => {
  const sock = net.connect(server.address().port, '127.0.0.1');
  let sent = 0;
  (function more() {
    if (sent === count) return;
    sock.write(`GET /${sent++} HTTP/1.1\r\nHost: h\r\n\r\n`);
    setImmediate(more);
  })();
  setTimeout(() => {
    console.log('requests taken while the first answer waits, fewer than all:', served < count);
    let text = '';
    sock.setEncoding('latin1');
    sock.on('data', (d) => {
      text += d;
      if (text.length >= (count - 1) * body.length + 5) {
        console.log('first answer first:', text.indexOf('first') < text.indexOf('bbbb'));
        console.log('all served:', served === count);
        sock.destroy();
        server.close();
      }
    });
    releaseFirst();
  }, 500);
});
