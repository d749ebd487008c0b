// OutgoingMessage.strictContentLength (node 18.10+): with a Content-Length field
// in the head and the body framed by it, a write that goes past the length, or
// an end() that leaves it short, throws ERR_HTTP_CONTENT_LENGTH_MISMATCH; a
// write made before the head is stored counts but is not checked; chunked,
// bodiless (204) and removed-length messages are not held; the field's length
// comes from setHeader or writeHead (object or flat list). The same on a
// ClientRequest. What a throwing end() leaves on the wire is not compared
// (node's socket stays corked there).
const http = require('http');
const net = require('net');

const cases = {
  'late-check': (res) => [() => res.write('abcdef'), () => res.end('x')],
  flushed: (res) => [() => res.flushHeaders(), () => res.write('abcdef'), () => res.end()],
  'end-past': (res) => [() => res.write('abc'), () => res.write('ab'), () => res.end('x')],
  exact: (res) => [() => res.write('abc'), () => res.write('ab'), () => res.end()],
  short: (res) => [() => res.write('abc'), () => res.end()],
  'end-only-past': (res) => [() => res.end('abcdef')],
  'end-empty': (res) => [() => res.end()],
  'empty-parts': (res) => [() => res.write('abcde'), () => res.write(''), () => res.end('')],
  buffer: (res) => [() => res.write(Buffer.from('abcdef')), () => res.end()],
  removed: (res) => { res.removeHeader('content-length'); return [() => res.end('abc')]; },
  chunked: (res) => {
    res.setHeader('transfer-encoding', 'chunked');
    return [() => res.write('abcdef'), () => res.end('abc')];
  },
  'writeHead-object': (res) => {
    res.removeHeader('content-length');
    return [() => res.writeHead(200, { 'content-length': 2 }), () => res.write('abc'), () => res.end('ab')];
  },
  'writeHead-flat': (res) => {
    res.removeHeader('content-length');
    return [() => res.writeHead(200, ['content-length', '2']), () => res.end('abc')];
  },
  'no-body': (res) => { res.statusCode = 204; return [() => res.end('abcdefgh')]; },
  off: (res) => { res.strictContentLength = false; return [() => res.write('abcdefg'), () => res.end()]; },
  utf8: (res) => [() => res.write('\u00e9\u00e9'), () => res.end('x')],
  'past-then-end': (res) => [() => res.write('abcdef'), () => res.write('a'), () => res.end('x')],
};

const threw = {};
const srv = http.createServer((req, res) => {
  const name = req.url.slice(1);
  res.strictContentLength = true;
  res.setHeader('content-length', 5);
  const out = cases[name](res).map((step) => {
    try {
      const r = step();
      return r === res ? 'res' : String(r);
    } catch (e) {
      threw[name] = true;
      return `${e.code}: ${e.message}`;
    }
  });
  console.log(`${name}: ${out.join(' | ')} (headersSent ${res.headersSent}, writableEnded ${res.writableEnded})`);
  if (threw[name]) setTimeout(() => res.destroy(), 20);
});

function ask(port, name) {
  return new Promise((resolve) => {
    const c = net.connect(port, '127.0.0.1');
    let out = '';
    c.setEncoding('latin1');
    c.on('data', (d) => { out += d; });
    c.on('close', () => {
      if (!threw[name]) console.log(`  wire ${JSON.stringify(out.replace(/Date: .*\r\n/, ''))}`);
      resolve();
    });
    c.write(`GET /${name} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`);
  });
}

function clientCase(port, steps) {
  return new Promise((resolve) => {
    const req = http.request({ port, host: '127.0.0.1', method: 'POST', agent: false,
                               headers: { 'content-length': 3 } }, (res) => {
      res.resume();
      res.on('end', resolve);
    });
    req.strictContentLength = true;
    const out = steps.map((step) => {
      try {
        return String(step(req));
      } catch (e) {
        return `${e.code}: ${e.message}`;
      }
    });
    console.log(`client: ${out.join(' | ')}`);
    if (!req.writableEnded) req.destroy();
    req.on('error', () => resolve());
  });
}

srv.listen(0, '127.0.0.1', async () => {
  const port = srv.address().port;
  for (const name of Object.keys(cases)) await ask(port, name);
  srv.close();
  const sink = net.createServer((s) => {
    let got = '';
    s.setEncoding('latin1');
    s.on('data', (d) => {
      got += d;
      const at = got.indexOf('\r\n\r\n');
      if (at >= 0 && got.length - at - 4 >= 3) {
        console.log(`  body ${JSON.stringify(got.slice(at + 4))}`);
        s.end('HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
      }
    });
  });
  sink.listen(0, '127.0.0.1', async () => {
    const p = sink.address().port;
    await clientCase(p, [(r) => r.write('ab'), (r) => r.write('cd'), (r) => r.end('c')]);
    await clientCase(p, [(r) => r.end('abcd')]);
    sink.close();
  });
});
