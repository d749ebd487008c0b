// A loop of coil's HTTP parser alone (coil only: node's _http_common has no
// createParser): `loop-parse.js wrk|browser` prints ns of CPU per head parsed
// and handed to an empty onHead (5 passes). docs/benchmarks.md, session 11.
const c = require('_http_common');
const kind = process.argv[2] || 'wrk';
let n = 0;
const p = c.createParser(c.REQUEST, {}, function (m, url, minor, fields) { n += fields.length; return 0; }, () => 0, () => 0, 16384, false);
const reqs = {
  wrk: 'GET / HTTP/1.1\r\nHost: 127.0.0.1:19471\r\n\r\n',
  browser: 'GET /index.html HTTP/1.1\r\nHost: localhost:8080\r\nUser-Agent: Mozilla/5.0 (X11; Linux x86_64; rv:120.0) Gecko/20100101 Firefox/120.0\r\nAccept: text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8\r\nAccept-Language: en-US,en;q=0.5\r\nAccept-Encoding: gzip, deflate, br\r\nConnection: keep-alive\r\nUpgrade-Insecure-Requests: 1\r\n\r\n',
};
const one = Buffer.from(reqs[kind]);
const buf = Buffer.concat(Array(16).fill(one));
for (let r = 0; r < 5; r++) {
  const t0 = process.cpuUsage();
  const N = 20000;
  for (let i = 0; i < N; i++) c.executeParser(p, buf);
  const t = process.cpuUsage(t0);
  console.log(kind, ((t.user + t.system) * 1000 / (N * 16)).toFixed(1), 'ns/head');
}
