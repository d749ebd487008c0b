// A burst of fs calls in flight at once, successes and failures mixed, through the
// callback and promise APIs: each call settles once, with its own result (the
// right Stats, the right file's bytes) or its own error (code, syscall, and the
// path of that call), whatever the others did meanwhile.
const fs = require('fs');
const os = require('os');
const path = require('path');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'coil-burst-'));
const N = 600;
const names = [];
for (let i = 0; i < N; i++) {
  const p = path.join(dir, `f${i}`);
  // Every third name is missing; the others hold their index, i bytes long.
  if (i % 3 !== 0) fs.writeFileSync(p, 'x'.repeat(i));
  names.push(p);
}

const bad = [];
function check(kind, i, err, value) {
  const p = names[i];
  if (i % 3 === 0) {
    const want = kind.endsWith('readFile') ? 'open' : kind.endsWith('lstat') ? 'lstat' : 'stat';
    if (!err || err.code !== 'ENOENT' || err.syscall !== want || err.path !== p ||
        !err.message.endsWith(`'${p}'`)) bad.push(`${kind} ${i}: ${err && err.message}`);
    return;
  }
  if (err) return bad.push(`${kind} ${i}: ${err.message}`);
  const size = kind.endsWith('readFile') ? value.length : value.size;
  if (size !== i) bad.push(`${kind} ${i}: size ${size}`);
}

const settled = { count: 0 };
const once = (kind, i) => {
  let calls = 0;
  return (err, value) => {
    if (++calls !== 1) bad.push(`${kind} ${i}: settled twice`);
    check(kind, i, err, value);
    if (++settled.count === N * 5) report();
  };
};

for (let i = 0; i < N; i++) {
  fs.stat(names[i], once('cb stat', i));
  fs.readFile(names[i], once('cb readFile', i));
  for (const [kind, fn] of [['stat', fs.promises.stat], ['lstat', fs.promises.lstat],
    ['readFile', fs.promises.readFile]]) {
    const done = once(`promise ${kind}`, i);
    fn(names[i]).then((v) => done(null, v), (e) => done(e));
  }
}

function report() {
  console.log('settled', settled.count, 'of', N * 5);
  console.log('wrong', bad.length, bad.slice(0, 5));
  fs.rmSync(dir, { recursive: true });
}
process.on('exit', () => {
  if (settled.count !== N * 5) console.log('only', settled.count, 'settled');
});
