// fs.WriteStream's gathered small writes (docs/fs.md, "Small writes") as
// Writable's state shows them: while the first write is in flight the others stay
// in writableBuffer and count in writableLength until it completes; a chunk too big to gather (and what follows it) goes on as its own write, a
// stream corked meanwhile keeps them until uncork(), and end() during the write
// gives 'finish' and 'close' once all is written, as in node.
const fs = require('fs');
const path = require('path');
const os = require('os');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gathered-state-'));
const log = (...a) => console.log(...a);
const state = (ws) => `length ${ws.writableLength} buffered ${ws.writableBuffer.length} written ${ws.bytesWritten}`;

function run(name, body) {
  return new Promise((resolve) => {
    const f = path.join(dir, name);
    const ws = fs.createWriteStream(f);
    for (const e of ['drain', 'finish', 'close']) ws.on(e, () => log(name, e, state(ws)));
    ws.on('close', () => {
      const text = fs.readFileSync(f, 'latin1');
      log(name, 'file', text.length, JSON.stringify(text.slice(0, 12)), JSON.stringify(text.slice(-12)));
      resolve();
    });
    ws.once('open', () => setImmediate(() => body(ws)));
  });
}

(async () => {
  await run('plain', (ws) => {
    for (let i = 0; i < 6; i++) ws.write(`p${i}`);
    log('plain after writes', state(ws));
    process.nextTick(() => log('plain next tick', state(ws)));
    setImmediate(() => ws.end());
  });

  await run('big', (ws) => {
    ws.write('a');
    ws.write('b');
    ws.write('X'.repeat(5000));
    ws.write('c');
    ws.write('d');
    log('big after writes', state(ws));
    setImmediate(() => ws.end('e'));
  });

  await run('corked', (ws) => {
    ws.write('1');
    ws.write('2');
    ws.write('3');
    process.nextTick(() => ws.cork());
    setTimeout(() => {
      // (bytesWritten differs: node has written '1' alone, coil '123' in one op.)
      log('corked while corked, length', ws.writableLength, 'buffered', ws.writableBuffer.length);
      ws.uncork();
      ws.end('4');
    }, 30);
  });

  await run('ending', (ws) => {
    for (let i = 0; i < 300; i++) ws.write('0123456789');
    ws.end('!', () => log('ending end callback', state(ws)));
    log('ending after end', state(ws), ws.writableEnded, ws.writableFinished);
  });

  // Many drain rounds, as bench/fs.js write-small (16 KiB of 100-byte writes each).
  await run('rounds', (ws) => {
    const chunk = Buffer.alloc(100, 'r');
    let left = 5000;
    let drains = 0;
    const more = () => {
      while (left > 0) {
        left--;
        if (!ws.write(chunk)) {
          drains++;
          return ws.once('drain', more);
        }
      }
      log('rounds drains', drains, state(ws));
      ws.end();
    };
    more();
  });
  fs.rmSync(dir, { recursive: true });
})();
