// readline terminal mode, the bytes written: prompt drawing, a callback completer's
// common prefix and its list on a second tab, relative cursor moves, enter.
'use strict';
const readline = require('readline');
const { PassThrough } = require('stream');
const input = new PassThrough();
const output = new PassThrough();
let out = '';
output.on('data', (d) => { out += d; });
const rl = readline.createInterface({ input, output, terminal: true, prompt: '$ ',
  completer: (line, cb) => cb(null, [['apple', 'apricot', '', 'banana'].filter((w) => w === '' || w.startsWith(line)), line]) });
rl.prompt();
input.write('a'); input.write('\t'); input.write('\t');
input.write('p\x1b[D\x1b[C\r');
setTimeout(() => { console.log(JSON.stringify(out)); rl.close(); }, 50);
