// The head fetch sends, byte for byte as node's: Host and Connection first (a
// Host or Content-Length in the request's headers is ignored; Connection: close
// is honoured), the request's own headers in the order and casing given, then
// the defaults it did not set, then the body's Content-Length.
const http = require('http');

const server = http.createServer((req, res) => {
  req.resume();
  req.on('end', () => res.end(JSON.stringify(req.rawHeaders)));
});

server.listen(0, '127.0.0.1', async () => {
  const url = `http://127.0.0.1:${server.address().port}/`;
  const cases = [
    { headers: { host: 'example.test' } },
    { headers: { connection: 'close' } },
    { headers: { 'content-length': '5' } },
    { headers: [['X-Up', 'A'], ['accept', 'text/html'], ['x-up', 'B'], ['User-Agent', 'mine']] },
    { method: 'POST', body: 'hello', headers: { 'X-Late': '1' } },
    { method: 'POST' },
  ];
  for (const init of cases) {
    const res = await fetch(url, init);
    const raw = JSON.parse(await res.text());
    raw[1] = 'HOST';
    console.log(raw.join(' | '));
  }
  server.close();
});
