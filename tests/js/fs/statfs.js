// fs.statfs in its three flavours: a StatFs with Node's seven fields, numbers or
// BigInts ({ bigint: true }), figures that agree with each other, and Node's
// errors for a missing path and bad arguments.
const fs = require('fs');
const os = require('os');

const st = fs.statfsSync(os.tmpdir());
console.log(st.constructor.name, Object.keys(st).join(' '));
console.log('numbers', Object.values(st).every((v) => typeof v === 'number' && v >= 0));
console.log('bavail <= bfree <= blocks', st.bavail <= st.bfree && st.bfree <= st.blocks);
console.log('ffree <= files', st.ffree <= st.files, 'bsize > 0', st.bsize > 0);
const big = fs.statfsSync(os.tmpdir(), { bigint: true });
console.log('bigints', Object.values(big).every((v) => typeof v === 'bigint'));
console.log('same type and bsize', BigInt(st.type) === big.type && BigInt(st.bsize) === big.bsize);

try {
  fs.statfsSync('/no/such/dir');
} catch (err) {
  console.log(err.message, err.code, err.syscall, err.path);
}
for (const bad of [5, null, {}]) {
  try {
    fs.statfsSync(bad);
  } catch (err) {
    console.log('sync', err.code);
  }
}
try {
  fs.statfs(os.tmpdir());
} catch (err) {
  console.log('no callback', err.code);
}
console.log('lengths', fs.statfs.length, fs.statfsSync.length, fs.promises.statfs.length);

fs.statfs(os.tmpdir(), function(err, s) {
  'use strict';
  console.log('callback this', this, 'err', err, s.constructor.name, s.bsize === st.bsize);
  fs.statfs(os.tmpdir(), { bigint: true }, (err, s) => {
    console.log('callback bigint', typeof s.blocks);
    fs.statfs('/no/such/dir', function(err) {
      console.log('callback error', this, err.code, arguments.length);
      promises();
    });
  });
});

async function promises() {
  const p = await fs.promises.statfs(os.tmpdir());
  console.log('promise', p.constructor.name, p.type === st.type);
  console.log('promise bigint', typeof (await fs.promises.statfs(os.tmpdir(), { bigint: true })).ffree);
  await fs.promises.statfs('/no/such/dir').catch((err) => console.log('promise error', err.code, err.syscall));
  await fs.promises.statfs(7).catch((err) => console.log('promise bad path', err.code));
}
