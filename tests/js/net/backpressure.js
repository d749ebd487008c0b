// 8 MiB written at once to a reader that pauses: write() returns false, 'drain'
// comes after the reader resumes, every byte arrives in order, the write callback
// runs once, and the sender never buffers the whole payload in the kernel's place.
const net = require('net');
const assert = require('assert');

const SIZE = 8 * 1024 * 1024;
const payload = Buffer.alloc(SIZE);
for (let i = 0; i < SIZE; i++) payload[i] = i % 251;

const server = net.createServer((sock) => {
  const chunks = [];
  let total = 0;
  let paused = 0;
  sock.on('data', (d) => {
    chunks.push(d);
    total += d.length;
    if (total > (paused + 1) * 2 * 1024 * 1024 && paused < 3) {
      paused++;
      sock.pause();
      setTimeout(() => sock.resume(), 30);
    }
  });
  sock.on('end', () => {
    const all = Buffer.concat(chunks);
    console.log('received', all.length, 'equal', all.equals(payload), 'pauses', paused);
    sock.end();
  });
});

server.listen(0, '127.0.0.1', () => {
  const c = net.connect(server.address().port, '127.0.0.1', () => {
    let cbs = 0;
    const ret = c.write(payload, () => { cbs++; });
    console.log('write returned', ret, 'writableLength', c.writableLength === SIZE);
    c.once('drain', () => {
      console.log('drain; callbacks', cbs, 'bytesWritten', c.bytesWritten);
      c.end();
    });
  });
  c.resume();
  c.on('close', () => server.close(() => console.log('closed')));
});
