// readline terminal mode: keys sent on a PassThrough edit rl.line (cursor keys,
// Ctrl-A/E/W/U/K, Alt-B/F, backspace, delete), history with up/down and prefix
// search, the 'history' event, tab completion (sync), Ctrl-C's 'SIGINT', Ctrl-D.
'use strict';
const readline = require('readline');
const { PassThrough } = require('stream');
const input = new PassThrough();
const output = new PassThrough();
let out = '';
output.on('data', (d) => { out += d; });
const rl = readline.createInterface({ input, output, terminal: true, historySize: 3, prompt: '$ ',
  completer: (line) => [['apple', 'apricot', 'banana'].filter((w) => w.startsWith(line)), line] });
const lines = [];
rl.on('line', (l) => lines.push(l));
rl.on('history', (h) => console.log('history', JSON.stringify(h)));
function send(s) { input.write(s); }
send('hello world');
console.log(JSON.stringify(rl.line), rl.cursor);
send('\x1b[D\x1b[D'); console.log(rl.cursor);
send('\x01'); console.log(rl.cursor);
send('\x05'); console.log(rl.cursor);
send('\x1bb'); console.log('alt-b', rl.cursor);
send('\x17'); console.log('ctrl-w', JSON.stringify(rl.line), rl.cursor);
send('\x1bf'); console.log('alt-f', rl.cursor);
send('\x7f'); console.log('bs', JSON.stringify(rl.line), rl.cursor);
send('\x01\x1b[3~'); console.log('del', JSON.stringify(rl.line), rl.cursor);
send('\x0b'); console.log('ctrl-k', JSON.stringify(rl.line));
send('one\rtwo\rthree\r');
console.log(JSON.stringify(lines));
send('\x1b[A'); console.log('up', JSON.stringify(rl.line));
send('\x1b[A'); console.log('up', JSON.stringify(rl.line));
send('\x1b[B\x1b[B'); console.log('down', JSON.stringify(rl.line));
send('t\x1b[A'); console.log('up-prefix', JSON.stringify(rl.line));
send('\x15'); console.log('ctrl-u', JSON.stringify(rl.line));
send('ap\t'); console.log('tab', JSON.stringify(rl.line));
send('\t');
send('\x15b\t'); console.log('tab1', JSON.stringify(rl.line));
rl.on('SIGINT', () => console.log('SIGINT'));
send('\x03');
rl.on('close', () => console.log('close', JSON.stringify(lines)));
send('\x15\x04');
