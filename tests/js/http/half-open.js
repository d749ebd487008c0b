// A client that sends two pipelined requests and half-closes at once: with
// server.httpAllowHalfOpen both are still answered (later), then the connection
// ends; without it, the requests are aborted.
const http = require('http');
const net = require('net');

function run(halfOpen, done) {
  const events = [];
  const server = http.createServer((req, res) => {
    req.on('aborted', () => events.push(`aborted ${req.url}`));
    setTimeout(() => res.end(`answer for ${req.url}`), 20);
  });
  server.httpAllowHalfOpen = halfOpen;
  server.listen(0, '127.0.0.1', () => {
    const c = net.connect(server.address().port, '127.0.0.1', () => {
      c.end('GET /a HTTP/1.1\r\nHost: x\r\n\r\nGET /b HTTP/1.1\r\nHost: x\r\n\r\n');
    });
    let got = '';
    c.setEncoding('utf8');
    c.on('data', (d) => { got += d; });
    c.on('close', () => {
      const answers = got.match(/answer for \/[ab]/g) || [];
      console.log(`httpAllowHalfOpen=${halfOpen}:`, JSON.stringify(answers), events.join(', '));
      server.close(done);
    });
  });
}

run(true, () => run(false, () => {}));
