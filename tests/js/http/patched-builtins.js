// http's own code does not go through built-ins a user replaced: a request with a
// chunked body, headers read and set, and a keep-alive second request work with
// Array.prototype.push/shift, String.prototype.toLowerCase/split,
// RegExp.prototype.exec/test and Object.prototype get/set accessors patched to
// throw (patched after the test's own client code has run its setup).
// coil-only: node's http goes through Array.prototype.push when it parses.
const http = require('http');
const net = require('net');

const boom = () => { throw new Error('patched built-in reached'); };
const saved = {
  push: Array.prototype.push, shift: Array.prototype.shift, lower: String.prototype.toLowerCase,
  split: String.prototype.split, exec: RegExp.prototype.exec, test: RegExp.prototype.test,
};
function patch() {
  Array.prototype.push = boom;
  Array.prototype.shift = boom;
  String.prototype.toLowerCase = boom;
  String.prototype.split = boom;
  RegExp.prototype.exec = boom;
  RegExp.prototype.test = boom;
  Object.defineProperty(Object.prototype, 'get', { get: boom, configurable: true });
  Object.defineProperty(Object.prototype, 'set', { get: boom, configurable: true });
}
function unpatch() {
  Array.prototype.push = saved.push;
  Array.prototype.shift = saved.shift;
  String.prototype.toLowerCase = saved.lower;
  String.prototype.split = saved.split;
  RegExp.prototype.exec = saved.exec;
  RegExp.prototype.test = saved.test;
  delete Object.prototype.get;
  delete Object.prototype.set;
}

const seen = [];
const server = http.createServer((req, res) => {
  let body = '';
  req.setEncoding('latin1');
  req.on('data', (d) => { body += d; });
  req.on('end', () => {
    seen[seen.length] = `${req.method} ${req.url} ${req.headers['x-name']} ${body} ${req.trailers['x-t']}`;
    res.setHeader('X-Reply', 'yes');
    res.appendHeader('X-Reply', 'again');
    res.writeHead(200, { 'Content-Type': 'text/plain' });
    res.end(`got ${body.length}`);
  });
});

patch();
server.listen(0, '127.0.0.1', () => {
  const c = net.connect(server.address().port, '127.0.0.1');
  let got = '';
  c.setEncoding('latin1');
  c.on('data', (d) => {
    got += d;
    if (got.indexOf('got 0') >= 0) c.end();
  });
  c.on('close', () => {
    server.close(() => {
      unpatch();
      console.log(seen.join('\n'));
      console.log(got.replace(/Date: [^\r]*\r\n/g, '').replace(/\r\n/g, '|'));
    });
  });
  c.write('POST /a HTTP/1.1\r\nHost: h\r\nX-Name: one\r\nTransfer-Encoding: chunked\r\n\r\n' +
    '3\r\nabc\r\n0\r\nX-T: t\r\n\r\n');
  c.write('GET /b HTTP/1.1\r\nHost: h\r\nX-Name: two\r\n\r\n');
});
