// The `onread` option: reads land in the user's buffer (a fixed one, or one a
// function hands out per read) and go to callback(nread, buf) instead of 'data';
// pause() in the callback, or returning false, holds the rest until resume().
const net = require('net');

const message = Buffer.from('hello world');

function serve(onread, done) {
  const server = net.createServer((c) => {
    server.close();
    c.end(message);
  });
  server.listen(0, '127.0.0.1', () => {
    const s = net.connect({ port: server.address().port, host: '127.0.0.1', onread: onread(() => s) });
    s.on('data', () => console.log('data?'));
    s.on('end', () => done(s));
  });
}

const runs = [
  (next) => {
    const buf = Buffer.alloc(8);
    const got = [];
    serve(() => ({ buffer: buf, callback(n, b) { got.push(b === buf, Buffer.from(b.subarray(0, n)).toString()); } }),
          () => { console.log('static', got.join(' ')); next(); });
  },
  (next) => {
    const pool = [new Uint8Array(2), new Uint8Array(2), new Uint8Array(2)];
    let i = -1, asked = 0;
    let text = '';
    serve(() => ({
      buffer() { asked++; i = (i + 1) % pool.length; return pool[i]; },
      callback(n, b) { text += Buffer.from(b.buffer, b.byteOffset, n).toString(); },
    }), () => { console.log('pool', JSON.stringify(text), 'buffers asked', asked); next(); });
  },
  (next) => {
    const buf = Buffer.alloc(8);
    const got = [];
    let paused = false;
    serve((sock) => ({
      buffer: buf,
      callback(n) {
        got.push(`${n}${paused ? ' while paused' : ''}`);
        paused = true;
        this.pause();
        setTimeout(() => { paused = false; this.resume(); }, 50);
      },
    }), () => { console.log('pause', got.join(' ')); next(); });
  },
  (next) => {
    const buf = Buffer.alloc(8);
    const got = [];
    let held = false;
    serve(() => ({
      buffer: buf,
      callback(n) {
        got.push(`${n}${held ? ' while held' : ''}`);
        held = true;
        setTimeout(() => { held = false; this.resume(); }, 50);
        return false;
      },
    }), () => { console.log('return false', got.join(' ')); next(); });
  },
];
(function run(i) { if (i < runs.length) runs[i](() => run(i + 1)); })(0);

// An onread without a usable buffer or callback is ignored: 'data' as usual.
const plain = net.createServer((c) => c.end('x')).listen(0, '127.0.0.1', () => {
  const s = net.connect({ port: plain.address().port, host: '127.0.0.1', onread: { buffer: 'x', callback() {} } });
  s.on('data', (d) => console.log('ignored onread: data', d.toString()));
  s.on('end', () => plain.close());
});
