// The uniqueHeaders option (node 18.14+): a listed field whose value is a list
// goes out once, its values joined with '; ', on a server's responses (fields
// set, appended or given to writeHead) and on a client's requests; unlisted
// lists still go out one field per value, and a non-array option means none.
const http = require('http');
const net = require('net');

function head(text) {
  const end = text.indexOf('\r\n\r\n');
  return text.slice(0, end).split('\r\n').filter((l) => !/^(Date|Keep-Alive|Host):/i.test(l));
}

function ask(port, path) {
  return new Promise((resolve) => {
    const c = net.connect(port, '127.0.0.1');
    let out = '';
    c.setEncoding('latin1');
    c.on('data', (d) => { out += d; });
    c.on('end', () => resolve(head(out)));
    c.write(`GET ${path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`);
  });
}

const handlers = {
  '/set': (res) => {
    res.setHeader('X-A', ['1', '2']);
    res.setHeader('x-b', ['3', '4']);
    res.setHeader('x-c', ['5', '6']);
    res.setHeader('x-d', ['7']);
    res.end('u');
  },
  '/append': (res) => {
    res.appendHeader('X-A', '1');
    res.appendHeader('x-a', '2');
    res.end('u');
  },
  '/object': (res) => {
    res.writeHead(200, { 'X-A': ['1', '2'], 'x-c': ['5', '6'] });
    res.end('u');
  },
  '/flat': (res) => {
    res.writeHead(200, ['X-A', ['1', '2'], 'x-a', '3', 'x-c', ['5', '6']]);
    res.end('u');
  },
  '/merged': (res) => {
    res.setHeader('x-c', 'c');
    res.writeHead(200, { 'X-B': ['3', '4'] });
    res.end('u');
  },
};

async function server(opts) {
  const srv = http.createServer(opts, (req, res) => handlers[req.url](res));
  await new Promise((r) => srv.listen(0, '127.0.0.1', r));
  const port = srv.address().port;
  for (const path of Object.keys(handlers)) {
    console.log(`${JSON.stringify(opts.uniqueHeaders)} ${path}: ${(await ask(port, path)).join(' | ')}`);
  }
  srv.close();
}

// The heads a raw server receives from http.request.
async function client(cases) {
  const heads = [];
  const srv = net.createServer((s) => {
    let buf = '';
    s.setEncoding('latin1');
    s.on('data', (d) => {
      buf += d;
      if (!buf.includes('\r\n\r\n')) return;
      heads.push(head(buf));
      s.end('HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
    });
  });
  await new Promise((r) => srv.listen(0, '127.0.0.1', r));
  const port = srv.address().port;
  for (const [name, opts, fn] of cases) {
    await new Promise((resolve) => {
      const req = http.request({ port, host: '127.0.0.1', agent: false, ...opts }, (res) => {
        res.resume();
        res.on('end', resolve);
      });
      if (fn) fn(req);
      req.end();
    });
    console.log(`client ${name}: ${heads.shift().join(' | ')}`);
  }
  srv.close();
}

(async () => {
  await server({ uniqueHeaders: ['x-a', 'X-B'] });
  await server({ uniqueHeaders: 'x-a' });
  await client([
    ['object', { uniqueHeaders: ['x-a'], headers: { 'X-A': ['1', '2'], 'x-b': ['3', '4'] } }],
    ['set', { uniqueHeaders: ['X-A', 'cookie'] }, (r) => {
      r.setHeader('x-a', ['1', '2']);
      r.setHeader('cookie', ['c1', 'c2']);
      r.setHeader('x-b', ['3']);
    }],
    ['none', { headers: { 'X-A': ['1', '2'] } }],
  ]);
})();
