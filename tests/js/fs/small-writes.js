// Small writes (docs/fs.md, "Small writes"): the bytes land in order through a
// stream that gathers them (default, append and `start`), and 16 KiB writes to a
// FIFO past the pipe's capacity wait for the reader in this same process without
// blocking the loop (a write made on the loop thread would hang here).
const fs = require('fs');
const path = require('path');
const os = require('os');
const { execFileSync } = require('child_process');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'small-writes-'));

function through(file, opts, n) {
  return new Promise((resolve, reject) => {
    const ws = fs.createWriteStream(file, opts);
    let i = 0;
    const more = () => {
      while (i < n) {
        const line = `${i++},`;
        if (!ws.write(line)) return ws.once('drain', more);
      }
      ws.end();
    };
    ws.on('error', reject).on('close', resolve);
    more();
  });
}

function expect(n) {
  let s = '';
  for (let i = 0; i < n; i++) s += `${i},`;
  return s;
}

async function streams() {
  const f = path.join(dir, 'a.txt');
  await through(f, undefined, 20000);
  console.log('stream in order:', fs.readFileSync(f, 'latin1') === expect(20000));
  await through(f, { flags: 'a' }, 3000);
  console.log('append in order:', fs.readFileSync(f, 'latin1') === expect(20000) + expect(3000));
  fs.writeFileSync(f, 'x'.repeat(10));
  await through(f, { flags: 'r+', start: 4 }, 1000);
  console.log('start in order:', fs.readFileSync(f, 'latin1') === 'xxxx' + expect(1000));
  const fd = fs.openSync(f, 'w');
  const done = [];
  for (let i = 0; i < 100; i++) {
    done.push(new Promise((res) => fs.write(fd, Buffer.from(`${i}.`), null, () => res())));
  }
  await Promise.all(done);
  fs.closeSync(fd);
  console.log('concurrent writes, bytes:', fs.readFileSync(f, 'latin1').length);
}

function fifo() {
  const p = path.join(dir, 'p');
  execFileSync('mkfifo', [p]);
  const w = fs.openSync(p, 'r+');
  const chunk = Buffer.alloc(16384, 'q');
  const total = chunk.length * 20;
  let got = 0;
  return new Promise((resolve) => {
    fs.createReadStream(p, { highWaterMark: 4096 })
      .on('data', (c) => { got += c.length; })
      .on('end', () => { console.log('fifo got', got, 'of', total); resolve(); });
    let sent = 0;
    const next = () => fs.write(w, chunk, 0, chunk.length, null, (err, n) => {
      if (err) throw err;
      sent += n;
      if (sent < total) return next();
      fs.closeSync(w);
    });
    next();
  });
}

streams().then(fifo).then(() => fs.rmSync(dir, { recursive: true }));
