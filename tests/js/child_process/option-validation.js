// windowsHide / windowsVerbatimArguments must be booleans (even on Linux, where
// they do nothing); timeout, maxBuffer and killSignal are checked before the
// child is made, by spawn, spawnSync and execFile alike, with node's errors.
const cp = require('child_process');

function attempt(label, call) {
  try {
    const r = call();
    if (r && typeof r.on === 'function') {
      r.on('error', () => {});
      console.log(label, 'ok');
    } else {
      console.log(label, 'ok', r.error && r.error.code);
    }
  } catch (e) {
    console.log(label, e.name, e.code, e.message);
  }
}

const missing = 'coil-no-such-program';
for (const [option, value] of [
  ['windowsHide', 1], ['windowsHide', 'yes'], ['windowsHide', null], ['windowsHide', true],
  ['windowsVerbatimArguments', 0], ['windowsVerbatimArguments', false],
  ['timeout', -1], ['timeout', 3.1], ['timeout', true], ['timeout', 0],
  ['maxBuffer', -1], ['maxBuffer', NaN], ['maxBuffer', 'big'], ['maxBuffer', Infinity],
  ['maxBuffer', 3.14],
  ['killSignal', 0], ['killSignal', 500], ['killSignal', 3.14], ['killSignal', 'SIGNOPE'],
  ['killSignal', 'constructor'], ['killSignal', true], ['killSignal', {}],
  ['killSignal', 'sigkill'], ['killSignal', 9], ['killSignal', null],
]) {
  attempt(`spawnSync ${option}=${String(value)}`, () => cp.spawnSync(missing, { [option]: value }));
}
attempt('spawn windowsHide=1', () => cp.spawn(missing, { windowsHide: 1 }));
attempt('spawn killSignal=SIGNOPE', () => cp.spawn(missing, { killSignal: 'SIGNOPE' }));
attempt('spawn killSignal=0', () => cp.spawn(missing, { killSignal: 0 }));
// execFile makes windowsHide a boolean before spawn sees it.
attempt('execFile windowsHide=1', () => cp.execFile(missing, { windowsHide: 1 }, () => {}));
attempt('execFile killSignal=[]', () => cp.execFile(missing, { killSignal: [] }, () => {}));

// A lower-case name is still a signal, for the timeout's kill and for kill().
const r = cp.spawnSync('sleep', ['5'], { timeout: 50, killSignal: 'sigusr1' });
console.log('timed out by', r.signal);
const child = cp.spawn('sleep', ['5']);
child.on('exit', (code, signal) => console.log('killed by', signal));
console.log('kill(sighup):', child.kill('sighup'));
try {
  child.kill(500);
} catch (e) {
  console.log('kill(500):', e.code, e.message);
}
