// readline: lines from a stream (\n, \r\n split across chunks, lone \r, a last
// line without an end), question(), close(), async iteration, the promise API,
// the cursor helpers' escape codes and keypress events.
'use strict';
const readline = require('readline');
const { PassThrough } = require('stream');

const codes = [];
const fake = { write(data, cb) { codes.push(data); if (cb) cb(); return true; } };
console.log(readline.cursorTo(fake, 3), readline.cursorTo(fake, 3, 4),
            readline.moveCursor(fake, -2, 3), readline.moveCursor(fake, 2, -3),
            readline.clearLine(fake, -1), readline.clearLine(fake, 1),
            readline.clearLine(fake, 0), readline.clearScreenDown(fake),
            readline.moveCursor(fake, 0, 0));
console.log(JSON.stringify(codes));
try { readline.cursorTo(fake, NaN); } catch (e) { console.log(e.code); }

async function main() {
  {
    const input = new PassThrough();
    const rl = readline.createInterface({ input });
    const seen = [];
    rl.on('line', (l) => seen.push(l));
    await new Promise((resolve) => {
      rl.on('close', resolve);
      input.write('one\ntw');
      input.write('o\r');
      input.write('\nthree\rfour\n\nlast');
      input.end();
    });
    console.log(JSON.stringify(seen), rl.closed);
    try { rl.question('q?', () => {}); } catch (e) { console.log(e.code, e.message); }
  }
  {
    const input = new PassThrough();
    const out = new PassThrough();
    let written = '';
    out.on('data', (d) => { written += d; });
    const rl = readline.createInterface({ input, output: out, terminal: false });
    rl.question('name? ', (answer) => {
      console.log('answer', JSON.stringify(answer), JSON.stringify(written), rl.getPrompt());
      rl.close();
    });
    const closed = new Promise((resolve) => rl.on('close', resolve));
    input.write('coil\nnext\n');
    await closed;
  }
  {
    const input = new PassThrough();
    const rl = readline.createInterface({ input, crlfDelay: Infinity });
    const lines = rl[Symbol.asyncIterator]();
    input.end('a\nb\r\nc');
    const got = [];
    for await (const line of lines) got.push(line);
    console.log('iterated', JSON.stringify(got));
  }
  {
    const input = new PassThrough();
    const rl = require('readline/promises').createInterface({ input });
    const answer = rl.question('? ');
    input.write('yes\n');
    console.log('promised', await answer);
    rl.close();
  }
  {
    const input = new PassThrough();
    readline.emitKeypressEvents(input);
    input.on('keypress', (s, k) => console.log(JSON.stringify(s), k.name, k.ctrl, k.meta, k.shift));
    for (const s of ['a', 'B', '\r', '\x03', '\x1b[A', '\t', '\x1bx', ' ']) input.write(s);
  }
}
main();
