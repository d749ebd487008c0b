// http's client does not go through built-ins a user replaced: http.get and a
// POST through the keep-alive agent work with Array.prototype.push/shift/pop,
// String.prototype.toLowerCase/toUpperCase, RegExp.prototype.exec and
// Object.prototype get/set accessors patched to throw.
// coil-only: node's http client goes through Array.prototype.push.
const http = require('http');

const boom = () => { throw new Error('patched built-in reached'); };
const saved = {
  push: Array.prototype.push, shift: Array.prototype.shift, pop: Array.prototype.pop,
  lower: String.prototype.toLowerCase, upper: String.prototype.toUpperCase,
  exec: RegExp.prototype.exec,
};
function patch() {
  Array.prototype.push = boom;
  Array.prototype.shift = boom;
  Array.prototype.pop = boom;
  String.prototype.toLowerCase = boom;
  String.prototype.toUpperCase = boom;
  RegExp.prototype.exec = boom;
  Object.defineProperty(Object.prototype, 'get', { get: boom, configurable: true });
  Object.defineProperty(Object.prototype, 'set', { get: boom, configurable: true });
}
function unpatch() {
  Array.prototype.push = saved.push;
  Array.prototype.shift = saved.shift;
  Array.prototype.pop = saved.pop;
  String.prototype.toLowerCase = saved.lower;
  String.prototype.toUpperCase = saved.upper;
  RegExp.prototype.exec = saved.exec;
  delete Object.prototype.get;
  delete Object.prototype.set;
}

const lines = [];
const server = http.createServer((req, res) => {
  let body = '';
  req.on('data', (d) => { body += d; });
  req.on('end', () => res.end(`${req.method} ${req.url} ${body}`));
});
server.listen(0, '127.0.0.1', () => {
  const port = server.address().port;
  patch();
  http.get({ port, host: '127.0.0.1', path: '/one', headers: { 'X-A': 'a' } }, (res) => {
    let text = '';
    res.on('data', (d) => { text += d; });
    res.on('end', () => {
      lines[lines.length] = `${res.statusCode} ${text}`;
      const req = http.request({ port, host: '127.0.0.1', path: '/two', method: 'post' }, (res2) => {
        let t2 = '';
        res2.on('data', (d) => { t2 += d; });
        res2.on('end', () => {
          lines[lines.length] = `${res2.statusCode} ${t2} reused=${req.reusedSocket}`;
          unpatch();
          console.log(lines.join('\n'));
          server.close();
          http.globalAgent.destroy();
        });
      });
      req.end('payload');
    });
  });
});
