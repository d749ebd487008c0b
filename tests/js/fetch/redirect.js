// fetch's redirects: followed (redirected, the final url), 303 and a POST
// after 301 become GET without a body, 307 keeps the method and body, manual
// gives the 3xx itself, error and a loop past 20 hops fail with node's causes,
// and Authorization is dropped when the redirect goes to another origin.
const http = require('http');

const server = http.createServer((req, res) => {
  const chunks = [];
  req.on('data', (d) => chunks.push(d));
  req.on('end', () => {
    const [, kind, arg] = req.url.split('/');
    if (kind === 'to') {
      res.writeHead(+arg, { location: '/final' });
      return res.end('redirect body');
    }
    if (kind === 'loop') {
      res.writeHead(302, { location: `/loop/${+arg + 1}` });
      return res.end();
    }
    if (kind === 'other') {
      res.writeHead(302, { location: `http://localhost:${server.address().port}/final` });
      return res.end();
    }
    res.end(`${req.method} ${req.url} body=${Buffer.concat(chunks)} auth=${req.headers.authorization} ` +
      `type=${req.headers['content-type']}`);
  });
});

server.listen(0, '127.0.0.1', async () => {
  const base = `http://127.0.0.1:${server.address().port}`;
  for (const status of [301, 302, 303, 307, 308]) {
    const res = await fetch(`${base}/to/${status}`, { method: 'POST', body: 'payload' });
    console.log(status, '->', res.status, res.redirected, res.url.endsWith('/final'), await res.text());
  }
  const get = await fetch(`${base}/to/301`);
  console.log('GET 301', await get.text());

  const manual = await fetch(`${base}/to/302`, { redirect: 'manual' });
  console.log('manual', manual.status, manual.headers.get('location'), manual.redirected, await manual.text());

  for (const [url, init] of [[`${base}/to/301`, { redirect: 'error' }], [`${base}/loop/0`, {}]]) {
    try {
      await fetch(url, init);
      console.log('no error');
    } catch (err) {
      console.log(err.name, err.message, '| cause:', err.cause.message);
    }
  }
  const twenty = await fetch(`${base}/loop/0`, { redirect: 'manual' });
  console.log('manual loop', twenty.status);

  const cross = await fetch(`${base}/other`, { headers: { authorization: 'secret' } });
  console.log('cross-origin', await cross.text());
  const same = await fetch(`${base}/to/302`, { headers: { authorization: 'secret' } });
  console.log('same-origin', await same.text());
  server.close();
});
