// How large a head the HTTP parsers take, measured as node measures it: the bytes
// of the target (or reason phrase), field names and values count, the method,
// version, separators and line breaks do not; the count reaching maxHeaderSize
// fails with HPE_HEADER_OVERFLOW (431 from a server), its bytesParsed just past
// the field that reached it. --max-http-header-size sets the default limit.
const http = require('http');
const net = require('net');
const { spawnSync } = require('child_process');

function send(server, raw, chunk) {
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const c = net.connect(server.address().port, '127.0.0.1', () => {
        if (!chunk) return c.end(raw);
        let i = 0;
        const next = () => {
          if (i >= raw.length) return c.end();
          c.write(raw.slice(i, i += chunk), next);
        };
        next();
      });
      let out = '';
      c.on('data', (d) => { out += d; });
      c.on('error', () => {});
      c.on('close', () => server.close(() => resolve(out.split('\r\n')[0])));
    });
  });
}

function trial(name, raw, chunk) {
  const server = http.createServer((req, res) => res.end(String(Object.keys(req.headers).length)));
  server.on('clientError', (e, s) => {
    console.log(`  ${name}: clientError ${e.code} bytesParsed=${chunk ? '(split)' : e.bytesParsed}`);
    s.destroy();
  });
  return send(server, raw, chunk).then((line) => console.log(`  ${name}: ${line || '(closed)'}`));
}

(async () => {
  const max = http.maxHeaderSize;
  console.log('maxHeaderSize', max);
  // Many short fields: far more than max bytes, few counted ones.
  let many = '';
  for (let i = 0; many.length < max + 2000; i++) many += `x${i % 10}:  \r\n`;
  const counted = (s) => s.split('\r\n').reduce((n, l) => n + l.replace(/:\s*/, '').length, 0);
  console.log('many: raw > max', many.length > max, 'counted < max', counted(many) + 1 < max);
  await trial('raw bytes over, counted under', `GET / HTTP/1.1\r\nHost: h\r\n${many}Connection: close\r\n\r\n`);
  await trial('the same in 700-byte writes', `GET / HTTP/1.1\r\nHost: h\r\n${many}Connection: close\r\n\r\n`, 700);
  // "/", "Host", "h", "X", value: one byte short of max, then exactly max.
  const fill = (n) => 'v'.repeat(max - 1 - 4 - 1 - 1 - n);
  await trial('counted max - 1', `GET / HTTP/1.1\r\nHost: h\r\nX: ${fill(1)}\r\n\r\n`);
  await trial('counted max', `GET / HTTP/1.1\r\nHost: h\r\nX: ${fill(0)}\r\n\r\n`);
  await trial('counted max, in 1000-byte writes', `GET / HTTP/1.1\r\nHost: h\r\nX: ${fill(0)}\r\n\r\n`, 1000);
  await trial('counted far over, head unfinished', `GET / HTTP/1.1\r\nX: ${'v'.repeat(max * 2)}`, 8192);

  // A client reading a response whose head is too large.
  await new Promise((resolve) => {
    const raw = net.createServer((s) => {
      s.once('data', () => s.end(`HTTP/1.1 200 OK\r\nX: ${'v'.repeat(max)}\r\nContent-Length: 0\r\n\r\n`));
    });
    raw.listen(0, '127.0.0.1', () => {
      http.get({ port: raw.address().port, host: '127.0.0.1' }, () => console.log('response?'))
        .on('error', (e) => {
          console.log('  client:', e.code, e.message);
          raw.close(resolve);
        });
    });
  });

  const code = "const http = require('http'); console.log(http.maxHeaderSize);" +
    "const s = http.createServer((q, r) => r.end('ok')).listen(0, '127.0.0.1', () => {" +
    "  const c = require('net').connect(s.address().port, '127.0.0.1', () => c.end('GET / HTTP/1.1\\r\\nHost: h\\r\\nX: ' + 'v'.repeat(1200) + '\\r\\n\\r\\n'));" +
    "  let out = ''; c.on('data', (d) => { out += d; }); c.on('close', () => { console.log(out.split('\\r\\n')[0]); s.close(); }); });";
  for (const flags of [['--max-http-header-size=1000'], ['--max-http-header-size=2000']]) {
    const r = spawnSync(process.execPath, [...flags, '-e', code], { encoding: 'utf8' });
    console.log(flags.join(' '), '->', r.stdout.trim().split('\n').join(' | '), r.stderr.trim());
  }
})();
