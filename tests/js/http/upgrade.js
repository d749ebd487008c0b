// 'upgrade' hands the socket over with the bytes that followed the head; with no
// 'upgrade' listener the request is an ordinary one; CONNECT goes to 'connect'.
const http = require('http');
const { exchange, show, listen } = require('./fixtures/wire');

async function main() {
  const plain = http.createServer((req, res) => res.end(`plain upgrade=${req.upgrade}`));
  let port = await listen(plain);
  const up = 'GET /ws HTTP/1.1\r\nHost: h\r\nConnection: Upgrade\r\nUpgrade: echo\r\n\r\n';
  show('no listener', await exchange(port, up));
  plain.close();

  const server = http.createServer((req, res) => res.end('not here'));
  server.on('upgrade', (req, socket, head) => {
    console.log('upgrade', req.url, req.headers.upgrade, JSON.stringify(head.toString()));
    socket.write('HTTP/1.1 101 Switching Protocols\r\nConnection: Upgrade\r\nUpgrade: echo\r\n\r\n');
    socket.write(head);
    socket.on('data', (d) => socket.write(d));
  });
  server.on('connect', (req, socket, head) => {
    console.log('connect', req.url, JSON.stringify(head.toString()));
    socket.end('HTTP/1.1 200 Connection Established\r\n\r\ntunnel');
  });
  port = await listen(server);
  show('upgraded', await exchange(port, [`${up}early`, 50, ' later']));
  show('connect', await exchange(port, 'CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\nxyz'));
  server.close();
}
main();
