// How fs objects print and what their prototypes hold: Dirent (with its type
// symbol), a Stats built by hand, the Stats/StatsBase prototype methods, and a
// FileHandle's own fields (close is an own property in Node).
const fs = require('fs');
const os = require('os');
const path = require('path');
const util = require('util');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'coil-'));
fs.writeFileSync(path.join(dir, 'a'), '');
console.log(util.inspect(fs.readdirSync(dir, { withFileTypes: true })).split(dir).join('<dir>'));
const st = fs.statSync(path.join(dir, 'a'));
console.log(Object.getOwnPropertyNames(Object.getPrototypeOf(st)));
console.log(Object.getOwnPropertyNames(Object.getPrototypeOf(Object.getPrototypeOf(st))));
console.log(Object.getOwnPropertyNames(Object.getPrototypeOf(fs.statSync(dir, { bigint: true }))));
console.log(new fs.Stats(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14));
console.log('inspect lines', util.inspect(st).split('\n').length, util.inspect(fs.statSync(dir, { bigint: true })).split('\n').length);
const d = fs.readdirSync(dir, { withFileTypes: true })[0];
console.log(Object.getOwnPropertyNames(Object.getPrototypeOf(d)), Object.getOwnPropertySymbols(d).map(String));
fs.promises.open(path.join(dir, 'a')).then(async (fh) => {
  console.log(Object.keys(fh), typeof fh.close, Object.prototype.hasOwnProperty.call(fh, 'close'), fh.close.name);
  await fh.close();
  fs.rmSync(dir, { recursive: true });
});
