// fetch against a coil http server on 127.0.0.1: a GET (status, statusText,
// headers as received, immutable), the head fetch sends, POST bodies of each
// kind (Content-Length known) and a streamed upload (chunked), HEAD and 204
// (no body), a large body read through the body stream, and keep-alive: five
// sequential fetches share one connection.
const assert = require('assert');
const http = require('http');

let connections = 0;
const server = http.createServer((req, res) => {
  const chunks = [];
  req.on('data', (d) => chunks.push(d));
  req.on('end', () => {
    const body = Buffer.concat(chunks).toString();
    if (req.url === '/big') {
      res.setHeader('content-length', 1 << 20);
      for (let i = 0; i < 16; i++) res.write(Buffer.alloc(1 << 16, i));
      return res.end();
    }
    if (req.url === '/204') {
      res.writeHead(204);
      return res.end();
    }
    res.setHeader('Set-Cookie', ['a=1', 'b=2']);
    res.setHeader('X-Custom', 'yes');
    res.end(JSON.stringify({
      method: req.method, url: req.url, body,
      type: req.headers['content-type'], length: req.headers['content-length'],
      chunked: req.headers['transfer-encoding'], accept: req.headers.accept,
      ua: req.headers['user-agent'], encoding: req.headers['accept-encoding'],
      connection: req.headers.connection, custom: req.headers['x-mine'],
    }));
  });
});
server.on('connection', () => connections++);

server.listen(0, '127.0.0.1', async () => {
  const base = `http://127.0.0.1:${server.address().port}`;
  const res = await fetch(`${base}/hello?x=1`, { headers: { 'X-Mine': 'mine' } });
  console.log(res.status, res.statusText, res.ok, res.type, res.redirected, res.url === `${base}/hello?x=1`);
  console.log(res.headers.get('x-custom'), res.headers.getSetCookie(), res.headers.get('content-type'));
  assert.throws(() => res.headers.set('a', 'b'), { name: 'TypeError' });
  console.log(await res.json());

  const bodies = [
    'text body',
    new Uint8Array([0x41, 0x42]),
    new Blob(['blob'], { type: 'application/x-blob' }),
    new URLSearchParams({ k: 'v' }),
  ];
  for (const body of bodies) {
    const r = await fetch(`${base}/post`, { method: 'POST', body });
    const seen = await r.json();
    console.log(seen.method, seen.type, seen.length, seen.chunked, JSON.stringify(seen.body));
  }
  const empty = await (await fetch(`${base}/put`, { method: 'PUT' })).json();
  console.log(empty.method, empty.length);

  const upload = new ReadableStream({
    start(controller) {
      controller.enqueue(new TextEncoder().encode('streamed '));
      controller.enqueue(new TextEncoder().encode('upload'));
      controller.close();
    },
  });
  const up = await (await fetch(`${base}/up`, { method: 'POST', body: upload, duplex: 'half' })).json();
  console.log(up.length, up.chunked, up.body);

  const head = await fetch(`${base}/head`, { method: 'HEAD' });
  console.log(head.status, head.body, await head.text() === '');
  const none = await fetch(`${base}/204`);
  console.log(none.status, none.body);

  const big = await fetch(`${base}/big`);
  let total = 0;
  let sum = 0;
  for await (const chunk of big.body) {
    total += chunk.length;
    sum += chunk[0];
  }
  console.log(total, big.bodyUsed, sum > 0);

  connections = 0;
  for (let i = 0; i < 5; i++) await (await fetch(`${base}/again`)).text();
  console.log('new connections for 5 more sequential fetches:', connections);
  const all = await Promise.all([1, 2, 3].map((i) => fetch(`${base}/c${i}`).then((r) => r.json())));
  console.log(all.map((x) => x.url));
  server.close();
});
