// fetch does not go through built-ins a user replaced: a GET, a POST of a
// string and of FormData, Headers iteration and a redirect work with
// Array.prototype.push/shift/pop/join/sort, String.prototype.slice/split/
// toLowerCase/indexOf, Promise.prototype.then/catch, Function.prototype.call
// and Object.prototype get/set accessors patched to throw.
// coil-only: node's fetch (undici) goes through Array.prototype.push.
const http = require('http');

const boom = () => { throw new Error('patched built-in reached'); };
const targets = [
  [Array.prototype, ['push', 'shift', 'pop', 'join', 'sort']],
  [String.prototype, ['slice', 'split', 'toLowerCase', 'indexOf']],
  [Promise.prototype, ['then', 'catch']],
  [Function.prototype, ['call']],
];
const saved = targets.map(([proto, names]) => names.map((n) => proto[n]));
function patch() {
  for (const [proto, names] of targets) for (const n of names) proto[n] = boom;
  Object.defineProperty(Object.prototype, 'get', { get: boom, configurable: true });
  Object.defineProperty(Object.prototype, 'set', { get: boom, configurable: true });
}
function unpatch() {
  delete Object.prototype.get;
  delete Object.prototype.set;
  targets.forEach(([proto, names], i) => names.forEach((n, j) => { proto[n] = saved[i][j]; }));
}

const server = http.createServer((req, res) => {
  let body = '';
  req.on('data', (d) => { body += d; });
  req.on('end', () => {
    if (req.url === '/moved') {
      res.writeHead(302, { location: '/target' });
      return res.end();
    }
    res.setHeader('x-b', '2');
    res.setHeader('x-a', '1');
    res.end(`${req.method} ${req.url} ${body.length}`);
  });
});

server.listen(0, '127.0.0.1', async () => {
  const base = `http://127.0.0.1:${server.address().port}`;
  const results = [];
  let failure = null;
  patch();
  try {
    const get = await fetch(`${base}/get`);
    results[results.length] = await get.text();
    const names = [];
    for (const [name] of get.headers) names[names.length] = name;
    results[results.length] = names.length;
    const post = await fetch(`${base}/post`, { method: 'POST', body: 'hello' });
    results[results.length] = await post.text();
    const form = new FormData();
    form.append('a', 'b');
    const multipart = await fetch(`${base}/form`, { method: 'POST', body: form });
    results[results.length] = (await multipart.text()).length > 0;
    const moved = await fetch(`${base}/moved`);
    results[results.length] = `${moved.redirected} ${await moved.text()}`;
  } catch (err) {
    failure = err;
  }
  unpatch();
  console.log(failure === null ? results : `failed: ${failure.stack}`);
  server.close();
});
