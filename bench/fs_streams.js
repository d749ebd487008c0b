// fs stream and Dir throughput, runnable under coil and node alike. argv[2] is the
// case, argv[3] a scratch directory holding big.bin (made by fs_streams.py). Prints
// "case=<name> ms=<elapsed>".
const fs = require('fs');
const path = require('path');
const { pipeline } = require('stream');

const [, , name, dir] = process.argv;
const big = path.join(dir, 'big.bin');
const now = () => Number(process.hrtime.bigint()) / 1e6;
const out = (label, t0) => process.stdout.write(`case=${label} ms=${(now() - t0).toFixed(1)}\n`);

function read(label, highWaterMark) {
  const t0 = now();
  let n = 0;
  const rs = fs.createReadStream(big, { highWaterMark });
  rs.on('data', (c) => { n += c.length; });
  rs.on('close', () => { if (n !== fs.statSync(big).size) throw new Error('short'); out(label, t0); });
}

const cases = {
  read64k: () => read('read_256MiB_hwm64k', 64 * 1024),
  read4k: () => read('read_256MiB_hwm4k', 4 * 1024),
  write() {
    const t0 = now();
    const chunk = Buffer.alloc(64 * 1024, 1);
    const ws = fs.createWriteStream(path.join(dir, 'out.bin'));
    let left = 4096; // 256 MiB
    const more = () => {
      while (left > 0) {
        left--;
        if (!ws.write(chunk)) return ws.once('drain', more);
      }
      ws.end();
    };
    ws.on('close', () => out('write_256MiB_64k_chunks', t0));
    more();
  },
  writeSmall() {
    const t0 = now();
    const chunk = Buffer.alloc(100, 1);
    const ws = fs.createWriteStream(path.join(dir, 'out.bin'));
    let left = 200000;
    const more = () => {
      while (left > 0) {
        left--;
        if (!ws.write(chunk)) return ws.once('drain', more);
      }
      ws.end();
    };
    ws.on('close', () => out('write_200k_100B_chunks', t0));
    more();
  },
  copy() {
    const t0 = now();
    pipeline(fs.createReadStream(big), fs.createWriteStream(path.join(dir, 'copy.bin')), (err) => {
      if (err) throw err;
      out('pipeline_copy_256MiB', t0);
    });
  },
  async dir() {
    const t0 = now();
    let n = 0;
    for await (const d of await fs.promises.opendir(path.join(dir, 'entries'))) n += d.name.length > 0;
    if (n !== 10000) throw new Error('entries');
    out('opendir_iterate_10k', t0);
  },
};
cases[name]();
