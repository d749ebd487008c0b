'use strict';
// tar (npm's archiver) over minizlib, which drives zlib's streams through their
// internals (_processChunk, _handle, a patched Buffer.concat): a .tar.gz made
// and read back, and minizlib's own Gzip/Gunzip/Brotli streams with params().
const fs = require('fs');
const os = require('os');
const path = require('path');
const tar = require('tar');
const minizlib = require('minizlib');
const zlib = require('zlib');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'coil-npm-tar-'));
const src = path.join(dir, 'src');
fs.mkdirSync(path.join(src, 'sub'), { recursive: true });
for (let i = 0; i < 20; i++) {
  fs.writeFileSync(path.join(src, 'sub', `file${i}.txt`), `file ${i}\n`.repeat(1000 * (i + 1)));
}
fs.writeFileSync(path.join(src, 'random.bin'), Buffer.from(Array.from({ length: 70000 }, (_, i) => (i * 7919) % 251)));

(async () => {
  const archive = path.join(dir, 'out.tgz');
  await tar.c({ gzip: true, file: archive, cwd: src, portable: true }, ['sub', 'random.bin']);
  const listed = [];
  await tar.t({ file: archive, onentry: (e) => listed.push(`${e.path} ${e.size}`) });
  console.log('entries', listed.length, listed.slice(0, 3).join(', '));
  const out = path.join(dir, 'out');
  fs.mkdirSync(out);
  await tar.x({ file: archive, cwd: out });
  let same = true;
  for (const name of ['random.bin', ...fs.readdirSync(path.join(src, 'sub')).map((n) => `sub/${n}`)]) {
    same = same && fs.readFileSync(path.join(src, name)).equals(fs.readFileSync(path.join(out, name)));
  }
  console.log('extracted same bytes', same, 'gunzip by zlib', zlib.gunzipSync(fs.readFileSync(archive)).length);

  // minizlib streams (synchronous writes through _processChunk).
  const text = Buffer.from('minizlib '.repeat(5000));
  const gz = new minizlib.Gzip({ level: 9 });
  const parts = [];
  gz.on('data', (c) => parts.push(c));
  gz.write(text.subarray(0, 20000));
  gz.params(1, 0);
  gz.write(text.subarray(20000));
  gz.end();
  const packed = Buffer.concat(parts);
  console.log('minizlib gzip', zlib.gunzipSync(packed).equals(text));
  const gunzip = new minizlib.Gunzip();
  const back = [];
  gunzip.on('data', (c) => back.push(c));
  gunzip.end(packed);
  console.log('minizlib gunzip', Buffer.concat(back).equals(text));
  const br = new minizlib.BrotliCompress();
  const brParts = [];
  br.on('data', (c) => brParts.push(c));
  br.end(text);
  console.log('minizlib brotli', zlib.brotliDecompressSync(Buffer.concat(brParts)).equals(text));
  const bad = new minizlib.Gunzip();
  bad.on('error', (e) => console.log('minizlib error', e.code, e.errno, e.message));
  bad.end(Buffer.from('not gzip'));
  fs.rmSync(dir, { recursive: true });
})();
