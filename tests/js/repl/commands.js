// REPL commands and completion: defineCommand (a function, and { help, action })
// listed by .help, .save and .load of a temp file, .clear's 'reset' event and a
// fresh context, a custom eval and writer, the server's completer on commands,
// globals, keywords, properties of an expression and require('...'); a null line.
'use strict';
const repl = require('repl');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { PassThrough } = require('stream');

function drive(server, out, lines) {
  return (async () => {
    for (const line of lines) {
      if (server.closed) break;
      const before = out.text.length;
      server.input.write(`${line}\n`);
      while (!server.closed && (out.text.length === before || !/(> |\.\.\. |\$ )$/.test(out.text))) {
        await new Promise((r) => setTimeout(r, 2));
      }
    }
  })();
}

function make(options) {
  const input = new PassThrough();
  const output = new PassThrough();
  const out = { text: '' };
  output.on('data', (d) => { out.text += d; });
  const server = repl.start({ input, output, prompt: '> ', ...options });
  return { server, out };
}

function complete(server, line) {
  return new Promise((resolve) => server.completer(line, (err, result) => resolve(result)));
}

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'coil-repl-'));
  const saved = path.join(dir, 'session.js');
  const loaded = path.join(dir, 'load.js');
  fs.writeFileSync(loaded, 'y = 10\nfunction twice(n) {\n  return n * 2;\n}\n');
  {
    const { server, out } = make();
    server.defineCommand('hello', function(rest) {
      this.output.write(`hello ${rest}!\n`);
      this.displayPrompt();
    });
    server.defineCommand('sum', {
      help: 'Add numbers',
      action(rest) {
        this.output.write(`${rest.split(' ').reduce((a, b) => a + Number(b), 0)}\n`);
        this.displayPrompt();
      },
    });
    let resets = 0;
    server.on('reset', (context) => { resets++; console.log('reset, x in new context:', 'x' in context); });
    await drive(server, out, [
      '.hello world', '.sum 1 2 3', 'var x = 1', 'x + 1', `.save ${saved}`, `.load ${loaded}`,
      'twice(y)', `.load ${path.join(dir, 'missing.js')}`, '.help', '.clear', 'typeof x',
    ]);
    console.log(out.text.split(dir).join('<dir>'));
    console.log(JSON.stringify(fs.readFileSync(saved, 'utf8')));
    console.log('resets', resets);
    try {
      server.defineCommand('bad', {});
    } catch (e) {
      console.log(e.code);
    }

    console.log(JSON.stringify(await complete(server, '.he')));
    console.log(JSON.stringify(await complete(server, 'process.ver')));
    console.log(JSON.stringify(await complete(server, 'Mat')));
    console.log(JSON.stringify(await complete(server, 'whi')));
    console.log(JSON.stringify(await complete(server, 'require("readl')));
    server.context.thing = { alpha: 1, alps: 2, beta: 3 };
    console.log(JSON.stringify(await complete(server, 'thing.al')));
    console.log(JSON.stringify(await complete(server, 'let q = thing.b')));
    console.log(JSON.stringify(await complete(server, 'nothing.x')));
    // A 'line' of null (emitted by hand) is an empty line.
    const before = out.text.length;
    server.emit('line', null);
    console.log(JSON.stringify(out.text.slice(before)));
    server.close();
  }
  {
    // A custom eval and writer; useGlobal with a custom eval still resets.
    const seen = [];
    const { server, out } = make({
      eval(cmd, context, filename, cb) {
        seen.push([cmd, /^REPL\d+$/.test(filename), context === server.context]);
        if (cmd.trim() === 'more') return cb(new repl.Recoverable(new SyntaxError('x')));
        if (cmd.trim() === 'fail') return cb(new Error('custom failure'));
        cb(null, cmd.trim().toUpperCase());
      },
      writer: (v) => `<${v}>`,
    });
    await drive(server, out, ['abc', 'more', 'done', 'fail']);
    console.log(out.text);
    console.log(JSON.stringify(seen));
    server.close();
  }
  fs.rmSync(dir, { recursive: true });
}
main();
