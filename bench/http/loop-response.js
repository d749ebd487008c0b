// A loop of ServerResponse head building and end() without a socket (its
// writes queue as a pipelined response's do): `loop-response.js hello|set|status`
// prints ns of CPU per response (5 passes); runs on node too. docs/benchmarks.md,
// session 11.
const http = require('http');
const kind = process.argv[2] || 'hello';
const req = new http.IncomingMessage(null);
req.method = 'GET'; req.httpVersionMajor = 1; req.httpVersionMinor = 1;
function one() {
  const res = new http.ServerResponse(req);
  res.shouldKeepAlive = true;
  if (kind === 'hello') {
    res.writeHead(200, { 'Content-Type': 'text/plain' });
    res.end('hello');
  } else if (kind === 'set') {
    res.setHeader('Content-Type', 'application/json');
    res.setHeader('X-Powered-By', 'coil');
    res.end('{"a":1}');
  } else if (kind === 'status') {
    res.statusCode = 200;
    res.end('hello');
  }
  return res;
}
let keep;
for (let r = 0; r < 5; r++) {
  const t0 = process.cpuUsage();
  const N = 200000;
  for (let i = 0; i < N; i++) keep = one();
  const t = process.cpuUsage(t0);
  console.log(kind, ((t.user + t.system) * 1000 / N).toFixed(1), 'ns/res');
}
const o = keep.outputData; console.error(JSON.stringify(o.map(x => x.data).join('')));
