// A client that ends its side in the middle of a request body, as node 20
// answers: the parser's error (HPE_INVALID_EOF_STATE) reaches the socket's
// 'error' listeners (the socket is destroyed with it, after the 400 is out),
// then the request is aborted at the close and only then errors with ECONNRESET.
const http = require('http');
const net = require('net');

const log = [];
const server = http.createServer((req, res) => {
  log.push(`request ${req.url}`);
  req.on('data', (d) => log.push(`req data ${d.length}`));
  req.on('aborted', () => log.push('req aborted'));
  req.on('error', (e) => log.push(`req error ${e.code}`));
  req.on('close', () => log.push('req close'));
  res.on('close', () => log.push('res close'));
});
server.on('connection', (s) => {
  s.on('end', () => log.push('socket end'));
  s.on('error', (e) => log.push(`socket error ${e.code}`));
  s.on('close', (hadError) => log.push(`socket close hadError=${hadError}`));
});
server.listen(0, '127.0.0.1', () => {
  const c = net.connect(server.address().port, '127.0.0.1', () => {
    c.end('POST /up HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\nabc');
  });
  let got = '';
  c.on('data', (d) => { got += d; });
  c.on('close', () => setTimeout(() => {
    console.log(log.join('\n'));
    console.log(`client got: ${got.split('\r\n')[0] || '(nothing)'}`);
    server.close();
  }, 20));
});
