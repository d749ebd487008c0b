// req.shouldKeepAlive follows what the response says about its connection:
// HTTP/1.0 without keep-alive and `Connection: close` turn it off.
const http = require('http');
const net = require('net');

const responses = [
  'HTTP/1.0 200 ok\r\nContent-Length: 0\r\n\r\n',
  'HTTP/1.0 200 ok\r\nContent-Length: 0\r\nConnection: keep-alive\r\n\r\n',
  'HTTP/1.0 200 ok\r\nContent-Length: 0\r\nConnection: close\r\n\r\n',
  'HTTP/1.1 200 ok\r\nContent-Length: 0\r\n\r\n',
  'HTTP/1.1 200 ok\r\nContent-Length: 0\r\nConnection: keep-alive\r\n\r\n',
  'HTTP/1.1 200 ok\r\nContent-Length: 0\r\nConnection: close\r\n\r\n',
];
const agent = new http.Agent({ maxSockets: 5 });
let i = 0;
const server = net.createServer((socket) => {
  socket.end(responses[i]);
});
server.listen(0, '127.0.0.1', function next() {
  if (i === responses.length) {
    agent.destroy();
    return server.close();
  }
  const req = http.get({ port: server.address().port, host: '127.0.0.1', agent }, (res) => {
    console.log(i, JSON.stringify(responses[i].split('\r\n').slice(0, 3).join('|')), 'before', before, 'after', req.shouldKeepAlive);
    res.resume();
    res.on('end', () => { i++; setImmediate(next); });
  });
  const before = req.shouldKeepAlive;
});
