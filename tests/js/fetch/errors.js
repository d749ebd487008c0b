// fetch's failures as node gives them: a refused connection (TypeError 'fetch
// failed' whose cause is the ECONNREFUSED error), an unknown scheme, a bad
// port, an invalid URL (rejects, not throws), an abort before the response
// (the signal's reason: AbortError, TimeoutError), an abort while the body is
// read, and a body cut short by the server (TypeError 'terminated').
const http = require('http');
const net = require('net');

function show(label, err) {
  console.log(label, err.name, err.message, err.code, err.cause ? `cause: ${err.cause.name} ${err.cause.code || err.cause.message}` : '');
}

const server = http.createServer((req, res) => {
  if (req.url === '/slow') return setTimeout(() => res.end('late'), 300);
  if (req.url === '/trickle') {
    res.write('first part ');
    return setTimeout(() => res.end('never read'), 300);
  }
  if (req.url === '/cut') {
    res.setHeader('content-length', 1000);
    res.write('only some');
    return setTimeout(() => res.socket.destroy(), 20);
  }
  res.end('ok');
});

server.listen(0, '127.0.0.1', async () => {
  const base = `http://127.0.0.1:${server.address().port}`;
  const closed = net.createServer();
  await new Promise((resolve) => closed.listen(0, '127.0.0.1', resolve));
  const closedPort = closed.address().port;
  await new Promise((resolve) => closed.close(resolve));

  for (const [label, url] of [
    ['refused', `http://127.0.0.1:${closedPort}/`],
    ['scheme', 'ftp://127.0.0.1/'],
    ['bad port', 'http://127.0.0.1:1/'],
    ['invalid url', 'not a url'],
  ]) {
    const promise = fetch(url);
    console.log(label, promise instanceof Promise);
    await promise.then(() => console.log('resolved'), (err) => show(label, err));
  }

  const controller = new AbortController();
  setTimeout(() => controller.abort(), 30);
  await fetch(`${base}/slow`, { signal: controller.signal }).catch((err) => show('abort', err));
  await fetch(`${base}/slow`, { signal: AbortSignal.timeout(30) }).catch((err) => show('timeout', err));
  const already = AbortSignal.abort(new Error('mine'));
  await fetch(`${base}/`, { signal: already }).catch((err) => show('pre-aborted', err));

  const late = new AbortController();
  const res = await fetch(`${base}/trickle`, { signal: late.signal });
  setTimeout(() => late.abort(), 30);
  await res.text().then((t) => console.log('text', t), (err) => show('abort in body', err));

  const cut = await fetch(`${base}/cut`);
  await cut.text().then((t) => console.log('text', t), (err) => show('cut', err));

  const ok = await fetch(`${base}/`);
  console.log('still works', await ok.text());
  server.close();
});
