// readline: escapeCodeTimeout and tabSize options (kept, bad values refused), an
// input's 'error' reaching the interface's 'error' and rejecting its async
// iterator, and a for-await nested in another over the same interface going on
// with the same lines.
'use strict';
const readline = require('readline');
const { PassThrough } = require('stream');

const rl = readline.createInterface({ input: new PassThrough(), escapeCodeTimeout: 50, tabSize: 4 });
console.log(rl.escapeCodeTimeout, rl.tabSize);
rl.close();
for (const bad of [null, {}, NaN, '50', 0, -1]) {
  try {
    readline.createInterface({ input: new PassThrough(), escapeCodeTimeout: bad });
    console.log('accepted', bad);
  } catch (e) {
    console.log(e.name, e.code);
  }
}

async function main() {
  {
    const input = new PassThrough();
    const rl2 = readline.createInterface({ input });
    rl2.on('error', (e) => console.log('error event:', e.message));
    input.emit('error', new Error('input broke'));
    rl2.close();
  }
  {
    const input = new PassThrough();
    const rl3 = readline.createInterface({ input });
    setTimeout(() => input.emit('error', new Error('mid-iteration')), 5);
    try {
      for await (const line of rl3) console.log('line', line);
    } catch (e) {
      console.log('iterator rejected:', e.message);
    }
  }
  {
    const input = new PassThrough();
    const rl4 = readline.createInterface({ input });
    setTimeout(() => input.end('a\nb\nc\n'), 5);
    const seen = [];
    let outer = 0;
    for await (const first of rl4) {
      outer++;
      seen.push(first);
      for await (const rest of rl4) seen.push(rest);
    }
    console.log(outer, JSON.stringify(seen));
  }
}
main();
