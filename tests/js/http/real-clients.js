// Real HTTP clients against an http server: curl (two URLs on one keep-alive
// connection, a `-T -` upload of unknown length, which curl sends chunked, and
// --http1.0), ab with keep-alive, wrk, and Python's http.client (two requests
// and a POST on one connection). The server counts connections, so keep-alive
// reuse is checked where it happens, not in a client's log. setup.sh installs the
// three tools (curl, apache2-utils, wrk) and python3 where they are missing.
const http = require('http');
const crypto = require('crypto');
const { execFile } = require('child_process');

let connections = 0;
const server = http.createServer((req, res) => {
  if (req.url === '/upload') {
    const hash = crypto.createHash('sha256');
    let size = 0;
    req.on('data', (d) => { size += d.length; hash.update(d); });
    req.on('end', () => {
      res.end(`${req.method} te=${req.headers['transfer-encoding']} ` +
              `expect=${req.headers.expect} ${size} ${hash.digest('hex').slice(0, 16)}\n`);
    });
    return;
  }
  req.resume();
  const body = `hello ${req.method} ${req.url} ${req.httpVersion}\n`;
  res.setHeader('Content-Type', 'text/plain');
  // ab speaks HTTP/1.0: its keep-alive needs a declared length.
  if (req.url === '/ab') res.setHeader('Content-Length', body.length);
  res.end(body);
});
server.on('connection', () => connections++);

function run(cmd, args, input) {
  return new Promise((resolve, reject) => {
    const child = execFile(cmd, args, { maxBuffer: 1 << 24 }, (err, stdout, stderr) => {
      if (err) reject(new Error(`${cmd} failed: ${err.message}\n${stderr}`));
      else resolve(stdout);
    });
    if (input !== undefined) child.stdin.end(input);
  });
}

// The counted connections of one client run.
async function counted(what, fn) {
  const before = connections;
  const out = await fn();
  console.log(`${what}: ${connections - before} connection(s)`);
  return out;
}

// 300,000 bytes of a pattern that no chunk boundary can line up with.
const upload = Buffer.alloc(300000);
for (let i = 0; i < upload.length; i++) upload[i] = (i * 7 + (i >> 9)) & 0xff;
const uploadHash = crypto.createHash('sha256').update(upload).digest('hex').slice(0, 16);

const PY = `
import http.client, sys
c = http.client.HTTPConnection('127.0.0.1', int(sys.argv[1]))
for path in ('/py/1', '/py/2'):
    c.request('GET', path)
    r = c.getresponse()
    print(r.status, r.reason, r.getheader('Content-Type'), r.read().decode().strip())
c.request('POST', '/upload', body=b'x' * 70000, headers={'Content-Type': 'application/octet-stream'})
r = c.getresponse()
print(r.status, r.read().decode().strip())
c.close()
`;

server.listen(0, '127.0.0.1', async () => {
  const base = `http://127.0.0.1:${server.address().port}`;
  try {
    const two = await counted('curl keep-alive', () =>
      run('curl', ['-sS', `${base}/a`, `${base}/b`]));
    process.stdout.write(two);

    const put = await counted('curl -T -', () =>
      run('curl', ['-sS', '-T', '-', `${base}/upload`], upload));
    console.log(put.trim(), put.includes(uploadHash) ? '(hash matches)' : `(expected ${uploadHash})`);

    const ten = await run('curl', ['-sS', '-i', '--http1.0', `${base}/ten`]);
    const [head, body] = ten.split('\r\n\r\n');
    const lines = head.split('\r\n');
    console.log('curl --http1.0:', lines[0], '|', body.trim());
    console.log('  headers:', lines.slice(1).map((l) => l.split(':')[0].toLowerCase())
      .filter((n) => n !== 'date').sort().join(' '));

    const before = connections;
    const ab = await run('ab', ['-q', '-k', '-n', '2000', '-c', '10', `${base}/ab`]);
    console.log('ab -k: at most 10 connections:', connections - before <= 10);
    for (const key of ['Complete requests', 'Failed requests', 'Keep-Alive requests', 'Non-2xx responses']) {
      const line = ab.split('\n').find((l) => l.startsWith(key));
      console.log('ab', line ? line.replace(/\s+/g, ' ') : `${key}: (none)`);
    }

    const wrk = await run('wrk', ['-t1', '-c8', '-d1s', `${base}/wrk`]);
    const done = /(\d+) requests in/.exec(wrk);
    console.log('wrk: requests > 1000:', done !== null && Number(done[1]) > 1000,
                '| socket errors:', /Socket errors/.test(wrk), '| non-2xx:', /Non-2xx/.test(wrk));

    const py = await counted('python http.client', () =>
      run('python3', ['-c', PY, String(server.address().port)]));
    process.stdout.write(py);
  } catch (err) {
    console.log(err.message);
    process.exitCode = 1;
  }
  server.close();
});
