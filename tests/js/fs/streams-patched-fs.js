// fs streams call fs.open/read/write/close as they are when each call is made, as
// Node's do: a replacement installed on the fs module (or given as options.fs) is
// used; the stream's fd is still set while close is called. Options inherited
// through the prototype count.
const fs = require('fs');
const os = require('os');
const path = require('path');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'coil-patched-'));
const file = path.join(dir, 'data');
fs.writeFileSync(file, 'abcdefghij');
const calls = [];
const saved = {};
for (const name of ['open', 'read', 'write', 'close']) {
  saved[name] = fs[name];
  fs[name] = function(...args) {
    calls.push(name);
    return saved[name].apply(this === undefined ? fs : this, args);
  };
}
function restore() {
  Object.assign(fs, saved);
}

const rs = fs.createReadStream(file, { __proto__: { encoding: 'utf8', start: 2, end: 5, highWaterMark: 2 } });
console.log('inherited start/end', rs.start, rs.end, rs.readableHighWaterMark, rs.readableEncoding);
let text = '';
rs.on('data', (chunk) => { text += chunk; });
rs.on('close', () => {
  console.log('read', JSON.stringify(text), 'calls', calls.join(' '));
  calls.length = 0;
  writeWithPatchedClose();
});

function writeWithPatchedClose() {
  const out = path.join(dir, 'out');
  const ws = fs.createWriteStream(out);
  fs.close = function(fd, cb) {
    calls.push(`close fd matches ${fd === ws.fd}`);
    saved.close(fd, cb);
  };
  ws.write('one');
  ws.end('two', () => {});
  ws.on('close', () => {
    console.log('wrote', fs.readFileSync(out, 'utf8'), 'calls', calls.join(' '), 'fd after', ws.fd);
    restore();
    failingRead();
  });
}

function failingRead() {
  const boom = new Error('BAM');
  const rs = fs.createReadStream(file, {
    fs: {
      open: (p, flags, mode, cb) => fs.open(p, flags, mode, cb),
      read(fd, buf, off, len, pos, cb) {
        process.nextTick(cb, boom);
      },
      close(fd, cb) {
        console.log('options.fs close', typeof fd);
        fs.close(fd, cb);
      },
    },
  });
  rs.resume();
  rs.on('error', (err) => {
    console.log('error is ours', err === boom, 'fd', rs.fd);
    fs.rmSync(dir, { recursive: true });
  });
}
