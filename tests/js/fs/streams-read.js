// fs.createReadStream: events and their order, start/end (inclusive), highWaterMark,
// encoding, fd (number and FileHandle), autoClose, close(cb), destroy closing the fd,
// AbortSignal, a custom fs, ENOENT, bad options, and a file truncated while read.
const fs = require('fs');
const os = require('os');
const path = require('path');
const { once } = require('events');

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'coil-rs-'));
const file = (name, data) => {
  const p = path.join(tmp, name);
  if (data !== undefined) fs.writeFileSync(p, data);
  return p;
};
const abc = file('abc.txt', 'abcdefghij');
const pattern = (n) => Buffer.from(Array.from({ length: n }, (_, i) => (i * 7) & 0xff));
const fmt = (e) => `${e.name}|${e.code}|${e.message}`;
// events.once rejects on 'error'; these streams emit 'error' before 'close'.
const closed = (s) => new Promise((resolve) => s.on('close', resolve));

// Reads a stream to the end; returns its chunks (as strings or lengths) and events.
async function collect(rs, show = (c) => String(c)) {
  const events = [];
  const chunks = [];
  rs.on('open', (fd) => events.push(`open:${typeof fd}`));
  rs.on('ready', () => events.push('ready'));
  rs.on('data', (c) => chunks.push(show(c)));
  rs.on('end', () => events.push('end'));
  rs.on('error', (e) => events.push(`error:${e.code}`));
  await closed(rs);
  events.push('close');
  return { chunks, events };
}

