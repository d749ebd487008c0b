// socket.write() returns what node's does: the kernel is tried at once, so a
// buffer it takes whole (even one past the high-water mark) leaves nothing
// queued and write() returns true; one it cannot take whole stays counted in
// writableLength until sent, write() returns false and 'drain' follows.
// (The large write comes first: writes up to 16 KiB are copied and sent on the
// ring, and a larger one right behind them in the same tick waits for that send
// instead of going to the kernel at once, where node's returns true:
// docs/net.md, "Writes: a queue per socket".)
const net = require('net');

const server = net.createServer((s) => {
  s.on('data', () => {});
  s.on('end', () => s.end());
});
server.listen(0, '127.0.0.1', () => {
  const c = net.connect(server.address().port, '127.0.0.1', () => {
    for (const n of [65536, 16384, 5000]) {
      let called = false;
      const r = c.write(Buffer.alloc(n, 1), () => { called = true; });
      console.log(`write(${n}) ->`, r, 'writableLength', c.writableLength,
        'needDrain', c.writableNeedDrain, 'callback now', called);
    }
    const big = 64 * 1024 * 1024;
    const r = c.write(Buffer.alloc(big, 2));
    console.log(`write(64 MiB) ->`, r, 'writableLength is all of it', c.writableLength === big,
      'needDrain', c.writableNeedDrain);
    c.once('drain', () => {
      console.log('drain, writableLength', c.writableLength);
      c.end();
    });
  });
  c.resume();
  c.on('close', () => server.close(() => console.log('closed')));
});
