// A 1 GiB streamed upload and a 1 GiB streamed download through the http client
// and server in one process, each side honouring backpressure (write() false ->
// wait for 'drain'), with the process's RSS sampled as it goes: streaming must
// not buffer what the other side has not read. Bytes are counted and summed on
// the receiving side checks each piece's first and last byte against its offset in
// the stream, so a lost, repeated or reordered piece shows.
const http = require('http');

const GIB = 1 << 30;
const CHUNK = 64 * 1024;
const chunk = Buffer.alloc(CHUNK);
for (let i = 0; i < CHUNK; i++) chunk[i] = i & 0xff;

// Writes GIB bytes of `chunk` into a writable, waiting for 'drain' when asked to.
function pump(writable, done) {
  let left = GIB / CHUNK;
  const more = () => {
    while (left > 0) {
      left--;
      if (left === 0) { writable.end(chunk, done); return; }
      if (!writable.write(chunk)) { writable.once('drain', more); return; }
    }
  };
  more();
}

// Counts a readable's bytes and the pieces whose ends do not sit at their offset.
function drain(readable, done) {
  let size = 0;
  let misplaced = 0;
  readable.on('data', (d) => {
    if (d[0] !== (size & 0xff) || d[d.length - 1] !== ((size + d.length - 1) & 0xff)) misplaced++;
    size += d.length;
  });
  readable.on('end', () => done(size, misplaced));
}

let peak = 0;
const base = process.memoryUsage().rss;
const sampler = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss); }, 20);

const server = http.createServer((req, res) => {
  if (req.method === 'PUT') {
    drain(req, (size, misplaced) => res.end(`${size} bytes, ${misplaced} misplaced`));
  } else {
    req.resume();
    res.writeHead(200, { 'Content-Length': GIB });
    pump(res, () => {});
  }
});

server.listen(0, '127.0.0.1', () => {
  const { port } = server.address();
  const put = http.request({ port, method: 'PUT', path: '/up' }, (res) => {
    let text = '';
    res.setEncoding('utf8');
    res.on('data', (d) => { text += d; });
    res.on('end', () => {
      console.log('upload: server got', text);
      http.get({ port, path: '/down' }, (down) => {
        console.log('download: status', down.statusCode, 'length', down.headers['content-length']);
        drain(down, (size, misplaced) => {
          console.log('download: client got', size, 'bytes,', misplaced, 'misplaced');
          clearInterval(sampler);
          const grew = (peak - base) / (1 << 20);
          // node grows by ~30-60 MiB here; a body buffered whole would be 1,024.
          console.log('RSS growth under 128 MiB:', grew < 128, grew >= 128 ? `(${grew.toFixed(0)} MiB)` : '');
          server.close();
        });
      });
    });
  });
  pump(put, () => {});
});
