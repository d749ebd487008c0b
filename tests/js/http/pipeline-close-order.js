// Pipelined requests on one connection (issue 15): each response's 'finish' is
// followed by its own 'close' before the next response's 'finish', as in node,
// also when the answers' last writes complete together (a slow response holds
// the ones behind it, which then go out at once). The requests' 'end' and
// 'close' follow in node's order.
const http = require('http');
const net = require('net');

function run(urls, done) {
  const log = [];
  const server = http.createServer((req, res) => {
    const u = req.url;
    res.on('finish', () => log.push(`finish ${u}`));
    res.on('close', () => log.push(`close ${u}`));
    req.on('end', () => log.push(`req end ${u}`));
    req.on('close', () => log.push(`req close ${u}`));
    if (u === '/slow') setTimeout(() => res.end(u), 30);
    else res.end(u);
  });
  server.listen(0, '127.0.0.1', () => {
    const c = net.connect(server.address().port, '127.0.0.1', () => {
      c.write(urls.map((u) => `GET ${u} HTTP/1.1\r\nHost: x\r\n\r\n`).join(''));
    });
    let got = '';
    c.on('data', (d) => {
      got += d;
      if ((got.match(/HTTP\/1\.1 200/g) || []).length < urls.length) return;
      setTimeout(() => c.destroy(), 20);
    });
    c.on('close', () => setTimeout(() => {
      console.log(urls.join(' '));
      console.log(log.join('\n'));
      server.close(done);
    }, 30));
  });
}

run(['/a', '/b', '/c'], () => run(['/a', '/slow', '/c', '/d'], () => {}));
