// prettier 2's command line, run as a user runs it: format a file to stdout, and
// --check (exit 1 and a warning for a file that is not formatted).
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'prettier-cli-'));
const file = path.join(dir, 'ugly.js');
fs.writeFileSync(file, 'const a  =  {b:1}\nfunction f( x ){return x*2}\n');
process.argv = [process.argv[0], require.resolve('prettier/bin-prettier.js'), file];
const { run } = require('prettier/cli.js');
Promise.resolve(run(process.argv.slice(2))).then(() => {
  console.log('exitCode', process.exitCode);
  fs.rmSync(dir, { recursive: true });
});
