// A Content-Disposition value given as the Latin-1 string of UTF-8 bytes (RFC 6266
// filenames): sent as those bytes when the length is known before the field is
// stored (a Content-Length field ahead of it, or end()'s data), as node 20 does;
// after it, or with no length, the field goes out with the rest of the head. A value
// whose bytes are no UTF-8 then fails the field check (ERR_INVALID_CHAR).
const http = require('http');
const net = require('net');
const v = Buffer.from('b\u00e5r').toString('binary');
const routes = {
  cafe: (res) => { try { res.writeHead(200, ['Content-Length', '5', 'content-disposition', 'caf\u00e9']); } catch (e) { res.statusCode = 500; res.end(e.code); return; } res.end('hello'); },
  implicit: (res) => { res.setHeader('Content-Disposition', v); res.end('hello'); },
  cl0: (res) => { res.writeHead(200, ['Content-Length', '0', 'content-disposition', v]); res.end(); },
  obj: (res) => { res.writeHead(200, { 'content-length': 5, 'Content-Disposition': v }); res.end('hello'); },
  set2: (res) => { res.setHeader('Content-Length', '5'); res.setHeader('Content-Disposition', v); res.end('hello'); },
  set2b: (res) => { res.setHeader('Content-Disposition', v); res.setHeader('Content-Length', '5'); res.end('hello'); },
  arr: (res) => { res.writeHead(200, ['Content-Length', '5', 'content-disposition', v, 'content-disposition', v]); res.end('hello'); },
  t2b: (res) => { res.writeHead(200, ['content-disposition', v, 'Content-Length', '5']); res.end('hello'); },
  chunked: (res) => { res.writeHead(200, ['content-disposition', v]); res.end('hello'); },
  writehead_then_set: (res) => { res.setHeader('Content-Length', '5'); res.writeHead(200, { 'Content-Disposition': v }); res.end('hello'); },
};
const server = http.createServer((req, res) => routes[req.url.slice(1)](res)).listen(0, async () => {
  for (const k of Object.keys(routes)) {
    const out = await new Promise((resolve) => {
      const s = net.connect(server.address().port, () => s.end(`GET /${k} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`));
      const chunks = []; s.on('data', (d) => chunks.push(d)); s.on('end', () => resolve(Buffer.concat(chunks)));
    });
    const t = out.toString('latin1');
    console.log(k, JSON.stringify(t.split('\r\n').filter(l => /^(content-disp|content-length)/i.test(l))));
  }
  server.close();
});
