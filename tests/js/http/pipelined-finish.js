// Pipelined requests whose responses end out of order (the second ends last,
// the ones behind it at once): the answers go out in request order, and the
// responses' 'finish' events come in that order too, as their bytes are
// written, not as the responses end; each 'close' comes after its 'finish' and
// before the next response's 'finish', as in node.
const http = require('http');
const net = require('net');

const log = [];
let n = 0;
const server = http.createServer((req, res) => {
  const i = n++;
  res.on('finish', () => log.push(`finish ${req.url}`));
  res.on('close', () => log.push(`close ${req.url}`));
  if (i === 1) setTimeout(() => res.end(`slow ${req.url};`), 30);
  else res.end(`quick ${req.url};`);
});
server.listen(0, '127.0.0.1', () => {
  const c = net.connect(server.address().port, '127.0.0.1', () => {
    let s = '';
    for (let k = 0; k < 5; k++) s += `GET /${k} HTTP/1.1\r\nHost: a\r\n\r\n`;
    c.write(s);
  });
  let got = '';
  c.on('data', (d) => {
    got += d;
    if ((got.match(/HTTP\/1\.1 200/g) || []).length < 5) return;
    console.log(got.match(/(quick|slow) \/\d;/g).join(' '));
    c.end();
  });
  c.on('close', () => {
    setTimeout(() => {
      console.log(log.join('\n'));
      server.close();
    }, 20);
  });
});
