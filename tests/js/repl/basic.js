// repl.start over PassThrough streams (not a terminal): results through
// util.inspect, multi-line input on '... ', `_` and `_error`, "Uncaught" errors
// (with a function's own frame, without the REPL's), a SyntaxError with its
// caret, built-in modules by name, .help, an invalid keyword, .break, a fresh
// context per server (useGlobal false), ignoreUndefined, top-level await, 'exit'.
'use strict';
const repl = require('repl');
const { PassThrough } = require('stream');

function run(lines, options) {
  return new Promise((resolve) => {
    const input = new PassThrough();
    const output = new PassThrough();
    let out = '';
    output.on('data', (d) => { out += d; });
    const server = repl.start({ input, output, prompt: '> ', ...options });
    server.on('exit', () => resolve({ out, server }));
    // The next line goes in once the server has answered with a prompt.
    (async () => {
      for (const line of lines) {
        if (server.closed) break;
        const before = out.length;
        input.write(`${line}\n`);
        while (!server.closed && (out.length === before || !/(> |\.\.\. )$/.test(out))) {
          await new Promise((r) => setTimeout(r, 2));
        }
      }
      input.end();
    })();
  });
}

async function main() {
  let { out, server } = await run([
    '1 + 1',
    '_ * 10',
    'var o = { a: [1, 2], s: "str" }',
    'o',
    '{ b: 2 }',
    'function f() {',
    '  return 41 + 1;',
    '}',
    'f()',
    '`multi',
    'line`',
    'throw new Error("boom")',
    '_error.message',
    'function g() { throw new TypeError("inner"); }',
    'g()',
    'throw 5',
    'nope',
    '1)',
    'typeof path.join',
    'path === require("path")',
    '.nothing',
    'foo(',
    '.break',
    'await Promise.resolve("awaited")',
    'const later = await new Promise((r) => setTimeout(() => r(7), 10))',
    'later * 6',
    'typeof globalThis.o',
    '_ = 3',
    '1',
    '_',
  ]);
  console.log(out);
  console.log('server.context.o:', JSON.stringify(server.context.o), typeof globalThis.o);
  console.log('lines:', JSON.stringify(server.lines));

  ({ out } = await run(['undefined', 'void 0', '2', '.help', '.exit', '3'], { ignoreUndefined: true }));
  console.log(out);
}
main();
