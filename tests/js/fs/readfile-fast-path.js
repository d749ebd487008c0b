// fs.promises.readFile(aString) takes a short path to the binding; whatever it
// skips must behave as the full argument checks do: NUL bytes, other path types,
// options given as undefined or null, and the Buffer it returns.
const fs = require('fs');
const os = require('os');
const path = require('path');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'coil-rf-fast-'));
const file = path.join(dir, 'a.txt');
fs.writeFileSync(file, 'hello fast path');

function settle(p) {
  return p.then((v) => ['ok', v], (e) => ['err', e]);
}

(async () => {
  console.log(fs.promises.readFile.name, fs.promises.readFile.length);
  for (const [label, args] of [
    ['string', [file]],
    ['undefined options', [file, undefined]],
    ['null options', [file, null]],
    ['buffer path', [Buffer.from(file)]],
  ]) {
    const [kind, buf] = await settle(fs.promises.readFile(...args));
    console.log(label, kind, Buffer.isBuffer(buf), buf.toString(), buf.byteOffset,
      buf.buffer.byteLength === buf.length);
  }
  // A bad path rejects (never throws), with the same error as the full checks.
  let thrown = false;
  let p;
  try {
    p = fs.promises.readFile(file + '\u0000x');
  } catch {
    thrown = true;
  }
  const [kind, e] = await settle(p);
  console.log('nul', thrown, kind, e.code, e.message.replace(dir, '<dir>'));
  const [kind2, e2] = await settle(fs.promises.readFile(new String(file)));
  console.log('String object', kind2, e2.code);
  const [kind3, e3] = await settle(fs.promises.readFile(path.join(dir, 'missing')));
  console.log('missing', kind3, e3.code, e3.syscall, e3.path === path.join(dir, 'missing'));
  fs.rmSync(dir, { recursive: true });
})();
