// exec / execFile: buffered output, the error for a failing command (code, killed,
// signal, cmd), maxBuffer, encodings, and the promisified forms.
const cp = require('child_process');
const util = require('util');

cp.exec('echo x; echo y >&2; exit 1', (e, so, se) => {
  console.log('exec:', e.message.split('\n'), e.code, e.killed, e.signal, e.cmd, JSON.stringify(so), JSON.stringify(se));
  cp.execFile('sh', ['-c', 'printf abc'], { encoding: 'buffer' }, (e2, so2) => {
    console.log('execFile buffer:', e2, Buffer.isBuffer(so2), so2.toString());
    cp.exec('yes | head -c 5000', { maxBuffer: 100 }, (e3, so3) => {
      console.log('maxBuffer:', e3.code, e3.message, so3.length);
      cp.execFile('coil-no-such-program', (e4) => {
        console.log('missing:', e4.code, e4.message, e4.cmd);
        promises();
      });
    });
  });
});

async function promises() {
  const r = await util.promisify(cp.exec)('echo p; echo q >&2');
  console.log('promisified exec:', r);
  const r2 = await util.promisify(cp.execFile)('echo', ['a', 'b']);
  console.log('promisified execFile:', r2);
  try {
    await util.promisify(cp.exec)('echo partial; exit 7');
  } catch (e) {
    console.log('rejected:', e.code, JSON.stringify(e.stdout), JSON.stringify(e.stderr));
  }
}
