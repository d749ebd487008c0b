// A mkdtemp() template ending in X gets Node's portability warning, once per
// process, from whichever flavour sees it first; other templates get none.
const fs = require('fs');
const os = require('os');
const path = require('path');

const warnings = [];
process.on('warning', (w) => warnings.push(`${w.name}: ${w.message}`));
const base = fs.mkdtempSync(path.join(os.tmpdir(), 'coil-mkdtemp-'));
const plain = fs.mkdtempSync(path.join(base, 'plain-'));
console.log('plain suffix length', path.basename(plain).length - 'plain-'.length);
const x = fs.mkdtempSync(Buffer.from(path.join(base, 'tmpX')));
console.log('X template still gets six characters', path.basename(x).length - 'tmpX'.length);
fs.mkdtemp(path.join(base, 'againX'), (err, dir) => {
  console.log('callback', err, fs.existsSync(dir));
  fs.promises.mkdtemp(path.join(base, 'promiseX')).then((dir) => {
    console.log('promise', fs.existsSync(dir));
    setImmediate(() => {
      console.log('warnings', warnings);
      fs.rmSync(base, { recursive: true });
    });
  });
});
