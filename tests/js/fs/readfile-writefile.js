// readFile/writeFile/appendFile in the three flavours: encodings (string option or
// options object), flags (wx fails on an existing file, a+ appends, r+ overwrites
// in place), mode for new files, fds and FileHandles, data kinds (string,
// Buffer, TypedArray, iterables for promises), and cancelling with an AbortSignal.
const fs = require('fs');
const os = require('os');
const path = require('path');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'coil-'));
const f = (name) => path.join(dir, name);
const mode = (p) => (fs.statSync(p).mode & 0o777).toString(8);
const oldMask = process.umask(0o022);

// ---- sync ----
fs.writeFileSync(f('a'), 'héllo');
console.log('sync default', fs.readFileSync(f('a')), fs.readFileSync(f('a'), 'utf8'));
console.log('sync encodings', fs.readFileSync(f('a'), 'hex'), fs.readFileSync(f('a'), { encoding: 'base64' }),
  fs.readFileSync(f('a'), 'latin1'));
fs.writeFileSync(f('b'), '68656c6c6f', 'hex');
console.log('sync write hex', fs.readFileSync(f('b'), 'utf8'));
fs.writeFileSync(f('b'), 'aGk=', { encoding: 'base64' });
console.log('sync write base64', fs.readFileSync(f('b'), 'utf8'));
fs.writeFileSync(f('b'), new Uint16Array([0x6968, 0x2121]));
console.log('sync write Uint16Array', fs.readFileSync(f('b'), 'utf8'));
fs.writeFileSync(f('b'), new DataView(Buffer.from('dataview').buffer, 0, 4));
console.log('sync write DataView', fs.readFileSync(f('b'), 'utf8').length <= 8);
fs.appendFileSync(f('b'), '+more');
fs.appendFileSync(f('b'), Buffer.from('+buf'));
console.log('sync append', fs.readFileSync(f('b'), 'utf8').endsWith('+more+buf'));
fs.appendFileSync(f('new-append'), 'x', { mode: 0o600 });
console.log('sync append creates with mode', mode(f('new-append')));
fs.writeFileSync(f('m'), 'x', { mode: 0o640 });
console.log('sync mode', mode(f('m')));
fs.writeFileSync(f('m'), 'y', { mode: 0o600 });
console.log('sync mode kept for existing file', mode(f('m')));
fs.writeFileSync(f('m2'), 'x', { mode: '755' });
console.log('sync string mode', mode(f('m2')));
try {
  fs.writeFileSync(f('a'), 'x', { flag: 'wx' });
} catch (e) {
  console.log('sync wx', e.code, e.syscall);
}
fs.writeFileSync(f('a'), 'ZZ', { flag: 'r+' });
console.log('sync r+', fs.readFileSync(f('a'), 'utf8'));
fs.writeFileSync(f('a'), 'tail', { flag: 'a+' });
console.log('sync a+', fs.readFileSync(f('a'), 'utf8'));
fs.writeFileSync(f('empty'), '');
console.log('sync empty', fs.readFileSync(f('empty')).length, JSON.stringify(fs.readFileSync(f('empty'), 'utf8')));
try {
  fs.readFileSync(f('a'), { flag: 'w+' });
} catch (e) {
  console.log('never');
}
console.log('sync read with w+ truncates', fs.readFileSync(f('a'), 'utf8').length);
fs.writeFileSync(f('a'), 'via fd');
{
  const fd = fs.openSync(f('a'), 'r+');
  const b = Buffer.alloc(3);
  fs.readSync(fd, b, 0, 3, null);
  // readFileSync on an fd reads from the current position.
  console.log('sync readFile fd', fs.readFileSync(fd, 'utf8'));
  fs.writeFileSync(fd, '!!');
  fs.closeSync(fd);
  console.log('sync writeFile fd appends at position', fs.readFileSync(f('a'), 'utf8'));
}
// /proc files report size 0 but have content.
console.log('sync /proc', fs.readFileSync('/proc/self/status', 'utf8').startsWith('Name:'));
// A big file, larger than any single chunk.
const big = Buffer.alloc(300000, 'abcdefghij');
fs.writeFileSync(f('big'), big);
console.log('sync big', fs.readFileSync(f('big')).equals(big));

