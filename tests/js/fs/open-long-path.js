// coil-only: node v20 itself crashes (SIGSEGV) on the 2**29-character path
// A path longer than the kernel takes throws ENAMETOOLONG, with the path in the
// message when it fits in a string — and without it, instead of aborting, when
// the message would be longer than V8's longest string.
const fs = require('fs');
for (const n of [5000, 2 ** 29 - 40]) {
  const path = 'a'.repeat(n);
  try {
    fs.openSync(path);
    console.log('no error');
  } catch (e) {
    const shown = e.message.includes(path) ? 'path shown' : 'path not shown';
    console.log(e.code, e.errno, e.syscall, e.path === path, shown);
  }
}
fs.stat('a'.repeat(5000), (e) => console.log('async', e.code, e.syscall));
