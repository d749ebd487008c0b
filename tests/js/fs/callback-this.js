// fs callbacks run with `this` undefined, as Node calls them, and get the error
// alone when a call fails or has no value.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'coil-this-'));
const file = path.join(dir, 'f');
const steps = [
  (next) => fs.writeFile(file, 'abc', next),
  (next) => fs.stat(file, next),
  (next) => fs.open(file, 'r', function(err, fd) {
    fs.close(fd, next);
  }),
  (next) => fs.access(file, next),
  (next) => fs.readdir(dir, next),
  (next) => fs.readFile(file, 'utf8', next),
  (next) => fs.close(123456, next),
  (next) => fs.stat(path.join(dir, 'missing'), next),
  (next) => fs.mkdir(path.join(dir, 'd'), next),
  (next) => fs.rmdir(path.join(dir, 'd'), next),
];
let i = 0;
function run() {
  if (i === steps.length) {
    fs.rmSync(dir, { recursive: true });
    return;
  }
  const n = i++;
  steps[n](function(err) {
    console.log(n, 'this', this, 'args', arguments.length, err ? err.code : err);
    run();
  });
}
run();
