// execFile, spawn and fork read their optional arguments by type, as node does:
// an array is args, another object the options, a function the callback; a
// value of the wrong type in any slot is a TypeError naming that slot.
const cp = require('child_process');
const cb = () => {};

function attempt(label, call) {
  try {
    const child = call();
    console.log(label, '->', child.constructor.name);
    child.kill();
  } catch (e) {
    console.log(label, '->', e.name, e.code, e.message);
  }
}

attempt('execFile(f, string, {}, cb)', () => cp.execFile('true', 'x', {}, cb));
attempt('execFile(f, [], string, cb)', () => cp.execFile('true', [], 'x', cb));
attempt('execFile(f, [], {}, string)', () => cp.execFile('true', [], {}, 'x'));
attempt('execFile(f, {}, string)', () => cp.execFile('true', {}, 'x'));
attempt('execFile(f, [], [])', () => cp.execFile('true', [], []));
attempt('execFile(f, null, null, string)', () => cp.execFile('true', null, null, 'x'));
attempt('execFile(f, {argv0: 1})', () => cp.execFile('true', { argv0: 1 }));
attempt('execFile(f, cb, string)', () => cp.execFile('true', cb, 'x'));
attempt('execFile(f, {}, cb)', () => cp.execFile('true', {}, cb));
attempt('execFile(f, undefined, undefined, undefined)', () => cp.execFile('true', undefined, undefined, undefined));
attempt('spawn(f, string)', () => cp.spawn('true', 'x'));
attempt('spawn(f, [], [])', () => cp.spawn('true', [], []));
attempt('fork(m, string)', () => cp.fork('m.js', 'x'));
attempt('fork(m, true)', () => cp.fork('m.js', true));
attempt('fork(m, [], string)', () => cp.fork('m.js', [], 'x'));
attempt('exec(c, {}, string)', () => cp.exec('true', {}, 'x'));
