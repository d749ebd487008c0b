// A client that goes away in the middle of a pipeline, as node 20 answers it:
// every request whose response has not finished gets 'aborted' (at once, in
// request order) when the socket closes, then 'error' ECONNRESET and 'close';
// only the response that holds the socket gets 'close' (after the socket's own
// 'close' listeners added on 'connection'); the responses queued behind it get
// none and stay usable (not destroyed; ending one is no error). The peer's
// end alone aborts nothing. A response ended after its socket closed counts as
// ended, and sends nothing.
const http = require('http');
const net = require('net');

function run(name, urls, clientEnds, done) {
  const log = [];
  const responses = {};
  const server = http.createServer((req, res) => {
    const u = req.url;
    responses[u] = res;
    log.push(`request ${u}`);
    res.on('finish', () => log.push(`res finish ${u}`));
    res.on('close', () => log.push(`res close ${u}`));
    req.on('aborted', () => log.push(`req aborted ${u}`));
    req.on('end', () => log.push(`req end ${u}`));
    req.on('error', (e) => log.push(`req error ${u} ${e.code} ${e.message}`));
    req.on('close', () => log.push(`req close ${u}`));
    if (u === '/kill') {
      req.socket.destroy();
      log.push('socket destroyed by the handler');
    } else if (!u.startsWith('/open')) {
      res.end(`body of ${u};`);
    }
  });
  server.on('connection', (s) => {
    s.on('end', () => log.push('socket end'));
    s.on('close', () => {
      log.push('socket close');
      setTimeout(() => {
        for (const u of urls) {
          const res = responses[u];
          if (res === undefined) continue;
          const was = `destroyed=${res.destroyed} ended=${res.writableEnded}`;
          if (!res.writableEnded) res.end('late');
          log.push(`${u}: ${was}, after end(): ended=${res.writableEnded}`);
        }
        console.log(`${name}:\n${log.join('\n')}`);
        server.close(done);
      }, 30);
    });
  });
  server.listen(0, '127.0.0.1', () => {
    const c = net.connect(server.address().port, '127.0.0.1', () => {
      const s = urls.map((u) => `GET ${u} HTTP/1.1\r\nHost: x\r\n\r\n`).join('');
      if (clientEnds) c.end(s);
      else c.write(s);
    });
    c.on('error', () => {});
    let got = '';
    c.on('data', (d) => {
      got += d;
      if (got.includes('body of /a;')) c.destroy();
    });
  });
}

run('destroyed after the first answer', ['/a', '/open1', '/c', '/open2'], false, () =>
  run('half-closed at once', ['/open1', '/a'], true, () =>
    run('socket destroyed in a handler', ['/a', '/kill', '/c'], false, () => {})));
