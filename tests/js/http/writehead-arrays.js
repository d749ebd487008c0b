// res.writeHead with header arrays, as node 20: a flat [name, value, ...] list
// or [[name, value], ...] pairs when no field was set before; once fields were
// set, only the flat list is taken (each field replaces one set before), and
// pairs are refused with ERR_INVALID_HTTP_TOKEN (node's answer: a pair is no
// name); an odd flat list is ERR_INVALID_ARG_VALUE either way.
const http = require('http');
const net = require('net');

const cases = {
  '/pairs': (res) => res.writeHead(200, [['X-A', '1'], ['x-a', '2'], ['X-B', ['3', '4']]]),
  '/flat': (res) => res.writeHead(200, ['X-A', '1', 'x-a', '2', 'X-B', ['3', '4']]),
  '/set-then-flat': (res) => {
    res.setHeader('x-a', '0');
    res.setHeader('x-c', 'c');
    res.writeHead(200, ['X-A', '1', 'x-b', '2', 'x-a', '3', '', 'skipped']);
  },
  '/set-then-pairs': (res) => {
    res.setHeader('x-a', '0');
    res.writeHead(200, [['X-A', '1'], ['x-a', '2']]);
  },
  '/odd': (res) => res.writeHead(200, ['X-A', '1', 'x']),
  '/set-then-odd': (res) => {
    res.setHeader('x-a', '0');
    res.writeHead(200, [['X-A', '1'], ['x-a', '2'], ['x-b', '3']]);
  },
};

const srv = http.createServer((req, res) => {
  try {
    cases[req.url](res);
    res.end('ok');
  } catch (e) {
    console.log(`${req.url} threw ${e.name} ${e.code}: ${e.message}`);
    console.log(`  headersSent ${res.headersSent}, fields ${JSON.stringify(res.getHeaders())}`);
    res.removeHeader('x-a');
    res.writeHead(500);
    res.end();
  }
});

function ask(port, path) {
  return new Promise((resolve) => {
    const c = net.connect(port, '127.0.0.1');
    let out = '';
    c.setEncoding('latin1');
    c.on('data', (d) => { out += d; });
    c.on('end', () => {
      const lines = out.slice(0, out.indexOf('\r\n\r\n')).split('\r\n');
      resolve(lines.filter((l) => !/^(Date|Connection|Transfer-Encoding|Content-Length):/i.test(l)));
    });
    c.write(`GET ${path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`);
  });
}

srv.listen(0, '127.0.0.1', async () => {
  for (const path of Object.keys(cases)) {
    console.log(`${path}: ${(await ask(srv.address().port, path)).join(' | ')}`);
  }
  srv.close();
});
