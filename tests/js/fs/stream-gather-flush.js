// fs.WriteStream sends a small write, with the writes made behind it, from a
// microtask (a tick under async_hooks), and a gathered write's completion is the
// stream's own request (docs/fs.md, "Small writes (session 11)"). Ticks and
// promise callbacks that write, cork, destroy or fail around that flush must see
// what node shows: bytesWritten, the file's bytes, 'drain'/'finish'/'close'/'error'.
const fs = require('fs');
const path = require('path');
const os = require('os');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gather-flush-'));
const file = (name) => path.join(dir, name);
const log = (...a) => console.log(...a);
const chunk = (i) => Buffer.from(String.fromCharCode(97 + (i % 26)).repeat(10));

function events(ws, tag) {
  for (const e of ['drain', 'finish', 'close']) {
    ws.on(e, () => log(tag, e, 'length', ws.writableLength, 'written', ws.bytesWritten));
  }
  ws.on('error', (e) => log(tag, 'error', e.code, e.syscall));
}

function opened(name, options, fn) {
  return new Promise((resolve) => {
    const f = file(name);
    const ws = fs.createWriteStream(f, options);
    events(ws, name);
    ws.on('close', () => {
      log(name, 'file', fs.existsSync(f) ? fs.readFileSync(f, 'latin1') : '(none)');
      resolve();
    });
    ws.once('open', () => fn(ws));
  });
}

// Writes from a tick and from a promise callback join the first ones, in order.
const laterWrites = () => opened('later', {}, (ws) => {
  for (let i = 0; i < 3; i++) ws.write(chunk(i));
  process.nextTick(() => {
    log('later tick, length', ws.writableLength);
    ws.write(chunk(3));
  });
  Promise.resolve().then(() => {
    log('later promise, length', ws.writableLength);
    ws.write(chunk(4));
    ws.end(chunk(5));
  });
});

// A tick that destroys the stream right after the writes: only what node had
// handed to the file by then is written.
const destroyInTick = () => opened('tickdestroy', {}, (ws) => {
  for (let i = 0; i < 5; i++) ws.write(chunk(i));
  process.nextTick(() => {
    ws.destroy();
    log('tickdestroy destroyed, length', ws.writableLength);
  });
});

// Corked in a tick before the flush: the corked chunks wait for uncork().
const corkInTick = () => opened('cork', {}, (ws) => {
  ws.write(chunk(0));
  ws.write(chunk(1));
  process.nextTick(() => {
    ws.cork();
    ws.write(chunk(2));
    ws.write(chunk(3));
    setImmediate(() => {
      log('cork before uncork, length', ws.writableLength, 'written', ws.bytesWritten);
      ws.uncork();
      ws.end();
    });
  });
});

// A gathered write that fails (the fd is read-only): one 'error', then 'close'.
function failing() {
  return new Promise((resolve) => {
    const f = file('ro');
    fs.writeFileSync(f, 'original');
    const ws = fs.createWriteStream(null, { fd: fs.openSync(f, 'r') });
    events(ws, 'ro');
    ws.on('close', () => {
      log('ro file', fs.readFileSync(f, 'latin1'), 'errored', ws.errored && ws.errored.code);
      resolve();
    });
    for (let i = 0; i < 4; i++) log('ro write returns', ws.write(chunk(i)));
  });
}

// Many small writes paced by 'drain', while an async hook is enabled (the flush
// is then a tick): every byte arrives in order.
function withHooks() {
  const hook = require('async_hooks').createHook({ init() {} }).enable();
  return opened('hooked', { highWaterMark: 64 }, (ws) => {
    let i = 0;
    let drains = 0;
    ws.on('drain', () => drains++);
    const more = () => {
      while (i < 40) {
        if (!ws.write(chunk(i++))) return ws.once('drain', more);
      }
      ws.end(() => {
        hook.disable();
        log('hooked drains', drains);
      });
    };
    more();
  });
}

(async () => {
  await laterWrites();
  await destroyInTick();
  await corkInTick();
  await failing();
  await withHooks();
  fs.rmSync(dir, { recursive: true });
})();
