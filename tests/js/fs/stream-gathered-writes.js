// fs.WriteStream gathers a small write and the writes buffered behind it in the
// same tick into one op (docs/fs.md, "Small writes"). What node shows must not
// change: write()'s return value, writableLength, the order of 'drain', the
// callbacks, 'finish' and 'close', bytesWritten, errors, cork(), destroy(), and a
// subclass's _writev still gets every chunk.
const fs = require('fs');
const path = require('path');
const os = require('os');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gathered-'));
const file = (name) => path.join(dir, name);
const log = (...a) => console.log(...a);

function events(ws, tag) {
  for (const e of ['drain', 'finish', 'close']) {
    ws.on(e, () => log(tag, e, 'length', ws.writableLength, 'written', ws.bytesWritten));
  }
  ws.on('error', (e) => log(tag, 'error', e.code));
}

function backpressure() {
  return new Promise((resolve) => {
    const f = file('a');
    const ws = fs.createWriteStream(f, { highWaterMark: 50 });
    events(ws, 'a');
    ws.once('open', () => {
      const rets = [];
      for (let i = 0; i < 8; i++) rets.push(ws.write(Buffer.from(`${i}`.repeat(10))));
      log('a returns', rets.join(' '), 'length', ws.writableLength, 'buffered', ws.writableBuffer.length);
      ws.once('drain', () => {
        log('a after drain, file', fs.readFileSync(f, 'latin1').length);
        ws.end('end', () => log('a end callback'));
      });
    });
    ws.on('close', () => {
      log('a file', fs.readFileSync(f, 'latin1'));
      resolve();
    });
  });
}

function callbacks() {
  return new Promise((resolve) => {
    const f = file('b');
    const ws = fs.createWriteStream(f, { highWaterMark: 30 });
    events(ws, 'b');
    ws.once('open', () => {
      ws.write('aaaa');
      ws.write('bbbb', () => log('b callback 2, written', ws.bytesWritten));
      ws.write('cccc');
      ws.write('d'.repeat(30), () => log('b callback 4'));
      ws.write('eeee');
      process.nextTick(() => log('b tick, length', ws.writableLength));
      ws.end(() => log('b end callback'));
    });
    ws.on('close', () => {
      log('b file', fs.readFileSync(f, 'latin1'));
      resolve();
    });
  });
}

function corked() {
  return new Promise((resolve) => {
    const f = file('c');
    const ws = fs.createWriteStream(f);
    events(ws, 'c');
    ws.once('open', () => {
      ws.write('1');
      ws.cork();
      ws.write('2');
      ws.write('3');
      setTimeout(() => {
        log('c before uncork, file', JSON.stringify(fs.readFileSync(f, 'latin1')), 'length', ws.writableLength);
        ws.uncork();
        ws.end('4');
      }, 20);
    });
    ws.on('close', () => {
      log('c file', fs.readFileSync(f, 'latin1'));
      resolve();
    });
  });
}

function destroyed() {
  return new Promise((resolve) => {
    const f = file('d');
    const ws = fs.createWriteStream(f);
    events(ws, 'd');
    ws.once('open', () => setImmediate(() => {
      ws.write('first', (err) => log('d callback 1', err?.code));
      ws.write('second', (err) => log('d callback 2', err?.code));
      ws.destroy();
    }));
    ws.on('close', () => {
      log('d file', JSON.stringify(fs.readFileSync(f, 'latin1')));
      resolve();
    });
  });
}

function badFd() {
  return new Promise((resolve) => {
    fs.writeFileSync(file('e'), '');
    const fd = fs.openSync(file('e'), 'r');
    const ws = fs.createWriteStream(null, { fd });
    events(ws, 'e');
    ws.write('x');
    ws.write('y');
    ws.write('z', (err) => log('e callback 3', err?.code));
    ws.on('close', resolve);
  });
}

function subclass() {
  return new Promise((resolve) => {
    class Counting extends fs.WriteStream {
      _writev(chunks, cb) {
        log('f _writev of', chunks.length, chunks.map((c) => c.chunk.toString()).join(''));
        super._writev(chunks, cb);
      }
    }
    const f = file('f');
    const ws = new Counting(f);
    ws.write('a');
    ws.write('b');
    ws.write('c');
    ws.once('open', () => setImmediate(() => {
      ws.write('d');
      ws.write('e');
      ws.write('f');
      ws.end();
    }));
    ws.on('close', () => {
      log('f file', fs.readFileSync(f, 'latin1'));
      resolve();
    });
  });
}

function many() {
  return new Promise((resolve) => {
    const f = file('g');
    const ws = fs.createWriteStream(f);
    let i = 0;
    let drains = 0;
    const more = () => {
      while (i < 50000) {
        if (!ws.write(`${i++}\n`)) {
          drains++;
          return ws.once('drain', more);
        }
      }
      ws.end();
    };
    ws.on('close', () => {
      const lines = fs.readFileSync(f, 'latin1').split('\n');
      log('g lines', lines.length - 1, 'in order', lines.slice(0, -1).every((l, j) => l === `${j}`), 'drains > 10', drains > 10);
      resolve();
    });
    more();
  });
}

backpressure().then(callbacks).then(corked).then(destroyed).then(badFd).then(subclass).then(many)
  .then(() => fs.rmSync(dir, { recursive: true }));
