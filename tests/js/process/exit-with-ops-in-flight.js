// exit: 4
// process.exit() while a watcher's read and a file read are in flight: coil
// cancels, drains and frees them before the process ends, with the code given.
const fs = require('fs');
const os = require('os');
const path = require('path');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'coil-exit-'));
fs.watch(dir);
fs.readFile(__filename, () => console.log('not reached'));
process.on('exit', (code) => {
  fs.rmSync(dir, { recursive: true });
  console.log('exit', code);
});
process.exit(4);
