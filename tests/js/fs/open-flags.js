// Every open flag string, checked by what the kernel reports for the new fd
// (/proc/self/fdinfo): access mode, O_APPEND, O_SYNC, close-on-exec; plus which
// strings create, truncate or refuse an existing file, and numeric flags.
const fs = require('fs');
const os = require('os');
const path = require('path');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'coil-'));
const existing = path.join(dir, 'existing');
const { O_WRONLY, O_RDWR, O_APPEND, O_SYNC, O_CREAT } = fs.constants;
function kernelFlags(fd) {
  const info = fs.readFileSync(`/proc/self/fdinfo/${fd}`, 'utf8');
  const f = parseInt(/flags:\s+(\d+)/.exec(info)[1], 8);
  const acc = ['r', 'w', 'rw'][f & 3];
  return `${acc}${f & O_APPEND ? '+append' : ''}${(f & O_SYNC) === O_SYNC ? '+sync' : ''}${f & 0o2000000 ? '+cloexec' : ''}`;
}
const flags = ['r', 'rs', 'sr', 'r+', 'rs+', 'sr+', 'w', 'wx', 'xw', 'w+', 'wx+', 'xw+', 'a', 'ax', 'xa', 'as', 'sa',
  'a+', 'ax+', 'xa+', 'as+', 'sa+'];
for (const flag of flags) {
  fs.writeFileSync(existing, 'old');
  let onExisting;
  try {
    const fd = fs.openSync(existing, flag);
    onExisting = `${kernelFlags(fd)} size=${fs.fstatSync(fd).size}`;
    fs.closeSync(fd);
  } catch (e) {
    onExisting = e.code;
  }
  const fresh = path.join(dir, `new-${flag}`);
  let onMissing;
  try {
    fs.closeSync(fs.openSync(fresh, flag));
    onMissing = fs.existsSync(fresh) ? 'created' : 'not created';
  } catch (e) {
    onMissing = e.code;
  }
  console.log(flag.padEnd(4), onExisting.padEnd(24), onMissing);
}
const fd = fs.openSync(existing, O_RDWR | O_APPEND);
console.log('numeric flags', kernelFlags(fd));
fs.closeSync(fd);
const fd2 = fs.openSync(path.join(dir, 'numeric-new'), O_WRONLY | O_CREAT, 0o600);
console.log('numeric create', kernelFlags(fd2), (fs.fstatSync(fd2).mode & 0o777).toString(8));
fs.closeSync(fd2);
fs.open(existing, 'a+', (err, fd) => {
  console.log('callback open', err, kernelFlags(fd));
  fs.closeSync(fd);
  fs.promises.open(existing, 'rs+').then(async (fh) => {
    console.log('promise open', kernelFlags(fh.fd));
    await fh.close();
    fs.rmSync(dir, { recursive: true });
  });
});
