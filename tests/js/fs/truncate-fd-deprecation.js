// fs.truncateSync and fs.truncate given a file descriptor warn DEP0081, once per
// process for both together, and still truncate.
const fs = require('fs');
const path = require('path');
const os = require('os');

const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'coil-trunc-')), 'f');
fs.writeFileSync(file, 'x'.repeat(100));
const fd = fs.openSync(file, 'r+');
const warnings = [];
process.on('warning', (w) => warnings.push(`${w.name} ${w.code}: ${w.message}`));

fs.truncateSync(fd, 10);
console.log('after truncateSync', fs.fstatSync(fd).size);
fs.truncate(fd, 5, (err) => {
  console.log('truncate error', err);
  console.log('after truncate', fs.fstatSync(fd).size);
  fs.closeSync(fd);
  fs.rmSync(path.dirname(file), { recursive: true });
  setImmediate(() => console.log(warnings));
});
