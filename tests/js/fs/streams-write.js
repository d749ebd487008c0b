// fs.createWriteStream: events and 'finish' before 'close', flags 'a', start with
// 'r+', encoding, backpressure (write() false, 'drain'), _writev batching through a
// custom fs, fd and FileHandle, close(cb), flush, errors (ENOENT, EISDIR, options).
const fs = require('fs');
const os = require('os');
const path = require('path');

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'coil-ws-'));
const file = (name, data) => {
  const p = path.join(tmp, name);
  if (data !== undefined) fs.writeFileSync(p, data);
  return p;
};
const fmt = (e) => `${e.name}|${e.code}|${e.message}`;
const closed = (s) => new Promise((resolve) => s.on('close', resolve));

function track(ws) {
  const events = [];
  ws.on('open', (fd) => events.push(`open:${typeof fd}`));
  ws.on('ready', () => events.push('ready'));
  ws.on('finish', () => events.push('finish'));
  ws.on('error', (e) => events.push(`error:${e.code}`));
  ws.on('close', () => events.push('close'));
  return events;
}

const scenarios = [
  async function basic() {
    const p = file('basic.txt');
    const ws = fs.createWriteStream(p);
    console.log('before open', ws.pending, ws.path === p, ws.fd, ws.bytesWritten, ws.flags, ws.mode,
      ws.start, ws.autoClose, ws.writableHighWaterMark, ws.flush);
    const events = track(ws);
    console.log(ws.write('hello '), ws.write(Buffer.from('wor')), ws.write(new Uint8Array([108, 100])));
    ws.end('!', () => events.push('end cb'));
    await closed(ws);
    console.log(events.join(' '), ws.bytesWritten, ws.pending, JSON.stringify(fs.readFileSync(p, 'utf8')));
  },
  async function appendAndStart() {
    const p = file('append.txt', 'abc');
    const ws = fs.createWriteStream(p, { flags: 'a' });
    ws.end('def');
    await closed(ws);
    console.log('a:', fs.readFileSync(p, 'utf8'));
    const q = file('start.txt', 'abcdefgh');
    const ws2 = fs.createWriteStream(q, { flags: 'r+', start: 2 });
    ws2.write('XY');
    ws2.end('Z');
    await closed(ws2);
    console.log('r+ start 2:', fs.readFileSync(q, 'utf8'), ws2.pos, ws2.bytesWritten);
    const ws3 = fs.createWriteStream(file('hex.txt'), { encoding: 'hex' });
    ws3.end('414243');
    await closed(ws3);
    console.log('encoding hex:', fs.readFileSync(ws3.path, 'utf8'));
  },
  async function backpressure() {
    const p = file('bp.bin');
    const ws = fs.createWriteStream(p, { highWaterMark: 10 });
    const results = [ws.write('12345678'), ws.writableLength, ws.write('abcdefgh'), ws.writableLength,
      ws.writableNeedDrain];
    let drains = 0;
    ws.on('drain', () => drains++);
    await new Promise((resolve) => ws.once('drain', resolve));
    console.log(results, 'after drain', ws.writableLength, ws.writableNeedDrain);
    // Write 100 chunks of 1000 bytes, waiting for 'drain' whenever write() says so.
    const chunk = Buffer.alloc(1000, 'x');
    let falses = 0;
    const big = fs.createWriteStream(file('bp2.bin'));
    let bigDrains = 0;
    big.on('drain', () => bigDrains++);
    for (let i = 0; i < 100; i++) {
      if (!big.write(chunk)) {
        falses++;
        await new Promise((resolve) => big.once('drain', resolve));
      }
    }
    big.end();
    await closed(big);
    console.log('false returns', falses, 'drains', bigDrains, 'size', fs.statSync(big.path).size, big.bytesWritten);
    ws.end();
    await closed(ws);
    console.log('first stream', drains, fs.readFileSync(p, 'utf8'));
  },
  async function writevThroughCustomFs() {
    const calls = [];
    const custom = {
      open: fs.open,
      close: fs.close,
      write(fd, buf, off, len, pos, cb) { calls.push(`write ${len} ${pos}`); fs.write(fd, buf, off, len, pos, cb); },
      writev(fd, bufs, pos, cb) { calls.push(`writev ${bufs.length} ${pos}`); fs.writev(fd, bufs, pos, cb); },
    };
    const p = file('writev.txt');
    const ws = fs.createWriteStream(p, { fs: custom, start: 0 });
    for (const s of ['a', 'bb', 'ccc', 'dddd', 'eeeee']) ws.write(s);
    ws.end();
    await closed(ws);
    console.log(calls, fs.readFileSync(p, 'utf8'), ws.bytesWritten);
    // Without writev, each chunk is its own write.
    const calls2 = [];
    const noWritev = { open: fs.open, close: fs.close,
      write(fd, buf, off, len, pos, cb) { calls2.push(len); fs.write(fd, buf, off, len, pos, cb); } };
    const ws2 = fs.createWriteStream(file('nowritev.txt'), { fs: noWritev });
    for (const s of ['a', 'bb', 'ccc']) ws2.write(s);
    ws2.end();
    await closed(ws2);
    console.log(calls2, fs.readFileSync(ws2.path, 'utf8'));
    // Many buffered chunks (more than Linux's 1024 iovecs) all arrive, in order.
    const ws3 = fs.createWriteStream(file('many.txt'));
    ws3.cork();
    let expect = '';
    for (let i = 0; i < 3000; i++) {
      ws3.write(`${i},`);
      expect += `${i},`;
    }
    ws3.uncork();
    ws3.end();
    await closed(ws3);
    console.log('3000 corked chunks intact:', fs.readFileSync(ws3.path, 'utf8') === expect);
  },
  async function fdAndHandle() {
    const p = file('fd.txt');
    const fd = fs.openSync(p, 'w');
    const ws = fs.createWriteStream(null, { fd, autoClose: false });
    const events = track(ws);
    ws.end('via fd');
    await new Promise((resolve) => ws.on('finish', resolve));
    await new Promise((r) => setTimeout(r, 10));
    console.log(events.join(' '), 'fd still open:', fs.fstatSync(fd).size);
    fs.closeSync(fd);
    const h = await fs.promises.open(file('handle.txt'), 'w');
    const hs = h.createWriteStream();
    console.log('handle stream', hs.fd === h.fd, hs.pending);
    hs.write('via ');
    hs.end('handle');
    await closed(hs);
    console.log(fs.readFileSync(hs.path ?? path.join(tmp, 'handle.txt'), 'utf8'), 'handle fd after', h.fd);
  },
  async function closeCb() {
    const p = file('close.txt');
    const ws = fs.createWriteStream(p);
    const events = track(ws);
    ws.write('pending data');
    await new Promise((resolve) => ws.close(() => { events.push('close cb'); resolve(); }));
    console.log(events.join(' '), fs.readFileSync(p, 'utf8'));
    await new Promise((resolve) => ws.close(() => { console.log('close cb on a closed stream'); resolve(); }));
    const flushed = fs.createWriteStream(file('flush.txt'), { flush: true });
    flushed.end('synced');
    await closed(flushed);
    console.log('flush:', fs.readFileSync(flushed.path, 'utf8'));
    const ws2 = fs.createWriteStream(file('destroy.txt'));
    const [fd] = await new Promise((resolve) => ws2.on('open', (...a) => resolve(a)));
    ws2.destroy();
    await closed(ws2);
    try {
      fs.fstatSync(fd);
    } catch (e) {
      console.log('destroy closed the fd:', e.code, ws2.destroyed);
    }
  },
  async function errors() {
    const ws = fs.createWriteStream(path.join(tmp, 'no', 'such', 'dir.txt'));
    const events = track(ws);
    let err;
    ws.on('error', (e) => { err = e; });
    ws.write('x', (e) => events.push(`write cb:${e && e.code}`));
    await closed(ws);
    console.log(events.join(' '), err.syscall, err.errno);
    const d = fs.createWriteStream(tmp);
    const events2 = track(d);
    await closed(d);
    console.log('directory:', events2.join(' '));
    for (const o of [{ start: -1 }, { start: 'x' }, { flush: 'yes' }, { fs: { open() {}, close() {} } },
      { fs: { open() {}, close() {}, writev() {} } }, { fs: { open() {}, close() {}, write() {} }, flush: true }]) {
      try {
        const s = fs.createWriteStream(file('opts.txt'), o);
        s.destroy();
        console.log('no throw', Object.keys(o));
      } catch (e) {
        console.log(fmt(e));
      }
    }
    const ws3 = fs.createWriteStream(file('after-end.txt'));
    ws3.on('error', (e) => console.log('write after end:', e.code));
    ws3.end();
    ws3.write('late');
    await closed(ws3);
  },
  async function destroyWhileBusy() {
    // A slow custom fs: destroy() lands while a read or write is in flight. The fd
    // is closed only after that op completes; the write's callback fails first.
    const log = [];
    const slow = {
      open: fs.open,
      read(fd, buf, off, len, pos, cb) {
        log.push('read start');
        setTimeout(() => { log.push('read done'); fs.read(fd, buf, off, len, pos, cb); }, 30);
      },
      write(fd, buf, off, len, pos, cb) {
        log.push('write start');
        setTimeout(() => { log.push('write done'); fs.write(fd, buf, off, len, pos, cb); }, 30);
      },
      close(fd, cb) { log.push('close'); fs.close(fd, cb); },
    };
    const rs = fs.createReadStream(file('slow.txt', 'slow'), { fs: slow });
    rs.on('data', () => log.push('data'));
    rs.on('open', () => setTimeout(() => { log.push('destroy r'); rs.destroy(); }, 5));
    await closed(rs);
    log.push('rs close');
    const ws = fs.createWriteStream(file('slow-out.txt'), { fs: slow });
    ws.write('abc', (err) => log.push(`write cb ${err && err.code}`));
    ws.on('error', (e) => log.push(`ws error ${e.code}`));
    ws.on('open', () => setTimeout(() => { log.push('destroy w'); ws.destroy(); }, 5));
    await closed(ws);
    log.push('ws close');
    console.log(log.join(', '));
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
