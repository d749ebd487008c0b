// REPLServer.setupHistory: a terminal REPL reads its history from a file (newest
// first) and rewrites the file after each line; up brings a saved line back;
// a REPL that is not on a terminal keeps no history.
'use strict';
const repl = require('repl');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { PassThrough } = require('stream');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'coil-repl-history-'));
const file = path.join(dir, 'history');
fs.writeFileSync(file, 'second\nfirst\n');
const tick = () => new Promise((r) => setTimeout(r, 20));

async function main() {
  const input = new PassThrough();
  const output = new PassThrough();
  output.resume();
  const server = repl.start({ input, output, terminal: true, useColors: false });
  await new Promise((resolve, reject) => server.setupHistory(file, (err, s) => {
    if (err) reject(err);
    console.log('ready', s === server);
    resolve();
  }));
  console.log(JSON.stringify(server.history));
  input.write('\x1b[A');
  await tick();
  console.log('up', JSON.stringify(server.line));
  input.write('\x15var kept = 1\r');
  await tick();
  console.log(JSON.stringify(server.history));
  // node writes the file a little later.
  await new Promise((r) => setTimeout(r, 200));
  console.log(JSON.stringify(fs.readFileSync(file, 'utf8')));
  console.log('mode', (fs.statSync(file).mode & 0o777).toString(8));
  server.close();

  const plain = repl.start({ input: new PassThrough(), output: new PassThrough(), terminal: false });
  const other = path.join(dir, 'unused');
  await new Promise((resolve) => plain.setupHistory(other, resolve));
  plain.input.write('1\n');
  await tick();
  console.log('non-terminal file:', JSON.stringify(fs.readFileSync(other, 'utf8')), plain.history.length);
  plain.close();
  fs.rmSync(dir, { recursive: true });
}
main();