const scenarios = [
  async function defaults() {
    const big = file('big.bin', pattern(200000));
    const rs = fs.createReadStream(big);
    console.log('before open', rs.pending, rs.path === big, rs.fd, rs.bytesRead, rs.flags, rs.mode,
      rs.start, rs.end, rs.autoClose, rs.readableHighWaterMark);
    const { chunks, events } = await collect(rs, (c) => c.length);
    console.log(chunks.join(','), events.join(' '), rs.bytesRead, rs.pending, rs.destroyed);
  },
  async function startEnd() {
    for (const opts of [{ start: 2, end: 5 }, { end: 3 }, { start: 7 }, { start: 4, end: 4 },
      { start: 20 }, { start: 0, end: 100 }, { start: 3, end: 8, highWaterMark: 2 }]) {
      const rs = fs.createReadStream(abc, opts);
      const { chunks } = await collect(rs);
      console.log(JSON.stringify(opts), JSON.stringify(chunks), rs.bytesRead);
    }
  },
  async function highWaterMarkAndEncoding() {
    console.log((await collect(fs.createReadStream(abc, { highWaterMark: 3 }))).chunks);
    console.log((await collect(fs.createReadStream(abc, 'hex'))).chunks);
    const euro = file('euro.txt', '€€€'); // 3 bytes each: chunks of 4 split characters
    const rs = fs.createReadStream(euro, { encoding: 'utf8', highWaterMark: 4 });
    const { chunks } = await collect(rs, (c) => `${typeof c}:${c}`);
    console.log(chunks, rs.bytesRead, rs.readableEncoding);
  },
  async function fdNumber() {
    const fd = fs.openSync(abc, 'r');
    const head = Buffer.alloc(2);
    fs.readSync(fd, head, 0, 2, null); // moves the file position: the stream goes on from there
    const rs = fs.createReadStream(null, { fd, autoClose: false, highWaterMark: 4 });
    console.log('fd stream', rs.pending, rs.fd === fd, rs.autoClose);
    let closed = false;
    rs.on('close', () => { closed = true; });
    const chunks = [];
    rs.on('open', () => console.log('open is not emitted for a given fd'));
    for await (const c of rs) chunks.push(String(c));
    await new Promise((r) => setTimeout(r, 10));
    console.log(String(head), chunks, 'close emitted:', closed, 'fd open:', fs.fstatSync(fd).size);
    // With start, reads happen at explicit offsets whatever the fd's position.
    const rs2 = fs.createReadStream('ignored', { fd, start: 1, end: 3 });
    console.log('path kept', rs2.path);
    console.log((await collect(rs2)).chunks);
    try {
      fs.fstatSync(fd);
    } catch (e) {
      console.log('autoClose closed the fd:', e.code);
    }
  },
  async function fileHandle() {
    const h = await fs.promises.open(abc);
    const rs = h.createReadStream({ start: 5, end: 8 });
    console.log('handle stream fd', rs.fd === h.fd, rs.pending, rs.path);
    const { chunks, events } = await collect(rs);
    console.log(chunks, events.join(' '), 'handle fd after', h.fd);
    const h2 = await fs.promises.open(abc);
    const rs2 = h2.createReadStream();
    const rs2Closed = closed(rs2);
    await h2.close();
    await rs2Closed;
    console.log('closing the handle destroys the stream:', rs2.destroyed);
  },
  async function enoent() {
    const missing = path.join(tmp, 'missing.txt');
    const rs = fs.createReadStream(missing);
    let err;
    rs.on('error', (e) => { err = e; });
    const { events } = await collect(rs);
    console.log(events.join(' '), err.code, err.syscall, err.errno, err.path === missing,
      err.message === `ENOENT: no such file or directory, open '${missing}'`);
    const dir = fs.createReadStream(tmp);
    dir.on('error', (e) => console.log('directory:', e.code, e.syscall));
    dir.resume();
    await closed(dir);
  },
  async function badOptions() {
    const tries = [
      [abc, { start: -1 }], [abc, { start: 5, end: 2 }], [abc, { end: -1 }], [abc, { start: '1' }],
      [abc, { start: 1.5 }], [abc, { highWaterMark: -1 }], [abc, { fs: { open: 1 } }], [abc, { fd: 'x' }],
      [abc, { fd: -1 }], [123, {}], [abc, 'no-such-encoding'], [abc, 5],
    ];
    for (const [p, o] of tries) {
      try {
        fs.createReadStream(p, o).destroy();
        console.log('no throw', o);
      } catch (e) {
        console.log(fmt(e));
      }
    }
    const rs = fs.createReadStream(abc, { flags: 'nope' });
    rs.on('error', (e) => console.log('async:', fmt(e)));
    await closed(rs);
  },
  async function closeAndDestroy() {
    const rs = fs.createReadStream(abc);
    const [fd] = await once(rs, 'open');
    rs.destroy();
    await once(rs, 'close');
    try {
      fs.fstatSync(fd);
      console.log('fd still open');
    } catch (e) {
      console.log('destroy closed the fd:', e.code, rs.fd, rs.destroyed);
    }
    const rs2 = fs.createReadStream(abc);
    await new Promise((resolve) => rs2.close((err) => {
      console.log('close cb:', err && err.code);
      resolve();
    }));
    const rs3 = fs.createReadStream(abc, { emitClose: false });
    rs3.resume();
    await once(rs3, 'end');
    await new Promise((r) => setTimeout(r, 10));
    console.log('emitClose false: closed', rs3.closed, 'destroyed', rs3.destroyed);
  },
  async function abortSignal() {
    const ac = new AbortController();
    const rs = fs.createReadStream(abc, { signal: ac.signal });
    rs.on('error', (e) => console.log('abort:', e.name, e.code));
    ac.abort();
    await closed(rs);
    console.log('aborted stream destroyed', rs.destroyed);
  },
  async function customFs() {
    const calls = [];
    const custom = {
      open(p, flags, mode, cb) { calls.push(`open ${path.basename(p)} ${flags} ${mode.toString(8)}`); fs.open(p, flags, mode, cb); },
      read(fd, buf, off, len, pos, cb) { calls.push(`read ${off} ${len} ${pos}`); fs.read(fd, buf, off, len, pos, cb); },
      close(fd, cb) { calls.push('close'); fs.close(fd, cb); },
    };
    const { chunks } = await collect(fs.createReadStream(abc, { fs: custom, highWaterMark: 4, start: 1 }));
    console.log(chunks, calls);
  },
  async function truncatedWhileReading() {
    // Reading at explicit offsets (start) and at the file position (no start).
    for (const opts of [{ start: 0 }, {}]) {
      const src = file('shrinking.bin', pattern(1 << 20));
      const original = fs.readFileSync(src);
      const rs = fs.createReadStream(src, { ...opts, highWaterMark: 16384 });
      const got = [];
      let truncated = false;
      rs.on('data', (c) => {
        got.push(c);
        if (!truncated) {
          truncated = true;
          fs.truncateSync(src, 100);
        }
      });
      const ended = once(rs, 'end');
      await once(rs, 'close');
      await ended;
      const all = Buffer.concat(got);
      console.log(JSON.stringify(opts), 'ended; read less than the file:', all.length < original.length,
        'bytes match the original:', all.equals(original.subarray(0, all.length)), rs.bytesRead === all.length);
    }
  },
  async function replaceableClasses() {
    // graceful-fs and test doubles replace fs.ReadStream or stub createReadStream.
    const Original = fs.ReadStream;
    class Tagged extends Original {}
    fs.ReadStream = Tagged;
    const rs = fs.createReadStream(abc);
    console.log('subclass used:', rs instanceof Tagged, fs.ReadStream === Tagged, fs.FileReadStream === Original);
    rs.destroy();
    fs.ReadStream = Original;
    const desc = Object.getOwnPropertyDescriptor(fs, 'createReadStream');
    console.log(desc.writable, desc.enumerable, fs.createReadStream.name, fs.createWriteStream.name, fs.opendir.name);
    // The old way to customise opening: an open() that sets fd and emits 'open'.
    function Legacy(p, o) { fs.ReadStream.call(this, p, o); }
    Object.setPrototypeOf(Legacy.prototype, fs.ReadStream.prototype);
    Legacy.prototype.open = function() {
      fs.open(this.path, this.flags, this.mode, (err, fd) => {
        if (err) {
          this.destroy();
          this.emit('error', err);
          return;
        }
        this.fd = fd;
        this.emit('open', fd);
        this.read();
      });
    };
    console.log('legacy open:', (await collect(new Legacy(abc, { highWaterMark: 5 }))).chunks);
    const missing = new Legacy(path.join(tmp, 'nope'));
    let code;
    missing.on('error', (e) => { code = e.code; });
    await closed(missing);
    console.log('legacy open error:', code);
  },
];

(async () => {
  for (const s of scenarios) {
    console.log(`-- ${s.name}`);
    await s();
  }
  fs.rmSync(tmp, { recursive: true });
  console.log('done');
})();
