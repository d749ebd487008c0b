// The main file under "type": "module" goes to the ES module loader whatever its
// name, but .cjs: an extensionless bin script (typescript's bin/tsc) runs as a
// module; an unknown extension is ERR_UNKNOWN_FILE_EXTENSION, as node says.
'use strict';
const { spawnSync } = require('child_process');
const path = require('path');
const dir = path.join(__dirname, 'fixtures', 'typed-bin');
const run = (file) => spawnSync(process.execPath, [path.join(dir, file)], { encoding: 'utf8' });
const bin = run('cli');
console.log(bin.status, bin.stdout.trim());
const txt = run('notes.txt');
console.log(txt.status, txt.stdout === '', /ERR_UNKNOWN_FILE_EXTENSION/.test(txt.stderr),
  /Unknown file extension "\.txt" for .*notes\.txt/.test(txt.stderr));
