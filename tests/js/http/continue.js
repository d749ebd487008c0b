// Expect: 100-continue: without a 'checkContinue' listener the server answers
// "100 Continue" itself before 'request'; with one, the listener decides
// (writeContinue or a final answer); another expectation gets 417 unless
// 'checkExpectation' is listened to.
const http = require('http');
const { exchange, show, listen } = require('./fixtures/wire');

const head = (path, expect) =>
  `POST ${path} HTTP/1.1\r\nHost: h\r\nContent-Length: 4\r\nExpect: ${expect}\r\n\r\n`;

function echo(req, res) {
  let body = '';
  req.on('data', (d) => { body += d; });
  req.on('end', () => res.end(`${req.url}:${body}`));
}

async function main() {
  let server = http.createServer(echo);
  let port = await listen(server);
  show('default 100', await exchange(port, [head('/a', '100-continue'), 100, 'data']));
  show('other expectation', await exchange(port, head('/b', 'something-else')));
  server.close();

  server = http.createServer(echo);
  server.on('checkContinue', (req, res) => {
    if (req.url === '/yes') {
      res.writeContinue();
      echo(req, res);
    } else {
      res.writeHead(403, { 'Content-Length': 0 });
      res.end();
    }
  });
  server.on('checkExpectation', (req, res) => res.end(`expectation ${req.headers.expect}`));
  port = await listen(server);
  show('checkContinue yes', await exchange(port, [head('/yes', '100-Continue'), 100, 'data']));
  show('checkContinue no', await exchange(port, head('/no', '100-continue')));
  show('checkExpectation', await exchange(port, head('/c', 'x') + 'data'));
  server.close();
}
main();
