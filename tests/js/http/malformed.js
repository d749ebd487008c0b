// Malformed requests and request-smuggling attempts: each gets node's default
// answer (400, or 431 for an oversized head) and the connection closes; the
// handler never sees the bad request; the server goes on serving.
// ('loose' cases differ from node in when the request is refused: node emits the
// request and then fails on its body, coil refuses the head; both close the
// connection and never serve the request hidden behind it.)
// A second server listens for 'clientError' and prints each error's code and
// reason, then answers itself.
const http = require('http');
const { exchange, show, listen } = require('./fixtures/wire');

const smuggled = 'GET /smuggled HTTP/1.1\r\nHost: h\r\n\r\n';
const P = 'POST / HTTP/1.1\r\nHost: h\r\n';
const TE = `${P}Transfer-Encoding: chunked\r\n\r\n`;
const cases = [
  ['unknown method', 'FOO / HTTP/1.1\r\nHost: h\r\n\r\n'],
  ['lower-case method', 'get / HTTP/1.1\r\nHost: h\r\n\r\n'],
  ['bare LF', 'GET / HTTP/1.1\nHost: h\n\n'],
  ['bare LF in a field', 'GET / HTTP/1.1\r\nHost: h\n\r\n'],
  ['bare CR', 'GET / HTTP/1.1\r\nHost: h\rX: y\r\n\r\n'],
  ['space before colon', 'GET / HTTP/1.1\r\nHost : h\r\n\r\n'],
  ['obs-fold', 'GET / HTTP/1.1\r\nHost: h\r\nX: a\r\n b\r\n\r\n'],
  ['control char in value', 'GET / HTTP/1.1\r\nHost: h\r\nX: a\x01b\r\n\r\n'],
  ['empty field name', 'GET / HTTP/1.1\r\nHost: h\r\n: x\r\n\r\n'],
  ['HTTP/1.2', 'GET / HTTP/1.2\r\nHost: h\r\n\r\n'],
  ['CL and TE', `${P}Content-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n`],
  ['two equal CLs', `${P}Content-Length: 3\r\nContent-Length: 3\r\n\r\nabc`],
  ['two different CLs', `${P}Content-Length: 3\r\nContent-Length: 4\r\n\r\nabcd`],
  ['CL list', `${P}Content-Length: 3, 3\r\n\r\nabc`],
  ['CL with sign', `${P}Content-Length: +3\r\n\r\nabc`],
  ['empty CL', `${P}Content-Length: \r\n\r\nabc`],
  ['TE not chunked', `${P}Transfer-Encoding: gzip\r\n\r\n${smuggled}`, 'loose'],
  ['chunked then gzip', `${P}Transfer-Encoding: chunked, gzip\r\n\r\nabc`],
  ['chunked twice', `${P}Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n`],
  ['chunk size not hex', `${TE}x\r\nabc\r\n0\r\n\r\n`],
  ['space after chunk size', `${TE}3 \r\nabc\r\n0\r\n\r\n`],
  ['chunk size overflow', `${TE}10000000000000000\r\nabc\r\n0\r\n\r\n`],
  ['bare LF after chunk size', `${TE}3\nabc\n0\n\n`],
  ['empty chunk extension', `${TE}3;\r\nabc\r\n0\r\n\r\n`],
  ['bad chunk extension name', `${TE}3;a b\r\nabc\r\n0\r\n\r\n`],
  ['chunk longer than its size', `${TE}3\r\nabcX\r\n0\r\n\r\n`],
  ['data after Connection: close', `GET / HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n${smuggled}`, 'loose'],
  ['no Host in HTTP/1.1', 'GET / HTTP/1.1\r\n\r\n'],
];

async function main() {
  const server = http.createServer((req, res) => {
    if (req.url === '/smuggled') console.log('SMUGGLED REQUEST SERVED');
    // Answered once the body is in: a bad body gets the server's 400 instead.
    req.on('error', () => {});
    req.resume();
    req.on('end', () => res.end('ok'));
  });
  const port = await listen(server);
  for (const [label, bytes, loose] of cases) {
    const reply = await exchange(port, bytes);
    if (!loose) show(label, reply);
    else console.log(`${label}: closed=${reply.closed} smuggled=${reply.text.includes('ok', reply.text.indexOf('ok') + 1)}`);
  }
  show('still serving', await exchange(port, 'GET / HTTP/1.1\r\nHost: h\r\n\r\n'));
  server.close();

  const loud = http.createServer((req, res) => res.end('ok'));
  loud.on('clientError', (err, socket) => {
    console.log(`clientError ${err.code} ${JSON.stringify(err.reason)} ${err.message}`);
    socket.end('HTTP/1.1 400 Bad Request\r\nX-Mine: 1\r\n\r\n');
  });
  const port2 = await listen(loud);
  for (const i of [0, 2, 3, 4, 5, 6, 10, 11, 15, 18, 20, 24, 25]) {
    show(cases[i][0], await exchange(port2, cases[i][1]));
  }
  loud.close();
}
main();
