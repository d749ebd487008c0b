// A server socket's reads go to the HTTP parser; a 'data' listener of the user's
// on the socket (added on 'connection') still sees every byte, and requests on
// sockets with and without one are all served, one read at a time or pipelined.
const http = require('http');
const net = require('net');
let seen = 0;
const srv = http.createServer((req, res) => {
  console.log('request', req.url);
  res.end(req.url);
});
let connections = 0;
srv.on('connection', (socket) => {
  if (connections++ === 1) socket.on('data', (d) => { seen += d.length; });
});
function send(port, first, second, done) {
  const c = net.connect(port, '127.0.0.1', () => c.write(first));
  let out = '';
  c.setEncoding('latin1');
  c.on('data', (d) => {
    out += d;
    if (second !== null && out.includes('\r\n\r\n')) {
      c.end(second);
      second = null;
    }
  });
  c.on('close', () => {
    console.log('responses', out.split('HTTP/1.1 200 OK').length - 1);
    done(Buffer.byteLength(first));
  });
}
const last = 'GET /last HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n';
srv.listen(0, '127.0.0.1', () => {
  const port = srv.address().port;
  send(port, 'GET /first HTTP/1.1\r\nHost: x\r\n\r\n', last, () => {
    send(port, 'GET /a HTTP/1.1\r\nHost: x\r\n\r\n', last, (bytes) => {
      console.log('listener saw all bytes', seen === bytes + Buffer.byteLength(last));
      const pipelined = 'GET /p1 HTTP/1.1\r\nHost: x\r\n\r\nGET /p2 HTTP/1.1\r\nHost: x\r\n\r\n';
      send(port, pipelined, last, () => srv.close());
    });
  });
});
