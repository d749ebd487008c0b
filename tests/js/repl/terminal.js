// A REPL on a terminal (terminal: true over PassThrough streams): keys edit the
// line, Enter evaluates, up brings history back, Tab completes a property's
// common prefix, .editor runs what was typed on Ctrl+D, Ctrl+C once warns and
// twice exits.
'use strict';
const repl = require('repl');
const { PassThrough } = require('stream');

const input = new PassThrough();
const output = new PassThrough();
output.columns = 200;
let out = '';
output.on('data', (d) => { out += d; });
const server = repl.start({ input, output, prompt: '> ', terminal: true, useColors: false });
const plain = () => out.replace(/\x1b\[[0-9;]*[A-Za-z]/g, '');
const tick = () => new Promise((r) => setTimeout(r, 20));

async function main() {
  console.log('terminal', server.terminal, 'line', JSON.stringify(server.line));
  input.write('1+2');
  await tick();
  console.log(JSON.stringify(server.line), server.cursor);
  input.write('\x1b[D\x1b[D');
  input.write('0');
  await tick();
  console.log(JSON.stringify(server.line), server.cursor);
  out = '';
  input.write('\r');
  await tick();
  console.log('result shown:', /\n12\r?\n/.test(plain()));
  console.log('history', JSON.stringify(server.history));
  input.write('\x1b[A');
  await tick();
  console.log('up', JSON.stringify(server.line));
  input.write('\x15process.versi\t');
  await tick();
  console.log('tab', JSON.stringify(server.line));
  input.write('\x15');
  out = '';
  input.write('.editor\r');
  await tick();
  console.log('editor', plain().includes('// Entering editor mode'));
  out = '';
  input.write('const z = 5;\r');
  input.write('z * 2');
  await tick();
  input.write('\x04');
  await tick();
  console.log('editor result:', plain().includes('10'));
  server.on('exit', () => console.log('exit'));
  out = '';
  input.write('\x03');
  await tick();
  console.log('warned:', plain().includes('(To exit, press Ctrl+C again or Ctrl+D or type .exit)'));
  input.write('\x03');
  await tick();
  console.log('closed', server.closed);
}
main();