// ---- callback ----
function callbacks(next) {
  fs.writeFile(f('c'), 'callback ✓', (err) => {
    console.log('cb writeFile', err);
    fs.readFile(f('c'), (err, data) => {
      console.log('cb readFile', err, Buffer.isBuffer(data), data.toString());
      fs.readFile(f('c'), 'utf8', (err, data) => {
        console.log('cb readFile utf8', err, data);
        fs.readFile(f('c'), { encoding: 'hex', flag: 'r' }, (err, data) => {
          console.log('cb readFile hex', err, data);
          fs.appendFile(f('c'), ' more', (err) => {
            console.log('cb appendFile', err, fs.readFileSync(f('c'), 'utf8'));
            fs.writeFile(f('c'), 'abcd', { flag: 'wx' }, (err) => {
              console.log('cb wx', err.code);
              fs.writeFile(f('cm'), 'x', { mode: 0o604 }, (err) => {
                console.log('cb mode', err, mode(f('cm')));
                fs.readFile(f('big'), (err, data) => {
                  console.log('cb big', err, data.equals(big));
                  const ac = new AbortController();
                  fs.readFile(f('big'), { signal: ac.signal }, (err, data) => {
                    console.log('cb aborted', err.name, err.code, data);
                    const ac2 = new AbortController();
                    ac2.abort();
                    fs.writeFile(f('abort'), 'x', { signal: ac2.signal }, (err) => {
                      console.log('cb writeFile pre-aborted', err.name, err.code, fs.existsSync(f('abort')));
                      const fd = fs.openSync(f('c'), 'r');
                      fs.readFile(fd, 'utf8', (err, data) => {
                        console.log('cb readFile fd', err, data);
                        fs.closeSync(fd);
                        next();
                      });
                    });
                  });
                  ac.abort();
                });
              });
            });
          });
        });
      });
    });
  });
}

// ---- promises ----
async function promises() {
  const p = fs.promises;
  await p.writeFile(f('p'), 'promise');
  console.log('p readFile', await p.readFile(f('p')), await p.readFile(f('p'), 'utf8'));
  await p.writeFile(f('p'), ['a', 'b', Buffer.from('c')]);
  console.log('p writeFile iterable', await p.readFile(f('p'), 'utf8'));
  async function* gen() {
    yield 'x';
    yield 'y';
  }
  await p.writeFile(f('p'), gen());
  console.log('p writeFile async iterable', await p.readFile(f('p'), 'utf8'));
  await p.appendFile(f('p'), 'z');
  console.log('p appendFile', await p.readFile(f('p'), { encoding: 'utf8' }));
  await p.writeFile(f('pm'), 'x', { mode: 0o611 });
  console.log('p mode', mode(f('pm')));
  try {
    await p.writeFile(f('p'), 'x', { flag: 'wx' });
  } catch (e) {
    console.log('p wx', e.code);
  }
  const ac = new AbortController();
  ac.abort();
  try {
    await p.readFile(f('p'), { signal: ac.signal });
  } catch (e) {
    console.log('p readFile aborted', e.name, e.code);
  }
  try {
    await p.writeFile(f('p'), 'x', { signal: AbortSignal.abort('why') });
  } catch (e) {
    console.log('p writeFile aborted', e.name, e.code, e.cause);
  }
  const ac2 = new AbortController();
  const pending = p.readFile(f('big'), { signal: ac2.signal });
  ac2.abort();
  try {
    await pending;
    console.log('p abort in flight: no error');
  } catch (e) {
    console.log('p abort in flight', e.name);
  }
  const fh = await p.open(f('p'), 'r+');
  console.log('p fh.readFile', await fh.readFile('utf8'));
  await fh.writeFile('handle');
  await fh.appendFile('!');
  await fh.close();
  console.log('p fh.writeFile', fs.readFileSync(f('p'), 'utf8'));
  const fh2 = await p.open(f('p'), 'r');
  console.log('p readFile(FileHandle)', await p.readFile(fh2, 'utf8'));
  await fh2.close();
  console.log('p big', (await p.readFile(f('big'))).equals(big));
}

callbacks(() => promises().then(() => {
  process.umask(oldMask);
  fs.rmSync(dir, { recursive: true });
  console.log('done');
}));
