// readline terminal mode, more: rl.write(data) and rl.write(null, key), the
// history option and historySize, removeHistoryDuplicates, 'pause'/'resume',
// written text with line ends, a callback completer with one candidate, and
// Ctrl+C closing an interface that has no 'SIGINT' listener.
'use strict';
const readline = require('readline');
const { PassThrough } = require('stream');

const input = new PassThrough();
const output = new PassThrough();
output.resume();
const rl = readline.createInterface({
  input, output, terminal: true, history: ['old2', 'old1'], historySize: 4,
  removeHistoryDuplicates: true,
  completer: (line, cb) => cb(null, [['unique'].filter((c) => c.startsWith(line)), line]),
});
const events = [];
rl.on('pause', () => events.push('pause'));
rl.on('resume', () => events.push('resume'));
rl.on('line', (l) => events.push(`line:${l}`));
console.log(JSON.stringify(rl.history));
rl.write('abc def');
rl.write(null, { ctrl: true, name: 'w' });
console.log(JSON.stringify(rl.line), rl.cursor);
rl.write(null, { ctrl: true, name: 'a' });
rl.write(null, { name: 'right' });
rl.write(null, { meta: true, name: 'd' });
console.log(JSON.stringify(rl.line), rl.cursor);
rl.write(null, { ctrl: true, name: 'e' });
rl.write('\n');
rl.write('one\ntwo\nold2\n');
console.log(JSON.stringify(rl.history));
rl.write('un');
input.write('\t');
setTimeout(() => {
  console.log(JSON.stringify(rl.line));
  rl.write(null, { ctrl: true, name: 'u' });
  rl.pause();
  rl.resume();
  rl.on('close', () => {
    events.push('close');
    console.log(events.join(' '));
  });
  input.write('\x03');
}, 20);
