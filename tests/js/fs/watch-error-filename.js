// fs.watch on a path that does not exist throws ENOENT naming the path twice, as
// `path` and `filename`.
const fs = require('fs');
const path = require('path');
const os = require('os');

const missing = path.join(os.tmpdir(), `coil-watch-missing-${process.pid}`);
try {
  fs.watch(missing, () => {});
} catch (e) {
  console.log(e.code, e.syscall, e.errno, e.path === missing, e.filename === missing);
  console.log(e.message === `ENOENT: no such file or directory, watch '${missing}'`);
  console.log(Object.keys(e).sort().join());
}
