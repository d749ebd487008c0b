// spawnSync / execSync / execFileSync: output, status and signal, input, timeout
// (the child killed), errors that carry the result.
const cp = require('child_process');

const r = cp.spawnSync('sh', ['-c', 'echo a; echo b >&2; exit 2']);
console.log(r.status, r.signal, r.output.length, r.output[0], String(r.stdout), String(r.stderr), r.pid > 0);
console.log(cp.spawnSync('sh', ['-c', 'cat; echo done'], { input: 'fed ', encoding: 'utf8' }).stdout);
const t = cp.spawnSync('sleep', ['5'], { timeout: 100 });
console.log('timeout:', t.error.code, t.error.message, t.status, t.signal);
const k = cp.spawnSync('sh', ['-c', 'kill -9 $$']);
console.log('killed by signal:', k.status, k.signal);
console.log(JSON.stringify(cp.execSync('echo hi', { encoding: 'utf8' })));
console.log(JSON.stringify(cp.execFileSync('echo', ['a', 'b'], { encoding: 'utf8' })));
try {
  cp.execSync('echo out; echo err >&2; exit 4', { stdio: 'pipe' });
} catch (e) {
  console.log('execSync threw:', JSON.stringify(e.message), e.status, String(e.stdout), String(e.stderr));
}
try {
  cp.execFileSync('coil-no-such-program');
} catch (e) {
  console.log('execFileSync missing:', e.code, e.message);
}
const big = cp.spawnSync('sh', ['-c', 'head -c 2000000 /dev/zero'], { maxBuffer: 1000 });
console.log('maxBuffer:', big.error && big.error.code, big.stdout.length > 1000 && big.stdout.length < 2000000);
