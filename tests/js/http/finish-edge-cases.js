// Three edge cases around a response's end: empty writes call back in their place
// among the others; a request its handler read from and paused is not dumped when
// the response finishes; after a parse error a 'clientError' listener keeps the
// socket, and the client's end still ends the server's side.
const http = require('http');
const net = require('net');
const { Writable } = require('stream');

const order = [];
const res = new http.ServerResponse({ method: 'GET', httpVersionMajor: 1, httpVersionMinor: 1 });
res.assignSocket(new Writable({ write(c, e, cb) { cb(); } }));
for (const chunk of ['a', 'b', '', Buffer.alloc(0), 'c']) res.write(chunk, () => order.push(String(chunk) || '(empty)'));
res.end(() => {
  console.log('write callbacks', order.join(' '));
  pausedRequest();
});

function pausedRequest() {
  const server = http.createServer((req, res) => {
    req.once('data', () => {
      req.pause();
      res.end('ok');
      res.on('finish', () => console.log('finish: request dumped', req._dumped));
    });
  }).listen(0, () => {
    const r = http.request({ port: server.address().port, method: 'POST' }, (res) => {
      res.resume();
      res.on('end', () => server.close(clientErrorKeepsSocket));
    });
    r.end(Buffer.alloc(1024));
  });
}

function clientErrorKeepsSocket() {
  const server = http.createServer(() => console.log('no request expected'));
  server.on('clientError', (err, socket) => {
    console.log('clientError', err.code);
    socket.on('close', () => console.log('server socket closed'));
  });
  server.listen(0, () => {
    const client = net.connect(server.address().port, () => {
      client.on('end', () => {
        console.log('client end');
        server.close();
      });
      client.write('GET / HTTP/1.1\r\nDummy: Header\rContent-Length: 1\r\n\r\n');
      client.end();
    });
  });
}
