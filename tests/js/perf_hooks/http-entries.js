// 'http' performance entries: HttpRequest for each request a server answers and
// HttpClient for each response a client gets, with the request's method, url and
// headers and the response's status and headers; none once the observer disconnects.
const http = require('http');
const { PerformanceObserver } = require('perf_hooks');

const entries = [];
const obs = new PerformanceObserver((list) => entries.push(...list.getEntries()));
obs.observe({ type: 'http' });

const server = http.createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    res.setHeader('x-answer', 'yes');
    res.statusMessage = 'Fine';
    res.end('hello');
  });
});

function get(path, method) {
  return new Promise((resolve) => {
    const req = http.request({ port: server.address().port, path, method, headers: { 'x-ask': path } }, (res) => {
      res.resume();
      res.on('end', resolve);
    });
    req.end(method === 'POST' ? 'body' : undefined);
  });
}

const show = (h) => Object.keys(h).filter((k) => k.startsWith('x-')).map((k) => `${k}=${h[k]}`).join(',');

server.listen(0, async () => {
  await get('/one?a=1', 'GET');
  await get('/two', 'POST');
  await new Promise((resolve) => setImmediate(resolve));
  obs.disconnect();
  const seen = entries.length;
  await get('/three', 'GET');
  await new Promise((resolve) => setImmediate(resolve));
  server.close();
  console.log('after disconnect', entries.length - seen);
  entries.sort((a, b) => (a.name + a.detail.req.method).localeCompare(b.name + b.detail.req.method));
  for (const e of entries) {
    const { req, res } = e.detail;
    console.log(e.constructor.name, e.name, e.entryType, typeof e.startTime, e.duration >= 0,
                Object.keys(e.toJSON()).join());
    console.log('  req', req.method, req.url.replace(/^http:\/\/localhost/, 'http://HOST'), show(req.headers),
                typeof req.headers.host);
    console.log('  res', res.statusCode, res.statusMessage, show(res.headers));
  }
});
