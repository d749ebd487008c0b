// insecureHTTPParser: off by default; on (per server, per request, or for the
// whole process with --insecure-http-parser) the parser accepts control bytes in
// a field value, folded fields (joined without the line break) and
// Content-Length beside a chunked Transfer-Encoding (chunked framing wins).
// Also the client options localAddress (which turns off the family race) and a
// custom lookup, and the option's validation.
const http = require('http');
const net = require('net');
const { spawnSync } = require('child_process');

const CL_TE = 'POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n' +
  'Connection: close\r\n\r\n2\r\nab\r\n0\r\n\r\n';
const CTL = 'GET / HTTP/1.1\r\nHost: x\r\nX-A: a\x01b\r\nConnection: close\r\n\r\n';
const FOLD = 'GET / HTTP/1.1\r\nHost: x\r\nX-A: a\r\n  folded\r\nConnection: close\r\n\r\n';

function serverTrial(opts, raw) {
  return new Promise((resolve) => {
    const srv = http.createServer(opts, (req, res) => {
      let b = '';
      req.on('data', (d) => { b += d; });
      req.on('end', () => res.end(`body=${JSON.stringify(b)} x-a=${JSON.stringify(req.headers['x-a'] ?? null)}`));
    });
    srv.on('clientError', (e, s) => { console.log('  clientError', e.code, e.reason); s.destroy(); });
    srv.listen(0, '127.0.0.1', () => {
      const c = net.connect(srv.address().port, '127.0.0.1', () => c.end(raw));
      let out = '';
      c.on('data', (d) => { out += d; });
      c.on('close', () => {
        if (out) console.log('  ->', out.split('\r\n')[0], out.split('\r\n\r\n')[1]);
        srv.close(resolve);
      });
    });
  });
}

// A raw server answering with a control byte in a field; the client parses it.
function clientTrial(insecure) {
  return new Promise((resolve) => {
    const srv = net.createServer((s) => {
      s.once('data', () => s.end('HTTP/1.1 200 OK\r\nX-B: c\x02d\r\nContent-Length: 2\r\n\r\nok'));
    });
    srv.listen(0, '127.0.0.1', () => {
      const req = http.get({ port: srv.address().port, host: '127.0.0.1', insecureHTTPParser: insecure }, (res) => {
        res.resume();
        res.on('end', () => { console.log('  response x-b', JSON.stringify(res.headers['x-b'])); srv.close(resolve); });
      });
      req.on('error', (e) => { console.log('  request error', e.code); srv.close(resolve); });
    });
  });
}

(async () => {
  for (const insecure of [undefined, false, true]) {
    console.log('server insecureHTTPParser', insecure);
    for (const raw of [CL_TE, CTL, FOLD]) await serverTrial({ insecureHTTPParser: insecure }, raw);
    console.log('client insecureHTTPParser', insecure);
    await clientTrial(insecure);
  }
  const server = http.createServer();
  console.log('defaults', server.insecureHTTPParser, http.createServer({ insecureHTTPParser: false }).insecureHTTPParser);
  try {
    http.createServer({ insecureHTTPParser: 'yes' });
  } catch (e) { console.log(e.code, e.message); }
  try {
    http.request({ insecureHTTPParser: 1 });
  } catch (e) { console.log(e.code, e.message); }

  // The process-wide flag, in a child of the same runtime.
  const child = `
    const http = require('http'), net = require('net');
    const srv = http.createServer((req, res) => res.end(JSON.stringify(req.headers['x-a'])));
    srv.listen(0, '127.0.0.1', () => {
      const c = net.connect(srv.address().port, '127.0.0.1', () => c.end(${JSON.stringify(CTL)}));
      let out = ''; c.on('data', (d) => out += d);
      c.on('close', () => { console.log(out.split('\\r\\n\\r\\n')[1] || 'refused'); srv.close(); });
    });`;
  for (const flags of [[], ['--insecure-http-parser']]) {
    const r = spawnSync(process.execPath, [...flags, '-e', child]);
    console.log('flags', JSON.stringify(flags), '->', r.stdout.toString().trim(),
                '| warned:', r.stderr.toString().includes('Warning: Using insecure HTTP parsing'));
  }

  // localAddress and a custom lookup on a client request.
  const srv = http.createServer((req, res) => res.end(`${req.socket.remoteAddress} ${req.headers.host}`));
  srv.listen(0, '127.0.0.1', () => {
    const port = srv.address().port;
    const asked = [];
    const lookup = (host, opts, cb) => { asked.push(host); cb(null, '127.0.0.1', 4); };
    http.get({ host: 'name.invalid', port, localAddress: '127.0.0.1', lookup }, (res) => {
      let body = '';
      res.on('data', (d) => { body += d; });
      res.on('end', () => {
        console.log('localAddress + lookup:', res.statusCode, body.replace(/:\d+$/, ':PORT'), asked);
        srv.close();
      });
    });
  });
})();
