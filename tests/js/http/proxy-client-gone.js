// A proxy whose client went away before the upstream answered: the client's
// end reaches the proxy before the upstream's answer (the client was destroyed
// first), so the proxied response never finishes: 'close' without 'finish',
// writableFinished false, and what was piped to it stays queued (outputSize).
const { get, createServer } = require('http');
const log = [];
let upstream;
let client;

const proxy = createServer((req, res) => {
  req.socket.on('end', () => log.push('proxy: client socket end'));
  res.on('finish', () => log.push('proxy: finish'));
  res.on('close', () => {
    log.push(`proxy: close writable=${res.writable} writableFinished=${res.writableFinished} ` +
      `finished=${res.finished} queued=${res.outputSize > 0}`);
  });
  get(`http://127.0.0.1:${upstream.address().port}`, (inner) => {
    log.push(`proxy: upstream answered, client socket writable=${req.socket.writable}`);
    inner.on('end', () => log.push('proxy: upstream end'));
    inner.pipe(res);
  });
});

upstream = createServer((req, res) => {
  res.writeHead(200);
  setImmediate(() => {
    log.push('client aborts');
    client.destroy();
    res.end('Hello World\n');
  });
});

proxy.listen(0, '127.0.0.1', () => upstream.listen(0, '127.0.0.1', () => {
  client = get(`http://127.0.0.1:${proxy.address().port}`);
  client.on('error', (e) => {
    log.push(`client: ${e.code}`);
    proxy.close();
    upstream.close();
  });
}));

process.on('exit', () => console.log(log.join('\n')));
