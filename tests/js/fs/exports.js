// The fs module's shape: its keys in Node's order (what console.log(fs) lists),
// which are getters (loaded lazily), lchmod present but undefined on Linux, and
// fs.promises' keys. cp, statfs and openAsBlob are left out of the comparison:
// coil does not have them yet.
const fs = require('fs');

const notYet = new Set(['cp', 'cpSync', 'statfs', 'statfsSync', 'openAsBlob']);
const describe = (obj) => Object.keys(obj).filter((k) => !notYet.has(k)).map((k) => {
  const d = Object.getOwnPropertyDescriptor(obj, k);
  return k + (d.get ? ':get' : typeof d.value === 'function' ? '' : `:${typeof d.value}`);
}).join(' ');
console.log(describe(fs));
console.log(describe(fs.promises));
console.log('lchmod', 'lchmod' in fs, fs.lchmod, typeof fs.promises.lchmod);
console.log('names', fs.readFile.name, fs.readFileSync.name, fs.promises.readFile.name, fs.rename.name);
fs.ReadStream = function Replaced() {};
console.log('ReadStream can be replaced', fs.ReadStream.name);
