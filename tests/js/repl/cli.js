// `coil -i` with piped stdin: a REPL in the global scope whose output (after the
// two welcome lines) is node's: results, multi-line input, errors, .exit, exit 0.
'use strict';
const { spawnSync } = require('child_process');

const input = [
  '1+1', 'var x = 20', 'x + 1', 'function f() {', 'return x * 2 }', 'f()',
  'throw new RangeError("r")', '_error.name', 'typeof os.cpus', '.exit', 'never',
].join('\n') + '\n';
const r = spawnSync(process.execPath, ['-i'], {
  input, encoding: 'utf8', env: { ...process.env, NODE_REPL_HISTORY: '', COIL_REPL_HISTORY: '' },
});
console.log(r.status, r.signal);
const lines = r.stdout.split('\n');
console.log(/^Welcome to /.test(lines[0]), lines[1]);
console.log(JSON.stringify(lines.slice(2).join('\n')));
console.log(JSON.stringify(r.stderr));
