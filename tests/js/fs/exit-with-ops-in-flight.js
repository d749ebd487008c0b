// exit: 3
// The process may end with operations still in flight (an unref'd watcher's read,
// process.exit while a read waits): coil tears its backend down at exit — cancels
// them, waits for their completions, frees them — and exits with the right code.
const fs = require('fs');
const path = require('path');
const os = require('os');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'coil-exit-'));
fs.watch(dir).unref();
fs.readFile(__filename, (err, data) => {
  console.log('read', !err && data.length > 0);
  fs.rmSync(dir, { recursive: true });
  process.exitCode = 3;
});
